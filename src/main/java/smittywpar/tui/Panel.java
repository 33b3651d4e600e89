package smittywpar.tui;

import java.util.List;

/** A full screen: the base of a {@link Scene}. */
public sealed interface Panel permits MenuView, DialogView, OutputView, BlankView {
    /** The function-key legend at the bottom, 4 entries per row at columns 0, 20, 40, 60. */
    List<String> legend();
}
