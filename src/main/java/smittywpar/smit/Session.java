package smittywpar.smit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import smittywpar.cmd.Commands;
import smittywpar.msg.AixException;
import smittywpar.msg.Messages;
import smittywpar.smit.PopupState.ConfirmState;
import smittywpar.smit.PopupState.ListState;
import smittywpar.smit.PopupState.MessageState;
import smittywpar.smit.ScreenState.FormState;
import smittywpar.smit.ScreenState.MenuState;
import smittywpar.smit.ScreenState.StatusState;

/**
 * One smitty session without any user interface: the navigation through the screens (the stack
 * of {@link ScreenState}s, with the field values of each dialog), the pop-up that is open, and
 * the commands run so far. A front end shows {@link #view()} (built by {@link ViewBuilder}) and
 * calls the action methods (one per SMIT key); nothing here draws, reads keys or throws for
 * anything a user does.
 *
 * <p>Commands run through the command registry with {@link CommandRunner}: the lists, discovery
 * and classification of the menus through {@link HelperCommands}, the task commands here. A task
 * command runs in two steps so that the front end can show {@code Command: running} first: an
 * action that starts one leaves the COMMAND STATUS screen in state RUNNING and {@link #pending()}
 * true; the front end draws, then calls {@link #runPending()} (returns when it has run) or
 * {@link #start} (runs it on a thread of its own: the output shows as it comes). While it runs
 * there, {@link #running()} is true and no action but {@link #interrupt()} (Ctrl-C) does
 * anything; {@link #view()} may be called at any time, again when {@link #changes()} moves on.
 */
public final class Session {
    private final MenuTree tree;
    private final CommandRunner runner;
    private final SmitLog log;
    private final String noRunFlag;
    private final HelperCommands helpers;
    private final TaskCommands tasks;
    private final Availability availability;
    private final Deque<ScreenState> stack = new ArrayDeque<>();
    private PopupState popup;
    private StatusState pending;
    private boolean finished;
    private int exitCode;
    private String findText;
    private boolean overwrite;

    /**
     * @param noRunFlag null to run commands; "-x" to record task commands without running them;
     *        "-X" to run no command at all (not even lists and discovery)
     */
    public Session(MenuTree tree, CommandRunner runner, SmitLog log, String noRunFlag) {
        this.tree = tree;
        this.runner = runner;
        this.log = log;
        this.noRunFlag = noRunFlag;
        this.helpers = new HelperCommands(runner, log, noRunFlag);
        this.tasks = new TaskCommands(runner, log, noRunFlag);
        this.availability = new Availability(tree);
    }

    // ---- starting --------------------------------------------------------------------------------

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

    /**
     * The front end has shown a screen and waits for the user: what the log keeps back (see
     * {@link SmitLog#hold}) is written, on a thread of its own once the host's clock is read.
     */
    public void idle() {
        log.releaseSoon();
    }

    // ---- the view --------------------------------------------------------------------------------

    /** What to show now. */
    public View view() {
        return ViewBuilder.view(stack, popup, noRunFlag);
    }

    /** Moves on whenever the view changes by itself (a command wrote a line or ended); any thread. */
    public long changes() {
        return tasks.changes();
    }

    /** A task command runs on its own thread (see {@link #start}); any thread may ask. */
    public boolean running() {
        return tasks.running();
    }

    // ---- state queries ---------------------------------------------------------------------------

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
        for (ScreenState f : stack) {
            ScreenDef d = f.def();
            if (d.fastPathAllowed()) {
                return d.id();
            }
        }
        return MenuTree.TOP;
    }

    /** The command lines the current dialog would run now (what F6 shows), or those that ran, or null. */
    public String command() {
        try {
            return composed();
        } catch (AixException e) {
            return null;
        }
    }

    /** The command lines of the dialog on top (null for other screens); throws when they cannot be built. */
    private String composed() {
        if (stack.peek() instanceof FormState d && d.def instanceof Dialog dialog) {
            return Composer.compose(dialog, d.values()).text();
        }
        return stack.peek() instanceof StatusState o ? o.run.text() : null;
    }

    /** True when choosing this screen leads somewhere (its command, or its dialog's, is in this build). */
    public boolean available(ScreenDef s) {
        return availability.of(s);
    }

    // ---- actions (one per key) -------------------------------------------------------------------

    /** Up / Down / PgUp / PgDn: moves the cursor by {@code delta} selectable lines (clamped). */
    public void moveCursor(int delta) {
        if (busy() || delta == 0) {
            return;
        }
        Lines l = focus();
        for (int n = Math.abs(delta); l != null && n > 0; n--) {
            l.cursor(l.next(l.cursor(), delta > 0 ? 1 : -1));
        }
    }

    /** The lines with a cursor that keys go to: the F4 list, else the menu or dialog on top; or null. */
    private Lines focus() {
        if (popup instanceof ListState l) {
            return l;
        }
        return popup == null && stack.peek() instanceof Lines l ? l : null;
    }

    /** Puts the cursor on line {@code index} of the menu, dialog or list (when it can rest there). */
    public void setCursor(int index) {
        Lines l = busy() ? null : focus();
        if (l != null && index >= 0 && index < l.size() && l.selectable(index)) {
            l.cursor(index);
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
                execute(c.owner(), c.run());
            } else {
                choose((ListState) p);
            }
            return;
        }
        ScreenState f = stack.peek();
        if (f instanceof MenuState m) {
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
        } else if (f instanceof FormState d) {
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
        ScreenState f = stack.pop();
        if (f instanceof StatusState o && o.status() == View.Status.OK && o.dialog.backUpOnSuccess()
                && o.from != null && stack.peek() == o.from) {
            stack.pop();
        }
        if (stack.isEmpty()) {
            finish(0);
        }
    }

    /** F10 (Exit): ends smitty at once (a command still running is interrupted first, as a hang-up ends it). */
    public void exit() {
        if (!finished) {
            tasks.stop();
            finish(0);
        }
    }

    /** Ctrl-C: interrupts the command that runs on its own thread (COMMAND STATUS: failed); else F3. */
    public void interrupt() {
        if (!tasks.interrupt()) {
            cancel();
        }
    }

    /** F1 (Help): the help text of the item or field under the cursor (of the F4 list, over it). */
    public void help() {
        MessageState m = busy() ? null : MessageState.helpFor(stack.peek(), popup);
        if (m != null) {
            popup = m;
        }
    }

    /**
     * F4 (List): the list of the field under the cursor (a ring's values, or its list command's output).
     *
     * @return false when there is nothing to list (no field, or a field without a list or ring):
     *         nothing opens and the front end rings the bell, as smitty does
     */
    public boolean list() {
        if (busy() || popup != null || !(stack.peek() instanceof FormState d)) {
            return false;
        }
        FieldState s = d.current();
        if (s == null || !s.field.isRing() && !s.field.hasList()) {
            return false;
        }
        openList(d, false);
        return true;
    }

    /** F5 (Reset): the field under the cursor goes back to its initial (default or discovered) value. */
    public void reset() {
        FieldState s = field();
        if (s != null) {
            s.reset();
        }
    }

    /** F6 (Command): shows the command lines the dialog would run, or those that ran. */
    public void showCommand() {
        if (busy() || popup != null) {
            return;
        }
        try {
            String text = composed();
            if (text != null) {
                popup = MessageState.command(text);
            }
        } catch (AixException e) {
            error(e.getMessage(), 0);
        }
    }

    /** F7 in a multi-select list: marks or unmarks the item under the cursor. */
    public void toggleMark() {
        if (busy() || !(popup instanceof ListState l) || !l.multi()) {
            return;
        }
        if (l.entries.get(l.cursor).value() != null && !l.marked.remove(l.cursor)) {
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
        List<String> body = log.logFile() == null ? ViewBuilder.lines("smit.image.nolog", fp)
                : ViewBuilder.lines("smit.image.text", log.logFile(), fp);
        popup = new MessageState(Messages.get("smit.image.title"), body, 0, String.join("\n", body),
                popup instanceof MessageState ? null : popup);
    }

    /** Insert: typing inserts or overwrites, in turn (for every entry field until pressed again). */
    public void toggleOverwrite() {
        overwrite = !overwrite;
    }

    /** True while typed characters replace the one under the caret. */
    public boolean overwrite() {
        return overwrite;
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
        FieldState s = field();
        if (s != null) {
            s.turn(dir);
        }
    }

    /** The field under the cursor of the dialog on top, when keys go to it (no pop-up), or null. */
    private FieldState field() {
        return busy() || popup != null || !(stack.peek() instanceof FormState d) ? null : d.current();
    }

    /**
     * Typing: replaces the value of the field under the cursor.
     *
     * @return false (and nothing changes) when the field cannot be typed into or the text does
     *         not fit it (too long, or not a number in a numeric field): the front end beeps
     */
    public boolean setValue(String text) {
        FieldState s = field();
        return s != null && s.type(text);
    }

    /**
     * {@code /}: finds {@code text} (ignoring case) in the menu, list or output, after the cursor.
     *
     * @return false when nothing matches (or there is nothing to search): the front end rings the bell
     */
    public boolean find(String text) {
        findText = text == null || text.isEmpty() ? null : text.toLowerCase(Locale.ROOT);
        return findNext();
    }

    /** {@code n}: finds the same text again; false when nothing matches or nothing was searched for. */
    public boolean findNext() {
        if (busy() || findText == null) {
            return false;
        }
        Lines l = focus();
        if (l instanceof ListState || l instanceof MenuState) {
            return l.findNext(findText);
        }
        return popup == null && stack.peek() instanceof StatusState o && o.find(findText);
    }

    /** Runs the task commands that wait (see {@link #pending()}); {@link TaskCommands} says how. */
    public void runPending() {
        StatusState o = pending;
        if (o == null) {
            return;
        }
        pending = null;
        tasks.run(o);
    }

    /**
     * Starts the task commands that wait on a thread of their own and returns; {@code changed} is
     * called on that thread after each line of output and at the end (it only asks for a redraw).
     */
    public void start(Runnable changed) {
        StatusState o = pending;
        pending = null;
        if (o != null) {
            tasks.start(o, changed);
        }
    }

    // ---- navigation ------------------------------------------------------------------------------

    private boolean busy() {
        return finished || pending != null || tasks.running();
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
            finish(p instanceof MessageState m ? m.exitCode() : 0);
        }
    }

    private void error(String text, int exitCode) {
        popup = MessageState.error(text, exitCode);
    }

    /** Opens a screen; {@code fastPath} is the name used to reach it (for smit.log), or null. */
    private void open(ScreenDef s, Map<String, String> vars, String fastPath) {
        if (!availability.of(s)) {
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
            stack.push(new MenuState(m));
        } else if (s instanceof Selector sel) {
            log.screen("smit.log.selector", fp, sel.id(), sel.next(), sel.title());
            FormState f = new FormState(sel, List.of(sel.field()), vars);
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
        FormState f = new FormState(d, d.fields(), vars);
        Map<String, String> found = new HashMap<>(vars);
        try {
            found.putAll(helpers.discover(d, f::lookup));
        } catch (HelperCommands.Failure e) {
            error(e.getMessage(), 0);
            return;
        }
        for (FieldState s : f.fields) {
            String name = s.field.discover();
            if (name != null && found.containsKey(name)) {
                s.discovered(found.get(name));
            }
        }
        log.screen("smit.log.dialog", fp, d.id(), d.id(), d.title());
        if (d.ghost()) {
            run(f);
            return;
        }
        stack.push(f);
    }

    private void openList(FormState d, boolean ghost) {
        FieldState s = d.current();
        if (s == null) {
            return;
        }
        Field f = s.field;
        if (f.isRing()) {
            popup = ListState.ring(d, s, ghost);
            return;
        }
        if (!f.hasList()) {
            return;
        }
        try {
            popup = new ListState(d, s, helpers.list(f, d::lookup), false, ghost);
        } catch (HelperCommands.Failure e) {
            error(e.getMessage(), 0);
        }
    }

    private void choose(ListState l) {
        if (!l.choose()) {
            return;
        }
        popup = null;
        if (l.ghost) {
            selectorDone(l.owner);
        }
    }

    /** Enter on a selector: its value is passed on to the next screen. */
    private void selectorDone(FormState f) {
        Selector sel = (Selector) f.def;
        FieldState s = f.fields.get(0);
        if (!requiredOk(s)) {
            return;
        }
        Map<String, String> vars = new LinkedHashMap<>(f.vars);
        ScreenDef next;
        try {
            next = tree.screen(helpers.next(sel, s.real(), vars, f::lookup));
        } catch (HelperCommands.Failure e) {
            error(e.getMessage(), 0);
            return;
        }
        if (next == null) {
            error(Messages.get("smit.noentries"), 0);
            return;
        }
        if (sel.ghost()) {
            stack.remove(f);
        }
        open(next, vars, null);
    }

    /** True when the field's value lets Enter go on; else shows why. */
    private boolean requiredOk(FieldState s) {
        String problem = s.problem();
        if (problem != null) {
            error(problem, 0);
        }
        return problem == null;
    }

    /** Enter on a dialog: checks the fields, then runs (asking first if the dialog says so). */
    private void dialogDone(FormState f) {
        for (int i = 0; i < f.fields.size(); i++) {
            if (!requiredOk(f.fields.get(i))) {
                f.cursor = i;
                return;
            }
        }
        run(f);
    }

    /**
     * Composes the dialog's command lines (once: what ARE YOU SURE? confirms is what runs), then
     * asks, or shows COMMAND STATUS (running) at once; {@link #runPending()} runs it.
     */
    private void run(FormState f) {
        Dialog d = (Dialog) f.def;
        Composer.Run lines;
        try {
            lines = Composer.compose(d, f.values());
        } catch (AixException e) {
            error(e.getMessage(), 0);
            return;
        }
        if (d.ask()) {
            popup = new ConfirmState(f, lines);
        } else {
            execute(f, lines);
        }
    }

    /** Shows COMMAND STATUS (running) for composed command lines; {@link #runPending()} runs them. */
    private void execute(FormState f, Composer.Run lines) {
        StatusState o = new StatusState(stack.contains(f) ? f : null, (Dialog) f.def, lines);
        stack.push(o);
        pending = o;
    }
}
