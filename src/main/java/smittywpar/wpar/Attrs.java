package smittywpar.wpar;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import smittywpar.host.Host;
import smittywpar.host.Ip;
import smittywpar.msg.AixException;
import smittywpar.msg.Messages;

/**
 * The {@code attribute=value} arguments of -N, -I, -M, -D, -S and -X: parsing, validation and
 * conversion into WPAR configuration, shared by mkwpar, chwpar and wparexec.
 */
public final class Attrs {
    public static final List<String> NETWORK = List.of("interface", "address", "netmask", "broadcast", "address6",
            "prefixlen");
    public static final List<String> ROUTE = List.of("rtdest", "rtgateway", "rtinterface", "rtnetmask",
            "rtprefixlen", "rttype", "rtfamily");
    public static final List<String> MOUNT = List.of("directory", "vfs", "dev", "host", "mountopts", "size", "vg",
            "logname", "crfsopts", "mode");
    public static final List<String> DEVICE = List.of("devname", "devtype", "devid", "export", "rootvg",
            "xfactor");
    public static final List<String> SECURITY = List.of("secfile", "privs", "privs+", "privs-");
    public static final List<String> KEXT = List.of("kext", "local", "major", "exportonly");

    private Attrs() {
    }

    /**
     * Splits {@code attr=value} words into an ordered map, refusing malformed words, names not in
     * {@code allowed} and repeated names.
     */
    public static Map<String, String> parse(String prog, char flag, List<String> words, List<String> allowed) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String w : words) {
            int eq = w.indexOf('=');
            if (eq <= 0) {
                throw AixException.of("attr.malformed", prog, Names.printable(w), flag);
            }
            String key = w.substring(0, eq);
            String value = w.substring(eq + 1);
            if (!allowed.contains(key)) {
                throw new AixException(unknownText(prog, flag, key, allowed, words));
            }
            if (out.containsKey(key)) {
                throw AixException.of("attr.dup", prog, key, flag);
            }
            for (int i = 0; i < value.length(); i++) {
                if (value.charAt(i) < 32 || value.charAt(i) > 126) {
                    throw AixException.of("attr.badvalue", prog, key, Names.printable(value));
                }
            }
            out.put(key, value);
        }
        return out;
    }

    /**
     * The error for an unknown attribute, then hints: for every unknown attribute of the same flag
     * that the catalogue knows as a common mistake ({@code hint.attr.<flag>.<name>} or
     * {@code hint.attr.<name>}, e.g. type= for vfs=), or a name typed in the wrong case; else the
     * list of valid attributes.
     */
    private static String unknownText(String prog, char flag, String key, List<String> allowed, List<String> words) {
        StringBuilder text = new StringBuilder(Messages.get("attr.unknown", prog, Names.printable(key), flag));
        boolean hinted = false;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String w : words) {
            int eq = w.indexOf('=');
            String k = eq > 0 ? w.substring(0, eq) : "";
            if (k.isEmpty() || allowed.contains(k) || !seen.add(k) || !k.matches("[A-Za-z0-9_+-]+")) {
                continue;
            }
            String hint = null;
            for (String id : new String[] {"hint.attr." + flag + "." + k, "hint.attr." + k}) {
                if (hint == null && Messages.has(id)) {
                    hint = Messages.get(id, prog, flag);
                }
            }
            for (String a : allowed) {
                if (hint == null && a.equalsIgnoreCase(k)) {
                    hint = Messages.get("hint.attrcase", prog, a, k);
                }
            }
            if (hint != null) {
                text.append('\n').append(hint);
                hinted = true;
            }
        }
        if (!hinted) {
            text.append('\n').append(Messages.get("attr.valid", prog, flag, String.join(" ", allowed)));
        }
        return text.toString();
    }

    /** Builds a network entry from -N attributes, filling interface, netmask and broadcast. */
    public static Wpar.Network network(String prog, Map<String, String> a, Host host) {
        Wpar.Network n = new Wpar.Network();
        n.iface = a.getOrDefault("interface", "");
        n.address = a.getOrDefault("address", "");
        n.netmask = a.getOrDefault("netmask", "");
        n.broadcast = a.getOrDefault("broadcast", "");
        n.address6 = a.getOrDefault("address6", "");
        n.prefixlen = a.getOrDefault("prefixlen", "");
        if (n.address.isEmpty() && n.address6.isEmpty()) {
            throw AixException.of("net.noaddr", prog);
        }
        if (!n.iface.isEmpty() && host.iface(n.iface) == null) {
            throw AixException.of("net.noiface", prog, Names.printable(n.iface));
        }
        if (n.iface.startsWith("lo")) {
            throw AixException.of("net.loopback", prog, n.iface);
        }
        if (!n.address.isEmpty()) {
            if (!Ip.isV4(n.address)) {
                throw AixException.of("net.badaddr", prog, Names.printable(n.address));
            }
            if (!n.netmask.isEmpty() && !Ip.isNetmask(n.netmask)) {
                throw AixException.of("net.badmask", prog, Names.printable(n.netmask));
            }
            if (!n.broadcast.isEmpty() && !Ip.isV4(n.broadcast)) {
                throw AixException.of("net.badbcast", prog, Names.printable(n.broadcast));
            }
            Host.Interface on = host.interfaceFor(n.address);
            if (n.iface.isEmpty()) {
                if (on == null) {
                    throw AixException.of("net.noiface.guess", prog, n.address);
                }
                n.iface = on.name;
            }
            if (n.netmask.isEmpty()) {
                n.netmask = (on != null ? on : host.iface(n.iface)).netmask;
            }
            if (n.broadcast.isEmpty()) {
                n.broadcast = Ip.broadcast(n.address, n.netmask);
            }
        }
        if (!n.address6.isEmpty()) {
            if (!Ip.isV6(n.address6)) {
                throw AixException.of("net.badaddr6", prog, Names.printable(n.address6));
            }
            if (n.prefixlen.isEmpty()) {
                n.prefixlen = "64";
            }
            if (!isInt(n.prefixlen, 1, 128)) {
                throw AixException.of("net.badprefix", prog, Names.printable(n.prefixlen));
            }
            if (n.iface.isEmpty()) {
                throw AixException.of("net.noiface.guess", prog, n.address6);
            }
        } else if (!n.prefixlen.isEmpty()) {
            throw AixException.of("net.prefixonly", prog);
        }
        return n;
    }

    /** True when an IPv4 network entry lies outside every global interface's network. */
    public static boolean offNetwork(Wpar.Network n, Host host) {
        return !n.address.isEmpty() && host.interfaceFor(n.address) == null;
    }

    public static Wpar.Route route(String prog, Map<String, String> a, Host host) {
        Wpar.Route r = new Wpar.Route();
        r.rtdest = a.getOrDefault("rtdest", "");
        r.rtgateway = a.getOrDefault("rtgateway", "");
        r.rtinterface = a.getOrDefault("rtinterface", "");
        r.rtnetmask = a.getOrDefault("rtnetmask", "");
        r.rtprefixlen = a.getOrDefault("rtprefixlen", "");
        r.rttype = a.getOrDefault("rttype", "");
        r.rtfamily = a.getOrDefault("rtfamily", "");
        if (r.rtdest.isEmpty() || r.rtgateway.isEmpty()) {
            throw AixException.of("route.needboth", prog);
        }
        boolean v6 = r.rtfamily.equals("inet6") || Ip.isV6(r.rtgateway);
        if (!r.rtfamily.isEmpty() && !r.rtfamily.equals("inet") && !r.rtfamily.equals("inet6")) {
            throw AixException.of("attr.badvalue", prog, "rtfamily", Names.printable(r.rtfamily));
        }
        if (!r.rttype.isEmpty() && !r.rttype.equals("net") && !r.rttype.equals("host")) {
            throw AixException.of("attr.badvalue", prog, "rttype", Names.printable(r.rttype));
        }
        boolean destOk = r.rtdest.equals("default") || (v6 ? Ip.isV6(r.rtdest) : Ip.isV4(r.rtdest));
        if (!destOk) {
            throw AixException.of("route.baddest", prog, Names.printable(r.rtdest));
        }
        if (!(v6 ? Ip.isV6(r.rtgateway) : Ip.isV4(r.rtgateway))) {
            throw AixException.of("route.badgw", prog, Names.printable(r.rtgateway));
        }
        if (!r.rtnetmask.isEmpty() && !Ip.isNetmask(r.rtnetmask)) {
            throw AixException.of("net.badmask", prog, Names.printable(r.rtnetmask));
        }
        if (!r.rtprefixlen.isEmpty() && !isInt(r.rtprefixlen, 0, 128)) {
            throw AixException.of("net.badprefix", prog, Names.printable(r.rtprefixlen));
        }
        if (!r.rtinterface.isEmpty() && host.iface(r.rtinterface) == null) {
            throw AixException.of("net.noiface", prog, Names.printable(r.rtinterface));
        }
        return r;
    }

    /** Parses a size: a number of 512-byte blocks, or a number with M/MB/G/GB/T/TB. Megabytes, -1 when bad. */
    public static int sizeMb(String s) {
        if (s == null || s.isEmpty()) {
            return -1;
        }
        String u = s.toUpperCase(java.util.Locale.ROOT);
        long mult;
        String digits;
        if (u.endsWith("MB") || u.endsWith("GB") || u.endsWith("TB")) {
            digits = u.substring(0, u.length() - 2);
            mult = u.charAt(u.length() - 2) == 'M' ? 1 : u.charAt(u.length() - 2) == 'G' ? 1024 : 1024 * 1024;
        } else if (u.endsWith("M") || u.endsWith("G") || u.endsWith("T")) {
            digits = u.substring(0, u.length() - 1);
            mult = u.charAt(u.length() - 1) == 'M' ? 1 : u.charAt(u.length() - 1) == 'G' ? 1024 : 1024 * 1024;
        } else {
            if (!isInt(u, 1, Integer.MAX_VALUE)) {
                return -1;
            }
            long blocks = Long.parseLong(u);
            return (int) Math.max(1, (blocks + 2047) / 2048);
        }
        if (!isInt(digits, 1, Integer.MAX_VALUE)) {
            return -1;
        }
        long mb = Long.parseLong(digits) * mult;
        return mb > 64L * 1024 * 1024 ? -1 : (int) mb;
    }

    public static Wpar.Mount mount(String prog, Map<String, String> a, Host host) {
        Wpar.Mount m = new Wpar.Mount();
        m.directory = a.getOrDefault("directory", "");
        if (m.directory.isEmpty()) {
            throw AixException.of("mount.nodir", prog);
        }
        if (!m.directory.startsWith("/") || m.directory.contains("//") || m.directory.contains("/../")
                || m.directory.endsWith("/..") || (m.directory.length() > 1 && m.directory.endsWith("/"))) {
            throw AixException.of("mount.baddir", prog, Names.printable(m.directory));
        }
        m.vfs = a.getOrDefault("vfs", "jfs2");
        if (!List.of("jfs2", "jfs", "nfs", "namefs", "directory").contains(m.vfs)) {
            throw AixException.of("mount.badvfs", prog, Names.printable(m.vfs));
        }
        m.dev = a.getOrDefault("dev", "");
        m.host = a.getOrDefault("host", "");
        m.mountopts = a.getOrDefault("mountopts", "");
        m.vg = a.getOrDefault("vg", "");
        m.logname = a.getOrDefault("logname", "");
        m.crfsopts = a.getOrDefault("crfsopts", "");
        m.mode = a.getOrDefault("mode", "");
        if (a.containsKey("size")) {
            if (!m.hasLv()) {
                throw AixException.of("mount.sizenotlocal", prog, m.vfs);
            }
            m.sizeMb = sizeMb(a.get("size"));
            if (m.sizeMb <= 0) {
                throw AixException.of("mount.badsize", prog, Names.printable(a.get("size")));
            }
        }
        switch (m.vfs) {
            case "nfs" -> {
                if (m.host.isEmpty() || m.dev.isEmpty()) {
                    throw AixException.of("mount.nfsneeds", prog);
                }
            }
            case "namefs" -> {
                if (m.dev.isEmpty() || !m.dev.startsWith("/")) {
                    throw AixException.of("mount.namefsneeds", prog);
                }
            }
            default -> {
                if (!m.vg.isEmpty() && host.vg(m.vg) == null) {
                    throw AixException.of("vg.notfound", prog, Names.printable(m.vg));
                }
            }
        }
        if (!m.mode.isEmpty() && !m.mode.matches("[0-7]{3,4}")) {
            throw AixException.of("attr.badvalue", prog, "mode", Names.printable(m.mode));
        }
        return m;
    }

    public static Wpar.Device device(String prog, Map<String, String> a, Host host) {
        Wpar.Device d = new Wpar.Device();
        d.devname = a.getOrDefault("devname", "");
        if (d.devname.isEmpty()) {
            throw AixException.of("dev.noname", prog);
        }
        d.devtype = a.getOrDefault("devtype", "");
        d.devid = a.getOrDefault("devid", "");
        d.export = a.getOrDefault("export", "yes");
        d.rootvg = a.getOrDefault("rootvg", "");
        if (!d.export.equals("yes") && !d.export.equals("no")) {
            throw AixException.of("attr.badvalue", prog, "export", Names.printable(d.export));
        }
        if (!d.rootvg.isEmpty() && !d.rootvg.equals("yes") && !d.rootvg.equals("no")) {
            throw AixException.of("attr.badvalue", prog, "rootvg", Names.printable(d.rootvg));
        }
        if (!d.devtype.isEmpty()
                && !List.of("clone", "pseudo", "disk", "tape", "cdrom", "adapter").contains(d.devtype)) {
            throw AixException.of("attr.badvalue", prog, "devtype", Names.printable(d.devtype));
        }
        String base = d.devname.startsWith("/dev/") ? d.devname.substring(5) : d.devname;
        if (host.disk(base) != null) {
            d.devname = base;
            if (d.devtype.isEmpty()) {
                d.devtype = "disk";
            } else if (!d.devtype.equals("disk")) {
                throw AixException.of("dev.typemismatch", prog, base, d.devtype, "disk");
            }
        } else if (host.adapter(base) != null) {
            d.devname = base;
            if (d.devtype.isEmpty()) {
                d.devtype = "adapter";
            } else if (!d.devtype.equals("adapter")) {
                throw AixException.of("dev.typemismatch", prog, base, d.devtype, "adapter");
            }
        } else if (d.devname.startsWith("/dev/")) {
            if (d.devtype.isEmpty()) {
                d.devtype = "pseudo";
            }
        } else {
            throw AixException.of("dev.notfound", prog, Names.printable(d.devname));
        }
        if ("yes".equals(d.rootvg) && !d.devtype.equals("disk")) {
            throw AixException.of("dev.rootvgdisk", prog, d.devname);
        }
        return d;
    }

    static boolean isInt(String s, long min, long max) {
        if (s == null || s.isEmpty() || s.length() > 12) {
            return false;
        }
        int i = s.charAt(0) == '-' ? 1 : 0;
        if (i == s.length()) {
            return false;
        }
        for (; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        long v = Long.parseLong(s);
        return v >= min && v <= max;
    }
}
