package smittywpar.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;

/** The screen loop on a virtual terminal: key routing, repaint on resize, small sizes, F8 and F9 hooks. */
class TuiAppTest {
    /** Shows one menu and records what it is asked; Down moves, F10 exits, F8 takes the image, F9 the shell. */
    static final class Recorder implements Controller {
        final List<Action> actions = new ArrayList<>();
        int cursor;
        String image;
        boolean shellRan;
        int polls;
        boolean changeOnPoll;
        String title = "System Management";

        @Override
        public Scene scene(int cols, int rows) {
            MenuView v = Fixtures.longMenu(cursor, 0);
            return Scene.of(new MenuView(title, v.instructions(), v.items(), v.cursor(), v.top(), v.legend()));
        }

        @Override
        public Outcome handle(Action a, Ui ui) {
            actions.add(a);
            switch (a.kind()) {
                case EXIT:
                    return Outcome.EXIT;
                case IMAGE:
                    image = ui.image();
                    return Outcome.CONTINUE;
                case SHELL:
                    shellRan = ui.shell();
                    return Outcome.CONTINUE;
                case DOWN:
                    cursor = Math.min(cursor + 1, 18);
                    return Outcome.CONTINUE;
                default:
                    return Outcome.CONTINUE;
            }
        }

        @Override
        public boolean poll() {
            polls++;
            if (changeOnPoll) {
                changeOnPoll = false;
                title = "Changed While Idle";
                return true;
            }
            return false;
        }
    }

    private DefaultVirtualTerminal term;
    private TerminalScreen screen;
    private Recorder controller;
    private final List<String> shellCalls = new ArrayList<>();
    private TuiApp app;

    @BeforeEach
    void start() throws IOException {
        term = new DefaultVirtualTerminal(new TerminalSize(80, 24));
        screen = new TerminalScreen(term);
        controller = new Recorder();
        app = new TuiApp(screen, null, controller, new Renderer(Glyphs.UNICODE, Theme.MONO),
                () -> shellCalls.add("shell"));
        screen.startScreen();
    }

    private String[] rows() {
        return Screens.textOnly(Screens.dump(term)).split("\n", -1);
    }

    private boolean keys(KeyStroke... ks) throws IOException {
        for (KeyStroke k : ks) {
            term.addInput(k);
        }
        return app.step();
    }

    @Test
    void firstStepPaintsTheFrame() throws IOException {
        assertThat(app.step()).isTrue();
        assertThat(rows()[0]).isEqualTo("                               System Management");
        assertThat(rows()[5]).isEqualTo("  Software Installation and Maintenance");
    }

    @Test
    void escThenDigitReachesTheControllerAsAFunctionKey() throws IOException {
        app.step();
        assertThat(keys(new KeyStroke(KeyType.Escape))).isTrue();
        assertThat(controller.actions).isEmpty();
        assertThat(keys(new KeyStroke('4', false, false))).isTrue();
        assertThat(controller.actions).containsExactly(Action.of(Action.Kind.LIST));
        assertThat(keys(new KeyStroke(KeyType.Escape), new KeyStroke('0', false, false))).as("Esc then 0 exits")
                .isFalse();
    }

    @Test
    void arrowKeysMoveTheHighlightOnScreen() throws IOException {
        app.step();
        keys(new KeyStroke(KeyType.ArrowDown), new KeyStroke(KeyType.ArrowDown));
        assertThat(Screens.dump(term)).contains("row 7: cols 2-16 \"Manage Editions\"");
    }

    @Test
    void resizeRepaintsWithoutAKey() throws IOException {
        app.step();
        term.setTerminalSize(new TerminalSize(100, 30));
        assertThat(app.step()).isTrue();
        assertThat(term.getTerminalSize()).isEqualTo(new TerminalSize(100, 30));
        String[] r = rows();
        assertThat(r).hasSize(31);
        assertThat(r[28]).startsWith("F1=Help");
        assertThat(r[22]).as("19 items fit on 30 rows: no markers").isEqualTo("  Using SMIT (information only)");
        assertThat(controller.actions).isEmpty();
    }

    @Test
    void tooSmallSaysSoAndOnlyExitWorks() throws IOException {
        term.setTerminalSize(new TerminalSize(40, 12));
        app.step();
        assertThat(rows()[0]).isEqualTo("smitty needs a terminal of at least 80");
        keys(new KeyStroke(KeyType.ArrowDown), new KeyStroke(KeyType.F3));
        assertThat(controller.actions).isEmpty();
        term.setTerminalSize(new TerminalSize(80, 24));
        app.step();
        assertThat(rows()[0]).isEqualTo("                               System Management");
        term.setTerminalSize(new TerminalSize(40, 12));
        app.step();
        assertThat(keys(new KeyStroke(KeyType.F10))).isFalse();
        assertThat(controller.actions).containsExactly(Action.of(Action.Kind.EXIT));
    }

    @Test
    void refreshKeysRepaintAndAreNotPassedOn() throws IOException {
        app.step();
        keys(new KeyStroke(KeyType.F2), new KeyStroke('l', true, false));
        assertThat(controller.actions).isEmpty();
        assertThat(rows()[0]).isEqualTo("                               System Management");
    }

    @Test
    void ctrlCIsTrappedAndHandedToTheController() throws IOException {
        app.step();
        assertThat(keys(new KeyStroke('c', true, false))).isTrue();
        assertThat(controller.actions).containsExactly(Action.of(Action.Kind.INTERRUPT));
    }

    @Test
    void endOfInputEndsTheLoopAndTellsTheController() throws IOException {
        app.step();
        assertThat(keys(new KeyStroke(KeyType.EOF))).isFalse();
        assertThat(controller.actions).containsExactly(Action.of(Action.Kind.EXIT));
    }

    @Test
    void imageIsTheScreenAsShown() throws IOException {
        app.step();
        keys(new KeyStroke(KeyType.F8));
        String[] lines = controller.image.split("\n", -1);
        assertThat(lines).hasSize(25);
        assertThat(lines[0]).isEqualTo("                               System Management");
        assertThat(lines[2]).isEqualTo("Move cursor to desired item and press Enter.");
        assertThat(lines[22]).isEqualTo("F1=Help             F2=Refresh          F3=Cancel           F8=Image");
    }

    @Test
    void shellRunsAndTheScreenComesBack() throws IOException {
        app.step();
        keys(new KeyStroke(KeyType.F9));
        assertThat(shellCalls).containsExactly("shell");
        assertThat(controller.shellRan).isTrue();
        assertThat(screen.getTerminal()).isSameAs(term);
        assertThat(rows()[0]).isEqualTo("                               System Management");
    }

    @Test
    void controllerChangesAreDrawnWithoutAKey() throws IOException {
        app.step();
        controller.changeOnPoll = true;
        app.step();
        assertThat(rows()[0]).isEqualTo("                               Changed While Idle");
    }
}
