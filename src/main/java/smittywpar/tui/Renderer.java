package smittywpar.tui;

import java.util.List;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;

/**
 * Draws a {@link Scene} onto a {@link Canvas} (or a Lanterna {@link TextGraphics}) with SMIT's geometry
 * ({@link Layout}). Pure: the same frame and size always give the same cells. Returns where the
 * terminal cursor goes (null: hidden).
 */
public final class Renderer {
    private final Glyphs glyphs;
    private final Theme theme;

    public Renderer(Glyphs glyphs, Theme theme) {
        this.glyphs = glyphs;
        this.theme = theme;
    }

    /**
     * Draws on a Lanterna {@link TextGraphics} (the whole area of {@code size}): the same cells as
     * {@link #draw(Canvas, Scene)}, put there one by one.
     */
    public TerminalPosition draw(TextGraphics g, TerminalSize size, Scene scene) {
        Canvas c = new Canvas(size);
        TerminalPosition cursor = draw(c, scene);
        c.copyTo(g);
        return cursor;
    }

    /** Draws the scene over the whole canvas (every cell is written); null scene: only the too-small notice applies. */
    TerminalPosition draw(Canvas g, Scene scene) {
        int cols = g.cols;
        int rows = g.rows;
        plain(g);
        g.fill(' ');
        if (Layout.tooSmall(cols, rows)) {
            tooSmall(g, cols, rows);
            return null;
        }
        TerminalPosition cursor;
        Panel base = scene.base();
        if (base instanceof MenuView m) {
            cursor = menu(g, rows, m);
        } else if (base instanceof DialogView d) {
            cursor = dialog(g, rows, d);
        } else if (base instanceof OutputView o) {
            cursor = output(g, cols, rows, o);
        } else {
            title(g, ((BlankView) base).title());
            legend(g, base.legend(), Layout.SCREEN_LEGEND_PER_ROW, 0, Layout.LEGEND_STEP, rows - 1);
            cursor = null;
        }
        for (Popup p : scene.popups()) {
            if (p instanceof ListPopupView l) {
                cursor = list(g, rows, l);
            } else if (p instanceof MessagePopupView m) {
                cursor = message(g, rows, m);
            } else {
                cursor = entry(g, rows, (EntryPopupView) p);
            }
        }
        return cursor;
    }

    // ---- full screens ---------------------------------------------------------------------------

    private TerminalPosition menu(Canvas g, int rows, MenuView m) {
        title(g, m.title());
        lines(g, Layout.INSTRUCTION_ROW, m.instructions());
        int legendRows = Layout.screenLegendRows(m.legend());
        int cursor = clamp(m.cursor(), 0, m.items().size() - 1);
        Layout.Scroll s = Layout.menuScroll(rows, legendRows, m.items().size(), m.top(), cursor);
        int y = Layout.MENU_FIRST_ROW;
        if (s.markers()) {
            markers(g, s, 0, Layout.MENU_FIRST_ROW, Layout.MENU_FIRST_ROW + Layout.menuCapacity(rows, legendRows) - 1);
            y++;
        }
        TerminalPosition pos = null;
        for (int i = s.top(); i < s.top() + s.visible(); i++, y++) {
            MenuView.Item item = m.items().get(i);
            String text = fit(Layout.clean(item.text()), Layout.WIDTH - Layout.LABEL_COL);
            if (i == cursor && item.selectable()) {
                highlight(g, Layout.LABEL_COL, y, text);
                pos = new TerminalPosition(Layout.LABEL_COL, y);
            } else {
                g.putString(Layout.LABEL_COL, y, text);
            }
        }
        legend(g, m.legend(), Layout.SCREEN_LEGEND_PER_ROW, 0, Layout.LEGEND_STEP, rows - 1);
        return pos;
    }

    private TerminalPosition dialog(Canvas g, int rows, DialogView d) {
        title(g, d.title());
        lines(g, Layout.INSTRUCTION_ROW, d.instructions());
        g.putString(Layout.ENTRY_FIELDS_COL, Layout.DIALOG_HEADER_ROW, d.header());
        int legendRows = Layout.screenLegendRows(d.legend());
        List<FieldView> fields = d.fields();
        int[] starts = Layout.fieldRowStarts(fields);
        int cursor = d.cursor() >= 0 && d.cursor() < fields.size() ? d.cursor() : -1;
        int focusFirst = cursor < 0 ? -1 : starts[cursor];
        int focusLast = cursor < 0 ? -1 : starts[cursor + 1] - 1;
        Layout.Scroll s = Layout.dialogScroll(rows, legendRows, starts[fields.size()], d.top(), focusFirst, focusLast);
        if (s.markers()) {
            markers(g, s, 0, Layout.DIALOG_HEADER_ROW,
                    Layout.DIALOG_FIRST_ROW + Layout.dialogCapacity(rows, legendRows) - 1);
        }
        TerminalPosition pos = null;
        for (int i = 0; i < fields.size(); i++) {
            FieldView f = fields.get(i);
            List<String> label = Layout.labelRows(f);
            for (int k = 0; k < label.size(); k++) {
                int r = starts[i] + k;
                if (r < s.top() || r >= s.top() + s.visible()) {
                    continue;
                }
                int y = Layout.DIALOG_FIRST_ROW + r - s.top();
                g.putString(Layout.labelCol(f), y, label.get(k));
                if (k == 0 && f.kind() != FieldView.Kind.INFO) {
                    TerminalPosition p = field(g, y, f, i == cursor, d.caret(), d.hscroll());
                    if (i == cursor) {
                        pos = p;
                    }
                }
            }
        }
        legend(g, d.legend(), Layout.SCREEN_LEGEND_PER_ROW, 0, Layout.LEGEND_STEP, rows - 1);
        return pos;
    }

    /** The required star, the value (bracketed when typeable) and the marker of one field row. */
    private TerminalPosition field(Canvas g, int y, FieldView f, boolean current, int caret, int hscroll) {
        if (f.required()) {
            g.setCharacter(Layout.REQUIRED_COL, y, '*');
        }
        String v = Layout.clean(f.value());
        if (f.kind() == FieldView.Kind.SECRET) {
            v = "*".repeat(v.length());
        }
        TerminalPosition pos;
        if (f.kind().typeable()) {
            int c = current ? clamp(caret, 0, v.length()) : 0;
            int hs = current ? Layout.hscrollFor(c, clamp(hscroll, 0, v.length()), Layout.VALUE_WIDTH) : 0;
            int end = Math.min(v.length(), hs + Layout.VALUE_WIDTH);
            String shown = v.substring(hs, end);
            g.setCharacter(Layout.BRACKET_COL, y, hs > 0 ? '<' : '[');
            if (current) {
                highlight(g, Layout.VALUE_COL, y, shown);
            } else {
                g.putString(Layout.VALUE_COL, y, shown);
            }
            g.setCharacter(Layout.VALUE_COL + shown.length(), y, end < v.length() ? '>' : ']');
            pos = new TerminalPosition(Layout.VALUE_COL + c - hs, y);
        } else {
            String shown = fit(v, Layout.VALUE_WIDTH);
            if (current) {
                highlight(g, Layout.VALUE_COL, y, shown);
            } else {
                g.putString(Layout.VALUE_COL, y, shown);
            }
            if (v.length() > Layout.VALUE_WIDTH) {
                g.setCharacter(Layout.VALUE_COL + Layout.VALUE_WIDTH, y, '>');
            }
            pos = new TerminalPosition(Layout.VALUE_COL, y);
        }
        g.putString(Layout.MARKER_COL, y, f.marker());
        return pos;
    }

    private TerminalPosition output(Canvas g, int cols, int rows, OutputView o) {
        title(g, o.title());
        g.putString(0, Layout.STATUS_ROW, Texts.get("output.command", o.status()));
        g.putString(Layout.STATUS_STDOUT_COL, Layout.STATUS_ROW, Texts.get("output.stdout", yesNo(o.stdout())));
        g.putString(Layout.STATUS_STDERR_COL, Layout.STATUS_ROW, Texts.get("output.stderr", yesNo(o.stderr())));
        lines(g, Layout.NOTICE_ROW, o.notice());
        int legendRows = Layout.screenLegendRows(o.legend());
        List<String> text = Layout.outputRows(o.lines(), cols);
        Layout.Scroll s = Layout.outputScroll(rows, legendRows, text.size(), o.top());
        int y = Layout.OUTPUT_FIRST_ROW;
        if (s.markers()) {
            markers(g, s, 0, Layout.OUTPUT_FIRST_ROW,
                    Layout.OUTPUT_FIRST_ROW + Layout.outputCapacity(rows, legendRows) - 1);
            y++;
        }
        for (int r = s.top(); r < s.top() + s.visible(); r++, y++) {
            if (r == o.mark()) {
                highlight(g, 0, y, text.get(r));
            } else {
                g.putString(0, y, text.get(r));
            }
        }
        legend(g, o.legend(), Layout.SCREEN_LEGEND_PER_ROW, 0, Layout.LEGEND_STEP, rows - 1);
        return null;
    }

    private static String yesNo(boolean b) {
        return Texts.get(b ? "yes" : "no");
    }

    // ---- pop-ups ----------------------------------------------------------------------------------

    /** Where a pop-up of {@code height} rows goes: centred, at least one row from the edges. */
    private static int popupTop(int rows, int height) {
        return Math.max(1, (rows - height) / 2);
    }

    private TerminalPosition message(Canvas g, int rows, MessagePopupView m) {
        List<String> body = Layout.popupBody(m.body());
        int legendRows = Layout.popupLegendRows(m.legend());
        Layout.Scroll s = Layout.messagePopupScroll(rows, legendRows, body.size(), m.top());
        int h = Layout.messagePopupOverhead(legendRows) + s.visible();
        int y = popupTop(rows, h);
        box(g, y, h, m.title());
        int tx = Layout.POPUP_COL + 2;
        if (s.markers()) {
            markers(g, s, tx, y + 2, y + 3 + s.visible());
        }
        for (int r = 0; r < s.visible(); r++) {
            g.putString(tx, y + 3 + r, body.get(s.top() + r));
        }
        legend(g, m.legend(), Layout.POPUP_LEGEND_PER_ROW, tx, Layout.POPUP_LEGEND_STEP, y + h - 2);
        return null;
    }

    private TerminalPosition list(Canvas g, int rows, ListPopupView l) {
        List<String> instructions = l.instructions();
        int legendRows = Layout.popupLegendRows(l.legend());
        int cursor = clamp(l.cursor(), 0, l.items().size() - 1);
        Layout.Scroll s = Layout.listPopupScroll(rows, instructions.size(), legendRows, l.items().size(), l.top(),
                cursor);
        int h = Layout.listPopupOverhead(instructions.size(), legendRows) + s.visible();
        int y = popupTop(rows, h);
        box(g, y, h, l.title());
        int tx = Layout.POPUP_COL + 2;
        lines(g, tx, y + 3, instructions);
        int first = y + 4 + instructions.size();
        if (s.markers()) {
            markers(g, s, tx, first - 1, first + s.visible());
        }
        TerminalPosition pos = null;
        int ix = tx + Layout.POPUP_ITEM_INDENT;
        int width = Layout.POPUP_TEXT_WIDTH - Layout.POPUP_ITEM_INDENT;
        for (int r = 0; r < s.visible(); r++) {
            int i = s.top() + r;
            ListPopupView.Item item = l.items().get(i);
            if (item.marked()) {
                g.setCharacter(tx, first + r, '>');
            }
            String text = fit(Layout.clean(item.text()), width);
            if (i == cursor && item.selectable()) {
                highlight(g, ix, first + r, text);
                pos = new TerminalPosition(ix, first + r);
            } else {
                g.putString(ix, first + r, text);
            }
        }
        legend(g, l.legend(), Layout.POPUP_LEGEND_PER_ROW, tx, Layout.POPUP_LEGEND_STEP, y + h - 2);
        return pos;
    }

    private TerminalPosition entry(Canvas g, int rows, EntryPopupView e) {
        List<String> instruction = Layout.wrap(e.instruction(), Layout.POPUP_TEXT_WIDTH);
        int legendRows = Layout.popupLegendRows(e.legend());
        int h = 7 + instruction.size() + legendRows;
        int y = popupTop(rows, h);
        box(g, y, h, e.title());
        int tx = Layout.POPUP_COL + 2;
        lines(g, tx, y + 3, instruction);
        int fy = y + 4 + instruction.size();
        String v = Layout.clean(e.value());
        int caret = clamp(e.caret(), 0, v.length());
        int hs = Layout.hscrollFor(caret, clamp(e.hscroll(), 0, v.length()), Layout.ENTRY_POPUP_WIDTH);
        int end = Math.min(v.length(), hs + Layout.ENTRY_POPUP_WIDTH);
        String shown = v.substring(hs, end);
        g.setCharacter(tx, fy, hs > 0 ? '<' : '[');
        highlight(g, tx + 1, fy, shown);
        g.setCharacter(tx + 1 + shown.length(), fy, end < v.length() ? '>' : ']');
        legend(g, e.legend(), Layout.POPUP_LEGEND_PER_ROW, tx, Layout.POPUP_LEGEND_STEP, y + h - 2);
        return new TerminalPosition(tx + 1 + caret - hs, fy);
    }

    /**
     * A box with border and centred title on its first inner row. The rows it covers are cleared
     * across the whole width, so no stray piece of the screen below shows beside the border.
     */
    private void box(Canvas g, int y, int h, String title) {
        int x = Layout.POPUP_COL;
        int w = Layout.POPUP_WIDTH;
        g.fillRectangle(new TerminalPosition(0, y), new TerminalSize(g.cols, h), ' ');
        if (theme == Theme.COLOR) {
            g.setForegroundColor(Colour.CYAN);
        }
        g.setCharacter(x, y, glyphs.topLeft());
        g.setCharacter(x + w - 1, y, glyphs.topRight());
        g.setCharacter(x, y + h - 1, glyphs.bottomLeft());
        g.setCharacter(x + w - 1, y + h - 1, glyphs.bottomRight());
        for (int i = 1; i < w - 1; i++) {
            g.setCharacter(x + i, y, glyphs.horizontal());
            g.setCharacter(x + i, y + h - 1, glyphs.horizontal());
        }
        for (int j = 1; j < h - 1; j++) {
            g.setCharacter(x, y + j, glyphs.vertical());
            g.setCharacter(x + w - 1, y + j, glyphs.vertical());
        }
        plain(g);
        String t = fit(Layout.clean(title == null ? "" : title.replace('\n', ' ').strip()), w - 2);
        titleText(g, x + 1 + (w - 2 - t.length()) / 2, y + 1, t);
    }

    // ---- pieces -----------------------------------------------------------------------------------

    private void title(Canvas g, String title) {
        String t = fit(Layout.clean(title == null ? "" : title.replace('\n', ' ').strip()), Layout.WIDTH);
        titleText(g, (Layout.WIDTH - t.length()) / 2, 0, t);
    }

    private void titleText(Canvas g, int x, int y, String t) {
        if (theme == Theme.COLOR) {
            g.setForegroundColor(Colour.CYAN);
            g.putString(x, y, t, SGR.BOLD);
            plain(g);
        } else {
            g.putString(x, y, t);
        }
    }

    private static void lines(Canvas g, int y, List<String> lines) {
        lines(g, 0, y, lines);
    }

    private static void lines(Canvas g, int x, int y, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            g.putString(x, y + i, lines.get(i));
        }
    }

    /** {@code [TOP]}/{@code [MORE...N]} on the first row, {@code [MORE...N]}/{@code [BOTTOM]} on the last. */
    private static void markers(Canvas g, Layout.Scroll s, int x, int topRow, int bottomRow) {
        g.putString(x, topRow, s.hiddenAbove() == 0 ? Texts.get("scroll.top") : Texts.get("scroll.more", s.hiddenAbove()));
        g.putString(x, bottomRow,
                s.hiddenBelow() == 0 ? Texts.get("scroll.bottom") : Texts.get("scroll.more", s.hiddenBelow()));
    }

    /** The legend rows ending at {@code lastRow}, {@code perRow} entries {@code step} columns apart from {@code x}. */
    private static void legend(Canvas g, List<String> legend, int perRow, int x, int step, int lastRow) {
        List<List<String>> rows = Layout.legendRows(legend, perRow);
        int y = lastRow - rows.size() + 1;
        for (int r = 0; r < rows.size(); r++) {
            List<String> entries = rows.get(r);
            for (int k = 0; k < entries.size(); k++) {
                g.putString(x + k * step, y + r, entries.get(k));
            }
        }
    }

    private static void highlight(Canvas g, int x, int y, String text) {
        g.putString(x, y, text, SGR.REVERSE);
    }

    private static void tooSmall(Canvas g, int cols, int rows) {
        List<String> msg = Layout.wrap(Texts.get("toosmall", Layout.MIN_COLS, Layout.MIN_ROWS, cols, rows),
                Math.max(1, cols));
        for (int i = 0; i < msg.size() && i < rows; i++) {
            g.putString(0, i, msg.get(i));
        }
    }

    private static void plain(Canvas g) {
        g.setForegroundColor(Colour.DEFAULT);
        g.setBackgroundColor(Colour.DEFAULT);
        g.clearModifiers();
    }

    private static String fit(String s, int width) {
        return s.length() <= width ? s : s.substring(0, Math.max(0, width));
    }

    private static int clamp(int v, int lo, int hi) {
        return hi < lo ? lo : Math.max(lo, Math.min(hi, v));
    }
}
