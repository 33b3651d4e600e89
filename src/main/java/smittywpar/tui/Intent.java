package smittywpar.tui;

/**
 * What a key meant on the screen that received it, for the controller to act on. The screen
 * state classes ({@link MenuNav}, {@link DialogNav}, {@link ListNav}, {@link Pager},
 * {@link TextNav}, {@link EntryNav}) handle moving, scrolling and editing themselves and report
 * everything else as an intent.
 *
 * @param index the item or field concerned (-1 when none)
 * @param text  the new value ({@link Kind#CHANGED}), the entered text ({@link Kind#DONE})
 */
public record Intent(Kind kind, int index, String text) {
    public enum Kind {
        /** Handled here (moved, scrolled, edited the caret); just repaint. */
        NONE,
        /** Not a key for this screen: the controller's global handling applies (F3, F8, F9, F10 ...). */
        PASS,
        /** Refused (a letter in a numeric field, a key with no meaning here): ring the bell. */
        BEEP,
        /** Menu: open the item. */
        OPEN,
        /** Dialog: the field's value was edited to {@code text}. */
        CHANGED,
        /** Dialog: Tab / Shift-Tab on the field. */
        RING_NEXT, RING_PREV,
        /** Dialog: F4, F5, F7 on the field. */
        LIST, RESET, EDIT,
        /** F1 on the item or field (or on the screen when index is -1). */
        HELP,
        /** Dialog: Enter, run the task. */
        RUN,
        /** F6: show the command. */
        COMMAND,
        /** List: Enter, take the chosen item(s) (see {@link ListNav#chosen()}). */
        PICK,
        /** Entry pop-up: Enter with {@code text}. */
        DONE,
        /** {@code /}: ask for a search string. */
        FIND,
        /** {@code n}: find the next match of the last search string. */
        FIND_NEXT
    }

    static final Intent NONE = new Intent(Kind.NONE, -1, null);
    static final Intent PASS = new Intent(Kind.PASS, -1, null);
    static final Intent BEEP = new Intent(Kind.BEEP, -1, null);

    static Intent of(Kind kind, int index) {
        return new Intent(kind, index, null);
    }

    static Intent of(Kind kind) {
        return new Intent(kind, -1, null);
    }
}
