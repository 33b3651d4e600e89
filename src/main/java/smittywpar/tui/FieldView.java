package smittywpar.tui;

/**
 * One row (or, with a long label, a few rows) of a dialog or selector.
 *
 * @param label     the text left of the value; wraps at the label column when too long
 * @param indent    nesting level of grouped sub-fields: 4 columns each
 * @param required  draws {@code *} in column 0
 * @param kind      how the value is shown and what may be typed into it
 * @param value     the value as shown (a ring shows its display value)
 * @param marker    what column 77 shows: {@code +} list or ring, {@code #} numeric, {@code X} hex,
 *                  {@code /} file name, {@code ?} not echoed; may be two characters ({@code +/}) or empty
 * @param maxLength most characters that can be typed (0: no limit)
 */
public record FieldView(String label, int indent, boolean required, Kind kind, String value, String marker,
        int maxLength) {
    /** Value kinds. Typeable kinds are drawn in brackets that hug the value. */
    public enum Kind {
        /** A label only: section headers, notes, warnings. No value, never has the cursor. */
        INFO,
        /** A value that cannot be typed (rings, discovered values): no brackets. */
        FIXED,
        /** Free text. */
        TEXT,
        /** Digits with an optional leading sign. */
        NUMERIC,
        /** Hexadecimal digits. */
        HEX,
        /** Text that is not echoed (each character shows as {@code *}). */
        SECRET;

        public boolean typeable() {
            return this == TEXT || this == NUMERIC || this == HEX || this == SECRET;
        }

        public boolean focusable() {
            return this != INFO;
        }
    }

    public FieldView {
        value = value == null ? "" : value;
        marker = marker == null ? "" : marker;
    }

    public static FieldView info(String label) {
        return new FieldView(label, 0, false, Kind.INFO, "", "", 0);
    }
}
