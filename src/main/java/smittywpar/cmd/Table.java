package smittywpar.cmd;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A text table as AIX list commands print it: header, dash rule, rows; columns two blanks apart. */
final class Table {
    private final List<String[]> rows = new ArrayList<>();
    private final String[] header;

    Table(String... header) {
        this.header = header;
    }

    void add(String... row) {
        rows.add(row);
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintStream out, boolean withHeader) {
        int n = header.length;
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = header[i].length();
        }
        for (String[] r : rows) {
            for (int i = 0; i < n; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder(256);
        if (withHeader) {
            String h = line(header, w);
            int width = h.length();
            for (String[] r : rows) {
                width = Math.max(width, lineLength(r, w));
            }
            sb.append(h).append('\n').append("-".repeat(width)).append('\n');
        }
        for (String[] r : rows) {
            appendLine(sb, r, w);
            sb.append('\n');
        }
        out.print(sb);
    }

    private static String line(String[] cells, int[] w) {
        StringBuilder sb = new StringBuilder(128);
        appendLine(sb, cells, w);
        return sb.toString();
    }

    /** The length of {@link #line}: where its last non-empty cell ends. */
    private static int lineLength(String[] cells, int[] w) {
        int len = 0;
        int pos = 0;
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i].stripTrailing();
            if (!c.isEmpty()) {
                len = pos + c.length();
            }
            pos += w[i] + 2;
        }
        return len;
    }

    /** Appends the cells padded to their column widths, without trailing blanks. */
    private static void appendLine(StringBuilder sb, String[] cells, int[] w) {
        int start = sb.length();
        for (int i = 0; i < cells.length; i++) {
            sb.append(cells[i]);
            if (i < cells.length - 1) {
                for (int pad = w[i] - cells[i].length() + 2; pad > 0; pad--) {
                    sb.append(' ');
                }
            }
        }
        int end = sb.length();
        while (end > start && sb.charAt(end - 1) == ' ') {
            end--;
        }
        sb.setLength(end);
    }
}
