package smittywpar.tui;

import java.util.List;

/**
 * A pop-up that asks for one line of text: the find string ({@code /}) or a long field value (F7).
 *
 * @param instruction the line above the entry field
 * @param caret       caret position in {@code value}
 * @param hscroll     first visible character of {@code value}
 */
public record EntryPopupView(String title, String instruction, String value, int caret, int hscroll,
        List<String> legend) implements Popup {
    public EntryPopupView {
        legend = List.copyOf(legend);
    }
}
