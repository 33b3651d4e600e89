package smittywpar.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
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

/** Crashes at every commit step, kill -9 at random moments, and commands racing each other. */
class CrashAndConcurrencyTest {
    @TempDir
    Path tmp;

    private Sim freshSimWithW1() {
        Sim sim = new Sim(tmp.resolve("state"));
        assertThat(sim.run("mkwpar -n w1").exit()).isZero();
        return sim;
    }

    @ParameterizedTest
    @ValueSource(strings = {"temps", "journal", "apply"})
    void aCrashAtAnyCommitStepLeavesTheOldOrTheNewStateWhole(String step) throws IOException {
        Sim sim = freshSimWithW1();
        Map<String, String> env = new HashMap<>(sim.env());
        env.put("SMITTY_WPAR_CRASH_AT", step);
        Proc.Result crashed = Proc.run(env, "mkwpar", "-n", "w2");
        assertThat(crashed.exit()).isEqualTo(137);
        assertThat(Files.exists(sim.home().resolve(".tx"))).isTrue();

        Sim.Result list = sim.run("lswpar -c -q -a name");
        assertThat(list.exit()).isZero();
        // before the journal exists the change is lost; once it exists the change is completed
        assertThat(list.out()).isEqualTo(step.equals("temps") ? "w1\n" : "w1\nw2\n");
        assertThat(Files.exists(sim.home().resolve(".tx"))).isFalse();
        assertThat(Files.exists(sim.home().resolve("journal"))).isFalse();
        Consistency.check(sim.env());
        assertThat(sim.run("mkwpar -n w3").exit()).isZero();
        Consistency.check(sim.env());
    }

    @Test
    void killMinus9AtRandomMomentsNeverLeavesATornState() throws Exception {
        Sim sim = new Sim(tmp.resolve("state"));
        sim.run("lswpar");
        Random random = new Random(42);
        for (int round = 0; round < 12; round++) {
            List<String> cmd = new ArrayList<>(Proc.builder(sim.env(), "x", List.of()).command());
            cmd.set(cmd.size() - 1, "smittywpar.testkit.Churn");
            cmd.removeIf(a -> a.startsWith("-Dapp.name"));
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().putAll(sim.env());
            pb.redirectErrorStream(true);
            Process p = pb.start();
            byte[] first = p.getInputStream().readNBytes(9);
            assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("churning\n");
            Thread.sleep(100 + random.nextInt(900));
            p.destroyForcibly();   // SIGKILL on Unix
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(137);
            Sim.Result r = sim.run("lswpar -c -q -a name");
            assertThat(r.exit()).as("round %d: %s", round, r.err()).isZero();
            Consistency.check(sim.env());
        }
    }

    @Test
    void twoShellsCreatingDifferentWparsAtOnceBothSucceed() throws Exception {
        Sim sim = freshSimWithW1();
        List<Process> ps = new ArrayList<>();
        for (String name : new String[] {"a1", "a2", "a3", "a4"}) {
            ps.add(Proc.builder(sim.env(), "mkwpar", List.of("-n", name)).start());
        }
        for (Process p : ps) {
            p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(err).isZero();
        }
        assertThat(sim.run("lswpar -c -q -a name").out()).isEqualTo("a1\na2\na3\na4\nw1\n");
        Consistency.check(sim.env());
    }

    @Test
    void twoShellsCreatingTheSameWparAtOnce() throws Exception {
        Sim sim = freshSimWithW1();
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ps.add(Proc.builder(sim.env(), "mkwpar", List.of("-n", "same", "-N", "address=192.168.20.99")).start());
        }
        int ok = 0;
        List<String> errors = new ArrayList<>();
        for (Process p : ps) {
            p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            if (p.exitValue() == 0) {
                ok++;
            } else {
                errors.add(err);
            }
        }
        assertThat(ok).isEqualTo(1);
        assertThat(errors).containsExactly("mkwpar: 0960-014 Workload partition same already exists.\n");
        assertThat(sim.run("lswpar -c -q -a name").out()).isEqualTo("same\nw1\n");
        Consistency.check(sim.env());
    }

    @Test
    void aCommandWaitsForTheLockAndSaysSo() throws Exception {
        Sim sim = freshSimWithW1();
        Process p;
        try (FileChannel ch = FileChannel.open(sim.home().resolve(".lock"), StandardOpenOption.WRITE);
                FileLock lock = ch.lock()) {
            p = Proc.builder(sim.env(), "startwpar", List.of("w1")).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            StringBuilder err = new StringBuilder();
            while (!err.toString().contains("\n") && System.nanoTime() < deadline) {
                int b = p.getErrorStream().read();
                if (b < 0) {
                    break;
                }
                err.append((char) b);
            }
            assertThat(err.toString()).isEqualTo("startwpar: Waiting for another workload partition command to"
                    + " finish (state directory " + sim.home() + ").\n");
            assertThat(p.isAlive()).isTrue();
            assertThat(sim.snapshot().get("wpars/w1.cf")).contains("state = \"D\"");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(out).startsWith("Starting workload partition w1.\n");
        assertThat(sim.run("lswpar -c -q -a state w1").out()).isEqualTo("A\n");
    }
}
