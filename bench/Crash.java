import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import smittywpar.cmd.Commands;
import smittywpar.cmd.Invocation;
import smittywpar.testkit.Churn;
import smittywpar.testkit.Consistency;

/**
 * Crash test (not part of the build): N times, a process running a churn of mutating commands
 * (create, start, change, stop, remove WPARs, write a specification file; {@code testkit.Churn})
 * is killed with SIGKILL at a random moment; one round in eight instead halts it inside its first
 * commit at a random step (SMITTY_WPAR_CRASH_AT=temps|journal|apply). After each kill the next
 * command must take the state (finishing or undoing what was in flight), the state must pass the
 * consistency check, and it must equal, file for file, the state before or the state after the
 * command that was running. The states before and after come from running the same commands
 * from the same start in a second directory, in this process.
 *
 * <p>Usage, from the project root after {@code mvn -DskipTests package} (which compiles the test
 * classes too):
 *
 * <pre>java -cp target/smitty-wpar.jar:target/test-classes bench/Crash.java [N [SEED [MAX_DELAY_MS]]]</pre>
 *
 * N defaults to 1000, MAX_DELAY_MS (the latest kill after the victim is ready) to 400.
 */
public class Crash {
    static final String[] STEPS = {"temps", "journal", "apply"};

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : System.nanoTime() & 0xffffff;
        int maxDelay = args.length > 2 ? Integer.parseInt(args[2]) : 400;
        Path work = Path.of("target/crash").toAbsolutePath();
        deleteTree(work);
        Path state = work.resolve("state");
        Path ref = work.resolve("ref");
        Path log = work.resolve("steps.log");
        Files.createDirectories(work);
        Map<String, String> env = env(state);
        Map<String, String> refEnv = env(ref);
        run(env, "lswpar");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Random random = new Random(seed);
        long next = 0;
        int before = 0;
        int after = 0;
        int finished = 0;
        int undone = 0;
        int halted = 0;
        int clean = 0;
        int discarded = 0;
        long steps = 0;
        List<String> failures = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int round = 1; round <= n; round++) {
            Map<String, String> start = snapshot(state);
            Files.deleteIfExists(log);
            // -Dsmittywpar.store.parallelAfter=N given to this test reaches the victims too (the
            // store's threaded forcing, for commits of more than N files), and so does
            // -Dsmittywpar.store.inlineMax=N (0: no commit takes the journal that carries its texts)
            ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                    "-Dsmittywpar.store.parallelAfter=" + System.getProperty("smittywpar.store.parallelAfter", "16"),
                    "-Dsmittywpar.store.inlineMax=" + System.getProperty("smittywpar.store.inlineMax", "1048576"),
                    "-cp", System.getProperty("java.class.path"), "smittywpar.testkit.Churn", log.toString(),
                    String.valueOf(next));
            pb.environment().putAll(env);
            String crashAt = random.nextInt(8) == 0 ? STEPS[random.nextInt(STEPS.length)] : null;
            if (crashAt != null) {
                pb.environment().put("SMITTY_WPAR_CRASH_AT", crashAt);
                halted++;
            }
            pb.redirectErrorStream(true);
            Process p = pb.start();
            InputStream out = p.getInputStream();
            String ready = new String(out.readNBytes(9), StandardCharsets.UTF_8);
            if (!ready.equals("churning\n")) {
                throw new IllegalStateException("the victim did not start: " + ready + new String(out.readAllBytes()));
            }
            if (crashAt == null) {
                Thread.sleep(random.nextInt(maxDelay + 1));
                p.destroyForcibly();
            }
            try {
                out.transferTo(OutputStream.nullOutputStream());
            } catch (IOException closed) {
                // killed: its output is gone with it
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the victim did not end");
            }

            // which step was in flight
            int started = 0;
            int done = 0;
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log)) {
                    if (line.startsWith("s ")) {
                        started++;
                    } else if (line.startsWith("d ")) {
                        done++;
                    }
                }
            }
            boolean inFlight = started > done;
            boolean leftJournal = Files.exists(state.resolve("journal"));
            boolean leftTemps = Files.exists(state.resolve(".tx"));

            // the next command takes the state
            String said = run(env, "lswpar", "-c", "-q", "-a", "name");
            if (said.contains("0960-612")) {
                finished++;
            } else if (said.contains("0960-613")) {
                undone++;
            } else if (!leftJournal && !leftTemps) {
                clean++;
            } else if (!leftJournal) {
                discarded++;
            }
            String problem = null;
            if (said.contains("internal error") || said.contains("Exception") || said.contains("0960-6")
                    && !said.contains("0960-612") && !said.contains("0960-613")) {
                problem = "the next command said: " + said.trim();
            }
            try {
                Consistency.check(env);
            } catch (AssertionError | RuntimeException e) {
                problem = "consistency check: " + e.getMessage();
            }

            // the states before and after the command in flight
            deleteTree(ref);
            copyTree(state, ref, start);
            for (int i = 0; i < done; i++) {
                Churn.step(next + i, refEnv, sink(), sink());
            }
            Map<String, String> sBefore = snapshot(ref);
            Map<String, String> sAfter = sBefore;
            if (inFlight) {
                Churn.step(next + done, refEnv, sink(), sink());
                sAfter = snapshot(ref);
            }
            Map<String, String> now = snapshot(state);
            steps += done;
            if (now.equals(sAfter) && inFlight && !sAfter.equals(sBefore)) {
                after++;
                next += done + 1;
            } else if (now.equals(sBefore)) {
                before++;
                next += done;
            } else {
                problem = (problem == null ? "" : problem + "; ") + "the state is neither the one before nor the one"
                        + " after step " + (next + done) + " " + Churn.STEPS.get((int) ((next + done) % Churn.STEPS.size()))
                        + ": differs in " + differences(now, sBefore, sAfter);
            }
            if (problem != null) {
                failures.add("round " + round + " (seed " + seed + ", " + (crashAt == null ? "kill -9" : crashAt) + "): "
                        + problem);
                System.err.println(failures.get(failures.size() - 1));
                // go on from the state there is
                next += done + (inFlight ? 1 : 0);
            }
            if (round % 50 == 0) {
                System.err.printf("%d rounds, %d failures, %.0f s%n", round, failures.size(),
                        (System.nanoTime() - t0) / 1e9);
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("crash test: %d kills (seed %d, %d of them halted inside a commit by SMITTY_WPAR_CRASH_AT),"
                + " %d commands completed between kills, %.0f s%n", n, seed, halted, steps, secs);
        System.out.printf("  state after the kill: %d equal to the state before the command in flight,"
                + " %d equal to the state after it, %d neither%n", before, after, n - before - after);
        System.out.printf("  the next command: finished %d interrupted changes, undid %d, threw away the temporary"
                + " files of %d changes killed before their commit point, found nothing to recover %d times%n",
                finished, undone, discarded, clean);
        System.out.printf("  loadable and consistent: %d of %d%n", n - failures.size(), n);
        if (!failures.isEmpty()) {
            System.out.println("FAILURES:");
            failures.forEach(f -> System.out.println("  " + f));
            System.exit(1);
        }
    }

    static Map<String, String> env(Path home) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("SMITTY_WPAR_HOME", home.toString());
        env.put("SMITTY_WPAR_CLOCK", "2026-11-26 10:00:00");
        env.put("SMITTY_WPAR_SEED", "4242");
        env.remove("SMITTY_WPAR_CRASH_AT");
        env.remove("SMITTY_WPAR_FAULT");
        return env;
    }

    static PrintStream sink() {
        return new PrintStream(OutputStream.nullOutputStream());
    }

    /** Runs a command in this process; returns what it printed on standard error. */
    static String run(Map<String, String> env, String name, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Commands.run(new Invocation(name, List.of(args), System.in, sink(),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, Path.of("")));
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Every file of a state directory but the lock, with its bytes. */
    static Map<String, String> snapshot(Path home) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(home)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p) && !p.getFileName().toString().equals(".lock")) {
                    files.put(home.relativize(p).toString(), Files.readString(p, StandardCharsets.ISO_8859_1));
                }
            }
        }
        return files;
    }

    static void copyTree(Path from, Path to, Map<String, String> files) throws IOException {
        Files.createDirectories(to);
        for (var e : files.entrySet()) {
            Path t = to.resolve(e.getKey());
            Files.createDirectories(t.getParent());
            Files.writeString(t, e.getValue(), StandardCharsets.ISO_8859_1);
        }
    }

    static String differences(Map<String, String> now, Map<String, String> a, Map<String, String> b) {
        List<String> out = new ArrayList<>();
        for (String k : new java.util.TreeSet<>(now.keySet())) {
            if (!now.get(k).equals(a.get(k)) && !now.get(k).equals(b.get(k))) {
                out.add(k);
            }
        }
        for (String k : a.keySet()) {
            if (!now.containsKey(k) && !b.containsKey(k) || !now.containsKey(k) && b.containsKey(k)) {
                out.add(k + " (missing)");
            }
        }
        return out.toString();
    }

    static void deleteTree(Path d) throws IOException {
        if (!Files.exists(d)) {
            return;
        }
        try (Stream<Path> s = Files.walk(d)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
