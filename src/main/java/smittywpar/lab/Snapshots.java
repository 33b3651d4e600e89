package smittywpar.lab;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import smittywpar.msg.Messages;
import smittywpar.store.Errno;
import smittywpar.store.StateStore;

/**
 * Copies of the whole state directory, kept in its {@value #LAB} directory (which the store never
 * uses: the lab's own files are not part of the host). A snapshot is taken under the store's
 * shared lock, so no command is half-way through a change while it is copied; restoring one is one
 * transaction of the store (every file written or deleted, or none), after which the state
 * directory holds exactly the snapshot's files, byte for byte.
 *
 * <p>A snapshot is a directory {@code .lab/snapshots/NAME/} with the files under {@code files/}
 * and {@code snapshot.cf}: when it was taken (host clock), the number of files and bytes and a
 * CRC-32 of them all, checked before a restore. It is made under a temporary name and renamed into
 * place, so a snapshot is whole or absent.
 */
final class Snapshots {
    static final String LAB = ".lab";
    /** The store's own files and the lab's, never part of a snapshot. */
    private static final Set<String> NOT_STATE = Set.of(".lock", ".tx", "journal", LAB);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};
    /** The name of the snapshot {@code host init} leaves for {@code host reset}. */
    static final String INIT = ".init";

    /** A listed snapshot. */
    record Info(String name, String date, long files, long bytes) {
    }

    private Snapshots() {
    }

    static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw LabException.of("lab.snap.badname", name);
        }
    }

    static Path dir(Path home) {
        return home.resolve(LAB).resolve("snapshots");
    }

    // ---- reading the state -------------------------------------------------------------------------

    /** Every file of the state directory with its bytes, read under the store's shared lock. */
    static SortedMap<String, byte[]> capture(StateStore store) {
        return store.read(v -> {
            SortedMap<String, byte[]> files = new TreeMap<>();
            try {
                walk(store.dir(), "", files);
            } catch (IOException e) {
                throw LabException.of("lab.io", store.dir(), Errno.text(e));
            }
            return files;
        });
    }

    /** Every file under {@code root} (a state directory, or a snapshot's files/), never through a link. */
    static void walk(Path root, String rel, Map<String, byte[]> files) throws IOException {
        Path d = rel.isEmpty() ? root : root.resolve(rel);
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(d)) {
            for (Path p : ds) {
                names.add(p.getFileName().toString());
            }
        }
        names.sort(null);
        for (String n : names) {
            if (rel.isEmpty() && NOT_STATE.contains(n)) {
                continue;
            }
            String child = rel.isEmpty() ? n : rel + "/" + n;
            BasicFileAttributes a = Files.readAttributes(root.resolve(child), BasicFileAttributes.class, NOFOLLOW);
            if (a.isDirectory()) {
                walk(root, child, files);
            } else if (a.isRegularFile()) {
                files.put(child, read(root.resolve(child)));
            } else {
                throw LabException.of("lab.snap.notfile", root.resolve(child));
            }
        }
    }

    private static byte[] read(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16, ch.size()));
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // until full or at the end
            }
            return Arrays.copyOf(buf.array(), buf.position());
        }
    }

    // ---- saving and loading --------------------------------------------------------------------------

    /** Saves {@code files} as snapshot {@code name} (replacing one of that name), taken at {@code date}. */
    static void save(Path home, String name, Map<String, byte[]> files, String date) {
        Path dir = dir(home);
        Path tmp = dir.resolve(".new-" + name);
        Path target = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            deleteTree(tmp);
            for (var e : files.entrySet()) {
                Path p = tmp.resolve("files").resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, e.getValue(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
            Files.createDirectories(tmp);
            Files.writeString(tmp.resolve("snapshot.cf"), manifest(files, date), StandardCharsets.UTF_8);
            Path old = dir.resolve(".old-" + name);
            deleteTree(old);
            if (Files.exists(target, NOFOLLOW)) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
        } catch (IOException e) {
            try {
                deleteTree(tmp);
            } catch (IOException left) {
                // a leftover .new- directory is never listed nor restored
            }
            throw LabException.of("lab.io", dir, Errno.text(e));
        }
    }

    private static String manifest(Map<String, byte[]> files, String date) {
        long bytes = 0;
        CRC32 crc = new CRC32();
        for (var e : files.entrySet()) {
            bytes += e.getValue().length;
            crc.update(e.getKey().getBytes(StandardCharsets.UTF_8));
            crc.update(0);
            crc.update(e.getValue());
        }
        return "date = " + date + "\nfiles = " + files.size() + "\nbytes = " + bytes + "\ncrc32 = "
                + String.format("%08x", crc.getValue()) + "\n";
    }

    static boolean exists(Path home, String name) {
        return Files.isDirectory(dir(home).resolve(name), NOFOLLOW);
    }

    /** The files of snapshot {@code name}, checked against its manifest. */
    static SortedMap<String, byte[]> load(Path home, String name) {
        Path d = dir(home).resolve(name);
        if (!Files.isDirectory(d, NOFOLLOW)) {
            throw LabException.of("lab.snap.none", name);
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        String manifest;
        try {
            manifest = Files.readString(d.resolve("snapshot.cf"), StandardCharsets.UTF_8);
            if (Files.isDirectory(d.resolve("files"), NOFOLLOW)) {
                walk(d.resolve("files"), "", files);
            }
        } catch (NoSuchFileException e) {
            throw LabException.of("lab.snap.damaged", name, d.resolve("snapshot.cf"));
        } catch (IOException e) {
            throw LabException.of("lab.io", d, Errno.text(e));
        }
        String date = field(manifest, "date");
        if (date == null || !manifest.equals(manifest(files, date))) {
            throw LabException.of("lab.snap.damaged", name, d);
        }
        return files;
    }

    static Info info(Path home, String name) {
        Path d = dir(home).resolve(name);
        try {
            String m = Files.readString(d.resolve("snapshot.cf"), StandardCharsets.UTF_8);
            return new Info(name, field(m, "date"), number(field(m, "files")), number(field(m, "bytes")));
        } catch (IOException e) {
            return new Info(name, "?", -1, -1);
        }
    }

    /** The snapshots, by name (the hidden one host init leaves is not listed). */
    static List<Info> list(Path home) {
        List<Info> out = new ArrayList<>();
        Path dir = dir(home);
        if (!Files.isDirectory(dir, NOFOLLOW)) {
            return out;
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (!n.startsWith(".") && Files.isDirectory(p, NOFOLLOW)) {
                    names.add(n);
                }
            }
        } catch (IOException e) {
            throw LabException.of("lab.io", dir, Errno.text(e));
        }
        names.sort(null);
        for (String n : names) {
            out.add(info(home, n));
        }
        return out;
    }

    static void delete(Path home, String name) {
        try {
            deleteTree(dir(home).resolve(name));
        } catch (IOException e) {
            throw LabException.of("lab.io", dir(home).resolve(name), Errno.text(e));
        }
    }

    private static String field(String manifest, String key) {
        for (String l : manifest.split("\n")) {
            if (l.startsWith(key + " = ")) {
                return l.substring(key.length() + 3);
            }
        }
        return null;
    }

    private static long number(String s) {
        try {
            return s == null ? -1 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // ---- restoring -------------------------------------------------------------------------------

    /**
     * Makes the state directory hold exactly {@code files}, in one transaction of the store: the
     * files it has that {@code files} lacks are deleted, every other one written where it differs.
     */
    static int restore(StateStore store, Map<String, byte[]> files) {
        Map<String, String> texts = new TreeMap<>();
        for (var e : files.entrySet()) {
            texts.put(e.getKey(), utf8(e.getKey(), e.getValue()));
        }
        return store.update(tx -> {
            SortedMap<String, byte[]> now = new TreeMap<>();
            try {
                walk(store.dir(), "", now);
            } catch (IOException e) {
                throw LabException.of("lab.io", store.dir(), Errno.text(e));
            }
            int changed = 0;
            for (String rel : now.keySet()) {
                if (!files.containsKey(rel)) {
                    tx.delete(rel);
                    changed++;
                }
            }
            for (var e : files.entrySet()) {
                byte[] old = now.get(e.getKey());
                if (old == null || !Arrays.equals(old, e.getValue())) {
                    tx.write(e.getKey(), texts.get(e.getKey()));
                    changed++;
                }
            }
            return changed;
        });
    }

    private static String utf8(String rel, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw LabException.of("lab.snap.nottext", rel, Messages.get("yaml.encoding"));
        }
    }

    static void deleteTree(Path p) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW);
        } catch (NoSuchFileException e) {
            return;
        }
        if (a.isDirectory()) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
                for (Path c : ds) {
                    deleteTree(c);
                }
            }
        }
        Files.deleteIfExists(p);
    }
}
