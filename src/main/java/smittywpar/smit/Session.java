package smittywpar.smit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import smittywpar.cmd.ColonFormat;
import smittywpar.cmd.Commands;
import smittywpar.msg.AixException;
import smittywpar.msg.Messages;

/**
 * One smitty session without any user interface: the stack of screens the user went through,
 * the field values of each dialog, the pop-up that is open, and the commands run so far. A
 * front end shows {@link #view()} and calls the action methods (one per SMIT key); nothing here
 * draws, reads keys or throws for anything a user does.
 *
 * <p>Commands (the task, and the list, discover and classify helpers) run through the command
 * registry with {@link CommandRunner}. A task command runs in two steps so that the front end
 * can show {@code Command: running} first: an action that starts one leaves the COMMAND STATUS
 * screen in state RUNNING and {@link #pending()} true; the front end draws, then calls
 * {@link #runPending()}.
 */
public final class Session {
    private final MenuTree tree;
    private final CommandRunner runner;
    private final SmitLog log;
    private final String noRunFlag;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Map<String, Boolean> availability = new HashMap<>();
    private PopupState popup;
    private OutputFrame pending;
    private boolean finished;
    private int exitCode;
    private String findText;

    /**
     * @param noRunFlag null to run commands; "-x" to record task commands without running them;
     *        "-X" to run no command at all (not even lists and discovery)
     */
    public Session(MenuTree tree, CommandRunner runner, SmitLog log, String noRunFlag) {
        this.tree = tree;
        this.runner = runner;
        this.log = log;
        this.noRunFlag = noRunFlag;
    }

    // =================================================================================================
    // state kept per screen
    // =================================================================================================

    private abstract static class Frame {
    }

    private static final class MenuFrame extends Frame {
        final Menu menu;
        int cursor;

        MenuFrame(Menu menu) {
            this.menu = menu;
            this.cursor = next(menu, -1, 1);
        }

        static int next(Menu m, int from, int dir) {
            for (int i = from + dir; i >= 0 && i < m.items().size(); i += dir) {
                if (!m.items().get(i).info()) {
                    return i;
                }
            }
            return from < 0 ? 0 : from;
        }
    }

    /** The value of one field: where it started (default or discovered) and where it is now. */
    static final class FieldState {
        final Field field;
        String initial;
        int initialRing;
        String value;
        int ring;

        FieldState(Field f) {
            this.field = f;
            this.initial = f.isRing() ? "" : f.defaultValue();
            this.initialRing = Validator.initialRing(f);
            reset();
        }

        void reset() {
            value = initial;
            ring = initialRing;
        }

        boolean changed() {
            return field.isRing() ? ring != initialRing : !value.equals(initial);
        }

        String shown() {
            return field.isRing() ? field.ring().get(ring) : value;
        }

        /** The value commands get: a ring's real value, else the text. */
        String real() {
            return field.isRing() ? field.ringValue(ring) : value.strip();
        }

        /** Sets the initial value from a discovered or passed-on value. */
        void discovered(String v) {
            if (field.isRing()) {
                int i = field.ring().indexOf(v);
                if (i < 0) {
                    i = field.values().indexOf(v);
                }
                if (i >= 0) {
                    initialRing = i;
                }
            } else {
                initial = v;
            }
            reset();
        }

        Composer.Value composerValue() {
            return new Composer.Value(field, value, ring, changed());
        }
    }

    /** A dialog or a selector (a one-field dialog) with its values and the values passed on to it. */
    private static final class FormFrame extends Frame {
        final ScreenDef def;
        final List<FieldState> fields;
        final Map<String, String> vars;
        int cursor;

        FormFrame(ScreenDef def, List<Field> fields, Map<String, String> vars) {
            this.def = def;
            this.fields = new ArrayList<>();
            for (Field f : fields) {
                this.fields.add(new FieldState(f));
            }
            this.vars = vars;
            this.cursor = next(-1, 1);
        }

        boolean selector() {
            return def instanceof Selector;
        }

        int next(int from, int dir) {
            for (int i = from + dir; i >= 0 && i < fields.size(); i += dir) {
                if (!fields.get(i).field.info()) {
                    return i;
                }
            }
            return from < 0 ? 0 : from;
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

    /** COMMAND STATUS of one run. */
    private static final class OutputFrame extends Frame {
        final FormFrame from;
        final Dialog dialog;
        final Composer.Line line;
        View.Status status = View.Status.RUNNING;
        List<View.OutputLine> lines = List.of();
        int found = -1;

        OutputFrame(FormFrame from, Dialog dialog, Composer.Line line) {
            this.from = from;
            this.dialog = dialog;
            this.line = line;
        }
    }

    private sealed interface PopupState permits ListState, ConfirmState, MessageState {
    }

    /** One line of an F4 list: what is shown and what a choice copies (null: cannot be chosen). */
    private record Entry(String text, String value) {
    }

    private static final class ListState implements PopupState {
        final FormFrame owner;
        final FieldState target;
        final List<Entry> entries;
        final boolean ring;
        final boolean ghost;
        final TreeSet<Integer> marked = new TreeSet<>();
        int cursor;

        ListState(FormFrame owner, FieldState target, List<Entry> entries, boolean ring, boolean ghost) {
            this.owner = owner;
            this.target = target;
            this.entries = entries;
            this.ring = ring;
            this.ghost = ghost;
            this.cursor = ring ? target.ring : next(-1, 1);
        }

        boolean multi() {
            return !ring && target.field.multi() != Field.Multi.SINGLE;
        }

        int next(int from, int dir) {
            for (int i = from + dir; i >= 0 && i < entries.size(); i += dir) {
                if (entries.get(i).value != null) {
                    return i;
                }
            }
            return from < 0 ? 0 : from;
        }
    }

    private record ConfirmState(FormFrame owner) implements PopupState {
    }

    /**
     * @param exitCode when the stack is empty, closing the pop-up ends the session with this code
     * @param text the message alone (without the "Press Enter" lines)
     * @param under the pop-up it was opened over (F1 or F8 in a list), shown again when it closes
     */
    private record MessageState(String title, List<String> lines, int exitCode, String text, PopupState under)
            implements PopupState {
        MessageState(String title, List<String> lines, int exitCode, String text) {
            this(title, lines, exitCode, text, null);
        }
    }

    // =================================================================================================
    // starting
    // =================================================================================================

    /**
     * Starts the session at a fast path (null: the top menu, System Management).
     *
     * @param kind 'm', 'n' or 'd' to accept only a menu, selector or dialog (smitty -m/-n/-d), or 0
     * @return null, or the error text when the fast path does not exist (the session then shows
     *         it and ends with exit code 1 when it is dismissed)
     */
    public String start(String fastPath, char kind) {
        log.start();
        ScreenDef s = fastPath == null ? tree.screen(MenuTree.TOP) : tree.fastPath(fastPath, kind);
        if (s == null) {
            String text = Messages.get("smit.noentries") + "\n" + Messages.get("smit.fastpath.unknown", fastPath);
            error(text, 1);
            return text;
        }
        open(s, new LinkedHashMap<>(), fastPath == null ? MenuTree.TOP : fastPath);
        if (stack.isEmpty() && popup instanceof MessageState m) {
            // the first screen could not be opened (not installed, discovery failed): smitty ends on it
            popup = new MessageState(m.title(), m.lines(), 1, m.text());
            return m.text();
        }
        return null;
    }

    // =================================================================================================
    // the view
    // =================================================================================================

    /** What to show now. */
    public View view() {
        View.Screen base = baseScreen();
        View.Popup p = popupView();
        return new View(base, p, legend());
    }

    private View.Screen baseScreen() {
        Frame f = null;
        for (Frame x : stack) {
            // a ghost selector shows only its list, over the screen before it
            boolean ghost = x instanceof FormFrame ff && ff.def instanceof Selector sel && sel.ghost();
            if (!ghost) {
                f = x;
                break;
            }
        }
        if (f == null) {
            return new View.BlankScreen("");
        }
        if (f instanceof MenuFrame m) {
            List<View.MenuLine> lines = new ArrayList<>();
            for (Menu.Item it : m.menu.items()) {
                lines.add(new View.MenuLine(it.text(), it.info()));
            }
            return new View.MenuScreen(m.menu.id(), m.menu.title(), lines("smit.menu.instructions"), lines, m.cursor);
        }
        if (f instanceof FormFrame d) {
            List<View.FieldLine> fields = new ArrayList<>();
            for (FieldState s : d.fields) {
                fields.add(fieldLine(s));
            }
            return new View.DialogScreen(d.def.id(), d.def.title(), d.selector(),
                    lines(d.selector() ? "smit.selector.instructions" : "smit.dialog.instructions"),
                    Messages.get("smit.entryfields"), fields, d.cursor);
        }
        OutputFrame o = (OutputFrame) f;
        String word = Messages.get(switch (o.status) {
            case RUNNING -> "smit.status.running";
            case OK -> "smit.status.ok";
            case FAILED -> "smit.status.failed";
        });
        boolean out = o.lines.stream().anyMatch(l -> !l.stderr());
        boolean err = o.lines.stream().anyMatch(View.OutputLine::stderr);
        if (noRunFlag != null) {
            out = false;
            err = false;
        }
        return new View.OutputScreen(Messages.get("smit.output.title"), o.status, word, out, err,
                Messages.get("smit.output.instructions"), o.lines, o.line.text(), o.found);
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

    private View.Popup popupView() {
        if (popup instanceof ListState l) {
            List<View.ListLine> items = new ArrayList<>();
            for (int i = 0; i < l.entries.size(); i++) {
                Entry e = l.entries.get(i);
                items.add(new View.ListLine(e.text, e.value != null, l.marked.contains(i)));
            }
            return new View.ListPopup(l.target.field.label(),
                    lines(l.multi() ? "smit.list.multi.instructions" : "smit.list.instructions"), items, l.cursor,
                    l.multi());
        }
        if (popup instanceof ConfirmState) {
            return new View.ConfirmPopup(Messages.get("smit.confirm.title"), lines("smit.confirm.text"));
        }
        if (popup instanceof MessageState m) {
            return new View.MessagePopup(m.title, m.lines);
        }
        return null;
    }

    private List<String> legend() {
        String key;
        if (popup instanceof ListState l) {
            key = l.multi() ? "smit.legend.listmulti" : "smit.legend.list";
        } else if (popup != null) {
            key = "smit.legend.popup";
        } else {
            Frame f = stack.peek();
            key = f instanceof MenuFrame ? "smit.legend.menu" : f instanceof FormFrame ? "smit.legend.dialog"
                    : f instanceof OutputFrame ? "smit.legend.output" : "smit.legend.popup";
        }
        return Arrays.asList(Messages.get(key).split("\\|"));
    }

    private static List<String> lines(String key, Object... args) {
        return Arrays.asList(Messages.get(key, args).split("\n", -1));
    }

    // =================================================================================================
    // state queries
    // =================================================================================================

    /** The session has ended (F10, F3 from the first screen, or an error at start). */
    public boolean finished() {
        return finished;
    }

    /** The exit status of smitty: 0, or 1 when the session ended on an error (unknown fast path). */
    public int exitCode() {
        return exitCode;
    }

    /** A task command waits to be run: draw the view (Command: running), then call {@link #runPending()}. */
    public boolean pending() {
        return pending != null;
    }

    /** The fast path of the screen shown (for F8): the id of the nearest screen that is a fast path. */
    public String fastPath() {
        for (Frame f : stack) {
            ScreenDef d = f instanceof MenuFrame m ? m.menu
                    : f instanceof FormFrame ff ? ff.def : ((OutputFrame) f).dialog;
            if (d.fastPathAllowed()) {
                return d.id();
            }
        }
        return MenuTree.TOP;
    }

    /** The command line the current dialog would run now (what F6 shows), or null. */
    public String command() {
        if (stack.peek() instanceof FormFrame d && d.def instanceof Dialog dialog) {
            try {
                return Composer.compose(dialog, d.values()).text();
            } catch (AixException e) {
                return null;
            }
        }
        if (stack.peek() instanceof OutputFrame o) {
            return o.line.text();
        }
        return null;
    }

    /** True when choosing this screen leads somewhere (its command, or its dialog's, is in this build). */
    public boolean available(ScreenDef s) {
        if (s instanceof Menu) {
            return true;
        }
        if (s instanceof Selector sel) {
            return sel.type() != 'j' || available(tree.screen(sel.next()));
        }
        if (s instanceof Dialog d) {
            return availability.computeIfAbsent(d.id(),
                    k -> Commands.exists(d.commandName()) && (!d.pending() || Validator.probe(d).isEmpty()));
        }
        return false;
    }

    // =================================================================================================
    // actions (one per key)
    // =================================================================================================

    /** Up / Down / PgUp / PgDn: moves the cursor by {@code delta} selectable lines (clamped). */
    public void moveCursor(int delta) {
        if (busy() || delta == 0) {
            return;
        }
        int dir = delta > 0 ? 1 : -1;
        for (int n = Math.abs(delta); n > 0; n--) {
            if (popup instanceof ListState l) {
                l.cursor = l.next(l.cursor, dir);
            } else if (popup == null && stack.peek() instanceof MenuFrame m) {
                m.cursor = MenuFrame.next(m.menu, m.cursor, dir);
            } else if (popup == null && stack.peek() instanceof FormFrame d) {
                d.cursor = d.next(d.cursor, dir);
            }
        }
    }

    /** Puts the cursor on line {@code index} of the menu, dialog or list (when it can rest there). */
    public void setCursor(int index) {
        if (busy()) {
            return;
        }
        if (popup instanceof ListState l) {
            if (index >= 0 && index < l.entries.size() && l.entries.get(index).value != null) {
                l.cursor = index;
            }
        } else if (popup == null && stack.peek() instanceof MenuFrame m) {
            if (index >= 0 && index < m.menu.items().size() && !m.menu.items().get(index).info()) {
                m.cursor = index;
            }
        } else if (popup == null && stack.peek() instanceof FormFrame d) {
            if (index >= 0 && index < d.fields.size() && !d.fields.get(index).field.info()) {
                d.cursor = index;
            }
        }
    }

    /** Enter (Do): opens the menu item, runs the dialog, chooses from the list, confirms. */
    public void enter() {
        if (busy()) {
            return;
        }
        if (popup != null) {
            PopupState p = popup;
            if (p instanceof MessageState) {
                closePopup();
            } else if (p instanceof ConfirmState c) {
                popup = null;
                execute(c.owner);
            } else {
                choose((ListState) p);
            }
            return;
        }
        Frame f = stack.peek();
        if (f instanceof MenuFrame m) {
            Menu.Item it = m.menu.items().get(m.cursor);
            if (it.info()) {
                return;
            }
            ScreenDef next = tree.screen(it.next());
            if (!it.installed() || next == null) {
                error(Messages.get("smit.noentries"), 0);
                return;
            }
            open(next, new LinkedHashMap<>(), null);
        } else if (f instanceof FormFrame d) {
            if (d.selector()) {
                selectorDone(d);
            } else {
                dialogDone(d);
            }
        }
    }

    /** F3 (Cancel): closes the pop-up, or goes back one screen (from the first screen: ends smitty). */
    public void cancel() {
        if (busy()) {
            return;
        }
        if (popup != null) {
            if (popup instanceof ListState l && l.ghost) {
                popup = null;
                stack.pop();
                if (stack.isEmpty()) {
                    finish(0);
                }
                return;
            }
            closePopup();
            return;
        }
        Frame f = stack.pop();
        if (f instanceof OutputFrame o && o.status == View.Status.OK && o.dialog.backUpOnSuccess()
                && o.from != null && stack.peek() == o.from) {
            stack.pop();
        }
        if (stack.isEmpty()) {
            finish(0);
        }
    }

    /** F10 (Exit): ends smitty at once. */
    public void exit() {
        if (!finished) {
            finish(0);
        }
    }

    /** F1 (Help): the help text of the item or field under the cursor. */
    public void help() {
        if (busy()) {
            return;
        }
        String title;
        String text;
        if (popup instanceof ListState l) {
            title = l.target.field.label();
            text = l.target.field.help();
        } else if (popup != null) {
            return;
        } else if (stack.peek() instanceof MenuFrame m) {
            Menu.Item it = m.menu.items().get(m.cursor);
            title = it.text();
            text = it.help();
        } else if (stack.peek() instanceof FormFrame d) {
            FieldState s = d.current();
            title = s == null ? d.def.title() : s.field.label();
            text = s == null ? d.def.help() : s.field.help();
        } else if (stack.peek() instanceof OutputFrame o) {
            title = o.dialog.title();
            text = o.dialog.help();
        } else {
            return;
        }
        List<String> body = new ArrayList<>(text == null || text.isBlank() ? lines("smit.help.none")
                : Arrays.asList(text.strip().split("\n", -1)));
        popup = new MessageState(title, body, 0, String.join("\n", body), popup);
    }

    /** F4 (List): the list of the field under the cursor (a ring's values, or its list command's output). */
    public void list() {
        if (busy() || popup != null || !(stack.peek() instanceof FormFrame d)) {
            return;
        }
        openList(d, false);
    }

    /** F5 (Reset): the field under the cursor goes back to its initial (default or discovered) value. */
    public void reset() {
        if (busy() || popup != null || !(stack.peek() instanceof FormFrame d) || d.current() == null) {
            return;
        }
        d.current().reset();
    }

    /** F6 (Command): shows the command line the dialog would run, or the one that ran. */
    public void showCommand() {
        if (busy() || popup != null) {
            return;
        }
        String text;
        if (stack.peek() instanceof FormFrame d && d.def instanceof Dialog dialog) {
            try {
                text = Composer.compose(dialog, d.values()).text();
            } catch (AixException e) {
                error(e.getMessage(), 0);
                return;
            }
        } else if (stack.peek() instanceof OutputFrame o) {
            text = o.line.text();
        } else {
            return;
        }
        List<String> body = new ArrayList<>(lines("smit.popup.return"));
        body.add("");
        body.add(text);
        popup = new MessageState(Messages.get("smit.showcmd.title"), body, 0, text);
    }

    /** F7 in a multi-select list: marks or unmarks the item under the cursor. */
    public void toggleMark() {
        if (busy() || !(popup instanceof ListState l) || !l.multi()) {
            return;
        }
        if (l.entries.get(l.cursor).value != null && !l.marked.remove(l.cursor)) {
            l.marked.add(l.cursor);
        }
    }

    /** F8 (Image): appends the screen as displayed ({@code screen}, one string per row) to smit.log. */
    public void image(List<String> screen) {
        if (busy()) {
            return;
        }
        String fp = fastPath();
        log.image(fp, screen);
        List<String> body = log.logFile() == null ? lines("smit.image.nolog", fp)
                : lines("smit.image.text", log.logFile(), fp);
        popup = new MessageState(Messages.get("smit.image.title"), body, 0, String.join("\n", body),
                popup instanceof MessageState ? null : popup);
    }

    /** Tab: the next value of the ring under the cursor. */
    public void ringNext() {
        ring(1);
    }

    /** Shift-Tab: the previous value of the ring under the cursor. */
    public void ringPrev() {
        ring(-1);
    }

    private void ring(int dir) {
        if (busy() || popup != null || !(stack.peek() instanceof FormFrame d) || d.current() == null) {
            return;
        }
        FieldState s = d.current();
        if (s.field.isRing()) {
            int n = s.field.ring().size();
            s.ring = (s.ring + dir + n) % n;
        }
    }

    /**
     * Typing: replaces the value of the field under the cursor.
     *
     * @return false (and nothing changes) when the field cannot be typed into or the text does
     *         not fit it (too long, or not a number in a numeric field): the front end beeps
     */
    public boolean setValue(String text) {
        if (busy() || popup != null || !(stack.peek() instanceof FormFrame d) || d.current() == null) {
            return false;
        }
        FieldState s = d.current();
        Field f = s.field;
        if (!f.editable() || text.indexOf('\n') >= 0 || f.size() > 0 && text.length() > f.size()) {
            return false;
        }
        if (f.entry() == Field.Entry.NUMERIC && !text.strip().matches("[+-]?[0-9]*")
                || f.entry() == Field.Entry.HEX && !text.strip().matches("[0-9A-Fa-f]*")) {
            return false;
        }
        s.value = text;
        return true;
    }

    /** {@code /}: finds {@code text} (ignoring case) in the menu, list or output, after the cursor. */
    public void find(String text) {
        findText = text == null || text.isEmpty() ? null : text.toLowerCase(Locale.ROOT);
        findNext();
    }

    /** {@code n}: finds the same text again. */
    public void findNext() {
        if (busy() || findText == null) {
            return;
        }
        if (popup instanceof ListState l) {
            int i = findFrom(l.entries.stream().map(Entry::text).toList(), l.cursor);
            if (i >= 0 && l.entries.get(i).value != null) {
                l.cursor = i;
            }
        } else if (popup == null && stack.peek() instanceof MenuFrame m) {
            int i = findFrom(m.menu.items().stream().map(Menu.Item::text).toList(), m.cursor);
            if (i >= 0 && !m.menu.items().get(i).info()) {
                m.cursor = i;
            }
        } else if (popup == null && stack.peek() instanceof OutputFrame o) {
            o.found = findFrom(o.lines.stream().map(View.OutputLine::text).toList(), o.found);
        }
    }

    private int findFrom(List<String> texts, int from) {
        int n = texts.size();
        if (n == 0) {
            return -1;
        }
        for (int k = 1; k <= n; k++) {
            int i = Math.floorMod(from + k, n);
            if (texts.get(i).toLowerCase(Locale.ROOT).contains(findText)) {
                return i;
            }
        }
        return -1;
    }

    /** Runs the task command that waits (see {@link #pending()}). */
    public void runPending() {
        OutputFrame o = pending;
        if (o == null) {
            return;
        }
        pending = null;
        log.script(o.line.text());
        if (noRunFlag != null) {
            log.command(o.line.text(), null);
            o.lines = List.of(new View.OutputLine(Messages.get("smit.notrun", noRunFlag), false));
            o.status = View.Status.OK;
            return;
        }
        CommandRunner.Result r = runner.run(o.line.argv());
        log.command(o.line.text(), r);
        o.lines = r.lines();
        o.status = r.exitCode() == 0 ? View.Status.OK : View.Status.FAILED;
        if (r.exitCode() == 0 && o.from != null) {
            for (FieldState s : o.from.fields) {
                if (s.field.clear()) {
                    s.initial = "";
                    s.reset();
                }
            }
        }
    }

    // =================================================================================================
    // navigation
    // =================================================================================================

    private boolean busy() {
        return finished || pending != null;
    }

    private void finish(int code) {
        finished = true;
        exitCode = code;
        popup = null;
        log.exit();
    }

    private void closePopup() {
        PopupState p = popup;
        popup = p instanceof MessageState m ? m.under() : null;
        if (popup == null && stack.isEmpty()) {
            finish(p instanceof MessageState m ? m.exitCode : 0);
        }
    }

    private void error(String text, int exitCode) {
        List<String> body = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        body.add("");
        body.addAll(lines("smit.popup.return"));
        popup = new MessageState(Messages.get("smit.error.title"), body, exitCode, text);
    }

    /** An error with the output of a helper command that failed. */
    private void helperError(String text, CommandRunner.Result r) {
        StringBuilder sb = new StringBuilder(text);
        for (View.OutputLine l : r.lines()) {
            sb.append('\n').append(l.text());
        }
        error(sb.toString(), 0);
    }

    /** Opens a screen; {@code fastPath} is the name used to reach it (for smit.log), or null. */
    private void open(ScreenDef s, Map<String, String> vars, String fastPath) {
        if (!available(s)) {
            String text = Messages.get("smit.noentries");
            if (s instanceof Dialog d && !Commands.exists(d.commandName())) {
                text += "\n" + Messages.get("smit.pending", d.commandName());
            }
            error(text, 0);
            return;
        }
        String fp = fastPath != null ? fastPath : s.id();
        if (s instanceof Menu m) {
            log.screen("smit.log.menu", fp, m.id(), m.id(), m.title());
            stack.push(new MenuFrame(m));
        } else if (s instanceof Selector sel) {
            log.screen("smit.log.selector", fp, sel.id(), sel.next(), sel.title());
            FormFrame f = new FormFrame(sel, List.of(sel.field()), vars);
            stack.push(f);
            if (sel.ghost()) {
                if (sel.field().hasList() || sel.field().isRing()) {
                    openList(f, true);
                    if (popup == null || !(popup instanceof ListState)) {
                        stack.remove(f);
                    }
                } else {
                    selectorDone(f);
                }
            }
        } else {
            openDialog((Dialog) s, vars, fp);
        }
    }

    private void openDialog(Dialog d, Map<String, String> vars, String fp) {
        FormFrame f = new FormFrame(d, d.fields(), vars);
        Map<String, String> found = new HashMap<>(vars);
        if (d.discover() != null && !"-X".equals(noRunFlag)) {
            List<String> argv = Template.words(d.discover(), f::lookup);
            CommandRunner.Result r = runner.run(argv);
            log.helper("Discover", Template.text(argv), r);
            if (r.exitCode() != 0) {
                helperError(Messages.get("smit.discover.failed"), r);
                return;
            }
            found.putAll(ColonFormat.read(r.stdout()).first());
        }
        for (FieldState s : f.fields) {
            String name = s.field.discover();
            if (name != null && found.containsKey(name)) {
                s.discovered(found.get(name));
            }
        }
        log.screen("smit.log.dialog", fp, d.id(), d.id(), d.title());
        if (d.ghost()) {
            if (d.ask()) {
                popup = new ConfirmState(f);
            } else {
                execute(f);
            }
            return;
        }
        stack.push(f);
    }

    private void openList(FormFrame d, boolean ghost) {
        FieldState s = d.current();
        if (s == null) {
            return;
        }
        Field f = s.field;
        if (f.isRing()) {
            List<Entry> entries = new ArrayList<>();
            for (String v : f.ring()) {
                entries.add(new Entry(v, v));
            }
            popup = new ListState(d, s, entries, true, ghost);
            return;
        }
        if (!f.hasList()) {
            return;
        }
        if ("-X".equals(noRunFlag)) {
            error(Messages.get("smit.helperskipped"), 0);
            return;
        }
        List<String> argv = Template.words(f.list(), d::lookup);
        CommandRunner.Result r = runner.run(argv);
        log.helper("List", Template.text(argv), r);
        if (r.exitCode() != 0) {
            helperError(Messages.get("smit.list.failed", f.label()), r);
            return;
        }
        List<Entry> entries = entries(f, r.stdout());
        if (entries.stream().noneMatch(e -> e.value != null)) {
            error(Messages.get("smit.list.empty"), 0);
            return;
        }
        popup = new ListState(d, s, entries, false, ghost);
    }

    /** The lines of a list command: {@code #} lines are headings or comments; the mode picks what a choice copies. */
    static List<Entry> entries(Field f, List<String> lines) {
        List<Entry> out = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#") || f.listMode() == Field.ListMode.RANGE) {
                out.add(new Entry(line, null));
                continue;
            }
            String[] words = line.strip().split("\\s+");
            String value = switch (f.listMode()) {
                case FIRST -> words[0];
                case SECOND -> words.length > 1 ? words[1] : null;
                default -> line.strip();
            };
            out.add(new Entry(line, value));
        }
        return out;
    }

    private void choose(ListState l) {
        FieldState s = l.target;
        if (l.ring) {
            s.ring = l.cursor;
        } else {
            List<String> picked = new ArrayList<>();
            if (l.multi() && !l.marked.isEmpty()) {
                for (int i : l.marked) {
                    picked.add(l.entries.get(i).value);
                }
            } else {
                Entry e = l.entries.get(l.cursor);
                if (e.value == null) {
                    return;
                }
                picked.add(e.value);
            }
            String sep = s.field.multi() == Field.Multi.COMMA ? "," : " ";
            s.value = String.join(sep, picked);
        }
        popup = null;
        if (l.ghost) {
            selectorDone(l.owner);
        }
    }

    /** Enter on a selector: its value is passed on to the next screen. */
    private void selectorDone(FormFrame f) {
        Selector sel = (Selector) f.def;
        FieldState s = f.fields.get(0);
        String value = s.real();
        if (!requiredOk(s)) {
            return;
        }
        Map<String, String> vars = new LinkedHashMap<>(f.vars);
        vars.put(sel.rawName(), value);
        String nextId = sel.next();
        if (sel.type() == 'r') {
            nextId = sel.next() + value;
        } else if (sel.type() == 'c') {
            if ("-X".equals(noRunFlag)) {
                error(Messages.get("smit.helperskipped"), 0);
                return;
            }
            List<String> argv = Template.words(sel.classify(), name -> name.equals(sel.rawName()) ? value
                    : f.lookup(name));
            CommandRunner.Result r = runner.run(argv);
            log.helper("Classify", Template.text(argv), r);
            List<String> out = r.stdout();
            if (r.exitCode() != 0 || out.isEmpty()) {
                helperError(Messages.get("smit.classify.failed", value), r);
                return;
            }
            String cooked = out.get(0).strip();
            vars.put(sel.cookedName(), cooked);
            nextId = sel.next() + cooked.split(":")[0];
        }
        ScreenDef next = tree.screen(nextId);
        if (next == null) {
            error(Messages.get("smit.noentries"), 0);
            return;
        }
        if (sel.ghost()) {
            stack.remove(f);
        }
        open(next, vars, null);
    }

    private boolean requiredOk(FieldState s) {
        Field f = s.field;
        if (f.info()) {
            return true;
        }
        if (f.required() == Field.Required.NONBLANK && s.shown().isBlank()) {
            error(Messages.get("smit.required", f.label()), 0);
            return false;
        }
        String v = s.shown().strip();
        if (!f.isRing() && !v.isEmpty() && f.entry() == Field.Entry.NUMERIC && !v.matches("[+-]?[0-9]+")) {
            error(Messages.get("smit.badnumber", f.label(), v), 0);
            return false;
        }
        if (!f.isRing() && !v.isEmpty() && f.entry() == Field.Entry.HEX && !v.matches("[0-9A-Fa-f]+")) {
            error(Messages.get("smit.badhex", f.label(), v), 0);
            return false;
        }
        return true;
    }

    /** Enter on a dialog: checks the fields, asks if the dialog says so, then runs. */
    private void dialogDone(FormFrame f) {
        for (int i = 0; i < f.fields.size(); i++) {
            if (!requiredOk(f.fields.get(i))) {
                f.cursor = i;
                return;
            }
        }
        try {
            Composer.compose((Dialog) f.def, f.values());
        } catch (AixException e) {
            error(e.getMessage(), 0);
            return;
        }
        if (((Dialog) f.def).ask()) {
            popup = new ConfirmState(f);
            return;
        }
        execute(f);
    }

    /** Shows COMMAND STATUS (running) for the dialog's command; {@link #runPending()} runs it. */
    private void execute(FormFrame f) {
        Dialog d = (Dialog) f.def;
        Composer.Line line;
        try {
            line = Composer.compose(d, f.values());
        } catch (AixException e) {
            error(e.getMessage(), 0);
            return;
        }
        OutputFrame o = new OutputFrame(stack.contains(f) ? f : null, d, line);
        stack.push(o);
        pending = o;
    }
}
