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
                width = Math.max(width, line(r, w).length());
            }
            sb.append(h).append('\n').append("-".repeat(width)).append('\n');
        }
        for (String[] r : rows) {
            sb.append(line(r, w)).append('\n');
        }
        out.print(sb);
    }

    private static String line(String[] cells, int[] w) {
        StringBuilder sb = new StringBuilder(128);
        for (int i = 0; i < cells.length; i++) {
            sb.append(cells[i]);
            if (i < cells.length - 1) {
                sb.append(" ".repeat(w[i] - cells[i].length() + 2));
            }
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        sb.setLength(end);
        return sb.toString();
    }
}
