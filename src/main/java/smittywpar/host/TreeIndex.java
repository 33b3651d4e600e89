package smittywpar.host;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import smittywpar.base.Crc;
import smittywpar.msg.Messages;

/**
 * The index of a {@link FileTree}: one line per changed path, after a header line, and a
 * checksum line last (see {@link Crc}).
 * <pre>
 * smitty-wpar tree 2
 * next 3
 * m 644 root system 1795690800 12 /etc/motd          a file kept at its own path
 * f 2 644 root system 1795690800 12 /tmp/a%20b       a file kept as numbered file 2
 * d 755 root system 1795690800 /home/guest/x         a directory over the layers below
 * o 755 root system 1795690800 /etc                  a directory hiding what is below it
 * x 555 bin bin 1795690800 7512 ls /tmp/ls           a program (the command it runs)
 * w /etc/hosts                                       deleted from the layers below
 * #crc32 0a1b2c3d
 * </pre>
 * Fields are blank-separated; names, paths and commands are {@link AixPath#encode encoded}; the
 * program writes the lines in the order of their paths. An index of {@link #ON_DISK_AT} bytes or
 * more that a command only reads is not held in memory ({@link #open}).
 */
final class TreeIndex {
    static final String HEADER = "smitty-wpar tree 2";
    /** The header of indexes written before they ended with a checksum line (still read, written as 2). */
    static final String HEADER_1 = "smitty-wpar tree 1";

    /** One line: its type letter and fields (unused ones 0 or null). */
    record Entry(char type, int ino, int mode, String owner, String group, long mtime, long size, String command) {
        static final Entry WHITEOUT = new Entry('w', 0, 0, null, null, 0, 0, null);
    }

    /** A line that does not parse. */
    static final class BadLine extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;

        BadLine(int line, String why) {
            super(why, null, false, false);
            this.line = line;
        }
    }

    private final TreeMap<String, Entry> entries = new TreeMap<>();
    private int next = 1;
    private boolean dirty;
    /** The length of {@link #text()} without its checksum line, kept as entries come and go. */
    private long bytes = HEADER.length() + 1 + "next 1\n".length();
    private final StringBuilder scratch = new StringBuilder(128);

    TreeIndex() {
    }

    /**
     * Reads an index strictly: the header; with header 2 a right checksum line last (so a copy
     * cut short, a flipped bit or junk is refused); every number in ASCII digits and in range,
     * every path normalised and given once, every stored file's number given once and below
     * {@code next}, which is given at most once. A line that breaks a rule is a {@link BadLine}.
     */
    static TreeIndex parse(String text) {
        TreeIndex ix = new TreeIndex();
        String body = text;
        if (text.startsWith(HEADER + "\n")) {
            body = Crc.verify(text);
            if (body == null) {
                throw new BadLine(Math.max(1, (int) text.lines().count()), Messages.get("corrupt.tree.crc"));
            }
        } else if (!text.startsWith(HEADER_1 + "\n") && !text.equals(HEADER_1)) {
            throw new BadLine(1, Messages.get("corrupt.tree", "header"));
        }
        String[] lines = body.split("\n");
        Map<String, Integer> pathLine = new java.util.HashMap<>();
        Map<Integer, Integer> inoLine = new java.util.HashMap<>();
        int nextLine = 0;
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i];
            if (l.isEmpty()) {
                continue;
            }
            if (l.startsWith("next ") || l.equals("next")) {
                String[] f = l.split(" ", -1);
                try {
                    if (f.length != 2 || nextLine > 0) {
                        throw new NumberFormatException();
                    }
                    ix.next = (int) num(f[1], 1, Integer.MAX_VALUE);
                } catch (NumberFormatException x) {
                    throw new BadLine(i + 1, Messages.get("corrupt.tree", printable(l)));
                }
                nextLine = i + 1;
                continue;
            }
            Line x = line(l, i + 1);
            String p = x.path();
            Entry e = x.entry();
            Integer first = pathLine.putIfAbsent(p, i + 1);
            if (first != null) {
                throw new BadLine(i + 1, Messages.get("corrupt.tree.twice", printable(p), first));
            }
            if (e.type() == 'f') {
                Integer other = inoLine.putIfAbsent(e.ino(), i + 1);
                if (other != null) {
                    throw new BadLine(i + 1, Messages.get("corrupt.tree.ino", e.ino(), other));
                }
            }
            ix.entries.put(p, e);
        }
        ix.bytes = body.length();
        for (var x : inoLine.entrySet()) {
            if (x.getKey() >= ix.next) {
                throw new BadLine(nextLine > 0 ? nextLine : x.getValue(), Messages.get("corrupt.tree.next", ix.next, x.getKey()));
            }
        }
        return ix;
    }

    /** One entry line: its path and entry. */
    record Line(String path, Entry entry) {
    }

    /** Parses entry line {@code l} (line number {@code n} of the file); a line that breaks a rule is a {@link BadLine}. */
    static Line line(String l, int n) {
        String[] f = l.split(" ", -1);
        Entry e;
        int fields;
        try {
            switch (f[0]) {
                case "w" -> {
                    fields = 2;
                    e = Entry.WHITEOUT;
                }
                case "d", "o" -> {
                    fields = 6;
                    e = new Entry(f[0].charAt(0), 0, mode(f[1]), dec(f[2]), dec(f[3]), time(f[4]), 512, null);
                }
                case "m" -> {
                    fields = 7;
                    e = new Entry('m', 0, mode(f[1]), dec(f[2]), dec(f[3]), time(f[4]), size(f[5]), null);
                }
                case "f" -> {
                    fields = 8;
                    e = new Entry('f', (int) num(f[1], 1, Integer.MAX_VALUE), mode(f[2]), dec(f[3]), dec(f[4]),
                            time(f[5]), size(f[6]), null);
                }
                case "x" -> {
                    fields = 8;
                    e = new Entry('x', 0, mode(f[1]), dec(f[2]), dec(f[3]), time(f[4]), size(f[5]), dec(f[6]));
                }
                default -> throw new BadLine(n, Messages.get("corrupt.tree", printable(f[0])));
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException x) {
            throw new BadLine(n, Messages.get("corrupt.tree", printable(l)));
        }
        return new Line(path(f, fields, n - 1), e);
    }

    /** A number of ASCII digits from {@code min} to {@code max}. */
    private static long num(String s, long min, long max) {
        if (!smittywpar.base.Text.digits(s, 18)) {
            throw new NumberFormatException();
        }
        long v = Long.parseLong(s);
        if (v < min || v > max) {
            throw new NumberFormatException();
        }
        return v;
    }

    private static long time(String s) {
        return num(s, 0, 99_999_999_999L);
    }

    private static long size(String s) {
        return num(s, 0, Long.MAX_VALUE);
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && i < 80; i++) {
            char c = s.charAt(i);
            sb.append(c < ' ' || c > '~' ? '?' : c);
        }
        return s.length() > 80 ? sb + "..." : sb.toString();
    }

    private static String path(String[] f, int n, int line) {
        if (f.length != n) {
            throw new BadLine(line + 1, Messages.get("corrupt.tree", printable(String.join(" ", f))));
        }
        String p = AixPath.decode(f[n - 1]);
        if (p == null || !p.startsWith("/") || !AixPath.resolve("/", p).equals(p)) {
            throw new BadLine(line + 1, Messages.get("corrupt.tree", printable(f[n - 1])));
        }
        return p;
    }

    /** Permissions: one to four octal digits. */
    private static int mode(String s) {
        if (s.isEmpty() || s.length() > 4) {
            throw new NumberFormatException();
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                throw new NumberFormatException();
            }
        }
        return Integer.parseInt(s, 8);
    }

    private static String dec(String s) {
        String d = AixPath.decode(s);
        if (d == null) {
            throw new NumberFormatException();
        }
        return d;
    }

    String text() {
        load();
        StringBuilder sb = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 64, bytes + 64));
        sb.append(HEADER).append('\n').append("next ").append(next).append('\n');
        for (var e : entries.entrySet()) {
            line(sb, e.getKey(), e.getValue()).append('\n');
        }
        return Crc.sign(sb.toString());
    }

    /** Appends the line of {@code path} (without its newline). */
    private static StringBuilder line(StringBuilder sb, String path, Entry x) {
        String p = AixPath.encode(path);
        return switch (x.type()) {
            case 'w' -> sb.append("w ").append(p);
            case 'd', 'o' -> head(sb.append(x.type()), x).append(' ').append(p);
            case 'm' -> head(sb.append('m'), x).append(' ').append(x.size()).append(' ').append(p);
            case 'f' -> head(sb.append("f ").append(x.ino()), x).append(' ').append(x.size()).append(' ').append(p);
            default -> head(sb.append('x'), x).append(' ').append(x.size()).append(' ')
                    .append(AixPath.encode(x.command())).append(' ').append(p);
        };
    }

    /** The bytes the line of {@code path} takes in the index file, its newline included. */
    long lineBytes(String path, Entry x) {
        scratch.setLength(0);
        line(scratch, path, x);
        long n = 1;
        for (int i = 0; i < scratch.length(); i++) {
            char c = scratch.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    /** The size of the index file as it would be written now, but for its checksum line (bytes, near enough). */
    long bytes() {
        load();
        return bytes;
    }

    private static StringBuilder head(StringBuilder sb, Entry x) {
        return sb.append(' ').append(Integer.toOctalString(x.mode())).append(' ').append(AixPath.encode(x.owner()))
                .append(' ').append(AixPath.encode(x.group())).append(' ').append(x.mtime());
    }

    Entry get(String path) {
        if (disk != null) {
            try {
                return disk.get(path);
            } catch (Disk.Stale e) {
                load();
            }
        }
        return entries.get(path);
    }

    void put(String path, Entry e) {
        load();
        Entry old = entries.put(path, e);
        bytes += lineBytes(path, e) - (old == null ? 0 : lineBytes(path, old));
        dirty = true;
    }

    void remove(String path) {
        load();
        Entry old = entries.remove(path);
        if (old != null) {
            bytes -= lineBytes(path, old);
            dirty = true;
        }
    }

    /** Removes every entry below {@code dir} (not {@code dir} itself). */
    void removeBelow(String dir) {
        load();
        String from = dir.equals("/") ? "/" : dir + "/";
        Map<String, Entry> below = entries.subMap(from, true, from + Character.MAX_VALUE, false);
        if (!below.isEmpty()) {
            for (var e : below.entrySet()) {
                bytes -= lineBytes(e.getKey(), e.getValue());
            }
            below.clear();
            dirty = true;
        }
    }

    /** The entries directly in {@code dir}, by name. */
    Map<String, Entry> children(String dir) {
        String from = dir.equals("/") ? "/" : dir + "/";
        Map<String, Entry> out = new LinkedHashMap<>();
        java.util.function.BiPredicate<String, Entry> each = (path, e) -> {
            String rest = path.substring(from.length());
            if (!rest.isEmpty() && rest.indexOf('/') < 0) {
                out.put(rest, e);
            }
            return true;
        };
        if (disk != null) {
            try {
                disk.children(from, out);
                return out;
            } catch (Disk.Stale e) {
                out.clear();
                load();
            }
        }
        for (var e : entries.subMap(from, true, from + Character.MAX_VALUE, false).entrySet()) {
            each.test(e.getKey(), e.getValue());
        }
        return out;
    }

    /** Calls {@code each} with every entry, in the order of their paths (read from disk as it goes when the index is). */
    void forEach(java.util.function.BiConsumer<String, Entry> each) {
        if (disk != null && disk.current()) { // (the file cannot change while the entries are given)
            disk.range("", null, (p, e) -> {
                each.accept(p, e);
                return true;
            });
            return;
        }
        load();
        entries.forEach(each);
    }

    boolean isEmpty() {
        return disk != null ? disk.count == 0 : entries.isEmpty();
    }

    int allocate() {
        load();
        dirty = true;
        return next++;
    }

    /** True while the index is read from its file as needed. */
    boolean onDisk() {
        return disk != null;
    }

    boolean dirty() {
        return dirty;
    }

    void clean() {
        dirty = false;
    }

    // ---- a large index, read from its file as needed --------------------------------------------

    /**
     * An index at least this large (bytes) is not held in memory while it is only read (a backup
     * of a WPAR of many files reads its index without holding it): {@link #open} checks it once,
     * streaming, and keeps every {@link Disk#BLOCK}th line's path and place; a change loads it whole.
     */
    static final long ON_DISK_AT = 64 << 10;

    /** Where a large index is read from: a new stream of its file, from its start, at each call. */
    interface Source {
        java.io.InputStream open() throws java.io.IOException;

        /** The size of the file now (-1: gone). */
        long size();
    }

    /** Set while the index is read from its file; null once loaded (or for one held in memory). */
    private Disk disk;
    /** Loads the whole index (the text of its file, parsed) when a change needs it in memory. */
    private java.util.function.Supplier<TreeIndex> loader;

    /** Holds the whole index in memory (a change is about to be made). */
    private void load() {
        if (disk == null) {
            return;
        }
        TreeIndex whole = loader.get();
        disk = null;
        loader = null;
        entries.putAll(whole.entries);
        next = whole.next;
        bytes = whole.bytes;
    }

    /**
     * A large index read from {@code src} as needed, or null when its file is not one this reading
     * can take (damaged, unsorted, written before the checksum line, not UTF-8): the caller then
     * parses the whole text, which says what is wrong with it. {@code whole} loads it whole when a
     * change needs that.
     */
    static TreeIndex open(Source src, java.util.function.Supplier<TreeIndex> whole) throws java.io.IOException {
        Disk d = Disk.check(src);
        if (d == null) {
            return null;
        }
        TreeIndex ix = new TreeIndex();
        ix.disk = d;
        ix.loader = whole;
        ix.next = d.next;
        return ix;
    }

    /**
     * The places of a large index's lines: the path and byte offset of every {@link #BLOCK}th entry
     * line, and a few blocks read lately. Its memory is a few bytes a line of the file (some 300
     * bytes a block of 64 lines), not the entries.
     */
    static final class Disk {
        static final int BLOCK = 64;
        private static final int CACHED = 32;
        private final Source src;
        /** The size of the file when it was checked: a file of another size since was replaced (by this command). */
        private long size;
        private final List<String> firsts = new ArrayList<>();
        private long[] offsets = new long[16];
        private long end;
        private int count;
        private int next;
        private final LinkedHashMap<Integer, List<Line>> cache = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, List<Line>> eldest) {
                return size() > CACHED;
            }
        };

        private Disk(Source src) {
            this.src = src;
        }

        /** Reads the whole file once: the rules of {@link TreeIndex#parse}, and paths in order; null when any fails. */
        static Disk check(Source src) throws java.io.IOException {
            Disk d = new Disk(src);
            d.size = src.size();
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            int[] inos = new int[16];
            int nino = 0;
            String last = null;
            try (java.io.InputStream in = src.open(); Lines r = new Lines(in)) {
                if (in == null || in instanceof java.io.ByteArrayInputStream) {
                    return null; // not there, or its text is held in memory already (written by this command)
                }
                byte[] l = r.next();
                if (l == null || !r.ended() || !new String(l, StandardCharsets.ISO_8859_1).equals(HEADER)) {
                    return null;
                }
                crc.update(l);
                crc.update('\n');
                l = r.next();
                if (l == null || !r.ended()) {
                    return null;
                }
                String nl = new String(l, StandardCharsets.ISO_8859_1);
                if (!nl.startsWith("next ")) {
                    return null;
                }
                try {
                    d.next = (int) num(nl.substring(5), 1, Integer.MAX_VALUE);
                } catch (NumberFormatException e) {
                    return null;
                }
                crc.update(l);
                crc.update('\n');
                int lineNo = 2;
                while (true) {
                    long at = r.offset();
                    l = r.next();
                    if (l == null || !r.ended()) {
                        return null; // no checksum line, or a last line without its line break
                    }
                    lineNo++;
                    String text = new String(l, StandardCharsets.UTF_8);
                    if (text.startsWith(Crc.TRAILER)) {
                        String want = Long.toHexString(crc.getValue());
                        want = "00000000".substring(want.length()) + want;
                        if (!text.equals(Crc.TRAILER + want) || r.next() != null) {
                            return null;
                        }
                        d.end = at;
                        break;
                    }
                    if (text.isEmpty() || text.indexOf('\uFFFD') >= 0) {
                        return null;
                    }
                    Line x;
                    try {
                        x = line(text, lineNo);
                    } catch (BadLine e) {
                        return null;
                    }
                    if (last != null && x.path().compareTo(last) <= 0) {
                        return null; // not in order (or a path twice): read whole, which says what
                    }
                    if (x.entry().type() == 'f') {
                        if (x.entry().ino() >= d.next) {
                            return null;
                        }
                        if (nino == inos.length) {
                            inos = java.util.Arrays.copyOf(inos, nino * 2);
                        }
                        inos[nino++] = x.entry().ino();
                    }
                    if (d.count % BLOCK == 0) {
                        int b = d.count / BLOCK;
                        if (b == d.offsets.length) {
                            d.offsets = java.util.Arrays.copyOf(d.offsets, b * 2);
                        }
                        d.offsets[b] = at;
                        d.firsts.add(x.path());
                    }
                    d.count++;
                    last = x.path();
                    crc.update(l);
                    crc.update('\n');
                }
            }
            java.util.Arrays.sort(inos, 0, nino);
            for (int i = 1; i < nino; i++) {
                if (inos[i] == inos[i - 1]) {
                    return null;
                }
            }
            return d;
        }

        /**
         * The file was replaced since it was checked. A command keeps one tree an index (and a tree
         * that writes holds its index whole), so this is a safety net: a block read from a file of
         * another size, or whose first line is not the one checked, makes the index read whole.
         */
        static final class Stale extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Stale() {
                super(null, null, false, false);
            }
        }

        /** True when the file still has the size it was checked with. */
        boolean current() {
            return src.size() == size;
        }

        /** The lines of block {@code b}; {@link Stale} when the file is not the one checked. */
        private List<Line> block(int b) {
            List<Line> got = cache.get(b);
            if (got != null) {
                return got;
            }
            if (!current()) {
                cache.clear();
                throw new Stale();
            }
            long from = offsets[b];
            long to = b + 1 < firsts.size() ? offsets[b + 1] : end;
            List<Line> out = new ArrayList<>(BLOCK);
            try (java.io.InputStream in = src.open()) {
                if (in == null) {
                    throw new java.io.FileNotFoundException();
                }
                for (long skipped = 0; skipped < from;) {
                    long n = in.skip(from - skipped);
                    if (n <= 0) {
                        throw new java.io.EOFException();
                    }
                    skipped += n;
                }
                Lines r = new Lines(in);
                r.at = from;
                while (r.offset() < to) {
                    byte[] l = r.next();
                    if (l == null) {
                        throw new java.io.EOFException();
                    }
                    out.add(line(new String(l, StandardCharsets.UTF_8), 0));
                }
            } catch (java.io.IOException | BadLine e) {
                cache.clear();
                throw new Stale(); // replaced by one of the same size: read whole, which says what it holds
            }
            if (out.isEmpty() || !out.get(0).path().equals(firsts.get(b))) {
                cache.clear();
                throw new Stale();
            }
            cache.put(b, out);
            return out;
        }

        /** The block where {@code path} is, or would be. */
        private int blockOf(String path) {
            int lo = 0;
            int hi = firsts.size() - 1;
            int found = 0;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (firsts.get(mid).compareTo(path) <= 0) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return found;
        }

        Entry get(String path) {
            if (count == 0) {
                return null;
            }
            for (Line l : block(blockOf(path))) {
                int c = l.path().compareTo(path);
                if (c == 0) {
                    return l.entry();
                }
                if (c > 0) {
                    break;
                }
            }
            return null;
        }

        /**
         * The entries directly below {@code from} (a directory's path and a slash) into {@code out},
         * by name; what lies deeper is stepped over (all of {@code DIR/x/...} sorts before {@code DIR/x0}).
         */
        void children(String from, Map<String, Entry> out) {
            if (count == 0) {
                return;
            }
            String cursor = from;
            int b = blockOf(cursor);
            while (b < firsts.size()) {
                String jump = null;
                for (Line l : block(b)) {
                    String p = l.path();
                    if (p.compareTo(cursor) < 0) {
                        continue;
                    }
                    if (!p.startsWith(from)) {
                        return;
                    }
                    String rest = p.substring(from.length());
                    int slash = rest.indexOf('/');
                    if (slash < 0) {
                        if (!rest.isEmpty()) {
                            out.put(rest, l.entry());
                        }
                        continue;
                    }
                    jump = from + rest.substring(0, slash) + (char) ('/' + 1);
                    break;
                }
                if (jump == null) {
                    b++;
                } else {
                    cursor = jump;
                    b = Math.max(b, blockOf(cursor));
                }
            }
        }

        /** Calls {@code each} with the entries from {@code from} (inclusive) to {@code to} (exclusive, null: the end) in order, while it says true. */
        void range(String from, String to, java.util.function.BiPredicate<String, Entry> each) {
            if (count == 0) {
                return;
            }
            for (int b = blockOf(from); b < firsts.size(); b++) {
                if (to != null && firsts.get(b).compareTo(to) >= 0) {
                    return;
                }
                for (Line l : block(b)) {
                    if (l.path().compareTo(from) < 0) {
                        continue;
                    }
                    if (to != null && l.path().compareTo(to) >= 0 || !each.test(l.path(), l.entry())) {
                        return;
                    }
                }
            }
        }
    }

    /** The lines of a stream as bytes, with their offsets. */
    private static final class Lines implements AutoCloseable {
        private final java.io.InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int len;
        private long at;
        private boolean ended;
        private byte[] line = new byte[256];

        Lines(java.io.InputStream in) {
            this.in = in;
        }

        /** The offset of the next line. */
        long offset() {
            return at;
        }

        /** True when the line last read ended with a line break. */
        boolean ended() {
            return ended;
        }

        /** The next line without its line break, or null at the end. */
        byte[] next() throws java.io.IOException {
            int n = 0;
            ended = false;
            while (true) {
                if (pos == len) {
                    len = in.read(buf, 0, buf.length);
                    pos = 0;
                    if (len <= 0) {
                        len = 0;
                        return n == 0 ? null : java.util.Arrays.copyOf(line, n);
                    }
                }
                byte b = buf[pos++];
                at++;
                if (b == '\n') {
                    ended = true;
                    return java.util.Arrays.copyOf(line, n);
                }
                if (n == line.length) {
                    if (n >= (1 << 20)) {
                        throw new java.io.IOException("line too long");
                    }
                    line = java.util.Arrays.copyOf(line, n * 2);
                }
                line[n++] = b;
            }
        }

        @Override
        public void close() throws java.io.IOException {
            if (in != null) {
                in.close();
            }
        }
    }
}
