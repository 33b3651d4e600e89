package smittywpar.host;

import java.nio.charset.StandardCharsets;

/**
 * Paths of the simulated AIX file trees: always absolute, normalised, and resolved by text alone.
 * There are no links in these trees, so {@code ..} is simply the parent, and the parent of
 * {@code /} is {@code /}: a path can never climb out of the tree it is resolved in (a WPAR's
 * {@code /../../etc} is the WPAR's own {@code /etc}).
 */
public final class AixPath {
    /** AIX's PATH_MAX (bytes of a path) and NAME_MAX (bytes of one name). */
    public static final int PATH_MAX = 1023;
    public static final int NAME_MAX = 255;

    private AixPath() {
    }

    /**
     * The absolute, normalised form of {@code path}, taken relative to the absolute directory
     * {@code cwd} when it does not start with {@code /}.
     */
    public static String resolve(String cwd, String path) {
        String whole = path.startsWith("/") || cwd == null ? path : cwd + "/" + path;
        StringBuilder out = new StringBuilder(whole.length() + 1);
        int i = 0;
        int n = whole.length();
        while (i < n) {
            int slash = whole.indexOf('/', i);
            int end = slash < 0 ? n : slash;
            int len = end - i;
            if (len == 0 || len == 1 && whole.charAt(i) == '.') {
                // nothing
            } else if (len == 2 && whole.charAt(i) == '.' && whole.charAt(i + 1) == '.') {
                int cut = out.lastIndexOf("/");
                out.setLength(Math.max(0, cut));
            } else {
                out.append('/').append(whole, i, end);
            }
            i = end + 1;
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    /** The directory holding {@code path} ({@code /} for {@code /} itself). */
    public static String parent(String path) {
        int cut = path.lastIndexOf('/');
        return cut <= 0 ? "/" : path.substring(0, cut);
    }

    /** The last name of {@code path} (empty for {@code /}). */
    public static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public static String child(String dir, String name) {
        return dir.equals("/") ? "/" + name : dir + "/" + name;
    }

    /** True when {@code path} is {@code dir} or lies below it. */
    public static boolean under(String path, String dir) {
        if (dir.equals("/")) {
            return true;
        }
        return path.startsWith(dir) && (path.length() == dir.length() || path.charAt(dir.length()) == '/');
    }

    /** {@code path} as seen from {@code dir} (which contains it): {@code /a/b/c} from {@code /a} is {@code /b/c}. */
    public static String relativeTo(String path, String dir) {
        if (dir.equals("/")) {
            return path;
        }
        return path.length() == dir.length() ? "/" : path.substring(dir.length());
    }

    /** {@code sub} (a path of a mounted tree) placed at {@code point}: {@code /etc} at {@code /wpars/w} is {@code /wpars/w/etc}. */
    public static String join(String point, String sub) {
        if (sub.equals("/")) {
            return point;
        }
        return point.equals("/") ? sub : point + sub;
    }

    /** True when some name of the path is longer than NAME_MAX or the path longer than PATH_MAX bytes. */
    public static boolean tooLong(String path) {
        if (utf8Length(path) > PATH_MAX) {
            return true;
        }
        for (String part : path.split("/")) {
            if (utf8Length(part) > NAME_MAX) {
                return true;
            }
        }
        return false;
    }

    public static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    /**
     * {@code text} with every byte (of its UTF-8 form) other than letters, digits and
     * {@code . _ , + = @ : ~ - /} written as {@code %XX}, so that it holds no blank, line break or
     * other character a stanza or a file name of the state directory cannot hold.
     */
    public static String encode(String text) {
        boolean plain = true;
        for (int i = 0; i < text.length() && plain; i++) {
            plain = safe(text.charAt(i));
        }
        if (plain) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (safe(c)) {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }

    private static boolean safe(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || ".-_,+=@:~/".indexOf(c) >= 0;
    }

    /** The text {@link #encode} wrote; null when {@code text} is not such a text. */
    public static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        byte[] out = new byte[text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    return null;
                }
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out[n++] = (byte) (hi << 4 | lo);
                i += 2;
            } else if (c < 0x80) {
                out[n++] = (byte) c;
            } else {
                return null;
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }
}
