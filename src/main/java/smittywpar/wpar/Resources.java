package smittywpar.wpar;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import smittywpar.msg.AixException;
import smittywpar.msg.Messages;

/**
 * Resource controls (-R): the attributes in lswpar -L order, their labels, defaults as shown,
 * validation and normalisation of new values.
 */
public final class Resources {
    /** An attribute: name, -L label, shown default, kind of value. */
    public record Attr(String name, String label, String shownDefault, Kind kind) {
    }

    public enum Kind { YESNO, RSET, SHARES, LIMITS, SIZE, COUNT, PERCENT }

    public static final List<Attr> ATTRS = List.of(
            new Attr("active", "Active", "yes", Kind.YESNO),
            new Attr("rset", "Resource Set", "", Kind.RSET),
            new Attr("shares_CPU", "CPU Shares", "unlimited", Kind.SHARES),
            new Attr("CPU", "CPU Limits", "0%-100%,100%", Kind.LIMITS),
            new Attr("shares_memory", "Memory Shares", "unlimited", Kind.SHARES),
            new Attr("memory", "Memory Limits", "0%-100%,100%", Kind.LIMITS),
            new Attr("procVirtMem", "Per-Process Virtual Memory Limit", "unlimited", Kind.SIZE),
            new Attr("totalVirtMem", "Total Virtual Memory Limit", "unlimited", Kind.SIZE),
            new Attr("totalProcesses", "Total Processes", "unlimited", Kind.COUNT),
            new Attr("totalThreads", "Total Threads", "unlimited", Kind.COUNT),
            new Attr("totalPTYs", "Total PTYs", "unlimited", Kind.COUNT),
            new Attr("totalLargePages", "Total Large Pages", "unlimited", Kind.COUNT),
            new Attr("pct_msgIDs", "Max Message Queue IDs", "100%", Kind.PERCENT),
            new Attr("pct_semIDs", "Max Semaphore IDs", "100%", Kind.PERCENT),
            new Attr("pct_shmIDs", "Max Shared Memory IDs", "100%", Kind.PERCENT),
            new Attr("pct_pinMem", "Max Pinned Memory", "100%", Kind.PERCENT));

    public static final List<String> NAMES = ATTRS.stream().map(Attr::name).toList();

    private Resources() {
    }

    public static Attr attr(String name) {
        for (Attr a : ATTRS) {
            if (a.name.equals(name)) {
                return a;
            }
        }
        return null;
    }

    /** The value lswpar shows for {@code name} (the default when unset). */
    public static String shown(Wpar w, String name) {
        Attr a = attr(name);
        String v = w.resources.get(name);
        return v == null || v.isEmpty() ? a.shownDefault : v;
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
     * names and repeated names; the values are not validated (the syntax check of a command line).
     */
    public static Map<String, String> names(String prog, List<String> words) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (String w : words) {
            int eq = w.indexOf('=');
            if (eq <= 0) {
                throw AixException.of("attr.malformed", prog, Names.printable(w), 'R');
            }
            String key = w.substring(0, eq);
            if (attr(key) == null) {
                throw new AixException(unknown(prog, key, w.substring(eq + 1)));
            }
            if (raw.containsKey(key)) {
                throw AixException.of("attr.dup", prog, key, 'R');
            }
            raw.put(key, w.substring(eq + 1));
        }
        return raw;
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
        for (Attr a : ATTRS) {
            if (a.name.equalsIgnoreCase(key)) {
                return text + "\n" + Messages.get("hint.rescase", prog, a.name, example(a, value));
            }
        }
        return text + "\n" + Messages.get("attr.valid", prog, 'R', String.join(" ", NAMES));
    }

    /** A valid setting of {@code a}, built from what the user typed when it can be read. */
    private static String example(Attr a, String typed) {
        String v = typed == null ? "" : typed.strip();
        String pct = v.endsWith("%") ? v.substring(0, v.length() - 1) : v;
        String value = switch (a.kind) {
            case LIMITS -> Attrs.isInt(pct, 1, 100) ? "0%-" + Long.parseLong(pct) + "%," + Long.parseLong(pct) + "%"
                    : "10%-50%,80%";
            case SIZE -> v.matches("[0-9]+[MmGgTt][Bb]?") ? v : "2048M";
            case PERCENT -> Attrs.isInt(pct, 1, 100) ? Long.parseLong(pct) + "%" : "50%";
            case SHARES -> Attrs.isInt(v, 1, 65535) ? v : "100";
            case COUNT -> Attrs.isInt(v, 1, Integer.MAX_VALUE) ? v : "1000";
            case YESNO -> v.equalsIgnoreCase("no") ? "no" : "yes";
            case RSET -> v.isEmpty() ? "sys/node.04.00000" : v;
        };
        return a.name + "=" + value;
    }

    private static String normalise(String prog, Attr a, String v) {
        String value = v.strip();
        if (value.equals(a.shownDefault) && a.kind != Kind.YESNO) {
            return "";
        }
        switch (a.kind) {
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
                    throw AixException.of("res.range", prog, a.name, Names.printable(v), 1, 65535);
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
                    throw AixException.of("res.range", prog, a.name, Names.printable(v), 1, Integer.MAX_VALUE);
                }
                return String.valueOf(Long.parseLong(value));
            }
            case PERCENT -> {
                String d = value.endsWith("%") ? value.substring(0, value.length() - 1) : value;
                if (!Attrs.isInt(d, 1, 100)) {
                    throw AixException.of("res.pct", prog, a.name, Names.printable(v));
                }
                String s = Long.parseLong(d) + "%";
                return s.equals(a.shownDefault) ? "" : s;
            }
            case SIZE -> {
                if (value.equals("-") || value.equals("unlimited")) {
                    return "";
                }
                int mb = value.matches("[0-9]+[MmGgTt][Bb]?") ? Attrs.sizeMb(value) : -1;
                if (mb <= 0) {
                    throw AixException.of("res.size", prog, a.name, Names.printable(v));
                }
                return mb % 1024 == 0 ? (mb / 1024) + "GB" : mb + "MB";
            }
            case LIMITS -> {
                int[] l = limits(value);
                if (l == null) {
                    String text = Messages.get("res.limits", prog, a.name, Names.printable(v));
                    if (a.name.equals("memory") && value.matches("[0-9]+[MmGgTt][Bb]?")) {
                        text += "\n" + Messages.get("hint.memsize", prog, a.name, value);
                    } else if (Attrs.isInt(value.replace("%", ""), 1, 100) && value.indexOf('%') == value.lastIndexOf('%')) {
                        text += "\n" + Messages.get("hint.limits", prog, example(a, value));
                    }
                    throw new AixException(text);
                }
                if (!(l[0] <= l[1] && l[1] <= l[2] && l[2] >= 1 && l[2] <= 100)) {
                    throw AixException.of("res.limitorder", prog, a.name, Names.printable(v));
                }
                String s = l[0] + "%-" + l[1] + "%," + l[2] + "%";
                return s.equals(a.shownDefault) ? "" : s;
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

    private static AixException bad(String prog, Attr a, String v) {
        return AixException.of("attr.badvalue", prog, a.name, Names.printable(v));
    }
}
