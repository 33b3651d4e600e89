package smittywpar.lab;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import smittywpar.host.AixPath;
import smittywpar.host.BaseTree;
import smittywpar.msg.Messages;
import smittywpar.store.Stanza;
import smittywpar.store.StanzaFile;
import smittywpar.wpar.Wpar;
import smittywpar.wpar.WparCodec;
import smittywpar.wpar.WparDiff;

/**
 * What differs between two states of the host (two sets of state files): WPARs added and removed,
 * and changed attribute by attribute ({@link WparDiff}); files added, changed and deleted inside
 * each WPAR (its stored file tree); the host's own devices, volume groups, interfaces, file
 * systems and filesets (host.cf, stanza by stanza). Host identity counters that every command
 * moves (the id sequence) are left out.
 */
final class HostDiff {
    private static final String HOST = "host.cf";
    private static final String WPARS = "wpars/";
    private static final String TREES = "wparfs/";
    /** The attribute naming each repeated stanza of host.cf. */
    private static final Map<String, String> HOST_KEYS = Map.of("interface", "name", "hosts", "address", "disk",
            "name", "adapter", "name", "vg", "name", "lv", "name", "fs", "mount", "fileset", "name");
    /** Counters, not configuration. */
    private static final Set<String> IGNORED = Set.of("system.id_serial", "system.id_seed");

    /** What every new system WPAR holds (a path no index names is this, or nothing). */
    private static final BaseTree SHIPPED = BaseTree.wparRoot();

    private final Map<String, byte[]> before;
    private final Map<String, byte[]> after;
    private final List<String> out = new ArrayList<>();

    private HostDiff(Map<String, byte[]> before, Map<String, byte[]> after) {
        this.before = before;
        this.after = after;
    }

    /** The differences, one line each; empty when the two states hold the same host. */
    static List<String> between(Map<String, byte[]> before, Map<String, byte[]> after) {
        HostDiff d = new HostDiff(before, after);
        Map<String, Wpar> wa = d.wpars(before);
        Map<String, Wpar> wb = d.wpars(after);
        d.wpars(wa, wb);
        d.files(wa, wb);
        d.host();
        return d.out;
    }

    // ---- WPARs ----------------------------------------------------------------------------------------

    private Map<String, Wpar> wpars(Map<String, byte[]> files) {
        Map<String, Wpar> out = new TreeMap<>();
        for (var e : files.entrySet()) {
            String rel = e.getKey();
            if (rel.startsWith(WPARS) && rel.endsWith(".cf") && rel.indexOf('/', WPARS.length()) < 0) {
                String name = rel.substring(WPARS.length(), rel.length() - 3);
                try {
                    out.put(name, WparCodec.parse(text(e.getValue())));
                } catch (WparCodec.BadWpar bad) {
                    throw LabException.of("lab.diff.bad", rel, bad.line, bad.getMessage());
                }
            }
        }
        return out;
    }

    private void wpars(Map<String, Wpar> wa, Map<String, Wpar> wb) {
        for (String n : union(wa.keySet(), wb.keySet())) {
            Wpar a = wa.get(n);
            Wpar b = wb.get(n);
            if (a == null) {
                out.add(Messages.get("lab.diff.wpar.added", n));
            } else if (b == null) {
                out.add(Messages.get("lab.diff.wpar.removed", n));
            } else {
                for (WparDiff.Change c : WparDiff.diff(a, b)) {
                    String what = c.object() == null ? c.section() : c.section() + " " + c.object();
                    if (c.whole()) {
                        out.add(Messages.get(c.after() != null ? "lab.diff.wpar.objadded" : "lab.diff.wpar.objremoved",
                                n, what));
                    } else {
                        out.add(Messages.get("lab.diff.wpar.attr", n, what, c.attribute(), shown(c.before()),
                                shown(c.after())));
                    }
                }
            }
        }
    }

    // ---- files inside WPARs ------------------------------------------------------------------------------

    /**
     * Files inside each WPAR, by base directory: a path whose index line or stored text differs.
     * A WPAR that was added or removed is not listed again file by file.
     */
    private void files(Map<String, Wpar> wa, Map<String, Wpar> wb) {
        Map<String, Map<String, String>> ta = trees(before);
        Map<String, Map<String, String>> tb = trees(after);
        for (String key : union(ta.keySet(), tb.keySet())) {
            String dir = AixPath.decode(key.replace("%2F", "/"));
            String a = owner(wa, dir);
            String b = owner(wb, dir);
            if (a == null && b == null || a == null != (b == null)) {
                continue;
            }
            Map<String, String> fa = ta.getOrDefault(key, Map.of());
            Map<String, String> fb = tb.getOrDefault(key, Map.of());
            for (String path : union(fa.keySet(), fb.keySet())) {
                String x = fa.get(path);
                String y = fb.get(path);
                if (x != null && x.equals(y)) {
                    continue;
                }
                // a path the index does not name is the shipped file (or nothing)
                boolean shipped = SHIPPED.get(path) != null;
                boolean was = x == null ? shipped : !x.startsWith("w ");
                boolean is = y == null ? shipped : !y.startsWith("w ");
                String how = !is ? "lab.diff.file.deleted" : !was ? "lab.diff.file.added" : "lab.diff.file.changed";
                out.add(Messages.get(how, b, path));
            }
        }
    }

    private static String owner(Map<String, Wpar> wpars, String dir) {
        for (Wpar w : wpars.values()) {
            if (dir.equals(w.directory)) {
                return w.name;
            }
        }
        return null;
    }

    /**
     * Each WPAR tree's changed paths (by tree key) with what identifies their content: the index
     * line (without its time, which a rewrite of the same text also moves) and the stored text.
     */
    private static Map<String, Map<String, String>> trees(Map<String, byte[]> files) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (var e : files.entrySet()) {
            String rel = e.getKey();
            if (!rel.startsWith(TREES) || !rel.endsWith("/tree")) {
                continue;
            }
            String key = rel.substring(TREES.length(), rel.length() - "/tree".length());
            if (key.indexOf('/') >= 0) {
                continue;
            }
            Map<String, String> paths = new TreeMap<>();
            String[] lines = text(e.getValue()).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split(" ");
                if (f.length < 2 || lines[i].startsWith("next ")) {
                    continue;
                }
                String path = AixPath.decode(f[f.length - 1]);
                String content = switch (f[0]) {
                    case "m" -> stored(files, TREES + key + "/fs" + path);
                    case "f" -> f.length > 1 ? stored(files, TREES + key + "/blobs/" + f[1]) : "";
                    default -> "";
                };
                paths.put(path, withoutTime(f) + "\n" + content);
            }
            // files placed under fs/ without an index line are files of the tree too
            String fsRoot = TREES + key + "/fs/";
            for (var g : files.entrySet()) {
                if (g.getKey().startsWith(fsRoot)) {
                    String path = g.getKey().substring(fsRoot.length() - 1);
                    paths.putIfAbsent(path, "m\n" + text(g.getValue()));
                }
            }
            out.put(key, paths);
        }
        return out;
    }

    /** An index line without its time field (type letter, then the fields before the time). */
    private static String withoutTime(String[] f) {
        int time = switch (f[0]) {
            case "m", "d", "o", "x" -> 4;
            case "f" -> 5;
            default -> -1;
        };
        List<String> kept = new ArrayList<>(Arrays.asList(f));
        if (time > 0 && time < kept.size()) {
            kept.remove(time);
        }
        return String.join(" ", kept);
    }

    private static String stored(Map<String, byte[]> files, String rel) {
        byte[] b = files.get(rel);
        return b == null ? "" : text(b);
    }

    // ---- the host ------------------------------------------------------------------------------------------

    private void host() {
        Map<String, Stanza> a = stanzas(before.get(HOST));
        Map<String, Stanza> b = stanzas(after.get(HOST));
        for (String id : union(a.keySet(), b.keySet())) {
            Stanza x = a.get(id);
            Stanza y = b.get(id);
            if (x == null) {
                out.add(Messages.get("lab.diff.host.added", id));
            } else if (y == null) {
                out.add(Messages.get("lab.diff.host.removed", id));
            } else {
                for (String k : union(x.attrs().keySet(), y.attrs().keySet())) {
                    String vx = x.get(k, "");
                    String vy = y.get(k, "");
                    if (!vx.equals(vy) && !IGNORED.contains(x.name() + "." + k)) {
                        out.add(Messages.get("lab.diff.host.attr", id, k, shown(vx), shown(vy)));
                    }
                }
            }
        }
    }

    /** The stanzas of host.cf by "kind name" (the kind alone for the ones it has once). */
    private static Map<String, Stanza> stanzas(byte[] hostFile) {
        Map<String, Stanza> out = new LinkedHashMap<>();
        if (hostFile == null) {
            return out;
        }
        try {
            for (Stanza s : StanzaFile.parse(text(hostFile))) {
                String key = HOST_KEYS.get(s.name());
                out.put(key == null ? s.name() : s.name() + " " + s.get(key, ""), s);
            }
        } catch (StanzaFile.SyntaxException e) {
            throw LabException.of("lab.diff.bad", HOST, e.line(), e.getMessage());
        }
        return out;
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static String shown(String v) {
        return v == null || v.isEmpty() ? "\"\"" : v;
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static List<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }
}
