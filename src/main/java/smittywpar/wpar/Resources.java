package smittywpar.wpar;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import smittywpar.msg.AixException;
import smittywpar.msg.Messages;

/**
 * Resource controls (-R): validation and normalisation of new values. The attributes, in lswpar
 * -L order, with their labels, the defaults lswpar shows and the kind of value each takes, are the
 * rows of the resources section of {@link Attribute}.
 */
public final class Resources {
    /** The attribute names, in lswpar order. */
    public static final List<String> NAMES = Attribute.words(Attribute.Section.RESOURCES, 'm');

    private Resources() {
    }

    /** The resource control called {@code name}, or null. */
    public static Attribute attr(String name) {
        return Attribute.of(Attribute.Section.RESOURCES, name);
    }

    /**
     * Validates -R words (attr=value) and returns normalised values; a value equal to the
     * shown default (e.g. "unlimited") removes the setting.
     */
    public static Map<String, String> parse(String prog, List<String> words) {
        Map<String, String> raw = names(prog, words);
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : raw.entrySet()) {
            out.put(e.getKey(), normalise(prog, attr(e.getKey()), e.getValue()));
        }
        return out;
    }

    /**
     * Splits -R words into attribute names and raw values, refusing malformed words, unknown
     * names, repeated names and values that are not printable ASCII; the values are not
     * validated further (the syntax check of a command line).
     */
    public static Map<String, String> names(String prog, List<String> words) {
        return Attrs.parse(prog, 'R', words, NAMES);
    }

    /** Checks the combination of settings (after applying changes). */
    public static void checkCombination(String prog, Map<String, String> res) {
        String p = res.get("totalProcesses");
        String t = res.get("totalThreads");
        if (p != null && t != null && !p.isEmpty() && !t.isEmpty() && Long.parseLong(t) < Long.parseLong(p)) {
            throw AixException.of("res.threads", prog, t, p);
        }
    }

    /**
     * The error for an unknown attribute name, with a hint: the right spelling of a name typed in
     * the wrong case (with an example built from the value given, e.g. cpu=25 -> CPU=0%-25%,25%),
     * else the list of valid names.
     */
    static String unknown(String prog, String key, String value) {
        String text = Messages.get("res.unknown", prog, Names.printable(key));
        for (Attribute a : Attribute.Section.RESOURCES.attributes()) {
            if (a.key.equalsIgnoreCase(key)) {
                return text + "\n" + Messages.get("hint.rescase", prog, a.key, example(a, value));
            }
        }
        return text + "\n" + Messages.get("attr.valid", prog, 'R', String.join(" ", NAMES));
    }

    /** A valid setting of {@code a}, built from what the user typed when it can be read. */
    private static String example(Attribute a, String typed) {
        String v = typed == null ? "" : typed.strip();
        String pct = v.endsWith("%") ? v.substring(0, v.length() - 1) : v;
        String value = switch (a.type) {
            case LIMITS -> Attrs.isInt(pct, 1, 100) ? "0%-" + Long.parseLong(pct) + "%," + Long.parseLong(pct) + "%"
                    : "10%-50%,80%";
            case MEMSIZE -> v.matches("[0-9]+[MmGgTt][Bb]?") ? v : "2048M";
            case PERCENT -> Attrs.isInt(pct, 1, 100) ? Long.parseLong(pct) + "%" : "50%";
            case SHARES -> Attrs.isInt(v, 1, 65535) ? v : "100";
            case COUNT -> Attrs.isInt(v, 1, Integer.MAX_VALUE) ? v : "1000";
            case YESNO -> v.equalsIgnoreCase("no") ? "no" : "yes";
            case RSET -> v.isEmpty() ? "sys/node.04.00000" : v;
            default -> v;
        };
        return a.key + "=" + value;
    }

    private static String normalise(String prog, Attribute a, String v) {
        String value = v.strip();
        if (value.equals(a.dflt) && a.type != ValueType.YESNO) {
            return "";
        }
        switch (a.type) {
            case YESNO -> {
                if (!value.equals("yes") && !value.equals("no")) {
                    throw bad(prog, a, v);
                }
                return value;
            }
            case RSET -> {
                if (!value.matches("[A-Za-z0-9_][A-Za-z0-9_./-]{0,63}")) {
                    throw bad(prog, a, v);
                }
                return value;
            }
            case SHARES -> {
                if (value.equals("-") || value.equals("unlimited")) {
                    return "";
                }
                if (!Attrs.isInt(value, 1, 65535)) {
                    if (!value.matches("-?[0-9]{1,12}")) {
                        throw bad(prog, a, v);
                    }
                    throw AixException.of("res.range", prog, a.key, Names.printable(v), 1, 65535);
                }
                return String.valueOf(Long.parseLong(value));
            }
            case COUNT -> {
                if (value.equals("-") || value.equals("unlimited")) {
                    return "";
                }
                if (!Attrs.isInt(value, 1, Integer.MAX_VALUE)) {
                    if (!value.matches("-?[0-9]{1,12}")) {
                        throw bad(prog, a, v);
                    }
                    throw AixException.of("res.range", prog, a.key, Names.printable(v), 1, Integer.MAX_VALUE);
                }
                return String.valueOf(Long.parseLong(value));
            }
            case PERCENT -> {
                String d = value.endsWith("%") ? value.substring(0, value.length() - 1) : value;
                if (!Attrs.isInt(d, 1, 100)) {
                    throw AixException.of("res.pct", prog, a.key, Names.printable(v));
                }
                String s = Long.parseLong(d) + "%";
                return s.equals(a.dflt) ? "" : s;
            }
            case MEMSIZE -> {
                if (value.equals("-") || value.equals("unlimited")) {
                    return "";
                }
                int mb = value.matches("[0-9]+[MmGgTt][Bb]?") ? Attrs.sizeMb(value) : -1;
                if (mb <= 0) {
                    throw AixException.of("res.size", prog, a.key, Names.printable(v));
                }
                return mb % 1024 == 0 ? (mb / 1024) + "GB" : mb + "MB";
            }
            case LIMITS -> {
                int[] l = limits(value);
                if (l == null) {
                    String text = Messages.get("res.limits", prog, a.key, Names.printable(v));
                    if (a.key.equals("memory") && value.matches("[0-9]+[MmGgTt][Bb]?")) {
                        text += "\n" + Messages.get("hint.memsize", prog, a.key, value);
                    } else if (Attrs.isInt(value.replace("%", ""), 1, 100) && value.indexOf('%') == value.lastIndexOf('%')) {
                        text += "\n" + Messages.get("hint.limits", prog, example(a, value));
                    }
                    throw new AixException(text);
                }
                if (!(l[0] <= l[1] && l[1] <= l[2] && l[2] >= 1 && l[2] <= 100)) {
                    throw AixException.of("res.limitorder", prog, a.key, Names.printable(v));
                }
                String s = l[0] + "%-" + l[1] + "%," + l[2] + "%";
                return s.equals(a.dflt) ? "" : s;
            }
            default -> throw new IllegalStateException();
        }
    }

    /** Parses "min%-softmax%,hardmax%" (or "min%-softmax%", hardmax 100); percent signs optional. */
    static int[] limits(String v) {
        String s = v.replace("%", "");
        String min;
        String soft;
        String hard;
        int comma = s.indexOf(',');
        String range = comma < 0 ? s : s.substring(0, comma);
        hard = comma < 0 ? "100" : s.substring(comma + 1);
        int dash = range.indexOf('-');
        if (dash < 0) {
            return null;
        }
        min = range.substring(0, dash);
        soft = range.substring(dash + 1);
        if (min.isEmpty()) {
            min = "0";
        }
        if (!Attrs.isInt(min, 0, 999) || !Attrs.isInt(soft, 0, 999) || !Attrs.isInt(hard, 0, 999)) {
            return null;
        }
        return new int[] {Integer.parseInt(min), Integer.parseInt(soft), Integer.parseInt(hard)};
    }

    private static AixException bad(String prog, Attribute a, String v) {
        return AixException.of("attr.badvalue", prog, a.key, Names.printable(v));
    }
}
