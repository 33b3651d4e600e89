package smittywpar.smit;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

import smittywpar.cmd.Commands;

/**
 * A compact copy of a menu tree that has been loaded and validated, so that later starts skip
 * YAML parsing and validation (about 200 ms of a cold JVM) as long as neither the menu files nor
 * the program changed. The copy records the length and CRC-32 of every menu file and an
 * identity of the program (its jar or class directory, size and time, and the command
 * registry); any difference, or any damage to the copy, makes it a miss and the tree is loaded
 * and validated from YAML again. Writing is atomic and silently skipped when the cache directory
 * is not writable.
 *
 * <p>The copy ends with the CRC-32 of all of it, checked when it is read; its screens are decoded
 * one by one when first asked for (a start shows one of some seventy).
 */
public final class TreeCache {
    private static final int MAGIC = 0x534d4954; // "SMIT"
    private static final int VERSION = 3;

    private TreeCache() {
    }

    /** The default cache directory: $XDG_CACHE_HOME/smitty-wpar, else $HOME/.cache/smitty-wpar, else none. */
    public static Path defaultDir(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "smitty-wpar");
        }
        String home = env.get("HOME");
        return home == null || home.isBlank() ? null : Path.of(home, ".cache", "smitty-wpar");
    }

    /**
     * The validated tree of {@code source}: from the cache when it is current, else loaded,
     * validated and stored in the cache.
     *
     * @param cacheDir where copies are kept, or null for no cache
     * @throws MenuException when the menu files are not valid
     */
    public static MenuTree load(MenuSource source, Path cacheDir) {
        String identity = cacheDir == null ? null : codeIdentity();
        Path file = cacheDir == null ? null : cacheDir.resolve("menus-" + hex(crc(
                (identity + "\n" + source.label(MenuLoader.ROOT)).getBytes(StandardCharsets.UTF_8))) + ".bin");
        if (file != null) {
            MenuTree t = read(file, source, identity);
            if (t != null) {
                return t;
            }
        }
        MenuTree t = MenuLoader.load(source);
        Validator.validate(t);
        if (file != null) {
            write(file, source, t);
        }
        return t;
    }

    // ---- identity ---------------------------------------------------------------------------------

    /** True when the program runs from a jar (not from a class directory). */
    static boolean fromJar() {
        try {
            return Files.isRegularFile(Path.of(TreeCache.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI()));
        } catch (Exception e) {
            return false;
        }
    }

    static String codeIdentity() {
        StringBuilder sb = new StringBuilder("v" + VERSION + " " + String.join(",", Commands.NAMES));
        try {
            Path p = Path.of(TreeCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            sb.append(' ').append(p).append(' ').append(Files.size(p)).append(' ')
                    .append(Files.getLastModifiedTime(p).toMillis());
            if (Files.isDirectory(p)) {
                // running from a class directory (tests, IDE): any changed class counts
                Path cls = p.resolve("smittywpar/smit/Validator.class");
                if (Files.exists(cls)) {
                    sb.append(' ').append(Files.getLastModifiedTime(cls).toMillis());
                }
            }
        } catch (Exception e) {
            sb.append(" unknown");
        }
        return sb.toString();
    }

    private static long crc(byte[] b) {
        return crc(b, b.length);
    }

    private static long crc(byte[] b, int len) {
        CRC32 c = new CRC32();
        c.update(b, 0, len);
        return c.getValue();
    }

    private static String hex(long v) {
        String h = Long.toHexString(v);
        return "0".repeat(Math.max(0, 8 - h.length())) + h;
    }

    // ---- reading ------------------------------------------------------------------------------------

    private static MenuTree read(Path file, MenuSource source, String identity) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            byte[] all = Files.readAllBytes(file);
            // the whole copy is checked at once: a screen is decoded only when it is first asked for
            if (all.length < 8 || ByteBuffer.wrap(all, all.length - 8, 8).getLong() != crc(all, all.length - 8)) {
                return null;
            }
            ByteBuffer in = ByteBuffer.wrap(all, 0, all.length - 8);
            if (in.getInt() != MAGIC || in.getInt() != VERSION || !identity.equals(str(in))) {
                return null;
            }
            int nfiles = in.getInt();
            List<String> files = new ArrayList<>();
            for (int i = 0; i < nfiles; i++) {
                String name = str(in);
                int len = in.getInt();
                long crc = in.getLong();
                if (!source.changesWithProgram() || !fromJar()) {
                    // menus packaged in the jar change only with the jar, which the identity covers
                    byte[] now = source.read(name, MenuLoader.MAX_BYTES);
                    if (now.length != len || crc(now, now.length) != crc) {
                        return null;
                    }
                }
                files.add(name);
            }
            int n = in.getInt();
            Map<String, Integer> at = new LinkedHashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                String id = str(in);
                int len = in.getInt();
                at.put(id, in.position());
                in.position(in.position() + len);
            }
            Map<String, MenuTree.Alias> aliases = new LinkedHashMap<>();
            n = in.getInt();
            for (int i = 0; i < n; i++) {
                MenuTree.Alias a = new MenuTree.Alias(str(in), str(in), mark(in));
                aliases.put(a.name(), a);
            }
            if (in.getInt() != MAGIC || in.hasRemaining()) {
                return null;
            }
            return new MenuTree(new Screens(all, at), Collections.unmodifiableMap(aliases), List.copyOf(files));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The screens of a copy, each decoded when it is first asked for (a start shows one screen of
     * hundreds: decoding them all cost a young JVM some 20 ms). Unmodifiable; the copy's bytes
     * were checked whole when it was read.
     */
    private static final class Screens extends AbstractMap<String, ScreenDef> {
        private final byte[] data;
        private final Map<String, Integer> at;
        private final Map<String, ScreenDef> decoded = new HashMap<>();
        private Set<Map.Entry<String, ScreenDef>> entries;

        Screens(byte[] data, Map<String, Integer> at) {
            this.data = data;
            this.at = at;
        }

        @Override
        public synchronized ScreenDef get(Object id) {
            ScreenDef s = decoded.get(id);
            if (s == null) {
                Integer pos = at.get(id);
                if (pos == null) {
                    return null;
                }
                try {
                    s = screen(ByteBuffer.wrap(data, pos, data.length - pos));
                } catch (IOException e) {
                    throw new UncheckedIOException(e); // not reached: the copy was checked whole
                }
                decoded.put((String) id, s);
            }
            return s;
        }

        @Override
        public boolean containsKey(Object id) {
            return at.containsKey(id);
        }

        @Override
        public int size() {
            return at.size();
        }

        @Override
        public Set<String> keySet() {
            return Collections.unmodifiableSet(at.keySet());
        }

        @Override
        public Set<Map.Entry<String, ScreenDef>> entrySet() {
            if (entries == null) {
                entries = new AbstractSet<>() {
                    @Override
                    public Iterator<Map.Entry<String, ScreenDef>> iterator() {
                        Iterator<String> ids = at.keySet().iterator();
                        return new Iterator<>() {
                            @Override
                            public boolean hasNext() {
                                return ids.hasNext();
                            }

                            @Override
                            public Map.Entry<String, ScreenDef> next() {
                                String id = ids.next();
                                return new AbstractMap.SimpleImmutableEntry<>(id, get(id));
                            }
                        };
                    }

                    @Override
                    public int size() {
                        return at.size();
                    }
                };
            }
            return entries;
        }
    }

    private static ScreenDef screen(ByteBuffer in) throws IOException {
        int kind = in.get();
        switch (kind) {
            case 'm' -> {
                String id = str(in);
                String title = str(in);
                String help = str(in);
                int n = in.getInt();
                List<Menu.Item> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    items.add(new Menu.Item(str(in), str(in), str(in), bool(in), bool(in), mark(in)));
                }
                return new Menu(id, title, help, List.copyOf(items), mark(in));
            }
            case 'n' -> {
                return new Selector(str(in), str(in), str(in), field(in), str(in), in.getChar(), str(in), str(in),
                        bool(in), bool(in), str(in), str(in), mark(in));
            }
            case 'd' -> {
                String id = str(in);
                String title = str(in);
                String help = str(in);
                String command = str(in);
                boolean ask = bool(in);
                boolean ghost = bool(in);
                char mode = in.getChar();
                List<String> discover = strs(in);
                String unsetCommand = str(in);
                boolean selectorOnly = bool(in);
                boolean pending = bool(in);
                int n = in.getInt();
                List<Field> fields = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    fields.add(field(in));
                }
                return new Dialog(id, title, help, command, ask, ghost, mode, discover, unsetCommand, selectorOnly, pending,
                        List.copyOf(fields), mark(in));
            }
            default -> throw new IOException("bad screen kind " + kind);
        }
    }

    private static Field field(ByteBuffer in) {
        Object[] v = new Object[Field.Key.values().length];
        for (Field.Key key : Field.Key.values()) {
            v[key.ordinal()] = switch (key.kind) {
                case TEXT -> str(in);
                case BOOL -> bool(in);
                case INT -> in.getInt();
                case CHOICE -> key.choices()[in.get()];
                case LIST -> strs(in);
            };
        }
        return new Field(v, mark(in));
    }

    private static boolean bool(ByteBuffer in) {
        return in.get() != 0;
    }

    private static Mark mark(ByteBuffer in) {
        return new Mark(str(in), in.getInt(), in.getInt());
    }

    private static List<String> strs(ByteBuffer in) {
        int n = in.getInt();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(str(in));
        }
        return List.copyOf(out);
    }

    private static String str(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0) {
            return null;
        }
        String s = new String(in.array(), in.position(), n, StandardCharsets.UTF_8);
        in.position(in.position() + n);
        return s;
    }

    // ---- writing ------------------------------------------------------------------------------------

    private static void write(Path file, MenuSource source, MenuTree t) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 17);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            str(out, codeIdentity());
            out.writeInt(t.files().size());
            for (String f : t.files()) {
                byte[] b = source.read(f, MenuLoader.MAX_BYTES);
                str(out, f);
                out.writeInt(b.length);
                out.writeLong(crc(b, b.length));
            }
            out.writeInt(t.screens().size());
            ByteArrayOutputStream one = new ByteArrayOutputStream(4096);
            DataOutputStream oneOut = new DataOutputStream(one);
            for (ScreenDef s : t.screens().values()) {
                one.reset();
                screen(oneOut, s);
                oneOut.flush();
                str(out, s.id());
                out.writeInt(one.size());
                one.writeTo(out);
            }
            out.writeInt(t.aliases().size());
            for (MenuTree.Alias a : t.aliases().values()) {
                str(out, a.name());
                str(out, a.target());
                mark(out, a.mark());
            }
            out.writeInt(MAGIC);
            out.flush();
            byte[] body = bytes.toByteArray();
            out.writeLong(crc(body, body.length));
            out.flush();
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                    bytes.writeTo(os);
                }
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            pruneOlderThanCode(file.getParent());
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written is simply not used
        }
    }

    /** Removes copies written by earlier builds (older than the jar), which can never be current again. */
    private static void pruneOlderThanCode(Path dir) {
        try {
            Path code = Path.of(TreeCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(code)) {
                return;
            }
            long built = Files.getLastModifiedTime(code).toMillis();
            try (var files = Files.newDirectoryStream(dir, "menus-*.bin")) {
                for (Path f : files) {
                    if (Files.getLastModifiedTime(f).toMillis() < built) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        } catch (Exception e) {
            // an old copy left behind does no harm
        }
    }

    private static void screen(DataOutputStream out, ScreenDef s) throws IOException {
        if (s instanceof Menu m) {
            out.writeByte('m');
            str(out, m.id());
            str(out, m.title());
            str(out, m.help());
            out.writeInt(m.items().size());
            for (Menu.Item i : m.items()) {
                str(out, i.text());
                str(out, i.next());
                str(out, i.help());
                out.writeBoolean(i.info());
                out.writeBoolean(i.installed());
                mark(out, i.mark());
            }
            mark(out, m.mark());
        } else if (s instanceof Selector n) {
            out.writeByte('n');
            str(out, n.id());
            str(out, n.title());
            str(out, n.help());
            field(out, n.field());
            str(out, n.next());
            out.writeChar(n.type());
            str(out, n.classify());
            str(out, n.verify());
            out.writeBoolean(n.ghost());
            out.writeBoolean(n.selectorOnly());
            str(out, n.rawName());
            str(out, n.cookedName());
            mark(out, n.mark());
        } else {
            Dialog d = (Dialog) s;
            out.writeByte('d');
            str(out, d.id());
            str(out, d.title());
            str(out, d.help());
            str(out, d.command());
            out.writeBoolean(d.ask());
            out.writeBoolean(d.ghost());
            out.writeChar(d.execMode());
            strs(out, d.discover());
            str(out, d.unsetCommand());
            out.writeBoolean(d.selectorOnly());
            out.writeBoolean(d.pending());
            out.writeInt(d.fields().size());
            for (Field f : d.fields()) {
                field(out, f);
            }
            mark(out, d.mark());
        }
    }

    @SuppressWarnings("unchecked") // a LIST key holds a list of strings
    private static void field(DataOutputStream out, Field f) throws IOException {
        for (Field.Key key : Field.Key.values()) {
            Object v = f.get(key);
            switch (key.kind) {
                case TEXT -> str(out, (String) v);
                case BOOL -> out.writeBoolean((Boolean) v);
                case INT -> out.writeInt((Integer) v);
                case CHOICE -> out.writeByte(((Enum<?>) v).ordinal());
                case LIST -> strs(out, (List<String>) v);
            }
        }
        mark(out, f.mark());
    }

    private static void mark(DataOutputStream out, Mark m) throws IOException {
        str(out, m.file());
        out.writeInt(m.line());
        out.writeInt(m.column());
    }

    private static void strs(DataOutputStream out, List<String> l) throws IOException {
        out.writeInt(l.size());
        for (String s : l) {
            str(out, s);
        }
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }
}
