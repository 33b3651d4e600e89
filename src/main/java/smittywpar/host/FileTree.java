package smittywpar.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One simulated file tree (the global environment's, or one WPAR's): shipped {@link BaseTree}
 * layers, under what a user changed. Only the changes are stored, in the state directory:
 * <ul>
 * <li>a file's text at its own path under the tree's directory of files ({@code fs/tmp/w.spec}
 * for the global {@code /tmp/w.spec}), where a file of that name can be stored; otherwise (a
 * directory of the state is in the way, or the name is too long) as a numbered file of its blob
 * directory;</li>
 * <li>an index ({@link TreeIndex}) of what the files cannot say: directories made, entries
 * deleted from the layers below ("whiteouts"), and the owner, mode and time of what changed.</li>
 * </ul>
 * A file found under the directory of files without an index line is a plain file of root's
 * (so a file placed there by hand, or written by a command such as {@code mkwpar -o}, is part of
 * the tree). Paths are absolute and normalised ({@link AixPath}); the caller checks permissions,
 * limits and that parents exist: this class only stores.
 */
public final class FileTree {
    /** The state directory as the tree needs it; {@link #kind} is 'f' (file), 'd' (directory) or 0. */
    public interface Store {
        String read(String rel);

        /** The text of a file of at most {@code limit} bytes (a larger one is a damaged state), or null. */
        default String read(String rel, long limit) {
            return read(rel);
        }

        void write(String rel, String text);

        void delete(String rel);

        char kind(String rel);

        /** The names of the files and directories in a directory of the state (unsorted). */
        List<String> names(String relDir);

        /** The error for a damaged file of the state. */
        RuntimeException corrupt(String rel, int line, String reason);

        /** The text of a file read once (not kept for later reads: a backup reads thousands). */
        default String content(String rel) {
            return read(rel);
        }

        /** The size in bytes of a stored file, -1 when there is none. */
        long size(String rel);

        /** The bytes of a stored file (any size, any content), or null. */
        java.io.InputStream open(String rel);

        /** Writes a stored file of any size and content from a stream; returns its size. */
        long writeStream(String rel, smittywpar.store.StateStore.StreamWriter writer);
    }

    /** A shipped tree seen at {@code prefix} and below (the longest prefix holding a path wins). */
    public record Layer(String prefix, BaseTree base) {
    }

    /** Owner, group, mode and time of a new or changed entry. */
    public record Meta(String owner, String group, int mode, long mtime) {
    }

    /**
     * The largest index a tree may grow to: 16 MiB, about 250,000 changed files, directories and
     * deletions at some 65 bytes a line, held in memory at some 250 bytes an entry while a command
     * changes the tree (a command that only reads an index of {@link TreeIndex#ON_DISK_AT} or more
     * reads it from its file as needed: a backup does not hold it). A change that would make it larger is refused as a full file system is
     * ({@code ENOSPC}), and nothing is written; deletions of shipped entries (whiteouts) are always
     * taken, as there are only as many as the shipped trees hold, so the index read may exceed
     * this by {@link #INDEX_SLACK}.
     */
    public static final long MAX_INDEX = 16L << 20;
    /** What the index may hold beyond {@link #MAX_INDEX}: the whiteouts of every shipped entry. */
    static final long INDEX_SLACK = 4L << 20;

    private final Store store;
    private final java.util.function.Supplier<List<Layer>> layerSource;
    private List<Layer> layers;
    private final Map<String, String> vars;
    private final String indexRel;
    private final String filesRoot;
    private final String blobRoot;
    private TreeIndex index;
    /** What the changes add to a file system ({@link #usage}), kept up to date as the index changes. */
    private final Map<String, Usage> usages = new java.util.HashMap<>();

    private record Usage(String mount, List<String> others, long[] sum) {
    }

    /**
     * @param indexRel  the index file of the state directory
     * @param filesRoot the directory of the state holding files at their own paths
     * @param blobRoot  the directory of the state holding numbered files
     */
    public FileTree(Store store, List<Layer> layers, Map<String, String> vars, String indexRel, String filesRoot,
            String blobRoot) {
        this(store, () -> layers, vars, indexRel, filesRoot, blobRoot);
    }

    /** A tree whose shipped layers are read only when a lookup needs them (removing it does not). */
    public FileTree(Store store, java.util.function.Supplier<List<Layer>> layers, Map<String, String> vars,
            String indexRel, String filesRoot, String blobRoot) {
        this.store = store;
        this.layerSource = layers;
        this.vars = vars;
        this.indexRel = indexRel;
        this.filesRoot = filesRoot;
        this.blobRoot = blobRoot;
    }

    private TreeIndex index() {
        if (index == null) {
            long size = store.size(indexRel);
            if (size >= TreeIndex.ON_DISK_AT && size <= MAX_INDEX + INDEX_SLACK) {
                try {
                    index = TreeIndex.open(new TreeIndex.Source() {
                        @Override
                        public java.io.InputStream open() {
                            return store.open(indexRel);
                        }

                        @Override
                        public long size() {
                            return store.size(indexRel);
                        }
                    }, this::wholeIndex);
                } catch (java.io.IOException e) {
                    index = null; // read whole: that says what is wrong
                }
            }
            if (index == null) {
                index = wholeIndex();
            }
        }
        return index;
    }

    /** The index read whole into memory (checked line by line as it is parsed). */
    private TreeIndex wholeIndex() {
        String text = store.read(indexRel, MAX_INDEX + INDEX_SLACK);
        try {
            return text == null ? new TreeIndex() : TreeIndex.parse(text);
        } catch (TreeIndex.BadLine e) {
            throw store.corrupt(indexRel, e.line, e.getMessage());
        }
    }

    private List<Layer> layers() {
        if (layers == null) {
            layers = List.copyOf(layerSource.get());
        }
        return layers;
    }

    /** The time of the shipped entries (and of files placed without an index line). */
    public long baseTime() {
        return layers().get(0).base().time();
    }

    // ---- looking up ---------------------------------------------------------------------------

    private BaseTree.Entry base(String p) {
        Layer best = null;
        for (Layer l : layers()) {
            if (AixPath.under(p, l.prefix()) && (best == null || l.prefix().length() > best.prefix().length())) {
                best = l;
            }
        }
        return best == null ? null : best.base().get(p);
    }

    private List<String> baseChildren(String dir) {
        Layer best = null;
        for (Layer l : layers()) {
            if (AixPath.under(dir, l.prefix()) && (best == null || l.prefix().length() > best.prefix().length())) {
                best = l;
            }
        }
        return best == null ? List.of() : best.base().children(dir);
    }

    /** The stored name of a path at its own place, or null when the path cannot be stored so. */
    private String ownRel(String p) {
        if (p.equals("/")) {
            return filesRoot;
        }
        StringBuilder sb = new StringBuilder(filesRoot);
        for (String part : p.substring(1).split("/")) {
            String e = AixPath.encode(part);
            if (e.length() > AixPath.NAME_MAX) {
                return null;
            }
            sb.append('/').append(e);
        }
        return sb.toString();
    }

    /** True when an entry above {@code p} hides what the layers below hold at {@code p}. */
    private boolean lowerHidden(String p) {
        TreeIndex ix = index();
        if (ix.isEmpty()) {
            return false;
        }
        for (String a = p; !a.equals("/");) {
            a = AixPath.parent(a);
            TreeIndex.Entry e = ix.get(a);
            if (e != null && e.type() != 'd') {
                return true;
            }
        }
        return false;
    }

    /** What is at {@code p}, or null. */
    public FileNode stat(String p) {
        TreeIndex.Entry e = index().get(p);
        if (e != null) {
            return switch (e.type()) {
                case 'w' -> null;
                case 'd', 'o' -> new FileNode(FileNode.Kind.DIR, e.mode(), e.owner(), e.group(), e.mtime(), 512, null);
                case 'x' -> new FileNode(FileNode.Kind.PROGRAM, e.mode(), e.owner(), e.group(), e.mtime(), e.size(),
                        e.command());
                default -> new FileNode(FileNode.Kind.FILE, e.mode(), e.owner(), e.group(), e.mtime(), e.size(), null);
            };
        }
        if (lowerHidden(p)) {
            return null;
        }
        return lower(p);
    }

    /** What the layers below the index hold at {@code p}: a placed file, else the shipped entry. */
    private FileNode lower(String p) {
        String own = ownRel(p);
        char k = own == null ? 0 : store.kind(own);
        if (k == 'f') {
            return new FileNode(FileNode.Kind.FILE, 0644, "root", "system", baseTime(), Math.max(0, store.size(own)),
                    null);
        }
        BaseTree.Entry b = base(p);
        if (b != null) {
            long size = b.kind() == FileNode.Kind.FILE ? AixPath.utf8Length(BaseTree.expand(b.text(), vars)) : b.size();
            return new FileNode(b.kind(), b.mode(), b.owner(), b.group(), baseTime(), size, b.command());
        }
        if (k == 'd') {
            return new FileNode(FileNode.Kind.DIR, 0755, "root", "system", baseTime(), 512, null);
        }
        return null;
    }

    /** True when the shipped layers hold {@code p} (whatever the changes made of it since). */
    public boolean shipped(String p) {
        return base(p) != null;
    }

    /** Every path the shipped layers hold (as seen through the longest prefix), sorted. */
    public List<String> shippedPaths() {
        TreeSet<String> out = new TreeSet<>();
        for (Layer l : layers()) {
            for (String p : l.base().paths()) {
                if (AixPath.under(p, l.prefix()) && base(p) != null) {
                    out.add(p);
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** The names in directory {@code dir}, sorted. */
    public List<String> list(String dir) {
        TreeSet<String> names = new TreeSet<>();
        TreeIndex.Entry self = index().get(dir);
        if ((self == null || self.type() == 'd') && !lowerHidden(dir)) {
            names.addAll(baseChildren(dir));
            String own = ownRel(dir);
            if (own != null && store.kind(own) == 'd') {
                for (String n : store.names(own)) {
                    String d = AixPath.decode(n);
                    names.add(d == null ? n : d);
                }
            }
        }
        for (var e : index().children(dir).entrySet()) {
            if (e.getValue().type() == 'w') {
                names.remove(e.getKey());
            } else {
                names.add(e.getKey());
            }
        }
        return new ArrayList<>(names);
    }

    /** The text of the file at {@code p} (a program reads as no text). */
    public String read(String p) {
        TreeIndex.Entry e = index().get(p);
        if (e != null) {
            return switch (e.type()) {
                case 'f' -> {
                    String blob = blobRoot + "/" + e.ino();
                    sized(blob, e.size()); // the size first: a damaged file may no longer be text
                    yield stored(blob, p);
                }
                case 'm' -> stored(ownRel(p), p);
                default -> "";
            };
        }
        String own = ownRel(p);
        if (own != null && store.kind(own) == 'f') {
            return content(own, p);
        }
        BaseTree.Entry b = base(p);
        return b == null || b.text() == null ? "" : BaseTree.expand(b.text(), vars);
    }

    /**
     * The bytes of the file at {@code p}, whatever they are (text or not, of any size), or null
     * when {@code p} is not a file.
     */
    public java.io.InputStream open(String p) {
        TreeIndex.Entry e = index().get(p);
        if (e != null) {
            return switch (e.type()) {
                case 'f' -> openStored(blobRoot + "/" + e.ino());
                case 'm' -> openStored(ownRel(p));
                default -> null;
            };
        }
        if (lowerHidden(p)) {
            return null;
        }
        String own = ownRel(p);
        if (own != null && store.kind(own) == 'f') {
            return store.open(own);
        }
        BaseTree.Entry b = base(p);
        return b == null || b.kind() != FileNode.Kind.FILE ? null
                : new java.io.ByteArrayInputStream(BaseTree.expand(b.text(), vars).getBytes(
                        java.nio.charset.StandardCharsets.UTF_8));
    }

    private java.io.InputStream openStored(String rel) {
        if (rel == null || store.kind(rel) != 'f') {
            throw store.corrupt(rel == null ? indexRel : rel, 0, smittywpar.msg.Messages.get("corrupt.treefile", indexRel));
        }
        return store.open(rel);
    }

    /**
     * Writes a file of any content and size (a backup image, a file restored from one) from a
     * stream, as {@link #write} writes a text.
     */
    public void writeStream(String p, smittywpar.store.StateStore.StreamWriter writer, Meta meta) {
        place(p, meta, rel -> store.writeStream(rel, writer));
    }

    /**
     * The text of a file the index says is stored at {@code rel}: a damaged state when it is not
     * there as a regular file (a link or a directory put in its place is not followed).
     */
    private String stored(String rel, String p) {
        if (rel == null || store.kind(rel) != 'f') {
            throw store.corrupt(rel == null ? indexRel : rel, 0, smittywpar.msg.Messages.get("corrupt.treefile", indexRel));
        }
        return content(rel, p);
    }

    /**
     * The text of a stored file; a file that is not text (binary, or larger than a text file may
     * be: restored from a backup) cannot be read as text: EINVAL, as a write of such data is refused.
     */
    private String content(String rel, String p) {
        try {
            return orEmpty(store.content(rel));
        } catch (smittywpar.store.StateStore.Damaged e) {
            throw new FsException(FsException.Errno.EINVAL, p);
        }
    }

    /**
     * A numbered file (never edited by hand) must have the size its index line gives: one cut
     * short or changed is a damaged state. (A file at its own path may be edited by hand.)
     */
    /** A numbered file holds exactly the bytes its index gives (else it was damaged). */
    private void sized(String rel, long size) {
        if (rel == null || store.kind(rel) != 'f') {
            return; // stored() says what is missing
        }
        long n = store.size(rel);
        if (n != size) {
            throw store.corrupt(rel, 0, smittywpar.msg.Messages.get("corrupt.treesize", n, size, indexRel));
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    // ---- changing -----------------------------------------------------------------------------

    /**
     * Writes the text of a file (new or not) with {@code meta}; a null {@code meta} keeps what the
     * file had and, for a new file, stores no index line when none is needed (as commands such as
     * {@code mkwpar -o} write files).
     */
    public void write(String p, String text, Meta meta) {
        long size = AixPath.utf8Length(text);
        place(p, meta, rel -> {
            store.write(rel, text);
            return size;
        });
    }

    /**
     * Writes the content of a file (new or not) with {@link #write}'s rules for {@code meta}:
     * {@code put} stores it under the name of the state it is given and returns its size. At its
     * own path when it can be stored there (with an index line only when one is needed), else as
     * a numbered file. A change the index has no room for is refused before anything is written.
     */
    private void place(String p, Meta meta, java.util.function.ToLongFunction<String> put) {
        TreeIndex ix = index();
        TreeIndex.Entry old = ix.get(p);
        Meta m = meta;
        if (m == null && old != null && old.type() != 'w') {
            m = new Meta(old.owner(), old.group(), old.mode(), old.mtime());
        }
        boolean needEntry = m != null || old != null || lowerHidden(p);
        if (m == null) {
            m = metaOf(stat(p));
        }
        String own = ownRel(p);
        boolean atOwn = own != null && store.kind(own) != 'd' && parentsStorable(p);
        if (needEntry || !atOwn) { // the longest line it may take: the largest number and size
            room(p, new TreeIndex.Entry('f', Integer.MAX_VALUE, m.mode(), m.owner(), m.group(), m.mtime(),
                    Long.MAX_VALUE, null));
        }
        dropContent(p);
        if (atOwn) {
            long size = put.applyAsLong(own);
            if (needEntry) {
                set(p, new TreeIndex.Entry('m', 0, m.mode(), m.owner(), m.group(), m.mtime(), size, null));
            }
            return;
        }
        int ino = ix.allocate();
        long size = put.applyAsLong(blobRoot + "/" + ino);
        set(p, new TreeIndex.Entry('f', ino, m.mode(), m.owner(), m.group(), m.mtime(), size, null));
    }

    /** Refuses ({@code ENOSPC}) a line for {@code p} that would make the index larger than {@link #MAX_INDEX}. */
    private void room(String p, TreeIndex.Entry e) {
        TreeIndex ix = index();
        TreeIndex.Entry old = ix.get(p);
        long grow = ix.lineBytes(p, e) - (old == null ? 0 : ix.lineBytes(p, old));
        if (grow > 0 && ix.bytes() + grow > MAX_INDEX) {
            throw new FsException(FsException.Errno.ENOSPC, p);
        }
    }

    /** Puts the index line of {@code p} (checked for room by the caller), keeping {@link #usage} up to date. */
    private void set(String p, TreeIndex.Entry e) {
        TreeIndex ix = index();
        TreeIndex.Entry old = ix.get(p);
        ix.put(p, e);
        counted(p, old, e);
    }

    /** Removes the index line of {@code p}, if any, keeping {@link #usage} up to date. */
    private void unset(String p) {
        TreeIndex ix = index();
        TreeIndex.Entry old = ix.get(p);
        if (old != null) {
            ix.remove(p);
            counted(p, old, null);
        }
    }

    /** Checks for room, then puts the line. */
    private void checkedSet(String p, TreeIndex.Entry e) {
        room(p, e);
        set(p, e);
    }

    private Meta metaOf(FileNode n) {
        return n == null ? new Meta("root", "system", 0644, baseTime())
                : new Meta(n.owner(), n.group(), n.mode(), n.mtime());
    }

    /** True when every directory above {@code p} is a directory (or absent) in the state too. */
    private boolean parentsStorable(String p) {
        for (String a = AixPath.parent(p); !a.equals("/"); a = AixPath.parent(a)) {
            String own = ownRel(a);
            if (own == null || store.kind(own) == 'f') {
                return false;
            }
        }
        return true;
    }

    /** Places a program (a copy of one) at {@code p}. */
    public void program(String p, String command, long size, Meta meta) {
        TreeIndex.Entry e = new TreeIndex.Entry('x', 0, meta.mode(), meta.owner(), meta.group(), meta.mtime(), size,
                command);
        room(p, e);
        dropContent(p);
        set(p, e);
    }

    /** Makes a directory at {@code p} (where nothing is, the caller checked). */
    public void mkdir(String p, Meta meta) {
        TreeIndex.Entry old = index().get(p);
        // after a whiteout the layers below may still hold a directory here: hide what is in it
        char type = old != null && old.type() == 'w' || lowerHidden(p) ? 'o' : 'd';
        checkedSet(p, new TreeIndex.Entry(type, 0, meta.mode(), meta.owner(), meta.group(), meta.mtime(), 512, null));
    }

    /** Sets the time of {@code p} (and, with {@code meta}, owner, group and mode). */
    public void touch(String p, long mtime) {
        FileNode n = stat(p);
        if (n == null) {
            return;
        }
        TreeIndex.Entry e = index().get(p);
        if (e != null) {
            checkedSet(p, new TreeIndex.Entry(e.type(), e.ino(), e.mode(), e.owner(), e.group(), mtime, e.size(),
                    e.command()));
            return;
        }
        Meta m = new Meta(n.owner(), n.group(), n.mode(), mtime);
        switch (n.kind()) {
            case DIR -> checkedSet(p, new TreeIndex.Entry('d', 0, m.mode(), m.owner(), m.group(), mtime, 512, null));
            case PROGRAM -> program(p, n.command(), n.size(), m);
            default -> write(p, read(p), m);
        }
    }

    /** Removes the file, program or empty directory at {@code p}. */
    public void remove(String p) {
        dropContent(p);
        TreeIndex ix = index();
        unset(p);
        if (!lowerHidden(p) && lower(p) != null) {
            set(p, TreeIndex.Entry.WHITEOUT); // never refused: see MAX_INDEX
        }
        ix.removeBelow(p);
        usages.clear(); // what was below is gone: counted again when next asked
    }

    /** Deletes the stored text of {@code p}, if any. */
    private void dropContent(String p) {
        TreeIndex.Entry e = index().get(p);
        if (e != null && e.type() == 'f') {
            store.delete(blobRoot + "/" + e.ino());
        }
        String own = ownRel(p);
        if (own != null && store.kind(own) == 'f') {
            store.delete(own);
        }
    }

    /** Deletes everything stored for this tree (rmwpar). */
    public void destroy() {
        deleteAll(filesRoot);
        deleteAll(blobRoot);
        deleteAll(indexRel);
        index = new TreeIndex();
        usages.clear();
    }

    private void deleteAll(String rel) {
        char k = store.kind(rel);
        if (k == 'f') {
            store.delete(rel);
        } else if (k == 'd') {
            for (String n : store.names(rel)) {
                deleteAll(rel + "/" + n);
            }
        }
    }

    /** True when the tree's index holds nothing (so its changes add nothing to file system usage). */
    public boolean untouchedIndex() {
        return index().isEmpty();
    }

    /** True when nothing of this tree is stored. */
    public boolean untouched() {
        return index().isEmpty() && store.kind(filesRoot) == 0 && store.kind(indexRel) == 0;
    }

    /**
     * What the changes add to the file system mounted at {@code mount} (not counting what lies in
     * {@code others}, file systems mounted below it): entries (inodes) and bytes, each possibly
     * negative, against what was shipped.
     */
    public long[] usage(String mount, List<String> others) {
        String key = mount + "\n" + String.join("\n", others);
        Usage u = usages.get(key);
        if (u == null) {
            u = new Usage(mount, List.copyOf(others), new long[2]);
            Usage nu = u;
            index().forEach((p, x) -> {
                if (counts(p, nu)) {
                    add(nu.sum(), p, x, 1);
                }
            });
            usages.put(key, u);
        }
        return u.sum().clone();
    }

    /** True when an index line of {@code p} counts in the usage {@code u}. */
    private static boolean counts(String p, Usage u) {
        return AixPath.under(p, u.mount()) && !p.equals(u.mount()) && !inOthers(p, u.others());
    }

    /** Brings the usages asked for so far up to date with the line of {@code p} changed from {@code was} to {@code now}. */
    private void counted(String p, TreeIndex.Entry was, TreeIndex.Entry now) {
        for (Usage u : usages.values()) {
            if (counts(p, u)) {
                add(u.sum(), p, was, -1);
                add(u.sum(), p, now, 1);
            }
        }
    }

    /** Adds {@code sign} times what index line {@code x} of {@code p} adds to inodes and bytes (null: nothing). */
    private void add(long[] sum, String p, TreeIndex.Entry x, int sign) {
        if (x == null) {
            return;
        }
        BaseTree.Entry b = base(p);
        long shipped = b != null && b.kind() == FileNode.Kind.FILE ? AixPath.utf8Length(BaseTree.expand(b.text(), vars)) : 0;
        boolean file = x.type() == 'f' || x.type() == 'm';
        if (x.type() == 'w') {
            if (b != null) {
                sum[0] -= sign;
                sum[1] -= sign * shipped;
            }
        } else if (b == null) {
            sum[0] += sign;
            sum[1] += sign * (file ? x.size() : 0);
        } else if (file) {
            sum[1] += sign * (x.size() - shipped);
        }
    }

    private static boolean inOthers(String p, List<String> others) {
        for (String o : others) {
            if (AixPath.under(p, o)) {
                return true;
            }
        }
        return false;
    }

    /** The total bytes of text this tree stores (its changed files). */
    public long storedBytes() {
        long[] n = {0};
        index().forEach((p, e) -> {
            if (e.type() == 'f' || e.type() == 'm') {
                n[0] += e.size();
            }
        });
        return n[0];
    }

    /** Writes the index when it changed (deletes it when it became empty). */
    public void flush() {
        if (index == null || !index.dirty()) {
            return;
        }
        if (index.isEmpty()) {
            if (store.kind(indexRel) == 'f') {
                store.delete(indexRel);
            }
        } else {
            store.write(indexRel, index.text());
        }
        index.clean();
    }

    /** True when the index is read from its file as needed (not held in memory), for tests. */
    boolean indexOnDisk() {
        return index().onDisk();
    }

    /** The index entries (path to type letter), for tests. */
    Map<String, Character> indexTypes() {
        Map<String, Character> out = new TreeMap<>();
        index().forEach((k, v) -> out.put(k, v.type()));
        return out;
    }
}
