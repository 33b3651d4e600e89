package smittywpar.msg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The one message catalogue. Every text a user can read (AIX messages, progress lines, usage
 * lines, hints) lives in {@code smittywpar/messages.properties}; code refers to keys only.
 * Placeholders are {@code {0}}, {@code {1}}, ...; no other character is special.
 */
public final class Messages {
    private static final Properties TEXTS = load();

    private Messages() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("/smittywpar/messages.properties")) {
            if (in == null) {
                throw new IllegalStateException("message catalogue smittywpar/messages.properties is missing");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** True when the catalogue has this key (used by the catalogue's own tests). */
    public static boolean has(String key) {
        return TEXTS.containsKey(key);
    }

    /** The text of {@code key} with {@code {n}} replaced by {@code args[n]}. */
    public static String get(String key, Object... args) {
        String text = TEXTS.getProperty(key);
        if (text == null) {
            throw new IllegalArgumentException("no message " + key + " in the catalogue");
        }
        return format(text, args);
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
                    if (digits.chars().allMatch(Character::isDigit)) {
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
}
