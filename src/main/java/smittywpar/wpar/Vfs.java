package smittywpar.wpar;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import smittywpar.host.AixPath;
import smittywpar.host.FileNode;
import smittywpar.host.FileTree;
import smittywpar.host.FsException;
import smittywpar.host.FsException.Errno;
import smittywpar.host.Host;
import smittywpar.host.HostClock;

/**
 * The file system as one scope sees it: the global environment's (its own tree, with the file
 * systems of running WPARs mounted under their base directories), or one WPAR's (its own tree
 * as {@code /}, the global {@code /usr} and {@code /opt} mounted read-only unless it has private
 * ones). Paths are resolved in the view: a WPAR never sees a path of the global tree other than
 * what its namefs mounts show, and nothing here ever touches the real machine.
 *
 * <p>Every operation checks what AIX would (existence, directories, read-only file systems,
 * permissions for users other than root, busy mount points) and two limits of the simulation:
 * a file written holds at most {@link #MAX_FILE} bytes ({@code EFBIG}, as AIX says when a file
 * would pass the file size limit), and only text ({@code EINVAL} for binary data).
 */
public final class Vfs {
    /** The largest file a command may write (bytes of its UTF-8 text). */
    public static final int MAX_FILE = 1 << 20;

    /** Where a path of the view lives: a tree and the path in it, or nothing (an empty mount point). */
    record Loc(FileTree tree, String path, boolean readOnly, String mount, Host.FileSystem globalFs,
            Wpar wpar, Wpar.Mount wparMount) {
        boolean empty() {
            return tree == null;
        }
    }

    private final Transaction c;
    private final Wpar wpar;
    private final String user;
    private Users users;
    private List<String> groups;

    private Vfs(Transaction c, Wpar wpar, String user) {
        this.c = c;
        this.wpar = wpar;
        this.user = user;
    }

    /**
     * The view of {@code scope} (the WPAR must exist; whether it may be entered is the caller's
     * rule). An application WPAR shares the global environment's file systems: its view is the
     * global one.
     */
    public static Vfs of(Transaction c, Scope scope) {
        Wpar w = scope.global() ? null : c.wpar(scope.wpar());
        return new Vfs(c, w != null && w.type == 'S' ? w : null, scope.user());
    }

    public static Vfs global(Transaction c) {
        return new Vfs(c, null, "root");
    }

    /**
     * The view root has of system WPAR {@code w} with every file system of it mounted, whatever
     * its state (savewpar of a Defined WPAR mounts them for the time of the backup, restwpar
     * restores into them): the view of a copy of {@code w}, which is not saved.
     */
    static Vfs mountedView(Transaction c, Wpar w) {
        Wpar copy;
        try {
            copy = WparCodec.parse(WparCodec.format(w, false), false);
        } catch (WparCodec.BadWpar e) {
            throw new IllegalStateException(e);
        }
        for (Wpar.Mount m : copy.mounts) {
            m.mounted = true;
        }
        return new Vfs(c, copy, "root");
    }

    /** The WPAR this view is of, or null for the global environment. */
    public Wpar wpar() {
        return wpar;
    }

    public Transaction transaction() {
        return c;
    }

    // ---- where a path lives ----------------------------------------------------------------

    Loc locate(String p) {
        if (wpar == null) {
            return locateGlobal(p);
        }
        return inWpar(wpar, p, "/");
    }

    /** {@code inside} is a path inside WPAR {@code w}, whose / is at {@code base} in the view. */
    private Loc inWpar(Wpar w, String inside, String base) {
        Wpar.Mount best = null;
        for (Wpar.Mount m : w.mounts) {
            if (AixPath.under(inside, m.directory) && (best == null || m.directory.length() > best.directory.length())) {
                best = m;
            }
        }
        if (best == null) {
            return new Loc(null, inside, true, base, null, w, null);
        }
        String point = AixPath.join(base, best.directory);
        if (!best.mounted) {
            return new Loc(null, inside, true, point, null, w, best);
        }
        boolean ro = readOnly(best.mountopts);
        if (best.hasLv()) {
            return new Loc(Inside.of(c, w), inside, ro, point, null, w, best);
        }
        if (best.vfs.equals("namefs") && best.dev.startsWith("/")) {
            Loc g = locateGlobal(AixPath.join(best.dev, AixPath.relativeTo(inside, best.directory)));
            return new Loc(g.tree(), g.path(), ro || g.readOnly(), point, g.globalFs(), w, best);
        }
        return new Loc(null, inside, true, point, null, w, best);
    }

    private static boolean readOnly(String opts) {
        for (String o : opts.split(",")) {
            if (o.equals("ro")) {
                return true;
            }
        }
        return false;
    }

    private Loc locateGlobal(String p) {
        for (String a = p;; a = AixPath.parent(a)) {
            String owner = c.directoryOwner(a);
            if (owner != null) {
                IndexEntry e = c.entry(owner);
                if (e.type() == 'S' && (e.state().isRunning() || c.host().wparMounts.contains(owner))) {
                    Wpar w = c.wpar(owner);
                    Loc l = inWpar(w, AixPath.relativeTo(p, a), a);
                    if (l.wparMount() != null && l.wparMount().mounted) {
                        return l;
                    }
                }
                break;
            }
            if (a.equals("/")) {
                break;
            }
        }
        Host.FileSystem fs = null;
        for (Host.FileSystem f : c.host().filesystems) {
            if (AixPath.under(p, f.mount) && (fs == null || f.mount.length() > fs.mount.length())) {
                fs = f;
            }
        }
        return new Loc(Inside.global(c), p, false, fs == null ? "/" : fs.mount, fs, null, null);
    }

    // ---- looking ---------------------------------------------------------------------------

    private static FileNode dirNode(long time) {
        return new FileNode(FileNode.Kind.DIR, 0755, "root", "system", time, 512, null);
    }

    /** What is at {@code p}, or null. */
    public FileNode stat(String p) {
        Loc l = locate(p);
        FileNode n = l.empty() ? null : l.tree().stat(l.path());
        if (n == null && (p.equals(l.mount()) || wpar == null && holdsWparDirectory(p))) {
            return dirNode(Inside.global(c).baseTime());
        }
        return n;
    }

    /**
     * True when {@code p} is a WPAR's base directory or a directory above one (the global view),
     * a removed WPAR's whose file systems are preserved included.
     */
    private boolean holdsWparDirectory(String p) {
        if (c.directoryOwner(p) != null || c.ownerBelow(p) != null) {
            return true;
        }
        for (String d : preservedDirectories()) {
            if (AixPath.under(d, p)) {
                return true;
            }
        }
        return false;
    }

    private List<String> preservedDirs;

    private List<String> preservedDirectories() {
        if (preservedDirs == null) {
            preservedDirs = new ArrayList<>();
            for (String name : c.preservedNames()) {
                Wpar w = c.preserved(name);
                if (w != null && w.directory != null) {
                    preservedDirs.add(w.directory);
                }
            }
        }
        return preservedDirs;
    }

    private List<String> wparDirs;

    /** The base directories of the system WPARs and of the preserved file systems of removed ones. */
    private List<String> wparDirectories() {
        if (wparDirs == null) {
            wparDirs = new ArrayList<>();
            for (IndexEntry e : c.entries()) {
                if (e.type() == 'S' && e.directory() != null) {
                    wparDirs.add(e.directory());
                }
            }
            wparDirs.addAll(preservedDirectories());
        }
        return wparDirs;
    }

    /** The node at {@code p}; ENOENT when there is none. */
    public FileNode require(String p) {
        FileNode n = stat(p);
        if (n == null) {
            throw new FsException(Errno.ENOENT, p);
        }
        return n;
    }

    /** The names in directory {@code p}, sorted. */
    public List<String> list(String p) {
        FileNode n = require(p);
        if (!n.isDir()) {
            throw new FsException(Errno.ENOTDIR, p);
        }
        need(n, 4, p);
        Loc l = locate(p);
        TreeSet<String> names = new TreeSet<>();
        if (!l.empty()) {
            names.addAll(l.tree().list(l.path()));
        }
        for (String point : mountPoints(p)) {
            names.add(AixPath.name(point));
        }
        return new ArrayList<>(names);
    }

    /** The mount points (and, globally, WPAR base directories) directly in directory {@code dir}. */
    private List<String> mountPoints(String dir) {
        List<String> out = new ArrayList<>();
        if (wpar != null) {
            for (Wpar.Mount m : wpar.mounts) {
                if (!m.directory.equals("/") && AixPath.parent(m.directory).equals(dir)) {
                    out.add(m.directory);
                }
            }
            return out;
        }
        for (String d : wparDirectories()) {
            if (d.equals(dir) || !AixPath.under(d, dir)) {
                continue;
            }
            String rest = AixPath.relativeTo(d, dir);
            int slash = rest.indexOf('/', 1);
            out.add(AixPath.child(dir, slash < 0 ? rest.substring(1) : rest.substring(1, slash)));
        }
        Loc l = locate(dir);
        if (l.wpar() != null) {
            String base = l.wpar().directory;
            for (Wpar.Mount m : l.wpar().mounts) {
                String point = AixPath.join(base, m.directory);
                if (m.mounted && !m.directory.equals("/") && AixPath.parent(point).equals(dir)) {
                    out.add(point);
                }
            }
        }
        return out;
    }

    /** True when {@code p} is a mount point or a WPAR's base directory (which cannot be removed). */
    public boolean busy(String p) {
        Loc l = locate(p);
        return p.equals("/") || p.equals(l.mount()) || wpar == null && holdsWparDirectory(p);
    }

    /** The text of file {@code p}. */
    public String read(String p) {
        FileNode n = require(p);
        if (n.isDir()) {
            throw new FsException(Errno.EISDIR, p);
        }
        need(n, 4, p);
        if (n.kind() == FileNode.Kind.DEVICE) {
            return "";
        }
        Loc l = locate(p);
        return l.tree().read(l.path());
    }

    /** The bytes of file {@code p}, whatever they are (a backup image). */
    public java.io.InputStream open(String p) {
        FileNode n = require(p);
        if (n.isDir()) {
            throw new FsException(Errno.EISDIR, p);
        }
        need(n, 4, p);
        if (n.kind() != FileNode.Kind.FILE) {
            return new java.io.ByteArrayInputStream(new byte[0]);
        }
        Loc l = locate(p);
        return l.tree().open(l.path());
    }

    // ---- changing --------------------------------------------------------------------------

    /**
     * Writes a file of any size and content (a backup image) as commands write the files they are
     * asked to (see {@link #put}), but the directory it goes in must exist. Returns its size.
     */
    public long putStream(String p, smittywpar.store.StateStore.StreamWriter writer) {
        FileNode n = stat(p);
        if (n != null && n.isDir()) {
            throw new FsException(Errno.EISDIR, p);
        }
        Loc l = writable(p, n);
        if (n != null && n.kind() == FileNode.Kind.DEVICE) {
            return 0;
        }
        long before = n == null || n.kind() != FileNode.Kind.FILE ? 0 : n.size();
        l.tree().writeStream(l.path(), writer, null);
        long size = l.tree().stat(l.path()).size();
        checkSpace(l, p, size - before);
        return size;
    }

    /** Writes (or, with {@code append}, adds to) the text of file {@code p}, making it when absent. */
    public void write(String p, String text, boolean append) {
        checkText(p, text);
        FileNode n = stat(p);
        if (n != null && n.isDir()) {
            throw new FsException(Errno.EISDIR, p);
        }
        Loc l = writable(p, n);
        if (n != null && n.kind() == FileNode.Kind.DEVICE) {
            return;
        }
        String whole = append && n != null ? l.tree().read(l.path()) + text : text;
        if (AixPath.utf8Length(whole) > MAX_FILE) {
            throw new FsException(Errno.EFBIG, p);
        }
        checkSpace(l, p, AixPath.utf8Length(whole) - (n == null || n.kind() != FileNode.Kind.FILE ? 0 : n.size()));
        FileTree.Meta meta = n == null ? newMeta(0644) : new FileTree.Meta(n.owner(), n.group(), n.mode(), now());
        l.tree().write(l.path(), whole, meta);
    }

    /**
     * Writes a file as commands write the files they are asked to ({@code mkwpar -o}): missing
     * directories on the way are made, and a new file gets no owner, mode or time of its own.
     */
    public void put(String p, String text) {
        checkText(p, text);
        if (AixPath.utf8Length(text) > MAX_FILE) {
            throw new FsException(Errno.EFBIG, p);
        }
        List<String> missing = new ArrayList<>();
        for (String a = AixPath.parent(p); stat(a) == null; a = AixPath.parent(a)) {
            missing.add(0, a);
        }
        for (String d : missing) {
            mkdir(d);
        }
        FileNode n = stat(p);
        if (n != null && n.isDir()) {
            throw new FsException(Errno.EISDIR, p);
        }
        Loc l = writable(p, n);
        checkSpace(l, p, AixPath.utf8Length(text) - (n == null || n.kind() != FileNode.Kind.FILE ? 0 : n.size()));
        l.tree().write(l.path(), text, null);
    }

    /** Makes an empty file, or sets the time of what is at {@code p}. */
    public void touch(String p) {
        FileNode n = stat(p);
        if (n == null) {
            write(p, "", false);
            return;
        }
        Loc l = locate(p);
        if (l.empty() || p.equals(l.mount()) && l.tree().stat(l.path()) == null) {
            return;
        }
        if (l.readOnly()) {
            throw new FsException(Errno.EROFS, p);
        }
        if (!user.equals("root") && !user.equals(n.owner())) {
            need(n, 2, p);
        }
        l.tree().touch(l.path(), now());
    }

    /** Places a copy of program {@code src} at {@code p}. */
    public void copyProgram(String p, FileNode src) {
        FileNode n = stat(p);
        if (n != null && n.isDir()) {
            throw new FsException(Errno.EISDIR, p);
        }
        Loc l = writable(p, n);
        l.tree().program(l.path(), src.command(), src.size(), newMeta(src.mode() & 0755));
    }

    /** Makes directory {@code p}. */
    public void mkdir(String p) {
        if (stat(p) != null) {
            throw new FsException(Errno.EEXIST, p);
        }
        if (AixPath.tooLong(p)) {
            throw new FsException(Errno.ENAMETOOLONG, p);
        }
        Loc l = writable(p, null);
        l.tree().mkdir(l.path(), newMeta(0755));
    }

    /** Removes file or program {@code p} (not a directory). */
    public void unlink(String p) {
        FileNode n = require(p);
        if (n.isDir()) {
            throw new FsException(Errno.EISDIR, p);
        }
        Loc l = removable(p);
        l.tree().remove(l.path());
    }

    /** Removes the empty directory {@code p}. */
    public void rmdir(String p) {
        FileNode n = require(p);
        if (!n.isDir()) {
            throw new FsException(Errno.ENOTDIR, p);
        }
        if (busy(p)) {
            throw new FsException(Errno.EBUSY, p);
        }
        if (!list(p).isEmpty()) {
            throw new FsException(Errno.ENOTEMPTY, p);
        }
        Loc l = removable(p);
        l.tree().remove(l.path());
    }

    /** Refuses, as {@link #write} would, unless the user may write (or, when absent, create) {@code p}. */
    public void checkWritable(String p, FileNode n) {
        writable(p, n);
    }

    /** The location of {@code p} when the user may write it (or, when absent, create it). */
    private Loc writable(String p, FileNode n) {
        if (AixPath.tooLong(p)) {
            throw new FsException(Errno.ENAMETOOLONG, p);
        }
        String parent = AixPath.parent(p);
        FileNode d = stat(parent);
        if (d == null) {
            throw new FsException(Errno.ENOENT, p);
        }
        if (!d.isDir()) {
            throw new FsException(Errno.ENOTDIR, p);
        }
        Loc l = locate(p);
        if (l.empty()) {
            throw new FsException(p.equals(l.mount()) ? Errno.EBUSY : Errno.EACCES, p);
        }
        if (l.readOnly()) {
            throw new FsException(Errno.EROFS, p);
        }
        if (n == null) {
            need(d, 2, p);
        } else {
            need(n, 2, p);
        }
        return l;
    }

    private Loc removable(String p) {
        if (busy(p)) {
            throw new FsException(Errno.EBUSY, p);
        }
        Loc l = locate(p);
        if (l.empty()) {
            throw new FsException(Errno.EACCES, p);
        }
        if (l.readOnly()) {
            throw new FsException(Errno.EROFS, p);
        }
        need(require(AixPath.parent(p)), 2, p);
        return l;
    }

    private FileTree.Meta newMeta(int mode) {
        return new FileTree.Meta(user, primaryGroup(), mode, now());
    }

    private long now() {
        return HostClock.epochSecond(c.now());
    }

    /** Refuses what is not text: NUL and other control characters, or bytes that were not UTF-8. */
    static void checkText(String p, String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch < 0x20 && ch != '\n' && ch != '\t' && ch != '\r' && ch != '\f' && ch != '\b' && ch != 0x1b
                    && ch != 0x07 && ch != 0x0b || ch == 0xfffd || ch == 0x7f) {
                throw new FsException(Errno.EINVAL, p);
            }
        }
    }

    /** Refuses a write that would fill the file system (its free space less what the changes use). */
    private void checkSpace(Loc l, String p, long growth) {
        if (growth <= 0) {
            return;
        }
        long free;
        if (l.wparMount() != null && l.wparMount().hasLv()) {
            Wpar.Mount m = l.wparMount();
            free = (long) (m.sizeMb - m.usedMb) << 20;
            free -= l.tree().usage(m.directory, others(l.wpar(), m))[1];
        } else if (l.globalFs() != null) {
            free = (long) l.globalFs().freeMb << 20;
            free -= l.tree().usage(l.globalFs().mount, globalOthers(l.globalFs()))[1];
        } else {
            return;
        }
        if (growth > free) {
            throw new FsException(Errno.ENOSPC, p);
        }
    }

    /** The local file systems of {@code w} mounted below {@code m}. */
    static List<String> others(Wpar w, Wpar.Mount m) {
        List<String> out = new ArrayList<>();
        for (Wpar.Mount o : w.mounts) {
            if (o != m && !o.directory.equals(m.directory) && AixPath.under(o.directory, m.directory)) {
                out.add(o.directory);
            }
        }
        return out;
    }

    /** The global file systems mounted below {@code f}. */
    List<String> globalOthers(Host.FileSystem f) {
        List<String> out = new ArrayList<>();
        for (Host.FileSystem o : c.host().filesystems) {
            if (o != f && !o.mount.equals(f.mount) && AixPath.under(o.mount, f.mount)) {
                out.add(o.mount);
            }
        }
        return out;
    }

    // ---- users and permissions -------------------------------------------------------------

    /** The users and groups of this view (its /etc/passwd and /etc/group). */
    public Users users() {
        if (users == null) {
            users = new Users(quiet("/etc/passwd"), quiet("/etc/group"));
        }
        return users;
    }

    private String quiet(String p) {
        Loc l = locate(p);
        if (l.empty()) {
            return "";
        }
        FileNode n = l.tree().stat(l.path());
        return n == null || n.isDir() ? "" : l.tree().read(l.path());
    }

    public String user() {
        return user;
    }

    private String primaryGroup() {
        Users.User u = users().user(user);
        return u == null ? "system" : users().groupName(u.gid());
    }

    private List<String> groups() {
        if (groups == null) {
            Users.User u = users().user(user);
            groups = u == null ? List.of() : users().groupNames(u);
        }
        return groups;
    }

    /** Refuses unless the user has permission {@code bit} (4 read, 2 write, 1 search/run) on {@code n}. */
    public void need(FileNode n, int bit, String p) {
        if (!may(n, bit)) {
            throw new FsException(Errno.EACCES, p);
        }
    }

    public boolean may(FileNode n, int bit) {
        if (user.equals("root")) {
            return bit != 1 || n.isDir() || (n.mode() & 0111) != 0;
        }
        int mode = n.mode();
        if (user.equals(n.owner())) {
            return (mode >> 6 & bit) != 0;
        }
        if (groups().contains(n.group())) {
            return (mode >> 3 & bit) != 0;
        }
        return (mode & bit) != 0;
    }
}
