package smittywpar.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import smittywpar.msg.AixException;
import smittywpar.msg.Messages;

/**
 * The views a {@link StateStore} transaction works through: {@link FileView} reads the state
 * directory (each file once, kept for the rest of the transaction), {@link PendingTx} adds the
 * writes of an update, kept in memory until the commit, or, for streams and for what passes
 * {@link PendingTx#SPILL_AT} bytes, in temporary files of the transaction's directory.
 */
final class StoreViews {
    private StoreViews() {
    }


    static class FileView implements StateStore.View {
        final StateStore store;
        final StateFiles files;
        private final Map<String, String> cache = new HashMap<>();

        FileView(StateStore store, StateFiles files) {
            this.store = store;
            this.files = files;
        }

        @Override
        public String read(String rel, long limit) {
            if (cache.containsKey(rel)) {
                return cache.get(rel);
            }
            if (!StateFiles.validName(rel)) {
                return null; // a name that would leave the store (a WPAR called "../x") names nothing
            }
            String text;
            try {
                text = files.read(rel, limit);
            } catch (IOException e) {
                throw store.failure(path(rel), e);
            }
            cache.put(rel, text);
            return text;
        }

        @Override
        public String readOnce(String rel) {
            if (cache.containsKey(rel)) {
                return cache.get(rel);
            }
            if (!StateFiles.validName(rel)) {
                return null;
            }
            try {
                return files.read(rel, StateStore.MAX_FILE);
            } catch (IOException e) {
                throw store.failure(path(rel), e);
            }
        }

        @Override
        public long size(String rel) {
            if (cache.containsKey(rel)) {
                String t = cache.get(rel);
                return t == null ? -1 : t.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            }
            if (!StateFiles.validName(rel)) {
                return -1;
            }
            try {
                BasicFileAttributes a = files.entry(rel);
                return a == null || !a.isRegularFile() ? -1 : a.size();
            } catch (IOException e) {
                throw store.failure(path(rel), e);
            }
        }

        @Override
        public java.io.InputStream open(String rel) {
            if (cache.containsKey(rel)) {
                String t = cache.get(rel);
                return t == null ? null : new java.io.ByteArrayInputStream(t.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            if (!StateFiles.validName(rel)) {
                return null;
            }
            try {
                return files.open(rel);
            } catch (IOException e) {
                throw store.failure(path(rel), e);
            }
        }

        @Override
        public boolean exists(String rel) {
            if (cache.containsKey(rel)) {
                return cache.get(rel) != null;
            }
            if (!StateFiles.validName(rel)) {
                return false;
            }
            try {
                return files.entry(rel) != null;
            } catch (IOException e) {
                throw store.failure(path(rel), e);
            }
        }

        @Override
        public List<String> list(String relDir) {
            if (!StateFiles.validName(relDir)) {
                return new ArrayList<>();
            }
            try {
                return files.names(relDir);
            } catch (IOException e) {
                throw store.failure(path(relDir), e);
            }
        }

        @Override
        public char kind(String rel) {
            if (cache.containsKey(rel) && cache.get(rel) != null) {
                return 'f';
            }
            if (!StateFiles.validName(rel)) {
                return 0;
            }
            try {
                BasicFileAttributes a = files.entry(rel);
                return a == null ? 0 : a.isRegularFile() ? 'f' : a.isDirectory() ? 'd' : 0;
            } catch (IOException e) {
                throw store.failure(path(rel), e);
            }
        }

        @Override
        public List<String> names(String relDir) {
            List<String> names = new ArrayList<>();
            if (!StateFiles.validName(relDir)) {
                return names;
            }
            try {
                for (String n : files.names(relDir)) {
                    BasicFileAttributes a = StateFiles.lstat(path(relDir).resolve(n));
                    if (a != null && a.isSymbolicLink()) {
                        throw files.symlink(relDir + "/" + n);
                    }
                    if (a != null && (a.isRegularFile() || a.isDirectory())) {
                        names.add(n);
                    }
                }
            } catch (IOException e) {
                throw store.failure(path(relDir), e);
            }
            return names;
        }

        @Override
        public Path path(String rel) {
            return store.dir().resolve(rel);
        }

        @Override
        public long changed(String rel) {
            if (!StateFiles.validName(rel)) {
                return -1;
            }
            try {
                return files.entry(rel) == null ? -1 : files.changed(rel);
            } catch (IOException e) {
                throw store.failure(path(rel), e);
            }
        }

        void remember(String rel, String text) {
            cache.put(rel, text);
        }

        /** True when the text of {@code rel} was read (or written) in this transaction. */
        boolean known(String rel) {
            return cache.containsKey(rel);
        }

        /** The text of {@code rel} as read or written in this transaction (null: not there). */
        String knownText(String rel) {
            return cache.get(rel);
        }

        void forget(String rel) {
            cache.remove(rel);
        }
    }

    static final class PendingTx extends FileView implements StateStore.Tx {
        /** Pending texts beyond this many bytes wait in temporary files instead of memory. */
        static final long SPILL_AT = 4L << 20;
        final Map<String, String> pending = new LinkedHashMap<>();
        /**
         * The same, sorted by name: the pending files below a directory are one run of it, so that
         * looking into a directory does not go through every pending file (a restore of 10,000
         * files looks into every directory it makes).
         */
        private final TreeMap<String, String> sorted = new TreeMap<>();
        /** Files whose new text waits in the temporary directory: name there, by file. */
        final Map<String, String> spilled = new HashMap<>();
        private long pendingBytes;
        int spills;
        /**
         * Part of a {@link Joint}: a spilled text that is replaced stays on disk until the end (the
         * joined update that replaced it may be undone); the whole directory goes then.
         */
        boolean joined;
        /** The texts files had when this transaction first changed them, where it had read them (null: none). */
        private final Map<String, String> originals = new HashMap<>();

        /** The texts files had when this transaction first changed them, where it had read them (null: none). */
        Map<String, String> originals() {
            return originals;
        }

        /** Keeps the text {@code rel} has now, before its first change (when it was read). */
        private void keepOriginal(String rel) {
            if (!pending.containsKey(rel) && known(rel)) {
                originals.put(rel, knownText(rel));
            }
        }

        /**
         * What the commit writes: the pending changes but those that change nothing (a text the
         * file has, a removal of a file that is not there, as the joint of an application WPAR made
         * and removed leaves most of its files). A file left so is still written when a real change
         * of the commit lies in a directory below its own, so that a file derived from a directory
         * (the WPAR index of {@code wpars/}) stays newer than it.
         */
        private static String parent(String rel) {
            int slash = rel.lastIndexOf('/');
            return slash < 0 ? "" : rel.substring(0, slash);
        }

        /** True when one of {@code dirs} is a directory below {@code dir} ("": the state directory). */
        private static boolean below(java.util.NavigableSet<String> dirs, String dir) {
            if (dir.isEmpty()) {
                return dirs.size() > (dirs.contains("") ? 1 : 0);
            }
            String next = dirs.ceiling(dir + "/");
            return next != null && next.startsWith(dir + "/");
        }

        Map<String, String> effective() throws IOException {
            for (String rel : new ArrayList<>(made.keySet())) {
                make(rel);
            }
            java.util.Set<String> idle = new java.util.HashSet<>();
            for (var e : pending.entrySet()) {
                String rel = e.getKey();
                String text = e.getValue();
                if (text == StateStore.SPILLED) {
                    continue;
                }
                boolean same = originals.containsKey(rel) ? java.util.Objects.equals(text, originals.get(rel))
                        : text == null && files.entry(rel) == null;
                if (same) {
                    idle.add(rel);
                }
            }
            if (idle.isEmpty()) {
                return pending;
            }
            java.util.NavigableSet<String> realDirs = new java.util.TreeSet<>();
            for (String rel : pending.keySet()) {
                if (!idle.contains(rel)) {
                    realDirs.add(parent(rel));
                }
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (var e : pending.entrySet()) {
                String rel = e.getKey();
                if (idle.contains(rel) && !below(realDirs, parent(rel))) {
                    continue;
                }
                out.put(rel, e.getValue());
            }
            return out;
        }

        /** The pending writes as they were before a joined update (see {@link #rollback}). */
        record Mark(Map<String, String> pending, Map<String, String> spilled, Map<String, Made> made,
                long pendingBytes) {
        }

        Mark mark() {
            return new Mark(new LinkedHashMap<>(pending), new HashMap<>(spilled), new HashMap<>(made), pendingBytes);
        }

        /** A pending write whose text is made when needed: its source and how (see {@link StateStore.Tx#writeMade}). */
        record Made(Object source, java.util.function.Supplier<String> text) {
        }

        /** The pending writes whose text is not made yet. */
        private final Map<String, Made> made = new HashMap<>();

        @Override
        public Object source(String rel) {
            Made m = made.get(rel);
            return m == null ? null : m.source();
        }

        @Override
        public void writeMade(String rel, Object source, java.util.function.Supplier<String> text) {
            replacing(rel);
            put(rel, StateStore.MADE);
            made.put(rel, new Made(source, text));
            remember(rel, StateStore.MADE);
        }

        /** Makes the text of {@code rel} when it waits to be made. */
        private void make(String rel) {
            Made m = made.remove(rel);
            if (m != null) {
                String text = m.text().get();
                put(rel, text);
                remember(rel, text);
            }
        }

        /** Undoes the writes made since {@code m}: the reads that follow see the texts of then. */
        void rollback(Mark m) {
            for (String rel : pending.keySet()) {
                forget(rel);
            }
            pending.clear();
            pending.putAll(m.pending());
            sorted.clear();
            sorted.putAll(m.pending());
            spilled.clear();
            spilled.putAll(m.spilled());
            made.clear();
            made.putAll(m.made());
            pendingBytes = m.pendingBytes();
            for (var e : pending.entrySet()) {
                if (e.getValue() != StateStore.SPILLED) {
                    remember(e.getKey(), e.getValue());
                }
            }
        }

        PendingTx(StateStore store, StateFiles files) {
            super(store, files);
        }

        private Path txDir() {
            return store.dir().resolve(StateStore.TXDIR);
        }

        /** A new temporary file for a spilled text (the directory is made on first use). */
        private String newSpill(String rel) throws IOException {
            if (spills == 0) {
                files.fault("mkdir", txDir());
                Files.createDirectory(txDir());
            }
            unspill(rel);
            // a name the journal takes (fN) that the commit's own temporary files (f0, f1, ...) never reach
            return "f" + (900_000_000 + spills++);
        }

        /** Forgets (and deletes) the spilled text of {@code rel}, if any. */
        private void unspill(String rel) throws IOException {
            String old = spilled.remove(rel);
            if (old != null && !joined) {
                files.delete(txDir().resolve(old), "delete");
            }
        }

        void dropSpilled() {
            if (spills > 0) {
                try {
                    files.deleteTree(txDir());
                } catch (IOException e) {
                    // the next command removes it: without a journal nothing of it counts
                }
                spilled.clear();
            }
        }

        @Override
        public long writeStream(String rel, StateStore.StreamWriter writer) {
            checkName(rel);
            try {
                String name = newSpill(rel);
                long n = files.writeStream(txDir().resolve(name), writer);
                spilled.put(rel, name);
                made.remove(rel);
                put(rel, StateStore.SPILLED);
                forget(rel);
                return n;
            } catch (IOException e) {
                throw store.failure(path(rel), e);
            }
        }

        private void put(String rel, String text) {
            pending.put(rel, text);
            sorted.put(rel, text);
        }

        /**
         * The pending files whose names begin with {@code prefix}, a directory's name and a slash:
         * those from "DIR/" up to "DIR0" ('0' follows '/').
         */
        private Iterable<Map.Entry<String, String>> pendingBelow(String prefix) {
            String end = prefix.substring(0, prefix.length() - 1) + (char) ('/' + 1);
            return sorted.subMap(prefix, end).entrySet();
        }

        private boolean isSpilled(String rel) {
            return spilled.containsKey(rel);
        }

        @Override
        public String read(String rel, long limit) {
            make(rel);
            if (isSpilled(rel)) {
                try {
                    return files.read(StateStore.TXDIR + "/" + spilled.get(rel), limit);
                } catch (IOException e) {
                    throw store.failure(path(rel), e);
                }
            }
            return super.read(rel, limit);
        }

        @Override
        public String readOnce(String rel) {
            make(rel);
            return isSpilled(rel) ? read(rel, StateStore.MAX_FILE) : super.readOnce(rel);
        }

        @Override
        public long size(String rel) {
            make(rel);
            return isSpilled(rel) ? txDir().resolve(spilled.get(rel)).toFile().length() : super.size(rel);
        }

        @Override
        public java.io.InputStream open(String rel) {
            make(rel);
            if (isSpilled(rel)) {
                try {
                    return files.open(StateStore.TXDIR + "/" + spilled.get(rel));
                } catch (IOException e) {
                    throw store.failure(path(rel), e);
                }
            }
            return super.open(rel);
        }

        @Override
        public boolean exists(String rel) {
            return isSpilled(rel) || super.exists(rel);
        }

        @Override
        public List<String> list(String relDir) {
            List<String> stored = super.list(relDir);
            String prefix = relDir.endsWith("/") ? relDir : relDir + "/";
            Set<String> names = null;
            for (var e : pendingBelow(prefix)) {
                String k = e.getKey();
                if (k.indexOf('/', prefix.length()) < 0) {
                    names = names == null ? new LinkedHashSet<>(stored) : names;
                    String n = k.substring(prefix.length());
                    if (e.getValue() == null) {
                        names.remove(n);
                    } else {
                        names.add(n);
                    }
                }
            }
            return names == null ? stored : new ArrayList<>(names);
        }

        @Override
        public char kind(String rel) {
            if (pending.containsKey(rel)) {
                return pending.get(rel) == null ? (super.kind(rel) == 'd' ? 'd' : 0) : 'f';
            }
            for (var e : pendingBelow(rel + "/")) {
                if (e.getValue() != null) {
                    return 'd';
                }
            }
            return super.kind(rel);
        }

        @Override
        public List<String> names(String relDir) {
            List<String> stored = super.names(relDir);
            String prefix = relDir.endsWith("/") ? relDir : relDir + "/";
            Set<String> names = null;
            for (var e : pendingBelow(prefix)) {
                String k = e.getKey();
                names = names == null ? new LinkedHashSet<>(stored) : names;
                int slash = k.indexOf('/', prefix.length());
                String n = slash < 0 ? k.substring(prefix.length()) : k.substring(prefix.length(), slash);
                if (slash < 0 && e.getValue() == null) {
                    if (super.kind(k) != 'd') {
                        names.remove(n);
                    }
                } else if (e.getValue() != null) {
                    names.add(n);
                }
            }
            return names == null ? stored : new ArrayList<>(names);
        }

        @Override
        public void write(String rel, String text) {
            checkName(rel);
            try {
                unspill(rel);
                String before = pending.get(rel);
                if (before != null && before != StateStore.SPILLED && before != StateStore.MADE) {
                    pendingBytes -= before.length(); // replaced: what counts is what will be written
                }
                pendingBytes += text.length();
                if (pendingBytes > SPILL_AT) {
                    // a large transaction (a restore of many files) keeps its texts on disk, not in memory
                    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    writeStream(rel, out -> out.write(bytes));
                    return;
                }
            } catch (IOException e) {
                throw store.failure(path(rel), e);
            }
            keepOriginal(rel);
            made.remove(rel);
            put(rel, text);
            remember(rel, text);
        }

        @Override
        public void delete(String rel) {
            replacing(rel);
            made.remove(rel);
            put(rel, null);
            remember(rel, null);
        }

        /** Before a file is replaced or removed: its name checked, a spilled text of it dropped, its original kept. */
        private void replacing(String rel) {
            checkName(rel);
            try {
                unspill(rel);
            } catch (IOException e) {
                throw store.failure(path(rel), e);
            }
            keepOriginal(rel);
        }

        private void checkName(String rel) {
            if (!StateFiles.validName(rel)) {
                throw AixException.of("store.cantwrite", store.program(), path(rel), Messages.get("errno.EINVAL"));
            }
        }

        @Override
        public String writeProblem(String rel) {
            if (!StateFiles.validName(rel)) {
                return "errno.EINVAL";
            }
            try {
                return files.writeProblem(rel);
            } catch (IOException e) {
                throw store.failure(path(rel), e);
            }
        }
    }
}
