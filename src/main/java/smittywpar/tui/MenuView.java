package smittywpar.tui;

import java.util.List;

/**
 * A SMIT menu: title, "Move cursor to desired item and press Enter.", the items, the 2-row legend.
 *
 * @param items  the rows in order; a blank or info row is an item that cannot be selected
 * @param cursor index of the highlighted item
 * @param top    index of the first item shown when the menu scrolls (clamped when drawn)
 */
public record MenuView(String title, List<Item> items, int cursor, int top) implements Panel {
    public MenuView {
        items = List.copyOf(items);
    }

    /** One menu row. {@code selectable} is false for blank and info lines. */
    public record Item(String text, boolean selectable) {
        public static Item of(String text) {
            return new Item(text, true);
        }

        public static Item info(String text) {
            return new Item(text, false);
        }
    }
}
