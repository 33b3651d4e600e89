package smittywpar.cmd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AIX's colon format, as lswpar -c writes it and SMIT's discovery reads it: a header line
 * {@code #name:name:...}, then one line of values per object. A colon inside a value (an IPv6
 * address) is written {@code #!:} [R: the escape of AIX's colon format that SMIT reads]. lswpar -d
 * writes the same lines with another delimiter and no escape. The one writer and reader of the
 * format: lswpar writes with it, the SMIT layer's Change/Show discovery reads with it.
 */
public final class ColonFormat {
    public static final String ESCAPED_COLON = "#!:";

    /** Colon output read back: the field names of the header and the lines of values. */
    public record Table(List<String> names, List<List<String>> rows) {
        /** The first line of values by field name (empty when there is none): what discovery uses. */
        public Map<String, String> first() {
            Map<String, String> out = new LinkedHashMap<>();
            if (!rows.isEmpty()) {
                List<String> values = rows.get(0);
                for (int i = 0; i < names.size() && i < values.size(); i++) {
                    out.put(names.get(i), values.get(i));
                }
            }
            return out;
        }
    }

    private ColonFormat() {
    }

    /**
     * Appends one line: the cells of {@code row} chosen by {@code select}, joined by
     * {@code delim}; a header line starts with {@code #}.
     */
    static void appendLine(StringBuilder sb, boolean header, String[] row, int[] select, String delim) {
        if (header) {
            sb.append('#');
        }
        boolean colon = delim.equals(":");
        for (int i = 0; i < select.length; i++) {
            if (i > 0) {
                sb.append(delim);
            }
            String v = row[select[i]];
            sb.append(colon && v.indexOf(':') >= 0 ? v.replace(":", ESCAPED_COLON) : v);
        }
        sb.append('\n');
    }

    /**
     * Reads colon output: the first {@code #} line is the header, the lines after it that do not
     * start with {@code #} are values (lines before the header are ignored).
     */
    public static Table read(List<String> lines) {
        List<String> names = null;
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines) {
            if (names == null) {
                if (line.startsWith("#")) {
                    names = new ArrayList<>();
                    for (String n : split(line.substring(1))) {
                        names.add(n.strip());
                    }
                }
            } else if (!line.startsWith("#")) {
                rows.add(split(line));
            }
        }
        return new Table(names == null ? List.of() : List.copyOf(names), rows);
    }

    /** The fields of one line, with {@code #!:} read as a colon. */
    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            if (line.startsWith(ESCAPED_COLON, i)) {
                field.append(':');
                i += ESCAPED_COLON.length() - 1;
            } else if (line.charAt(i) == ':') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(line.charAt(i));
            }
        }
        out.add(field.toString());
        return out;
    }
}
