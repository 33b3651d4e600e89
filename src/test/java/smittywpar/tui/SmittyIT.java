package smittywpar.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The acceptance scenarios of the smitty screens, as a new user would try them: the real
 * launcher {@code bin/smitty} (after {@code mvn package}) in a real terminal (tmux), keys typed,
 * the screen read back, then the AIX commands in the same shell.
 */
class SmittyIT {
    private static final Path PROJECT = Path.of(System.getProperty("smittywpar.project.dir", ".")).toAbsolutePath()
            .normalize();

    private static Tmux shell() throws IOException {
        assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
        Tmux t = new Tmux(80, 24, Map.of("LANG", "C.UTF-8", "TERM", "xterm"));
        t.line("export PATH=" + PROJECT.resolve("bin") + ":$PATH HOME=$PWD SMITTY_WPAR_HOME=$PWD/state; clear");
        return t;
    }

    @Test
    void createAWparFromTheFastPathAndFindItWithLswparAndInSmitScript() throws IOException {
        try (Tmux t = shell()) {
            t.line("smitty mkwpar; echo rc=$?");
            String s = t.waitFor("* Workload Partition Name                            []");
            assertThat(s).contains("Create a System Workload Partition").contains("[Entry Fields]");
            t.type("syswpar1");
            t.waitFor("[syswpar1]");
            t.keys("Enter");
            s = t.waitFor("Command: OK");
            assertThat(s).contains("COMMAND STATUS").contains("stdout: yes").contains("stderr: no");
            t.keys("F3");
            t.waitFor("* Workload Partition Name                            [syswpar1]");
            t.keys("F6");
            s = t.waitFor("SHOW COMMAND STRING");
            assertThat(s).contains("mkwpar -n 'syswpar1'");
            t.keys("F10");
            t.waitFor("rc=0");
            t.line("clear; lswpar; cat smit.script");
            t.waitFor("syswpar1  D      S     syswpar1  /wpars/syswpar1  no");
            s = t.waitFor("mkwpar -n 'syswpar1'");
            assertThat(s).contains("Name      State  Type  Hostname  Directory        RootVG WPAR");
            assertThat(Files.readString(t.dir().resolve("smit.script"))).contains("mkwpar -n 'syswpar1'\n");
        }
    }

    @Test
    void startAWparThroughTheMenusWithEscDigitKeys() throws IOException {
        try (Tmux t = shell()) {
            t.line("mkwpar -n w1 > /dev/null && clear && smitty; echo rc=$?");
            t.waitFor("                               System Management");
            for (int i = 0; i < 7; i++) {
                t.keys("Down");
            }
            t.keys("Enter");
            t.waitFor("                       Workload Partition Administration");
            t.keys("Down", "Enter");
            t.waitFor("                     Administer SYSTEM Workload Partitions");
            t.keys("Down", "Down", "Enter");
            t.waitFor("Start / Stop / Reboot a System Workload Partition");
            t.waitFor("  Start a System Workload Partition in Maintenance Mode");
            t.keys("Enter");
            t.waitFor("[Entry Fields]");
            t.keys("Escape");
            TerminalE2ETest.sleep(300);
            t.keys("4");
            String s = t.waitFor("/=Find");
            assertThat(s).contains("│   w1");
            t.keys("Enter");
            t.waitFor("* Workload Partition Name                            [w1]");
            t.keys("Enter");
            s = t.waitFor("Command: OK");
            assertThat(s).contains("COMMAND STATUS");
            t.keys("Escape");
            TerminalE2ETest.sleep(300);
            t.keys("0");
            t.waitFor("rc=0");
            t.line("clear; lswpar w1");
            t.waitFor("w1    A      S     w1        /wpars/w1  no");
        }
    }
}
