package smittywpar.wpar;

import java.util.ArrayList;
import java.util.List;

import smittywpar.store.Stanza;
import smittywpar.store.StanzaFile;

/**
 * Converts a {@link Wpar} to and from stanza text. The same layout serves the per-WPAR state file
 * ({@code wpars/NAME.cf}, like AIX's /etc/wpars/NAME.cf) and, without the run-time and usage
 * attributes, specification files written by {@code mkwpar -o}.
 */
public final class WparCodec {
    private WparCodec() {
    }

    /** A problem in a WPAR file: line (1-based, 0 when unknown) and reason. */
    public static final class BadWpar extends Exception {
        private static final long serialVersionUID = 1L;
        public final int line;

        public BadWpar(int line, String reason) {
            super(reason, null, false, false);
            this.line = line;
        }
    }

    static final int BLOCKS_PER_MB = 2048;

    public static String format(Wpar w, boolean spec) {
        List<Stanza> out = new ArrayList<>();
        Stanza g = new Stanza("general").put("name", w.name);
        g.put("hostname", w.hostname).put("directory", w.directory);
        if (!spec) {
            g.put("state", String.valueOf(w.state.letter));
        }
        g.put("type", String.valueOf(w.type)).put("owner", w.owner).putIfSet("script", w.script)
                .putIfSet("application", w.application).put("rootvgwpar", yn(w.rootvg)).put("auto", yn(w.auto)).put("privateusr", yn(w.privateUsr))
                .put("checkpointable", yn(w.checkpointable)).put("routing", yn(w.routing))
                .put("xwparipc", yn(w.xwparipc)).putIfSet("vipwpar", w.vipwpar).put("ostype", w.ostype)
                .put("architecture", w.architecture).put("vg", w.vg).put("devices", w.devexports)
                .putIfSet("bootlist", w.bootlist);
        if (!spec && w.booted != 0) {
            g.put("booted", w.booted);
        }
        if (!spec || !w.uuid.isEmpty()) {
            g.put("uuid", w.uuid);
        }
        out.add(g);
        for (Wpar.Network n : w.networks) {
            out.add(new Stanza("network").putIfSet("interface", n.iface).putIfSet("address", n.address)
                    .putIfSet("netmask", n.netmask).putIfSet("broadcast", n.broadcast)
                    .putIfSet("address6", n.address6).putIfSet("prefixlen", n.prefixlen));
        }
        for (Wpar.Route r : w.routes) {
            out.add(new Stanza("route").putIfSet("rtdest", r.rtdest).putIfSet("rtgateway", r.rtgateway)
                    .putIfSet("rtinterface", r.rtinterface).putIfSet("rtnetmask", r.rtnetmask)
                    .putIfSet("rtprefixlen", r.rtprefixlen).putIfSet("rttype", r.rttype)
                    .putIfSet("rtfamily", r.rtfamily));
        }
        for (Wpar.Mount m : w.mounts) {
            // a specification file leaves logical volume names to the new WPAR's mkwpar
            Stanza s = new Stanza("mount").put("directory", m.directory).put("vfs", m.vfs)
                    .putIfSet("dev", spec && m.hasLv() ? "" : m.dev)
                    .putIfSet("host", m.host).putIfSet("mountopts", m.mountopts);
            if (m.sizeMb > 0) {
                s.put("size", (long) m.sizeMb * BLOCKS_PER_MB);
            }
            s.putIfSet("vg", m.vg).putIfSet("logname", m.logname).putIfSet("crfsopts", m.crfsopts)
                    .putIfSet("mode", m.mode);
            if (!spec && m.hasLv()) {
                s.put("used", m.usedMb).put("iused", m.iused).put("ipct", m.ipct);
            }
            if (!spec && m.mounted != w.state.isRunning()) {
                s.put("mounted", yn(m.mounted));
            }
            if (!spec) {
                s.putIfSet("mounted_at", m.mountedAt);
            }
            out.add(s);
        }
        Stanza res = new Stanza("resources");
        res.put("active", w.resources.getOrDefault("active", "yes"));
        for (var e : w.resources.entrySet()) {
            if (!e.getKey().equals("active")) {
                res.put(e.getKey(), e.getValue());
            }
        }
        out.add(res);
        Stanza sec = new Stanza("security").put("secfile", w.secfile);
        if (!w.privileges.isEmpty()) {
            sec.put("privs", String.join(",", w.privileges));
        }
        out.add(sec);
        for (Wpar.Device d : w.devices) {
            out.add(new Stanza("device").put("devname", d.devname).putIfSet("devtype", d.devtype)
                    .putIfSet("devid", d.devid).putIfSet("export", d.export.equals("yes") ? "" : d.export)
                    .putIfSet("rootvg", d.rootvg).putIfSet("vdevname", d.vdevname));
        }
        for (Wpar.Kext k : w.kexts) {
            out.add(new Stanza("extension").put("kext", k.kext).put("local", k.local).put("major", k.major)
                    .put("exportonly", k.exportonly));
        }
        for (Wpar.Bootset b : w.bootsets) {
            out.add(new Stanza("bootset").put("id", b.id).put("devices", String.join(" ", b.disks)));
        }
        if (!spec && (w.pid != 0 || !w.startTime.isEmpty() || !w.operation.equals("none"))) {
            out.add(new Stanza("runtime").put("pid", w.pid).put("start_time", w.startTime)
                    .put("operation", w.operation));
        }
        return StanzaFile.format(out);
    }

    private static String yn(boolean b) {
        return b ? "yes" : "no";
    }

    public static Wpar parse(String text) throws BadWpar {
        return parse(text, false);
    }

    /** Parses a WPAR file, or with {@code spec} a specification file (where the name may be absent). */
    public static Wpar parse(String text, boolean spec) throws BadWpar {
        List<Stanza> stanzas;
        try {
            stanzas = StanzaFile.parse(text);
        } catch (StanzaFile.SyntaxException e) {
            throw new BadWpar(e.line(), e.getMessage());
        }
        Wpar w = new Wpar();
        boolean general = false;
        for (Stanza s : stanzas) {
            switch (s.name()) {
                case "general" -> {
                    general = true;
                    w.name = s.get("name");
                    if (w.name == null && !spec) {
                        throw new BadWpar(s.line(), "the general stanza lacks 'name'");
                    }
                    String st = s.get("state", "D");
                    w.state = st.length() == 1 ? State.ofLetter(st.charAt(0)) : null;
                    if (w.state == null) {
                        throw new BadWpar(s.line(), "unknown state '" + st + "'");
                    }
                    String t = s.get("type", "S");
                    if (!t.equals("S") && !t.equals("A")) {
                        throw new BadWpar(s.line(), "unknown type '" + t + "'");
                    }
                    w.type = t.charAt(0);
                    w.hostname = s.get("hostname", spec ? null : w.name);
                    w.directory = s.get("directory", spec ? null : w.type == 'A' ? "/" : "/wpars/" + w.name);
                    w.owner = s.get("owner", "root");
                    w.script = s.get("script", "");
                    w.application = s.get("application", "");
                    w.rootvg = yes(s, "rootvgwpar");
                    w.auto = yes(s, "auto");
                    w.privateUsr = yes(s, "privateusr");
                    w.checkpointable = yes(s, "checkpointable");
                    w.routing = yes(s, "routing");
                    w.xwparipc = yes(s, "xwparipc");
                    w.vipwpar = s.get("vipwpar", "");
                    w.ostype = s.get("ostype", "0");
                    w.architecture = s.get("architecture", "none");
                    w.uuid = s.get("uuid", "");
                    w.vg = s.get("vg", "rootvg");
                    w.devexports = s.get("devices", "/etc/wpars/devexports");
                    w.bootlist = s.get("bootlist", "");
                    w.booted = (int) num(s, "booted", 0);
                }
                case "network" -> {
                    Wpar.Network n = new Wpar.Network();
                    n.iface = s.get("interface", "");
                    n.address = s.get("address", "");
                    n.netmask = s.get("netmask", "");
                    n.broadcast = s.get("broadcast", "");
                    n.address6 = s.get("address6", "");
                    n.prefixlen = s.get("prefixlen", "");
                    w.networks.add(n);
                }
                case "route" -> {
                    Wpar.Route r = new Wpar.Route();
                    r.rtdest = s.get("rtdest", "");
                    r.rtgateway = s.get("rtgateway", "");
                    r.rtinterface = s.get("rtinterface", "");
                    r.rtnetmask = s.get("rtnetmask", "");
                    r.rtprefixlen = s.get("rtprefixlen", "");
                    r.rttype = s.get("rttype", "");
                    r.rtfamily = s.get("rtfamily", "");
                    w.routes.add(r);
                }
                case "mount" -> {
                    Wpar.Mount m = new Wpar.Mount();
                    m.directory = s.get("directory", "");
                    if (m.directory.isEmpty()) {
                        throw new BadWpar(s.line(), "a mount stanza lacks 'directory'");
                    }
                    m.vfs = s.get("vfs", "jfs2");
                    m.dev = s.get("dev", "");
                    m.host = s.get("host", "");
                    m.mountopts = s.get("mountopts", "");
                    m.sizeMb = (int) (num(s, "size", 0) / BLOCKS_PER_MB);
                    m.vg = s.get("vg", "");
                    m.logname = s.get("logname", "");
                    m.crfsopts = s.get("crfsopts", "");
                    m.mode = s.get("mode", "");
                    m.usedMb = (int) num(s, "used", 0);
                    m.iused = num(s, "iused", 0);
                    m.ipct = (int) num(s, "ipct", 0);
                    String mounted = s.get("mounted");
                    m.mounted = mounted == null ? w.state.isRunning() : mounted.equals("yes");
                    m.mountedAt = s.get("mounted_at", "");
                    w.mounts.add(m);
                }
                case "resources" -> {
                    for (var e : s.attrs().entrySet()) {
                        w.resources.put(e.getKey(), e.getValue());
                    }
                }
                case "security" -> {
                    w.secfile = s.get("secfile", "/etc/wpars/secattrs");
                    String p = s.get("privs", "");
                    if (!p.isEmpty()) {
                        for (String x : p.split(",")) {
                            if (!x.isBlank()) {
                                w.privileges.add(x.strip());
                            }
                        }
                    }
                }
                case "device" -> {
                    Wpar.Device d = new Wpar.Device();
                    d.devname = s.get("devname", "");
                    d.devtype = s.get("devtype", "");
                    d.devid = s.get("devid", "");
                    d.export = s.get("export", "yes");
                    d.rootvg = s.get("rootvg", "");
                    d.vdevname = s.get("vdevname", "");
                    w.devices.add(d);
                }
                case "extension" -> {
                    Wpar.Kext k = new Wpar.Kext();
                    k.kext = s.get("kext", "");
                    k.local = s.get("local", "no");
                    k.major = s.get("major", "no");
                    k.exportonly = s.get("exportonly", "no");
                    w.kexts.add(k);
                }
                case "bootset" -> {
                    Wpar.Bootset b = new Wpar.Bootset();
                    b.id = (int) num(s, "id", -1);
                    if (b.id < 1) {
                        throw new BadWpar(s.line(), "a bootset stanza needs an id of 1 or more");
                    }
                    for (String d : s.get("devices", "").split(" ")) {
                        if (!d.isEmpty()) {
                            b.disks.add(d);
                        }
                    }
                    w.bootsets.add(b);
                }
                case "runtime" -> {
                    w.pid = (int) num(s, "pid", 0);
                    w.startTime = s.get("start_time", "");
                    w.operation = s.get("operation", "none");
                }
                default -> throw new BadWpar(s.line(), "unknown stanza '" + s.name() + "'");
            }
        }
        if (!general) {
            throw new BadWpar(0, "the general stanza is missing");
        }
        return w;
    }

    private static boolean yes(Stanza s, String key) {
        return "yes".equals(s.get(key));
    }

    private static long num(Stanza s, String key, long dflt) throws BadWpar {
        String v = s.get(key);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new BadWpar(s.line(), "'" + key + "' is not a number: '" + v + "'");
        }
    }
}
