package smittywpar.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;

/**
 * The display sends a terminal exactly the bytes Lanterna's {@link TerminalScreen} sends for the
 * same cells: the same frames (real screens and random ones, with colours, modifiers and
 * double-width characters) go through both, complete and by difference, and the two byte
 * streams must be equal after every frame.
 */
class DisplayTest {
    /** An ANSI terminal of a fixed size writing into memory. */
    private static ANSITerminal ansi(ByteArrayOutputStream out, TerminalSize size) {
        return new ANSITerminal(new ByteArrayInputStream(new byte[0]), out, StandardCharsets.UTF_8) {
            @Override
            protected TerminalSize findTerminalSize() {
                return size;
            }
        };
    }

    private static final class Pair {
        final ByteArrayOutputStream lanternaOut = new ByteArrayOutputStream();
        final ByteArrayOutputStream displayOut = new ByteArrayOutputStream();
        final TerminalScreen screen;
        final Display display;
        final TerminalSize size;

        Pair(TerminalSize size) throws IOException {
            this.size = size;
            screen = new TerminalScreen(ansi(lanternaOut, size));
            display = new Display(ansi(displayOut, size));
            screen.startScreen();
            display.start();
        }

        void show(Canvas c, TerminalPosition cursor, boolean complete, String what) throws IOException {
            c.copyTo(screen.newTextGraphics());
            screen.setCursorPosition(cursor);
            screen.refresh(complete ? Screen.RefreshType.COMPLETE : Screen.RefreshType.AUTOMATIC);
            display.canvas().copyFrom(c);
            display.setCursorPosition(cursor);
            display.refresh(complete);
            assertThat(displayOut.toString(StandardCharsets.UTF_8)).as(what)
                    .isEqualTo(lanternaOut.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void realScreensByteForByteAsTerminalScreen() throws IOException {
        TerminalSize size = new TerminalSize(80, 24);
        Pair p = new Pair(size);
        Renderer[] renderers = {new Renderer(Glyphs.UNICODE, Theme.MONO), new Renderer(Glyphs.UNICODE, Theme.COLOR),
            new Renderer(Glyphs.ASCII, Theme.MONO)};
        List<Scene> frames = List.of(Scene.of(Fixtures.longMenu(0, 0)), Scene.of(Fixtures.longMenu(1, 0)),
                Scene.of(Fixtures.longMenu(7, 0)), Scene.of(Fixtures.longMenu(12, 3)),
                Scene.of(Fixtures.createDialog(0, 0, 0, 0)), Scene.of(Fixtures.createDialog(1, 3, 0, 0)),
                Scene.of(Fixtures.createDialog(2, 0, 0, 0), Fixtures.wparList(false, 2, 0, 12)),
                Scene.of(Fixtures.createDialog(2, 0, 0, 0), Fixtures.wparList(true, 5, 1, 30)),
                Scene.of(Fixtures.wparMenu(1), Fixtures.message("Help", Fixtures.lines("smit.menu.instructions"), 0)),
                Scene.of(Fixtures.output("running", 3, 0, -1)), Scene.of(Fixtures.output("ok", 40, 10, 12)),
                Scene.of(Fixtures.selector()));
        boolean complete = true;
        for (Renderer r : renderers) {
            for (Scene f : frames) {
                Canvas c = new Canvas(size);
                TerminalPosition cursor = r.draw(c, f);
                p.show(c, cursor, complete, f.toString());
                complete = false;
            }
        }
    }

    @Test
    void randomFramesWithStylesAndWideCharactersByteForByte() throws IOException {
        Random rnd = new Random(14);
        String[] pieces = {"Workload Partition", "[Entry Fields]", "─│┌┐", "漢字", "é", "x", " ", "ｗｉｄｅ", "カナ"};
        TextColor.ANSI[] colours = {TextColor.ANSI.DEFAULT, TextColor.ANSI.CYAN, TextColor.ANSI.RED};
        SGR[] mods = {SGR.REVERSE, SGR.BOLD, SGR.UNDERLINE};
        for (TerminalSize size : new TerminalSize[] {new TerminalSize(80, 24), new TerminalSize(23, 7)}) {
            Pair p = new Pair(size);
            Canvas c = new Canvas(size);
            for (int frame = 0; frame < 300; frame++) {
                if (rnd.nextInt(4) == 0) {
                    c.clearModifiers().setForegroundColor(TextColor.ANSI.DEFAULT).fill(' ');
                }
                for (int n = rnd.nextInt(6); n > 0; n--) {
                    c.setForegroundColor(colours[rnd.nextInt(colours.length)]);
                    c.setBackgroundColor(colours[rnd.nextInt(colours.length)]);
                    int x = rnd.nextInt(size.getColumns() + 2) - 1;
                    int y = rnd.nextInt(size.getRows());
                    String s = pieces[rnd.nextInt(pieces.length)];
                    switch (rnd.nextInt(3)) {
                        case 0 -> c.putString(x, y, s);
                        case 1 -> c.putString(x, y, s, mods[rnd.nextInt(mods.length)]);
                        default -> c.setCharacter(x, y, s.charAt(0));
                    }
                }
                TerminalPosition cursor = rnd.nextInt(5) == 0 ? null
                        : new TerminalPosition(rnd.nextInt(size.getColumns()), rnd.nextInt(size.getRows()));
                p.show(c, cursor, rnd.nextInt(20) == 0, "frame " + frame + " at " + size);
            }
        }
    }

    @Test
    void aResizeRedrawsEverythingAtTheNewSize() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TerminalSize[] size = {new TerminalSize(80, 24)};
        ANSITerminal t = new ANSITerminal(new ByteArrayInputStream(new byte[0]), out, StandardCharsets.UTF_8) {
            @Override
            protected TerminalSize findTerminalSize() {
                return size[0];
            }
        };
        Display d = new Display(t);
        d.start();
        assertThat(d.doResizeIfNecessary()).isNull();
        size[0] = new TerminalSize(100, 30);
        t.getTerminalSize(); // as the resize signal does: the terminal reports its new size to its listeners
        assertThat(d.resizePending()).isTrue();
        assertThat(d.doResizeIfNecessary()).isEqualTo(size[0]);
        assertThat(d.getTerminalSize()).isEqualTo(size[0]);
        assertThat(d.canvas().cols).isEqualTo(100);
        d.canvas().putString(99, 29, "z");
        out.reset();
        d.refresh(false);
        assertThat(out.toString(StandardCharsets.UTF_8)).as("a complete redraw clears first").startsWith("\u001b[39m\u001b[49m\u001b[2J")
                .contains("\u001b[30;100Hz");
    }
}
