package smittywpar.wpar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import smittywpar.base.Text;
import smittywpar.host.Host;
import smittywpar.host.HostClock;
import smittywpar.host.HostNames;
import smittywpar.msg.AixException;
import smittywpar.msg.Messages;

/**
 * The system WPAR life cycle after creation (see {@link Creation}): start, stop, reboot, remove,
 * and the rules mkwpar and chwpar share (host names, address conflicts, device exports,
 * privileges). Runs inside one transaction.
 */
public final class Lifecycle {
    private Lifecycle() {
    }

    // ---- rules mkwpar and chwpar share ---------------------------------------------------

    static void checkHostname(String prog, String h) {
        if (!HostNames.valid(h)) {
            throw AixException.of("host.bad", prog, Names.printable(h));
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
        if (maintenance && w.type == 'A') {
            throw AixException.of("start.maintapp", prog, name);
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
                    || (d.devtype.equals("adapter") || d.devtype.equals("cdrom") || d.devtype.equals("tape"))
                    && host.adapter(d.devname) == null) {
                throw AixException.of("dev.notfound", prog, d.devname);
            }
            if (d.devtype.equals("disk") && Host.DEFINED.equals(host.disk(d.devname).status)
                    || d.devtype.equals("adapter") && Host.DEFINED.equals(host.adapter(d.devname).status)) {
                throw AixException.of("dev.defined", prog, d.devname);
            }
        }
        Software.warnOutOfSync(c.con, w, host);
        Console con = c.con;
        con.say("start.starting", name);
        if (w.type == 'A') {
            // an application WPAR has no devices, kernel extensions or cor_ subsystem: it runs its application
            Applications.load(c, w, verbose);
            if (verbose) {
                con.say("status.success");
            }
            return;
        }
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
            Processes.boot(c, w);
        }
        w.startTime = HostClock.aixDate(host, c.epochNow());
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
        Processes.halt(c, w);
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

    /** The UUID -U gives: a new one for "", else the one given (in lower case), checked. */
    static String uuid(String prog, Host host, String u) {
        if (u.isEmpty()) {
            return host.nextUuid();
        }
        if (!Attribute.UUID.type.valid(u)) {
            throw AixException.of("ch.baduuid", prog, Names.printable(u));
        }
        return u.toLowerCase(Locale.ROOT);
    }

    /** -P: reads the new root password twice; refuses none and two that differ (it is not kept). */
    static void password(String prog, WparRequest r) {
        String a = r.prompt == null ? null : r.prompt.apply(Messages.get("pw.new"));
        String b = a == null ? null : r.prompt.apply(Messages.get("pw.again"));
        if (a == null || b == null || a.isEmpty()) {
            throw AixException.of("pw.none", prog);
        }
        if (!a.equals(b)) {
            throw AixException.of("pw.mismatch", prog);
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
            // the root part kept in the preserved file systems comes back with mkwpar -p
            keep.set(Attribute.SOFTWARE, w.get(Attribute.SOFTWARE));
            keep.resources.clear();
            c.savePreserved(keep);
        } else {
            for (int i = w.mounts.size() - 1; i >= 0; i--) {
                Wpar.Mount m = w.mounts.get(i);
                con.say("rm.removing", prog, w.globalPath(m.directory));
                String lv = LogicalVolumes.release(host, w, m);
                if (lv != null) {
                    con.say("rm.rmlv", lv);
                }
            }
            Inside.destroy(c, w);
        }
        for (Wpar.Bootset b : w.bootsets) {
            for (String lv : Bootsets.release(host, w, b)) {
                con.say("rm.rmlv", lv);
            }
        }
        host.moveDevices(name, null);
        if (verbose) {
            con.say("status.success");
        }
        c.delete(name);
    }
}
