package smittywpar.smit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import smittywpar.msg.Messages;
import smittywpar.smit.PopupState.ConfirmState;
import smittywpar.smit.PopupState.ListState;
import smittywpar.smit.PopupState.MessageState;
import smittywpar.smit.ScreenState.FormState;
import smittywpar.smit.ScreenState.MenuState;
import smittywpar.smit.ScreenState.StatusState;

/**
 * Builds the {@link View} of a session's state: the screen on top of the stack (a ghost selector
 * shows only its list, over the screen before it), the pop-up over it and the function-key
 * legend, with every text from the menus and the message catalogue.
 */
final class ViewBuilder {
    private ViewBuilder() {
    }

    /**
     * @param noRunFlag the session's -x / -X flag, or null: with one, COMMAND STATUS shows no
     *        stdout/stderr markers (nothing ran)
     */
    static View view(Deque<ScreenState> stack, PopupState popup, String noRunFlag) {
        return new View(base(stack, noRunFlag), popup(popup), legend(stack, popup));
    }

    private static View.Screen base(Deque<ScreenState> stack, String noRunFlag) {
        ScreenState f = null;
        for (ScreenState x : stack) {
            boolean ghost = x instanceof FormState ff && ff.def instanceof Selector sel && sel.ghost();
            if (!ghost) {
                f = x;
                break;
            }
        }
        if (f == null) {
            return new View.BlankScreen("");
        }
        if (f instanceof MenuState m) {
            List<View.MenuLine> lines = new ArrayList<>();
            for (Menu.Item it : m.menu.items()) {
                lines.add(new View.MenuLine(it.text(), it.info()));
            }
            return new View.MenuScreen(m.menu.id(), m.menu.title(), lines("smit.menu.instructions"), lines, m.cursor);
        }
        if (f instanceof FormState d) {
            List<View.FieldLine> fields = new ArrayList<>();
            for (FieldState s : d.fields) {
                fields.add(fieldLine(s));
            }
            return new View.DialogScreen(d.def.id(), d.def.title(), d.selector(),
                    lines(d.selector() ? "smit.selector.instructions" : "smit.dialog.instructions"),
                    Messages.get("smit.entryfields"), fields, d.cursor);
        }
        StatusState o = (StatusState) f;
        View.Status status = o.status(); // first: the lines read after it are all there are
        List<View.OutputLine> output = o.lines();
        String word = Messages.get(switch (status) {
            case RUNNING -> "smit.status.running";
            case OK -> "smit.status.ok";
            case FAILED -> "smit.status.failed";
        });
        boolean out = false;
        boolean err = false;
        if (noRunFlag == null) {
            for (View.OutputLine l : output) {
                out |= !l.stderr() && !l.note();
                err |= l.stderr();
            }
        }
        return new View.OutputScreen(Messages.get("smit.output.title"), status, word, out, err,
                Messages.get("smit.output.instructions"), output, o.run.text(), o.found, Character.toLowerCase(o.dialog.execMode()) != 'n');
    }

    private static View.FieldLine fieldLine(FieldState s) {
        Field f = s.field;
        View.Entry e;
        if (f.info()) {
            e = View.Entry.INFO;
        } else if (f.isRing()) {
            e = View.Entry.RING;
        } else {
            e = switch (f.entry()) {
                case NONE -> View.Entry.NONE;
                case NUMERIC -> View.Entry.NUMERIC;
                case HEX -> View.Entry.HEX;
                default -> View.Entry.TEXT;
            };
        }
        return new View.FieldLine(f.label(), f.indent(), f.star(), e, f.bracketed(), f.info() ? "" : f.marker(),
                f.info() ? "" : s.shown(), !f.info() && s.changed(), f.secret(), f.size());
    }

    private static View.Popup popup(PopupState popup) {
        if (popup instanceof ListState l) {
            List<View.ListLine> items = new ArrayList<>();
            for (int i = 0; i < l.entries.size(); i++) {
                PopupState.Entry e = l.entries.get(i);
                items.add(new View.ListLine(e.text(), e.value() != null, l.marked.contains(i)));
            }
            return new View.ListPopup(l.target.field.label(),
                    lines(l.multi() ? "smit.list.multi.instructions" : "smit.list.instructions"), items, l.cursor,
                    l.multi());
        }
        if (popup instanceof ConfirmState) {
            return new View.ConfirmPopup(Messages.get("smit.confirm.title"), lines("smit.confirm.text"));
        }
        if (popup instanceof MessageState m) {
            return new View.MessagePopup(m.title(), m.lines());
        }
        return null;
    }

    private static List<String> legend(Deque<ScreenState> stack, PopupState popup) {
        String key;
        if (popup instanceof ListState l) {
            key = l.multi() ? "smit.legend.listmulti" : "smit.legend.list";
        } else if (popup != null) {
            key = "smit.legend.popup";
        } else {
            ScreenState f = stack.peek();
            key = f instanceof MenuState ? "smit.legend.menu" : f instanceof FormState ? "smit.legend.dialog"
                    : f instanceof StatusState ? "smit.legend.output" : "smit.legend.popup";
        }
        return split(key, '|');
    }

    /** A catalogue text as lines. */
    static List<String> lines(String key, Object... args) {
        return args.length == 0 ? split(key, '\n') : Arrays.asList(Messages.get(key, args).split("\n", -1));
    }

    /**
     * The texts of the catalogue a view shows at every key (instructions, legends), split once:
     * they do not change while the program runs, and a view is built for every key typed.
     */
    private static final Map<String, List<String>> SPLIT = new ConcurrentHashMap<>();

    /** The catalogue text of {@code key} (without arguments) split at {@code at}: at '|' as {@code split("\\|")}, at a line end as {@code split("\n", -1)}. */
    private static List<String> split(String key, char at) {
        String k = at == '|' ? "|" + key : key;
        List<String> l = SPLIT.get(k);
        if (l == null) {
            String text = Messages.get(key);
            l = Collections.unmodifiableList(Arrays.asList(at == '|' ? text.split("\\|") : text.split("\n", -1)));
            SPLIT.put(k, l);
        }
        return l;
    }
}
