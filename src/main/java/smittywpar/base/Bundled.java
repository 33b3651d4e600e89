package smittywpar.base;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Files packaged with the program (the message catalogue, default host, WPAR defaults, menus),
 * read straight from the jar: {@code getResourceAsStream} goes through URL and jar-connection
 * machinery that costs a young JVM about ten milliseconds, and even {@link ZipFile} checks and
 * hashes every one of the jar's thousand entries when it opens it (a fifth of a command's own
 * work, run by the interpreter). So the jar's central directory is read as bytes and searched for
 * the one name wanted, and that entry alone is read (stored or deflated); a jar this reader does
 * not understand (ZIP64, a split archive) falls back to {@link ZipFile}.
 */
public final class Bundled {
    private static final Object LOCK = new Object();
    private static Path code;
    private static RandomAccessFile file;
    /** The jar's central directory, or null when it is read with {@link #zip} (or not a jar). */
    private static byte[] cen;
    private static ZipFile zip;

    private Bundled() {
    }

    /** The bytes of a packaged file ({@code "smittywpar/messages.properties"}), or null when there is none. */
    public static byte[] read(String name) throws IOException {
        synchronized (LOCK) {
            if (code == null) {
                try {
                    code = Path.of(Bundled.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                } catch (Exception e) {
                    code = Path.of("");
                }
                if (Files.isRegularFile(code)) {
                    open(code.toFile());
                }
            }
            if (cen != null) {
                return entry(name);
            }
            if (zip != null) {
                ZipEntry e = zip.getEntry(name);
                if (e == null) {
                    return null;
                }
                try (InputStream in = zip.getInputStream(e)) {
                    return in.readAllBytes();
                }
            }
        }
        Path p = code.resolve(name);
        if (Files.isRegularFile(p)) {
            return Files.readAllBytes(p);
        }
        try (InputStream in = Bundled.class.getResourceAsStream("/" + name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    /** Reads packaged files from this jar from now on, or (null) from where the code is again (for tests). */
    static void use(Path jar) throws IOException {
        synchronized (LOCK) {
            if (file != null) {
                file.close();
            }
            if (zip != null) {
                zip.close();
            }
            file = null;
            cen = null;
            zip = null;
            code = jar;
            if (jar != null) {
                open(jar.toFile());
            }
        }
    }

    /** Reads the central directory of the jar (its end record has no comment: the jar tool writes none). */
    private static void open(File jar) throws IOException {
        RandomAccessFile f = new RandomAccessFile(jar, "r");
        long length = f.length();
        byte[] end = new byte[22];
        if (length >= end.length) {
            f.seek(length - end.length);
            f.readFully(end);
            long size = u32(end, 12);
            long at = u32(end, 16);
            if (u32(end, 0) == 0x06054b50L && u16(end, 4) == 0 && u16(end, 6) == 0 && u16(end, 20) == 0
                    && size != 0xFFFFFFFFL && at != 0xFFFFFFFFL && at + size <= length - end.length) {
                byte[] dir = new byte[(int) size];
                f.seek(at);
                f.readFully(dir);
                file = f;
                cen = dir;
                return;
            }
        }
        f.close();
        zip = new ZipFile(jar);
    }

    /** The bytes of one entry found in {@link #cen}, or null. */
    private static byte[] entry(String name) throws IOException {
        byte[] want = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] d = cen;
        int len = want.length;
        byte last = len == 0 ? 0 : want[len - 1];
        int i = 0;
        // (the interpreter runs this loop over a thousand entries: fields read inline, and a name
        // compared only when its length and last byte match)
        while (i + 46 <= d.length && d[i] == 0x50 && d[i + 1] == 0x4b && d[i + 2] == 0x01 && d[i + 3] == 0x02) {
            int n = (d[i + 28] & 0xff) | (d[i + 29] & 0xff) << 8;
            if (n == len && (len == 0 || d[i + 45 + n] == last) && same(d, i + 46, want)) {
                return data(u16(d, i + 10), u32(d, i + 20), u32(d, i + 24), u32(d, i + 42), name);
            }
            i += 46 + n + ((d[i + 30] & 0xff) | (d[i + 31] & 0xff) << 8) + ((d[i + 32] & 0xff) | (d[i + 33] & 0xff) << 8);
        }
        return null;
    }

    private static byte[] data(int method, long packed, long size, long local, String name) throws IOException {
        if (packed > Integer.MAX_VALUE || size > Integer.MAX_VALUE || (method != 0 && method != 8)) {
            throw new IOException("unsupported jar entry " + name);
        }
        byte[] head = new byte[30];
        file.seek(local);
        file.readFully(head);
        if (u32(head, 0) != 0x04034b50L) {
            throw new IOException("bad jar entry " + name);
        }
        // (one byte more than the data: the zlib of "nowrap" inflation may ask for a byte past the end)
        byte[] raw = new byte[(int) packed + 1];
        file.seek(local + 30 + u16(head, 26) + u16(head, 28));
        file.readFully(raw, 0, (int) packed);
        if (method == 0) {
            return java.util.Arrays.copyOf(raw, (int) packed);
        }
        byte[] out = new byte[(int) size];
        Inflater inf = new Inflater(true);
        try {
            inf.setInput(raw);
            int got = 0;
            while (got < out.length) {
                int k = inf.inflate(out, got, out.length - got);
                if (k == 0 && (inf.finished() || inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                got += k;
            }
            if (got != out.length) {
                throw new IOException("bad jar entry " + name);
            }
        } catch (DataFormatException e) {
            throw new IOException("bad jar entry " + name, e);
        } finally {
            inf.end();
        }
        return out;
    }

    private static boolean same(byte[] d, int at, byte[] want) {
        for (int k = 0; k < want.length; k++) {
            if (d[at + k] != want[k]) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    private static long u32(byte[] b, int i) {
        return (u16(b, i) | (long) u16(b, i + 2) << 16) & 0xFFFFFFFFL;
    }
}
