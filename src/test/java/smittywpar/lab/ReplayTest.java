package smittywpar.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.testkit.Sim;

/** smitty-wpar replay: every line through the registry, comments skipped, other programs and shell syntax not run. */
class ReplayTest {
    @TempDir
    Path tmp;

    private Path script(String text) throws IOException {
        Path p = tmp.resolve("smit.script");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void runsEachCommandWithItsStatus() throws IOException {
        Path p = script("#\n#  [Nov 26 2026, 10:00:00]\n#\nmkwpar -n 'w1' -N address='192.168.20.71'\n\n"
                + "chwpar -h 'w1.lab' 'w1'\nlswpar -c -q -a name,hostname\n");
        Sim sim = new Sim(tmp.resolve("state"));
        Sim.Result r = sim.run("smitty-wpar replay " + p);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("+ [line 4] mkwpar -n 'w1' -N address='192.168.20.71'\nmkwpar: Creating file systems...\n")
                .contains("[line 4: exit 0]\n+ [line 6] chwpar -h 'w1.lab' 'w1'\n[line 6: exit 0]\n"
                        + "+ [line 7] lswpar -c -q -a name,hostname\nw1:w1.lab\n[line 7: exit 0]\n"
                        + "3 commands run, 0 failed, 0 lines not run.\n");
    }

    @Test
    void otherProgramsAndShellSyntaxAreReportedNotRun() throws IOException {
        Path marker = tmp.resolve("pwned");
        Path p = script("touch " + marker + "\nlswpar | tee " + marker + "\nlswpar; rm -rf /\nmkwpar -n w1 > /dev/null\n"
                + "lswpar nosuch\nmkwpar -n w2\n");
        Sim sim = new Sim(tmp.resolve("state"));
        Sim.Result r = sim.run("smitty-wpar replay " + p);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("[line 1: not run: touch is not an AIX command of smitty-wpar]\n")
                .contains("[line 2: not run: shell syntax")
                .contains("[line 3: not run: shell syntax")
                .contains("[line 4: not run: shell syntax")
                .contains("[line 5: exit 1]\n")
                .contains("[line 6: exit 0]\n")
                .endsWith("2 commands run, 1 failed, 4 lines not run.\n");
        assertThat(r.err()).contains("lswpar: 0960-419");
        assertThat(marker).doesNotExist();
        assertThat(sim.run("lswpar -cqa name").out()).isEqualTo("w2\n");
    }

    @Test
    void dryRunChangesNothingAndStopOnErrorStops() throws IOException {
        Path p = script("mkwpar -n w1\nmkwpar -Q\nmkwpar -n w2\n");
        Sim sim = new Sim(tmp.resolve("state"));
        sim.run("lswpar");
        Map<String, String> before = sim.snapshot();
        Sim.Result dry = sim.run("smitty-wpar replay --dry-run " + p);
        assertThat(dry.exit()).isEqualTo(1);
        assertThat(dry.out()).contains("[line 1: parses; not run (--dry-run)]").contains("[line 2: exit 1]")
                .endsWith("Dry run: nothing was run; 1 lines do not parse, 0 lines would not be run.\n");
        assertThat(sim.snapshot()).isEqualTo(before);
        Sim.Result stop = sim.run("smitty-wpar replay --stop-on-error " + p);
        assertThat(stop.exit()).isEqualTo(1);
        assertThat(stop.out()).doesNotContain("[line 3");
        assertThat(sim.run("lswpar -cqa name").out()).isEqualTo("w1\n");
    }
}
