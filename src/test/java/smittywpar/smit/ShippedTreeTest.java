package smittywpar.smit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The menu tree shipped in menus/ loads and validates, and reads the same everywhere. */
class ShippedTreeTest {
    private static MenuTree tree() {
        return MenuLoader.load(MenuSource.packaged());
    }

    @Test
    void loadsAndValidates() {
        MenuTree t = tree();
        List<String> notes = Validator.validate(t);
        assertThat(notes).isEmpty();
    }

    /**
     * What a field is, for the label check: an attribute by its flag and name wherever it is; a
     * flag or ring by the dialog's command (wparexec counts as mkwpar: the same settings of a new
     * workload partition); a workload partition name, typed or chosen, in any dialog or selector.
     */
    private static String identity(String command, Field f) {
        if (f.attr() != null) {
            return f.prefix().strip() + " " + f.attr();
        }
        boolean wparName = "_rawname".equals(f.discover()) || f.list() != null && f.list().startsWith("lswpar -qca name");
        if (wparName && (command == null || f.positional())) {
            return f.multi() == Field.Multi.SINGLE ? "the workload partition name" : "workload partition names";
        }
        String family = command.startsWith("wparexec") ? "mkwpar" + command.substring(8) : command;
        if (f.positional()) {
            return family + " operand " + f.label();
        }
        if (f.isRing() && !f.values().isEmpty()) {
            return family + " " + String.join(",", f.values());
        }
        return family + " " + f.prefix().strip();
    }

    /** Issue 11, item 9: one label per field across the tree (the system and application sides alike). */
    @Test
    void theSameFieldHasTheSameLabelEverywhere() {
        Map<String, TreeSet<String>> labels = new TreeMap<>();
        for (ScreenDef s : tree().screens().values()) {
            List<Field> fields = new ArrayList<>();
            String command = null;
            if (s instanceof Dialog d) {
                fields.addAll(d.fields());
                command = d.command();
            } else if (s instanceof Selector sel) {
                fields.add(sel.field());
            }
            for (Field f : fields) {
                if (!f.info()) {
                    labels.computeIfAbsent(identity(command, f), k -> new TreeSet<>()).add(f.label());
                }
            }
        }
        Map<String, TreeSet<String>> conflicts = new TreeMap<>(labels);
        conflicts.values().removeIf(used -> used.size() == 1);
        assertThat(conflicts).isEmpty();
        assertThat(labels.get("the workload partition name")).containsExactly("Workload Partition Name");
    }

    /** Issue 11, item 9: a name or path sent without a flag is quoted like every other value. */
    @Test
    void onlyWordsMeantToBeSplitGoOutUnquoted() {
        List<String> unquoted = new ArrayList<>();
        for (ScreenDef s : tree().screens().values()) {
            if (s instanceof Dialog d) {
                for (Field f : d.fields()) {
                    if (f.prefix().equals("--") || f.prefix().equals("-- ")) {
                        unquoted.add(d.id() + ": " + f.label());
                    }
                }
            }
        }
        assertThat(unquoted).containsExactlyInAnyOrder("simplewpar_app: COMMAND", "advancewpar_app: COMMAND",
                "advancewpar_app: Environment variables (var=value ...)");
    }

    /** Issue 11, item 7: every entry field takes at most as many characters as AIX gives it. */
    @Test
    void everyEntryFieldHasAMaximumLength() {
        List<String> unlimited = new ArrayList<>();
        for (ScreenDef s : tree().screens().values()) {
            List<Field> fields = s instanceof Dialog d ? d.fields()
                    : s instanceof Selector sel ? List.of(sel.field()) : List.of();
            for (Field f : fields) {
                if (f.editable() && f.size() == 0) {
                    unlimited.add(s.id() + ": " + f.label());
                }
            }
        }
        assertThat(unlimited).isEmpty();
    }
}
