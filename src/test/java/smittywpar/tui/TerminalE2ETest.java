package smittywpar.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.googlecode.lanterna.terminal.Terminal;

import smittywpar.Main;

/**
 * The terminal layer in a real terminal (tmux) with the real smitty, run from the class
 * directories: no size-query hang, tty and screen given back on exit, Esc then digit, raw
 * function-key sequences of PuTTY/xterm/aixterm, resize without a key press, a 40x12 window,
 * Ctrl-C trapped, the F9 shell and its environment, ASCII boxes, {@code -f}, and the one-line
 * refusals (no tty, TERM=dumb, no TERM).
 */
class TerminalE2ETest {
    static final String MENU_LEGEND = "F9=Shell            F10=Exit            Enter=Do";
    private static String java;
    private static String classpath;

    @BeforeAll
    static void locate() throws URISyntaxException {
        java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        classpath = String.join(File.pathSeparator, codeSource(Main.class), codeSource(Terminal.class),
                codeSource(org.yaml.snakeyaml.Yaml.class));
    }

    private static String codeSource(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** The command line that runs {@code name} (smitty, mkwpar ...) from the class directories. */
    static String cmd(String name, String args) {
        return java + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp " + classpath + " -Dapp.name="
                + name + " smittywpar.Main " + args;
    }

    static Tmux tmux(int cols, int rows, String lang) throws IOException {
        assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
        Tmux t = new Tmux(cols, rows, Map.of("LANG", lang, "TERM", "xterm"));
        t.line("export HOME=$PWD SMITTY_WPAR_HOME=$PWD/state SMITTY_WPAR_CLOCK='2026-11-26 10:00:00'; clear");
        return t;
    }

    static Tmux tmux() throws IOException {
        return tmux(80, 24, "C.UTF-8");
    }

    @Test
    void startsRestoresTheTerminalAndTheScreenOnExit() throws IOException {
        try (Tmux t = tmux()) {
            // after.stty is written before rc= is shown: the test reads it as soon as it sees rc=
            t.line("echo before-smitty; stty -g > before.stty; " + cmd("smitty", "") + "; rc=$?;"
                    + " stty -g > after.stty; echo rc=$rc");
            String s = t.waitFor(MENU_LEGEND);
            assertThat(s).contains("                               System Management");
            assertThat(t.alternateScreen()).isTrue();
            t.keys("F10");
            s = t.waitFor("rc=0");
            assertThat(t.alternateScreen()).isFalse();
            assertThat(s).contains("before-smitty").doesNotContain("System Management");
            assertThat(Files.readString(t.dir().resolve("after.stty")))
                    .isEqualTo(Files.readString(t.dir().resolve("before.stty")));
        }
    }

    @Test
    void escThenDigitAndRawFunctionKeys() throws IOException {
        try (Tmux t = tmux()) {
            t.line(cmd("mkwpar", "-n w1") + " > /dev/null; clear; " + cmd("smitty", "startwpar") + "; echo rc=$?");
            t.waitFor("[Entry Fields]");
            t.keys("Escape");
            sleep(300);
            t.keys("4");
            t.waitFor("/=Find");
            assertThat(t.screen()).contains("│   w1");
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
            t.keys("Enter");
            t.waitFor("* Workload Partition Name                            [w1]");
            t.bytes("1b 5b 31 31 7e"); // ESC [ 1 1 ~ : F1 as PuTTY sends it
            t.waitFor("The workload partition to start. F4 lists the defined system workload");
            t.keys("Escape");
            sleep(300);
            t.keys("0");
            t.waitFor("rc=0");
        }
    }

    /**
     * Issue 11 in a real terminal: the selector refuses an unknown name (item 5), Change / Show
     * General sets and clears in two chwpar lines (item 1) and shows the resource controls (item 2),
     * and a long output opens at its top (item 3).
     */
    @Test
    void changeShowSelectorTwoLinesResourcesAndOutputFromTheTop() throws IOException {
        try (Tmux t = tmux()) {
            t.line(cmd("mkwpar", "-n web01 -h webprod.lab -i") + " > /dev/null; " + cmd("mkwpar", "-n web02")
                    + " > /dev/null; clear; " + cmd("smitty", "chwpar") + "; echo rc=$?");
            t.waitFor("* Workload Partition Name                            []");
            t.type("web01web01");
            t.keys("Enter");
            String s = t.waitFor("ERROR MESSAGE");
            assertThat(s).contains("lswpar: 0960-419 Could not find a workload partition called web01web01.");
            t.keys("Enter");
            t.waitForGone("ERROR MESSAGE");
            t.keys("BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "Enter");
            t.waitFor("  NEW Workload Partition Name");
            // the cursor starts on NEW name; down to Start at system boot? and WPAR-Specific Routing?
            t.keys("Down", "Down", "Down", "Down", "Tab", "Down", "Down", "Tab");
            t.waitFor("  WPAR-Specific Routing?                              no");
            t.keys("Down", "Down", "Down", "Down", "Down");
            t.type("20");
            s = t.waitFor("[20]");
            assertThat(s).contains("  Resource Controls").contains("      CPU Shares                                     [20]");
            t.keys("F6");
            s = t.waitFor("SHOW COMMAND STRING");
            assertThat(s).contains("chwpar -K -i 'web01'").contains("chwpar -A -R shares_CPU='20' 'web01'");
            t.keys("F3");
            t.waitForGone("SHOW COMMAND STRING");
            t.keys("Enter");
            s = t.waitFor("Command: OK");
            assertThat(s).contains(">> chwpar -K -i 'web01'").contains(">> chwpar -A -R shares_CPU='20' 'web01'");
            t.keys("F10");
            t.waitFor("rc=0");
            t.line("clear; " + cmd("smitty", "lsfs_sys") + "; echo rc=$?");
            s = t.waitFor("Command: OK");
            String[] rows = s.split("\n", -1);
            assertThat(rows[6]).isEqualTo("[TOP]");
            assertThat(rows[7]).startsWith("Name   MountPoint");
            assertThat(s).contains("[MORE...");
            t.keys("F10");
            t.waitFor("rc=0");
            assertThat(Files.readString(t.dir().resolve("smit.script"))).contains("chwpar -K -i 'web01'\n")
                    .contains("chwpar -A -R shares_CPU='20' 'web01'\n").doesNotContain("web01web01");
            t.line("clear; " + cmd("lswpar", "-cqa routing,auto web01") + "; " + cmd("lswpar", "-cqR -a shares_CPU web01"));
            t.waitFor("no:yes");
            t.waitFor(x -> x.contains("\n20\n"), 15_000, "shares_CPU 20");
        }
    }

    @Test
    void softwareMaintenanceMenuSynchronizesTheMarkedWpars() throws IOException {
        try (Tmux t = tmux()) {
            t.line(cmd("mkwpar", "-n w1") + " > /dev/null; " + cmd("mkwpar", "-n w2") + " > /dev/null; "
                    + cmd("installp", "-acgXd /usr/sys/inst.images bos.wpars") + " > /dev/null; clear; "
                    + cmd("smitty", "syncwpar_menu") + "; echo rc=$?");
            t.waitFor("Synchronize Detached Workload Partition Software");
            t.keys("Enter");
            String s = t.waitFor("Synchronize System Workload Partition Software");
            s = t.waitFor("  PREVIEW only?");
            assertThat(s).contains("  Workload Partition Names                           []                      +")
                    .contains("  VERBOSE output?                                     no                     +");
            t.keys("F4");
            s = t.waitFor("ONE OR MORE items can be selected.");
            assertThat(s).contains("w1    no").contains("w2    no");
            t.keys("F7", "Down", "F7", "Enter");
            t.waitFor("[w1 w2]");
            t.keys("Down", "Down", "Tab");
            t.waitFor("  PREVIEW only?                                       yes                    +");
            t.keys("F6");
            s = t.waitFor("SHOW COMMAND STRING");
            assertThat(s).contains("syncwpar -p 'w1' 'w2'");
            t.keys("F3");
            t.waitForGone("SHOW COMMAND STRING");
            t.keys("Enter");
            s = t.waitFor("Command: OK");
            assertThat(s).contains("Synchronizing workload partition w1 (1 of 2).");
            t.keys("F10");
            t.waitFor("rc=0");
            assertThat(Files.readString(t.dir().resolve("smit.script"))).contains("syncwpar -p 'w1' 'w2'\n");
        }
    }

    @Test
    void resizeRedrawsWithoutAKeyAndASmallWindowDoesNotCrash() throws IOException {
        try (Tmux t = tmux()) {
            t.line(cmd("smitty", "") + "; echo rc=$?");
            t.waitFor(MENU_LEGEND);
            assertThat(t.screen()).contains("[MORE...").doesNotContain("Cluster Systems Management");
            t.resize(100, 30);
            String s = t.waitFor(x -> x.split("\n", -1).length >= 30 && x.split("\n", -1)[29].startsWith("F9=Shell"),
                    5000, "the legend on the last row of 30");
            assertThat(s).contains("  Cluster Systems Management").doesNotContain("[MORE...");
            t.resize(40, 12);
            t.waitFor("smitty needs a terminal of at least 80");
            t.keys("Down", "Enter", "F3");
            t.resize(80, 24);
            t.waitFor(MENU_LEGEND);
            s = t.screen();
            assertThat(s).contains("                               System Management");
            t.keys("F10");
            t.waitFor("rc=0");
        }
    }

    @Test
    void ctrlCIsTrappedAndF9RunsTheShellWithTheSessionsEnvironment() throws IOException {
        try (Tmux t = tmux()) {
            t.line(cmd("smitty", "wpar") + "; echo rc=$?");
            t.waitFor(MENU_LEGEND);
            t.keys("Down", "Enter");
            t.waitFor("Administer SYSTEM Workload Partitions");
            t.waitFor("  Remove a System Workload Partition");
            t.keys("C-c");
            t.waitFor("  Administer APPLICATION Workload Partitions");
            t.keys("F9");
            t.waitFor(s -> !s.contains(MENU_LEGEND), 5000, "the shell");
            sleep(300);
            t.line("echo home=$SMITTY_WPAR_HOME; echo first=${PATH%%:*}; stty -a | grep -o ' icanon'");
            // the typed line holds "first=" and "' icanon'" too: wait for the last line of the output
            String s = t.waitFor(x -> x.contains("\n icanon"), 10000, "the shell's output");
            assertThat(s).contains("home=" + t.dir().resolve("state")).contains(" icanon")
                    .contains("first=" + Path.of(System.getProperty("smittywpar.project.dir", ".")).toAbsolutePath()
                            .normalize().resolve("bin"));
            t.line("exit");
            t.waitFor(MENU_LEGEND);
            t.waitFor("  Administer APPLICATION Workload Partitions");
            t.keys("F3");
            t.waitFor("rc=0");
        }
    }

    @Test
    void asciiBoxesOutsideUtf8AndWithTheFlag() throws IOException {
        String ascii = " | Move cursor to desired item and press Enter.                             |";
        try (Tmux t = tmux(80, 24, "C")) {
            t.line(cmd("mkwpar", "-n w1") + " > /dev/null; clear; " + cmd("smitty", "startwpar") + "; echo rc=$?");
            t.waitFor("[Entry Fields]");
            t.keys("F4");
            assertThat(t.waitFor("/=Find")).contains(ascii)
                    .contains(" +--------------------------------------------------------------------------+");
            t.keys("F10");
            t.waitFor("rc=0");
        }
        try (Tmux t = tmux()) {
            t.line(cmd("mkwpar", "-n w1") + " > /dev/null; clear; " + cmd("smitty", "--ascii startwpar")
                    + "; echo rc=$?");
            t.waitFor("[Entry Fields]");
            t.keys("F4");
            assertThat(t.waitFor("/=Find")).contains(ascii);
            t.keys("F10");
            t.waitFor("rc=0");
        }
    }

    @Test
    void unknownFastPathShowsTheErrorAndExitsNonZero() throws IOException {
        try (Tmux t = tmux()) {
            t.line(cmd("smitty", "nosuchpath") + "; echo rc=$?");
            String s = t.waitFor("ERROR MESSAGE");
            assertThat(s).contains("1800-109 There are currently no additional SMIT screen entries available")
                    .contains("The fast path \"nosuchpath\" is not defined.");
            t.keys("Enter");
            t.waitFor("rc=1");
        }
    }

    @Test
    void withRedirectAllowedTheControllingTerminalIsUsed() throws IOException {
        try (Tmux t = tmux()) {
            t.line(cmd("smitty", "-f") + " < /dev/null > out.txt; echo rc=$?");
            t.waitFor(MENU_LEGEND);
            t.keys("F10");
            t.waitFor("rc=0");
            assertThat(Files.readString(t.dir().resolve("out.txt"))).isEmpty();
        }
    }

    @Test
    void dumbOrMissingTermIsRefusedInOneLine() throws IOException {
        try (Tmux t = tmux()) {
            t.line("TERM=dumb " + cmd("smitty", "") + " 2>err1; echo rc=$?");
            t.waitFor("rc=1");
            t.line("env -u TERM " + cmd("smitty", "") + " 2>err2; echo rc=$?");
            t.waitFor(s -> s.split("rc=1", -1).length == 3, 15_000, "the second rc=1");
            assertThat(Files.readAllLines(t.dir().resolve("err1")))
                    .containsExactly("smitty: The terminal type dumb cannot show SMIT screens. Set TERM to the type of"
                            + " this terminal, for example: export TERM=xterm");
            assertThat(Files.readAllLines(t.dir().resolve("err2"))).containsExactly(
                    "smitty: TERM is not set. Set it to the type of this terminal, for example: export TERM=xterm");
        }
    }

    @Test
    void noTerminalIsRefusedInOneLine() throws Exception {
        Path dir = Files.createTempDirectory("notty");
        List<String> command = new ArrayList<>(List.of(cmd("smitty", "").split(" ")));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("TERM", "xterm");
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("SMITTY_WPAR_HOME", dir.resolve("state").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(err).isEqualTo("smitty: Standard input and standard output must be a terminal.\n");
        assertThat(out).isEmpty();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
