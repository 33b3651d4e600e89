package smittywpar.wpar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import smittywpar.host.HostFiles;
import smittywpar.msg.AixException;
import smittywpar.wpar.Attribute.Section;

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

    /** Reads the specification file at an AIX path of the simulated host (its global view). */
    public static Wpar read(Transaction c, String aixPath) {
        storePath(c.prog, aixPath);
        String text;
        try {
            text = Vfs.global(c).read(smittywpar.host.AixPath.resolve("/", aixPath));
        } catch (smittywpar.host.FsException e) {
            throw AixException.of("spec.missing", c.prog, aixPath);
        }
        try {
            return WparCodec.parse(text, true);
        } catch (WparCodec.BadWpar e) {
            throw AixException.of("spec.bad", c.prog, aixPath, e.line, e.getMessage());
        }
    }

    /** Writes a specification file at an AIX path of the simulated host (its global view). */
    static void write(Transaction c, String aixPath, String text) {
        storePath(c.prog, aixPath);
        try {
            Vfs.global(c).put(smittywpar.host.AixPath.resolve("/", aixPath), text);
        } catch (smittywpar.host.FsException e) {
            throw AixException.of("spec.cannotwrite", c.prog, aixPath,
                    smittywpar.msg.Messages.get(e.errno.key()));
        }
    }

    /**
     * The configuration of an existing WPAR as a template, without what must be unique: name,
     * host name, base directory, addresses, UUID, disks and adapters (and the boot sets made of
     * disks). With {@code noBootsets} (-W) its boot sets and boot list are left out too.
     */
    public static Wpar fromExisting(Transaction c, String name, boolean noBootsets) {
        Wpar w = c.wpar(name);
        Wpar t;
        try {
            t = WparCodec.parse(WparCodec.format(w, true), true);
        } catch (WparCodec.BadWpar e) {
            throw new IllegalStateException(e);
        }
        t.name = null;
        t.hostname = null;
        t.directory = null;
        t.uuid = "";
        t.networks.clear();
        t.devices.removeIf(d -> d.devtype.equals("disk") || d.devtype.equals("adapter") || d.devtype.equals("cdrom")
                || d.devtype.equals("tape"));
        if (noBootsets || t.rootvg) {
            t.bootsets.clear();
            t.bootlist = "";
        }
        return t;
    }

    /**
     * Fills what the command line left unset from a template: each general attribute mkwpar has a
     * flag for and the template sets to other than its default, the networks (unless -N was
     * given), and before the command line's own, the routes, file systems and devices; and its
     * copy controls, boot sets and boot list.
     */
    public static void apply(Wpar t, CreateRequest r) {
        for (Attribute a : Section.GENERAL.attributes()) {
            // a UUID is never taken from a template: the new WPAR gets its own unless -U gives one
            String v = a.mk == ' ' || a == Attribute.UUID || r.get(a) != null ? null : a.get(t);
            if (v == null || v.isEmpty() || v.equals(a.dflt)) {
                continue;
            }
            // a base directory that only follows the template's name follows the new name instead
            if (a == Attribute.DIRECTORY && t.name != null && v.equals(a.contextDefault(t))
                    && !t.name.equals(r.name())) {
                continue;
            }
            r.put(a, v);
        }
        if (r.networks.isEmpty()) {
            for (Wpar.Network n : t.networks) {
                r.networks.add(words(n, Section.NETWORK, t));
            }
        }
        List<Map<String, String>> routes = new ArrayList<>();
        for (Wpar.Route x : t.routes) {
            routes.add(words(x, Section.ROUTE, t));
        }
        r.routes.addAll(0, routes);
        List<Map<String, String>> mounts = new ArrayList<>();
        for (Wpar.Mount m : t.mounts) {
            Map<String, String> a = words(m, Section.MOUNT, t);
            if (m.vg.equals(t.vg)) {
                a.remove(Attribute.MOUNT_VG.key); // the new WPAR's volume group, as for its other file systems
            }
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
        for (Attribute a : Section.SECURITY.attributes()) {
            String v = a.stored() && !r.security.containsKey(a.key) ? a.get(t) : null;
            if (v != null && !v.isEmpty() && !v.equals(a.dflt)) {
                r.security.put(a.key, v);
            }
        }
        List<Map<String, String>> devices = new ArrayList<>();
        List<String> defaults = new ArrayList<>();
        for (Wpar.Device d : WparDefaults.get().devices()) {
            defaults.add(d.devname);
        }
        for (Wpar.Device d : t.devices) {
            if (!defaults.contains(d.devname)) {
                devices.add(words(d, Section.DEVICE, t));
            }
        }
        r.devices.addAll(0, devices);
        for (Attribute a : Section.COPY_CONTROLS.attributes()) {
            String v = a.get(t);
            if (v != null && !v.isEmpty() && !r.copyControls.containsKey(a.key)) {
                r.copyControls.put(a.key, v);
            }
        }
        if (r.bootsets.isEmpty() && r.bootlist == null) {
            r.bootsets.addAll(t.bootsets);
            r.bootlist = t.bootlist.isEmpty() ? null : t.bootlist;
        }
    }

    /** The -N, -I, -M or -D words that recreate {@code o}: what a specification file holds of it. */
    private static Map<String, String> words(Attributed o, Section section, Wpar t) {
        Map<String, String> a = new LinkedHashMap<>();
        for (Attribute attr : section.attributes()) {
            String v = attr.mk == section.flag ? WparCodec.written(attr, o, t, attr.spec) : null;
            if (v != null && !v.isEmpty()) {
                a.put(attr.key, v);
            }
        }
        return a;
    }
}
