package smittywpar.tui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SMIT's screen geometry in columns and rows (docs/AIX-FACTS.md, "The SMIT screens"), plus
 * the text wrapping every view uses. Pure arithmetic: no terminal here, so the renderer and the
 * key handling of each screen agree on how many rows a list shows.
 *
 * <p>Columns are fixed as on AIX (a wider terminal keeps the 80-column layout; long output lines
 * use the full width). Rows adapt: the scroll areas grow or shrink with the terminal height, down
 * to {@link #MIN_ROWS}; below {@link #MIN_COLS} x {@link #MIN_ROWS} the screen says what size it
 * needs instead.
 */
public final class Layout {
    /** The reference width every column below is measured in. */
    public static final int WIDTH = 80;
    public static final int MIN_COLS = 80;
    public static final int MIN_ROWS = 16;

    public static final int LEGEND_STEP = 20;
    public static final int POPUP_LEGEND_STEP = 24;

    public static final int REQUIRED_COL = 0;
    public static final int LABEL_COL = 2;
    public static final int INDENT_STEP = 4;
    public static final int BRACKET_COL = 53;
    public static final int VALUE_COL = 54;
    public static final int VALUE_WIDTH = 22;
    public static final int ENTRY_FIELDS_COL = 56;
    public static final int MARKER_COL = 77;

    public static final int INSTRUCTION_ROW = 2;
    public static final int MENU_FIRST_ROW = 4;
    public static final int DIALOG_HEADER_ROW = 5;
    public static final int DIALOG_FIRST_ROW = 6;
    public static final int STATUS_ROW = 2;
    public static final int STATUS_STDOUT_COL = 23;
    public static final int STATUS_STDERR_COL = 45;
    public static final int NOTICE_ROW = 4;
    public static final int OUTPUT_FIRST_ROW = 6;

    public static final int POPUP_COL = 1;
    public static final int POPUP_WIDTH = 76;
    /** Text inside a pop-up starts one blank column after the border. */
    public static final int POPUP_TEXT_WIDTH = POPUP_WIDTH - 4;
    /** List items are indented two more columns, after the place of the {@code >} mark. */
    public static final int POPUP_ITEM_INDENT = 2;

    private Layout() {
    }

    public static boolean tooSmall(int cols, int rows) {
        return cols < MIN_COLS || rows < MIN_ROWS;
    }

    /** Legend entries per row: 4 on full screens (columns 0, 20, 40, 60), 3 in pop-ups. */
    public static final int SCREEN_LEGEND_PER_ROW = 4;
    public static final int POPUP_LEGEND_PER_ROW = 3;

    /** The legend entries split into rows of {@code perRow}. */
    public static List<List<String>> legendRows(List<String> legend, int perRow) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < legend.size(); i += perRow) {
            rows.add(legend.subList(i, Math.min(legend.size(), i + perRow)));
        }
        return rows;
    }

    public static int screenLegendRows(List<String> legend) {
        return (legend.size() + SCREEN_LEGEND_PER_ROW - 1) / SCREEN_LEGEND_PER_ROW;
    }

    public static int popupLegendRows(List<String> legend) {
        return (legend.size() + POPUP_LEGEND_PER_ROW - 1) / POPUP_LEGEND_PER_ROW;
    }

    /** Where a scrolling list sits and what its markers say. */
    public record Scroll(int total, int top, int visible, boolean markers) {
        public int hiddenAbove() {
            return top;
        }

        public int hiddenBelow() {
            return Math.max(0, total - top - visible);
        }

        /**
         * Fits {@code total} rows into {@code capacity} screen rows. When they do not fit and
         * {@code markerRows} is 2, the first and last of those rows become marker rows.
         */
        static Scroll fit(int total, int capacity, int markerRows, int top, int focusFirst, int focusLast) {
            capacity = Math.max(1, capacity);
            if (total <= capacity) {
                return new Scroll(total, 0, total, false);
            }
            int visible = Math.max(1, capacity - markerRows);
            int t = top;
            if (focusFirst >= 0) {
                if (focusLast >= t + visible) {
                    t = focusLast - visible + 1;
                }
                if (focusFirst < t) {
                    t = focusFirst;
                }
            }
            t = Math.max(0, Math.min(t, total - visible));
            return new Scroll(total, t, visible, true);
        }
    }

    /** Rows a menu's items may use: from row 4 down to the blank row above the legend. */
    public static int menuCapacity(int rows, int legendRows) {
        return rows - MENU_FIRST_ROW - 1 - legendRows;
    }

    public static Scroll menuScroll(int rows, int legendRows, int items, int top, int cursor) {
        return Scroll.fit(items, menuCapacity(rows, legendRows), 2, top, cursor, cursor);
    }

    /** Rows a dialog's fields may use: from row 6 down to the blank row above the legend. */
    public static int dialogCapacity(int rows, int legendRows) {
        return rows - DIALOG_FIRST_ROW - 1 - legendRows;
    }

    /** The top marker of a dialog shares row 5 with {@code [Entry Fields]}; the bottom one takes a row. */
    public static Scroll dialogScroll(int rows, int legendRows, int totalRows, int top, int focusFirst,
            int focusLast) {
        return Scroll.fit(totalRows, dialogCapacity(rows, legendRows), 1, top, focusFirst, focusLast);
    }

    public static int outputCapacity(int rows, int legendRows) {
        return rows - OUTPUT_FIRST_ROW - 1 - legendRows;
    }

    public static Scroll outputScroll(int rows, int legendRows, int totalRows, int top) {
        return Scroll.fit(totalRows, outputCapacity(rows, legendRows), 2, top, -1, -1);
    }

    /** Rows a pop-up may take: all but one row above and one below. */
    static int popupRoom(int rows, int overhead) {
        return Math.max(1, rows - 2 - overhead);
    }

    /** Rows of a text pop-up besides its body: frame, title, blank or marker rows, legend. */
    public static int messagePopupOverhead(int legendRows) {
        return 5 + legendRows;
    }

    /** The body of a text pop-up scrolls inside the blank rows around it (they hold the markers). */
    public static Scroll messagePopupScroll(int rows, int legendRows, int bodyRows, int top) {
        return Scroll.fit(bodyRows, popupRoom(rows, messagePopupOverhead(legendRows)), 0, top, -1, -1);
    }

    /** Rows of a list pop-up besides its items: frame, title, instructions, marker rows, legend. */
    public static int listPopupOverhead(int instructionRows, int legendRows) {
        return 6 + instructionRows + legendRows;
    }

    public static Scroll listPopupScroll(int rows, int instructionRows, int legendRows, int items, int top,
            int cursor) {
        return Scroll.fit(items, popupRoom(rows, listPopupOverhead(instructionRows, legendRows)), 0, top, cursor,
                cursor);
    }

    /** Rows of a text pop-up's body after wrapping. */
    public static List<String> popupBody(List<String> body) {
        List<String> rows = new ArrayList<>();
        for (String line : body) {
            rows.addAll(wrap(line, POPUP_TEXT_WIDTH));
        }
        return rows;
    }

    /** Columns a field label may use on one row (a blank column is kept before the bracket). */
    public static int labelWidth(FieldView f) {
        return f.kind() == FieldView.Kind.INFO ? MARKER_COL + 1 - labelCol(f) : BRACKET_COL - 1 - labelCol(f);
    }

    public static int labelCol(FieldView f) {
        return LABEL_COL + INDENT_STEP * Math.max(0, f.indent());
    }

    /** The label of a field as drawn, one string per screen row (at least one). */
    public static List<String> labelRows(FieldView f) {
        int width = labelWidth(f);
        if (width < 0 || width >= LABEL_ROWS.length || f.label() == null) {
            return wrapped(f.label(), width);
        }
        // every frame wraps every label of a dialog (three times): remembered per width
        Map<String, List<String>> known = LABEL_ROWS[width];
        if (known == null) {
            known = LABEL_ROWS[width] = new ConcurrentHashMap<>();
        }
        List<String> rows = known.get(f.label());
        if (rows == null) {
            rows = wrapped(f.label(), width);
            if (known.size() < 4096) {
                known.put(f.label(), rows);
            }
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static final Map<String, List<String>>[] LABEL_ROWS = new Map[WIDTH + 1];

    private static List<String> wrapped(String label, int width) {
        List<String> rows = wrap(label, width);
        return rows.isEmpty() ? List.of("") : List.copyOf(rows);
    }

    /** First screen-row offset of each field, plus the total as the last element. */
    public static int[] fieldRowStarts(List<FieldView> fields) {
        int[] starts = new int[fields.size() + 1];
        int r = 0;
        for (int i = 0; i < fields.size(); i++) {
            starts[i] = r;
            r += labelRows(fields.get(i)).size();
        }
        starts[fields.size()] = r;
        return starts;
    }

    /** Value columns of the entry field in a pop-up (F7 edit, find). */
    public static final int ENTRY_POPUP_WIDTH = POPUP_TEXT_WIDTH - 2;

    /**
     * The first character of a value to show in {@code width} columns so that the caret stays
     * inside them (when the caret is after the last character it sits on the closing bracket).
     */
    public static int hscrollFor(int caret, int hscroll, int width) {
        if (caret < hscroll) {
            return caret;
        }
        if (caret > hscroll + width - 1) {
            return caret - (width - 1);
        }
        return Math.max(0, hscroll);
    }

    /** Output lines as screen rows: tabs expanded, control characters shown as {@code ?}, hard-wrapped. */
    public static List<String> outputRows(List<String> lines, int width) {
        List<String> rows = new ArrayList<>(lines.size());
        for (String line : lines) {
            String s = clean(line);
            if (s.isEmpty()) {
                rows.add("");
                continue;
            }
            for (int i = 0; i < s.length(); i += width) {
                rows.add(s.substring(i, Math.min(s.length(), i + width)));
            }
        }
        return rows;
    }

    /** The first screen row of each output line after wrapping, plus the total as the last element. */
    public static int[] outputRowStarts(List<String> lines, int width) {
        int[] starts = new int[lines.size() + 1];
        int r = 0;
        for (int i = 0; i < lines.size(); i++) {
            starts[i] = r;
            int n = clean(lines.get(i)).length();
            r += n == 0 ? 1 : (n + width - 1) / width;
        }
        starts[lines.size()] = r;
        return starts;
    }

    /** Expands tabs to 8-column stops and replaces other control characters with {@code ?}. */
    public static String clean(String s) {
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) {
            plain = !Character.isISOControl(s.charAt(i));
        }
        if (plain) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t') {
                do {
                    sb.append(' ');
                } while (sb.length() % 8 != 0);
            } else if (c == '\r' && i == s.length() - 1) {
                continue;
            } else {
                sb.append(Character.isISOControl(c) ? '?' : c);
            }
        }
        return sb.toString();
    }

    /**
     * Word-wraps text at {@code width} columns. Newlines start new rows; leading blanks of a line
     * are kept (they indent it); a word longer than the width is cut.
     */
    public static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        width = Math.max(1, width);
        for (String raw : text.replace("\r\n", "\n").split("\n", -1)) {
            String para = clean(raw).stripTrailing();
            if (para.length() <= width) {
                out.add(para);
                continue;
            }
            int indent = 0;
            while (indent < para.length() && para.charAt(indent) == ' ') {
                indent++;
            }
            String pad = indent < width / 2 ? " ".repeat(indent) : "";
            StringBuilder line = new StringBuilder(pad);
            boolean empty = true;
            for (String word : para.substring(indent).split(" +")) {
                if (!empty && line.length() + 1 + word.length() > width) {
                    out.add(line.toString());
                    line = new StringBuilder(pad);
                    empty = true;
                }
                while (pad.length() + word.length() > width) {
                    int room = width - line.length() - (empty ? 0 : 1);
                    if (room <= 0) {
                        out.add(line.toString());
                        line = new StringBuilder(pad);
                        empty = true;
                        continue;
                    }
                    out.add(line + (empty ? "" : " ") + word.substring(0, room));
                    word = word.substring(room);
                    line = new StringBuilder(pad);
                    empty = true;
                }
                if (!empty) {
                    line.append(' ');
                }
                line.append(word);
                empty = false;
            }
            if (!empty) {
                out.add(line.toString());
            }
        }
        return out;
    }
}
