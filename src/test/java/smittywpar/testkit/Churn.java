package smittywpar.testkit;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import smittywpar.cmd.Commands;
import smittywpar.cmd.Invocation;

/**
 * A process that changes the state as fast as it can (create, start, stop, remove WPARs in a
 * loop) until it is killed: the victim of the kill -9 test.
 */
public final class Churn {
    private Churn() {
    }

    public static void main(String[] args) {
        Map<String, String> env = new HashMap<>(System.getenv());
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        String[][] steps = {
            {"mkwpar", "-n", "c1"}, {"mkwpar", "-n", "c2", "-l"}, {"startwpar", "c1"}, {"rmwpar", "-p", "c2"},
            {"stopwpar", "c1"}, {"mkwpar", "-p", "c2"}, {"rmwpar", "c1"}, {"rmwpar", "c2"},
        };
        System.out.println("churning");
        System.out.flush();
        for (int i = 0; ; i++) {
            String[] s = steps[i % steps.length];
            Commands.run(new Invocation(s[0], List.of(s).subList(1, s.length), System.in, sink, sink, env,
                    Path.of("")));
        }
    }
}
