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

    /** Decodes the stanzas of a WPAR file already read (and checked) by the store's stanza reader. */
    static Wpar parse(List<Stanza> stanzas, boolean spec) throws BadWpar {
        Wpar w = new Wpar();
        boolean general = false;
        for (Stanza s : stanzas) {
            Section section = Section.of(s.name());
            if (section == null) {
                throw new BadWpar(s.line(), Messages.get("corrupt.stanza", s.name()));
            }
            required(s, section, spec);
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
        return w;
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
        // startwpar and rmwpar -b read the boot list as numbers
        if (a.type == ValueType.BOOTSETS && !a.type.valid(v)) {
            throw new BadWpar(s.line(a.key), Messages.get("corrupt.bootlist", a.key, v));
        }
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
