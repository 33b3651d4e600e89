package smittywpar.wpar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import smittywpar.base.Text;
import smittywpar.host.Host;
import smittywpar.host.HostClock;
import smittywpar.host.HostNames;
import smittywpar.msg.AixException;
import smittywpar.msg.Messages;

/** The system WPAR life cycle: create, start, stop, reboot, remove. Runs inside one transaction. */
public final class Lifecycle {
    private Lifecycle() {
    }

    // ---- create ------------------------------------------------------------------------

    public static Wpar create(Transaction c, CreateRequest r) {
        String prog = c.prog;
        Host host = c.hostForUpdate();
        boolean dry = r.writeOnly;
        if (r.specIn != null) {
            SpecFiles.apply(SpecFiles.read(c, r.specIn), r);
        }
        if (r.existing != null) {
            SpecFiles.apply(SpecFiles.fromExisting(c, r.existing, r.copyIdentity), r);
        }
        if (r.preserve != null && !r.preserve.isEmpty() && r.preserve.startsWith("/")) {
            throw new AixException(Messages.get("name.badchar", prog, r.preserve, "/") + "\n"
                    + Messages.get("hint.appwpar", prog, r.name() == null ? "appwpar1" : r.name(), r.preserve));
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
        w.hostname = r.get(Attribute.HOSTNAME) != null ? r.get(Attribute.HOSTNAME) : r.name();
        if (w.hostname != null) {
            checkHostname(prog, w.hostname);
        }
        w.auto = r.yes(Attribute.AUTO);
        w.checkpointable = r.yes(Attribute.CHECKPOINTABLE);
        w.routing = r.yes(Attribute.ROUTING);
        w.privateUsr = r.yes(Attribute.PRIVATEUSR);
        w.script = r.get(Attribute.SCRIPT) == null ? "" : r.get(Attribute.SCRIPT);
        if (!w.script.isEmpty() && !w.script.startsWith("/")) {
            throw AixException.of("path.relative", prog, w.script);
        }
        if (r.get(Attribute.DEVEXPORTS) != null) {
            w.devexports = r.get(Attribute.DEVEXPORTS);
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
            addDevice(c, w, dev, r.overwriteVg, dry);
            if ("yes".equals(dev.rootvg)) {
                w.rootvg = true;
            }
        }

        // network
        for (Map<String, String> a : r.networks) {
            Wpar.Network n = Attrs.network(prog, a, host);
            String owner = dry ? null : conflictOwner(c, w, n);
            if (owner != null) {
                if (!r.autoResolve) {
                    throw AixException.of("net.inuse", prog, addr(n), owner);
                }
                c.con.warn("net.dropped", prog, addr(n), owner);
                continue;
            }
            w.networks.add(n);
        }
        if (r.networks.isEmpty() && w.hostname != null && !dry) {
            String ip = host.resolve(w.hostname);
            if (ip != null && host.interfaceFor(ip) != null) {
                Wpar.Network n = Attrs.network(prog, Map.of("address", ip), host);
                if (conflictOwner(c, w, n) == null) {
                    w.networks.add(n);
                }
            }
        }
        for (Map<String, String> a : r.routes) {
            w.routes.add(Attrs.route(prog, a, host));
        }

        // resources and security
        w.resources.putAll(Resources.parse(prog, r.resources));
        w.resources.values().removeIf(String::isEmpty);
        Resources.checkCombination(prog, w.resources);
        applySecurity(prog, w, r.security);

        // file systems
        List<Wpar.Mount> mounts;
        if (preserved != null) {
            mounts = preserved.mounts;
            w.privateUsr = preserved.privateUsr;
            w.rootvg = preserved.rootvg;
        } else {
            mounts = WparDefaults.get().filesystems(w.rootvg ? "rootvg" : w.privateUsr ? "private" : "shared");
            for (Map<String, String> a : r.mounts) {
                mergeMount(prog, mounts, Attrs.mount(prog, a, host), a);
            }
            mounts.sort(Comparator.comparing((Wpar.Mount m) -> m.directory));
            if (!dry) {
                allocate(c, w, host, mounts);
            }
        }
        w.mounts.addAll(mounts);
        w.state = State.DEFINED;
        if (dry) {
            writeSpec(c, r, w);
            c.discardHostChanges();
            return w;
        }
        w.uuid = host.nextUuid();

        // output, then state
        for (Wpar.Network n : w.networks) {
            if (Attrs.offNetwork(n, host)) {
                warn125(c.con, prog, n);
            }
        }
        if (preserved == null) {
            printCreation(c.con, prog, w, host);
        } else {
            c.deletePreserved(preserved.name);
        }
        c.con.say("mk.created", w.name);
        c.save(w);
        writeSpec(c, r, w);
        if (r.start) {
            start(c, w.name, false, false, r.verbose);
        } else {
            c.con.say("mk.hint390", prog, w.name);
        }
        return w;
    }

    private static void writeSpec(Transaction c, CreateRequest r, Wpar w) {
        if (r.specOut != null) {
            c.writeFile(SpecFiles.storePath(c.prog, r.specOut), WparCodec.format(w, true));
        }
    }

    static void checkHostname(String prog, String h) {
        if (!HostNames.valid(h)) {
            throw AixException.of("host.bad", prog, Names.printable(h));
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

    static String conflictOwner(Transaction c, Wpar w, Wpar.Network n) {
        String a = addr(n);
        for (Host.Interface i : c.host().interfaces) {
            if (a.equals(i.address)) {
                return Messages.get("owner.global");
            }
        }
        for (Wpar.Network other : w.networks) {
            if (addr(other).equals(a)) {
                return Messages.get("owner.wpar", w.name);
            }
        }
        String owner = c.addressOwner(a);
        return owner == null ? null : Messages.get("owner.wpar", owner);
    }

    /** Who holds a WPAR's address at start time: the global environment or another running WPAR. */
    private static String activeOwner(Transaction c, Wpar w, Wpar.Network n) {
        String a = addr(n);
        for (Host.Interface i : c.host().interfaces) {
            if (a.equals(i.address)) {
                return Messages.get("owner.global");
            }
        }
        String other = c.addressOwner(a);
        if (other != null && !other.equals(w.name) && c.entry(other).state().isRunning()) {
            return Messages.get("owner.wpar", other);
        }
        return null;
    }

    static String addr(Wpar.Network n) {
        return n.address.isEmpty() ? n.address6 : n.address;
    }

    public static void warn125(Console con, String prog, Wpar.Network n) {
        con.errln(Messages.get("banner"));
        con.errln(Messages.get("banner.warning"));
        con.warn("net.warn125", prog, n.address, n.netmask);
        con.errln("");
        con.errln(Messages.get("banner"));
    }

    static void addDevice(Transaction c, Wpar w, Wpar.Device dev, boolean overwrite, boolean dry) {
        String prog = c.prog;
        Host host = c.host();
        for (Wpar.Device d : w.devices) {
            if (d.devname.equals(dev.devname)) {
                throw AixException.of("dev.twice", prog, dev.devname);
            }
        }
        if (dry) {
            w.devices.add(dev);
            return;
        }
        Host.Disk disk = host.disk(dev.devname);
        if (disk != null) {
            if (disk.wpar != null) {
                throw AixException.of("dev.inuse", prog, disk.name, Messages.get("owner.wpar", disk.wpar));
            }
            if (!"None".equals(disk.vg)) {
                if (disk.vg.equals("rootvg") || !overwrite) {
                    throw AixException.of("dev.hasvg", prog, disk.name, disk.vg);
                }
            }
            disk.wpar = w.name;
            disk.vg = "None";
            if ("yes".equals(dev.rootvg) && "none".equals(disk.pvid)) {
                disk.pvid = Text.hex(host.nextId(), 16);
            }
        }
        Host.Adapter ad = host.adapter(dev.devname);
        if (ad != null) {
            if (ad.wpar != null) {
                throw AixException.of("dev.inuse", prog, ad.name, Messages.get("owner.wpar", ad.wpar));
            }
            ad.wpar = w.name;
        }
        w.devices.add(dev);
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

    /** Creates the logical volumes of the local file systems, in mount order. */
    private static void allocate(Transaction c, Wpar w, Host host, List<Wpar.Mount> mounts) {
        for (Wpar.Mount m : mounts) {
            if (!m.hasLv() || !m.dev.isEmpty()) {
                continue;
            }
            String vgName = m.vg.isEmpty() ? w.vg : m.vg;
            Host.VolumeGroup vg = host.vg(vgName);
            int pps = (m.sizeMb + vg.ppSizeMb - 1) / vg.ppSizeMb;
            int free = host.totalPps(vg) - host.usedPps(vg);
            if (pps > free) {
                throw AixException.of("vg.nospace", c.prog, vgName, pps, free);
            }
            vg.wparPps += pps;
            m.sizeMb = pps * vg.ppSizeMb;
            m.vg = vgName;
            m.dev = "/dev/" + host.allocateFslv();
        }
    }

    /** Applies -S attributes (secfile=, privs=, privs+=, privs-=) to a new or existing WPAR. */
    static void applySecurity(String prog, Wpar w, Map<String, String> sec) {
        List<String> privs = new ArrayList<>(w.privileges.isEmpty() ? WparDefaults.get().privileges() : w.privileges);
        if (sec.containsKey("secfile")) {
            String f = sec.get("secfile");
            if (!f.startsWith("/")) {
                throw AixException.of("path.relative", prog, f);
            }
            w.secfile = f;
        }
        if (sec.containsKey("privs")) {
            privs = privList(prog, sec.get("privs"));
        }
        if (sec.containsKey("privs+")) {
            for (String p : privList(prog, sec.get("privs+"))) {
                if (!privs.contains(p)) {
                    privs.add(p);
                }
            }
        }
        if (sec.containsKey("privs-")) {
            privs.removeAll(privList(prog, sec.get("privs-")));
        }
        w.privileges.clear();
        if (!privs.equals(WparDefaults.get().privileges())) {
            w.privileges.addAll(privs);
        }
    }

    static List<String> privList(String prog, String v) {
        List<String> out = new ArrayList<>();
        for (String p : v.split(",")) {
            String s = p.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (!s.matches("PV_[A-Z0-9_]*")) {
                throw AixException.of("sec.badpriv", prog, Names.printable(s));
            }
            out.add(s);
        }
        return out;
    }

    private static void printCreation(Console con, String prog, Wpar w, Host host) {
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
            con.say("mk.installp.finished", 2 + roots.size());
            con.outln("");
            con.say("mk.installp.rule");
            con.say("mk.installp.summaries");
            con.say("mk.installp.rule");
            con.outln("");
            con.say("mk.installp.summary");
            con.say("mk.installp.summaryrule");
            con.say("mk.installp.header");
            con.say("mk.installp.headerrule");
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

    // ---- start -------------------------------------------------------------------------

    public static void start(Transaction c, String name, boolean maintenance, boolean autoResolve, boolean verbose) {
        String prog = c.prog;
        Wpar w = c.wpar(name);
        Host host = c.hostForUpdate();
        switch (w.state) {
            case DEFINED -> {
            }
            case ACTIVE -> throw AixException.of("start.active", prog, name);
            case MAINTENANCE -> throw AixException.of("start.maint", prog, name);
            default -> throw AixException.of("start.state", prog, name, w.state.word);
        }
        for (java.util.Iterator<Wpar.Network> it = w.networks.iterator(); it.hasNext();) {
            Wpar.Network n = it.next();
            if (Attrs.offNetwork(n, host)) {
                warn125(c.con, "ckwpar", n);
            }
            if (host.iface(n.iface) == null) {
                throw AixException.of("net.noiface", prog, n.iface);
            }
            String owner = activeOwner(c, w, n);
            if (owner != null) {
                if (!autoResolve) {
                    throw AixException.of("net.inuse", prog, addr(n), owner);
                }
                // -a resolves the conflict: the WPAR starts, and stays, without that address
                c.con.warn("net.dropped", prog, addr(n), owner);
                it.remove();
            }
        }
        for (Wpar.Device d : w.devices) {
            if (d.devtype.equals("disk") && host.disk(d.devname) == null
                    || d.devtype.equals("adapter") && host.adapter(d.devname) == null) {
                throw AixException.of("dev.notfound", prog, d.devname);
            }
        }
        Console con = c.con;
        con.say("start.starting", name);
        con.say("start.mounting");
        if (verbose) {
            for (Wpar.Mount m : w.mounts) {
                con.say("start.mountone", w.globalPath(m.directory));
            }
        }
        con.say("start.loading");
        if (!maintenance) {
            for (Wpar.Route r : w.routes) {
                con.say("start.route", r.rtgateway, r.rttype.equals("host") ? "host" : "net",
                        r.isDefault() ? "default" : r.rtdest, r.rtgateway);
            }
        }
        con.say("start.devices");
        con.say("start.kexts");
        if (maintenance) {
            con.say("start.maintdone", name);
            w.state = State.MAINTENANCE;
            w.pid = 0;
        } else {
            con.say("start.subsys", "cor_" + name);
            w.pid = host.nextPid();
            con.say("src.started", "cor_" + name, w.pid);
            con.say("start.verifying");
            w.state = State.ACTIVE;
        }
        w.startTime = HostClock.aixDate(host, c.now());
        FileSystems.mountAll(c, w);
        Bootsets.onStart(w);
        if (verbose) {
            con.say("status.success");
        }
        c.save(w);
    }

    // ---- stop --------------------------------------------------------------------------

    /** Options of stopwpar/rebootwpar. timeout -1: none (-N). */
    public record StopOptions(boolean hard, boolean force, boolean restart, int timeout, boolean verbose,
            boolean quiet) {
        public StopOptions(boolean hard, boolean force, boolean restart, int timeout, boolean verbose) {
            this(hard, force, restart, timeout, verbose, false);
        }
    }

    public static void stop(Transaction c, String name, StopOptions o) {
        String prog = c.prog;
        Wpar w = c.wpar(name);
        if (!w.state.isRunning() && !(o.force && w.state == State.BROKEN)) {
            throw AixException.of("stop.notactive", prog, name);
        }
        if (o.restart && w.type == 'A') {
            throw AixException.of("stop.restartapp", prog, name);
        }
        Console con = c.con;
        con.say("stop.stopping", name);
        if (w.state == State.ACTIVE && w.type == 'S') {
            con.say("stop.subsys", "cor_" + name);
            con.say("src.stopped", "cor_" + name);
            if (!o.force && o.timeout >= 0) {
                // rmwpar -s and rebootwpar run stopwpar, whose name prefixes this line
                con.say("stop.waiting", "stopwpar", o.timeout);
            }
        }
        con.say("stop.shutdown");
        con.say("stop.unmounting");
        if (o.verbose) {
            for (int i = w.mounts.size() - 1; i >= 0; i--) {
                con.say("stop.umountone", w.globalPath(w.mounts.get(i).directory));
            }
        }
        w.state = State.DEFINED;
        w.pid = 0;
        w.startTime = "";
        FileSystems.unmountAll(c, w);
        if (o.verbose && !o.restart && !o.quiet) {
            con.say("status.success");
        }
        if (w.type == 'A') {
            c.delete(name);
            return;
        }
        c.save(w);
        if (o.restart) {
            start(c, name, false, false, o.verbose);
        }
    }

    // ---- remove ------------------------------------------------------------------------

    public static void remove(Transaction c, String name, boolean stopFirst, boolean force, boolean preserve,
            boolean verbose) {
        String prog = c.prog;
        Wpar w = c.wpar(name);
        if (preserve && w.rootvg) {
            throw AixException.of("rm.preserverootvg", prog, name);
        }
        if (preserve && w.type == 'A') {
            throw AixException.of("rm.preserveapp", prog, name);
        }
        if (w.state.isRunning()) {
            if (!stopFirst && !force) {
                throw AixException.of("rm.active", prog, name);
            }
            stop(c, name, new StopOptions(false, force, false, 600, verbose, true));
            if (w.type == 'A') {
                return;
            }
            w = c.wpar(name);
        } else if (w.state != State.DEFINED && !force) {
            throw AixException.of("rm.state", prog, name, w.state.word);
        }
        Host host = c.hostForUpdate();
        Console con = c.con;
        FileSystems.unmountAll(c, w);
        if (preserve) {
            Wpar keep = new Wpar();
            keep.name = w.name;
            keep.hostname = w.hostname;
            keep.directory = w.directory;
            keep.privateUsr = w.privateUsr;
            keep.vg = w.vg;
            keep.mounts.addAll(w.mounts);
            keep.resources.clear();
            c.savePreserved(keep);
        } else {
            for (int i = w.mounts.size() - 1; i >= 0; i--) {
                Wpar.Mount m = w.mounts.get(i);
                con.say("rm.removing", prog, w.globalPath(m.directory));
                if (m.hasLv() && m.dev.startsWith("/dev/")) {
                    String lv = m.dev.substring(5);
                    Host.VolumeGroup vg = host.vg(m.vg.isEmpty() ? w.vg : m.vg);
                    if (vg != null) {
                        vg.wparPps = Math.max(0, vg.wparPps - (m.sizeMb + vg.ppSizeMb - 1) / vg.ppSizeMb);
                    }
                    host.releaseLv(lv);
                    con.say("rm.rmlv", lv);
                }
            }
        }
        host.moveDevices(name, null);
        if (verbose) {
            con.say("status.success");
        }
        c.delete(name);
    }
}
