package smittywpar.tui;

import java.util.List;
import java.util.Locale;

/**
 * Scrolling and searching of the COMMAND STATUS output. While {@code follow} is on (SMIT's
 * exec_mode {@code p}: output scrolls while the command runs) the last rows stay in view until
 * the user scrolls. Find searches the screen rows (after wrapping) from below the last hit or
 * the top row, wrapping round once, and shows the hit on the top row in reverse video.
 */
public final class Pager {
    private List<String> lines = List.of();
    private boolean follow;
    private int top;
    private int mark = -1;
    private int page = 1;
    private int cols = Layout.WIDTH;

    public Pager(boolean follow) {
        this.follow = follow;
    }

    /** The output so far (stdout and stderr interleaved as produced). */
    public void set(List<String> output) {
        this.lines = List.copyOf(output);
    }

    public OutputView view(OutputView.Status status, boolean stdout, boolean stderr, int cols, int rows) {
        this.cols = cols;
        int total = Layout.outputRows(lines, cols).size();
        Layout.Scroll s = Layout.outputScroll(rows, total, follow ? Integer.MAX_VALUE : top);
        top = s.top();
        page = Math.max(1, s.visible());
        return new OutputView(status, stdout, stderr, lines, top, mark);
    }

    public Intent handle(Action a) {
        switch (a.kind()) {
            case UP:
                return scroll(top - 1);
            case DOWN:
                return scroll(top + 1);
            case PGUP:
                return scroll(top - page);
            case PGDN:
                return scroll(top + page);
            case HOME:
                return scroll(0);
            case END:
                return scroll(Integer.MAX_VALUE);
            case HELP:
                return Intent.of(Intent.Kind.HELP);
            case COMMAND:
                return Intent.of(Intent.Kind.COMMAND);
            case CHAR:
                if (a.ch() == '/') {
                    return Intent.of(Intent.Kind.FIND);
                }
                return a.ch() == 'n' ? Intent.of(Intent.Kind.FIND_NEXT) : Intent.BEEP;
            default:
                return Intent.PASS;
        }
    }

    private Intent scroll(int to) {
        follow = false;
        top = Math.max(0, to);
        return Intent.NONE;
    }

    /** Finds the next row containing {@code pattern} (ignoring case); false when none does. */
    public boolean find(String pattern) {
        if (pattern == null || pattern.isEmpty()) {
            return false;
        }
        List<String> rows = Layout.outputRows(lines, cols);
        String p = pattern.toLowerCase(Locale.ROOT);
        int from = mark >= 0 ? mark + 1 : top;
        for (int k = 0; k < rows.size(); k++) {
            int r = (from + k) % rows.size();
            if (rows.get(r).toLowerCase(Locale.ROOT).contains(p)) {
                mark = r;
                follow = false;
                top = r;
                return true;
            }
        }
        return false;
    }
}
