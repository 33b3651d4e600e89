package smittywpar.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import smittywpar.msg.Messages;

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

    /**
     * Parses a stanza file. Lines are taken by their bounds in {@code text} (no copy of a line,
     * and values without escapes cut out once): a young JVM interprets this loop for every line
     * of host.cf and of each WPAR file a command reads.
     */
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
            int from = pos;
            int to = eol;
            pos = eol + 1;
            if (to > from && text.charAt(to - 1) == '\r') {
                to--;
            }
            // the line's text without blanks at either end (String.strip's blanks)
            int a = from;
            while (a < to && Character.isWhitespace(text.charAt(a))) {
                a++;
            }
            if (a == to || text.charAt(from) == '*' || text.charAt(from) == '#') {
                continue;
            }
            int b = to;
            while (Character.isWhitespace(text.charAt(b - 1))) {
                b--;
            }
            char first = text.charAt(from);
            if (first != ' ' && first != '\t') {
                if (text.charAt(b - 1) != ':' || b - a == 1) {
                    throw new SyntaxException(lineNo, Messages.get("corrupt.syntax.header"));
                }
                int e = b - 1;
                while (e > a && Character.isWhitespace(text.charAt(e - 1))) {
                    e--;
                }
                String name = text.substring(a, e);
                if (!isName(name)) {
                    throw new SyntaxException(lineNo, Messages.get("corrupt.syntax.stanzaname", name));
                }
                cur = new Stanza(name, lineNo);
                out.add(cur);
                continue;
            }
            if (cur == null) {
                throw new SyntaxException(lineNo, Messages.get("corrupt.syntax.beforeheader"));
            }
            int eq = text.indexOf('=', a);
            if (eq < 0 || eq >= b || eq == a) {
                throw new SyntaxException(lineNo, Messages.get("corrupt.syntax.attribute"));
            }
            int ke = eq;
            while (ke > a && Character.isWhitespace(text.charAt(ke - 1))) {
                ke--;
            }
            String key = text.substring(a, ke);
            if (!isName(key)) {
                throw new SyntaxException(lineNo, Messages.get("corrupt.syntax.attributename", key));
            }
            int va = eq + 1;
            while (va < b && Character.isWhitespace(text.charAt(va))) {
                va++;
            }
            String value;
            if (va < b && text.charAt(va) == '"') {
                // "text" without escapes is cut out as it is; anything else goes through unquote
                int q = va + 1;
                while (q < b && text.charAt(q) != '"' && text.charAt(q) != '\\') {
                    q++;
                }
                value = q == b - 1 && text.charAt(q) == '"' ? text.substring(va + 1, q)
                        : unquote(text.substring(va, b), lineNo);
            } else {
                for (int q = va; q < b; q++) {
                    if (text.charAt(q) == '"') {
                        throw new SyntaxException(lineNo, Messages.get("corrupt.syntax.strayquote"));
                    }
                }
                value = text.substring(va, b);
            }
            if (cur.attrs().containsKey(key)) {
                throw new SyntaxException(lineNo, Messages.get("corrupt.syntax.twice", key, cur.name(), cur.line(key)));
            }
            cur.putRead(key, value, lineNo);
        }
        return out;
    }

    // ---- files that must be whole -------------------------------------------------------------

    /** First line of a sealed file: it says that the file must end with {@link #END}. */
    public static final String SEALED = "* smitty-wpar state file: its last line must be the end line below";
    /** Last line of a sealed file: a sealed file without it was cut short. */
    public static final String END = "* end of file";

    /** The text with the first and last lines that make a cut-short copy recognisable. */
    public static String seal(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 100).append(SEALED).append('\n').append(text);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            sb.append('\n');
        }
        return sb.append(END).append('\n').toString();
    }

    /** True when the text starts as {@link #seal} makes it (older files do not). */
    public static boolean isSealed(String text) {
        return text.startsWith(SEALED + "\n");
    }

    /**
     * Checks that a sealed text is whole: its last line (blank lines aside) is {@link #END} and
     * nothing but blank lines follows the first end line. Texts without the first line pass,
     * unless they have the end line (then the first line was lost).
     */
    public static void checkSealed(String text) throws SyntaxException {
        if (!isSealed(text)) {
            // an end line without the first line: the first line was lost or damaged
            if (text.startsWith(END + "\n") || text.contains("\n" + END + "\n") || text.endsWith("\n" + END)) {
                throw new SyntaxException(1, Messages.get("store.why.noseal", SEALED));
            }
            return;
        }
        int lineNo = 0;
        int endLine = 0;
        int lastLine = 0;
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
            if (line.isBlank()) {
                continue;
            }
            lastLine = lineNo;
            if (endLine > 0) {
                throw new SyntaxException(lineNo, Messages.get("store.why.afterend", END, endLine));
            }
            if (line.strip().equals(END)) {
                endLine = lineNo;
            }
        }
        if (endLine == 0) {
            throw new SyntaxException(lastLine, Messages.get("store.why.cutshort", END));
        }
    }

    /**
     * Checks that every stanza has attributes (a header alone is what is left of a cut or a stray
     * line) and what no stanza file may hold twice: a second stanza of a kind that comes once
     * ({@code singletons}); two stanzas of one kind with the same value of its key attribute
     * ({@code keys}: stanza name to attribute, which such a stanza must have); and, for every other
     * kind, two identical stanzas.
     */
    public static void checkUnique(List<Stanza> stanzas, Set<String> singletons, Map<String, String> keys)
            throws SyntaxException {
        Map<Object, Stanza> seen = new HashMap<>();
        for (Stanza s : stanzas) {
            if (s.attrs().isEmpty()) {
                throw new SyntaxException(s.line(), Messages.get("corrupt.syntax.empty", s.name()));
            }
            Object id;
            if (singletons.contains(s.name())) {
                id = s.name();
            } else if (keys.containsKey(s.name())) {
                String v = s.get(keys.get(s.name()));
                if (v == null) {
                    throw new SyntaxException(s.line(), Messages.get("corrupt.syntax.nokey", s.name(), keys.get(s.name())));
                }
                id = s.name() + "\n" + keys.get(s.name()) + "\n" + v;
            } else {
                // the name and every attribute and value in order (the strings hash once; the text of
                // the whole map, as this was, cost the interpreter a copy of every stanza of the kind)
                List<String> all = new ArrayList<>(1 + 2 * s.attrs().size());
                all.add(s.name());
                for (var e : s.attrs().entrySet()) {
                    all.add(e.getKey());
                    all.add(e.getValue());
                }
                id = all;
            }
            Stanza first = seen.putIfAbsent(id, s);
            if (first != null) {
                String what = singletons.contains(s.name()) ? Messages.get("corrupt.syntax.dupstanza", s.name(), first.line())
                        : keys.containsKey(s.name())
                        ? Messages.get("corrupt.syntax.dupkey", s.name(), keys.get(s.name()), s.get(keys.get(s.name())), first.line())
                        : Messages.get("corrupt.syntax.dupsame", s.name(), first.line());
                throw new SyntaxException(s.line(), what);
            }
        }
    }

    /** A value of ASCII digits only, at most {@link Long#MAX_VALUE}, or -1 for anything else. */
    public static long digits(String v) {
        if (v == null || v.isEmpty() || v.length() > 19
                || v.length() == 19 && v.compareTo(String.valueOf(Long.MAX_VALUE)) > 0) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static boolean isName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-')) {
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
                    throw new SyntaxException(lineNo, Messages.get("corrupt.syntax.afterquote"));
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
                    default -> throw new SyntaxException(lineNo, Messages.get("corrupt.syntax.escape", "\\" + e));
                }
            } else {
                sb.append(c);
            }
            i++;
        }
        throw new SyntaxException(lineNo, Messages.get("corrupt.syntax.noquote"));
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
