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

    /**
     * Writes an image, member after member; nothing is kept in memory but the current member.
     *
     * <p>The tar records are made here, not by Commons Compress (which still reads images): its
     * writer cost savewpar about a quarter of its time at start-up (the static initialisers of
     * the classes it uses for times, system properties and names). The bytes are the same as
     * those of its {@code TarArchiveOutputStream} set for POSIX long names and big numbers and
     * pax headers for names outside ASCII, as this class used (a test compares the two, member
     * for member): each member a pax extended header ({@code ./PaxHeaders.X/NAME}, type
     * {@code x}) with its records, then its ustar header, then its content padded to 512 bytes;
     * at the end two empty records and the padding to the blocking.
     */
    public static final class Writer implements Closeable {
        private static final int RECORD = 512;
        /** The largest size or time an ustar header holds (11 octal digits); past it, a pax record. */
        private static final long MAX_OCTAL_11 = 077777777777L;
        private static final byte LF_NORMAL = '0';
        private static final byte LF_CHR = '3';
        private static final byte LF_DIR = '5';
        private static final byte LF_PAX = 'x';

        private final OutputStream out;
        private final int blocks;
        private final long members;
        private final byte[] record = new byte[RECORD];
        private final java.util.Map<String, String> words = new java.util.LinkedHashMap<>();
        private boolean first = true;
        private boolean finished;
        private long records;

        /** @param members how many members the image will have (the control files included) */
        public Writer(OutputStream out, int blocks, long members) {
            if (blocks < 1) {
                throw new IllegalArgumentException("blocks: " + blocks);
            }
            this.out = out;
            this.blocks = blocks;
            this.members = members;
        }

        /** A file (or a control file) whose bytes are {@code data}. */
        public void file(Member m, byte[] data) throws IOException {
            begin();
            words.put(PAX_CRC, crc(data, 0, data.length));
            put(m.path, m, LF_NORMAL, data.length, 0, 0);
            out.write(data);
            pad(data.length);
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
            begin();
            words.put(PAX_CRC, hex(crc.getValue()));
            put(m.path, m, LF_NORMAL, size, 0, 0);
            long left = size;
            try (InputStream in = open.get()) {
                for (int n; left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0;) {
                    out.write(buf, 0, n);
                    left -= n;
                }
            }
            if (left != 0) {
                throw new IOException("file changed while it was backed up: " + m.path);
            }
            pad(size);
        }

        public void dir(Member m) throws IOException {
            begin();
            words.put(PAX_CRC, EMPTY_CRC);
            put(m.path.endsWith("/") ? m.path : m.path + "/", m, LF_DIR, 0, 0, 0);
        }

        /** A program of the simulated host: an empty file naming the command it runs. */
        public void program(Member m) throws IOException {
            begin();
            words.put(PAX_CRC, EMPTY_CRC);
            words.put(PAX_PROGRAM, m.command);
            words.put(PAX_SIZE, String.valueOf(m.size));
            put(m.path, m, LF_NORMAL, 0, 0, 0);
        }

        /** A character device (/dev/null). */
        public void device(Member m) throws IOException {
            begin();
            words.put(PAX_CRC, EMPTY_CRC);
            put(m.path, m, LF_CHR, 0, 2, 2);
        }

        /** The first member's words start with the number of members. */
        private void begin() {
            if (first) {
                words.put(PAX_MEMBERS, String.valueOf(members));
                first = false;
            }
        }

        /** Ends the archive (its two empty blocks, padded to the blocking). */
        public void finish() throws IOException {
            if (finished) {
                throw new IOException("the image is already finished");
            }
            java.util.Arrays.fill(record, (byte) 0);
            long end = records + 2;
            if (end % blocks != 0) {
                end += blocks - end % blocks;
            }
            while (records < end) {
                out.write(record);
                records++;
            }
            out.flush();
            finished = true;
        }

        @Override
        public void close() throws IOException {
            if (!finished) {
                finish();
            }
        }

        /**
         * Writes the pax header and the ustar header of a member named {@code name}, whose content of
         * {@code size} bytes follows.
         */
        private void put(String name, Member m, byte type, long size, int devMajor, int devMinor) throws IOException {
            if (finished) {
                throw new IOException("the image is already finished");
            }
            StringBuilder comment = new StringBuilder(MARK);
            words.forEach((k, v) -> comment.append(' ').append(k).append('=').append(v));
            words.clear();
            // the records of the pax header, in the order (and the map) Commons Compress used
            java.util.Map<String, String> pax = new java.util.HashMap<>();
            byte[] encoded = name.getBytes(StandardCharsets.UTF_8);
            boolean longName = encoded.length >= 100;
            if (longName) {
                pax.put("path", name);
            }
            if (size < 0 || size > MAX_OCTAL_11) {
                pax.put("size", String.valueOf(size));
            }
            if (m.mtime < 0 || m.mtime > MAX_OCTAL_11) {
                pax.put("mtime", String.valueOf(m.mtime));
            }
            if (!longName && !ascii(name)) {
                pax.put("path", name);
            }
            pax.put(PAX_COMMENT, comment.toString());
            byte[] data = paxRecords(pax);
            // the pax header: named after the member (7 bits, no slashes), the member's time
            String paxName = "./PaxHeaders.X/" + sevenBits(name);
            if (paxName.length() >= 100) {
                paxName = paxName.substring(0, 99);
            }
            long paxTime = m.mtime < 0 || m.mtime > MAX_OCTAL_11 ? 0 : m.mtime;
            header(paxName, 0100644, "", "", data.length, paxTime, LF_PAX, 0, 0);
            out.write(data);
            pad(data.length);
            int typeBits = type == LF_DIR ? 040000 : type == LF_CHR ? 020000 : 0100000;
            header(name, m.mode & 07777 | typeBits, m.owner, m.group, size, m.mtime, type, devMajor, devMinor);
        }

        /** One ustar header record. */
        private void header(String name, int mode, String owner, String group, long size, long mtime, byte type,
                int devMajor, int devMinor) throws IOException {
            byte[] r = record;
            java.util.Arrays.fill(r, (byte) 0);
            text(name, r, 0, 100);
            octal(mode, r, 100, 8);
            octal(0, r, 108, 8); // uid
            octal(0, r, 116, 8); // gid
            octal(size, r, 124, 12);
            octal(mtime, r, 136, 12);
            java.util.Arrays.fill(r, 148, 156, (byte) ' ');
            r[156] = type;
            // 157: the link name (none); 257: POSIX magic and version
            r[257] = 'u';
            r[258] = 's';
            r[259] = 't';
            r[260] = 'a';
            r[261] = 'r';
            r[263] = '0';
            r[264] = '0';
            text(owner, r, 265, 32);
            text(group, r, 297, 32);
            octal(devMajor, r, 329, 8);
            octal(devMinor, r, 337, 8);
            long sum = 0;
            for (byte b : r) {
                sum += b & 0xff;
            }
            // the checksum: six octal digits, a NUL and a space
            for (int i = 153; i >= 148; i--) {
                r[i] = (byte) ('0' + (sum & 7));
                sum >>>= 3;
            }
            r[154] = 0;
            r[155] = ' ';
            out.write(r);
            records++;
        }

        /** Zeros after {@code size} bytes of content, to the end of its last record. */
        private void pad(long size) throws IOException {
            records += (size + RECORD - 1) / RECORD;
            int rest = (int) (size % RECORD);
            if (rest != 0) {
                out.write(ZEROS, 0, RECORD - rest);
            }
        }

        /**
         * A number in {@code len - 1} octal digits and a space; zeros when it does not fit (then a
         * pax record holds it).
         */
        private static void octal(long v, byte[] r, int off, int len) {
            int digits = len - 1;
            if (v < 0 || v >= 1L << 3 * digits) {
                v = 0;
            }
            for (int i = off + digits - 1; i >= off; i--) {
                r[i] = (byte) ('0' + (v & 7));
                v >>>= 3;
            }
            r[off + digits] = ' ';
        }

        /**
         * A name in UTF-8, cut (at a character) to {@code len} bytes; NULs after it. As Commons
         * Compress cut names (a UTF-16 unit at a time), a character outside the BMP that does not
         * fit leaves its first half, written as a '?', when there is room for it.
         */
        private static void text(String s, byte[] r, int off, int len) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            int n = b.length;
            if (n > len) {
                n = len;
                while (n > 0 && (b[n] & 0xc0) == 0x80) {
                    n--; // not inside a character's bytes
                }
                if (n < len && (b[n] & 0xf8) == 0xf0) {
                    r[off + n] = '?';
                }
            }
            System.arraycopy(b, 0, r, off, n);
        }

        private static boolean ascii(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) >= 0x80) {
                    return false;
                }
            }
            return true;
        }

        /** The name of a pax header: each character's low 7 bits, NUL, slash and backslash made '_'. */
        private static String sevenBits(String name) {
            StringBuilder sb = new StringBuilder(name.length());
            for (int i = 0; i < name.length(); i++) {
                char c = (char) (name.charAt(i) & 0x7f);
                sb.append(c == 0 || c == '/' || c == '\\' ? '_' : c);
            }
            return sb.toString();
        }

        /** The pax records {@code LEN KEY=VALUE\n}, LEN counting its own digits, in UTF-8. */
        private static byte[] paxRecords(java.util.Map<String, String> pax) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (var e : pax.entrySet()) {
                byte[] rest = (" " + e.getKey() + "=" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8);
                int len = rest.length + String.valueOf(rest.length).length();
                if (String.valueOf(len).length() != String.valueOf(rest.length).length()) {
                    len = rest.length + String.valueOf(len).length();
                }
                byte[] n = String.valueOf(len).getBytes(StandardCharsets.US_ASCII);
                b.write(n, 0, n.length);
                b.write(rest, 0, rest.length);
            }
            return b.toByteArray();
        }
    }

    private static final byte[] ZEROS = new byte[512];
    /** The CRC-32 of no bytes. */
    private static final String EMPTY_CRC = "00000000";

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
