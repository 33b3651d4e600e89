package smittywpar.base;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksum line that ends a file no one edits by hand ({@code #crc32 0a1b2c3d}: the CRC-32
 * of the UTF-8 bytes before it), so that a copy cut short, a flipped bit or junk put in is
 * noticed when the file is read.
 */
public final class Crc {
    public static final String TRAILER = "#crc32 ";

    private Crc() {
    }

    /** {@code body} (empty, or ending with a line break) followed by its checksum line. */
    public static String sign(String body) {
        return body + TRAILER + hex(crc(body)) + "\n";
    }

    /** The text before the checksum line when that line is last and right, else null. */
    public static String verify(String text) {
        if (!text.endsWith("\n")) {
            return null;
        }
        int last = text.lastIndexOf('\n', text.length() - 2) + 1;
        if (!text.startsWith(TRAILER, last) || text.length() - last != TRAILER.length() + 9) {
            return null;
        }
        String body = text.substring(0, last);
        return text.regionMatches(last + TRAILER.length(), hex(crc(body)), 0, 8) ? body : null;
    }

    private static long crc(String body) {
        CRC32 c = new CRC32();
        c.update(body.getBytes(StandardCharsets.UTF_8));
        return c.getValue();
    }

    private static String hex(long v) {
        String h = Long.toHexString(v);
        return "00000000".substring(h.length()) + h;
    }
}
