package smittywpar.tui;

/**
 * The caret and horizontal scroll of the value being typed in one entry field. It only edits
 * text; whether the session accepts the result (numbers in numeric fields, the field size ...)
 * is the session's rule, and a refused edit is taken back with {@link #undo()}. The caret starts
 * after the last character.
 */
final class FieldEditor {
    /** What an action did to the text. */
    enum Result { NOT_EDITING, MOVED, CHANGED, REFUSED }

    private final int width;
    private String text;
    private int caret;
    private int hscroll;
    private String undoText;
    private int undoCaret;

    FieldEditor(String value, int width) {
        this.width = width;
        this.text = value == null ? "" : value;
        this.caret = text.length();
        scroll();
    }

    String text() {
        return text;
    }

    int caret() {
        return caret;
    }

    int hscroll() {
        return hscroll;
    }

    Result handle(Action a) {
        return handle(a, false);
    }

    /** @param overwrite a typed character replaces the one under the caret instead of going in before it */
    Result handle(Action a, boolean overwrite) {
        switch (a.kind()) {
            case LEFT:
                return move(caret - 1);
            case RIGHT:
                return move(caret + 1);
            case HOME:
                return move(0);
            case END:
                return move(text.length());
            case BACKSPACE:
                return caret == 0 ? Result.REFUSED : change(text.substring(0, caret - 1) + text.substring(caret),
                        caret - 1);
            case DELETE:
                return caret == text.length() ? Result.REFUSED
                        : change(text.substring(0, caret) + text.substring(caret + 1), caret);
            case CHAR:
                if (Character.isISOControl(a.ch())) {
                    return Result.REFUSED;
                }
                int after = overwrite && caret < text.length() ? caret + 1 : caret;
                return change(text.substring(0, caret) + a.ch() + text.substring(after), caret + 1);
            default:
                return Result.NOT_EDITING;
        }
    }

    /** Takes back the last change. */
    void undo() {
        text = undoText;
        caret = undoCaret;
        scroll();
    }

    private Result change(String newText, int newCaret) {
        undoText = text;
        undoCaret = caret;
        text = newText;
        caret = newCaret;
        scroll();
        return Result.CHANGED;
    }

    private Result move(int to) {
        caret = Math.max(0, Math.min(text.length(), to));
        scroll();
        return Result.MOVED;
    }

    private void scroll() {
        hscroll = Layout.hscrollFor(caret, hscroll, width);
    }
}
