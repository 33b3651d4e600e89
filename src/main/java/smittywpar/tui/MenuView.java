package smittywpar.tui;

import java.util.List;

/**
 * A SMIT menu: title, instructions, the items, the legend.
 *
 * @param items  the rows in order; a blank or info row is an item that cannot be selected
 * @param cursor index of the highlighted item
 * @param top    index of the first item shown when the menu scrolls (clamped when drawn)
 */
public record MenuView(String title, List<String> instructions, List<Item> items, int cursor, int top,
        List<String> legend) implements Panel {
    public MenuView {
        instructions = List.copyOf(instructions);
        items = List.copyOf(items);
        legend = List.copyOf(legend);
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
