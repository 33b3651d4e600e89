package smittywpar.smit;

import smittywpar.msg.Messages;

/** The value of one field of a dialog: where it started (default or discovered) and where it is now. */
final class FieldState {
    final Field field;
    String initial;
    int initialRing;
    String value;
    int ring;

    FieldState(Field f) {
        this.field = f;
        this.initial = f.isRing() ? "" : f.defaultValue();
        this.initialRing = Validator.initialRing(f);
        reset();
    }

    void reset() {
        value = initial;
        ring = initialRing;
    }

    boolean changed() {
        return field.isRing() ? ring != initialRing : !value.equals(initial);
    }

    String shown() {
        return field.isRing() ? field.ring().get(ring) : value;
    }

    /** The value commands get: a ring's real value, else the text. */
    String real() {
        return field.isRing() ? field.ringValue(ring) : value.strip();
    }

    /** Sets the initial value from a discovered or passed-on value. */
    void discovered(String v) {
        if (field.isRing()) {
            int i = field.ring().indexOf(v);
            if (i < 0) {
                i = field.values().indexOf(v);
            }
            if (i >= 0) {
                initialRing = i;
            }
        } else {
            initial = v;
        }
        reset();
    }

    /**
     * Typing: replaces the value, when the field can be typed into and the text fits it.
     *
     * @return false (nothing changes) for a field that cannot be typed into, or a text too long or
     *         not a number in a numeric field
     */
    boolean type(String text) {
        Field f = field;
        if (!f.editable() || text.indexOf('\n') >= 0 || f.size() > 0 && text.length() > f.size()) {
            return false;
        }
        if (f.entry() == Field.Entry.NUMERIC && !text.strip().matches("[+-]?[0-9]*")
                || f.entry() == Field.Entry.HEX && !text.strip().matches("[0-9A-Fa-f]*")) {
            return false;
        }
        value = text;
        return true;
    }

    /** Tab / Shift-Tab: the next ({@code dir} 1) or previous (-1) value of a ring. */
    void turn(int dir) {
        if (field.isRing()) {
            int n = field.ring().size();
            ring = (ring + dir + n) % n;
        }
    }

    /** Why Enter cannot go on with this value (a required field blank, not a number), or null. */
    String problem() {
        Field f = field;
        if (f.info()) {
            return null;
        }
        if (f.required() == Field.Required.NONBLANK && shown().isBlank()) {
            return Messages.get("smit.required", f.label());
        }
        String v = shown().strip();
        if (!f.isRing() && !v.isEmpty() && f.entry() == Field.Entry.NUMERIC && !v.matches("[+-]?[0-9]+")) {
            return Messages.get("smit.badnumber", f.label(), v);
        }
        if (!f.isRing() && !v.isEmpty() && f.entry() == Field.Entry.HEX && !v.matches("[0-9A-Fa-f]+")) {
            return Messages.get("smit.badhex", f.label(), v);
        }
        return null;
    }

    Composer.Value composerValue() {
        return new Composer.Value(field, value, ring, changed());
    }
}
