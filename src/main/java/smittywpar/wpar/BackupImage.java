package smittywpar.wpar;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * The format of a WPAR backup image (savewpar, read by restwpar, lssavewpar, restwparfiles): a
 * POSIX (pax) tar archive, so that {@code tar -tvf IMAGE} lists it. Its first members are the
 * control files {@code ./.savewpar_dir/image.data} and {@code ./.savewpar_dir/wpar.spec}, then
 * come the WPAR's files by their paths relative to its base directory ({@code ./},
 * {@code ./etc/hosts} ...), parents before children. Each member carries pax records of this
 * project: the CRC-32 of its content, and on the first member the number
 * of members, so that a cut-short or damaged image is told from a whole one; a program of the
 * simulated host is an empty file with the command it runs and its size. The format is
 * described for users in {@code docs/backup-image.md}.
 *
 * <p>The words are kept in the standard pax {@code comment} record of each member, as
 * {@code smitty-wpar crc32=1a2b3c4d members=69 program=ls size=34560}.
 */
public final class BackupImage {
    public static final String CONTROL_DIR = "./.savewpar_dir/";
    public static final String IMAGE_DATA = CONTROL_DIR + "image.data";
    public static final String SPEC = CONTROL_DIR + "wpar.spec";
    /**
     * The pax record that carries this project's words ({@code comment}: every reader takes it and
     * ignores it, so that tar lists the image without a warning).
     */
    static final String PAX_COMMENT = "comment";
    static final String MARK = "smitty-wpar";
    static final String PAX_CRC = "crc32";
    static final String PAX_MEMBERS = "members";
    static final String PAX_PROGRAM = "program";
    static final String PAX_SIZE = "size";
    /** The default blocking: 100 blocks of 512 bytes, as restore and lssavewpar read. */
    public static final int DEFAULT_BLOCKS = 100;
    /** The largest member read into memory to be checked before it is restored. */
    static final int MAX_IN_MEMORY = 1 << 20;

    private BackupImage() {
    }

    /** One member: its path ({@code ./etc/hosts}, {@code ./} for the base directory) and what it is. */
    public record Member(String path, char type, int mode, String owner, String group, long mtime, long size,
            String command) {
        public boolean dir() {
            return type == 'd';
        }

        /** The path inside the WPAR ({@code /etc/hosts}, {@code /} for {@code ./}). */
        public String wparPath() {
            String p = path.startsWith("./") ? path.substring(1) : "/" + path;
            return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        }

        /** The path as listings show it: a directory without its trailing slash ({@code ./} stays). */
        public String shown() {
            return path.length() > 2 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        }

        public boolean control() {
            return path.startsWith(CONTROL_DIR);
        }
    }

    /** An image that cannot be read: not an image at all, cut short, or damaged. */
    public static final class BadImage extends Exception {
        private static final long serialVersionUID = 1L;
        /** "foreign", "truncated" or "damaged". */
        public final String kind;

        BadImage(String kind, String detail) {
            super(detail, null, false, false);
            this.kind = kind;
        }
    }

    /** Writes an image, member after member; nothing is kept in memory but the current member. */
    public static final class Writer implements Closeable {
        private final TarArchiveOutputStream tar;
        private final long members;
        private boolean first = true;

        /** @param members how many members the image will have (the control files included) */
        public Writer(OutputStream out, int blocks, long members) {
            this.tar = new TarArchiveOutputStream(out, blocks * 512, StandardCharsets.UTF_8.name());
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            this.members = members;
        }

        private final java.util.Map<String, String> words = new java.util.LinkedHashMap<>();

        private void put(TarArchiveEntry e) throws IOException {
            StringBuilder sb = new StringBuilder(MARK);
            words.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
            words.clear();
            e.addPaxHeader(PAX_COMMENT, sb.toString());
            tar.putArchiveEntry(e);
        }

        private TarArchiveEntry entry(Member m, byte type) {
            TarArchiveEntry e = new TarArchiveEntry(m.path, type);
            e.setMode(m.mode & 07777 | (type == TarConstants.LF_DIR ? 040000 : type == TarConstants.LF_CHR ? 020000
                    : 0100000));
            e.setUserName(m.owner);
            e.setGroupName(m.group);
            e.setModTime(m.mtime * 1000L);
            if (first) {
                words.put(PAX_MEMBERS, String.valueOf(members));
                first = false;
            }
            return e;
        }

        /** A file (or a control file) whose bytes are {@code data}. */
        public void file(Member m, byte[] data) throws IOException {
            TarArchiveEntry e = entry(m, TarConstants.LF_NORMAL);
            e.setSize(data.length);
            words.put(PAX_CRC, crc(data, 0, data.length));
            put(e);
            tar.write(data);
            tar.closeArchiveEntry();
        }

        /**
         * A file too large to be held in memory: its content is read twice ({@code open} gives a new
         * stream each time), once for its CRC, once to be written.
         */
        public void file(Member m, IoSupplier open) throws IOException {
            CRC32 crc = new CRC32();
            long size = 0;
            byte[] buf = new byte[1 << 16];
            try (InputStream in = open.get()) {
                for (int n; (n = in.read(buf)) > 0;) {
                    crc.update(buf, 0, n);
                    size += n;
                }
            }
            TarArchiveEntry e = entry(m, TarConstants.LF_NORMAL);
            e.setSize(size);
            words.put(PAX_CRC, hex(crc.getValue()));
            put(e);
            long left = size;
            try (InputStream in = open.get()) {
                for (int n; left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0;) {
                    tar.write(buf, 0, n);
                    left -= n;
                }
            }
            if (left != 0) {
                throw new IOException("file changed while it was backed up: " + m.path);
            }
            tar.closeArchiveEntry();
        }

        public void dir(Member m) throws IOException {
            TarArchiveEntry e = entry(new Member(m.path.endsWith("/") ? m.path : m.path + "/", 'd', m.mode, m.owner,
                    m.group, m.mtime, 0, null), TarConstants.LF_DIR);
            words.put(PAX_CRC, crc(new byte[0], 0, 0));
            put(e);
            tar.closeArchiveEntry();
        }

        /** A program of the simulated host: an empty file naming the command it runs. */
        public void program(Member m) throws IOException {
            TarArchiveEntry e = entry(m, TarConstants.LF_NORMAL);
            e.setSize(0);
            words.put(PAX_CRC, crc(new byte[0], 0, 0));
            words.put(PAX_PROGRAM, m.command);
            words.put(PAX_SIZE, String.valueOf(m.size));
            put(e);
            tar.closeArchiveEntry();
        }

        /** A character device (/dev/null). */
        public void device(Member m) throws IOException {
            TarArchiveEntry e = entry(m, TarConstants.LF_CHR);
            e.setDevMajor(2);
            e.setDevMinor(2);
            words.put(PAX_CRC, crc(new byte[0], 0, 0));
            put(e);
            tar.closeArchiveEntry();
        }

        /** Ends the archive (its two empty blocks, padded to the blocking). */
        public void finish() throws IOException {
            tar.finish();
            tar.flush();
        }

        @Override
        public void close() throws IOException {
            tar.finish();
        }
    }

    /** A stream of bytes opened anew at each call. */
    @FunctionalInterface
    public interface IoSupplier {
        InputStream get() throws IOException;
    }

    /**
     * Reads an image member after member, checking each: the first member must be the image.data
     * control file, every member's content its CRC, and the image must hold as many members as
     * the first says.
     */
    public static final class Reader implements Closeable {
        private final TarArchiveInputStream tar;
        private final InputStream raw;
        private long expected = -1;
        private long seen;
        private TarArchiveEntry current;
        private boolean consumed;

        public Reader(InputStream in) {
            this.raw = in;
            this.tar = new TarArchiveInputStream(in, StandardCharsets.UTF_8.name());
        }

        /** The next member, or null at the end of a whole image. */
        public Member next() throws BadImage {
            if (current != null && !consumed) {
                copy(null, -1); // checks the CRC of what was skipped
            }
            TarArchiveEntry e;
            try {
                e = tar.getNextEntry();
            } catch (IOException | RuntimeException x) {
                throw seen == 0 ? new BadImage("foreign", String.valueOf(x.getMessage()))
                        : new BadImage("damaged", String.valueOf(x.getMessage()));
            }
            if (e == null) {
                if (seen == 0) {
                    throw new BadImage("foreign", "empty");
                }
                if (seen != expected) {
                    throw new BadImage("truncated", seen + " of " + expected);
                }
                current = null;
                return null;
            }
            if (seen == 0) {
                String n = word(e, PAX_MEMBERS);
                if (!e.getName().equals(IMAGE_DATA) || n == null || !n.matches("[0-9]{1,12}")) {
                    throw new BadImage("foreign", e.getName());
                }
                expected = Long.parseLong(n);
            }
            seen++;
            if (seen > expected || word(e, PAX_CRC) == null) {
                throw new BadImage("damaged", e.getName());
            }
            current = e;
            consumed = false;
            return member(e);
        }

        private Member member(TarArchiveEntry e) throws BadImage {
            String name = e.getName();
            if (!name.startsWith("./") || name.contains("/../") || name.endsWith("/..") || name.contains("//")
                    || name.indexOf('\0') >= 0) {
                throw new BadImage("damaged", name);
            }
            char type;
            long size = e.getSize();
            String command = null;
            if (e.isDirectory()) {
                type = 'd';
            } else if (e.isCharacterDevice()) {
                type = 'c';
            } else if (e.isFile()) {
                command = word(e, PAX_PROGRAM);
                type = command == null ? 'f' : 'x';
                if (command != null) {
                    String s = word(e, PAX_SIZE);
                    size = s != null && s.matches("[0-9]{1,12}") ? Long.parseLong(s) : 0;
                }
            } else {
                throw new BadImage("damaged", name);
            }
            String owner = e.getUserName().isEmpty() ? "root" : e.getUserName();
            String group = e.getGroupName().isEmpty() ? "system" : e.getGroupName();
            return new Member(name, type, e.getMode() & 07777, owner, group, e.getModTime().getTime() / 1000L, size,
                    command);
        }

        /** The content of the current member, read whole and checked (at most {@link #MAX_IN_MEMORY} bytes). */
        public byte[] data() throws BadImage {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            copy(out, MAX_IN_MEMORY);
            return out.toByteArray();
        }

        /**
         * Copies the content of the current member to {@code out} and checks its CRC; with
         * {@code limit} >= 0, only that many bytes are copied (the rest is read and checked).
         */
        public long copy(OutputStream out, long limit) throws BadImage {
            if (current == null || consumed) {
                return 0;
            }
            consumed = true;
            CRC32 crc = new CRC32();
            long n = 0;
            byte[] buf = new byte[1 << 16];
            try {
                for (int r; (r = tar.read(buf)) > 0;) {
                    crc.update(buf, 0, r);
                    if (out != null && (limit < 0 || n < limit)) {
                        out.write(buf, 0, (int) (limit < 0 ? r : Math.min(r, limit - n)));
                    }
                    n += r;
                }
            } catch (IOException x) {
                throw new BadImage("truncated", current.getName());
            }
            if (n != current.getSize() && !current.isDirectory()) {
                throw new BadImage("truncated", current.getName());
            }
            if (!hex(crc.getValue()).equals(word(current, PAX_CRC))) {
                throw new BadImage("damaged", current.getName());
            }
            return n;
        }

        /** Reads the content of the current member as the stream {@code sink} consumes it, checking it. */
        public void stream(StreamSink sink) throws BadImage, IOException {
            // the member is copied to the sink as it is read; the CRC is checked at its end
            if (current == null || consumed) {
                sink.accept(new ByteArrayInputStream(new byte[0]));
                return;
            }
            CRC32 crc = new CRC32();
            long[] n = {0};
            consumed = true;
            InputStream checked = new InputStream() {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    int r = read(one, 0, 1);
                    return r < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int r = tar.read(b, off, len);
                    if (r > 0) {
                        crc.update(b, off, r);
                        n[0] += r;
                    }
                    return r;
                }
            };
            try {
                sink.accept(checked);
                while (checked.read(new byte[8192], 0, 8192) > 0) {
                    // whatever the sink left
                }
            } catch (IOException x) {
                throw new BadImage("truncated", current.getName());
            }
            if (n[0] != current.getSize() || !hex(crc.getValue()).equals(word(current, PAX_CRC))) {
                throw new BadImage(n[0] != current.getSize() ? "truncated" : "damaged", current.getName());
            }
        }

        @Override
        public void close() throws IOException {
            raw.close();
        }
    }

    /** A word of this project's comment record of a member, or null. */
    static String word(TarArchiveEntry e, String key) {
        String c = e.getExtraPaxHeader(PAX_COMMENT);
        if (c == null || !c.startsWith(MARK + " ")) {
            return null;
        }
        for (String w : c.substring(MARK.length() + 1).split(" ")) {
            if (w.startsWith(key + "=")) {
                return w.substring(key.length() + 1);
            }
        }
        return null;
    }

    /** Consumes the content of a member. */
    @FunctionalInterface
    public interface StreamSink {
        void accept(InputStream in) throws IOException;
    }

    static String crc(byte[] b, int off, int len) {
        CRC32 c = new CRC32();
        c.update(b, off, len);
        return hex(c.getValue());
    }

    private static String hex(long v) {
        String h = Long.toHexString(v);
        return "00000000".substring(h.length()) + h;
    }
}
