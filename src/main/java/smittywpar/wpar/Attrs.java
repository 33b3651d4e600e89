package smittywpar.wpar;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import smittywpar.base.Text;
import smittywpar.host.Host;
import smittywpar.host.Ip;
import smittywpar.msg.AixException;
import smittywpar.msg.Messages;

/**
 * The {@code attribute=value} arguments of -N, -I, -M, -D, -R, -S and -X: parsing, validation and
 * conversion into WPAR configuration, shared by mkwpar, chwpar and wparexec. Which names each
 * flag takes, and which field of the model each sets, are the rows of {@link Attribute}.
 */
public final class Attrs {
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
                throw new AixException(flag == 'R' ? Resources.unknown(prog, key, value)
                        : unknownText(prog, flag, key, allowed, words));
            }
            if (out.containsKey(key)) {
                throw AixException.of("attr.dup", prog, key, flag);
            }
            if (!ValueType.printable(value)) {
                throw AixException.of("attr.badvalue", prog, key, Names.printable(value));
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

    /**
     * Sets the attributes given as flag words ({@code a}: name to value) on {@code o}, an object of
     * {@code section}; sizes, whose words take units, are left to the caller.
     */
    static <T extends Attributed> T fill(T o, Attribute.Section section, Map<String, String> a) {
        for (Map.Entry<String, String> e : a.entrySet()) {
            Attribute attr = Attribute.of(section, e.getKey());
            if (attr != null && attr.stored() && attr.type != ValueType.BLOCKS) {
                attr.set(o, e.getValue());
            }
        }
        return o;
    }

    /** Builds a network entry from -N attributes, filling interface, netmask and broadcast. */
    public static Wpar.Network network(String prog, Map<String, String> a, Host host) {
        return network(prog, a, host, false);
    }

    /**
     * Builds a network entry from -N attributes, filling interface, netmask and broadcast. With
     * {@code specOnly} (mkwpar -w: nothing is created) an IPv4 address on none of the global
     * networks keeps no interface unless one was given, and without netmask= takes its class's.
     */
    public static Wpar.Network network(String prog, Map<String, String> a, Host host, boolean specOnly) {
        Wpar.Network n = fill(new Wpar.Network(), Attribute.Section.NETWORK, a);
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
            if (n.iface.isEmpty() && on == null && !specOnly) {
                throw AixException.of("net.noiface.guess", prog, n.address);
            }
            if (n.iface.isEmpty() && on != null) {
                n.iface = on.name;
            }
            if (n.netmask.isEmpty()) {
                n.netmask = on != null ? on.netmask : n.iface.isEmpty() ? Ip.classMask(n.address)
                        : host.iface(n.iface).netmask;
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
        Wpar.Route r = fill(new Wpar.Route(), Attribute.Section.ROUTE, a);
        if (r.rtdest.isEmpty() || r.rtgateway.isEmpty()) {
            throw AixException.of("route.needboth", prog);
        }
        boolean v6 = r.rtfamily.equals("inet6") || Ip.isV6(r.rtgateway);
        choice(prog, Attribute.RTFAMILY, r.rtfamily);
        choice(prog, Attribute.RTTYPE, r.rttype);
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
        Wpar.Mount m = fill(new Wpar.Mount(), Attribute.Section.MOUNT, a);
        if (m.directory.isEmpty()) {
            throw AixException.of("mount.nodir", prog);
        }
        if (!m.directory.startsWith("/") || m.directory.contains("//") || m.directory.contains("/../")
                || m.directory.endsWith("/..") || (m.directory.length() > 1 && m.directory.endsWith("/"))) {
            throw AixException.of("mount.baddir", prog, Names.printable(m.directory));
        }
        if (!Attribute.VFS.type.valid(m.vfs)) {
            throw AixException.of("mount.badvfs", prog, Names.printable(m.vfs));
        }
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
        choice(prog, Attribute.MODE, m.mode);
        return m;
    }

    public static Wpar.Device device(String prog, Map<String, String> a, Host host) {
        Wpar.Device d = fill(new Wpar.Device(), Attribute.Section.DEVICE, a);
        if (d.devname.isEmpty()) {
            throw AixException.of("dev.noname", prog);
        }
        if (d.export.isEmpty()) {
            throw AixException.of("attr.badvalue", prog, "export", "");
        }
        choice(prog, Attribute.EXPORT, d.export);
        choice(prog, Attribute.DEV_ROOTVG, d.rootvg);
        choice(prog, Attribute.DEVTYPE, d.devtype);
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
            String kind = host.adapter(base).devClass;
            if (d.devtype.isEmpty()) {
                d.devtype = kind;
            } else if (!d.devtype.equals(kind)) {
                throw AixException.of("dev.typemismatch", prog, base, d.devtype, kind);
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

    /** Builds a kernel extension entry from -X attributes: kext= an absolute path or ALL, local=, major=, exportonly=. */
    public static Wpar.Kext kext(String prog, Map<String, String> a) {
        String k = a.getOrDefault(Attribute.KEXT.key, "");
        if (k.isEmpty()) {
            throw AixException.of("kext.noname", prog);
        }
        if (!k.equals("ALL") && !k.startsWith("/")) {
            throw AixException.of("kext.bad", prog, Names.printable(k));
        }
        for (Attribute attr : Attribute.Section.EXTENSION.attributes()) {
            if (attr != Attribute.KEXT && a.containsKey(attr.key)) {
                choice(prog, attr, a.get(attr.key));
                if (a.get(attr.key).isEmpty()) {
                    throw AixException.of("attr.badvalue", prog, attr.key, "");
                }
            }
        }
        return fill(new Wpar.Kext(), Attribute.Section.EXTENSION, a);
    }

    /**
     * Refuses a general attribute given with a character that is not printable ASCII (a directory,
     * a script, a volume group...): AIX takes only ASCII in arguments, and a WPAR file holds none.
     */
    static void asciiOnly(String prog, WparRequest r) {
        for (Attribute a : Attribute.Section.GENERAL.attributes()) {
            String v = r.get(a);
            if (v != null && !ValueType.printable(v)) {
                throw AixException.of("attr.badvalue", prog, a.key, Names.printable(v));
            }
        }
    }

    /** Refuses a value that is given (not empty) but not one its attribute's type allows. */
    static void choice(String prog, Attribute a, String v) {
        if (!v.isEmpty() && !a.type.valid(v)) {
            throw AixException.of("attr.badvalue", prog, a.key, Names.printable(v));
        }
    }

    /** True when {@code s} is an integer of ASCII digits (an optional minus sign first) from min to max. */
    static boolean isInt(String s, long min, long max) {
        if (s == null || s.isEmpty() || s.length() > 12) {
            return false;
        }
        String digits = s.charAt(0) == '-' ? s.substring(1) : s;
        if (!Text.digits(digits, 12)) {
            return false;
        }
        long v = Long.parseLong(s);
        return v >= min && v <= max;
    }
}
