package smittywpar.host;

import java.util.Collections;
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
 * Fields are blank-separated; names, paths and commands are {@link AixPath#encode encoded}.
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
            String[] f = l.split(" ", -1);
            Entry e;
            int n;
            try {
                switch (f[0]) {
                    case "next" -> {
                        if (f.length != 2 || nextLine > 0) {
                            throw new NumberFormatException();
                        }
                        ix.next = (int) num(f[1], 1, Integer.MAX_VALUE);
                        nextLine = i + 1;
                        continue;
                    }
                    case "w" -> {
                        n = 2;
                        e = Entry.WHITEOUT;
                    }
                    case "d", "o" -> {
                        n = 6;
                        e = new Entry(f[0].charAt(0), 0, mode(f[1]), dec(f[2]), dec(f[3]), time(f[4]), 512, null);
                    }
                    case "m" -> {
                        n = 7;
                        e = new Entry('m', 0, mode(f[1]), dec(f[2]), dec(f[3]), time(f[4]), size(f[5]), null);
                    }
                    case "f" -> {
                        n = 8;
                        e = new Entry('f', (int) num(f[1], 1, Integer.MAX_VALUE), mode(f[2]), dec(f[3]), dec(f[4]),
                                time(f[5]), size(f[6]), null);
                    }
                    case "x" -> {
                        n = 8;
                        e = new Entry('x', 0, mode(f[1]), dec(f[2]), dec(f[3]), time(f[4]), size(f[5]), dec(f[6]));
                    }
                    default -> throw new BadLine(i + 1, Messages.get("corrupt.tree", printable(f[0])));
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException x) {
                throw new BadLine(i + 1, Messages.get("corrupt.tree", printable(l)));
            }
            String p = path(f, n, i);
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
        return bytes;
    }

    private static StringBuilder head(StringBuilder sb, Entry x) {
        return sb.append(' ').append(Integer.toOctalString(x.mode())).append(' ').append(AixPath.encode(x.owner()))
                .append(' ').append(AixPath.encode(x.group())).append(' ').append(x.mtime());
    }

    Entry get(String path) {
        return entries.get(path);
    }

    void put(String path, Entry e) {
        Entry old = entries.put(path, e);
        bytes += lineBytes(path, e) - (old == null ? 0 : lineBytes(path, old));
        dirty = true;
    }

    void remove(String path) {
        Entry old = entries.remove(path);
        if (old != null) {
            bytes -= lineBytes(path, old);
            dirty = true;
        }
    }

    /** Removes every entry below {@code dir} (not {@code dir} itself). */
    void removeBelow(String dir) {
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
        for (var e : entries.subMap(from, true, from + Character.MAX_VALUE, false).entrySet()) {
            String rest = e.getKey().substring(from.length());
            if (!rest.isEmpty() && rest.indexOf('/') < 0) {
                out.put(rest, e.getValue());
            }
        }
        return out;
    }

    Map<String, Entry> all() {
        return Collections.unmodifiableMap(entries);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    int allocate() {
        dirty = true;
        return next++;
    }

    boolean dirty() {
        return dirty;
    }

    void clean() {
        dirty = false;
    }
}
