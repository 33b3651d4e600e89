package smittywpar.wpar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import smittywpar.base.Text;
import smittywpar.host.Host;
import smittywpar.msg.AixException;
import smittywpar.msg.Messages;

/**
 * mkwpar: creates a system workload partition from a {@link CreateRequest} (and a specification
 * file or an existing WPAR as its template), or with -w only writes its specification. Runs inside
 * one transaction; everything is checked before anything is printed or written.
 */
public final class Creation {
    private Creation() {
    }

    public static Wpar create(Transaction c, CreateRequest r) {
        String prog = c.prog;
        Host host = c.hostForUpdate();
        boolean dry = r.writeOnly;
        CreationSources.check(c, r);
        if (r.specOut != null) {
            c.checkWritable(r.specOut, SpecFiles.storePath(prog, r.specOut));
        }
        if (r.specIn != null) {
            SpecFiles.apply(SpecFiles.read(c, r.specIn), r);
        }
        if (r.existing != null) {
            SpecFiles.apply(SpecFiles.fromExisting(c, r.existing, r.noBootsets), r);
        }
        if (r.preserve != null && !r.preserve.isEmpty() && r.preserve.startsWith("/")) {
            throw new AixException(Messages.get("name.badchar", prog, r.preserve, "/") + "\n"
                    + Messages.get("hint.appwpar", prog, hintName(c, r.name()), Names.printable(r.preserve)));
        }
        if (r.name() == null) {
            r.put(Attribute.NAME, r.preserve);
        }
        if (!dry && (r.name() == null || r.name().isEmpty())) {
            throw AixException.of("name.missing", prog);
        }
        if (r.name() != null) {
            Names.check(prog, r.name());
        }
        Attrs.asciiOnly(prog, r);
        if (!dry && c.exists(r.name())) {
            throw AixException.of("wpar.exists", prog, r.name());
        }
        Wpar preserved = null;
        if (r.preserve != null && !dry) {
            String from = r.preserve.isEmpty() ? r.name() : r.preserve;
            Names.check(prog, from);
            preserved = c.preserved(from);
            if (preserved == null) {
                throw AixException.of("preserve.none", prog, from);
            }
        }
        if (r.yes(Attribute.CHECKPOINTABLE) && host.fileset("mcr.rte") == null) {
            throw AixException.of("ckpt.nosoftware", prog);
        }

        Wpar w = new Wpar();
        w.name = r.name();
        w.type = 'S';
        hostname(prog, r, w);
        w.auto = r.yes(Attribute.AUTO);
        w.checkpointable = r.yes(Attribute.CHECKPOINTABLE);
        architecture(prog, r, w);
        String uuid = r.get(Attribute.UUID);
        if (uuid != null && !uuid.isEmpty()) {
            w.uuid = Lifecycle.uuid(prog, host, uuid);
        }
        w.routing = r.yes(Attribute.ROUTING);
        w.privateUsr = r.yes(Attribute.PRIVATEUSR);
        w.script = r.get(Attribute.SCRIPT) == null ? "" : r.get(Attribute.SCRIPT);
        if (!w.script.isEmpty() && !w.script.startsWith("/")) {
            throw AixException.of("path.relative", prog, w.script);
        }
        if (r.get(Attribute.DEVEXPORTS) != null) {
            w.devexports = r.get(Attribute.DEVEXPORTS);
            if (!w.devexports.startsWith("/")) {
                throw AixException.of("path.relative", prog, Names.printable(w.devexports));
            }
        }
        w.vg = r.get(Attribute.VG) == null ? Attribute.VG.dflt : r.get(Attribute.VG);
        if (host.vg(w.vg) == null) {
            throw AixException.of("vg.notfound", prog, Names.printable(w.vg));
        }

        // base directory
        if (preserved != null) {
            if (r.get(Attribute.DIRECTORY) != null && !r.get(Attribute.DIRECTORY).equals(preserved.directory)) {
                throw AixException.of("preserve.dir", prog, preserved.directory);
            }
            w.directory = preserved.directory;
        } else {
            w.directory = r.get(Attribute.DIRECTORY) != null ? r.get(Attribute.DIRECTORY)
                    : Attribute.DIRECTORY.contextDefault(w);
        }
        if (w.directory != null) {
            checkDirectory(c, r, w, dry);
        }

        // devices (before file systems: a rootvg disk changes the file system set)
        w.devices.addAll(WparDefaults.get().devices());
        for (Map<String, String> d : r.devices) {
            Wpar.Device dev = Attrs.device(prog, d, host);
            Lifecycle.addDevice(c, w, dev, r.overwriteVg, dry);
            if ("yes".equals(dev.rootvg)) {
                w.rootvg = true;
            }
        }

        // network
        networks(c, r, w, dry, false);
        for (Map<String, String> a : r.routes) {
            w.routes.add(Attrs.route(prog, a, host));
        }

        // resources and security
        w.resources.putAll(Resources.parse(prog, r.resources));
        w.resources.values().removeIf(String::isEmpty);
        Resources.checkCombination(prog, w.resources);
        Lifecycle.applySecurity(prog, w, r.security);
        for (Map<String, String> a : r.kexts) {
            Wpar.Kext k = Attrs.kext(prog, a);
            for (Wpar.Kext x : w.kexts) {
                if (x.kext.equals(k.kext)) {
                    throw AixException.of("attr.dup", prog, Attribute.KEXT.key + "=" + k.kext, 'X');
                }
            }
            w.kexts.add(k);
        }
        CreationSources.copyControls(r, w);

        // file systems
        List<Wpar.Mount> mounts;
        if (preserved != null) {
            mounts = preserved.mounts;
            w.privateUsr = preserved.privateUsr;
            w.rootvg = preserved.rootvg;
        } else {
            mounts = WparDefaults.get().filesystems(w.rootvg ? "rootvg" : w.privateUsr ? "private" : "shared");
            List<Map<String, String>> words = new ArrayList<>();
            for (Map<String, String> a : CreationSources.imageData(c, r)) {
                // an image.data describes local file systems: those mounted from the global one stay so
                Wpar.Mount m = find(mounts, a.get(Attribute.MOUNT_DIRECTORY.key));
                if (m == null || m.hasLv()) {
                    words.add(a);
                }
            }
            words.addAll(r.mounts);
            for (Map<String, String> a : words) {
                mergeMount(prog, mounts, Attrs.mount(prog, a, host), a);
            }
            mounts.sort(Wpar.Mount.BY_DIRECTORY);
            CreationSources.size(c, r, mounts);
            if (!dry) {
                for (Wpar.Mount m : mounts) {
                    if (m.hasLv() && m.dev.isEmpty()) {
                        LogicalVolumes.allocate(prog, host, w, m, r.lvNames.get(m.directory));
                    } else if (m.hasLv() && !(m.dev.startsWith("/dev/") && host.hasLv(m.dev.substring(5)))) {
                        // dev= of a local file system names the logical volume it is on: one that exists
                        throw AixException.of("mount.nolv", prog, Names.printable(m.dev), m.directory);
                    }
                }
            }
        }
        w.mounts.addAll(mounts);
        bootsets(prog, r, w, host, dry);
        w.state = State.DEFINED;
        for (Wpar.Network n : w.networks) {
            if (Attrs.offNetwork(n, host)) {
                Lifecycle.warn125(c.con, prog, n);
            }
        }
        if (dry) {
            writeSpec(c, r, w);
            c.discardHostChanges();
            return w;
        }
        if (w.uuid.isEmpty()) {
            w.uuid = host.nextUuid();
        }
        if (r.password) {
            Lifecycle.password(prog, r);
        }

        // what the new WPAR holds of the global environment's software: its levels of today, or
        // what the preserved file systems hold
        String kept = preserved == null ? null : preserved.get(Attribute.SOFTWARE);
        if (kept != null) {
            w.set(Attribute.SOFTWARE, kept);
        } else if (Software.synchronizable(w)) {
            Software.record(w, host);
        }

        // output, then state
        if (r.fromBackup) {
            printFileSystems(c.con, "mkwpar", w);
        } else if (preserved == null) {
            printCreation(c.con, prog, w, host);
        } else {
            c.deletePreserved(preserved.name);
        }
        if (!r.fromBackup) {
            c.con.say("mk.created", w.name);
        }
        c.save(w);
        Inside.created(c, w, preserved != null, r.copyNameResolution);
        writeSpec(c, r, w);
        CreationSources.scripts(c.con, prog, r);
        if (r.fromBackup) {
            return w;
        }
        if (r.start) {
            Lifecycle.start(c, w.name, false, false, r.verbose);
        } else {
            c.con.say("mk.hint390", prog, w.name);
        }
        return w;
    }

    /**
     * The addresses of a new WPAR (system or application): each -N address checked against those
     * in use (by another WPAR or the global environment); one in use is refused, or with -A left
     * out with a warning; {@code takeIdle} (wparexec -F): the address of a WPAR that is not
     * running may be taken anyway [D]. Without -N, the address its host name resolves to, when an
     * interface of the host serves it and nobody uses it.
     */
    /** The host name a new WPAR gets (-h, else its name), checked (mkwpar and wparexec). */
    static void hostname(String prog, CreateRequest r, Wpar w) {
        w.hostname = r.get(Attribute.HOSTNAME) != null ? r.get(Attribute.HOSTNAME) : r.name();
        if (w.hostname != null) {
            Lifecycle.checkHostname(prog, w.hostname);
        }
    }

    /** The architecture of a new WPAR (-X architecture=), valid and only with -c (mkwpar and wparexec). */
    static void architecture(String prog, CreateRequest r, Wpar w) {
        String arch = r.get(Attribute.ARCHITECTURE);
        if (arch != null) {
            if (!Attribute.ARCHITECTURE.type.valid(arch)) {
                throw AixException.of("ch.badarch", prog, Names.printable(arch),
                        String.join(" ", Attribute.ARCHITECTURE.type.choices()));
            }
            if (!w.checkpointable && !arch.equals("none")) {
                throw AixException.of("ch.archckpt", prog, w.name);
            }
            w.architecture = arch;
        }
    }

    static void networks(Transaction c, CreateRequest r, Wpar w, boolean dry, boolean takeIdle) {
        String prog = c.prog;
        Host host = c.host();
        for (Map<String, String> a : r.networks) {
            Wpar.Network n = Attrs.network(prog, a, host, dry);
            String owner = dry ? null : Lifecycle.conflictOwner(c, w, n);
            if (owner != null && takeIdle && idle(c, n, owner)) {
                owner = null;
            }
            if (owner != null) {
                if (!r.autoResolve) {
                    throw AixException.of("net.inuse", prog, Lifecycle.addr(n), owner);
                }
                c.con.warn("net.dropped", prog, Lifecycle.addr(n), owner);
                continue;
            }
            w.networks.add(n);
        }
        if (r.networks.isEmpty() && w.hostname != null && !dry) {
            String ip = host.resolve(w.hostname);
            if (ip != null && host.interfaceFor(ip) != null) {
                Wpar.Network n = Attrs.network(prog, Map.of("address", ip), host);
                if (Lifecycle.conflictOwner(c, w, n) == null) {
                    w.networks.add(n);
                }
            }
        }
    }

    /** True when address {@code n}, in use by {@code owner}, is configured for a WPAR that is not running. */
    private static boolean idle(Transaction c, Wpar.Network n, String owner) {
        String holder = c.addressOwner(Lifecycle.addr(n));
        return holder != null && !owner.equals(Messages.get("owner.global")) && !c.entry(holder).state().isRunning();
    }

    /**
     * The name the -p hint's wparexec example gives the application WPAR: the name asked for when
     * it is valid and free, else the first free one of appwpar1, appwpar2 ... (so that the example
     * runs as written).
     */
    private static String hintName(Transaction c, String asked) {
        if (asked != null && Names.valid(asked) && !c.exists(asked)) {
            return asked;
        }
        int i = 1;
        while (c.exists("appwpar" + i)) {
            i++;
        }
        return "appwpar" + i;
    }

    /** The boot sets (and boot list) of the template: each made anew for the new WPAR. */
    private static void bootsets(String prog, CreateRequest r, Wpar w, Host host, boolean dry) {
        for (Wpar.Bootset b : r.bootsets) {
            Map<String, String> first = new LinkedHashMap<>();
            first.put(Attribute.BOOTSET_NUMBER.key, String.valueOf(b.id));
            if (!b.vg.isEmpty()) {
                first.put(Attribute.BOOTSET_VG.key, b.vg);
            }
            List<Map<String, String>> words = new ArrayList<>();
            words.add(first);
            for (String d : b.disks) {
                words.add(Map.of(Attribute.BOOTSET_DEVNAME.key, d));
            }
            Bootsets.add(prog, w, host, words, dry);
        }
        if (r.bootlist != null) {
            Bootsets.setBootlist(prog, w, r.bootlist);
        }
    }

    private static void writeSpec(Transaction c, CreateRequest r, Wpar w) {
        if (r.specOut != null) {
            SpecFiles.write(c, r.specOut, WparCodec.format(w, true));
        }
    }

    private static void checkDirectory(Transaction c, CreateRequest r, Wpar w, boolean dry) {
        String prog = c.prog;
        String d = w.directory;
        if (!d.startsWith("/") || d.contains("//") || d.contains("/./") || d.contains("/..") || d.contains(" ")
                || d.contains("\t") || (d.length() > 1 && d.endsWith("/"))) {
            throw AixException.of("dir.bad", prog, Names.printable(d));
        }
        if (dry) {
            return;
        }
        for (Host.FileSystem fs : c.host().filesystems) {
            if (fs.mount.equals(d) || d.equals("/")) {
                throw AixException.of("dir.global", prog, d);
            }
        }
        String owner = c.directoryOwner(d);
        if (owner != null) {
            if (!r.autoResolve) {
                throw AixException.of("dir.inuse", prog, d, owner);
            }
            int i = 1;
            while (c.directoryOwner(d + "." + i) != null) {
                i++;
            }
            w.directory = d + "." + i;
            c.con.warn("dir.resolved", prog, d, w.directory);
        }
        if (r.preserve == null) {
            for (String p : c.preservedNames()) {
                Wpar pw = c.preserved(p);
                if (pw != null && pw.directory.equals(w.directory)) {
                    throw AixException.of("dir.preserved", prog, w.directory, p);
                }
            }
        }
    }

    private static Wpar.Mount find(List<Wpar.Mount> mounts, String directory) {
        for (Wpar.Mount m : mounts) {
            if (m.directory.equals(directory)) {
                return m;
            }
        }
        return null;
    }

    private static void mergeMount(String prog, List<Wpar.Mount> mounts, Wpar.Mount m, Map<String, String> given) {
        for (int i = 0; i < mounts.size(); i++) {
            Wpar.Mount old = mounts.get(i);
            if (old.directory.equals(m.directory)) {
                if (!given.containsKey("vfs")) {
                    m.vfs = old.vfs;
                    if (!given.containsKey("dev")) {
                        m.dev = old.dev;
                    }
                    if (!given.containsKey("mountopts")) {
                        m.mountopts = old.mountopts;
                    }
                }
                if (m.hasLv()) {
                    if (m.sizeMb == 0) {
                        m.sizeMb = old.sizeMb > 0 ? old.sizeMb : 64;
                    }
                    m.usedMb = old.usedMb > 0 ? Math.min(old.usedMb, m.sizeMb) : 1;
                    m.iused = old.iused > 0 ? old.iused : 4;
                    m.ipct = Math.max(1, old.ipct);
                    if (m.logname.isEmpty()) {
                        m.logname = "INLINE";
                    }
                }
                mounts.set(i, m);
                return;
            }
        }
        if (m.hasLv()) {
            if (m.sizeMb == 0) {
                m.sizeMb = 64;
            }
            if (m.logname.isEmpty()) {
                m.logname = "INLINE";
            }
            WparDefaults.freshUsage(m);
        }
        if (m.directory.equals("/") && !m.hasLv()) {
            throw AixException.of("mount.rootlocal", prog);
        }
        mounts.add(m);
    }

    /** The file systems mkwpar creates (also what restwpar prints of the creation). */
    private static void printFileSystems(Console con, String prog, Wpar w) {
        if (w.rootvg) {
            con.say("mk.rootvg");
        }
        con.say("mk.creating", prog);
        List<String> listed = new ArrayList<>();
        for (Wpar.Mount m : w.mounts) {
            listed.add(m.directory);
        }
        if (w.rootvg) {
            for (String d : WparDefaults.get().rootvgInternal()) {
                if (!listed.contains(d)) {
                    listed.add(d);
                }
            }
            listed.sort(null);
        }
        for (String d : listed) {
            con.say("mk.fsline", d);
        }
    }

    private static void printCreation(Console con, String prog, Wpar w, Host host) {
        printFileSystems(con, prog, w);
        con.say("mk.mounting");
        for (String f : WparDefaults.get().skeleton()) {
            con.say("mk.restored", f);
        }
        List<Host.Fileset> roots = new ArrayList<>();
        for (Host.Fileset f : host.filesets) {
            if (f.root) {
                roots.add(f);
            }
        }
        if (!roots.isEmpty()) {
            con.say("mk.installp.applying");
            for (Host.Fileset f : roots) {
                con.say("mk.installp.item", f.name, f.level);
            }
            con.outln("");
            InstallpReport.summaryHeader(con, 2 + roots.size());
            for (Host.Fileset f : roots) {
                con.outln(Text.left(f.name, 27) + " " + Text.left(f.level, 15) + " ROOT        APPLY       SUCCESS");
            }
            con.outln("");
        }
        con.say("mk.syncroot1");
        con.say("mk.syncroot2");
        con.say("mk.syncroot3");
        con.say("mk.syncroot4");
        con.say("mk.syncroot5");
    }
}
