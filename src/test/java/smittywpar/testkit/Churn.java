package smittywpar.testkit;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import smittywpar.cmd.Commands;
import smittywpar.cmd.Invocation;

/**
 * A process that changes the state as fast as it can (create, start, change, stop, remove WPARs,
 * write a specification file, in a loop) until it is killed: the victim of the kill -9 tests.
 *
 * <p>{@code Churn} alone runs the steps from the first; {@code Churn LOG FROM} starts at step
 * number FROM (counted over the whole cycle, from 0) and appends "s N" to LOG before step N and
 * "d N" after it, so that whoever killed it knows which step was in flight.
 */
public final class Churn {
    /** The steps, run in a cycle; each is valid in the state the ones before it leave. */
    public static final List<List<String>> STEPS = List.of(
            List.of("mkwpar", "-n", "c1"),
            List.of("mkwpar", "-n", "c2", "-l"),
            List.of("startwpar", "c1"),
            List.of("chwpar", "-A", "c2"),
            List.of("rmwpar", "-p", "c2"),
            List.of("mkwpar", "-w", "-n", "spec", "-o", "/tmp/churn.spec"),
            List.of("stopwpar", "c1"),
            List.of("mkwpar", "-p", "c2"),
            List.of("chwpar", "-h", "c1host", "c1"),
            List.of("rmwpar", "c1"),
            List.of("rmwpar", "c2"));

    private Churn() {
    }

    /** Runs step {@code n} of the cycle in-process; returns its exit status. */
    public static int step(long n, Map<String, String> env, PrintStream out, PrintStream err) {
        List<String> s = STEPS.get((int) (n % STEPS.size()));
        return Commands.run(new Invocation(s.get(0), s.subList(1, s.size()), System.in, out, err, env, Path.of("")));
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> env = new HashMap<>(System.getenv());
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        OutputStream log = args.length > 0 ? new FileOutputStream(args[0], true) : OutputStream.nullOutputStream();
        long from = args.length > 1 ? Long.parseLong(args[1]) : 0;
        System.out.println("churning");
        System.out.flush();
        for (long i = from; ; i++) {
            log.write(("s " + i + "\n").getBytes(StandardCharsets.US_ASCII));
            step(i, env, sink, sink);
            log.write(("d " + i + "\n").getBytes(StandardCharsets.US_ASCII));
        }
    }
}
