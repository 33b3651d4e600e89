package smittywpar.tui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import smittywpar.msg.Messages;
import smittywpar.smit.Session;
import smittywpar.smit.View;

/**
 * The TUI side of a {@code smit} {@link Session}: turns its {@link View} into frames and keys
 * into its actions. The session owns everything SMIT decides (navigation, cursors, values,
 * pop-ups, find, commands, logs); this class adds only what depends on the terminal: which rows
 * of a long menu, dialog, list, text or output are in view, the caret in the field being typed,
 * and the two small entry boxes for {@code /} (find) and F7 (edit a long value).
 *
 * <p>Key meanings beyond the session's own: Ctrl-C is Cancel; F9 and Tab work only where SMIT
 * offers them (no shell from a pop-up, Tab only on rings); Up/Down/PgUp/PgDn scroll text pop-ups
 * and COMMAND STATUS, and move the cursor elsewhere; a search that finds nothing rings the bell.
 *
 * <p>A task command runs on a thread of its own when the screen loop offers a way to wake it
 * ({@link #onChange}): COMMAND STATUS says {@code running} and shows the output as it comes,
 * following it to the end (exec_mode p) or staying on its first screen (n). Meanwhile only the
 * scrolling keys work (scrolling up stops the following, End resumes it) and Ctrl-C interrupts
 * the command; every other key rings the bell (F3 and F10 included), as SMIT does not leave a
 * command that runs.
 */
public final class SessionController implements Controller {
    /** A scrolled window over some rows: where it starts, how many rows it showed, for what. */
    private static final class Window {
        Object key;
        int top;
        int page = 1;

        /** Starts at the top again when it is shown for something else. */
        void showing(Object k) {
            if (!k.equals(key)) {
                key = k;
                top = 0;
            }
        }

        void shown(Layout.Scroll s) {
            top = s.top();
            page = Math.max(1, s.visible());
        }
    }

    /** The find ({@code /}) or edit (F7) box. */
    private record Prompt(boolean find, String title, String instruction, FieldEditor editor) {
    }

    private final Session session;
    private final Window menu = new Window();
    private final Window dialog = new Window();
    private final Window list = new Window();
    private final Window message = new Window();
    private final Window output = new Window();
    private boolean follow = true;
    /** The COMMAND STATUS shown last was running (the next running one starts following anew). */
    private boolean wasRunning;
    /** Wakes the screen loop from the command's thread; null: commands run on the loop's thread. */
    private Runnable wake;
    /** {@link Session#changes()} when the frame was last built. */
    private long seen;
    private final boolean threads;
    /** The output of the finished command shown last (it opened at the top). */
    private List<View.OutputLine> finished;
    /** The size of the last frame: paging works out the page of a screen even before it was drawn. */
    private int cols = 80;
    private int rows = 24;
    private boolean reveal;
    private FieldEditor editor;
    private Object editorKey;
    private Prompt prompt;
    /**
     * The view the last frame was built from, while nothing has happened since (a key's handling
     * starts from it instead of building the same view again).
     */
    private View drawn;

    public SessionController(Session session) {
        this(session, true);
    }

    /**
     * @param threads false to run every task command on the screen loop's thread, whatever the
     *        loop offers (the start-up cache's training run types keys that must meet the
     *        screens they were written for)
     */
    public SessionController(Session session, boolean threads) {
        this.session = session;
        this.threads = threads;
    }

    /** However the screen loop ended, the session ends (and smit.log says so). */
    @Override
    public void close() {
        if (!session.finished()) {
            session.exit();
        }
    }

    @Override
    public void idle() {
        session.idle();
    }

    @Override
    public int exitCode() {
        return session.exitCode();
    }

    /**
     * A command waits (COMMAND STATUS says running and has been drawn): starts it on its own
     * thread (or runs it now when nothing can wake the loop); or a command that runs has written
     * since the last frame. True when the frame is to be drawn again.
     */
    @Override
    public boolean poll() {
        if (session.pending()) {
            if (wake != null) {
                session.start(wake);
            } else {
                session.runPending();
            }
            drawn = null;
            return true;
        }
        long n = session.changes();
        if (n == seen) {
            return false;
        }
        seen = n;
        drawn = null;
        return true;
    }

    @Override
    public void onChange(Runnable wake) {
        this.wake = threads ? wake : null;
    }

    @Override
    public boolean busy() {
        return session.pending();
    }

    // ---- drawing --------------------------------------------------------------------------------

    @Override
    public Scene scene(int cols, int rows) {
        this.cols = cols;
        this.rows = rows;
        View v = session.view();
        drawn = v;
        List<String> baseLegend = v.popup() == null ? v.legend() : screenLegend(v.base());
        Panel base = panel(v.base(), cols, rows, baseLegend);
        List<Popup> popups = new ArrayList<>(2);
        if (v.popup() != null) {
            popups.add(popup(v.popup(), rows, v.legend()));
        }
        if (prompt != null) {
            popups.add(new EntryPopupView(prompt.title(), prompt.instruction(), prompt.editor().text(),
                    prompt.editor().caret(), prompt.editor().hscroll(), popupLegend()));
        }
        return new Scene(base, popups);
    }

    private Panel panel(View.Screen screen, int cols, int rows, List<String> legend) {
        int legendRows = Layout.screenLegendRows(legend);
        if (screen instanceof View.MenuScreen m) {
            List<MenuView.Item> items = new ArrayList<>(m.items().size());
            for (View.MenuLine l : m.items()) {
                items.add(new MenuView.Item(l.text(), !l.info()));
            }
            menu.showing(m.id());
            menu.shown(Layout.menuScroll(rows, legendRows, items.size(), menu.top, m.cursor()));
            return new MenuView(m.title(), m.instructions(), items, m.cursor(), menu.top, legend);
        }
        if (screen instanceof View.DialogScreen d) {
            List<FieldView> fields = new ArrayList<>(d.fields().size());
            for (View.FieldLine f : d.fields()) {
                fields.add(fieldView(f));
            }
            dialog.showing(d.id());
            FieldEditor e = editorFor(d);
            int[] starts = Layout.fieldRowStarts(fields);
            int c = d.cursor();
            boolean hasCursor = c >= 0 && c < fields.size() && fields.get(c).kind().focusable();
            dialog.shown(Layout.dialogScroll(rows, legendRows, starts[fields.size()], dialog.top,
                    hasCursor ? starts[c] : -1, hasCursor ? starts[c + 1] - 1 : -1));
            return new DialogView(d.title(), d.instructions(), d.header(), fields, hasCursor ? c : -1, dialog.top,
                    e == null ? 0 : e.caret(), e == null ? 0 : e.hscroll(), legend);
        }
        if (screen instanceof View.OutputScreen o) {
            List<String> lines = new ArrayList<>(o.lines().size());
            for (View.OutputLine l : o.lines()) {
                lines.add(l.text());
            }
            output.showing(o.command());
            if (o.status() == View.Status.RUNNING) {
                if (!wasRunning) {
                    follow = o.follows();
                    output.top = 0;
                }
            } else if (finished != o.lines()) {
                // a command that has finished shows its output from the top, as AIX does
                finished = o.lines();
                follow = false;
                output.top = 0;
            }
            int[] starts = Layout.outputRowStarts(lines, cols);
            int mark = o.found() >= 0 && o.found() < lines.size() ? starts[o.found()] : -1;
            if (reveal && mark >= 0) {
                // a search just found this line: show it on the top row (or as high as the end allows)
                follow = false;
                output.top = mark;
            }
            reveal = false;
            wasRunning = o.status() == View.Status.RUNNING;
            output.shown(Layout.outputScroll(rows, legendRows, starts[lines.size()],
                    follow ? Integer.MAX_VALUE : output.top));
            return new OutputView(o.title(), o.statusWord(), o.stdout(), o.stderr(), lines(o.instructions()), lines,
                    output.top, mark, legend);
        }
        return new BlankView(screen.title(), legend);
    }

    private Popup popup(View.Popup p, int rows, List<String> legend) {
        int legendRows = Layout.popupLegendRows(legend);
        if (p instanceof View.ListPopup l) {
            List<ListPopupView.Item> items = new ArrayList<>(l.items().size());
            for (View.ListLine i : l.items()) {
                items.add(new ListPopupView.Item(i.text(), i.selectable(), i.marked()));
            }
            list.showing(l.title() + "\n" + l.items());
            list.shown(Layout.listPopupScroll(rows, l.instructions().size(), legendRows, items.size(), list.top,
                    l.cursor()));
            return new ListPopupView(l.title(), l.instructions(), items, l.cursor(), list.top, legend);
        }
        List<String> body = p instanceof View.ConfirmPopup c ? c.lines() : ((View.MessagePopup) p).lines();
        message.showing(p.title() + "\n" + body);
        message.shown(Layout.messagePopupScroll(rows, legendRows, Layout.popupBody(body).size(), message.top));
        return new MessagePopupView(p.title(), body, message.top, legend);
    }

    private static FieldView fieldView(View.FieldLine f) {
        FieldView.Kind kind = switch (f.entry()) {
            case INFO -> FieldView.Kind.INFO;
            case RING, NONE -> FieldView.Kind.FIXED;
            case NUMERIC -> FieldView.Kind.NUMERIC;
            case HEX -> FieldView.Kind.HEX;
            case TEXT -> f.secret() ? FieldView.Kind.SECRET : FieldView.Kind.TEXT;
        };
        return new FieldView(f.label(), f.indent(), f.required(), kind, f.value(), f.marker(), f.size());
    }

    /** The editor of the field under the cursor: kept while the value is the one it typed. */
    private FieldEditor editorFor(View.DialogScreen d) {
        View.FieldLine f = current(d);
        if (f == null || !f.editable()) {
            editor = null;
            editorKey = null;
            return null;
        }
        List<Object> key = List.of(d.id(), d.cursor());
        if (editor == null || !key.equals(editorKey) || !editor.text().equals(f.value())) {
            editor = new FieldEditor(f.value(), Layout.VALUE_WIDTH);
            editorKey = key;
        }
        return editor;
    }

    private static View.FieldLine current(View.DialogScreen d) {
        int c = d.cursor();
        return c >= 0 && c < d.fields().size() && d.fields().get(c).entry() != View.Entry.INFO ? d.fields().get(c)
                : null;
    }

    /** The legend of a full screen while a pop-up (which has its own) is over it. */
    private static List<String> screenLegend(View.Screen s) {
        String key = switch (s.kind()) {
            case MENU -> "smit.legend.menu";
            case DIALOG, SELECTOR -> "smit.legend.dialog";
            case OUTPUT -> "smit.legend.output";
            default -> null;
        };
        return key == null ? List.of() : Arrays.asList(Messages.get(key).split("\\|"));
    }

    private static List<String> popupLegend() {
        return Arrays.asList(Messages.get("smit.legend.popup").split("\\|"));
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\n", -1));
    }

    // ---- keys -----------------------------------------------------------------------------------

    @Override
    public Outcome handle(Action a, Ui ui) {
        View shown = drawn;
        drawn = null; // whatever this key does, the next frame is built anew
        if (a.kind() == Action.Kind.EXIT && session.running()) {
            ui.beep(); // F10 does not leave a command that runs (at the end of input the loop ends anyway)
            return Outcome.CONTINUE;
        }
        if (a.kind() == Action.Kind.EXIT) {
            prompt = null;
            session.exit();
            return Outcome.EXIT;
        }
        if (prompt != null) {
            prompt(a, ui);
            return Outcome.CONTINUE;
        }
        if (session.running()) {
            whileRunning(a, ui);
            return Outcome.CONTINUE;
        }
        View v = shown != null ? shown : session.view();
        View.Kind kind = v.kind();
        boolean form = kind == View.Kind.DIALOG || kind == View.Kind.SELECTOR;
        boolean text = kind == View.Kind.MESSAGE || kind == View.Kind.CONFIRM;
        switch (a.kind()) {
            case CANCEL:
            case INTERRUPT:
                session.cancel();
                break;
            case ENTER:
                session.enter();
                break;
            case HELP:
                session.help();
                break;
            case LIST:
                if (!form || !session.list()) {
                    ui.beep();
                }
                break;
            case RESET:
                if (form) {
                    session.reset();
                } else {
                    ui.beep();
                }
                break;
            case COMMAND:
                session.showCommand();
                break;
            case EDIT:
                edit(v, ui);
                break;
            case IMAGE:
                session.image(Arrays.asList(stripTrailingNewline(ui.image()).split("\n", -1)));
                break;
            case SHELL:
                if (v.popup() != null || !ui.shell()) {
                    ui.beep();
                }
                break;
            case UP:
            case DOWN:
            case PGUP:
            case PGDN:
            case HOME:
            case END:
                move(a, kind, ui);
                break;
            case INSERT:
                session.toggleOverwrite();
                break;
            case TAB:
            case BACKTAB:
                View.FieldLine f = form ? current((View.DialogScreen) v.base()) : null;
                if (f != null && f.entry() == View.Entry.RING) {
                    if (a.kind() == Action.Kind.TAB) {
                        session.ringNext();
                    } else {
                        session.ringPrev();
                    }
                } else {
                    ui.beep();
                }
                break;
            case LEFT:
            case RIGHT:
            case BACKSPACE:
            case DELETE:
                if (form) {
                    type(a, (View.DialogScreen) v.base(), ui);
                } else if (a.kind() != Action.Kind.LEFT && a.kind() != Action.Kind.RIGHT) {
                    ui.beep();
                }
                break;
            case CHAR:
                if (form) {
                    type(a, (View.DialogScreen) v.base(), ui);
                } else if (!text && a.ch() == '/') {
                    prompt = new Prompt(true, Texts.get("find.title"), Texts.get("find.instruction"),
                            new FieldEditor("", Layout.ENTRY_POPUP_WIDTH));
                } else if (!text && a.ch() == 'n') {
                    reveal = true;
                    if (!session.findNext()) {
                        ui.beep();
                    }
                } else {
                    ui.beep();
                }
                break;
            default:
                break;
        }
        return session.finished() ? Outcome.EXIT : Outcome.CONTINUE;
    }

    /** A key while a command runs: scrolling, and Ctrl-C to interrupt it; nothing else. */
    private void whileRunning(Action a, Ui ui) {
        switch (a.kind()) {
            case UP, DOWN, PGUP, PGDN, HOME -> move(a, View.Kind.OUTPUT, ui);
            case END -> {
                move(a, View.Kind.OUTPUT, ui);
                follow = true;
            }
            case INTERRUPT -> session.interrupt();
            default -> ui.beep();
        }
    }

    /** Arrows and paging: scroll text and output, move the cursor elsewhere. */
    private void move(Action a, View.Kind kind, Ui ui) {
        Window w = kind == View.Kind.OUTPUT ? output
                : kind == View.Kind.MESSAGE || kind == View.Kind.CONFIRM ? message : null;
        if (w != null) {
            if (w == output) {
                follow = false;
            }
            w.top = switch (a.kind()) {
                case UP -> w.top - 1;
                case DOWN -> w.top + 1;
                case PGUP -> w.top - w.page;
                case PGDN -> w.top + w.page;
                case HOME -> 0;
                default -> Integer.MAX_VALUE;
            };
            w.top = Math.max(0, w.top);
            return;
        }
        if ((kind == View.Kind.DIALOG || kind == View.Kind.SELECTOR)
                && (a.kind() == Action.Kind.HOME || a.kind() == Action.Kind.END)) {
            type(a, (View.DialogScreen) session.view().base(), ui);
            return;
        }
        if (a.kind() == Action.Kind.HOME || a.kind() == Action.Kind.END) {
            session.setCursor(edge(session.view(), a.kind() == Action.Kind.HOME));
            return;
        }
        if (a.kind() == Action.Kind.UP || a.kind() == Action.Kind.DOWN) {
            session.moveCursor(a.kind() == Action.Kind.UP ? -1 : 1);
            return;
        }
        // a page is what the screen shows now, also when keys came faster than frames
        scene(cols, rows);
        int dir = a.kind() == Action.Kind.PGUP ? -1 : 1;
        if (kind == View.Kind.DIALOG || kind == View.Kind.SELECTOR) {
            pageDialog((View.DialogScreen) session.view().base(), dir);
            return;
        }
        session.moveCursor(dir * (kind == View.Kind.MENU ? menu : list).page);
    }

    /**
     * Page Down / Page Up in a dialog: the view moves by the rows it shows, and the cursor to the
     * field that comes to the same place on the screen (fields take one row or more).
     */
    private void pageDialog(View.DialogScreen d, int dir) {
        List<FieldView> fields = new ArrayList<>(d.fields().size());
        for (View.FieldLine f : d.fields()) {
            fields.add(fieldView(f));
        }
        int[] starts = Layout.fieldRowStarts(fields);
        int n = fields.size();
        int target = starts[d.cursor()] + dir * dialog.page;
        int to = d.cursor();
        for (int i = 0; i < n; i++) {
            if (starts[i] <= target) {
                to = i;
            }
        }
        // the nearest field the cursor can rest on, looking on in the direction of paging first
        int best = -1;
        for (int i = to; i >= 0 && i < n && best < 0; i += dir) {
            best = fields.get(i).kind().focusable() ? i : -1;
        }
        for (int i = to; i >= 0 && i < n && best < 0; i -= dir) {
            best = fields.get(i).kind().focusable() ? i : -1;
        }
        if (best >= 0 && best != d.cursor()) {
            dialog.top = Math.max(0, dialog.top + dir * dialog.page);
            session.setCursor(best);
        }
    }

    /** The first (or last) line of the menu or list the cursor can rest on. */
    private static int edge(View v, boolean first) {
        List<Boolean> selectable = new ArrayList<>();
        if (v.popup() instanceof View.ListPopup l) {
            l.items().forEach(i -> selectable.add(i.selectable()));
        } else if (v.base() instanceof View.MenuScreen m) {
            m.items().forEach(i -> selectable.add(!i.info()));
        }
        int n = selectable.size();
        for (int k = 0; k < n; k++) {
            int i = first ? k : n - 1 - k;
            if (selectable.get(i)) {
                return i;
            }
        }
        return -1;
    }

    /** Typing in the field under the cursor; the session decides whether the new value is allowed. */
    private void type(Action a, View.DialogScreen d, Ui ui) {
        FieldEditor e = editorFor(d);
        if (e == null) {
            if (a.kind() != Action.Kind.LEFT && a.kind() != Action.Kind.RIGHT && a.kind() != Action.Kind.HOME
                    && a.kind() != Action.Kind.END) {
                ui.beep();
            }
            return;
        }
        switch (e.handle(a, session.overwrite())) {
            case CHANGED:
                if (!session.setValue(e.text())) {
                    e.undo();
                    ui.beep();
                }
                break;
            case REFUSED:
                ui.beep();
                break;
            default:
                break;
        }
    }

    /** F7: marks an item of a multi-select list, or edits the field's value in a wide box. */
    private void edit(View v, Ui ui) {
        if (v.popup() instanceof View.ListPopup l) {
            if (l.multi()) {
                session.toggleMark();
            } else {
                ui.beep();
            }
            return;
        }
        View.FieldLine f = v.popup() == null && v.base() instanceof View.DialogScreen d ? current(d) : null;
        if (f == null || !f.editable()) {
            ui.beep();
            return;
        }
        prompt = new Prompt(false, f.label(), Texts.get("edit.instruction"),
                new FieldEditor(f.value(), Layout.ENTRY_POPUP_WIDTH));
    }

    private void prompt(Action a, Ui ui) {
        switch (a.kind()) {
            case CANCEL:
            case INTERRUPT:
                prompt = null;
                return;
            case ENTER:
                String text = prompt.editor().text();
                if (prompt.find()) {
                    prompt = null;
                    reveal = true;
                    if (!session.find(text)) {
                        ui.beep();
                    }
                } else if (session.setValue(text)) {
                    prompt = null;
                } else {
                    ui.beep();
                }
                return;
            default:
                FieldEditor.Result r = a.kind() == Action.Kind.INSERT ? FieldEditor.Result.MOVED
                        : prompt.editor().handle(a, session.overwrite());
                if (a.kind() == Action.Kind.INSERT) {
                    session.toggleOverwrite();
                }
                if (r == FieldEditor.Result.REFUSED || r == FieldEditor.Result.NOT_EDITING) {
                    ui.beep();
                }
        }
    }

    private static String stripTrailingNewline(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
