package smittywpar.tui;

import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * A highlighted item in a scrolling list whose lines are not all selectable (menus with blank
 * and info lines, F4 lists with {@code #} headings): moving skips them, paging moves by the rows
 * the screen showed last, find searches the item texts (case-insensitive, forward from the
 * cursor, wrapping round once).
 */
final class ItemCursor {
    private final IntPredicate selectable;
    private final int size;
    private int cursor;
    private int top;
    private int page = 1;

    ItemCursor(int size, IntPredicate selectable, int cursor) {
        this.size = size;
        this.selectable = selectable;
        this.cursor = Math.max(0, Math.min(size - 1, cursor));
        if (size > 0 && !selectable.test(this.cursor)) {
            int next = nextSelectable(this.cursor, 1);
            this.cursor = next >= 0 ? next : Math.max(0, nextSelectable(this.cursor, -1));
        }
    }

    int cursor() {
        return cursor;
    }

    int top() {
        return top;
    }

    /** Records where the screen put the list (after clamping) and how many rows it showed. */
    void shown(Layout.Scroll s) {
        top = s.top();
        page = Math.max(1, s.visible());
    }

    /** Moves for arrow and paging keys; false for any other action. */
    boolean move(Action a) {
        switch (a.kind()) {
            case UP:
                to(nextSelectable(cursor - 1, -1));
                return true;
            case DOWN:
                to(nextSelectable(cursor + 1, 1));
                return true;
            case PGUP:
                top = Math.max(0, top - page);
                to(pick(cursor - page, -1));
                return true;
            case PGDN:
                top = top + page;
                to(pick(cursor + page, 1));
                return true;
            case HOME:
                to(nextSelectable(0, 1));
                return true;
            case END:
                to(nextSelectable(size - 1, -1));
                return true;
            default:
                return false;
        }
    }

    /** The selectable item nearest to {@code i} in direction {@code dir}, else the other way. */
    private int pick(int i, int dir) {
        i = Math.max(0, Math.min(size - 1, i));
        int p = nextSelectable(i, dir);
        return p >= 0 ? p : nextSelectable(i, -dir);
    }

    private void to(int i) {
        if (i >= 0) {
            cursor = i;
        }
    }

    private int nextSelectable(int from, int dir) {
        for (int i = from; i >= 0 && i < size; i += dir) {
            if (selectable.test(i)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Moves to the next selectable item after the cursor whose text contains {@code pattern}
     * (ignoring case), wrapping round; false when there is none.
     */
    boolean find(List<String> texts, String pattern) {
        if (pattern == null || pattern.isEmpty() || size == 0) {
            return false;
        }
        String p = pattern.toLowerCase(Locale.ROOT);
        for (int k = 1; k <= size; k++) {
            int i = (cursor + k) % size;
            if (selectable.test(i) && texts.get(i).toLowerCase(Locale.ROOT).contains(p)) {
                cursor = i;
                return true;
            }
        }
        return false;
    }
}
