package smittywpar.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * picocli is the lab's only: the AIX commands and smitty never load one of its classes (their
 * start-up time is the point), nor one of the lab's. Proved on real JVMs started through the one
 * entry point, with the JVM's own log of every class it loads.
 */
class PicocliStaysOutTest {
    @TempDir
    Path tmp;

    /** Runs smittywpar.Main as bin/NAME does; returns the names of the classes the JVM loaded. */
    private List<String> loaded(String name, String... args) throws IOException, InterruptedException {
        Path log = tmp.resolve(name + ".classes");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log, "-Dapp.name=" + name, "-cp", System.getProperty("java.class.path"),
                "smittywpar.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve(name + ".out").toFile());
        pb.environment().put("SMITTY_WPAR_HOME", tmp.resolve("state").toString());
        pb.environment().put("SMITTY_WPAR_SEED", "1");
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        List<String> classes = new ArrayList<>();
        for (String l : Files.readAllLines(log)) {
            int at = l.indexOf("[class,load] ");
            if (at >= 0) {
                String rest = l.substring(at + "[class,load] ".length());
                int sp = rest.indexOf(' ');
                classes.add(sp < 0 ? rest : rest.substring(0, sp));
            }
        }
        return classes;
    }

    @Test
    void theAixCommandsAndSmittyLoadNoPicocliClass() throws Exception {
        for (String[] run : new String[][] {{"mkwpar", "-n", "w1"}, {"lswpar", "-L", "w1"}, {"lswpar", "-Z"},
            {"startwpar", "w1"}, {"smitty", "-Z"}}) {
            List<String> classes = loaded(run[0], java.util.Arrays.copyOfRange(run, 1, run.length));
            assertThat(classes).as(String.join(" ", run)).contains("smittywpar.Main").isNotEmpty();
            assertThat(classes).as(String.join(" ", run))
                    .noneMatch(c -> c.startsWith("picocli.") || c.startsWith("smittywpar.lab."));
        }
    }

    @Test
    void theLabCommandDoesLoadPicocli() throws Exception {
        // the same log would show picocli if it were loaded: the check above can fail
        List<String> classes = loaded("smitty-wpar", "--version");
        assertThat(classes).contains("picocli.CommandLine", "smittywpar.lab.Lab");
        assertThat(Files.readString(tmp.resolve("smitty-wpar.out"))).startsWith("smitty-wpar ");
    }
}
