package smittywpar.wpar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import smittywpar.host.Host;
import smittywpar.msg.Messages;

/**
 * The software a system WPAR holds in its own file systems, and its synchronisation with the
 * global environment. A shared WPAR (read-only /usr and /opt of the global environment) holds
 * the root parts of the filesets that have one; a detached WPAR (mkwpar -l) holds every fileset,
 * usr and root parts. What it holds is the {@link Attribute#SOFTWARE} attribute, set by mkwpar
 * to the global environment's levels of the day; when installp (or a lab's edit of host.cf)
 * changes the global environment later, the WPAR is out of step until syncroot runs inside it
 * (syncwpar runs it from the global environment; a detached WPAR needs syncwpar -D, which
 * installs the filesets into its own /usr from installation images).
 */
public final class Software {
    private Software() {
    }

    /** The flags of syncroot and syncwpar: -a, -i, -r, -p, -v (-F and -X change nothing here). */
    public record Options(boolean additional, boolean installpOnly, boolean rpmOnly, boolean preview,
            boolean verbose) {
    }

    /**
     * One fileset whose level in the WPAR ({@code held}, null: not there) differs from the
     * global environment's ({@code global}, null: no longer installed there).
     */
    public record Change(String name, String held, String global, String description, boolean root) {
        /** A change to a lower level, or a removal: what -a (additional installs only) leaves. */
        boolean downlevel() {
            return global == null || held != null && Host.compareLevels(global, held) < 0;
        }

        InstallpReport.Item item(boolean usr) {
            return new InstallpReport.Item(name, global == null ? held : global, description, usr, root || !usr,
                    global == null);
        }
    }

    // ---- the attribute ----------------------------------------------------------------------

    /** {@code name=level} words as a map in their order; null when a word is not of that form. */
    public static Map<String, String> parse(String v) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String word : v.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            int eq = word.indexOf('=');
            if (eq <= 0 || !ValueType.printable(word) || word.indexOf('"') >= 0
                    || !Host.validLevel(word.substring(eq + 1)) || out.put(word.substring(0, eq), word.substring(eq + 1)) != null) {
                return null;
            }
        }
        return out;
    }

    static String format(Map<String, String> levels) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(levels).entrySet()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    /** True for a WPAR whose software follows the global environment's: a native system WPAR. */
    public static boolean synchronizable(Wpar w) {
        return w.type == 'S' && "0".equals(w.ostype);
    }

    /** What the WPAR would hold if it were in step: the global levels of the parts it keeps. */
    public static Map<String, String> expected(Wpar w, Host h) {
        Map<String, String> out = new TreeMap<>();
        for (Host.Fileset f : h.filesets) {
            if (f.root || w.privateUsr) {
                out.put(f.name, f.level);
            }
        }
        return out;
    }

    /** What the WPAR holds: as recorded, or (a WPAR recorded before any) what it would hold in step. */
    public static Map<String, String> held(Wpar w, Host h) {
        String v = w.get(Attribute.SOFTWARE);
        Map<String, String> m = v == null ? null : parse(v);
        return m == null ? expected(w, h) : new TreeMap<>(m);
    }

    /** Records that the WPAR holds the global environment's levels (mkwpar, a finished sync). */
    public static void record(Wpar w, Host h) {
        w.set(Attribute.SOFTWARE, format(expected(w, h)));
    }

    /** The differences between what the WPAR holds and the global environment, by fileset name. */
    public static List<Change> changes(Wpar w, Host h) {
        List<Change> out = new ArrayList<>();
        if (!synchronizable(w)) {
            return out;
        }
        Map<String, String> held = held(w, h);
        Map<String, String> want = expected(w, h);
        Map<String, String> names = new TreeMap<>(held);
        names.putAll(want);
        for (String name : names.keySet()) {
            String a = held.get(name);
            String b = want.get(name);
            if (a == null || !a.equals(b)) {
                Host.Fileset f = h.fileset(name);
                out.add(new Change(name, a, b, description(h, name), f == null || f.root));
            }
        }
        return out;
    }

    /** The description of a fileset: the installed one's, else an image's, else none. */
    public static String description(Host h, String name) {
        Host.Fileset f = h.fileset(name);
        if (f != null) {
            return f.description;
        }
        for (Host.Image i : h.images) {
            if (i.name.equals(name)) {
                return i.description;
            }
        }
        return "";
    }

    /** Applies changes to what the WPAR holds. */
    private static void apply(Wpar w, Host h, List<Change> done) {
        Map<String, String> held = held(w, h);
        for (Change c : done) {
            if (c.global() == null) {
                held.remove(c.name());
            } else {
                held.put(c.name(), c.global());
            }
        }
        w.set(Attribute.SOFTWARE, format(held));
    }

    private static List<Change> wanted(List<Change> all, Options o) {
        List<Change> out = new ArrayList<>();
        for (Change c : all) {
            if (!o.additional() || !c.downlevel()) {
                out.add(c);
            }
        }
        return out;
    }

    // ---- syncroot ---------------------------------------------------------------------------

    /**
     * syncroot in the global environment ({@code w} null) or inside WPAR {@code w}: the root part
     * is brought in line with the usr part it sees. Only a shared WPAR's can differ (installp
     * keeps the global environment's parts together, and a detached WPAR's /usr is its own).
     * Changes {@code w} unless previewing; the caller saves it.
     */
    public static void syncroot(Console con, Wpar w, Host h, Options o) {
        boolean shared = w != null && !w.privateUsr;
        con.say("mk.syncroot1");
        List<Change> todo = shared && !o.rpmOnly() ? wanted(changes(w, h), o) : List.of();
        if (!todo.isEmpty()) {
            con.say("syncroot.installp");
            List<InstallpReport.Item> items = new ArrayList<>();
            for (Change c : todo) {
                items.add(c.item(false));
            }
            if (o.preview()) {
                InstallpReport.verification(con, new InstallpReport.Verification(items, List.of(), List.of()), true);
                con.say("mk.syncroot5");
                return;
            }
            if (o.verbose()) {
                InstallpReport.verification(con, new InstallpReport.Verification(items, List.of(), List.of()), false);
            }
            InstallpReport.run(con, items, false, o.verbose());
            apply(w, h, todo);
            con.say("mk.syncroot1");
        }
        boolean installpInStep = !shared || changes(w, h).isEmpty();
        if (!o.rpmOnly()) {
            con.say(installpInStep ? "mk.syncroot2" : "syncroot.installp.behind");
        }
        if (!o.installpOnly()) {
            con.say("mk.syncroot3");
        }
        con.say(installpInStep ? "mk.syncroot4" : "syncroot.behind");
        con.say("mk.syncroot5");
    }

    // ---- syncwpar -D: a detached WPAR -----------------------------------------------------------

    /**
     * The images a detached WPAR's synchronisation from {@code device} lacks (null device: the
     * global environment's own software, which has them all): "name level" for each.
     */
    public static List<String> missingImages(Wpar w, Host h, String device, Options o) {
        List<String> out = new ArrayList<>();
        if (device == null) {
            return out;
        }
        for (Change c : wanted(changes(w, h), o)) {
            if (c.global() == null) {
                continue;
            }
            boolean found = false;
            for (Host.Image i : h.images(device)) {
                found |= i.name.equals(c.name()) && i.level.equals(c.global());
            }
            if (!found) {
                out.add(c.name() + " " + c.global());
            }
        }
        return out;
    }

    /**
     * Installs the global environment's levels into detached WPAR {@code w} (installp inside it,
     * usr and root parts), then its syncroot, which finds the root part in step with its /usr.
     * The caller checked {@link #missingImages} first.
     */
    public static void syncDetached(Console con, Wpar w, Host h, Options o) {
        List<Change> todo = wanted(changes(w, h), o);
        if (!todo.isEmpty()) {
            con.say("syncwpar.execinstallp", w.name);
            List<InstallpReport.Item> items = new ArrayList<>();
            for (Change c : todo) {
                items.add(c.item(true));
            }
            InstallpReport.Verification v = new InstallpReport.Verification(items, List.of(), List.of());
            if (o.preview() || o.verbose()) {
                InstallpReport.verification(con, v, o.preview());
            }
            if (!o.preview()) {
                InstallpReport.run(con, items, true, o.verbose());
                apply(w, h, todo);
            }
        }
        con.say("syncwpar.exec", w.name);
        syncroot(con, w, h, new Options(false, o.installpOnly(), o.rpmOnly(), o.preview(), o.verbose()));
    }

    // ---- startwpar ------------------------------------------------------------------------------

    /** startwpar's notice (ckwpar's warning) for a WPAR whose software is out of step. */
    static void warnOutOfSync(Console con, Wpar w, Host h) {
        List<Change> c = changes(w, h);
        if (c.isEmpty()) {
            return;
        }
        con.errln(Messages.get("banner"));
        con.errln(Messages.get("banner.warning"));
        con.warn(w.privateUsr ? "start.outofsync.detached" : "start.outofsync", "ckwpar", w.name, c.size());
        con.errln("");
        con.errln(Messages.get("banner"));
    }
}
