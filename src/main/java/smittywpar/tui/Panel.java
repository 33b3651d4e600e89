package smittywpar.tui;

/** A full screen: the base of a {@link Frame}. */
public sealed interface Panel permits MenuView, DialogView, OutputView {
}
