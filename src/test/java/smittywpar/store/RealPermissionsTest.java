package smittywpar.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.testkit.Proc;
import smittywpar.testkit.Sim;

/**
 * A state directory the user may read but not change, for real (not the fault hook): the commands
 * run as a user without write permission (as root the test drops to nobody with setpriv, so
 * that the system itself refuses). Commands that change the state say so with the directory and
 * the system's reason, listings still work, a pending change that cannot be finished is said,
 * never "internal error", and nothing is changed.
 */
class RealPermissionsTest {
    @TempDir
    Path tmp;
    Path home;
    Sim sim;

    @BeforeEach
    void setUp() throws IOException {
        home = tmp.resolve("state");
        sim = new Sim(home);
        assertThat(sim.run("mkwpar -n w1").exit()).isZero();
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Runs a command as a user who cannot write the state directory. */
    private Proc.Result asUser(String... argv) {
        Map<String, String> env = new HashMap<>(sim.env());
        env.put("HOME", tmp.toString());
        ProcessBuilder pb = Proc.builder(env, argv[0], List.of(argv).subList(1, argv.length));
        if (root()) {
            List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
            cmd.addAll(pb.command());
            pb.command(cmd);
        }
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return new Proc.Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Everything readable by all, nothing writable but by root (the way to the state directory too). */
    private void readOnlyForOthers() throws IOException {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("r-xr-xr-x"));
        try (Stream<Path> s = Files.walk(home)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "r-xr-xr-x" : "r--r--r--"));
            }
        }
    }

    private void writableAgain() throws IOException {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx------"));
        try (Stream<Path> s = Files.walk(home)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    @Test
    void aStateDirectoryTheUserCannotWrite() throws Exception {
        Assumptions.assumeTrue(!root() || new ProcessBuilder("setpriv", "--version").start().waitFor() == 0,
                "as root this needs setpriv");
        readOnlyForOthers();
        Assumptions.assumeFalse(root() && asUser("hostname").exit() != 0, "setpriv cannot run the JVM here");
        try {
            Map<String, String> before = sim.snapshot();
            String denied = ": 0960-606 Cannot change the smitty-wpar state at " + home
                    + ": The file access permissions do not allow the specified action. Nothing was changed.\n";
            for (String[] c : new String[][] {{"startwpar", "w1"}, {"mkwpar", "-n", "w2"}, {"rmwpar", "w1"},
                {"chwpar", "-A", "w1"}}) {
                Proc.Result r = asUser(c);
                assertThat(r.err()).as(c[0]).isEqualTo(c[0] + denied);
                assertThat(r.out()).isEmpty();
                assertThat(r.exit()).isEqualTo(1);
            }
            Proc.Result list = asUser("lswpar", "-c", "-q", "-a", "name,state");
            assertThat(list.err()).isEmpty();
            assertThat(list.out()).isEqualTo("w1:D\n");
            assertThat(sim.snapshot()).isEqualTo(before);

            // a change an interrupted command began cannot be finished by this user: said, and left for another
            writableAgain();
            Map<String, String> env = new HashMap<>(sim.env());
            env.put(StateStore.ENV_CRASH_AT, "journal");
            assertThat(Proc.run(env, "startwpar", "w1").exit()).isEqualTo(137);
            readOnlyForOthers();
            Map<String, String> pending = sim.snapshot();
            Proc.Result r = asUser("lswpar");
            assertThat(r.err()).isEqualTo("lswpar: 0960-611 The smitty-wpar state at " + home + " holds a change that"
                    + " an interrupted command began, and it cannot be finished or undone now: The file access"
                    + " permissions do not allow the specified action. Nothing was changed.\n");
            assertThat(r.exit()).isEqualTo(1);
            assertThat(sim.snapshot()).isEqualTo(pending);
        } finally {
            writableAgain();
        }
        Sim.Result later = sim.run("lswpar -c -q -a state w1");
        assertThat(later.err()).startsWith("lswpar: 0960-612 ");
        assertThat(later.out()).isEqualTo("A\n");
    }
}
