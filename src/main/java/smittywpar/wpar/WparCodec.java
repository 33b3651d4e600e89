package smittywpar.wpar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import smittywpar.msg.Messages;
import smittywpar.store.Stanza;
import smittywpar.store.StanzaFile;
import smittywpar.wpar.Attribute.Keep;
import smittywpar.wpar.Attribute.Section;

/**
 * Converts a {@link Wpar} to and from stanza text, as the rows of {@link Attribute} describe it.
 * The same layout serves the per-WPAR state file ({@code wpars/NAME.cf}, like AIX's
 * /etc/wpars/NAME.cf) and, with each attribute's specification rule, the specification files
 * written by {@code mkwpar -o}.
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

    public static String format(Wpar w, boolean spec) {
        List<Stanza> out = new ArrayList<>();
        for (Section section : Section.values()) {
            for (Attributed o : objects(w, section, spec)) {
                Stanza s = new Stanza(section.stanza);
                for (Attribute a : section.attributes()) {
                    String v = written(a, o, w, spec ? a.spec : a.keep);
                    if (v != null) {
                        s.put(a.key, v);
                    }
                }
                if (section == Section.RESOURCES) {
                    // settings the table does not know (a hand-edited file) are kept as they were
                    for (Map.Entry<String, String> e : w.resources.entrySet()) {
                        if (Attribute.of(section, e.getKey()) == null) {
                            s.put(e.getKey(), e.getValue());
                        }
                    }
                }
                out.add(s);
            }
        }
        return StanzaFile.format(out);
    }

    /** The objects a section has a stanza for: the WPAR itself, or its networks, mounts, ... */
    private static List<? extends Attributed> objects(Wpar w, Section section, boolean spec) {
        return switch (section) {
            case NETWORK -> w.networks;
            case ROUTE -> w.routes;
            case MOUNT -> w.mounts;
            case DEVICE -> w.devices;
            case EXTENSION -> w.kexts;
            case BOOTSET -> w.bootsets;
            case RUNTIME -> !spec && !defaults(w, section) ? List.of(w) : List.of();
            case COPY_CONTROLS -> !defaults(w, section) ? List.of(w) : List.of();
            default -> List.of(w);
        };
    }

    /** True when every attribute of the section is unset or has its default value. */
    private static boolean defaults(Wpar w, Section section) {
        for (Attribute a : section.attributes()) {
            String v = a.get(w);
            if (v != null && !v.isEmpty() && !v.equals(a.dflt)) {
                return false;
            }
        }
        return true;
    }

    /** What the file holds for attribute {@code a} of {@code o} under rule {@code keep}, or null. */
    static String written(Attribute a, Attributed o, Wpar w, Keep keep) {
        if (keep == Keep.NEVER) {
            return null;
        }
        String v = a.get(o);
        boolean set = v != null && !v.isEmpty();
        return switch (keep) {
            case ALWAYS -> v;
            case SET -> set ? v : null;
            case NOT_DEFAULT -> set && !v.equals(a.contextDefault(w)) ? v : null;
            case NOT_LV -> set && !(o instanceof Wpar.Mount m && m.hasLv()) ? v : null;
            default -> null;
        };
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
        return parse(stanzas, spec);
    }

    /** Decodes the stanzas of a specification file ({@code spec}) or of a WPAR state file. */
    static Wpar parse(List<Stanza> stanzas, boolean spec) throws BadWpar {
        return parse(stanzas, spec ? Strictness.SPEC : Strictness.STATE);
    }

    /**
     * How strictly a file is read. A specification file (mkwpar -f) is read as AIX reads one:
     * what is not known is ignored. A state file (wpars/NAME.cf, preserved/NAME.cf) is read
     * strictly by the attribute table: every attribute must be a stored row of its stanza, every
     * value valid for its type and in range; a {@link #WHOLE} one (sealed, written since files
     * end with their end line) must also have every stanza and attribute that is always written.
     */
    public enum Strictness {
        SPEC, STATE, WHOLE
    }

    /**
     * The rows of each section by key, by the section's ordinal (a WPAR file is read for every WPAR a
     * listing shows). Not an EnumMap: it lists the constants through a reflective call, and the
     * first reflective call costs a young JVM about a millisecond.
     */
    private static final List<Map<String, Attribute>> BY_KEY = byKey();

    private static List<Map<String, Attribute>> byKey() {
        List<Map<String, Attribute>> out = new ArrayList<>();
        for (Section section : Section.values()) {
            Map<String, Attribute> keys = new java.util.HashMap<>();
            for (Attribute a : section.attributes()) {
                keys.put(a.key, a);
            }
            out.add(keys);
        }
        return out;
    }

    /** The stanzas every whole state file has. */
    private static final List<Section> ALWAYS_WRITTEN = List.of(Section.GENERAL, Section.RESOURCES, Section.SECURITY);

    /** Decodes the stanzas of a WPAR file already read (and checked) by the store's stanza reader. */
    public static Wpar parse(List<Stanza> stanzas, Strictness strictness) throws BadWpar {
        boolean spec = strictness == Strictness.SPEC;
        Wpar w = new Wpar();
        boolean general = false;
        boolean[] seen = new boolean[BY_KEY.size()]; // (by ordinal; see BY_KEY)
        for (Stanza s : stanzas) {
            Section section = Section.of(s.name());
            if (section == null) {
                throw new BadWpar(s.line(), Messages.get("corrupt.stanza", s.name()));
            }
            seen[section.ordinal()] = true;
            required(s, section, spec);
            if (!spec) {
                strict(s, section, strictness == Strictness.WHOLE);
            }
            Attributed o = object(w, section);
            if (section == Section.RESOURCES) {
                w.resources.putAll(s.attrs());
                continue;
            }
            List<Attribute> absent = new ArrayList<>();
            for (Attribute a : section.attributes()) {
                String v = s.get(a.key);
                if (!a.stored()) {
                    continue;
                }
                if (v == null || v.isEmpty() && a.type.numeric()) {
                    absent.add(a);
                    continue;
                }
                check(s, a, v);
                a.set(o, v);
            }
            // defaults last: some follow other attributes (the base directory follows name and type)
            for (Attribute a : absent) {
                String d = absentValue(a, w, spec);
                if (d != null) {
                    a.set(o, d);
                }
            }
            general |= section == Section.GENERAL;
            if (section == Section.BOOTSET && ((Wpar.Bootset) o).id < 1) {
                throw new BadWpar(s.line(), Messages.get("corrupt.bootsetid"));
            }
        }
        if (!general) {
            throw new BadWpar(0, Messages.get("corrupt.nogeneral"));
        }
        if (strictness == Strictness.WHOLE) {
            for (Section section : ALWAYS_WRITTEN) {
                if (!seen[section.ordinal()]) {
                    throw new BadWpar(0, Messages.get("corrupt.nosection", section.stanza));
                }
            }
        }
        return w;
    }

    /**
     * The attribute table's rules for a stanza of a state file: only stored attributes of the
     * section, each value valid for its type (empty only where empty is the default) and in its
     * range; in a whole file, every attribute that is always written present.
     */
    private static void strict(Stanza s, Section section, boolean whole) throws BadWpar {
        for (Map.Entry<String, String> e : s.attrs().entrySet()) {
            Attribute a = BY_KEY.get(section.ordinal()).get(e.getKey());
            if (a == null || !a.stored()) {
                throw new BadWpar(s.line(e.getKey()), Messages.get("corrupt.host.unknownattr", e.getKey(), s.name()));
            }
            String v = e.getValue();
            String why = null;
            if (v.isEmpty()) {
                if (!"".equals(a.dflt)) {
                    why = Messages.get("corrupt.value", a.key, s.name(), v, a.type.description());
                }
            } else if (a.type.numeric()) {
                why = !a.type.valid(v) ? Messages.get("corrupt.host.number", a.key, s.name(), shown(v))
                        : !a.inRange(v) ? Messages.get("corrupt.host.range", a.key, s.name(), v, a.min(), a.max()) : null;
            } else {
                check(s, a, v); // the reasons of the codec's own checks first (a state, a boot list)
                if (!a.type.valid(v)) {
                    why = Messages.get("corrupt.value", a.key, s.name(), shown(v), a.type.description());
                }
            }
            if (why != null) {
                throw new BadWpar(s.line(a.key), why);
            }
        }
        if (whole) {
            for (Attribute a : section.attributes()) {
                if ((a.required() || section == Section.MOUNT && mountNeeds(s).contains(a)) && s.get(a.key) == null) {
                    throw new BadWpar(s.line(), Messages.get("corrupt.host.lacks", s.name(), a.key));
                }
            }
        }
    }

    /**
     * What a file system of each kind always has in a state file besides the attributes every
     * mount has: one on a logical volume its device, size and usage figures, a namefs one the
     * directory it shows, an NFS one its server and directory.
     */
    private static List<Attribute> mountNeeds(Stanza s) {
        return switch (s.get(Attribute.VFS.key, "")) {
            case "jfs2", "jfs" -> List.of(Attribute.DEV, Attribute.SIZE, Attribute.USED, Attribute.IUSED, Attribute.IPCT);
            case "namefs" -> List.of(Attribute.DEV);
            case "nfs" -> List.of(Attribute.DEV, Attribute.HOST);
            default -> List.of();
        };
    }

    /** The object a stanza of {@code section} fills: the WPAR, or a new network, mount, ... of it. */
    @SuppressWarnings("unchecked") // objects() of a repeated section is the list of that object's class
    private static Attributed object(Wpar w, Section section) {
        if (!section.repeated) {
            return w;
        }
        Attributed o = switch (section) {
            case NETWORK -> new Wpar.Network();
            case ROUTE -> new Wpar.Route();
            case MOUNT -> new Wpar.Mount();
            case DEVICE -> new Wpar.Device();
            case EXTENSION -> new Wpar.Kext();
            default -> new Wpar.Bootset();
        };
        ((List<Attributed>) objects(w, section, false)).add(o);
        return o;
    }

    /** The value an absent key stands for, or null to leave the attribute unset. */
    private static String absentValue(Attribute a, Wpar w, boolean spec) {
        return switch (a) {
            // a specification file leaves the host name and base directory to the new WPAR
            case HOSTNAME, DIRECTORY -> spec ? null : a.contextDefault(w);
            case MOUNTED -> a.contextDefault(w);
            default -> a.dflt;
        };
    }

    /** Checks a value before it is set: the codec refuses what its model could not hold. */
    private static void check(Stanza s, Attribute a, String v) throws BadWpar {
        if (a.type.numeric() && !ValueType.digits(v, 18)) {
            throw new BadWpar(s.line(), Messages.get("corrupt.number", a.key, v));
        }
        if (a == Attribute.STATE && !a.type.valid(v)) {
            throw new BadWpar(s.line(), Messages.get("corrupt.state", v));
        }
        if (a == Attribute.TYPE && !a.type.valid(v)) {
            throw new BadWpar(s.line(), Messages.get("corrupt.type", v));
        }
        if (a == Attribute.BOOTSET_LVS && !new Wpar.Bootset().copiesText(v)) {
            throw new BadWpar(s.line(a.key), Messages.get("corrupt.bootsetlvs", v));
        }
        if (a.type == ValueType.LEVELS && !a.type.valid(v)) {
            throw new BadWpar(s.line(a.key), Messages.get("corrupt.levels", a.key, v));
        }
        // startwpar and rmwpar -b read the boot list as numbers
        if (a.type == ValueType.BOOTSETS && !a.type.valid(v)) {
            throw new BadWpar(s.line(a.key), Messages.get("corrupt.bootlist", a.key, v));
        }
    }

    /** A value as a message shows it: control characters as '?', at most 60 characters. */
    private static String shown(String v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length() && sb.length() < 60; i++) {
            char c = v.charAt(i);
            sb.append(c < ' ' || c == 127 ? '?' : c);
        }
        return v.length() > 60 ? sb + "..." : sb.toString();
    }

    /** Refuses a stanza without the attribute that names its object. */
    private static void required(Stanza s, Section section, boolean spec) throws BadWpar {
        if (section == Section.GENERAL && s.get(Attribute.NAME.key) == null && !spec) {
            throw new BadWpar(s.line(), Messages.get("corrupt.noname"));
        }
        if (section == Section.MOUNT && s.get(Attribute.MOUNT_DIRECTORY.key, "").isEmpty()) {
            throw new BadWpar(s.line(), Messages.get("corrupt.nodirectory"));
        }
    }
}
