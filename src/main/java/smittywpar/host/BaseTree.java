package smittywpar.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import smittywpar.base.Bundled;
import smittywpar.msg.Messages;

/**
 * A file tree shipped with the program: what every new system WPAR holds
 * ({@code wpar-root.tree}), and the global environment's own files ({@code global-root.tree}).
 * Nothing of it is copied per WPAR; a WPAR stores only what changed (see {@link FileTree}).
 *
 * <p>Format, one entry per line, parents before children ({@code *} starts a comment):
 * <pre>
 * time 2019-09-20 09:37:00            the time of every entry
 * d MODE OWNER GROUP PATH             a directory
 * f MODE OWNER GROUP PATH             a text file; its lines follow, each after a '|'
 * |text of the first line
 * x MODE OWNER GROUP SIZE PATH NAME   a program: the command NAME of this project
 * c MODE OWNER GROUP PATH             a device that reads as nothing and drops what is written
 * </pre>
 * In file texts {@code {key}} stands for a value of the tree's owner ({@code {hostname}},
 * {@code {hosts}} ...), filled in when the file is read.
 */
public final class BaseTree {
    /** One shipped entry; {@code text} is the unexpanded text of a file. */
    public record Entry(FileNode.Kind kind, int mode, String owner, String group, long size, String text,
            String command) {
    }

    private static final Map<String, BaseTree> LOADED = new ConcurrentHashMap<>();

    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();
    private final long time;

    private BaseTree(String source, String text) {
        long t = 0;
        String path = null;
        StringBuilder content = null;
        String[] head = null;
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            if (line.startsWith("|")) {
                if (content == null) {
                    throw bad(source, lineNo);
                }
                content.append(line, 1, line.length()).append('\n');
                continue;
            }
            if (content != null) {
                add(path, new Entry(FileNode.Kind.FILE, mode(head[1], source, lineNo), head[2], head[3], -1,
                        content.toString(), null));
                content = null;
            }
            if (line.isEmpty() || line.startsWith("*")) {
                continue;
            }
            String[] f = line.split(" ");
            switch (f[0]) {
                case "time" -> t = HostClock.epoch(line.substring(5), 0);
                case "d" -> {
                    check(f, 5, source, lineNo);
                    add(f[4], new Entry(FileNode.Kind.DIR, mode(f[1], source, lineNo), f[2], f[3], 512, null, null));
                }
                case "f" -> {
                    check(f, 5, source, lineNo);
                    head = f;
                    path = f[4];
                    content = new StringBuilder();
                }
                case "c" -> {
                    check(f, 5, source, lineNo);
                    add(f[4], new Entry(FileNode.Kind.DEVICE, mode(f[1], source, lineNo), f[2], f[3], 0, null, null));
                }
                case "x" -> {
                    check(f, 7, source, lineNo);
                    add(f[5], new Entry(FileNode.Kind.PROGRAM, mode(f[1], source, lineNo), f[2], f[3],
                            Long.parseLong(f[4]), null, f[6]));
                }
                default -> throw bad(source, lineNo);
            }
        }
        if (content != null) {
            add(path, new Entry(FileNode.Kind.FILE, mode(head[1], source, lineNo), head[2], head[3], -1,
                    content.toString(), null));
        }
        for (List<String> names : children.values()) {
            names.sort(null);
        }
        this.time = t;
    }

    private void add(String path, Entry e) {
        entries.put(path, e);
        if (!path.equals("/")) {
            String parent = AixPath.parent(path);
            if (!entries.containsKey(parent) || entries.get(parent).kind() != FileNode.Kind.DIR) {
                throw new IllegalStateException(Messages.get("internal.tree", "smittywpar", path));
            }
            children.computeIfAbsent(parent, k -> new ArrayList<>()).add(AixPath.name(path));
        }
    }

    private static void check(String[] f, int n, String source, int line) {
        if (f.length != n || !f[f.length == 5 ? 4 : 5].startsWith("/")) {
            throw bad(source, line);
        }
    }

    private static int mode(String octal, String source, int line) {
        try {
            return Integer.parseInt(octal, 8);
        } catch (NumberFormatException e) {
            throw bad(source, line);
        }
    }

    private static IllegalStateException bad(String source, int line) {
        return new IllegalStateException(Messages.get("internal.tree", source, line));
    }

    /** The shipped tree {@code smittywpar/NAME}, read once per process. */
    public static BaseTree of(String name) {
        return LOADED.computeIfAbsent(name, n -> {
            try {
                byte[] b = Bundled.read("smittywpar/" + n);
                if (b == null) {
                    throw new IllegalStateException(Messages.get("internal.tree", n, 0));
                }
                return new BaseTree(n, new String(b, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The tree a WPAR's own file systems start from. */
    public static BaseTree wparRoot() {
        return of("wpar-root.tree");
    }

    /** The global environment's own files (its /usr and /opt are what shared WPARs mount). */
    public static BaseTree globalRoot() {
        return of("global-root.tree");
    }

    public Entry get(String path) {
        return entries.get(path);
    }

    /** The names in a directory, sorted; empty when it has none. */
    public List<String> children(String dir) {
        List<String> c = children.get(dir);
        return c == null ? List.of() : c;
    }

    /** The time of every shipped entry, in seconds since the epoch. */
    public long time() {
        return time;
    }

    /** Every path of the tree (for the shipped data's own tests). */
    public List<String> paths() {
        return new ArrayList<>(entries.keySet());
    }

    /** The text of a file with {@code {key}} replaced by {@code vars.get(key)} (unknown keys stay). */
    public static String expand(String text, Map<String, String> vars) {
        if (text.indexOf('{') < 0 || vars.isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 64);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{') {
                int close = text.indexOf('}', i);
                if (close > i + 1) {
                    String v = vars.get(text.substring(i + 1, close));
                    if (v != null) {
                        sb.append(v);
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

    /** Copies of the mutable maps are never handed out; this is for tests of what a tree holds. */
    Map<String, Entry> entries() {
        return new HashMap<>(entries);
    }
}
