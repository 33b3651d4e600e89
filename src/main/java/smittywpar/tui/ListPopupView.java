package smittywpar.tui;

import java.util.List;

/**
 * The F4 list. Marked items (multi-select, F7) show {@code >} in front.
 *
 * @param items  lines of the list; {@code #} heading lines are not selectable
 * @param cursor index of the highlighted item
 * @param top    first item shown (clamped when drawn)
 */
public record ListPopupView(String title, List<String> instructions, List<Item> items, int cursor, int top,
        List<String> legend) implements Popup {
    public ListPopupView {
        instructions = List.copyOf(instructions);
        items = List.copyOf(items);
        legend = List.copyOf(legend);
    }

    /** One list line. */
    public record Item(String text, boolean selectable, boolean marked) {
        public static Item of(String text) {
            return new Item(text, true, false);
        }
    }
}
