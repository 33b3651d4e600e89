package smittywpar.host;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import smittywpar.msg.Messages;

/**
 * The index of a {@link FileTree}: one line per changed path, after a header line.
 * <pre>
 * smitty-wpar tree 1
 * next 3
 * m 644 root system 1795690800 12 /etc/motd          a file kept at its own path
 * f 2 644 root system 1795690800 12 /tmp/a%20b       a file kept as numbered file 2
 * d 755 root system 1795690800 /home/guest/x         a directory over the layers below
 * o 755 root system 1795690800 /etc                  a directory hiding what is below it
 * x 555 bin bin 1795690800 7512 ls /tmp/ls           a program (the command it runs)
 * w /etc/hosts                                       deleted from the layers below
 * </pre>
 * Fields are blank-separated; names, paths and commands are {@link AixPath#encode encoded}.
 */
final class TreeIndex {
    static final String HEADER = "smitty-wpar tree 1";

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

    TreeIndex() {
    }

    static TreeIndex parse(String text) {
        TreeIndex ix = new TreeIndex();
        String[] lines = text.split("\n");
        if (lines.length == 0 || !lines[0].equals(HEADER)) {
            throw new BadLine(1, Messages.get("corrupt.tree", "header"));
        }
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i];
            if (l.isEmpty()) {
                continue;
            }
            String[] f = l.split(" ");
            try {
                switch (f[0]) {
                    case "next" -> ix.next = Integer.parseInt(f[1]);
                    case "w" -> ix.entries.put(path(f, 2, i), Entry.WHITEOUT);
                    case "d", "o" -> ix.entries.put(path(f, 6, i), new Entry(f[0].charAt(0), 0, mode(f[1]), dec(f[2]),
                            dec(f[3]), Long.parseLong(f[4]), 512, null));
                    case "m" -> ix.entries.put(path(f, 7, i), new Entry('m', 0, mode(f[1]), dec(f[2]), dec(f[3]),
                            Long.parseLong(f[4]), Long.parseLong(f[5]), null));
                    case "f" -> {
                        int ino = Integer.parseInt(f[1]);
                        if (ino <= 0) {
                            throw new NumberFormatException();
                        }
                        ix.entries.put(path(f, 8, i), new Entry('f', ino, mode(f[2]), dec(f[3]), dec(f[4]),
                                Long.parseLong(f[5]), Long.parseLong(f[6]), null));
                    }
                    case "x" -> ix.entries.put(path(f, 8, i), new Entry('x', 0, mode(f[1]), dec(f[2]), dec(f[3]),
                            Long.parseLong(f[4]), Long.parseLong(f[5]), dec(f[6])));
                    default -> throw new BadLine(i + 1, Messages.get("corrupt.tree", f[0]));
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new BadLine(i + 1, Messages.get("corrupt.tree", l));
            }
        }
        return ix;
    }

    private static String path(String[] f, int n, int line) {
        if (f.length != n) {
            throw new BadLine(line + 1, Messages.get("corrupt.tree", String.join(" ", f)));
        }
        String p = AixPath.decode(f[n - 1]);
        if (p == null || !p.startsWith("/") || !AixPath.resolve("/", p).equals(p)) {
            throw new BadLine(line + 1, Messages.get("corrupt.tree", f[n - 1]));
        }
        return p;
    }

    private static int mode(String s) {
        int m = Integer.parseInt(s, 8);
        if (m < 0 || m > 07777) {
            throw new NumberFormatException();
        }
        return m;
    }

    private static String dec(String s) {
        String d = AixPath.decode(s);
        if (d == null) {
            throw new NumberFormatException();
        }
        return d;
    }

    String text() {
        StringBuilder sb = new StringBuilder(64 + entries.size() * 48);
        sb.append(HEADER).append('\n').append("next ").append(next).append('\n');
        for (var e : entries.entrySet()) {
            Entry x = e.getValue();
            String p = AixPath.encode(e.getKey());
            switch (x.type()) {
                case 'w' -> sb.append("w ").append(p);
                case 'd', 'o' -> head(sb.append(x.type()), x).append(' ').append(p);
                case 'm' -> head(sb.append('m'), x).append(' ').append(x.size()).append(' ').append(p);
                case 'f' -> head(sb.append("f ").append(x.ino()), x).append(' ').append(x.size()).append(' ').append(p);
                default -> head(sb.append('x'), x).append(' ').append(x.size()).append(' ')
                        .append(AixPath.encode(x.command())).append(' ').append(p);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static StringBuilder head(StringBuilder sb, Entry x) {
        return sb.append(' ').append(Integer.toOctalString(x.mode())).append(' ').append(AixPath.encode(x.owner()))
                .append(' ').append(AixPath.encode(x.group())).append(' ').append(x.mtime());
    }

    Entry get(String path) {
        return entries.get(path);
    }

    void put(String path, Entry e) {
        entries.put(path, e);
        dirty = true;
    }

    void remove(String path) {
        if (entries.remove(path) != null) {
            dirty = true;
        }
    }

    /** Removes every entry below {@code dir} (not {@code dir} itself). */
    void removeBelow(String dir) {
        String from = dir.equals("/") ? "/" : dir + "/";
        Map<String, Entry> below = entries.subMap(from, true, from + Character.MAX_VALUE, false);
        if (!below.isEmpty()) {
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
