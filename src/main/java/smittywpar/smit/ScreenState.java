package smittywpar.smit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The state of one screen on a session's stack: a menu with its cursor, a dialog or selector with
 * its field values, or the COMMAND STATUS of a run. The session's navigation moves between them;
 * {@link ViewBuilder} shows them.
 */
abstract sealed class ScreenState permits ScreenState.MenuState, ScreenState.FormState, ScreenState.StatusState {
    /** The line under the cursor (a menu item, a field); unused by COMMAND STATUS. */
    int cursor;

    public int cursor() {
        return cursor;
    }

    public void cursor(int i) {
        cursor = i;
    }

    /** The definition the screen shows (for the fast path F8 names). */
    abstract ScreenDef def();

    /** A menu and the item under the cursor. */
    static final class MenuState extends ScreenState implements Lines {
        final Menu menu;

        MenuState(Menu menu) {
            this.menu = menu;
            this.cursor = next(-1, 1);
        }

        @Override
        ScreenDef def() {
            return menu;
        }

        @Override
        public int size() {
            return menu.items().size();
        }

        @Override
        public String text(int i) {
            return menu.items().get(i).text();
        }

        @Override
        public boolean selectable(int i) {
            return !menu.items().get(i).info();
        }

    }

    /** A dialog or a selector (a one-field dialog) with its values and the values passed on to it. */
    static final class FormState extends ScreenState implements Lines {
        final ScreenDef def;
        final List<FieldState> fields;
        final Map<String, String> vars;

        FormState(ScreenDef def, List<Field> fields, Map<String, String> vars) {
            this.def = def;
            this.fields = new ArrayList<>();
            for (Field f : fields) {
                this.fields.add(new FieldState(f));
            }
            this.vars = vars;
            this.cursor = next(-1, 1);
            // the cursor starts on the first field that can be changed, not on one that only shows a value
            for (int i = 0; i < this.fields.size(); i++) {
                Field f = this.fields.get(i).field;
                if (f.editable() || f.isRing()) {
                    this.cursor = i;
                    break;
                }
            }
        }

        @Override
        ScreenDef def() {
            return def;
        }

        boolean selector() {
            return def instanceof Selector;
        }

        @Override
        public int size() {
            return fields.size();
        }

        @Override
        public String text(int i) {
            return fields.get(i).field.label();
        }

        @Override
        public boolean selectable(int i) {
            return !fields.get(i).field.info();
        }


        FieldState current() {
            return fields.isEmpty() ? null : fields.get(cursor);
        }

        /** A value by name for {name} in helper commands: a passed-on value or a field by its id. */
        String lookup(String name) {
            String v = vars.get(name);
            if (v != null) {
                return v;
            }
            for (FieldState s : fields) {
                if (name.equals(s.field.id())) {
                    return s.real();
                }
            }
            return "";
        }

        List<Composer.Value> values() {
            List<Composer.Value> out = new ArrayList<>(fields.size());
            for (FieldState s : fields) {
                out.add(s.composerValue());
            }
            return out;
        }
    }

    /**
     * COMMAND STATUS of one run. The task commands may run on a thread of their own: they add
     * output lines and set the status while the screen shows them, so both are read through
     * {@link #lines()} and {@link #status()}, which may be called from any thread.
     */
    static final class StatusState extends ScreenState {
        /** The dialog it was run from, when it is on the stack (F3 may back up past it). */
        final FormState from;
        final Dialog dialog;
        /** The command lines run, in order. */
        final Composer.Run run;
        /** Ctrl-C while the commands run. */
        final CommandRunner.Interrupt interrupt = new CommandRunner.Interrupt();
        private volatile View.Status status = View.Status.RUNNING;
        private final List<View.OutputLine> lines = new ArrayList<>();
        private List<View.OutputLine> shown = List.of();
        /** Counts every change (a line, the status), so that a screen knows when to draw again. */
        private volatile long changes;
        int found = -1;

        StatusState(FormState from, Dialog dialog, Composer.Run run) {
            this.from = from;
            this.dialog = dialog;
            this.run = run;
        }

        @Override
        ScreenDef def() {
            return dialog;
        }

        View.Status status() {
            return status;
        }

        /** Ends the run (the lines are all there): OK or FAILED. */
        void status(View.Status s) {
            status = s;
            changes++;
        }

        /** A line of output (or smitty's own note), in the order written. */
        synchronized void add(View.OutputLine l) {
            lines.add(l);
            changes++;
        }

        synchronized void addAll(List<View.OutputLine> ls) {
            lines.addAll(ls);
            changes++;
        }

        /** The output so far (the same list object while nothing was added). */
        synchronized List<View.OutputLine> lines() {
            if (shown.size() != lines.size()) {
                shown = List.copyOf(lines);
            }
            return shown;
        }

        long changes() {
            return changes;
        }

        /** {@code /} and {@code n}: the next output line containing {@code lower} becomes the one found; false when none. */
        boolean find(String lower) {
            List<View.OutputLine> out = lines();
            found = Lines.find(out.size(), i -> out.get(i).text(), found, lower);
            return found >= 0;
        }
    }
}
