package smittywpar.smit;

import java.util.List;

/**
 * One entry field of a dialog or selector (SMIT sm_cmd_opt), or an information row of a dialog.
 *
 * @param id name of the field's value for {@code {id}} substitution in list/discover commands
 * @param info true for a row that shows {@code label} only (a section heading or a note)
 * @param indent nesting level (the label is indented 4 columns per level)
 * @param prefix what is written before the value: a flag such as {@code "-n "}, {@code ""} (value
 *        alone), {@code "--"} (positional, after all flags, unquoted) or {@code "--'"}
 *        (positional, quoted)
 * @param attr attribute name: fields with an attribute and the same {@code group} (default: the
 *        prefix) are written once as {@code prefix attr=value attr=value ...}
 * @param size maximum characters typeable (0 = no limit)
 * @param discover name of the discovered value (column of the discover output, or a selector
 *        variable such as {@code _rawname}) that pre-fills the field
 * @param list command whose output lines are offered by F4 (cmd_to_list)
 * @param ring display values of a ring (Tab / Shift-Tab), or empty
 * @param values real values of the ring written into the command, position-matched to
 *        {@code ring}; empty means the display values are used
 * @param clear the value is cleared after a successful run (SMIT's upper-case op_type)
 * @param secret typed text is not echoed
 */
public record Field(String id, String label, String help, boolean info, int indent, Required required,
        String prefix, String attr, String group, Entry entry, int size, String defaultValue, String discover,
        String list, ListMode listMode, Multi multi, List<String> ring, List<String> values, int ringIndex,
        boolean clear, boolean secret, Mark mark) {

    /** SMIT's required values: when the field is written into the command. */
    public enum Required {
        /** "" or n: only when the user changed the value. */
        CHANGED,
        /** y: always. */
        ALWAYS,
        /** +: always, and it must not be blank (Enter is refused). */
        NONBLANK,
        /** ?: always unless empty. */
        NONEMPTY
    }

    /** SMIT's entry_type: what may be typed. */
    public enum Entry { NONE, TEXT, NUMERIC, HEX, FILE, RAW }

    /** SMIT's cmd_to_list_mode: what an F4 choice copies into the field. */
    public enum ListMode {
        /** a: the whole line. */
        LINE,
        /** 1: the first field. */
        FIRST,
        /** 2: the second field. */
        SECOND,
        /** r: a range shown for information; nothing is copied. */
        RANGE
    }

    /** SMIT's multi_select: how several F4 choices are joined. */
    public enum Multi {
        SINGLE,
        /** ",": one value, items joined with commas. */
        COMMA,
        /** y: the prefix once, then every item. */
        FLAG_ONCE,
        /** m: the prefix before every item. */
        FLAG_EACH
    }

    public boolean isRing() {
        return !ring.isEmpty();
    }

    public boolean hasList() {
        return list != null;
    }

    /** Positional fields ({@code --} or {@code --'}) go after all flags. */
    public boolean positional() {
        return prefix.startsWith("--");
    }

    /** True when the value can be typed (not a ring, not display-only, not an info row). */
    public boolean editable() {
        return !info && !isRing() && entry != Entry.NONE;
    }

    /** True when the screen shows the value in brackets (editable fields). */
    public boolean bracketed() {
        return editable();
    }

    /** The required star in column 0: SMIT shows it for + fields, and for y fields that are not rings. */
    public boolean star() {
        return !info && (required == Required.NONBLANK || required == Required.ALWAYS && !isRing());
    }

    /** The marker shown right of the value: {@code +} list or ring, {@code #} {@code X} {@code /} {@code ?}. */
    public String marker() {
        StringBuilder sb = new StringBuilder(2);
        if (isRing() || hasList()) {
            sb.append('+');
        }
        switch (entry) {
            case NUMERIC -> sb.append('#');
            case HEX -> sb.append('X');
            case FILE -> sb.append('/');
            default -> {
            }
        }
        if (secret) {
            sb.append('?');
        }
        return sb.toString();
    }

    /** The real (command) value of ring position {@code i}. */
    public String ringValue(int i) {
        return values.isEmpty() ? ring.get(i) : values.get(i);
    }
}
