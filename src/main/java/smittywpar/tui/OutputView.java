package smittywpar.tui;

import java.util.List;

/**
 * COMMAND STATUS: the status line, the fixed notice and the command's output.
 *
 * @param lines output lines as produced (stdout and stderr interleaved); long lines wrap
 * @param top   first screen row of the output shown (rows after wrapping; clamped when drawn)
 * @param mark  screen row (after wrapping) shown in reverse video, the last find hit; -1 for none
 */
public record OutputView(Status status, boolean stdout, boolean stderr, List<String> lines, int top, int mark)
        implements Panel {
    /** What the status line says after {@code Command:}. */
    public enum Status { RUNNING, OK, FAILED }

    public OutputView {
        lines = List.copyOf(lines);
    }
}
