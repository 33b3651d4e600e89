package smittywpar.cmd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import smittywpar.testkit.Consistency;
import smittywpar.testkit.Proc;
import smittywpar.testkit.Sim;

/**
 * The whole life of an application WPAR whose command ends at once (made Transitional, Active
 * while the command runs, removed) is one transaction: a wparexec killed (kill -9) at any moment,
 * or at any step of its commit, leaves no WPAR behind (never a Transitional one), a state the
 * next command takes, and the name free for the next wparexec.
 */
class WparexecCrashTest {
    @TempDir
    Path tmp;

    private Sim host() {
        Sim sim = new Sim(tmp.resolve("state"));
        Sim.Result r = sim.run("mkwpar -n s1 -N address=192.168.20.61");
        assertThat(r.exit()).as(r.err()).isZero();
        return sim;
    }

    /** No WPAR but s1, nothing left of k1, and k1 can be made again. */
    private static void nothingLeft(Sim sim) {
        Sim.Result list = sim.run("lswpar -c -q -a name,state");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).isEqualTo("s1:D\n");
        Consistency.check(sim.env());
        assertThat(Files.exists(sim.home().resolve(".tx"))).isFalse();
        assertThat(Files.exists(sim.home().resolve("wpars/k1.cf"))).isFalse();
        Sim.Result again = sim.run("wparexec -n k1 /usr/bin/echo again");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("again\n");
        assertThat(sim.run("lswpar -c -q -a name").out()).isEqualTo("s1\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"temps", "journal", "apply"})
    void aWparexecKilledAtACommitStepLeavesNoWpar(String step) {
        Sim sim = host();
        Map<String, String> env = new HashMap<>(sim.env());
        env.put("SMITTY_WPAR_CRASH_AT", step);
        Proc.Result crashed = Proc.run(env, "wparexec", "-n", "k1", "/usr/bin/echo", "hello");
        assertThat(crashed.exit()).isEqualTo(137);
        // the command ran before the one commit of its whole life
        assertThat(crashed.out()).contains("Loading workload partition.\nhello\n");
        nothingLeft(sim);
    }

    @Test
    void aWparexecKilledAtRandomMomentsLeavesNoWpar() throws Exception {
        Sim sim = host();
        Random random = new Random(12);
        for (int round = 0; round < 6; round++) {
            ProcessBuilder pb = Proc.builder(sim.env(), "wparexec", List.of("-n", "k1", "/usr/bin/ls", "/"));
            pb.redirectErrorStream(true);
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            Thread.sleep(150 + random.nextInt(1500));
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            nothingLeft(sim);
            assertThat(sim.run("rmwpar k1").exit()).isEqualTo(1); // gone after the wparexec of nothingLeft too
        }
    }

    @Test
    void aShortCommandLeavesTheWparIndexUntouched() throws Exception {
        Sim sim = host();
        Path index = sim.home().resolve("wpars.idx");
        byte[] before = Files.readAllBytes(index);
        FileTime when = Files.getLastModifiedTime(index);
        Sim.Result r = sim.run("wparexec -n k1 /usr/bin/hostname");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("k1\n");
        assertThat(Files.readAllBytes(index)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(index)).isEqualTo(when);
        assertThat(sim.run("lswpar -c -q -a name").out()).isEqualTo("s1\n");
    }
}
