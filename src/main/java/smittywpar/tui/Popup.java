package smittywpar.tui;

/** A box drawn over a {@link Panel}. */
public sealed interface Popup permits ListPopupView, MessagePopupView, EntryPopupView {
}
