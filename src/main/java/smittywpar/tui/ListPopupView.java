package smittywpar.tui;

import java.util.List;

/**
 * The F4 list. Single-select picks the item under the cursor; multi-select marks items with F7
 * ({@code >} in front) and takes them all with Enter.
 *
 * @param items  lines of the list; {@code #} heading lines are not selectable
 * @param cursor index of the highlighted item
 * @param top    first item shown (clamped when drawn)
 */
public record ListPopupView(String title, boolean multi, List<Item> items, int cursor, int top) implements Popup {
    public ListPopupView {
        items = List.copyOf(items);
    }

    /** One list line. */
    public record Item(String text, boolean selectable, boolean marked) {
        public static Item of(String text) {
            return new Item(text, true, false);
        }
    }
}
