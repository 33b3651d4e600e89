package smittywpar.wpar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import smittywpar.host.HostFiles;
import smittywpar.msg.AixException;

/**
 * Specification files (mkwpar -f, -e, -o, -w): the stanza description of a WPAR, read from and
 * written to the simulated host's file tree. A template's settings become defaults of a
 * {@link CreateRequest}; flags given on the command line win.
 */
public final class SpecFiles {
    private SpecFiles() {
    }

    public static String storePath(String prog, String aixPath) {
        String rel = HostFiles.rel(aixPath);
        if (rel == null) {
            throw AixException.of("spec.badpath", prog, aixPath);
        }
        return rel;
    }

    /** Reads the specification file at an AIX path of the simulated host. */
    public static Wpar read(Transaction c, String aixPath) {
        String text = c.readFile(storePath(c.prog, aixPath));
        if (text == null) {
            throw AixException.of("spec.missing", c.prog, aixPath);
        }
        try {
            return WparCodec.parse(text, true);
        } catch (WparCodec.BadWpar e) {
            throw AixException.of("spec.bad", c.prog, aixPath, e.line, e.getMessage());
        }
    }

    /**
     * The configuration of an existing WPAR as a template. Without {@code identity} (-W) what
     * must be unique is left out: name, host name, base directory, addresses, UUID, disks and
     * adapters.
     */
    public static Wpar fromExisting(Transaction c, String name, boolean identity) {
        Wpar w = c.wpar(name);
        Wpar t;
        try {
            t = WparCodec.parse(WparCodec.format(w, true), true);
        } catch (WparCodec.BadWpar e) {
            throw new IllegalStateException(e);
        }
        if (!identity) {
            t.name = null;
            t.hostname = null;
            t.directory = null;
            t.uuid = "";
            t.networks.clear();
            t.devices.removeIf(d -> d.devtype.equals("disk") || d.devtype.equals("adapter"));
        }
        return t;
    }

    /** Fills what the command line left unset from a template. */
    public static void apply(Wpar t, CreateRequest r) {
        if (r.name == null) {
            r.name = t.name;
        }
        if (r.hostname == null) {
            r.hostname = t.hostname;
        }
        if (r.directory == null && t.directory != null
                && !(t.name != null && t.directory.equals("/wpars/" + t.name) && !t.name.equals(r.name))) {
            r.directory = t.directory;
        }
        if (r.vg == null && !"rootvg".equals(t.vg)) {
            r.vg = t.vg;
        }
        if (r.userscript == null && !t.script.isEmpty()) {
            r.userscript = t.script;
        }
        if (r.devexports == null && !t.devexports.equals("/etc/wpars/devexports")) {
            r.devexports = t.devexports;
        }
        r.autostart |= t.auto;
        r.routing |= t.routing;
        r.privateUsr |= t.privateUsr;
        r.checkpointable |= t.checkpointable;
        if (r.networks.isEmpty()) {
            for (Wpar.Network n : t.networks) {
                Map<String, String> a = new LinkedHashMap<>();
                put(a, "interface", n.iface);
                put(a, "address", n.address);
                put(a, "netmask", n.netmask);
                put(a, "broadcast", n.broadcast);
                put(a, "address6", n.address6);
                put(a, "prefixlen", n.prefixlen);
                r.networks.add(a);
            }
        }
        List<Map<String, String>> routes = new ArrayList<>();
        for (Wpar.Route x : t.routes) {
            Map<String, String> a = new LinkedHashMap<>();
            put(a, "rtdest", x.rtdest);
            put(a, "rtgateway", x.rtgateway);
            put(a, "rtinterface", x.rtinterface);
            put(a, "rtnetmask", x.rtnetmask);
            put(a, "rtprefixlen", x.rtprefixlen);
            put(a, "rttype", x.rttype);
            put(a, "rtfamily", x.rtfamily);
            routes.add(a);
        }
        r.routes.addAll(0, routes);
        List<Map<String, String>> mounts = new ArrayList<>();
        for (Wpar.Mount m : t.mounts) {
            Map<String, String> a = new LinkedHashMap<>();
            put(a, "directory", m.directory);
            put(a, "vfs", m.vfs);
            if (!m.hasLv()) {
                put(a, "dev", m.dev);
            }
            put(a, "host", m.host);
            put(a, "mountopts", m.mountopts);
            if (m.hasLv() && m.sizeMb > 0) {
                a.put("size", m.sizeMb + "M");
            }
            put(a, "vg", m.vg.equals(t.vg) ? "" : m.vg);
            put(a, "crfsopts", m.crfsopts);
            put(a, "mode", m.mode);
            mounts.add(a);
        }
        r.mounts.addAll(0, mounts);
        Map<String, String> res = new LinkedHashMap<>(t.resources);
        List<String> unparsed = new ArrayList<>();
        for (String word : r.resources) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                res.put(word.substring(0, eq), word.substring(eq + 1));
            } else {
                unparsed.add(word);
            }
        }
        r.resources.clear();
        res.forEach((k, v) -> {
            if (!v.isEmpty()) {
                r.resources.add(k + "=" + v);
            }
        });
        r.resources.addAll(unparsed);
        if (!t.privileges.isEmpty() && !r.security.containsKey("privs")) {
            r.security.put("privs", String.join(",", t.privileges));
        }
        if (!t.secfile.equals("/etc/wpars/secattrs") && !r.security.containsKey("secfile")) {
            r.security.put("secfile", t.secfile);
        }
        List<Map<String, String>> devices = new ArrayList<>();
        List<String> defaults = new ArrayList<>();
        for (Wpar.Device d : WparDefaults.get().devices()) {
            defaults.add(d.devname);
        }
        for (Wpar.Device d : t.devices) {
            if (defaults.contains(d.devname)) {
                continue;
            }
            Map<String, String> a = new LinkedHashMap<>();
            put(a, "devname", d.devname);
            put(a, "devtype", d.devtype);
            put(a, "export", d.export.equals("yes") ? "" : d.export);
            put(a, "rootvg", d.rootvg);
            devices.add(a);
        }
        r.devices.addAll(0, devices);
    }

    private static void put(Map<String, String> a, String k, String v) {
        if (v != null && !v.isEmpty()) {
            a.put(k, v);
        }
    }
}
