package smittywpar.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * However smitty's JVM ends, the launcher {@code bin/smitty} gives the terminal back: the tty
 * modes as they were and the normal screen, even after kill -9 of the JVM; and the signals that
 * end a session, sent to the launcher, reach the JVM (none is left running without its terminal).
 */
class LauncherSignalsIT {
    private static final Path PROJECT = Path.of(System.getProperty("smittywpar.project.dir", ".")).toAbsolutePath()
            .normalize();

    @ParameterizedTest(name = "{0} to the {1}")
    @CsvSource({"KILL, jvm, 137", "HUP, launcher, 129", "TERM, launcher, 143", "INT, launcher, 143",
        "TERM, jvm, 143"})
    void theTerminalComesBack(String signal, String target, int rc) throws Exception {
        assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
        try (Tmux t = new Tmux(80, 24, Map.of("LANG", "C.UTF-8", "TERM", "xterm"))) {
            t.line("export PATH=" + PROJECT.resolve("bin") + ":$PATH HOME=$PWD SMITTY_WPAR_HOME=$PWD/state;"
                    + " stty -a > before.txt; clear");
            t.line("sh -c 'echo $$ > launcher.pid; exec smitty mkwpar'; echo rc=$?");
            t.waitFor("Create a System Workload Partition");
            assertThat(t.alternateScreen()).isTrue();
            long launcher = Long.parseLong(Files.readString(t.dir().resolve("launcher.pid")).trim());
            ProcessHandle jvm = jvmOf(launcher);
            long victim = target.equals("jvm") ? jvm.pid() : launcher;
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(victim)).inheritIO().start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
            String s = t.waitFor("rc=" + rc);
            assertThat(jvm.onExit().get(20, TimeUnit.SECONDS).isAlive()).isFalse();
            assertThat(t.alternateScreen()).as("alternate screen after %s", s).isFalse();
            t.line("stty -a > after.txt; echo saved-$((40 + 2))");
            t.waitFor("saved-42");
            assertThat(Files.readString(t.dir().resolve("after.txt")))
                    .isEqualTo(Files.readString(t.dir().resolve("before.txt")));
        }
    }

    /** The JVM the launcher started (its child running smittywpar.Main). */
    private static ProcessHandle jvmOf(long launcher) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            Optional<ProcessHandle> p = ProcessHandle.of(launcher).stream().flatMap(ProcessHandle::children)
                    .filter(c -> c.info().commandLine().orElse("").contains("smittywpar.Main")).findFirst();
            if (p.isPresent()) {
                return p.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no JVM under the launcher " + launcher);
    }
}
