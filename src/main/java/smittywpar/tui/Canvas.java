package smittywpar.tui;

import java.util.Arrays;
import java.util.EnumSet;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.screen.TabBehaviour;

/**
 * A grid of cells the {@link Renderer} draws on: one character and one style (an int) per cell,
 * in two flat arrays, so that drawing a whole frame and comparing it with the last one cost
 * microseconds. The drawing calls have the names and the exact effect of Lanterna's
 * {@link TextGraphics} on a screen buffer (clipping, newline and tab handling, CJK characters
 * taking two columns, a modifier given to one {@code putString} clearing the others), which
 * {@link #copyTo} reproduces cell for cell.
 */
final class Canvas {
    private static final SGR[] MODIFIERS = SGR.values();
    private static final int FG_BITS = 5;
    private static final int MODS_SHIFT = 2 * FG_BITS;
    /** Default colours, no modifiers: the style of a blank screen. */
    static final int PLAIN = style(Colour.DEFAULT, Colour.DEFAULT, 0);

    final int cols;
    final int rows;
    final char[] chars;
    final int[] styles;
    /** Colours as Lanterna's ANSI ordinals (see {@link Colour}). */
    private int fg = Colour.DEFAULT;
    private int bg = Colour.DEFAULT;
    private int mods;
    /** False while no cell holds a wide character (then cells can be compared in bulk). */
    boolean anyWide;

    Canvas(TerminalSize size) {
        cols = size.getColumns();
        rows = size.getRows();
        chars = new char[cols * rows];
        styles = new int[cols * rows];
        Arrays.fill(chars, ' ');
        Arrays.fill(styles, PLAIN);
    }

    TerminalSize getSize() {
        return new TerminalSize(cols, rows);
    }

    // ---- style ------------------------------------------------------------------------------------

    static int style(int fg, int bg, int mods) {
        return fg | bg << FG_BITS | mods << MODS_SHIFT;
    }

    static int foreground(int style) {
        return style & (1 << FG_BITS) - 1;
    }

    static int background(int style) {
        return style >>> FG_BITS & (1 << FG_BITS) - 1;
    }

    static boolean has(int style, SGR m) {
        return (style >>> MODS_SHIFT & 1 << m.ordinal()) != 0;
    }

    static EnumSet<SGR> modifiers(int style) {
        EnumSet<SGR> s = EnumSet.noneOf(SGR.class);
        for (SGR m : MODIFIERS) {
            if (has(style, m)) {
                s.add(m);
            }
        }
        return s;
    }

    /** The Lanterna character of one cell. */
    static TextCharacter textCharacter(char c, int style) {
        return new TextCharacter(c, Colour.of(foreground(style)).ansi(), Colour.of(background(style)).ansi(),
                modifiers(style));
    }

    /**
     * Whether a character takes two columns (Lanterna's rule for one character: a CJK block;
     * none starts below U+1100, and box drawing, which pop-ups use, is not one).
     */
    static boolean wide(char c) {
        return c >= 0x1100 && (c < 0x2500 || c > 0x257F) && TerminalTextUtils.isCharDoubleWidth(c);
    }

    private int current() {
        return style(fg, bg, mods);
    }

    /** @param c a colour's number (see {@link Colour}) */
    Canvas setForegroundColor(int c) {
        fg = c;
        return this;
    }

    Canvas setBackgroundColor(int c) {
        bg = c;
        return this;
    }

    Canvas setForegroundColor(TextColor.ANSI c) {
        return setForegroundColor(c.ordinal());
    }

    Canvas setBackgroundColor(TextColor.ANSI c) {
        return setBackgroundColor(c.ordinal());
    }

    Canvas clearModifiers() {
        mods = 0;
        return this;
    }

    // ---- drawing ----------------------------------------------------------------------------------

    void setCharacter(int x, int y, char c) {
        set(x, y, c, current());
    }

    /** Every cell: {@code c} in the current style. */
    void fill(char c) {
        Arrays.fill(chars, c);
        Arrays.fill(styles, current());
        anyWide = wide(c);
    }

    /** The rectangle at {@code pos} of {@code size}, clipped: {@code c} in the current style. */
    void fillRectangle(TerminalPosition pos, TerminalSize size, char c) {
        int s = current();
        for (int y = pos.getRow(); y < pos.getRow() + size.getRows(); y++) {
            for (int x = pos.getColumn(); x < pos.getColumn() + size.getColumns(); x++) {
                set(x, y, c, s);
            }
        }
    }

    void putString(int x, int y, String s) {
        put(x, y, s, current());
    }

    /** As Lanterna: the modifiers are cleared first, {@code m} applies to this text only. */
    void putString(int x, int y, String s, SGR m) {
        mods = 1 << m.ordinal();
        put(x, y, s, current());
        mods = 0;
    }

    private void put(int x, int y, String s, int style) {
        // the common case, in one pass: no control and no wide characters
        if (y >= 0 && y < rows) {
            int n = s.length();
            int base = y * cols;
            boolean plain = true;
            for (int i = 0, col = x; i < n; i++, col++) {
                char c = s.charAt(i);
                if (c < ' ' || c >= 0x1100) {
                    plain = false; // the general way below draws the same cells again, then the rest
                    break;
                }
                if (col >= 0 && col < cols) {
                    if (i == 0 && col > 0 && chars[base + col - 1] >= 0x1100 && wide(chars[base + col - 1])) {
                        chars[base + col - 1] = ' ';
                    }
                    chars[base + col] = c;
                    styles[base + col] = style;
                }
            }
            if (plain) {
                return;
            }
        }
        int nl = s.indexOf('\n');
        if (nl >= 0) {
            s = s.substring(0, nl);
        }
        int cr = s.indexOf('\r');
        if (cr >= 0) {
            s = s.substring(0, cr);
        }
        if (s.indexOf('\t') >= 0) {
            s = TabBehaviour.ALIGN_TO_COLUMN_4.replaceTabs(s, x);
        }
        int col = x;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            set(col, y, c, style);
            col += wide(c) ? 2 : 1;
        }
    }

    /**
     * One cell, as Lanterna's buffer stores it: a wide character blanks the cell it covers. A
     * control character other than tab is refused, as Lanterna refuses it (the renderer shows
     * them as {@code ?}: see {@link Layout#clean}).
     */
    private void set(int x, int y, char c, int style) {
        if ((c < ' ' && c != '\t') || c == 0x7f) {
            throw new IllegalArgumentException("Cannot create a TextCharacter from a control character (0x"
                    + Integer.toHexString(c) + ")");
        }
        if (x < 0 || y < 0 || x >= cols || y >= rows) {
            return;
        }
        int i = y * cols + x;
        if (x > 0 && chars[i - 1] >= 0x1100 && wide(chars[i - 1])) {
            chars[i - 1] = ' ';
        }
        chars[i] = c;
        styles[i] = style;
        if (c >= 0x1100 && wide(c)) {
            anyWide = true;
            if (x + 1 < cols) {
                chars[i + 1] = ' ';
                styles[i + 1] = style;
            }
        }
    }

    /** Puts every cell on a Lanterna {@link TextGraphics} (which must be at least this large). */
    void copyTo(TextGraphics g) {
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                int i = y * cols + x;
                g.setCharacter(x, y, textCharacter(chars[i], styles[i]));
                if (wide(chars[i])) {
                    x++;
                }
            }
        }
    }

    /** The same cells as {@code other}. */
    void copyFrom(Canvas other) {
        System.arraycopy(other.chars, 0, chars, 0, chars.length);
        System.arraycopy(other.styles, 0, styles, 0, styles.length);
        anyWide = other.anyWide;
    }
}
