package smittywpar.tui;

import java.util.List;

/** A box drawn over a {@link Panel}. */
public sealed interface Popup permits ListPopupView, MessagePopupView, EntryPopupView {
    /** The function-key legend inside the box, 3 entries per row. */
    List<String> legend();
}
