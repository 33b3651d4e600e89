package smittywpar.tui;

import java.util.List;

/**
 * COMMAND STATUS: the status line, the fixed notice and the command's output.
 *
 * @param status the word after {@code Command:} ({@code running}, {@code OK}, {@code failed})
 * @param notice the line(s) above the output ("Before command completion, ...")
 * @param lines  output lines as produced (stdout and stderr interleaved); long lines wrap
 * @param top    first screen row of the output shown (rows after wrapping; clamped when drawn)
 * @param mark   screen row (after wrapping) shown in reverse video, the last find hit; -1 for none
 */
public record OutputView(String title, String status, boolean stdout, boolean stderr, List<String> notice,
        List<String> lines, int top, int mark, List<String> legend) implements Panel {
    public OutputView {
        notice = List.copyOf(notice);
        lines = List.copyOf(lines);
        legend = List.copyOf(legend);
    }
}
