package smittywpar.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes AIX stanza files (the format of /etc/wpars/*.cf, /etc/filesystems and WPAR
 * specification files):
 *
 * <pre>
 * * a comment
 * general:
 *         name = "wpar1"
 *         auto = "no"
 * </pre>
 *
 * Values are written double-quoted with {@code \\}, {@code \"} and {@code \n} escaped, so any
 * string survives a round trip. Unquoted values are accepted on input.
 */
public final class StanzaFile {
    private StanzaFile() {
    }

    /** Thrown for text that is not a well-formed stanza file. */
    public static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        public SyntaxException(int line, String reason) {
            super(reason, null, false, false);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    public static List<Stanza> parse(String text) throws SyntaxException {
        List<Stanza> out = new ArrayList<>();
        Stanza cur = null;
        int lineNo = 0;
        int pos = 0;
        int n = text.length();
        while (pos < n) {
            int eol = text.indexOf('\n', pos);
            if (eol < 0) {
                eol = n;
            }
            lineNo++;
            String line = text.substring(pos, eol);
            pos = eol + 1;
            if (!line.isEmpty() && line.charAt(line.length() - 1) == '\r') {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isBlank() || line.charAt(0) == '*' || line.charAt(0) == '#') {
                continue;
            }
            char first = line.charAt(0);
            if (first != ' ' && first != '\t') {
                String t = line.strip();
                if (!t.endsWith(":") || t.length() == 1) {
                    throw new SyntaxException(lineNo, "expected a stanza header such as 'general:'");
                }
                String name = t.substring(0, t.length() - 1).strip();
                if (!isName(name)) {
                    throw new SyntaxException(lineNo, "bad stanza name '" + name + "'");
                }
                cur = new Stanza(name, lineNo);
                out.add(cur);
                continue;
            }
            if (cur == null) {
                throw new SyntaxException(lineNo, "attribute line before the first stanza header");
            }
            String t = line.strip();
            int eq = t.indexOf('=');
            if (eq <= 0) {
                throw new SyntaxException(lineNo, "expected 'attribute = \"value\"'");
            }
            String key = t.substring(0, eq).strip();
            if (!isName(key)) {
                throw new SyntaxException(lineNo, "bad attribute name '" + key + "'");
            }
            String raw = t.substring(eq + 1).strip();
            String value = raw.startsWith("\"") ? unquote(raw, lineNo) : raw;
            if (cur.attrs().containsKey(key)) {
                throw new SyntaxException(lineNo, "attribute '" + key + "' appears twice in stanza '" + cur.name() + "'");
            }
            cur.attrs().put(key, value);
        }
        return out;
    }

    private static boolean isName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static String unquote(String raw, int lineNo) throws SyntaxException {
        StringBuilder sb = new StringBuilder(raw.length());
        int i = 1;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '"') {
                if (i != raw.length() - 1) {
                    throw new SyntaxException(lineNo, "text after the closing quote");
                }
                return sb.toString();
            }
            if (c == '\\') {
                if (i + 1 >= raw.length()) {
                    break;
                }
                char e = raw.charAt(++i);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case '\\', '"' -> sb.append(e);
                    default -> throw new SyntaxException(lineNo, "unknown escape \\" + e);
                }
            } else {
                sb.append(c);
            }
            i++;
        }
        throw new SyntaxException(lineNo, "missing closing quote");
    }

    public static String format(List<Stanza> stanzas) {
        StringBuilder sb = new StringBuilder(256 * Math.max(1, stanzas.size()));
        boolean firstStanza = true;
        for (Stanza s : stanzas) {
            if (!firstStanza) {
                sb.append('\n');
            }
            firstStanza = false;
            sb.append(s.name()).append(":\n");
            for (var e : s.attrs().entrySet()) {
                sb.append('\t').append(e.getKey()).append(" = ");
                quote(sb, e.getValue());
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    static void quote(StringBuilder sb, String v) {
        sb.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        sb.append('"');
    }
}
