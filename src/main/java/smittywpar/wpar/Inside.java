package smittywpar.wpar;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import smittywpar.base.Text;
import smittywpar.host.AixPath;
import smittywpar.host.BaseTree;
import smittywpar.host.FileTree;
import smittywpar.host.Host;
import smittywpar.host.HostClock;
import smittywpar.host.HostFiles;

/**
 * The file trees of the host: the global environment's, and each system WPAR's own (what its
 * local file systems hold). A WPAR's tree is the shipped {@link BaseTree#wparRoot()} under what
 * was changed in it, stored by the WPAR's base directory in {@code wparfs/KEY/} (KEY: the
 * directory with its slashes encoded): so {@code rmwpar -p} keeps it and {@code mkwpar -p} finds
 * it again under any name, and a WPAR nobody changed stores nothing. The global tree keeps its
 * files in {@code fs/} (as the host's file tree always did) and its index in {@code fs.tree}.
 */
public final class Inside {
    static final String GLOBAL_INDEX = "fs.tree";
    static final String GLOBAL_BLOBS = "fs.blobs";
    static final String WPAR_TREES = "wparfs";
    /** The files (from /etc) that mkwpar -r copies from the global environment. */
    static final String[] NAME_RESOLUTION = {"/etc/resolv.conf", "/etc/hosts", "/etc/netsvc.conf", "/etc/irs.conf",
        "/etc/networks"};

    private Inside() {
    }

    /** The state directory's name for the tree of the WPAR whose base directory is {@code directory}. */
    static String key(String directory) {
        return AixPath.encode(directory).replace("/", "%2F");
    }

    /** The global environment's file tree. */
    public static FileTree global(Transaction c) {
        return c.tree("", () -> new FileTree(c.treeStore(), List.of(new FileTree.Layer("/", BaseTree.globalRoot())),
                globalVars(c.host()), GLOBAL_INDEX, HostFiles.ROOT, GLOBAL_BLOBS));
    }

    /** The own file tree of system WPAR {@code w} (what its local file systems hold). */
    public static FileTree of(Transaction c, Wpar w) {
        return c.tree(w.directory, () -> {
            String k = WPAR_TREES + "/" + key(w.directory);
            return new FileTree(c.treeStore(), () -> {
                List<FileTree.Layer> layers = new ArrayList<>();
                layers.add(new FileTree.Layer("/", BaseTree.wparRoot()));
                if (w.privateUsr) {
                    // a detached WPAR's /usr and /opt start as copies of the global ones
                    layers.add(new FileTree.Layer("/usr", BaseTree.globalRoot()));
                    layers.add(new FileTree.Layer("/opt", BaseTree.globalRoot()));
                }
                return layers;
            }, wparVars(w), k + "/tree", k + "/fs", k + "/blobs");
        });
    }

    static Map<String, String> globalVars(Host h) {
        Map<String, String> v = new Vars(true);
        v.put("hostname", h.hostname);
        List<String> lines = new ArrayList<>();
        for (Host.HostsEntry e : h.hosts) {
            lines.add(hostsLine(e.address(), e.names()));
        }
        v.put("hosts", String.join("\n", lines));
        return v;
    }

    static Map<String, String> wparVars(Wpar w) {
        Map<String, String> v = new Vars(false);
        v.put("name", w.name);
        v.put("hostname", w.hostname);
        List<String> lines = new ArrayList<>();
        lines.add(hostsLine("127.0.0.1", "loopback localhost      # loopback (lo0) name/address"));
        lines.add(hostsLine("::1", "loopback localhost      # IPv6 loopback (lo0) name/address"));
        for (Wpar.Network n : w.networks) {
            String a = n.address.isEmpty() ? n.address6 : n.address;
            if (!a.isEmpty()) {
                lines.add(hostsLine(a, w.hostname));
            }
        }
        v.put("hosts", String.join("\n", lines));
        return v;
    }

    /**
     * The values of a tree's files: {@code {srcsubsys}}, the shipped subsystem object class, is
     * made only when a file that holds it is read.
     */
    private static final class Vars extends HashMap<String, String> {
        private static final long serialVersionUID = 1L;
        private final boolean global;

        Vars(boolean global) {
            this.global = global;
        }

        @Override
        public String get(Object key) {
            return "srcsubsys".equals(key) ? Src.defaultText(global).strip() : super.get(key);
        }
    }

    private static String hostsLine(String address, String names) {
        return Text.left(address, 23) + " " + names;
    }

    /**
     * True when something is stored for the tree of the WPAR at {@code directory}: its index, or
     * files placed under its directory of files (empty directories the state directory keeps
     * after files were deleted do not count).
     */
    static boolean stored(Transaction c, String directory) {
        String k = WPAR_TREES + "/" + key(directory);
        FileTree.Store st = c.treeStore();
        return st.kind(k) == 'd' && (st.kind(k + "/tree") == 'f' || !st.names(k + "/fs").isEmpty()
                || !st.names(k + "/blobs").isEmpty());
    }

    /** rmwpar without -p: the WPAR's files go with it. */
    static void destroy(Transaction c, Wpar w) {
        if (w.type == 'S' && w.directory != null && stored(c, w.directory)) {
            of(c, w).destroy();
        }
    }

    /**
     * mkwpar (not -p): a new WPAR starts from the shipped tree, so whatever is stored for its base
     * directory (left by hand, or by a WPAR removed outside these commands) is thrown away; with
     * -r the global name resolution files are copied in.
     */
    static void created(Transaction c, Wpar w, boolean preserved, boolean copyNameResolution) {
        if (!preserved && stored(c, w.directory)) {
            of(c, w).destroy();
        }
        if (copyNameResolution) {
            FileTree t = of(c, w);
            FileTree g = global(c);
            long now = HostClock.epochSecond(c.now());
            for (String f : NAME_RESOLUTION) {
                smittywpar.host.FileNode n = g.stat(f);
                if (n != null && n.kind() == smittywpar.host.FileNode.Kind.FILE) {
                    t.write(f, g.read(f), new FileTree.Meta(n.owner(), n.group(), n.mode(), now));
                }
            }
        }
    }

    /** What the changes of WPAR {@code w}'s tree add to its local file system {@code m}: {inodes, bytes}. */
    public static long[] usage(Transaction c, Wpar w, Wpar.Mount m) {
        if (w.type != 'S' || w.directory == null || c.treeStore().kind(WPAR_TREES + "/" + key(w.directory) + "/tree")
                != 'f') {
            return new long[2];
        }
        FileTree t = of(c, w);
        return t.untouchedIndex() ? new long[2] : t.usage(m.directory, Vfs.others(w, m));
    }

    /** What the changes of the global tree add to global file system {@code f}: {inodes, bytes}. */
    public static long[] usage(Transaction c, Host.FileSystem f) {
        if (c.treeStore().kind(GLOBAL_INDEX) != 'f') {
            return new long[2];
        }
        FileTree t = global(c);
        return t.untouchedIndex() ? new long[2] : t.usage(f.mount, Vfs.global(c).globalOthers(f));
    }

    /** chwpar -d: what is stored for the old base directory moves to the new one. */
    static void relocate(Transaction c, String oldDir, String newDir) {
        c.moveStored(WPAR_TREES + "/" + key(oldDir), WPAR_TREES + "/" + key(newDir));
    }
}
