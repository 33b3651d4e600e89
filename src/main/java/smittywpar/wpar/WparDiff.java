package smittywpar.wpar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import smittywpar.wpar.Attribute.Section;

/**
 * What differs between two versions of one WPAR, attribute by attribute, driven by the attribute
 * table ({@link Attribute}): the general, resource, security and run-time attributes, and the
 * networks, routes, mounts, devices, kernel extensions and boot sets added, removed or changed
 * (each known by its own key attribute: a network by its address, a mount by its directory ...).
 */
public final class WparDiff {
    /** One difference: the section's stanza name, the object (null for the WPAR itself), the attribute, old and new. */
    public record Change(String section, String object, String attribute, String before, String after) {
        /** An object of a repeated section that only one side has: attribute is null, before or after is null. */
        public boolean whole() {
            return attribute == null;
        }
    }

    private WparDiff() {
    }

    public static List<Change> diff(Wpar before, Wpar after) {
        List<Change> out = new ArrayList<>();
        for (Section s : Section.values()) {
            Map<String, Attributed> a = objects(before, s);
            Map<String, Attributed> b = objects(after, s);
            for (var e : a.entrySet()) {
                Attributed other = b.get(e.getKey());
                if (other == null) {
                    out.add(new Change(s.stanza, e.getKey(), null, e.getKey(), null));
                } else {
                    compare(s, e.getKey(), e.getValue(), before, other, after, out);
                }
            }
            for (var e : b.entrySet()) {
                if (!a.containsKey(e.getKey())) {
                    out.add(new Change(s.stanza, e.getKey(), null, null, e.getKey()));
                }
            }
        }
        return out;
    }

    private static void compare(Section s, String key, Attributed a, Wpar wa, Attributed b, Wpar wb,
            List<Change> out) {
        for (Attribute attr : s.attributes()) {
            if (!attr.stored()) {
                continue;
            }
            String va = value(attr, a, wa);
            String vb = value(attr, b, wb);
            if (!va.equals(vb)) {
                out.add(new Change(s.stanza, s.repeated ? key : null, attr.key, va, vb));
            }
        }
        if (s == Section.RESOURCES) {
            for (String k : union(wa.resources, wb.resources)) {
                if (Attribute.of(s, k) == null) {
                    String va = wa.resources.getOrDefault(k, "");
                    String vb = wb.resources.getOrDefault(k, "");
                    if (!va.equals(vb)) {
                        out.add(new Change(s.stanza, null, k, va, vb));
                    }
                }
            }
        }
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        List<String> out = new ArrayList<>(a.keySet());
        for (String k : b.keySet()) {
            if (!out.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    /** The value the WPAR file holds, else what an absent key stands for, "" for none. */
    private static String value(Attribute a, Attributed o, Wpar w) {
        String v = a.get(o);
        if (v == null || v.isEmpty()) {
            v = a.section == Section.GENERAL || a.section == Section.RESOURCES ? a.contextDefault(w) : v;
        }
        return v == null ? "" : v;
    }

    /** The objects of a section by their key (the WPAR itself under "" for a section it has once). */
    private static Map<String, Attributed> objects(Wpar w, Section s) {
        Map<String, Attributed> out = new LinkedHashMap<>();
        switch (s) {
            case NETWORK -> w.networks.forEach(n -> out.put(n.isV6() ? n.address6 : n.address, n));
            case ROUTE -> w.routes.forEach(r -> out.put(r.rtdest.isEmpty() ? "default" : r.rtdest, r));
            case MOUNT -> w.mounts.forEach(m -> out.put(m.directory, m));
            case DEVICE -> w.devices.forEach(d -> out.put(d.devname, d));
            case EXTENSION -> w.kexts.forEach(k -> out.put(k.kext, k));
            case BOOTSET -> w.bootsets.forEach(b -> out.put(String.valueOf(b.id), b));
            default -> out.put("", w);
        }
        return out;
    }
}
