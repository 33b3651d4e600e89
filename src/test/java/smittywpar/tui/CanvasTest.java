package smittywpar.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.BasicTextImage;
import com.googlecode.lanterna.graphics.TextGraphics;

/**
 * The canvas draws exactly what Lanterna's text graphics draw on a buffer: the same random
 * sequences of calls (text with newlines, tabs, control, accented, box and double-width
 * characters, at and past the edges, in colours and with modifiers) give the same cells.
 */
class CanvasTest {
    private static String refusal(Runnable r) {
        try {
            r.run();
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Test
    void randomDrawingGivesLanternasCells() {
        Random rnd = new Random(1414);
        String[] pieces = {"Workload Partition Name", "[Entry Fields]", "a\tb\tc", "line\nnext", "cr\rlf", "é ü",
            "─│┌┐└┘", "漢字かな", "ｗｉｄｅ", "\u0007bell", "x", "", " ", "tab\t", "\t\t"};
        TextColor.ANSI[] colours = TextColor.ANSI.values();
        SGR[] mods = {SGR.REVERSE, SGR.BOLD, SGR.UNDERLINE};
        for (TerminalSize size : new TerminalSize[] {new TerminalSize(80, 24), new TerminalSize(17, 5)}) {
            for (int round = 0; round < 40; round++) {
                BasicTextImage image = new BasicTextImage(size);
                TextGraphics g = image.newTextGraphics();
                Canvas c = new Canvas(size);
                for (int op = 0; op < 60; op++) {
                    int x = rnd.nextInt(size.getColumns() + 6) - 3;
                    int y = rnd.nextInt(size.getRows() + 2) - 1;
                    String s = pieces[rnd.nextInt(pieces.length)];
                    int what = rnd.nextInt(8);
                    Runnable lanterna = null;
                    Runnable canvas = null;
                    switch (what) {
                        case 0 -> {
                            TextColor.ANSI col = colours[rnd.nextInt(colours.length)];
                            g.setForegroundColor(col);
                            c.setForegroundColor(col);
                        }
                        case 1 -> {
                            TextColor.ANSI col = colours[rnd.nextInt(colours.length)];
                            g.setBackgroundColor(col);
                            c.setBackgroundColor(col);
                        }
                        case 2 -> {
                            g.clearModifiers();
                            c.clearModifiers();
                        }
                        case 3 -> {
                            SGR m = mods[rnd.nextInt(mods.length)];
                            lanterna = () -> g.putString(x, y, s, m);
                            canvas = () -> c.putString(x, y, s, m);
                        }
                        case 4 -> {
                            char ch = s.isEmpty() || s.indexOf('\t') >= 0 ? 'q' : s.charAt(rnd.nextInt(s.length()));
                            lanterna = () -> g.setCharacter(x, y, ch);
                            canvas = () -> c.setCharacter(x, y, ch);
                        }
                        case 5 -> {
                            int h = rnd.nextInt(4);
                            g.fillRectangle(new TerminalPosition(0, y), new TerminalSize(size.getColumns(), h), ' ');
                            c.fillRectangle(new TerminalPosition(0, y), new TerminalSize(size.getColumns(), h), ' ');
                        }
                        case 6 -> {
                            if (rnd.nextInt(10) == 0) {
                                g.fill(' ');
                                c.fill(' ');
                            }
                        }
                        default -> {
                            lanterna = () -> g.putString(x, y, s);
                            canvas = () -> c.putString(x, y, s);
                        }
                    }
                    if (lanterna != null) {
                        // a control character is refused by both, after the cells before it
                        String refused = refusal(lanterna);
                        assertThat(refusal(canvas)).as("refusal of %s", s).isEqualTo(refused);
                    }
                }
                int checked = 0;
                for (int row = 0; row < size.getRows(); row++) {
                    for (int col = 0; col < size.getColumns(); col++) {
                        int i = row * size.getColumns() + col;
                        assertThat(Canvas.textCharacter(c.chars[i], c.styles[i])).as("cell %d,%d of round %d at %s",
                                col, row, round, size).isEqualTo(image.getCharacterAt(col, row));
                        checked++;
                    }
                }
                assertThat(checked).isEqualTo(size.getColumns() * size.getRows());
            }
        }
    }
}
