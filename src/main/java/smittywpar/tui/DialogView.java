package smittywpar.tui;

import java.util.List;

/**
 * A SMIT dialog, or a selector (a dialog of one field).
 *
 * @param instructions the two lines under the title
 * @param header       {@code [Entry Fields]}
 * @param cursor       index of the field with the cursor (-1: none)
 * @param top          first screen row of the fields shown when the dialog scrolls (clamped when drawn)
 * @param caret        caret position inside the cursor field's value
 * @param hscroll      first character of the cursor field's value that is visible
 */
public record DialogView(String title, List<String> instructions, String header, List<FieldView> fields, int cursor,
        int top, int caret, int hscroll, List<String> legend) implements Panel {
    public DialogView {
        instructions = List.copyOf(instructions);
        fields = List.copyOf(fields);
        legend = List.copyOf(legend);
    }
}
