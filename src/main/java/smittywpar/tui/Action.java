package smittywpar.tui;

/**
 * One user action, already decoded from whatever bytes the terminal sent. Function keys are
 * named by their SMIT meaning (F1 = {@link Kind#HELP} ... F10 = {@link Kind#EXIT}); printable
 * keys arrive as {@link Kind#CHAR} and each screen decides what they mean there (in a list or
 * on the output screen {@code /} starts a search and {@code n} finds the next match; in an entry
 * field both are just typed).
 */
public record Action(Kind kind, char ch) {
    /** What the user asked for. */
    public enum Kind {
        /** F1 or Esc 1. */
        HELP,
        /** F2 or Esc 2: redraw. */
        REFRESH,
        /** F3 or Esc 3: back one screen, close a pop-up. */
        CANCEL,
        /** F4 or Esc 4: list of values. */
        LIST,
        /** F5 or Esc 5: reset the field. */
        RESET,
        /** F6 or Esc 6: show the command. */
        COMMAND,
        /** F7 or Esc 7: edit the field (dialog) or mark an item (multi-select list). */
        EDIT,
        /** F8 or Esc 8: screen image. */
        IMAGE,
        /** F9 or Esc 9: sub-shell. */
        SHELL,
        /** F10 or Esc 0: leave at once. */
        EXIT,
        ENTER, UP, DOWN, LEFT, RIGHT, PGUP, PGDN, HOME, END, TAB, BACKTAB, BACKSPACE, DELETE,
        /** Insert: typing inserts or overwrites, in turn. */
        INSERT,
        /** A printable character, in {@link Action#ch()}. */
        CHAR,
        /** Ctrl-L: repaint the whole terminal. */
        REDRAW,
        /** Ctrl-C (trapped; never kills the program). */
        INTERRUPT,
        /** The terminal went away (end of input). */
        EOF
    }

    /** The function keys in order: index 0 is F1, index 9 is F10. */
    static final Kind[] FUNCTION_KEYS = {Kind.HELP, Kind.REFRESH, Kind.CANCEL, Kind.LIST, Kind.RESET,
        Kind.COMMAND, Kind.EDIT, Kind.IMAGE, Kind.SHELL, Kind.EXIT};

    public static Action of(Kind kind) {
        return new Action(kind, '\0');
    }

    public static Action ch(char c) {
        return new Action(Kind.CHAR, c);
    }

    /** True for the printable character {@code c}. */
    public boolean is(char c) {
        return kind == Kind.CHAR && ch == c;
    }

    @Override
    public String toString() {
        return kind == Kind.CHAR ? "CHAR '" + ch + "'" : kind.name();
    }
}
