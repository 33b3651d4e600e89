package smittywpar.tui;

/**
 * The value being typed in one entry field: caret, horizontal scroll and SMIT's typing rules
 * (numeric fields take digits with one leading sign, hex fields hex digits, display-only fields
 * nothing; the field's size limits the length). The caret starts after the last character.
 */
final class FieldEditor {
    /** What an action did to the field. */
    enum Result { NOT_EDITING, MOVED, CHANGED, REFUSED }

    private final StringBuilder text;
    private final FieldView.Kind kind;
    private final int maxLength;
    private final int width;
    private int caret;
    private int hscroll;

    FieldEditor(String value, FieldView.Kind kind, int maxLength, int width) {
        this.text = new StringBuilder(value == null ? "" : value);
        this.kind = kind;
        this.maxLength = maxLength;
        this.width = width;
        this.caret = text.length();
        scroll();
    }

    String text() {
        return text.toString();
    }

    int caret() {
        return caret;
    }

    int hscroll() {
        return hscroll;
    }

    Result handle(Action a) {
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
                if (!kind.typeable() || caret == 0) {
                    return Result.REFUSED;
                }
                text.deleteCharAt(--caret);
                scroll();
                return Result.CHANGED;
            case DELETE:
                if (!kind.typeable() || caret == text.length()) {
                    return Result.REFUSED;
                }
                text.deleteCharAt(caret);
                scroll();
                return Result.CHANGED;
            case CHAR:
                if (!accepts(a.ch())) {
                    return Result.REFUSED;
                }
                text.insert(caret++, a.ch());
                scroll();
                return Result.CHANGED;
            default:
                return Result.NOT_EDITING;
        }
    }

    private Result move(int to) {
        if (!kind.typeable()) {
            return Result.NOT_EDITING;
        }
        int c = Math.max(0, Math.min(text.length(), to));
        if (c == caret) {
            return Result.MOVED;
        }
        caret = c;
        scroll();
        return Result.MOVED;
    }

    /** SMIT's entry rules for a character typed at the caret. */
    boolean accepts(char c) {
        if (!kind.typeable() || (maxLength > 0 && text.length() >= maxLength) || Character.isISOControl(c)) {
            return false;
        }
        switch (kind) {
            case NUMERIC:
                if (c >= '0' && c <= '9') {
                    return true;
                }
                return (c == '+' || c == '-') && caret == 0
                        && (text.length() == 0 || (text.charAt(0) != '+' && text.charAt(0) != '-'));
            case HEX:
                return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            default:
                return true;
        }
    }

    private void scroll() {
        hscroll = Layout.hscrollFor(caret, hscroll, width);
    }
}
