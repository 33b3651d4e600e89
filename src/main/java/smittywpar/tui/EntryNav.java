package smittywpar.tui;

/**
 * A one-line entry pop-up: the search string for {@code /}, or a long value edited with F7.
 * Enter answers {@link Intent.Kind#DONE} with the text; F3 and the other keys pass on.
 */
public final class EntryNav {
    private final String title;
    private final String instruction;
    private final FieldEditor editor;

    public EntryNav(String title, String instruction, String value, FieldView.Kind kind, int maxLength) {
        this.title = title;
        this.instruction = instruction;
        this.editor = new FieldEditor(value, kind.typeable() ? kind : FieldView.Kind.TEXT, maxLength,
                Layout.ENTRY_POPUP_WIDTH);
    }

    /** The find box ({@code /}): empty, plain text. */
    public static EntryNav find() {
        return new EntryNav(Texts.get("find.title"), Texts.get("find.instruction"), "", FieldView.Kind.TEXT, 0);
    }

    /** The F7 box for a field: titled with the label, same typing rules as the field. */
    public static EntryNav edit(FieldView field) {
        return new EntryNav(field.label(), Texts.get("edit.instruction"), field.value(), field.kind(),
                field.maxLength());
    }

    public String text() {
        return editor.text();
    }

    public EntryPopupView view() {
        return new EntryPopupView(title, instruction, editor.text(), editor.caret(), editor.hscroll());
    }

    public Intent handle(Action a) {
        if (a.kind() == Action.Kind.ENTER) {
            return new Intent(Intent.Kind.DONE, -1, editor.text());
        }
        switch (editor.handle(a)) {
            case CHANGED:
            case MOVED:
                return Intent.NONE;
            case REFUSED:
                return Intent.BEEP;
            default:
                return Intent.PASS;
        }
    }
}
