package smittywpar.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import smittywpar.smit.CommandRunner;

/**
 * The backup round trip as an admin does it in smitty, with the real launcher {@code bin/smitty}
 * in a real terminal (tmux) on a fresh state directory: a file is written inside a running WPAR
 * with clogin, the WPAR is backed up through the Backup Manager's savewpar dialog (COMMAND
 * STATUS says {@code running}, refuses F3 and F10, then says {@code OK}), removed through the
 * Remove dialog, restored and started through the restwpar dialog; lswpar -L (UUID aside) and
 * the file read back with clogin are the same as before, byte for byte.
 *
 * <p>savewpar of a small WPAR ends in a fraction of a second, before a terminal could be read:
 * the test hook {@link CommandRunner#ENV_HOLD} keeps each line it writes waiting while the
 * hold file exists, so the test sees the command running for as long as it needs, on a quiet
 * or a loaded machine alike, and lets it go on by removing the file.
 */
class BackupRestoreIT {
    private static final Path PROJECT = SeedSessionIT.PROJECT;
    /** Long enough for a JVM start and a command on a loaded machine; waits end as soon as the screen is there. */
    private static final long LONG = 90_000;
    private static final String LEGEND = "F9=Shell            F10=Exit            Enter=Do";

    private static String until(Tmux t, String text) throws IOException {
        return t.waitFor(s -> s.contains(text), LONG, "\"" + text + "\"");
    }

    /** Waits for the menu or dialog whose title (centred on the first line) is {@code title}. */
    private static String screen(Tmux t, String title) throws IOException {
        return t.waitFor(s -> s.lines().findFirst().orElse("").strip().equals(title) && s.contains(LEGEND), LONG,
                "the screen \"" + title + "\"");
    }

    /** Waits until the bytes written to the terminal since {@code raw} was piped hold {@code n} bells. */
    private static void bells(Path raw, int n) throws IOException {
        long end = System.nanoTime() + LONG * 1_000_000L;
        long seen = 0;
        while (System.nanoTime() < end) {
            seen = Files.exists(raw) ? new String(Files.readAllBytes(raw), StandardCharsets.ISO_8859_1).chars()
                    .filter(c -> c == 7).count() : 0;
            if (seen >= n) {
                return;
            }
            TerminalE2ETest.sleep(20);
        }
        throw new AssertionError("waited for " + n + " bells, the terminal rang " + seen);
    }

    private static String uuidAside(Path file) throws IOException {
        return Files.readString(file).replaceAll("(?m)^UUID: .*$", "UUID:");
    }

    @Test
    void backUpRemoveAndRestoreAWparThroughSmitty() throws IOException {
        assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
        try (Tmux t = new Tmux(80, 24, Map.of("LANG", "C.UTF-8", "TERM", "xterm"))) {
            Path hold = t.dir().resolve("hold");
            t.line("export PATH=" + PROJECT.resolve("bin") + ":$PATH HOME=$PWD SMITTY_WPAR_HOME=$PWD/state "
                    + CommandRunner.ENV_HOLD + "=" + hold + "; clear");
            // a running WPAR with a file of our own inside, as clogin writes it and reads it back
            t.line("mkwpar -n w1 > /dev/null && startwpar w1 > /dev/null"
                    + " && clogin w1 'echo \"notes of w1\" > /home/notes.txt; echo \"a  b   c\" >> /home/notes.txt;"
                    + " ls -l /etc >> /home/notes.txt; date >> /home/notes.txt'"
                    + " && clogin w1 cat /home/notes.txt > before.txt && lswpar -L w1 > before.L; echo before-rc=$?");
            until(t, "before-rc=0");
            assertThat(Files.readString(t.dir().resolve("before.txt"))).startsWith("notes of w1\na  b   c\n")
                    .contains("hosts");

            // the Backup Manager, from smitty wpar down
            t.line("clear; smitty wpar; echo smitty-rc=$?");
            screen(t, "Workload Partition Administration");
            t.keys("Home", "Down", "Enter");
            screen(t, "Administer SYSTEM Workload Partitions");
            t.keys("End", "Enter");
            screen(t, "System Workload Partition Backup Manager");
            t.keys("Home", "Enter");
            screen(t, "Back Up a System Workload Partition");
            t.keys("Home", "Enter");
            screen(t, "Back Up a Workload Partition");
            until(t, "* Workload Partition Name                            []");
            t.type("w1");
            until(t, "* Workload Partition Name                            [w1]");
            t.keys("Down");
            t.type("/tmp/w1.bk");
            until(t, "* Backup DEVICE or FILE                              [/tmp/w1.bk]");
            t.keys("Down", "Down", "Down", "Tab");
            until(t, "  List files as they are backed up?                   yes");
            t.keys("F6");
            String s = until(t, "SHOW COMMAND STRING");
            assertThat(s).contains("savewpar -f '/tmp/w1.bk' -v -i 'w1'");
            t.keys("F3");
            t.waitForGone("SHOW COMMAND STRING");

            // savewpar runs: COMMAND STATUS says running while it is held; Ctrl-C ends it (failed)
            Files.createFile(hold);
            t.keys("Enter");
            until(t, "Command: running       stdout: yes           stderr: no");
            t.keys("C-c");
            s = until(t, "Command: failed");
            assertThat(s).contains("Command: failed        stdout: yes           stderr: no");
            t.keys("F3");
            screen(t, "Back Up a Workload Partition");
            until(t, "* Backup DEVICE or FILE                              [/tmp/w1.bk]");

            // again: running while it is held, F3 and F10 refused
            t.keys("Enter");
            // (its first line, held, is blank: stdout says yes once it is there)
            s = until(t, "Command: running       stdout: yes           stderr: no");
            assertThat(s.lines().findFirst().orElse("").strip()).isEqualTo("COMMAND STATUS");
            assertThat(s).doesNotContain("Backup Completed");
            Path raw = t.dir().resolve("raw");
            t.pipe(raw);
            t.keys("F3");
            bells(raw, 1);
            t.keys("F10");
            bells(raw, 2);
            t.pipe(null);
            s = t.screen();
            assertThat(s.lines().findFirst().orElse("").strip()).as(s).isEqualTo("COMMAND STATUS");
            assertThat(s).as("F3 and F10 were refused").contains("Command: running");
            assertThat(Files.readString(t.dir().resolve("smit.log"))).doesNotContain("Backup Completed");

            // let it go on: every file listed, then OK
            Files.delete(hold);
            s = until(t, "Command: OK");
            assertThat(s).contains("Command: OK            stdout: yes           stderr: no");
            t.keys("End");
            s = until(t, "[BOTTOM]");
            assertThat(s).contains("0512-038 savewpar: Backup Completed Successfully.");
            assertThat(Files.readString(t.dir().resolve("smit.log"))).containsPattern("a +\\d+ \\./home/notes\\.txt\n");

            // remove it through the Remove dialog (it runs: stop it first)
            t.keys("F3");
            screen(t, "Back Up a Workload Partition");
            t.keys("F3");
            screen(t, "Back Up a System Workload Partition");
            t.keys("F3");
            screen(t, "System Workload Partition Backup Manager");
            t.keys("F3");
            screen(t, "Administer SYSTEM Workload Partitions");
            t.keys("Home", "Down", "Down", "Down", "Down", "Down", "Enter");
            screen(t, "Remove a System Workload Partition");
            until(t, "* Workload Partition Name                            []");
            t.type("w1");
            t.keys("Down", "Down", "Tab");
            until(t, "  STOP the workload partition before removing?        yes");
            t.keys("Enter");
            until(t, "ARE YOU SURE?");
            t.keys("Enter");
            s = until(t, "Command: OK");
            assertThat(s).contains("COMMAND STATUS");

            // restore it from the file, started
            t.keys("F3");
            screen(t, "Remove a System Workload Partition");
            t.keys("F3");
            screen(t, "Administer SYSTEM Workload Partitions");
            t.keys("End", "Enter");
            screen(t, "System Workload Partition Backup Manager");
            t.keys("Home", "Down", "Enter");
            screen(t, "Restore a Workload Partition");
            until(t, "* Backup DEVICE or FILE                              [/dev/rmt0]");
            t.keys("End");
            for (int i = 0; i < "/dev/rmt0".length(); i++) {
                t.keys("BSpace");
            }
            until(t, "* Backup DEVICE or FILE                              []");
            t.type("/tmp/w1.bk");
            until(t, "* Backup DEVICE or FILE                              [/tmp/w1.bk]");
            for (int i = 0; i < 9; i++) {
                t.keys("Down");
            }
            t.keys("Tab");
            until(t, "  Start workload partition after restore?             yes");
            t.keys("F6");
            s = until(t, "SHOW COMMAND STRING");
            assertThat(s).contains("restwpar -f '/tmp/w1.bk' -s");
            t.keys("F3");
            t.waitForGone("SHOW COMMAND STRING");
            t.keys("Enter");
            s = until(t, "Command: OK");
            assertThat(s).contains("COMMAND STATUS").contains("New volume on /tmp/w1.bk:");
            t.keys("End");
            s = until(t, "[BOTTOM]");
            assertThat(s).contains("Workload partition w1 created successfully.")
                    .contains("Verifying workload partition startup.");
            t.keys("F10");
            until(t, "smitty-rc=0");

            // the same WPAR, the same file
            t.line("clear; clogin w1 cat /home/notes.txt > after.txt && lswpar -L w1 > after.L; echo after-rc=$?");
            until(t, "after-rc=0");
            assertThat(Files.readAllBytes(t.dir().resolve("after.txt")))
                    .isEqualTo(Files.readAllBytes(t.dir().resolve("before.txt")));
            assertThat(uuidAside(t.dir().resolve("after.L"))).isEqualTo(uuidAside(t.dir().resolve("before.L")))
                    .contains("w1 - Active");
            assertThat(Files.readString(t.dir().resolve("smit.script")))
                    .containsSubsequence("savewpar -f '/tmp/w1.bk' -v -i 'w1'\n", "savewpar -f '/tmp/w1.bk' -v -i 'w1'\n",
                            "rmwpar -s 'w1'\n", "restwpar -f '/tmp/w1.bk' -s\n");
            // the savewpar ended by Ctrl-C never completed: one backup did
            String log = Files.readString(t.dir().resolve("smit.log"));
            assertThat(log.split("Backup Completed Successfully", -1)).hasSize(2);
        }
    }
}
