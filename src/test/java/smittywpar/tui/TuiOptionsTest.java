package smittywpar.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;

/** Locale, colour and terminal checks made from the environment before the screens start. */
class TuiOptionsTest {
    private static TuiOptions opts(boolean ascii, Map<String, String> env) {
        return new TuiOptions(ascii, env, Map.of(), List.of(), false);
    }

    @Test
    void lineDrawingFollowsTheFirstLocaleVariableThatIsSet() {
        assertThat(opts(false, Map.of("LANG", "en_US.UTF-8")).glyphs()).isEqualTo(Glyphs.UNICODE);
        assertThat(opts(false, Map.of("LANG", "de_DE.utf8")).glyphs()).isEqualTo(Glyphs.UNICODE);
        assertThat(opts(false, Map.of("LC_ALL", "C", "LANG", "en_US.UTF-8")).glyphs()).isEqualTo(Glyphs.ASCII);
        assertThat(opts(false, Map.of("LC_ALL", "", "LC_CTYPE", "C.UTF-8", "LANG", "C")).glyphs())
                .isEqualTo(Glyphs.UNICODE);
        assertThat(opts(false, Map.of()).glyphs()).isEqualTo(Glyphs.ASCII);
        assertThat(opts(true, Map.of("LANG", "C.UTF-8")).glyphs()).as("--ascii").isEqualTo(Glyphs.ASCII);
    }

    @Test
    void monochromeUnlessAskedAndNoColorWins() {
        assertThat(opts(false, Map.of()).theme()).isEqualTo(Theme.MONO);
        assertThat(opts(false, Map.of("SMITTY_WPAR_COLOR", "1")).theme()).isEqualTo(Theme.COLOR);
        assertThat(opts(false, Map.of("SMITTY_WPAR_COLOR", "0")).theme()).isEqualTo(Theme.MONO);
        assertThat(opts(false, Map.of("SMITTY_WPAR_COLOR", "1", "NO_COLOR", "1")).theme()).isEqualTo(Theme.MONO);
        assertThat(opts(false, Map.of("SMITTY_WPAR_COLOR", "1", "NO_COLOR", "")).theme()).isEqualTo(Theme.COLOR);
    }

    @Test
    void refusesWithoutATerminalOrAUsableTerm() {
        assertThat(opts(false, Map.of("TERM", "xterm")).refusal(false))
                .isEqualTo("smitty: Standard input and standard output must be a terminal.");
        assertThat(new TuiOptions(false, Map.of("TERM", "xterm"), Map.of(), List.of(), true).refusal(false))
                .as("-f").isNull();
        assertThat(opts(false, Map.of("TERM", "dumb")).refusal(true)).startsWith("smitty: The terminal type dumb");
        assertThat(opts(false, Map.of()).refusal(true)).startsWith("smitty: TERM is not set.");
        assertThat(opts(false, Map.of("TERM", "vt100")).refusal(true)).isNull();
    }

    @Test
    void monochromeDrawsNoColourAndColourOnlyDecorates() throws IOException {
        Scene f = Scene.of(Fixtures.wparMenu(0), Fixtures.message("Help", List.of("text"), 0));
        for (Theme theme : Theme.values()) {
            DefaultVirtualTerminal term = new DefaultVirtualTerminal(new TerminalSize(80, 24));
            TerminalScreen screen = new TerminalScreen(term);
            screen.startScreen();
            new Renderer(Glyphs.UNICODE, theme).draw(screen.newTextGraphics(), screen.getTerminalSize(), f);
            screen.refresh();
            boolean coloured = false;
            for (int y = 0; y < 24; y++) {
                for (int x = 0; x < 80; x++) {
                    var c = term.getCharacter(x, y);
                    coloured |= c.getForegroundColor() != TextColor.ANSI.DEFAULT
                            || c.getBackgroundColor() != TextColor.ANSI.DEFAULT;
                }
            }
            assertThat(coloured).as(theme.name()).isEqualTo(theme == Theme.COLOR);
            assertThat(Screens.textOnly(Screens.dump(term)))
                    .isEqualTo(Screens.textOnly(Screens.render(f, 80, 24, Glyphs.UNICODE)));
        }
    }
}
