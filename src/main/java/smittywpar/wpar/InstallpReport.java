package smittywpar.wpar;

import java.util.List;

import smittywpar.base.Text;
import smittywpar.msg.Messages;

/**
 * What installp prints, for the runs the simulation makes: the global environment's installp,
 * the root parts mkwpar and syncroot apply inside a WPAR, and the filesets syncwpar -D installs
 * into a detached WPAR. The short form is the run itself ("installp:  APPLYING software for:",
 * the summary table); the full form adds the pre-installation verification before it (installp
 * always, syncroot and syncwpar with -v). The texts are in the message catalogue
 * ({@code installp.*}).
 */
public final class InstallpReport {
    private InstallpReport() {
    }

    /**
     * One fileset of a run: its level (the new one), description, whether the run touches its
     * usr part and its root part, and whether it is taken out (DEINSTALL) rather than applied.
     */
    public record Item(String name, String level, String description, boolean usr, boolean root, boolean remove) {
        String line() {
            return name + " " + level;
        }
    }

    /** The selections that pass or fail the pre-installation verification. */
    public record Verification(List<Item> selected, List<String> missing, List<Item> already) {
        public boolean nothingToDo() {
            return selected.isEmpty();
        }
    }

    /** The pre-installation verification, and the preview banner first when {@code preview}. */
    public static void verification(Console con, Verification v, boolean preview) {
        if (preview) {
            con.say("installp.stars");
            con.say("installp.preview");
            con.say("installp.stars");
        }
        con.say("installp.rule");
        con.say("installp.preverify");
        con.say("installp.rule");
        con.say("installp.verifying");
        con.outln("");
        if (!v.selected().isEmpty()) {
            con.say("installp.successes");
            con.outln("");
            con.say("installp.selectedhead");
            for (Item i : v.selected()) {
                con.outln(itemLine(i));
            }
            con.outln("");
            con.say("installp.endsuccess");
            con.outln("");
        }
        if (!v.missing().isEmpty() || !v.already().isEmpty()) {
            con.say("installp.failures");
            con.outln("");
            if (!v.already().isEmpty()) {
                con.say("installp.already");
                con.outln("");
                for (Item i : v.already()) {
                    con.outln(itemLine(i));
                }
                con.outln("");
            }
            if (!v.missing().isEmpty()) {
                con.say("installp.missing");
                con.outln("");
                for (String m : v.missing()) {
                    con.outln("    " + m);
                }
                con.outln("");
            }
            con.say("installp.endfailure");
            con.outln("");
        }
        con.say("installp.rule");
        con.say("installp.builddate");
        con.say("installp.rule");
        con.say("installp.verifybuild");
        con.say("installp.stats");
        int selected = v.selected().size() + v.missing().size() + v.already().size();
        con.outln(count(selected, 4) + "  " + Messages.get("installp.stats.selected"));
        if (!v.selected().isEmpty()) {
            con.outln(count(v.selected().size(), 8) + "  " + Messages.get("installp.stats.passed"));
        }
        if (!v.already().isEmpty()) {
            con.outln(count(v.already().size(), 8) + "  " + Messages.get("installp.stats.already"));
        }
        if (!v.missing().isEmpty()) {
            con.outln(count(v.missing().size(), 8) + "  " + Messages.get("installp.stats.failed"));
        }
        con.say("installp.stats.rule");
        con.outln(count(v.selected().size(), 4) + "  " + Messages.get("installp.stats.total"));
        con.outln("");
        if (preview) {
            con.say("installp.stars");
            con.say("installp.endpreview");
            con.say("installp.stars");
        }
    }

    /**
     * The run itself: the "Installing Software..." heading when {@code heading} (a full report),
     * the filesets applied and removed, and the summary table: per fileset a line for each part
     * touched, APPLY (DEINSTALL for one taken out), and COMMIT lines when {@code commit}.
     */
    public static void run(Console con, List<Item> items, boolean commit, boolean heading) {
        if (heading) {
            con.say("installp.rule");
            con.say("installp.installing");
            con.say("installp.rule");
            con.outln("");
        }
        block(con, items, false, "mk.installp.applying");
        block(con, items, true, "installp.deinstalling");
        summaryHeader(con, 1 + items.size());
        for (Item i : items) {
            String event = i.remove() ? "DEINSTALL" : "APPLY";
            rows(con, i, event);
        }
        if (commit) {
            for (Item i : items) {
                if (!i.remove()) {
                    rows(con, i, "COMMIT");
                }
            }
        }
        con.outln("");
    }

    /**
     * The end of installp's run and the head of its summary table: "Finished processing all
     * filesets.  (Total time: N secs)." with {@code seconds}, the rules, the title and the column
     * header (installp's own report and mkwpar's syncroot part print the same).
     */
    public static void summaryHeader(Console con, int seconds) {
        con.say("mk.installp.finished", seconds);
        con.outln("");
        con.say("mk.installp.rule");
        con.say("mk.installp.summaries");
        con.say("mk.installp.rule");
        con.outln("");
        con.say("mk.installp.summary");
        con.say("mk.installp.summaryrule");
        con.say("mk.installp.header");
        con.say("mk.installp.headerrule");
    }

    /** installp -c: the filesets committed and their COMMIT lines. */
    public static void commit(Console con, List<Item> items) {
        con.say("installp.committing");
        for (Item i : items) {
            con.say("mk.installp.item", i.name(), i.level());
        }
        con.outln("");
        summaryHeader(con, 1 + items.size());
        for (Item i : items) {
            rows(con, i, "COMMIT");
        }
        con.outln("");
    }

    private static void block(Console con, List<Item> items, boolean removed, String heading) {
        boolean any = false;
        for (Item i : items) {
            if (i.remove() == removed) {
                if (!any) {
                    con.say(heading);
                    any = true;
                }
                con.say("mk.installp.item", i.name(), i.level());
            }
        }
        if (any) {
            con.outln("");
        }
    }

    private static void rows(Console con, Item i, String event) {
        if (i.usr()) {
            con.outln(row(i, "USR", event));
        }
        if (i.root()) {
            con.outln(row(i, "ROOT", event));
        }
    }

    static String row(Item i, String part, String event) {
        return Text.left(i.name(), 27) + " " + Text.left(i.level(), 15) + " " + Text.left(part, 11) + " "
                + Text.left(event, 11) + " SUCCESS";
    }

    /** A selected fileset as the verification lists it: name and level, then its description. */
    private static String itemLine(Item i) {
        String head = "  " + i.line();
        return (Text.left(head, 46) + "# " + i.description()).stripTrailing();
    }

    private static String count(int n, int width) {
        return Text.right(String.valueOf(n), width + 1);
    }
}
