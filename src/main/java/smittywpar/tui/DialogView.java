package smittywpar.tui;

import java.util.List;

/**
 * A SMIT dialog, or a selector (a dialog with one field and singular instructions).
 *
 * @param selector true for a selector screen ("Type or select a value for the entry field.")
 * @param cursor   index of the field with the cursor (-1: none)
 * @param top      first screen row of the fields shown when the dialog scrolls (clamped when drawn)
 * @param caret    caret position inside the cursor field's value
 * @param hscroll  first character of the cursor field's value that is visible
 */
public record DialogView(String title, boolean selector, List<FieldView> fields, int cursor, int top, int caret,
        int hscroll) implements Panel {
    public DialogView {
        fields = List.copyOf(fields);
    }
}
