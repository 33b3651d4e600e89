package smittywpar.smit;

import java.util.Locale;
import java.util.function.IntFunction;

/**
 * A screen or pop-up made of lines with a cursor on one of them: a menu, the fields of a dialog,
 * an F4 list. The cursor rests only on lines that can be chosen (not headings or notes).
 */
interface Lines {
    int size();

    /** The text of line {@code i} (what / finds). */
    String text(int i);

    /** True when the cursor may rest on line {@code i}. */
    boolean selectable(int i);

    int cursor();

    void cursor(int i);

    /** The next line from {@code from} in direction {@code dir} (1 or -1) the cursor can rest on; else {@code from}. */
    default int next(int from, int dir) {
        for (int i = from + dir; i >= 0 && i < size(); i += dir) {
            if (selectable(i)) {
                return i;
            }
        }
        return from < 0 ? 0 : from;
    }

    /** Moves the cursor to the next line after it that contains {@code lower} and can be chosen; false when none. */
    default boolean findNext(String lower) {
        int i = find(size(), this::text, cursor(), lower);
        if (i >= 0 && selectable(i)) {
            cursor(i);
        }
        return i >= 0 && selectable(i);
    }

    /**
     * The next of {@code n} lines after {@code from} (wrapping round) whose text contains
     * {@code lower} (lower case, compared ignoring case), or -1.
     */
    static int find(int n, IntFunction<String> text, int from, String lower) {
        for (int k = 1; k <= n; k++) {
            int i = Math.floorMod(from + k, n);
            if (text.apply(i).toLowerCase(Locale.ROOT).contains(lower)) {
                return i;
            }
        }
        return -1;
    }
}
