package smittywpar.cmd;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.testkit.Sim;

/**
 * wparexec waits for its application as AIX's does: while a short command runs the WPAR is
 * Active (other commands see it), a long-running application keeps wparexec waiting until
 * stopwpar ends it (status 143), and an interrupted wparexec (130) leaves the application running.
 */
class WparexecTest {
    @TempDir
    Path tmp;
    Sim sim;

    @BeforeEach
    void setUp() {
        sim = new Sim(tmp.resolve("home"));
        sim.run("lswpar");
    }

    private String state(String name) {
        return sim.run("lswpar -cqa state,type " + name).out();
    }

    private void awaitState(String name, String expected) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!state(name).equals(expected)) {
            assertThat(System.nanoTime()).as("%s never became %s", name, expected).isLessThan(end);
            Thread.sleep(20);
        }
    }

    @Test
    void aLongRunningApplicationKeepsWparexecWaitingUntilStopwpar() throws Exception {
        CompletableFuture<Sim.Result> run = CompletableFuture.supplyAsync(
                () -> sim.run("wparexec -n web1 -N address=192.168.20.50 /opt/app/bin/server --port 80"));
        awaitState("web1", "A:A\n");
        Thread.sleep(1200);
        assertThat(run).as("wparexec waits while its application runs").isNotDone();
        assertThat(sim.run("ps -f -@ web1").out()).contains("/usr/lib/wpars/vinit").contains("/opt/app/bin/server --port 80");
        Sim.Result stop = sim.run("stopwpar web1");
        assertThat(stop.exit()).as(stop.err()).isZero();
        Sim.Result r = run.get(30, TimeUnit.SECONDS);
        assertThat(r.exit()).isEqualTo(143);
        assertThat(r.out()).isEqualTo("Starting workload partition web1.\nMounting all workload partition file systems.\n"
                + "Loading workload partition.\n");
        assertThat(r.err()).isEmpty();
        assertThat(sim.run("lswpar web1").exit()).isEqualTo(1);
    }

    @Test
    void anInterruptedWparexecLeavesItsApplicationRunning() throws Exception {
        AtomicReference<Sim.Result> result = new AtomicReference<>();
        Thread t = new Thread(() -> result.set(sim.run("wparexec -n web1 /opt/app/bin/server")));
        t.start();
        awaitState("web1", "A:A\n");
        while (t.getState() != Thread.State.TIMED_WAITING) {
            Thread.sleep(10); // until it waits between two looks at its application
        }
        t.interrupt();
        t.join(30_000);
        assertThat(t.isAlive()).isFalse();
        assertThat(result.get().exit()).as(result.get().err()).isEqualTo(130);
        assertThat(state("web1")).isEqualTo("A:A\n");
        assertThat(sim.run("stopwpar web1").exit()).isZero();
        assertThat(sim.run("lswpar").out()).isEmpty();
    }

    /**
     * Ctrl-C the moment "Loading workload partition." shows (the interrupt lands in the flush
     * that shows it): wparexec stops waiting (130), the application runs on; no read of the
     * state is interrupted on the way (that closed the state files: 0960-600, status 1).
     */
    @Test
    void anInterruptAsSoonAsItsOutputShowsStopsTheWait() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, false, UTF_8) {
            @Override
            public void flush() {
                super.flush();
                if (bytes.toString(UTF_8).contains("Loading workload partition.")) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(errBytes, true, UTF_8);
        int[] rc = new int[1];
        Thread t = new Thread(() -> rc[0] = Commands.run(new Invocation("wparexec",
                List.of("-n", "web1", "/opt/app/bin/server"), new ByteArrayInputStream(new byte[0]),
                out, err, sim.env(), tmp)));
        t.start();
        t.join(30_000);
        assertThat(t.isAlive()).isFalse();
        assertThat(errBytes.toString(UTF_8)).isEmpty();
        assertThat(rc[0]).isEqualTo(130);
        assertThat(bytes.toString(UTF_8)).endsWith("Loading workload partition.\n");
        assertThat(state("web1")).isEqualTo("A:A\n");
        assertThat(sim.run("stopwpar web1").exit()).isZero();
    }

    @Test
    void theWparIsActiveWhileItsCommandRunsAndGoneAfter() throws Exception {
        CompletableFuture<Sim.Result> run = CompletableFuture.supplyAsync(
                () -> sim.run("wparexec -n s1 /usr/bin/sleep 2"));
        awaitState("s1", "A:A\n");
        assertThat(sim.run("ps -ef@").out()).contains("/usr/bin/sleep 2");
        Sim.Result r = run.get(30, TimeUnit.SECONDS);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).endsWith("Shutting down all workload partition processes.\n"
                + "Unmounting all workload partition file systems.\n");
        assertThat(sim.run("lswpar").out()).isEmpty();
        assertThat(sim.run("ps -ef@").out()).doesNotContain("sleep");
    }

    @Test
    void inTheBackgroundItReturnsOnceTheApplicationHasStarted() {
        Sim.Result r = sim.run("wparexec -n web1 /opt/app/bin/server &");
        assertThat(r.exit()).isZero();
        assertThat(state("web1")).isEqualTo("A:A\n");
        // a command the shell knows runs to its end even so
        Sim.Result e = sim.run("wparexec -n e1 /usr/bin/false &");
        assertThat(e.exit()).isEqualTo(1);
        assertThat(sim.run("lswpar -cqa name").out()).isEqualTo("web1\n");
    }
}
