package smittywpar.wpar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import smittywpar.host.Host;
import smittywpar.msg.AixException;
import smittywpar.msg.Messages;

/**
 * chwpar: changes (or with -K removes) the characteristics of one workload partition, inside one
 * transaction. Everything is checked before anything is printed; a refused change leaves the
 * state as it was. Only the named WPAR's record, its index line and the host are read.
 *
 * <p>State rules (AIX: "You can change most options whether the workload partition is running";
 * -n and -d are refused on a running WPAR): -n, -d, -c and -H need the Defined state, unless the
 * value given is the current one (a Change/Show dialog may pass back what it showed). Every other
 * change applies to an Active WPAR at once (addresses, routes, mounts, devices, resource controls).
 */
public final class Changes {
    private final Transaction c;
    private final String prog;
    private final ChangeRequest r;
    private final Wpar w;
    private final String oldName;
    /** A line of output, printed only when every change has been checked. */
    private record Line(boolean err, String text) {
    }

    private final List<Line> output = new ArrayList<>();
    private final MountChanges mounts;

    private Changes(Transaction c, ChangeRequest r) {
        this.c = c;
        this.prog = c.prog;
        this.r = r;
        this.w = c.wpar(r.name);
        this.oldName = w.name;
        this.mounts = new MountChanges(this, c, w);
    }

    /** Applies the request to the WPAR it names. */
    public static void apply(Transaction c, ChangeRequest r) {
        new Changes(c, r).run();
    }

    private void run() {
        Attrs.asciiOnly(prog, r);
        checkType();
        if (r.verbose) {
            say("ch.verbose", prog, w.name);
        }
        if (r.remove) {
            removals();
        } else {
            changes();
        }
        if (r.get(Attribute.NAME) != null && !r.get(Attribute.NAME).equals(oldName)) {
            rename();
        } else {
            c.save(w);
        }
        Console con = c.con;
        for (Line line : output) {
            if (line.err()) {
                con.errln(line.text());
            } else {
                con.outln(line.text());
            }
        }
    }

    void say(String key, Object... args) {
        output.add(new Line(false, Messages.get(key, args)));
    }

    private void warnLine(String text) {
        output.add(new Line(true, text));
    }

    // ---- checks common to both forms -------------------------------------------------------

    /** Flags that do not apply to application WPARs (they have no devices, mounts or boot). */
    private void checkType() {
        if (w.type != 'A') {
            return;
        }
        List<Character> bad = new ArrayList<>();
        if (r.has(Attribute.AUTO)) {
            bad.add('A');
        }
        if (r.has(Attribute.BOOTLIST)) {
            bad.add('b');
        }
        if (!r.bootsets.isEmpty()) {
            bad.add('B');
        }
        if (r.has(Attribute.DIRECTORY)) {
            bad.add('d');
        }
        if (!r.devices.isEmpty()) {
            bad.add('D');
        }
        if (!r.mounts.isEmpty()) {
            bad.add('M');
        }
        if (r.password) {
            bad.add('P');
        }
        if (!bad.isEmpty()) {
            throw AixException.of("ch.app", prog, bad.get(0), w.name);
        }
    }

    /** Refuses a change that needs the Defined state; {@code what} completes "... to". */
    private void requireDefined(String what) {
        if (w.state != State.DEFINED) {
            throw AixException.of("ch.needdefined", prog, w.name, what, w.state.word);
        }
    }

    private Host host() {
        return c.hostForUpdate();
    }

    /** Yes/no attributes that change in any state and need no check: -A, -i and -x (-K: set to no). */
    private static final Attribute[] SWITCHES = {Attribute.AUTO, Attribute.ROUTING, Attribute.XWPARIPC};

    private void switches(String value) {
        for (Attribute a : SWITCHES) {
            if (r.has(a)) {
                w.set(a, value);
            }
        }
    }

    // ---- chwpar without -K ------------------------------------------------------------------

    private void changes() {
        String newName = r.get(Attribute.NAME);
        if (newName != null && !newName.equals(w.name)) {
            Names.check(prog, newName);
            requireDefined(Messages.get("ch.what.n"));
            if (c.exists(newName)) {
                throw AixException.of("wpar.exists", prog, newName);
            }
        }
        String directory = r.get(Attribute.DIRECTORY);
        if (directory != null && !directory.equals(w.directory)) {
            requireDefined(Messages.get("ch.what.d"));
            directory(directory);
        }
        if (r.has(Attribute.HOSTNAME)) {
            Lifecycle.checkHostname(prog, r.get(Attribute.HOSTNAME));
            w.hostname = r.get(Attribute.HOSTNAME);
        }
        String script = r.get(Attribute.SCRIPT);
        if (script != null) {
            if (!script.isEmpty() && !script.startsWith("/")) {
                throw AixException.of("path.relative", prog, script);
            }
            w.script = script;
        }
        switches("yes");
        if (r.has(Attribute.CHECKPOINTABLE) && !w.checkpointable) {
            requireDefined(Messages.get("ch.what.c"));
            if (c.host().fileset("mcr.rte") == null) {
                throw AixException.of("ckpt.nosoftware", prog);
            }
            w.checkpointable = true;
        }
        if (r.has(Attribute.ARCHITECTURE)) {
            architecture(r.get(Attribute.ARCHITECTURE));
        }
        if (r.has(Attribute.UUID)) {
            w.uuid = Lifecycle.uuid(prog, host(), r.get(Attribute.UUID));
        }
        for (Map<String, String> a : r.networks) {
            addNetwork(a);
        }
        for (Map<String, String> a : r.routes) {
            addRoute(a);
        }
        for (Map<String, String> a : r.mounts) {
            mounts.add(a);
        }
        for (Map<String, String> a : r.devices) {
            addDevice(a);
        }
        if (r.resourcesGiven) {
            for (var e : Resources.parse(prog, r.resources).entrySet()) {
                if (e.getValue().isEmpty()) {
                    w.resources.remove(e.getKey());
                } else {
                    w.resources.put(e.getKey(), e.getValue());
                }
            }
            Resources.checkCombination(prog, w.resources);
        }
        if (r.securityGiven) {
            Lifecycle.applySecurity(prog, w, r.security);
        }
        for (Map<String, String> a : r.kexts) {
            addKext(a);
        }
        if (!r.bootsets.isEmpty()) {
            Bootsets.add(prog, w, host(), r.bootsets, false);
        }
        if (r.has(Attribute.BOOTLIST)) {
            Bootsets.setBootlist(prog, w, r.get(Attribute.BOOTLIST));
        }
        if (r.password) {
            Lifecycle.password(prog, r);
        }
    }

    private void directory(String d) {
        if (!d.startsWith("/") || d.contains("//") || d.contains("/./") || d.contains("/..") || d.contains(" ")
                || d.contains("\t") || d.length() > 1 && d.endsWith("/")) {
            throw AixException.of("dir.bad", prog, Names.printable(d));
        }
        for (Host.FileSystem fs : c.host().filesystems) {
            if (fs.mount.equals(d) || d.equals("/")) {
                throw AixException.of("dir.global", prog, d);
            }
        }
        String owner = c.directoryOwner(d);
        if (owner != null) {
            throw AixException.of("dir.inuse", prog, d, owner);
        }
        for (String p : c.preservedNames()) {
            Wpar pw = c.preserved(p);
            if (pw != null && pw.directory.equals(d)) {
                throw AixException.of("dir.preserved", prog, d, p);
            }
        }
        for (Wpar.Mount m : w.mounts) {
            if (m.mounted) {
                throw AixException.of("ch.mounted", prog, w.name);
            }
        }
        Inside.relocate(c, w.directory, d);
        w.directory = d;
    }

    private void architecture(String a) {
        if (!Attribute.ARCHITECTURE.type.valid(a)) {
            throw AixException.of("ch.badarch", prog, Names.printable(a),
                    String.join(" ", Attribute.ARCHITECTURE.type.choices()));
        }
        if (a.equals(w.architecture)) {
            return;
        }
        requireDefined(Messages.get("ch.what.H"));
        if (!w.checkpointable && !a.equals("none")) {
            throw AixException.of("ch.archckpt", prog, w.name);
        }
        w.architecture = a;
    }

    private void addNetwork(Map<String, String> given) {
        Host h = c.host();
        String key = given.getOrDefault("address", given.getOrDefault("address6", ""));
        Wpar.Network old = key.isEmpty() ? null : network(key);
        Wpar.Network n;
        if (old == null) {
            n = Attrs.network(prog, given, h);
            String owner = Lifecycle.conflictOwner(c, w, n);
            if (owner != null) {
                if (!r.autoResolve) {
                    throw AixException.of("net.inuse", prog, Lifecycle.addr(n), owner);
                }
                warnLine(Messages.get("net.dropped", prog, Lifecycle.addr(n), owner));
                return;
            }
            w.networks.add(n);
        } else {
            Map<String, String> merged = new LinkedHashMap<>();
            for (Attribute a : Attribute.Section.NETWORK.attributes()) {
                merged.put(a.key, a.get(old));
            }
            if (given.containsKey("netmask") && !given.containsKey("broadcast")) {
                merged.put("broadcast", "");
            }
            merged.putAll(given);
            merged.values().removeIf(String::isEmpty);
            n = Attrs.network(prog, merged, h);
            w.networks.set(w.networks.indexOf(old), n);
        }
        if (Attrs.offNetwork(n, h)) {
            warnLine(Messages.get("banner"));
            warnLine(Messages.get("banner.warning"));
            warnLine(Messages.get("net.warn125", prog, n.address, n.netmask));
            warnLine("");
            warnLine(Messages.get("banner"));
        }
    }

    private Wpar.Network network(String address) {
        for (Wpar.Network n : w.networks) {
            if (n.address.equals(address) || n.address6.equals(address)) {
                return n;
            }
        }
        return null;
    }

    private void addRoute(Map<String, String> given) {
        Wpar.Route nr = Attrs.route(prog, given, c.host());
        Wpar.Route old = route(nr.rtdest, nr.rtgateway, Map.of());
        if (old == null) {
            w.routes.add(nr);
            return;
        }
        // the same route again: its other attributes change (the interface it already goes out of
        // is no change: lswpar shows it for a route made without rtinterface=)
        for (Attribute a : Attribute.Section.ROUTE.attributes()) {
            if (a != Attribute.RTDEST && a != Attribute.RTGATEWAY && given.containsKey(a.key)
                    && !given.get(a.key).equals(a.shown(old, w))) {
                a.set(old, given.get(a.key));
            }
        }
    }

    /** The route to {@code dest} through {@code gateway} whose other given attributes match, or null. */
    private Wpar.Route route(String dest, String gateway, Map<String, String> also) {
        Wpar.Route probe = new Wpar.Route();
        probe.rtdest = dest;
        for (Wpar.Route x : w.routes) {
            boolean sameDest = x.rtdest.equals(dest) || x.isDefault() && probe.isDefault();
            if (sameDest && x.rtgateway.equals(gateway) && matches(w, x, also)) {
                return x;
            }
        }
        return null;
    }

    /** True when every attribute given besides the destination and gateway is the route's (as lswpar shows it). */
    private static boolean matches(Wpar w, Wpar.Route x, Map<String, String> given) {
        for (Attribute a : Attribute.Section.ROUTE.attributes()) {
            String v = given.get(a.key);
            if (a != Attribute.RTDEST && a != Attribute.RTGATEWAY && v != null && !v.equals(a.get(x))
                    && !v.equals(a.shown(x, w))) {
                return false;
            }
        }
        return true;
    }

    private void addDevice(Map<String, String> given) {
        Host h = host();
        Wpar.Device d = Attrs.device(prog, given, h);
        Wpar.Device old = device(d.devname);
        if (old != null) {
            if (given.containsKey("rootvg") && !d.rootvg.equals(old.rootvg)) {
                throw AixException.of("dev.rootvgchange", prog, d.devname);
            }
            if (given.containsKey("devid")) {
                old.devid = d.devid;
            }
            if (given.containsKey("export")) {
                old.export = d.export;
            }
            return;
        }
        if ("yes".equals(d.rootvg)) {
            throw AixException.of("dev.rootvgadd", prog);
        }
        for (Wpar.Bootset b : w.bootsets) {
            if (b.disks.contains(d.devname)) {
                throw AixException.of("dev.inuse", prog, d.devname, Messages.get("owner.bootset", b.id, w.name));
            }
        }
        Host.Disk disk = h.disk(d.devname);
        if (disk != null && disk.wpar == null && !"None".equals(disk.vg)) {
            throw AixException.of("dev.invg", prog, disk.name, disk.vg);
        }
        Lifecycle.addDevice(c, w, d, false, false);
    }

    /** The exported device called {@code name} ("hdisk1", "/dev/hdisk1" or "/dev/null"), or null. */
    private Wpar.Device device(String name) {
        String base = name.startsWith("/dev/") ? name.substring(5) : name;
        for (Wpar.Device d : w.devices) {
            if (d.devname.equals(name) || d.devname.equals(base)) {
                return d;
            }
        }
        return null;
    }

    private void addKext(Map<String, String> given) {
        Wpar.Kext k = Attrs.kext(prog, given);
        Wpar.Kext x = kext(k.kext);
        if (x == null) {
            w.kexts.add(k);
            return;
        }
        for (Attribute a : Attribute.Section.EXTENSION.attributes()) {
            if (a != Attribute.KEXT && given.containsKey(a.key)) {
                a.set(x, given.get(a.key));
            }
        }
    }

    private Wpar.Kext kext(String k) {
        for (Wpar.Kext x : w.kexts) {
            if (x.kext.equals(k)) {
                return x;
            }
        }
        return null;
    }

    // ---- chwpar -K ------------------------------------------------------------------------

    private void removals() {
        switches("no");
        if (r.has(Attribute.CHECKPOINTABLE) && w.checkpointable) {
            requireDefined(Messages.get("ch.what.c"));
            w.checkpointable = false;
            w.architecture = "none";
        }
        if (r.has(Attribute.SCRIPT)) {
            w.script = "";
        }
        for (Map<String, String> a : r.networks) {
            String addr = only(a, 'N', "address", "address6");
            Wpar.Network n = network(addr);
            if (n == null) {
                throw AixException.of("net.notconfigured", prog, Names.printable(addr), w.name);
            }
            w.networks.remove(n);
        }
        for (Map<String, String> a : r.routes) {
            String dest = a.get("rtdest");
            String gw = a.get("rtgateway");
            if (dest == null || gw == null) {
                throw AixException.of("route.needboth", prog);
            }
            Wpar.Route x = route(dest, gw, a);
            if (x == null) {
                throw AixException.of("route.notfound", prog, w.name, Names.printable(dest), Names.printable(gw));
            }
            w.routes.remove(x);
        }
        for (Map<String, String> a : r.mounts) {
            mounts.remove(only(a, 'M', "directory", null));
        }
        for (Map<String, String> a : r.devices) {
            removeDevice(only(a, 'D', "devname", null));
        }
        if (r.resourcesGiven) {
            if (r.resources.isEmpty()) {
                w.resources.clear();
            }
            for (String name : r.resources) {
                if (name.indexOf('=') >= 0) {
                    throw AixException.of("res.knames", prog, Names.printable(name), w.name);
                }
                if (Resources.attr(name) == null) {
                    throw new AixException(Resources.unknown(prog, name, ""));
                }
                w.resources.remove(name);
            }
        }
        if (r.securityGiven) {
            w.privileges.clear();
            w.secfile = "/etc/wpars/secattrs";
        }
        for (Map<String, String> a : r.kexts) {
            String k = only(a, 'X', "kext", null);
            Wpar.Kext x = kext(k);
            if (x == null) {
                throw AixException.of("kext.notfound", prog, Names.printable(k), w.name);
            }
            w.kexts.remove(x);
        }
        for (Map<String, String> a : r.bootsets) {
            for (String lv : Bootsets.remove(prog, w, host(), a)) {
                say("rm.rmlv", lv);
            }
        }
        if (r.has(Attribute.BOOTLIST)) {
            w.bootlist = "";
        }
    }

    /** The one attribute -K accepts for {@code flag} ({@code key}, or {@code alt}). */
    private String only(Map<String, String> a, char flag, String key, String alt) {
        String v = a.containsKey(key) ? a.get(key) : alt == null ? null : a.get(alt);
        if (v == null || a.size() != 1) {
            String form = alt == null ? key + "=" : key + "= (or " + alt + "=)";
            throw AixException.of("ch.konly", prog, flag, form);
        }
        return v;
    }

    private void removeDevice(String name) {
        Wpar.Device d = device(name);
        if (d == null) {
            throw AixException.of("dev.notexported", prog, Names.printable(name), w.name);
        }
        if ("yes".equals(d.rootvg)) {
            throw AixException.of("dev.rootvgremove", prog, d.devname, w.name);
        }
        w.devices.remove(d);
        Host h = host();
        Host.Disk disk = h.disk(d.devname);
        if (disk != null && w.name.equals(disk.wpar)) {
            disk.wpar = null;
        }
        Host.Adapter ad = h.adapter(d.devname);
        if (ad != null && w.name.equals(ad.wpar)) {
            ad.wpar = null;
        }
    }

    // ---- rename ----------------------------------------------------------------------------

    /** -n: the record, its index line and the host's references move to the new name. */
    private void rename() {
        Host h = host();
        String nn = r.get(Attribute.NAME);
        h.moveDevices(oldName, nn);
        if (h.wparMounts.remove(oldName)) {
            h.wparMounts.add(nn);
        }
        c.delete(oldName);
        w.name = nn;
        c.save(w);
    }
}
