package smittywpar.wpar;

import java.util.Map;

import smittywpar.host.HostClock;
import smittywpar.msg.AixException;

/**
 * chwpar -M and -K -M: adds, changes and removes the file systems of one workload partition
 * (their logical volumes with them), for {@link Changes}, which prints what they say once every
 * change has been checked.
 */
final class MountChanges {
    private final Changes changes;
    private final Transaction c;
    private final String prog;
    private final Wpar w;

    MountChanges(Changes changes, Transaction c, Wpar w) {
        this.changes = changes;
        this.c = c;
        this.prog = c.prog;
        this.w = w;
    }

    /** -M: a new file system (its logical volume for a local one), or a change of an existing one. */
    void add(Map<String, String> given) {
        Wpar.Mount m = Attrs.mount(prog, given, c.host());
        Wpar.Mount old = w.mount(m.directory);
        if (old != null) {
            change(old, given, m);
            return;
        }
        if (m.hasLv()) {
            if (given.containsKey("dev")) {
                throw AixException.of("mount.devlocal", prog, m.vfs);
            }
            if (m.sizeMb == 0) {
                m.sizeMb = 64;
            }
            if (m.logname.isEmpty()) {
                m.logname = "INLINE";
            }
            LogicalVolumes.allocate(prog, c.hostForUpdate(), w, m);
            WparDefaults.freshUsage(m);
            changes.say("ch.creating", prog, w.globalPath(m.directory));
        }
        Wpar.Mount parent = FileSystems.parent(w, m);
        if (w.state.isRunning() && (parent == null || parent.mounted)) {
            m.mounted = true;
            m.mountedAt = HostClock.mountDate(c.now());
        }
        w.mounts.add(m);
        w.mounts.sort(Wpar.Mount.BY_DIRECTORY);
    }

    /** Modifies an existing mount: options, the source of namefs/nfs mounts, or a larger size. */
    private void change(Wpar.Mount old, Map<String, String> given, Wpar.Mount m) {
        if (given.containsKey("vfs") && !m.vfs.equals(old.vfs)) {
            throw AixException.of("mount.change", prog, "vfs", w.globalPath(old.directory));
        }
        if (old.hasLv()) {
            for (String k : new String[] {"dev", "vg", "logname"}) {
                String now = switch (k) {
                    case "dev" -> old.dev;
                    case "vg" -> old.vg.isEmpty() ? w.vg : old.vg;
                    default -> old.logname;
                };
                if (given.containsKey(k) && !given.get(k).equals(now)
                        && !(k.equals("logname") && given.get(k).isEmpty() && now.equals("INLINE"))) {
                    throw AixException.of("mount.change", prog, k, w.globalPath(old.directory));
                }
            }
            if (given.containsKey("host") && !given.get("host").isEmpty()) {
                throw AixException.of("mount.change", prog, "host", w.globalPath(old.directory));
            }
            if (given.containsKey("size")) {
                LogicalVolumes.grow(prog, c.hostForUpdate(), w, old, m.sizeMb);
            }
        } else {
            if (given.containsKey("size")) {
                throw AixException.of("mount.sizenotlocal", prog, old.vfs);
            }
            if (given.containsKey("dev")) {
                if (!given.get("dev").startsWith("/")) {
                    throw AixException.of(old.vfs.equals("nfs") ? "mount.nfsneeds" : "mount.namefsneeds", prog);
                }
                old.dev = given.get("dev");
            }
            if (given.containsKey("host")) {
                if (old.vfs.equals("nfs") ? given.get("host").isEmpty() : !given.get("host").isEmpty()) {
                    throw AixException.of(old.vfs.equals("nfs") ? "mount.nfsneeds" : "mount.change", prog, "host",
                            w.globalPath(old.directory));
                }
                old.host = given.get("host");
            }
        }
        if (given.containsKey("mountopts")) {
            old.mountopts = given.get("mountopts");
        }
        if (given.containsKey("crfsopts")) {
            old.crfsopts = given.get("crfsopts");
        }
        if (given.containsKey("mode")) {
            old.mode = given.get("mode");
        }
    }

    /** -K -M: removes a file system that is not a base one and has none mounted below it. */
    void remove(String dir) {
        Wpar.Mount m = w.mount(dir);
        if (m == null && dir.startsWith(w.directory) && !w.directory.equals("/")) {
            String rel = dir.equals(w.directory) ? "/" : dir.substring(w.directory.length());
            if (rel.startsWith("/")) {
                m = w.mount(rel);
            }
        }
        if (m == null) {
            throw AixException.of("mount.notfound", prog, Names.printable(dir), w.name);
        }
        String set = w.rootvg ? "rootvg" : w.privateUsr ? "private" : "shared";
        for (Wpar.Mount base : WparDefaults.get().filesystems(set)) {
            if (base.directory.equals(m.directory)) {
                throw AixException.of("mount.base", prog, m.directory, w.name);
            }
        }
        for (Wpar.Mount o : w.mounts) {
            if (o != m && o.directory.startsWith(m.directory + "/")) {
                throw AixException.of("mount.children", prog, m.directory, o.directory);
            }
        }
        if (m.mounted && FileSystems.busy(w, m)) {
            throw AixException.of("umount.busy", prog, m.dev);
        }
        w.mounts.remove(m);
        changes.say("rm.removing", prog, w.globalPath(m.directory));
        String lv = LogicalVolumes.release(c.hostForUpdate(), w, m);
        if (lv != null) {
            changes.say("rm.rmlv", lv);
        }
        FileSystems.track(c.hostForUpdate(), w);
    }
}
