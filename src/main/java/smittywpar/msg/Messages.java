package smittywpar.msg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import smittywpar.base.Bundled;

/**
 * The one message catalogue. Every text a user can read (AIX messages, progress lines, usage
 * lines, hints) lives in {@code smittywpar/messages.properties}; code refers to keys only.
 * Placeholders are {@code {0}}, {@code {1}}, ...; no other character is special.
 */
public final class Messages {
    /**
     * The catalogue as text, with a newline in front so that every key is found as
     * {@code "\nkey="}. A lookup is one search in this text: nothing is parsed at start-up beyond
     * the keys a command actually prints (java.util.Properties parsed the whole file, which cost a
     * young JVM about 20 ms).
     */
    private static final String TEXT = load();
    /** Texts already looked up (a command prints some, such as progress lines, many times). */
    private static final java.util.Map<String, String> SEEN = new java.util.concurrent.ConcurrentHashMap<>();

    private Messages() {
    }

    private static String load() {
        try {
            byte[] text = Bundled.read("smittywpar/messages.properties");
            if (text == null) {
                throw new IllegalStateException("message catalogue smittywpar/messages.properties is missing");
            }
            // (a CR before a line's LF is taken as part of the line end by lookup: replacing every
            // CRLF here ran the interpreter over all 77 kB at every start)
            return "\n" + new String(text, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the catalogue has this key (used by the catalogue's own tests). */
    public static boolean has(String key) {
        return lookup(key) != null;
    }

    /** The text of {@code key} with {@code {n}} replaced by {@code args[n]}. */
    public static String get(String key, Object... args) {
        String text = SEEN.get(key);
        if (text == null) {
            text = lookup(key);
            if (text != null) {
                SEEN.put(key, text);
            }
        }
        if (text == null) {
            throw new IllegalArgumentException("no message " + key + " in the catalogue");
        }
        return format(text, args);
    }

    /**
     * The value of {@code key} in properties-file syntax as this catalogue uses it: {@code key=value}
     * lines, a backslash at the end of a line continues the value on the next (whose leading
     * blanks are dropped), and the escapes backslash-n, -t, -blank, -backslash, -equals and -uXXXX.
     */
    static String lookup(String key) {
        int at = TEXT.indexOf("\n" + key + "=");
        if (at < 0) {
            return null;
        }
        int i = at + key.length() + 2;
        int n = TEXT.length();
        while (i < n && (TEXT.charAt(i) == ' ' || TEXT.charAt(i) == '\t')) {
            i++;
        }
        StringBuilder sb = new StringBuilder(80);
        while (i < n) {
            char c = TEXT.charAt(i++);
            if (c == '\n' || c == '\r' && (i == n || TEXT.charAt(i) == '\n')) {
                break;
            }
            if (c != '\\' || i >= n) {
                sb.append(c);
                continue;
            }
            char e = TEXT.charAt(i++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(TEXT.substring(i, i + 4), 16));
                    i += 4;
                }
                case '\r', '\n' -> {
                    if (e == '\r' && i < n && TEXT.charAt(i) == '\n') {
                        i++;
                    }
                    while (i < n && (TEXT.charAt(i) == ' ' || TEXT.charAt(i) == '\t')) {
                        i++;
                    }
                }
                default -> sb.append(e);
            }
        }
        return sb.toString();
    }

    static String format(String text, Object... args) {
        if (args.length == 0 || text.indexOf('{') < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 32);
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '{') {
                int close = text.indexOf('}', i + 1);
                if (close > i + 1 && close - i <= 3) {
                    String digits = text.substring(i + 1, close);
                    if (allDigits(digits)) {
                        int idx = Integer.parseInt(digits);
                        sb.append(idx < args.length ? String.valueOf(args[idx]) : text.substring(i, close + 1));
                        i = close + 1;
                        continue;
                    }
                }
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
