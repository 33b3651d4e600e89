package smittywpar.tui;

import java.util.List;

/** An empty screen with only a title: what is behind a pop-up shown before any screen. */
public record BlankView(String title, List<String> legend) implements Panel {
    public BlankView {
        legend = List.copyOf(legend);
    }
}
