package smittywpar.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.googlecode.lanterna.terminal.Terminal;

/**
 * The terminal layer in a real terminal (tmux), driven through {@link TuiDemo}: start without a
 * size-query hang, tty and screen given back on exit, Esc then digit, raw PuTTY function keys,
 * resize without a key press, a 40x12 window, Ctrl-C trapped, the F9 shell, and the refusals
 * (no tty, TERM=dumb, no TERM).
 */
class TerminalE2ETest {
    private static String java;
    private static String classpath;

    @BeforeAll
    static void locate() throws URISyntaxException {
        java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        classpath = String.join(File.pathSeparator, codeSource(Tui.class), codeSource(TuiDemo.class),
                codeSource(Terminal.class));
    }

    private static String codeSource(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static String demo(String args) {
        return java + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp " + classpath
                + " smittywpar.tui.TuiDemo " + args;
    }

    private static Tmux tmux(int cols, int rows) throws IOException {
        assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
        return new Tmux(cols, rows, Map.of("LANG", "C.UTF-8", "TERM", "xterm"));
    }

    private static final String MENU_LEGEND = "F9=Shell            F10=Exit            Enter=Do";

    @Test
    void startsRestoresTheTerminalAndTheScreenOnExit() throws IOException {
        try (Tmux t = tmux(80, 24)) {
            t.line("echo before-smitty; stty -g > before.stty; " + demo("") + "; echo rc=$?; stty -g > after.stty");
            String s = t.waitFor(MENU_LEGEND);
            assertThat(s).contains("                               System Management");
            assertThat(t.alternateScreen()).isTrue();
            t.keys("F10");
            s = t.waitFor("rc=0");
            assertThat(t.alternateScreen()).isFalse();
            assertThat(s).contains("before-smitty").doesNotContain("System Management");
            t.line("cmp before.stty after.stty && echo tty-restored");
            t.waitFor("tty-restored");
        }
    }

    @Test
    void escThenDigitAndRawFunctionKeys() throws IOException {
        try (Tmux t = tmux(80, 24)) {
            t.line(demo("") + "; echo rc=$?");
            t.waitFor(MENU_LEGEND);
            t.keys("Enter");
            t.waitFor("[Entry Fields]");
            t.keys("Escape");
            sleep(300);
            t.keys("4");
            t.waitFor("Move cursor to desired item and press Enter.");
            t.keys("Escape");
            sleep(300);
            t.keys("3");
            t.waitForGone("/=Find");
            t.bytes("1b 5b 31 34 7e"); // ESC [ 1 4 ~ : F4 as PuTTY and vt220 send it
            t.waitFor("/=Find");
            t.bytes("1b 4f 52"); // ESC O R : F3 as xterm sends it
            t.waitForGone("/=Find");
            t.bytes("1b 5b 30 30 34 71"); // ESC [ 0 0 4 q : F4 as aixterm sends it
            t.waitFor("/=Find");
            t.keys("Down", "Enter");
            t.waitFor("[w2]");
            t.keys("Escape");
            sleep(300);
            t.keys("0");
            t.waitFor("rc=0");
        }
    }

    @Test
    void resizeRedrawsWithoutAKeyAndASmallWindowDoesNotCrash() throws IOException {
        try (Tmux t = tmux(80, 24)) {
            t.line(demo("") + "; echo rc=$?");
            t.waitFor(MENU_LEGEND);
            t.resize(100, 30);
            String s = t.waitFor(x -> x.split("\n", -1).length >= 30 && x.split("\n", -1)[29].startsWith("F9=Shell"),
                    5000, "the legend on the last row of 30");
            assertThat(s).contains("  Using SMIT (information only)");
            t.resize(40, 12);
            t.waitFor("smitty needs a terminal of at least 80");
            t.keys("Down", "Enter", "F3");
            t.resize(80, 24);
            t.waitFor(MENU_LEGEND);
            assertThat(t.screen()).doesNotContain("[Entry Fields]");
            t.keys("F10");
            t.waitFor("rc=0");
        }
    }

    @Test
    void ctrlCIsTrappedAndF9RunsTheShell() throws IOException {
        try (Tmux t = tmux(80, 24)) {
            t.line(demo("") + "; echo rc=$?");
            t.waitFor(MENU_LEGEND);
            t.keys("Enter");
            t.waitFor("[Entry Fields]");
            t.keys("C-c");
            t.waitFor(MENU_LEGEND);
            t.keys("F9");
            t.waitFor(s -> !s.contains(MENU_LEGEND), 5000, "the shell");
            sleep(500);
            t.line("echo shell-env=$SMITTY_DEMO_SHELL; stty -a | grep -c ' icanon' ");
            t.waitFor("shell-env=yes");
            t.line("exit");
            t.waitFor(MENU_LEGEND);
            t.keys("F3");
            t.waitFor("rc=0");
        }
    }

    @Test
    void asciiLineDrawingOutsideUtf8() throws IOException {
        assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
        try (Tmux t = new Tmux(80, 24, Map.of("LANG", "C", "TERM", "xterm"))) {
            t.line(demo("") + "; echo rc=$?");
            t.waitFor(MENU_LEGEND);
            t.keys("Enter");
            t.waitFor("[Entry Fields]");
            t.keys("F4");
            String s = t.waitFor("/=Find");
            assertThat(s).contains(" +--------------------------------------------------------------------------+")
                    .contains(" | Move cursor to desired item and press Enter.                             |");
            t.keys("F10");
            t.waitFor("rc=0");
        }
    }

    @Test
    void withRedirectAllowedTheControllingTerminalIsUsed() throws IOException {
        try (Tmux t = tmux(80, 24)) {
            t.line(demo("-f") + " < /dev/null > out.txt; echo rc=$?");
            t.waitFor(MENU_LEGEND);
            t.keys("F10");
            t.waitFor("rc=0");
            assertThat(Files.readString(t.dir().resolve("out.txt"))).isEqualTo("demo exit 0\n");
        }
    }

    @Test
    void dumbOrMissingTermIsRefusedInOneLine() throws IOException {
        try (Tmux t = tmux(80, 24)) {
            t.line("TERM=dumb " + demo("") + " 2>err1; echo rc=$?");
            t.waitFor("rc=1");
            t.line("env -u TERM " + demo("") + " 2>err2; echo rc=$?");
            t.waitFor(s -> s.split("rc=1", -1).length == 3, 10_000, "the second rc=1");
            assertThat(Files.readAllLines(t.dir().resolve("err1")))
                    .containsExactly("smitty: The terminal type dumb cannot show SMIT screens. Set TERM to the type of"
                            + " this terminal, for example: export TERM=xterm");
            assertThat(Files.readAllLines(t.dir().resolve("err2"))).containsExactly(
                    "smitty: TERM is not set. Set it to the type of this terminal, for example: export TERM=xterm");
        }
    }

    @Test
    void noTerminalIsRefusedInOneLine() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of(demo("").split(" ")));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("TERM", "xterm");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(err).isEqualTo("smitty: Standard input and standard output must be a terminal.\n");
        assertThat(out).isEqualTo("demo exit 1\n");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
