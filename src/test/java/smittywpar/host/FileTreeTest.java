package smittywpar.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The storage of a file tree: what is kept where, and what the layers show, on an in-memory state. */
class FileTreeTest {
    /** A state directory in memory: files by name; directories are the prefixes of files, plus {@link #dirs}. */
    static final class MemStore implements FileTree.Store {
        final Map<String, String> files = new TreeMap<>();
        final List<String> dirs = new ArrayList<>();
        /** Files are opened as streams of a file would be (not as bytes held in memory): a large index is then read as needed. */
        boolean streamed;
        int opened;

        @Override
        public String read(String rel) {
            return files.get(rel);
        }

        @Override
        public void write(String rel, String text) {
            files.put(rel, text);
        }

        @Override
        public void delete(String rel) {
            files.remove(rel);
        }

        @Override
        public char kind(String rel) {
            if (files.containsKey(rel)) {
                return 'f';
            }
            if (dirs.contains(rel)) {
                return 'd';
            }
            for (String f : files.keySet()) {
                if (f.startsWith(rel + "/")) {
                    return 'd';
                }
            }
            return 0;
        }

        @Override
        public List<String> names(String relDir) {
            List<String> out = new ArrayList<>();
            for (String f : files.keySet()) {
                if (f.startsWith(relDir + "/")) {
                    String rest = f.substring(relDir.length() + 1);
                    String n = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
                    if (!out.contains(n)) {
                        out.add(n);
                    }
                }
            }
            return out;
        }

        @Override
        public RuntimeException corrupt(String rel, int line, String reason) {
            return new IllegalStateException(rel + ":" + line + ": " + reason);
        }

        @Override
        public long size(String rel) {
            String t = files.get(rel);
            return t == null ? -1 : t.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }

        @Override
        public java.io.InputStream open(String rel) {
            String t = files.get(rel);
            if (t == null) {
                return null;
            }
            byte[] b = t.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            if (streamed && rel.endsWith("/tree")) { // the index as a file is read: its bytes are its UTF-8
                b = t.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                opened++;
                return new java.io.BufferedInputStream(new java.io.ByteArrayInputStream(b));
            }
            return new java.io.ByteArrayInputStream(b);
        }

        @Override
        public long writeStream(String rel, smittywpar.store.StateStore.StreamWriter writer) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try {
                writer.write(out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            // bytes kept one char each, so that binary content comes back as it went in
            files.put(rel, out.toString(java.nio.charset.StandardCharsets.ISO_8859_1));
            return out.size();
        }
    }

    static final FileTree.Meta ROOT = new FileTree.Meta("root", "system", 0644, 1000);
    final MemStore store = new MemStore();

    FileTree tree() {
        return tree(store);
    }

    static FileTree tree(MemStore store) {
        return new FileTree(store, List.of(new FileTree.Layer("/", BaseTree.wparRoot())),
                Map.of("hosts", "127.0.0.1 loopback", "hostname", "w1"), "t/tree", "t/fs", "t/blobs");
    }

    @Test
    void aNewTreeStoresNothingAndShowsTheShippedFiles() {
        FileTree t = tree();
        assertThat(t.untouched()).isTrue();
        assertThat(t.stat("/etc/motd").kind()).isEqualTo(FileNode.Kind.FILE);
        assertThat(t.read("/etc/motd")).contains("Welcome to AIX Version 7.2!");
        assertThat(t.read("/etc/hosts")).isEqualTo("127.0.0.1 loopback\n");
        assertThat(t.list("/")).contains("etc", "home", "tmp", "usr", "var");
        t.flush();
        assertThat(store.files).isEmpty();
    }

    @Test
    void aChangedFileIsKeptAtItsOwnPathWithItsOwnerModeAndTimeInTheIndex() {
        FileTree t = tree();
        t.write("/etc/motd", "hello\n", ROOT);
        t.write("/tmp/a b", "x\n", new FileTree.Meta("guest", "usr", 0600, 2000));
        t.flush();
        assertThat(store.files).containsEntry("t/fs/etc/motd", "hello\n").containsEntry("t/fs/tmp/a%20b", "x\n");
        assertThat(store.files.get("t/tree")).contains("m 644 root system 1000 6 /etc/motd")
                .contains("m 600 guest usr 2000 2 /tmp/a%20b");
        FileTree again = tree();
        assertThat(again.read("/etc/motd")).isEqualTo("hello\n");
        assertThat(again.stat("/tmp/a b")).isEqualTo(new FileNode(FileNode.Kind.FILE, 0600, "guest", "usr", 2000, 2, null));
        assertThat(again.list("/tmp")).contains("a b", "lost+found");
    }

    @Test
    void aCommandsFileNeedsNoIndexLine() {
        FileTree t = tree();
        t.write("/tmp/w.spec", "general:\n", null);
        t.flush();
        assertThat(store.files).containsOnlyKeys("t/fs/tmp/w.spec");
        assertThat(tree().stat("/tmp/w.spec").kind()).isEqualTo(FileNode.Kind.FILE);
    }

    @Test
    void deletingAShippedFileLeavesAWhiteoutAndANewDirectoryThereHidesWhatWasBelow() {
        FileTree t = tree();
        t.remove("/etc/motd");
        assertThat(t.stat("/etc/motd")).isNull();
        assertThat(t.list("/etc")).doesNotContain("motd");
        for (String n : t.list("/etc/security")) {
            t.remove("/etc/security/" + n);
        }
        t.remove("/etc/security");
        assertThat(t.stat("/etc/security/user")).isNull();
        t.mkdir("/etc/security", ROOT);
        assertThat(t.list("/etc/security")).isEmpty();
        t.flush();
        assertThat(store.files.get("t/tree")).contains("w /etc/motd").contains("o 644 root system 1000 /etc/security")
                .doesNotContain("/etc/security/user");
    }

    @Test
    void whereAStateDirectoryIsInTheWayTheTextGoesToANumberedFile() {
        FileTree t = tree();
        store.dirs.add("t/fs/tmp/x");
        t.remove("/tmp/x");
        t.write("/tmp/x", "text\n", ROOT);
        t.flush();
        assertThat(store.files).containsEntry("t/blobs/1", "text\n");
        assertThat(store.files.get("t/tree")).contains("f 1 644 root system 1000 5 /tmp/x");
        assertThat(tree().read("/tmp/x")).isEqualTo("text\n");
        FileTree u = tree();
        u.remove("/tmp/x");
        u.flush();
        assertThat(store.files).doesNotContainKey("t/blobs/1");
        assertThat(tree().stat("/tmp/x")).isNull();
    }

    @Test
    void usageCountsWhatChangesAddAndDeleteOnEachFileSystem() {
        FileTree t = tree();
        t.write("/.sh_history", "ls\n", ROOT);
        t.mkdir("/home/guest/d", ROOT);
        t.write("/home/guest/d/f", "12345\n", ROOT);
        t.remove("/etc/motd");
        long motd = AixPath.utf8Length(BaseTree.wparRoot().get("/etc/motd").text());
        assertThat(t.usage("/", List.of("/home", "/tmp"))).containsExactly(1 - 1, 3 - motd);
        assertThat(t.usage("/home", List.of())).containsExactly(2, 6);
    }

    @Test
    void destroyLeavesNothing() {
        FileTree t = tree();
        t.write("/etc/motd", "x\n", ROOT);
        store.dirs.add("t/fs/var/x");
        t.remove("/var/x");
        t.write("/var/x", "y\n", ROOT);
        store.files.put("t/fs/placed/by/hand", "z\n");
        t.flush();
        tree().destroy();
        assertThat(store.files).isEmpty();
    }

    @Test
    void aDamagedIndexIsReportedWithItsLineNotGuessedAt() {
        store.files.put("t/tree", "smitty-wpar tree 1\nnext 2\nm 644 root system 1000 3 /ok\nq what\n");
        assertThatThrownBy(() -> tree().stat("/ok")).hasMessageStartingWith("t/tree:4: ");
        store.files.put("t/tree", "smitty-wpar tree 1\nnext 8\nf 7 644 root system 1000 3 /x\n");
        assertThatThrownBy(() -> tree().read("/x")).hasMessageStartingWith("t/blobs/7:0: ");
        // a numbered file cut short: its size is not the index's
        store.files.put("t/blobs/7", "ab");
        assertThatThrownBy(() -> tree().read("/x")).hasMessage("t/blobs/7:0: it has 2 bytes where t/tree gives 3 (it"
                + " was cut short or changed)");
        store.files.put("t/blobs/7", "abc");
        assertThat(tree().read("/x")).isEqualTo("abc");
        // numbers in ASCII digits, no path twice, stored files below next
        store.files.put("t/tree", "smitty-wpar tree 1\nnext 8\nd 755 root system 1\u0660 /d\n");
        assertThatThrownBy(() -> tree().stat("/d")).hasMessageStartingWith("t/tree:3: not a file tree index: ");
        store.files.put("t/tree", "smitty-wpar tree 1\nnext 8\nd 755 root system 10 /d\nd 755 root system 10 /d\n");
        assertThatThrownBy(() -> tree().stat("/d")).hasMessage("t/tree:4: /d appears twice (the first time on line 3)");
        store.files.put("t/tree", "smitty-wpar tree 1\nnext 7\nf 7 644 root system 1000 3 /x\n");
        assertThatThrownBy(() -> tree().stat("/x")).hasMessage("t/tree:2: next 7 is not above stored file 7");
        store.files.remove("t/blobs/7");
        store.files.put("t/tree", "something else\n");
        assertThatThrownBy(() -> tree().stat("/x")).hasMessageStartingWith("t/tree:1: ");
    }

    @Test
    void theIndexReadsBackWhatItWrote() {
        FileTree t = tree();
        t.write("/tmp/\u00e9 t\u00e9", "x\n", new FileTree.Meta("us er", "gr", 0640, 5));
        t.program("/tmp/ls", "ls", 34560, new FileTree.Meta("bin", "bin", 0555, 6));
        t.mkdir("/tmp/d", ROOT);
        t.remove("/etc/hosts");
        t.flush();
        String first = store.files.get("t/tree");
        TreeIndex ix = TreeIndex.parse(first);
        assertThat(ix.text()).isEqualTo(first);
        assertThat(tree().stat("/tmp/ls")).isEqualTo(new FileNode(FileNode.Kind.PROGRAM, 0555, "bin", "bin", 6, 34560, "ls"));
        assertThat(tree().stat("/tmp/\u00e9 t\u00e9").owner()).isEqualTo("us er");
    }

    @Test
    void theIndexGrowsTo16MiBAndAChangeBeyondIsRefusedAsAFullFileSystemChangingNothing() {
        FileTree t = tree();
        String pad = "d".repeat(240);
        int n = 0;
        FsException full = null;
        while (full == null) {
            try {
                t.mkdir("/home/" + pad + n, ROOT);
                n++;
            } catch (FsException e) {
                full = e;
            }
        }
        assertThat(full.errno).isEqualTo(FsException.Errno.ENOSPC);
        assertThat(full.getMessage()).isEqualTo("ENOSPC /home/" + pad + n);
        assertThat(t.stat("/home/" + pad + n)).isNull();
        // about 16 MiB of lines of some 275 bytes
        assertThat(n).isBetween((int) (FileTree.MAX_INDEX / 280), (int) (FileTree.MAX_INDEX / 260));
        // the room left takes a few short lines at most; then a write is refused before anything is stored
        int small = 0;
        while (small < 10) {
            try {
                t.write("/home/f" + small, "x\n", ROOT);
                small++;
            } catch (FsException e) {
                assertThat(e.errno).isEqualTo(FsException.Errno.ENOSPC);
                break;
            }
        }
        assertThat(small).isLessThan(6);
        assertThat(t.stat("/home/f" + small)).isNull();
        assertThat(store.files).doesNotContainKey("t/fs/home/f" + small);
        // a deletion is still taken, and makes room
        t.remove("/etc/motd");
        t.remove("/home/" + pad + 0);
        t.write("/home/f", "x\n", ROOT);
        t.flush();
        String text = store.files.get("t/tree");
        assertThat((long) text.length()).isGreaterThan(FileTree.MAX_INDEX - 400).isLessThanOrEqualTo(FileTree.MAX_INDEX + 100);
        // what was written reads back (the index is read up to its limit, not the 1 MiB of other files)
        FileTree again = tree();
        assertThat(again.stat("/home/" + pad + (n - 1)).kind()).isEqualTo(FileNode.Kind.DIR);
        assertThat(again.stat("/etc/motd")).isNull();
        assertThat(again.read("/home/f")).isEqualTo("x\n");
    }

    @Test
    void theUsageKeptUpToDateAsTheTreeChangesIsTheUsageCountedAfresh() {
        FileTree t = tree();
        List<String> others = List.of("/home", "/tmp");
        long[][] asked = {t.usage("/", others), t.usage("/home", List.of()), t.usage("/tmp", List.of())};
        assertThat(asked[0]).containsExactly(0, 0);
        java.util.Random r = new java.util.Random(13);
        String[] dirs = {"/home", "/tmp", "/etc", "/var"};
        for (int i = 0; i < 400; i++) {
            String d = dirs[r.nextInt(dirs.length)];
            String p = d + "/f" + r.nextInt(40);
            switch (r.nextInt(6)) {
                case 0, 1 -> t.write(p, "x".repeat(r.nextInt(50)), r.nextBoolean() ? ROOT : null);
                case 2 -> {
                    if (t.stat(p) != null) {
                        t.remove(p);
                    }
                }
                case 3 -> t.touch(d.equals("/etc") ? "/etc/motd" : p, 2000 + i);
                case 4 -> {
                    if (t.stat("/etc/motd") != null) {
                        t.remove("/etc/motd");
                    } else {
                        t.write("/etc/motd", "back\n", ROOT);
                    }
                }
                default -> {
                    if (t.stat(p) == null) {
                        t.mkdir(p, ROOT);
                    }
                }
            }
            FileTree fresh = tree(); // counts from the index as flushed: nothing cached
            t.flush();
            assertThat(t.usage("/", others)).as("step %d", i).containsExactly(fresh.usage("/", others));
            assertThat(t.usage("/home", List.of())).as("step %d", i).containsExactly(tree().usage("/home", List.of()));
            assertThat(t.usage("/tmp", List.of())).as("step %d", i).containsExactly(tree().usage("/tmp", List.of()));
        }
        assertThat(t.usage("/", others)).isNotEqualTo(new long[] {0, 0});
    }

    /** A tree whose index passes {@link TreeIndex#ON_DISK_AT}: names that sort around '/', every kind of line. */
    private MemStore largeIndex() {
        FileTree t = tree();
        for (String d : List.of("/home/a", "/home/a/b", "/home/a-b", "/home/a.c", "/home/a0", "/home/a b",
                "/home/\u00e9t\u00e9", "/home/a/b/c", "/home/many")) {
            t.mkdir(d, ROOT);
        }
        for (int i = 0; i < 1700; i++) {
            t.write(String.format("/home/many/f%04d", i), "file " + i + "\n", ROOT);
        }
        t.write("/home/a/b/c/deep", "deep\n", ROOT);
        t.write("/home/a-b/x", "x\n", ROOT);
        t.write("/home/a/" + "n".repeat(300), "numbered\n", ROOT); // too long to be kept at its own path
        t.program("/home/a0/ls", "ls", 7512, ROOT);
        t.remove("/etc/motd");
        t.remove("/etc/hosts");
        t.mkdir("/etc/hosts", ROOT); // a directory over a whiteout
        t.write("/etc/hosts/h", "h\n", ROOT);
        t.flush();
        assertThat((long) store.size("t/tree")).isGreaterThan(TreeIndex.ON_DISK_AT);
        return store;
    }

    private static MemStore copy(MemStore from, boolean streamed) {
        MemStore s = new MemStore();
        s.files.putAll(from.files);
        s.dirs.addAll(from.dirs);
        s.streamed = streamed;
        return s;
    }

    private static String describe(FileTree t, String p) {
        FileNode n = t.stat(p);
        if (n == null) {
            return "none";
        }
        String what = n.kind() + " " + Integer.toOctalString(n.mode()) + " " + n.owner() + " " + n.size();
        return n.isDir() ? what + " " + t.list(p) : n.kind() == FileNode.Kind.FILE ? what + " " + t.read(p) : what;
    }

    @Test
    void aLargeIndexReadFromItsFileAsNeededAnswersAsTheIndexHeldWhole() {
        MemStore base = largeIndex();
        MemStore streamed = copy(base, true);
        FileTree disk = tree(streamed);
        MemStore plain = copy(base, false);
        FileTree whole = tree(plain);
        List<String> paths = new ArrayList<>(List.of("/", "/home", "/home/a", "/home/a/b", "/home/a/b/c",
                "/home/a/b/c/deep", "/home/a-b", "/home/a-b/x", "/home/a.c", "/home/a0", "/home/a0/ls", "/home/a b",
                "/home/\u00e9t\u00e9", "/home/many", "/home/many/f0000", "/home/many/f0777", "/home/many/f1699",
                "/home/many/f1700", "/home/a/" + "n".repeat(300), "/etc", "/etc/motd", "/etc/hosts", "/etc/hosts/h",
                "/etc/passwd", "/home/zz", "/home/0", "/tmp", "/usr"));
        for (String p : paths) {
            assertThat(describe(disk, p)).as(p).isEqualTo(describe(whole, p));
        }
        assertThat(disk.indexOnDisk()).isTrue();
        assertThat(whole.indexOnDisk()).isFalse();
        assertThat(disk.usage("/", List.of("/home"))).containsExactly(whole.usage("/", List.of("/home")));
        assertThat(disk.usage("/home", List.of())).containsExactly(whole.usage("/home", List.of()));
        assertThat(disk.storedBytes()).isEqualTo(whole.storedBytes());
        assertThat(disk.indexTypes()).isEqualTo(whole.indexTypes());
        // read in blocks of 64 lines, a few kept: some 140 reads of the 28 blocks for about 200 lookups
        // and lists and four passes over all of it (usage twice, stored bytes, the types)
        assertThat(streamed.opened).isLessThan(200);
        // a change takes the whole index into memory, and writes what the same change writes
        disk.write("/home/a/new", "n\n", ROOT);
        disk.remove("/home/a/b");
        assertThat(disk.indexOnDisk()).isFalse();
        whole.write("/home/a/new", "n\n", ROOT);
        whole.remove("/home/a/b");
        disk.flush();
        whole.flush();
        assertThat(streamed.files.get("t/tree")).isEqualTo(plain.files.get("t/tree"));
        assertThat(streamed.files.keySet()).isEqualTo(plain.files.keySet());
        assertThat(disk.indexTypes()).isEqualTo(whole.indexTypes());
    }

    @Test
    void aLargeIndexReplacedAfterItWasCheckedIsReadAgainWhole() {
        MemStore base = largeIndex();
        MemStore s = copy(base, true);
        FileTree reading = tree(s);
        assertThat(reading.indexOnDisk()).isTrue(); // checked, nothing looked up yet
        // the index written anew meanwhile (a command keeps one tree an index: only a safety net)
        FileTree writer = tree(s);
        writer.write("/home/many/f0000x", "new\n", ROOT);
        writer.flush();
        assertThat(reading.read("/home/many/f0000x")).isEqualTo("new\n");
        assertThat(reading.list("/home/many")).contains("f0000x", "f1699");
        assertThat(reading.indexOnDisk()).isFalse();
    }

    @Test
    void aLargeIndexDamagedOrOutOfOrderIsReadWholeAndTheSameErrorIsSaid() {
        MemStore base = largeIndex();
        String text = base.files.get("t/tree");
        // a flipped character in the middle, a line gone, the checksum line gone: the same error either way
        int mid = text.indexOf("/home/many/f0700");
        int lineEnd = text.indexOf('\n', mid) + 1;
        int lineStart = text.lastIndexOf('\n', mid) + 1;
        for (String damaged : List.of(text.substring(0, mid) + "X" + text.substring(mid + 1),
                text.substring(0, lineStart) + text.substring(lineEnd),
                text.substring(0, text.lastIndexOf("#crc32")),
                text.substring(0, lineStart) + "m 644 root system 1 2 /home/many/f0001\n" + text.substring(lineStart))) {
            MemStore s = copy(base, true);
            s.files.put("t/tree", damaged);
            MemStore w = copy(base, false);
            w.files.put("t/tree", damaged);
            String said = null;
            try {
                tree(w).stat("/home/many/f0001");
            } catch (IllegalStateException e) {
                said = e.getMessage();
            }
            assertThat(said).startsWith("t/tree:");
            String fromDisk = null;
            try {
                tree(s).stat("/home/many/f0001");
            } catch (IllegalStateException e) {
                fromDisk = e.getMessage();
            }
            assertThat(fromDisk).isEqualTo(said);
        }
        // out of order but right (an index written by hand): read whole, and taken
        String[] lines = text.substring(0, text.lastIndexOf("#crc32")).split("\n");
        List<String> body = new ArrayList<>(List.of(lines));
        java.util.Collections.swap(body, 5, 900);
        String unsorted = String.join("\n", body) + "\n";
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(unsorted.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        MemStore s = copy(base, true);
        s.files.put("t/tree", unsorted + String.format("#crc32 %08x%n", crc.getValue()));
        FileTree t = tree(s);
        assertThat(t.read("/home/many/f0777")).isEqualTo("file 777\n");
        assertThat(t.indexOnDisk()).isFalse();
        assertThat(t.indexTypes()).isEqualTo(tree(copy(base, false)).indexTypes());
    }
}
