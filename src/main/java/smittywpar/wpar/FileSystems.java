package smittywpar.wpar;

import java.util.ArrayList;
import java.util.List;

import smittywpar.host.Host;
import smittywpar.host.HostClock;
import smittywpar.msg.AixException;

/**
 * Mounting and unmounting the file systems of workload partitions in the global environment, as
 * {@code mount} and {@code umount} do on AIX with the global path of a WPAR file system
 * ({@code mount /wpars/syswpar1/home}), its device, or its mount group ({@code mount -t syswpar1}:
 * a WPAR's file systems have the WPAR's name as their type in /etc/filesystems).
 *
 * <p>Each mount of a WPAR record carries its own mounted state: startwpar mounts all of them,
 * stopwpar unmounts all, and mount/umount change one. The file systems of running WPARs are found
 * through the index; a WPAR that is not running but has mounted file systems is listed in the
 * host's {@code wparMounts}, so listings (df, mount) never read every WPAR record.
 */
public final class FileSystems {

    private FileSystems() {
    }

    /** A WPAR file system found by its global path or device. */
    public record Target(Wpar wpar, Wpar.Mount mount) {
    }

    /** startwpar: every file system of the WPAR is mounted. */
    static void mountAll(Transaction c, Wpar w) {
        for (Wpar.Mount m : w.mounts) {
            m.mounted = true;
            m.mountedAt = "";
        }
        forget(c, w);
    }

    /** stopwpar, rmwpar, umount -t: every file system of the WPAR is unmounted. */
    static void unmountAll(Transaction c, Wpar w) {
        for (Wpar.Mount m : w.mounts) {
            m.mounted = false;
            m.mountedAt = "";
        }
        forget(c, w);
    }

    private static void forget(Transaction c, Wpar w) {
        if (c.host().wparMounts.contains(w.name)) {
            c.hostForUpdate().wparMounts.remove(w.name);
        }
    }

    /** Keeps the host's list of non-running WPARs with mounted file systems in step with {@code w}. */
    static void track(Host host, Wpar w) {
        boolean any = false;
        for (Wpar.Mount m : w.mounts) {
            any |= m.mounted;
        }
        if (any && !w.state.isRunning()) {
            host.wparMounts.add(w.name);
        } else {
            host.wparMounts.remove(w.name);
        }
    }

    /** The WPARs that have mounted file systems, by name. */
    public static List<Wpar> withMounts(Transaction c) {
        Host h = c.host();
        List<Wpar> out = new ArrayList<>();
        for (IndexEntry e : c.entries()) {
            if (e.state().isRunning() && e.type() == 'S' || h.wparMounts.contains(e.name())) {
                out.add(c.wpar(e.name()));
            }
        }
        return out;
    }

    /** The global path of a file system of a system WPAR. */
    public static String globalPath(Wpar w, Wpar.Mount m) {
        return w.globalPath(m.directory);
    }

    /** What mount lists as the mounted object: the logical volume, directory or remote directory. */
    public static String device(Wpar.Mount m) {
        return m.dev;
    }

    /** The vfs column of mount. */
    public static String vfs(Wpar.Mount m) {
        return m.vfs.equals("nfs") ? "nfs3" : m.vfs;
    }

    /** The options column of mount. */
    public static String options(Wpar.Mount m) {
        String base = m.mountopts.isEmpty() ? "rw" : m.mountopts;
        if (m.hasLv()) {
            return base + "," + (m.logname.isEmpty() || m.logname.equals("INLINE") ? "log=NULL" : "log=" + m.logname);
        }
        return base;
    }

    /** The date column of mount: when the file system was mounted. */
    public static String mountDate(Wpar w, Wpar.Mount m) {
        if (!m.mountedAt.isEmpty()) {
            return m.mountedAt;
        }
        return w.startTime.length() >= 16 ? w.startTime.substring(4, 16) : "";
    }

    /**
     * The WPAR file system mounted (or to be mounted) over {@code path}, found through the index by
     * the WPAR base directory that contains it; null when no WPAR owns the path.
     */
    public static Target byPath(Transaction c, String path) {
        if (!path.startsWith("/") || path.length() > 1 && path.endsWith("/")) {
            return null;
        }
        for (String p = path; p.length() > 1; p = p.substring(0, Math.max(1, p.lastIndexOf('/')))) {
            String owner = c.directoryOwner(p);
            if (owner != null) {
                Wpar w = c.wpar(owner);
                String rel = path.length() == p.length() ? "/" : path.substring(p.length());
                Wpar.Mount m = w.mount(rel);
                return m == null ? null : new Target(w, m);
            }
        }
        return null;
    }

    /** The WPAR file system on logical volume {@code dev} ("/dev/fslv02"); reads every WPAR. */
    public static Target byDevice(Transaction c, String dev) {
        if (!dev.startsWith("/dev/")) {
            return null;
        }
        for (IndexEntry e : c.entries()) {
            if (e.type() != 'S') {
                continue;
            }
            Wpar w = c.wpar(e.name());
            for (Wpar.Mount m : w.mounts) {
                if (m.hasLv() && m.dev.equals(dev)) {
                    return new Target(w, m);
                }
            }
        }
        return null;
    }

    /** Mounts one WPAR file system. */
    public static void mount(Transaction c, Target t) {
        Wpar w = t.wpar();
        Wpar.Mount m = t.mount();
        String over = globalPath(w, m);
        if (m.mounted) {
            throw AixException.of("mount.busy", c.prog, device(m), over);
        }
        Wpar.Mount parent = parent(w, m);
        if (parent != null && !parent.mounted) {
            throw AixException.of("mount.noparent", c.prog, device(m), over);
        }
        m.mounted = true;
        m.mountedAt = HostClock.mountDate(c.now());
        track(c.hostForUpdate(), w);
        c.save(w);
    }

    /** Unmounts one WPAR file system. */
    public static void unmount(Transaction c, Target t) {
        Wpar w = t.wpar();
        Wpar.Mount m = t.mount();
        if (!m.mounted) {
            throw AixException.of("umount.nothing", c.prog);
        }
        if (busy(w, m)) {
            throw AixException.of("umount.busy", c.prog, device(m));
        }
        m.mounted = false;
        m.mountedAt = "";
        track(c.hostForUpdate(), w);
        c.save(w);
    }

    /** Mounts every unmounted file system of the WPAR named {@code group}, parents first. */
    public static void mountGroup(Transaction c, String group) {
        Wpar w = group(c, group);
        String at = HostClock.mountDate(c.now());
        for (Wpar.Mount m : w.mounts) {
            if (!m.mounted) {
                m.mounted = true;
                m.mountedAt = at;
            }
        }
        track(c.hostForUpdate(), w);
        c.save(w);
    }

    /** Unmounts every mounted file system of the WPAR named {@code group}; all or none. */
    public static void unmountGroup(Transaction c, String group) {
        Wpar w = group(c, group);
        boolean any = false;
        for (Wpar.Mount m : w.mounts) {
            any |= m.mounted;
            if (m.mounted && w.state.isRunning() && inUse(m)) {
                throw AixException.of("umount.busy", c.prog, device(m));
            }
        }
        if (!any) {
            throw AixException.of("umount.nothing", c.prog);
        }
        unmountAll(c, w);
        c.save(w);
    }

    private static Wpar group(Transaction c, String group) {
        IndexEntry e = c.entry(group);
        if (e == null || e.type() != 'S') {
            throw AixException.of("mount.notype", c.prog, group);
        }
        return c.wpar(group);
    }

    /** The closest mount of {@code w} that {@code m}'s mount point lies in, or null for "/". */
    static Wpar.Mount parent(Wpar w, Wpar.Mount m) {
        Wpar.Mount best = null;
        for (Wpar.Mount o : w.mounts) {
            if (o != m && contains(o.directory, m.directory)
                    && (best == null || o.directory.length() > best.directory.length())) {
                best = o;
            }
        }
        return best;
    }

    private static boolean contains(String dir, String sub) {
        return !dir.equals(sub) && (dir.equals("/") || sub.startsWith(dir + "/"));
    }

    /** Busy: other file systems are mounted below it, or the running WPAR needs it. */
    static boolean busy(Wpar w, Wpar.Mount m) {
        for (Wpar.Mount o : w.mounts) {
            if (o.mounted && contains(m.directory, o.directory)) {
                return true;
            }
        }
        return w.state.isRunning() && inUse(m);
    }

    /** The file systems a running system WPAR always holds open (its init and shells run there). */
    private static boolean inUse(Wpar.Mount m) {
        return m.directory.equals("/") || m.directory.equals("/usr") || m.directory.equals("/proc");
    }
}
