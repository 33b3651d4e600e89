package smittywpar.smit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import smittywpar.msg.Messages;

/** The pop-up open over a session's screen: an F4 list, ARE YOU SURE?, or a message. */
sealed interface PopupState permits PopupState.ListState, PopupState.ConfirmState, PopupState.MessageState {

    /** One line of an F4 list: what is shown and what a choice copies (null: cannot be chosen). */
    record Entry(String text, String value) {
    }

    /** An F4 list (of a ring's values or a list command's output) for a field of a form. */
    final class ListState implements PopupState, Lines {
        final ScreenState.FormState owner;
        final FieldState target;
        final List<Entry> entries;
        final boolean ring;
        /** the list of a ghost selector: choosing passes the value on, F3 closes the selector too */
        final boolean ghost;
        final TreeSet<Integer> marked = new TreeSet<>();
        int cursor;

        ListState(ScreenState.FormState owner, FieldState target, List<Entry> entries, boolean ring, boolean ghost) {
            this.owner = owner;
            this.target = target;
            this.entries = entries;
            this.ring = ring;
            this.ghost = ghost;
            this.cursor = ring ? target.ring : next(-1, 1);
        }

        /** The list of a ring's shown values, the cursor on the current one. */
        static ListState ring(ScreenState.FormState owner, FieldState target, boolean ghost) {
            List<Entry> entries = new ArrayList<>();
            for (String v : target.field.ring()) {
                entries.add(new Entry(v, v));
            }
            return new ListState(owner, target, entries, true, ghost);
        }

        /**
         * Enter: puts the choice into the field (the ring position, the value under the cursor, or
         * the marked values joined as the field's multi-select says).
         *
         * @return false (nothing changes) when the cursor is on a line that cannot be chosen
         */
        boolean choose() {
            if (ring) {
                target.ring = cursor;
                return true;
            }
            List<String> picked = new ArrayList<>();
            if (multi() && !marked.isEmpty()) {
                for (int i : marked) {
                    picked.add(entries.get(i).value());
                }
            } else if (entries.get(cursor).value() != null) {
                picked.add(entries.get(cursor).value());
            } else {
                return false;
            }
            target.value = String.join(target.field.multi() == Field.Multi.COMMA ? "," : " ", picked);
            return true;
        }

        boolean multi() {
            return !ring && target.field.multi() != Field.Multi.SINGLE;
        }

        @Override
        public int size() {
            return entries.size();
        }

        @Override
        public String text(int i) {
            return entries.get(i).text();
        }

        @Override
        public boolean selectable(int i) {
            return entries.get(i).value() != null;
        }

        @Override
        public int cursor() {
            return cursor;
        }

        @Override
        public void cursor(int i) {
            cursor = i;
        }
    }

    /** ARE YOU SURE? before the command lines {@code run} of form {@code owner} run. */
    record ConfirmState(ScreenState.FormState owner, Composer.Run run) implements PopupState {
    }

    /**
     * @param exitCode when the stack is empty, closing the pop-up ends the session with this code
     * @param text the message alone (without the "Press Enter" lines)
     * @param under the pop-up it was opened over (F1 or F8 in a list), shown again when it closes
     */
    record MessageState(String title, List<String> lines, int exitCode, String text, PopupState under)
            implements PopupState {
        MessageState(String title, List<String> lines, int exitCode, String text) {
            this(title, lines, exitCode, text, null);
        }

        /** ERROR MESSAGE: the text, then how to go back. */
        static MessageState error(String text, int exitCode) {
            List<String> body = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
            body.add("");
            body.addAll(ViewBuilder.lines("smit.popup.return"));
            return new MessageState(Messages.get("smit.error.title"), body, exitCode, text);
        }

        /**
         * F1 over the screen {@code top} and the pop-up {@code popup}: the help of the item of a
         * menu, the field of a dialog or F4 list, or the dialog of COMMAND STATUS; null over other
         * pop-ups.
         */
        static MessageState helpFor(ScreenState top, PopupState popup) {
            if (popup instanceof ListState l) {
                return help(l.target.field.label(), l.target.field.help(), popup);
            } else if (popup != null) {
                return null;
            } else if (top instanceof ScreenState.MenuState m) {
                Menu.Item it = m.menu.items().get(m.cursor);
                return help(it.text(), it.help(), null);
            } else if (top instanceof ScreenState.FormState d) {
                FieldState s = d.current();
                return s == null ? help(d.def.title(), d.def.help(), null) : help(s.field.label(), s.field.help(), null);
            } else if (top instanceof ScreenState.StatusState o) {
                return help(o.dialog.title(), o.dialog.help(), null);
            }
            return null;
        }

        /** F1: the help text of an item or field (or that there is none), over the pop-up {@code under}. */
        static MessageState help(String title, String help, PopupState under) {
            List<String> body = help == null || help.isBlank() ? ViewBuilder.lines("smit.help.none")
                    : Arrays.asList(help.strip().split("\n", -1));
            return new MessageState(title, body, 0, String.join("\n", body), under);
        }

        /** F6: the command lines, one per row. */
        static MessageState command(String text) {
            List<String> body = new ArrayList<>(ViewBuilder.lines("smit.popup.return"));
            body.add("");
            body.addAll(Arrays.asList(text.split("\n", -1)));
            return new MessageState(Messages.get("smit.showcmd.title"), body, 0, text);
        }
    }
}
