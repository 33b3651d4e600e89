package smittywpar;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import smittywpar.cmd.Commands;
import smittywpar.cmd.Invocation;

/**
 * The training workload for the JVM's start-up caches (Java 25 AOT cache or JDK 17 AppCDS):
 * {@code --cli} runs every AIX command once on a throw-away host, {@code --smitty} drives the
 * SMIT screens, so that the classes each needs are archived. The launcher runs it in the
 * background after a build; users never call it.
 */
public final class Train {
    private Train() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("smitty-wpar-train");
        try {
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("SMITTY_WPAR_HOME", dir.resolve("state").toString());
            PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
            String[][] steps = {
                {"lswpar"}, {"mkwpar", "-n", "t1", "-N", "address=192.168.20.99", "-R", "CPU=1%-2%,3%"},
                {"mkwpar", "-n", "t2", "-Z"}, {"lswpar", "-c"}, {"lswpar", "-L", "t1"}, {"lswpar", "-N", "t1"},
                {"lswpar", "-M"}, {"lswpar", "-D", "-q"}, {"lswpar", "-G", "t1"}, {"startwpar", "t1"},
                {"chwpar", "-h", "t1.example.com", "-M", "directory=/data", "-R", "shares_CPU=5", "t1"},
                {"umount", "/wpars/t1/data"}, {"mount", "/wpars/t1/data"}, {"mount"}, {"chwpar", "-K", "-R", "t1"},
                {"lswpar", "-cR", "t1"},
                {"df", "-g"}, {"ifconfig", "-a"}, {"lslpp", "-l"}, {"lspv"}, {"lsvg", "rootvg"},
                {"lsvg", "-l", "rootvg"}, {"hostname"}, {"oslevel", "-s"}, {"rebootwpar", "t1"},
                {"stopwpar", "t1"}, {"rmwpar", "t1"}, {"lswpar", "nosuch"},
            };
            // Each cache holds only what its kind of run needs: the classes an AOT cache holds are
            // all loaded at start, so a larger cache costs start-up time and memory.
            if (List.of(args).contains("--smitty")) {
                Smitty.train(sink);
            } else {
                for (String[] s : steps) {
                    Commands.run(new Invocation(s[0], List.of(s).subList(1, s.length), System.in, sink, sink, env,
                            dir));
                }
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
