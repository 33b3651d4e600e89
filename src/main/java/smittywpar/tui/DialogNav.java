package smittywpar.tui;

import java.util.ArrayList;
import java.util.List;

/**
 * The cursor and the typing of a dialog or selector. Up/Down (and paging) move between fields,
 * skipping information rows; Left/Right/Home/End/Backspace/Delete and printable keys edit the
 * field under the cursor by SMIT's entry rules. Every edit is reported at once
 * ({@link Intent.Kind#CHANGED}) so the session always holds what the screen shows; everything
 * else about the field (rings, lists, reset, help, run) goes to the controller as an intent.
 */
public final class DialogNav {
    private final String title;
    private final boolean selector;
    private List<FieldView> fields;
    private int cursor;
    private int top;
    private int page = 1;
    private FieldEditor editor;

    public DialogNav(String title, boolean selector, List<FieldView> fields, int cursor) {
        this.title = title;
        this.selector = selector;
        this.fields = List.copyOf(fields);
        this.cursor = -1;
        int first = next(Math.max(0, cursor), 1);
        moveTo(first >= 0 ? first : next(fields.size() - 1, -1));
    }

    public int cursor() {
        return cursor;
    }

    /**
     * New values from the session (after a ring step, a list choice, a reset ...). The cursor
     * stays; the field under it restarts editing with the caret at the end if its value changed.
     */
    public void update(List<FieldView> newFields) {
        this.fields = List.copyOf(newFields);
        if (cursor >= fields.size()) {
            cursor = -1;
            moveTo(next(fields.size() - 1, -1));
        } else if (cursor >= 0 && !fields.get(cursor).value().equals(editor.text())) {
            editor = editorFor(cursor);
        }
    }

    public DialogView view(int rows) {
        int[] starts = Layout.fieldRowStarts(fields);
        int ff = cursor < 0 ? -1 : starts[cursor];
        int fl = cursor < 0 ? -1 : starts[cursor + 1] - 1;
        Layout.Scroll s = Layout.dialogScroll(rows, starts[fields.size()], top, ff, fl);
        top = s.top();
        page = Math.max(1, s.visible());
        return new DialogView(title, selector, fields, cursor, top, cursor < 0 ? 0 : editor.caret(),
                cursor < 0 ? 0 : editor.hscroll());
    }

    public Intent handle(Action a) {
        switch (a.kind()) {
            case UP:
                moveTo(next(cursor - 1, -1));
                return Intent.NONE;
            case DOWN:
                moveTo(next(cursor + 1, 1));
                return Intent.NONE;
            case PGUP:
            case PGDN:
                page(a.kind() == Action.Kind.PGDN ? 1 : -1);
                return Intent.NONE;
            case TAB:
                return atField(Intent.Kind.RING_NEXT);
            case BACKTAB:
                return atField(Intent.Kind.RING_PREV);
            case LIST:
                return atField(Intent.Kind.LIST);
            case RESET:
                return atField(Intent.Kind.RESET);
            case EDIT:
                return atField(Intent.Kind.EDIT);
            case HELP:
                return Intent.of(Intent.Kind.HELP, cursor);
            case ENTER:
                return Intent.of(Intent.Kind.RUN, cursor);
            case COMMAND:
                return Intent.of(Intent.Kind.COMMAND, cursor);
            default:
                break;
        }
        if (cursor < 0) {
            return a.kind() == Action.Kind.CHAR ? Intent.BEEP : Intent.PASS;
        }
        switch (editor.handle(a)) {
            case CHANGED:
                String v = editor.text();
                List<FieldView> copy = new ArrayList<>(fields);
                copy.set(cursor, fields.get(cursor).withValue(v));
                fields = List.copyOf(copy);
                return new Intent(Intent.Kind.CHANGED, cursor, v);
            case MOVED:
                return Intent.NONE;
            case REFUSED:
                return Intent.BEEP;
            default:
                return a.kind() == Action.Kind.CHAR ? Intent.BEEP
                        : isEditKey(a) ? Intent.NONE : Intent.PASS;
        }
    }

    private static boolean isEditKey(Action a) {
        switch (a.kind()) {
            case LEFT:
            case RIGHT:
            case HOME:
            case END:
            case BACKSPACE:
            case DELETE:
                return true;
            default:
                return false;
        }
    }

    private Intent atField(Intent.Kind kind) {
        return cursor < 0 ? Intent.BEEP : Intent.of(kind, cursor);
    }

    /** Moves about one screen of rows, to the nearest field that can take the cursor. */
    private void page(int dir) {
        if (cursor < 0) {
            return;
        }
        int[] starts = Layout.fieldRowStarts(fields);
        int targetRow = starts[cursor] + dir * page;
        top = Math.max(0, top + dir * page);
        int target = cursor;
        for (int i = 0; i < fields.size(); i++) {
            if (starts[i] <= targetRow) {
                target = i;
            }
        }
        if (targetRow < 0) {
            target = 0;
        }
        int f = next(target, dir);
        moveTo(f >= 0 ? f : next(target, -dir));
    }

    private int next(int from, int dir) {
        for (int i = from; i >= 0 && i < fields.size(); i += dir) {
            if (fields.get(i).kind().focusable()) {
                return i;
            }
        }
        return -1;
    }

    private void moveTo(int i) {
        if (i < 0 || i == cursor) {
            return;
        }
        cursor = i;
        editor = editorFor(i);
    }

    private FieldEditor editorFor(int i) {
        FieldView f = fields.get(i);
        return new FieldEditor(f.value(), f.kind(), f.maxLength(), Layout.VALUE_WIDTH);
    }
}
