package smittywpar.smit;

import java.util.Arrays;
import java.util.List;

/**
 * One entry field of a dialog or selector (SMIT sm_cmd_opt), or an information row of a dialog.
 * What a field holds is defined once, by {@link Key}: the menu loader reads each key from YAML
 * and the tree cache writes and reads each key by its kind, so neither keeps a list of its own.
 */
public final class Field {
    /** How a key's value is written in YAML and in the tree cache. */
    enum Kind { TEXT, BOOL, INT, CHOICE, LIST }

    /**
     * The keys of a field: the YAML name, the kind of value and the value when the key is absent
     * ({@code menus/README.md} describes each).
     */
    public enum Key {
        /** name of the field's value for {@code {id}} substitution in list/discover commands */
        ID("id", Kind.TEXT, null),
        LABEL("label", Kind.TEXT, ""),
        HELP("help", Kind.TEXT, null),
        /** a row that shows its label only (a section heading or a note) */
        INFO("info", Kind.BOOL, false),
        /** nesting level (the label is indented 4 columns per level), 0 to 8 */
        INDENT("indent", Kind.INT, 0, 8),
        /** SMIT's required: "" or n, y, +, ? */
        REQUIRED("required", new String[][] {{"", "n"}, {"y"}, {"+"}, {"?"}}, Required.CHANGED),
        /**
         * what is written before the value: a flag such as {@code "-n "}, {@code ""} (the value
         * alone), {@code "--"} (positional, after all flags, unquoted), {@code "-- "} (the same, after
         * a {@code --} word) or {@code "--'"} (positional, quoted)
         */
        PREFIX("prefix", Kind.TEXT, ""),
        /** attribute name: fields with one and the same group are written as {@code prefix a=v b=w} */
        ATTR("attr", Kind.TEXT, null),
        /** the group of an attribute field (default: its prefix) */
        GROUP("group", Kind.TEXT, null),
        ENTRY("entry", new String[][] {{"none"}, {"text"}, {"numeric"}, {"hex"}, {"file"}, {"raw"}}, Entry.TEXT),
        /** maximum characters typeable (0 = no limit), 0 to 4096 */
        SIZE("size", Kind.INT, 0, 4096),
        DEFAULT("default", Kind.TEXT, ""),
        /** the discovered value (a column of the discover output, or a passed-on value such as _rawname) */
        DISCOVER("discover", Kind.TEXT, null),
        /** the command whose output lines F4 offers (cmd_to_list) */
        LIST("list", Kind.TEXT, null),
        /**
         * conditions a line of the list command must meet to be offered, each {@code N=word} or
         * {@code N!=word} on the line's N-th blank-separated word (what a pipe to awk does on AIX)
         */
        LIST_WHERE("list_where", Kind.LIST, List.of()),
        /** SMIT's cmd_to_list_mode: a, 1, 2, r */
        LIST_MODE("list_mode", new String[][] {{"a"}, {"1"}, {"2"}, {"r"}}, ListMode.LINE),
        /** SMIT's multi_select: "", ",", y, m */
        MULTI("multi", new String[][] {{""}, {","}, {"y"}, {"m"}}, Multi.SINGLE),
        /** the shown values of a ring (Tab / Shift-Tab), or empty */
        RING("ring", Kind.LIST, List.of()),
        /** the real values of a ring written into the command, by position; empty: the shown ones */
        VALUES("values", Kind.LIST, List.of()),
        RING_INDEX("ring_index", Kind.INT, 0, 255),
        /**
         * the words that remove the setting when the value is cleared: they go into the dialog's
         * unset command line instead of the value (see {@link Composer})
         */
        UNSET("unset", Kind.TEXT, null),
        /** the value is cleared after a successful run (SMIT's upper-case op_type) */
        CLEAR("clear", Kind.BOOL, false),
        /** typed text is not echoed */
        SECRET("secret", Kind.BOOL, false),
        /**
         * the value the menu check types into the field when it tries each field, where {@code x}
         * would not parse (a field whose value is itself flags of a command); never shown
         */
        EXAMPLE("example", Kind.TEXT, null);

        public final String yaml;
        final Kind kind;
        final Object dflt;
        final int max;
        /** A choice key's YAML spellings of each of its values, by the value's ordinal. */
        final String[][] spellings;

        Key(String yaml, Kind kind, Object dflt) {
            this(yaml, kind, dflt, 0, null);
        }

        Key(String yaml, Kind kind, int dflt, int max) {
            this(yaml, kind, dflt, max, null);
        }

        Key(String yaml, String[][] spellings, Enum<?> dflt) {
            this(yaml, Kind.CHOICE, dflt, 0, spellings);
        }

        Key(String yaml, Kind kind, Object dflt, int max, String[][] spellings) {
            this.yaml = yaml;
            this.kind = kind;
            this.dflt = dflt;
            this.max = max;
            this.spellings = spellings;
        }

        /** The values of a choice key, by ordinal (the order the tree cache numbers them). */
        Enum<?>[] choices() {
            return switch (this) {
                case REQUIRED -> Required.values();
                case ENTRY -> Entry.values();
                case LIST_MODE -> ListMode.values();
                case MULTI -> Multi.values();
                default -> new Enum<?>[0];
            };
        }
    }

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
    public enum Entry {
        NONE, TEXT, NUMERIC, HEX, FILE, RAW
    }

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

    private final Object[] values;
    private final Mark mark;

    /** A field from its values, one per {@link Key} in key order. */
    Field(Object[] values, Mark mark) {
        this.values = values.clone();
        this.mark = mark;
    }

    /** The value of {@code key}: a String (or null), Boolean, Integer, choice enum, or List of String. */
    Object get(Key key) {
        return values[key.ordinal()];
    }

    private String text(Key key) {
        return (String) values[key.ordinal()];
    }

    private boolean bool(Key key) {
        return (Boolean) values[key.ordinal()];
    }

    private int integer(Key key) {
        return (Integer) values[key.ordinal()];
    }

    @SuppressWarnings("unchecked")
    private List<String> list(Key key) {
        return (List<String>) values[key.ordinal()];
    }

    public String id() {
        return text(Key.ID);
    }

    public String label() {
        return text(Key.LABEL);
    }

    public String help() {
        return text(Key.HELP);
    }

    public boolean info() {
        return bool(Key.INFO);
    }

    public int indent() {
        return integer(Key.INDENT);
    }

    public Required required() {
        return (Required) get(Key.REQUIRED);
    }

    public String prefix() {
        return text(Key.PREFIX);
    }

    public String attr() {
        return text(Key.ATTR);
    }

    public String group() {
        return text(Key.GROUP);
    }

    public Entry entry() {
        return (Entry) get(Key.ENTRY);
    }

    public int size() {
        return integer(Key.SIZE);
    }

    public String defaultValue() {
        return text(Key.DEFAULT);
    }

    public String discover() {
        return text(Key.DISCOVER);
    }

    public String list() {
        return text(Key.LIST);
    }

    /** The conditions on the words of a list line ({@code 3=None}, {@code 1!=lo0}); empty: every line. */
    public List<String> listWhere() {
        return list(Key.LIST_WHERE);
    }

    /** The words that remove the setting when the value is cleared, or null. */
    public String unset() {
        return text(Key.UNSET);
    }

    /** The value the menu check tries in this field, or null for its usual sample. */
    public String example() {
        return text(Key.EXAMPLE);
    }

    public ListMode listMode() {
        return (ListMode) get(Key.LIST_MODE);
    }

    public Multi multi() {
        return (Multi) get(Key.MULTI);
    }

    public List<String> ring() {
        return list(Key.RING);
    }

    public List<String> values() {
        return list(Key.VALUES);
    }

    public int ringIndex() {
        return integer(Key.RING_INDEX);
    }

    public boolean clear() {
        return bool(Key.CLEAR);
    }

    public boolean secret() {
        return bool(Key.SECRET);
    }

    public Mark mark() {
        return mark;
    }

    public boolean isRing() {
        return !ring().isEmpty();
    }

    public boolean hasList() {
        return list() != null;
    }

    /** Positional fields ({@code --} or {@code --'}) go after all flags. */
    public boolean positional() {
        return prefix().startsWith("--");
    }

    /** True when the value can be typed (not a ring, not display-only, not an info row). */
    public boolean editable() {
        return !info() && !isRing() && entry() != Entry.NONE;
    }

    /** True when the screen shows the value in brackets (editable fields). */
    public boolean bracketed() {
        return editable();
    }

    /** The required star in column 0: SMIT shows it for + fields, and for y fields that are not rings. */
    public boolean star() {
        return !info() && (required() == Required.NONBLANK || required() == Required.ALWAYS && !isRing());
    }

    /** The marker shown right of the value: {@code +} list or ring, {@code #} {@code X} {@code /} {@code ?}. */
    public String marker() {
        StringBuilder sb = new StringBuilder(2);
        if (isRing() || hasList()) {
            sb.append('+');
        }
        switch (entry()) {
            case NUMERIC -> sb.append('#');
            case HEX -> sb.append('X');
            case FILE -> sb.append('/');
            default -> {
            }
        }
        if (secret()) {
            sb.append('?');
        }
        return sb.toString();
    }

    /** The real (command) value of ring position {@code i}. */
    public String ringValue(int i) {
        return values().isEmpty() ? ring().get(i) : values().get(i);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Field f && Arrays.equals(values, f.values) && mark.equals(f.mark);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + mark.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Field[");
        for (Key k : Key.values()) {
            sb.append(k.yaml).append('=').append(values[k.ordinal()]).append(", ");
        }
        return sb.append("mark=").append(mark).append(']').toString();
    }
}
