package smittywpar.smit;

import java.util.List;

/**
 * What the screen shows now, as plain data: a full screen ({@link #base}) and, over it, an
 * optional pop-up. The TUI draws this and nothing else; all texts (titles, instructions, legend
 * entries, messages) are already filled in from the menus and the message catalogue.
 *
 * @param legend the function keys active now, in SMIT's order ({@code F1=Help}, {@code F2=Refresh}, ...);
 *        full screens show them 4 per row at columns 0, 20, 40, 60, pop-ups 3 per row
 */
public record View(Screen base, Popup popup, List<String> legend) {

    /** The kind of what has the keyboard: the pop-up if there is one, else the screen. */
    public Kind kind() {
        return popup != null ? popup.kind() : base.kind();
    }

    public enum Kind { MENU, SELECTOR, DIALOG, OUTPUT, BLANK, LIST, CONFIRM, MESSAGE }

    /** A full screen. */
    public sealed interface Screen permits MenuScreen, DialogScreen, OutputScreen, BlankScreen {
        Kind kind();

        String title();
    }

    /** A pop-up drawn over the screen. */
    public sealed interface Popup permits ListPopup, ConfirmPopup, MessagePopup {
        Kind kind();

        String title();
    }

    /**
     * A menu.
     *
     * @param id the menu id (its fast path)
     * @param items the lines; the cursor never rests on an info line
     */
    public record MenuScreen(String id, String title, List<String> instructions, List<MenuLine> items, int cursor)
            implements Screen {
        @Override
        public Kind kind() {
            return Kind.MENU;
        }
    }

    /** One line of a menu; info lines cannot be chosen. */
    public record MenuLine(String text, boolean info) {
    }

    /**
     * A dialog or a selector (a dialog of one field).
     *
     * @param header the {@code [Entry Fields]} header
     * @param cursor index in {@code fields} of the field under the cursor (never an info row)
     */
    public record DialogScreen(String id, String title, boolean selector, List<String> instructions, String header,
            List<FieldLine> fields, int cursor) implements Screen {
        @Override
        public Kind kind() {
            return selector ? Kind.SELECTOR : Kind.DIALOG;
        }
    }

    /** How a field's value is entered. */
    public enum Entry {
        /** Free text (also file names and raw text). */
        TEXT,
        /** Digits with an optional leading + or -. */
        NUMERIC,
        /** Hexadecimal digits. */
        HEX,
        /** A ring: Tab / Shift-Tab (or F4) choose among fixed values; not typeable. */
        RING,
        /** Shown only (discovered values, names passed on by a selector). */
        NONE,
        /** A row without a value: a heading or a note. */
        INFO
    }

    /**
     * One row of a dialog.
     *
     * @param required show {@code *} in column 0
     * @param indent nesting level: the label is indented 4 columns per level
     * @param bracketed draw the value in {@code [ ]} (editable fields)
     * @param marker what goes in the marker column: {@code +} list or ring, {@code #} numeric,
     *        {@code X} hex, {@code /} file, {@code ?} not echoed, or a combination such as {@code +/}
     * @param value the current value ({@code secret} values must be drawn as blanks or stars)
     * @param changed the value differs from its initial (default or discovered) value
     * @param size the most characters the field takes (0: no limit)
     */
    public record FieldLine(String label, int indent, boolean required, Entry entry, boolean bracketed, String marker,
            String value, boolean changed, boolean secret, int size) {
        public boolean editable() {
            return entry == Entry.TEXT || entry == Entry.NUMERIC || entry == Entry.HEX;
        }
    }

    /** COMMAND STATUS. */
    public enum Status { RUNNING, OK, FAILED }

    /**
     * The COMMAND STATUS screen.
     *
     * @param statusWord the word after {@code Command:} ({@code running}, {@code OK}, {@code failed})
     * @param stdout the command wrote to standard output
     * @param stderr the command wrote to standard error
     * @param lines the output, standard output and error interleaved as written
     * @param command the command line that ran (F6)
     * @param found index of the line found by the last {@code /} search, or -1
     * @param follows while running, the screen follows the output as it grows (exec_mode p); false:
     *        it stays on its first screen (exec_mode n)
     */
    public record OutputScreen(String title, Status status, String statusWord, boolean stdout, boolean stderr,
            String instructions, List<OutputLine> lines, String command, int found, boolean follows)
            implements Screen {
        @Override
        public Kind kind() {
            return Kind.OUTPUT;
        }
    }

    /**
     * One output line and the stream it came from.
     *
     * @param note a line of smitty's own (the command line before each command's output when one
     *        Enter runs several), not output of a command
     */
    public record OutputLine(String text, boolean stderr, boolean note) {
        public OutputLine(String text, boolean stderr) {
            this(text, stderr, false);
        }
    }

    /** Nothing (behind a pop-up shown before any screen, e.g. the error for an unknown fast path). */
    public record BlankScreen(String title) implements Screen {
        @Override
        public Kind kind() {
            return Kind.BLANK;
        }
    }

    /**
     * An F4 list.
     *
     * @param multi several items can be marked (F7)
     */
    public record ListPopup(String title, List<String> instructions, List<ListLine> items, int cursor, boolean multi)
            implements Popup {
        @Override
        public Kind kind() {
            return Kind.LIST;
        }
    }

    /** One line of a list: headings and comments ({@code #} lines) cannot be chosen; marked lines show {@code >}. */
    public record ListLine(String text, boolean selectable, boolean marked) {
    }

    /** ARE YOU SURE? */
    public record ConfirmPopup(String title, List<String> lines) implements Popup {
        @Override
        public Kind kind() {
            return Kind.CONFIRM;
        }
    }

    /** ERROR MESSAGE, SHOW COMMAND STRING, help texts and the F8 pop-up. */
    public record MessagePopup(String title, List<String> lines) implements Popup {
        @Override
        public Kind kind() {
            return Kind.MESSAGE;
        }
    }
}
