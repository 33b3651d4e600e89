package smittywpar.smit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test hook {@link CommandRunner#ENV_HOLD}: while its file exists, a command whose output
 * goes to COMMAND STATUS as it comes waits after each line; removing the file lets it go on to
 * its end with all its output; Ctrl-C ends it while it waits; a command run for its output only
 * (discover, F4 lists) never waits.
 */
class CommandRunnerHoldTest {
    @TempDir
    Path dir;

    private Path hold;

    private CommandRunner runner() {
        hold = dir.resolve("hold");
        return new CommandRunner(Map.of("SMITTY_WPAR_HOME", dir.resolve("state").toString(), "SMITTY_WPAR_CLOCK",
                "2026-11-26 10:00:00", CommandRunner.ENV_HOLD, "hold"), dir);
    }

    private static void until(List<?> lines, int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (lines.size() < n && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertThat(lines).hasSizeGreaterThanOrEqualTo(n);
    }

    @Test
    void aHeldCommandWaitsAfterItsFirstLineUntilTheFileGoes() throws Exception {
        CommandRunner r = runner();
        List<String> all = r.run(List.of("mkwpar", "-n", "w0")).stdout();
        assertThat(all.size()).isGreaterThan(10);
        Files.createFile(hold);
        List<View.OutputLine> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<CommandRunner.Result> run = CompletableFuture.supplyAsync(
                () -> r.run(List.of("mkwpar", "-n", "w1"), seen::add, new CommandRunner.Interrupt()));
        until(seen, 1);
        assertThat(seen.get(0).text()).isEqualTo(all.get(0));
        assertThat(run).as("held after its first line").failsWithin(300, TimeUnit.MILLISECONDS)
                .withThrowableOfType(TimeoutException.class);
        assertThat(seen).hasSize(1);
        Files.delete(hold);
        CommandRunner.Result res = run.get(20, TimeUnit.SECONDS);
        assertThat(res.exitCode()).isZero();
        assertThat(res.stdout()).hasSize(all.size()).isEqualTo(seen.stream().map(View.OutputLine::text).toList());
    }

    @Test
    void ctrlCEndsAHeldCommandAndItChangesNothing() throws Exception {
        CommandRunner r = runner();
        Files.createFile(hold);
        List<View.OutputLine> seen = new CopyOnWriteArrayList<>();
        CommandRunner.Interrupt stop = new CommandRunner.Interrupt();
        CompletableFuture<CommandRunner.Result> run = CompletableFuture.supplyAsync(
                () -> r.run(List.of("mkwpar", "-n", "w1"), seen::add, stop));
        until(seen, 1);
        stop.interrupt();
        CommandRunner.Result res = run.get(20, TimeUnit.SECONDS);
        assertThat(res.exitCode()).isEqualTo(CommandRunner.INTERRUPTED);
        assertThat(res.lines()).hasSize(1);
        assertThat(Files.exists(hold)).isTrue();
        assertThat(r.run(List.of("lswpar", "w1")).exitCode()).as("mkwpar never committed").isNotZero();
    }

    @Test
    void aCommandRunForItsOutputOnlyNeverWaits() throws IOException, InterruptedException, ExecutionException,
            TimeoutException {
        CommandRunner r = runner();
        Files.createFile(hold);
        CommandRunner.Result res = CompletableFuture.supplyAsync(() -> r.run(List.of("lsvg"))).get(20,
                TimeUnit.SECONDS);
        assertThat(res.exitCode()).isZero();
        assertThat(res.stdout()).contains("rootvg");
    }
}
