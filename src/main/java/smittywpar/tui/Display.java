package smittywpar.tui;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.TerminalResizeListener;
import com.googlecode.lanterna.terminal.ansi.StreamBasedTerminal;

/**
 * The terminal's screen, drawn by difference: the frame is drawn on a {@link Canvas}, compared
 * with the one the terminal shows, and only the changed cells are sent, through the terminal's
 * own calls (cursor moves, colours and modifiers, characters). It does what Lanterna's
 * {@code TerminalScreen} did for this program, with the same output, at a small fraction of the
 * cost per frame: a cursor move costs a few bulk comparisons of two arrays instead of building
 * and comparing two thousand character objects.
 *
 * <p>Follows {@code TerminalScreen} exactly: start enters the private (alternate) screen and
 * clears it; a complete refresh clears and writes every cell that is not a blank in the default
 * style; an automatic one is complete after a resize or when three quarters of the cells
 * changed, else it writes the changed cells in reading order, changing colours and modifiers one
 * at a time; then the cursor is shown where asked, or hidden.
 */
final class Display {
    private final Terminal terminal;
    private final boolean bytes;
    private TerminalSize size;
    private final AtomicReference<TerminalSize> resizeRequest = new AtomicReference<>();
    private Canvas front;
    private Canvas back;
    private boolean started;
    private boolean fullRedraw = true;
    private TerminalPosition cursor = TerminalPosition.TOP_LEFT_CORNER;

    Display(Terminal terminal) throws IOException {
        this.terminal = terminal;
        this.bytes = terminal instanceof StreamBasedTerminal;
        this.size = terminal.getTerminalSize();
        this.front = new Canvas(size);
        this.back = new Canvas(size);
        terminal.addResizeListener(new Resized(this));
    }

    /** Records a new size (a class, not a lambda: no lambda machinery on the way to the first frame). */
    private record Resized(Display display) implements TerminalResizeListener {
        @Override
        public void onResized(Terminal terminal, TerminalSize newSize) {
            display.resizeRequest.set(newSize);
        }
    }

    Terminal terminal() {
        return terminal;
    }

    TerminalSize getTerminalSize() {
        return size;
    }

    /** True when a resize has been reported and not applied yet. */
    boolean resizePending() {
        return resizeRequest.get() != null;
    }

    /** Applies the last resize: new, blank buffers and a complete redraw next. The new size, or null. */
    TerminalSize doResizeIfNecessary() {
        // (a plain read first: the atomic exchange runs through a VarHandle, some 30 us per key interpreted)
        TerminalSize s = resizeRequest.get() == null ? null : resizeRequest.getAndSet(null);
        if (s == null) {
            return null;
        }
        size = s;
        front = new Canvas(s);
        back = new Canvas(s);
        fullRedraw = true;
        return s;
    }

    /** The canvas to draw the next frame on (then {@link #refresh}). */
    Canvas canvas() {
        return back;
    }

    /** The character shown at a cell (for the F8 image). */
    String shown(int x, int y) {
        return x < front.cols && y < front.rows ? String.valueOf(front.chars[y * front.cols + x]) : " ";
    }

    void start() throws IOException {
        if (started) {
            return;
        }
        started = true;
        terminal.enterPrivateMode();
        terminal.getTerminalSize();
        terminal.clearScreen();
        fullRedraw = true;
        if (cursor == null) {
            terminal.setCursorVisible(false);
        } else {
            terminal.setCursorVisible(true);
            terminal.setCursorPosition(cursor.getColumn(), cursor.getRow());
        }
    }

    void stop() throws IOException {
        if (!started) {
            return;
        }
        terminal.exitPrivateMode();
        started = false;
    }

    void setCursorPosition(TerminalPosition p) {
        cursor = p;
    }

    /** Sends the canvas to the terminal; {@code complete} redraws every cell. */
    void refresh(boolean complete) throws IOException {
        if (complete || fullRedraw) {
            full();
            fullRedraw = false;
        } else {
            delta();
        }
        Canvas t = front;
        front = back;
        back = t;
        if (cursor != null) {
            terminal.setCursorVisible(true);
            int col = cursor.getColumn();
            int row = cursor.getRow();
            if (col > 0 && col - 1 < front.cols && row < front.rows
                    && Canvas.wide(front.chars[row * front.cols + col - 1])) {
                col--; // as TerminalScreen: on the second column of a wide character, the cursor goes to its first
            }
            terminal.setCursorPosition(col, row);
        } else {
            terminal.setCursorVisible(false);
        }
        terminal.flush();
    }

    // ---- writing ----------------------------------------------------------------------------------

    /** The style the terminal writes in now (after the last call that changed it). */
    private int pen;

    private void full() throws IOException {
        terminal.setForegroundColor(colour(Colour.DEFAULT));
        terminal.setBackgroundColor(colour(Colour.DEFAULT));
        terminal.clearScreen();
        terminal.resetColorAndSGR();
        pen = Canvas.PLAIN;
        int cols = back.cols;
        for (int y = 0; y < back.rows; y++) {
            terminal.setCursorPosition(0, y);
            int at = 0;
            for (int x = 0; x < cols; x++) {
                int i = y * cols + x;
                char c = back.chars[i];
                if (c == ' ' && back.styles[i] == Canvas.PLAIN) {
                    continue;
                }
                penTo(back.styles[i]);
                if (at != x) {
                    terminal.setCursorPosition(x, y);
                    at = x;
                }
                terminal.putCharacter(c);
                if (Canvas.wide(c)) {
                    at += 2;
                    x++;
                } else {
                    at++;
                }
            }
        }
    }

    /** Cells to send: positions (ascending), characters and styles; reused from frame to frame. */
    private int[] updateAt = new int[0];
    private char[] updateChar = new char[0];
    private int[] updateStyle = new int[0];

    private void delta() throws IOException {
        int cols = back.cols;
        char[] bc = back.chars;
        char[] fc = front.chars;
        int[] bs = back.styles;
        int[] fs = front.styles;
        int n = bc.length;
        if (updateAt.length < n) {
            updateAt = new int[n];
            updateChar = new char[n];
            updateStyle = new int[n];
        }
        int k = 0;
        if (!back.anyWide && !front.anyWide) {
            // no wide characters: the changed cells, found with bulk comparisons
            int nextChar = -1;
            int nextStyle = -1;
            for (int i = 0; i < n; i = Math.min(nextChar, nextStyle) + 1) {
                if (nextChar < i) {
                    int m = Arrays.mismatch(bc, i, n, fc, i, n);
                    nextChar = m < 0 ? n : i + m;
                }
                if (nextStyle < i) {
                    int m = Arrays.mismatch(bs, i, n, fs, i, n);
                    nextStyle = m < 0 ? n : i + m;
                }
                int at = Math.min(nextChar, nextStyle);
                if (at >= n) {
                    break;
                }
                k = update(k, at, bc[at], bs[at]);
            }
            differing = k;
        } else {
            k = wideDelta(cols, bc, fc, bs, fs);
        }
        // as TerminalScreen: when three quarters of the cells changed, everything is redrawn
        if (differing >= (int) (back.rows * cols * 0.75)) {
            full();
        } else {
            send(k, cols);
        }
    }

    /** How many cells differ between the frame and the screen (found by the last comparison). */
    private int differing;

    /** The changed cells when wide characters are about, as TerminalScreen finds them. */
    private int wideDelta(int cols, char[] bc, char[] fc, int[] bs, int[] fs) {
        // a wide character that goes away leaves its second column to blank
        int k = 0;
        differing = 0;
        for (int i = 0; i < bc.length; i++) {
            if (bc[i] != fc[i] || bs[i] != fs[i]) {
                differing++;
            }
        }
        for (int y = 0; y < back.rows; y++) {
            for (int x = 0; x < cols; x++) {
                int i = y * cols + x;
                if (bc[i] != fc[i] || bs[i] != fs[i]) {
                    k = update(k, i, bc[i], bs[i]);
                }
                if (Canvas.wide(bc[i])) {
                    x++;
                } else if (Canvas.wide(fc[i]) && x + 1 < cols) {
                    k = update(k, i + 1, ' ', fs[i]);
                }
            }
        }
        return k;
    }

    private void send(int k, int cols) throws IOException {
        if (k == 0) {
            return;
        }
        int atX = updateAt[0] % cols;
        int atY = updateAt[0] / cols;
        int s0 = updateStyle[0];
        terminal.setCursorPosition(atX, atY);
        terminal.resetColorAndSGR();
        for (SGR m : SGR.values()) {
            if (Canvas.has(s0, m)) {
                terminal.enableSGR(m);
            }
        }
        terminal.setForegroundColor(colour(Canvas.foreground(s0)));
        terminal.setBackgroundColor(colour(Canvas.background(s0)));
        pen = s0;
        for (int j = 0; j < k; j++) {
            int x = updateAt[j] % cols;
            int y = updateAt[j] / cols;
            if (x != atX || y != atY) {
                terminal.setCursorPosition(x, y);
                atX = x;
                atY = y;
            }
            penTo(updateStyle[j]);
            char c = updateChar[j];
            terminal.putCharacter(c);
            atX += Canvas.wide(c) ? 2 : 1;
        }
    }

    /** Adds (or, for the same cell as the last one, replaces) one cell to send. */
    private int update(int k, int at, char c, int style) {
        int j = k > 0 && updateAt[k - 1] == at ? k - 1 : k;
        updateAt[j] = at;
        updateChar[j] = c;
        updateStyle[j] = style;
        return j + 1;
    }

    /**
     * A colour for the terminal: the escape sequence is all a terminal of bytes needs (see
     * {@link Colour}); a terminal in memory keeps Lanterna's own constant in its cells.
     */
    private TextColor colour(int c) {
        return bytes ? Colour.of(c) : Colour.of(c).ansi();
    }

    /** Changes the terminal's colours and modifiers to {@code s}, one difference at a time. */
    private void penTo(int s) throws IOException {
        if (s == pen) {
            return;
        }
        int fg = Canvas.foreground(s);
        if (fg != Canvas.foreground(pen)) {
            terminal.setForegroundColor(colour(fg));
        }
        int bg = Canvas.background(s);
        if (bg != Canvas.background(pen)) {
            terminal.setBackgroundColor(colour(bg));
        }
        for (SGR m : SGR.values()) {
            boolean want = Canvas.has(s, m);
            if (Canvas.has(pen, m) && !want) {
                terminal.disableSGR(m);
            } else if (!Canvas.has(pen, m) && want) {
                terminal.enableSGR(m);
            }
        }
        pen = s;
    }
}
