package smittywpar.cmd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.testkit.Consistency;
import smittywpar.testkit.Proc;
import smittywpar.testkit.Sim;

/**
 * restwpar killed (kill -9) at any moment: the host is as before (no WPAR) or has the WPAR
 * complete, every file of it byte for byte; never half of it.
 */
class BackupCrashTest {
    @TempDir
    Path tmp;

    private Sim saved() {
        Sim sim = new Sim(tmp.resolve("state"));
        for (String line : List.of("mkwpar -n k1 -N address=192.168.20.61 -M directory=/data size=64M",
                "startwpar k1", "clogin k1 'mkdir /data/d; echo one > /data/d/a; echo two > /etc/motd; rm /etc/services'",
                "savewpar -f /tmp/k1.bk k1", "rmwpar -F k1")) {
            Sim.Result r = sim.run(line);
            assertThat(r.exit()).as(line + ": " + r.err()).isZero();
        }
        return sim;
    }

    /** No WPAR k1, or k1 with exactly the files of the backup. */
    private static void oldOrComplete(Sim sim, Map<String, String> image) throws Exception {
        Sim.Result list = sim.run("lswpar -c -q -a name");
        assertThat(list.exit()).as(list.err()).isZero();
        Consistency.check(sim.env());
        if (list.out().isEmpty()) {
            assertThat(sim.run("lsvg -l rootvg").out()).doesNotContain("/wpars/k1");
            Path stored = sim.home().resolve("wparfs/%2Fwpars%2Fk1");
            if (Files.exists(stored)) {
                try (var files = Files.walk(stored)) {
                    assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
                }
            }
            return;
        }
        assertThat(list.out()).isEqualTo("k1\n");
        assertThat(sim.run("savewpar -f /tmp/again.bk k1").exit()).isZero();
        Map<String, String> again = BackupRoundTripTest.members(sim, "fs/tmp/again.bk");
        Map<String, String> first = new HashMap<>(image);
        first.remove("./.savewpar_dir/image.data");
        again.remove("./.savewpar_dir/image.data");
        assertThat(again).isEqualTo(first);
        assertThat(sim.run("rmwpar k1").exit()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"temps", "journal", "apply"})
    void aRestoreKilledAtACommitStepLeavesTheOldHostOrTheWholeWpar(String step) throws Exception {
        Sim sim = saved();
        Map<String, String> image = BackupRoundTripTest.members(sim, "fs/tmp/k1.bk");
        Map<String, String> env = new HashMap<>(sim.env());
        env.put("SMITTY_WPAR_CRASH_AT", step);
        Proc.Result crashed = Proc.run(env, "restwpar", "-f", "/tmp/k1.bk");
        assertThat(crashed.exit()).isEqualTo(137);
        assertThat(sim.run("lswpar -c -q -a name").out()).isEqualTo(step.equals("temps") ? "" : "k1\n");
        assertThat(Files.exists(sim.home().resolve(".tx"))).isFalse();
        oldOrComplete(sim, image);
    }

    @Test
    void aRestoreKilledAtRandomMomentsIsNeverHalfDone() throws Exception {
        Sim sim = saved();
        Map<String, String> image = BackupRoundTripTest.members(sim, "fs/tmp/k1.bk");
        Random random = new Random(7);
        for (int round = 0; round < 6; round++) {
            ProcessBuilder pb = Proc.builder(sim.env(), "restwpar", List.of("-f", "/tmp/k1.bk"));
            pb.redirectErrorStream(true);
            Process p = pb.start();
            Thread.sleep(200 + random.nextInt(1200));
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            oldOrComplete(sim, image);
        }
    }
}
