package smittywpar.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;

/**
 * Renders frames on Lanterna's in-memory terminal and compares text dumps with golden files in
 * {@code src/test/resources/tui/}. Regenerate them deliberately with {@code -Dgolden.update=true}
 * (then read the diff before committing).
 */
final class Screens {
    private Screens() {
    }

    static String render(Scene scene, int cols, int rows, Glyphs glyphs) {
        DefaultVirtualTerminal term = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
        try {
            TerminalScreen screen = new TerminalScreen(term);
            screen.startScreen();
            TerminalPosition pos = new Renderer(glyphs, Theme.MONO).draw(screen.newTextGraphics(),
                    screen.getTerminalSize(), scene);
            screen.setCursorPosition(pos);
            screen.refresh();
            return dump(term);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String render(Scene scene) {
        return render(scene, 80, 24, Glyphs.UNICODE);
    }

    /**
     * The grid as text (one line per row, trailing blanks removed), then the reverse-video runs
     * and the cursor position.
     */
    static String dump(DefaultVirtualTerminal term) {
        TerminalSize size = term.getTerminalSize();
        StringBuilder text = new StringBuilder();
        StringBuilder reverse = new StringBuilder();
        for (int y = 0; y < size.getRows(); y++) {
            StringBuilder line = new StringBuilder();
            int runStart = -1;
            for (int x = 0; x <= size.getColumns(); x++) {
                TextCharacter c = x < size.getColumns() ? term.getCharacter(x, y) : null;
                boolean rev = c != null && c.getModifiers().contains(SGR.REVERSE);
                if (c != null) {
                    line.append(c.getCharacterString());
                }
                if (rev && runStart < 0) {
                    runStart = x;
                } else if (!rev && runStart >= 0) {
                    reverse.append("row ").append(y).append(": cols ").append(runStart).append('-').append(x - 1)
                            .append(" \"").append(line, runStart, x).append("\"\n");
                    runStart = -1;
                }
            }
            text.append(line.toString().replaceAll(" +$", "")).append('\n');
        }
        text.append("~~~~ reverse video\n").append(reverse);
        TerminalPosition cur = term.getCursorPosition();
        text.append("~~~~ cursor ").append(term.isCursorVisible() ? cur.getColumn() + "," + cur.getRow() : "hidden")
                .append('\n');
        return text.toString();
    }

    /** The text rows only (no attributes), for comparisons with captures. */
    static String textOnly(String dump) {
        return dump.substring(0, dump.indexOf("~~~~ reverse video\n"));
    }

    static Path goldenDir() {
        return Path.of(System.getProperty("smittywpar.project.dir", ".")).resolve("src/test/resources/tui");
    }

    static void assertGolden(String name, String actual) {
        Path file = goldenDir().resolve(name + ".txt");
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                fail("no golden file " + file + "; create it with mvn test -Dgolden.update=true and review it");
            }
            assertThat(actual).as("screen %s (golden file %s)", name, file)
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
