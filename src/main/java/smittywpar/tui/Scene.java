package smittywpar.tui;

import java.util.List;

/** Everything on screen: one panel and the pop-ups over it, the last one on top (it has the keys). */
public record Frame(Panel base, List<Popup> popups) {
    public Frame {
        popups = List.copyOf(popups);
    }

    public static Frame of(Panel base, Popup... popups) {
        return new Frame(base, List.of(popups));
    }
}
