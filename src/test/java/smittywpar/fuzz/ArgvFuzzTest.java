package smittywpar.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.cmd.Commands;
import smittywpar.testkit.Consistency;
import smittywpar.testkit.Sim;

/**
 * Every command with generated argument vectors (more than 10,000 cases, one dynamic test each),
 * run in-process on a host with something of everything. Whatever the arguments:
 * <ul>
 * <li>no output holds a Java exception, a stack frame or "internal error";</li>
 * <li>a command that fails says why on standard error, and leaves the state directory byte for
 * byte as it was;</li>
 * <li>a command that succeeds did not print a usage message, and leaves a consistent state;</li>
 * <li>nothing is written outside the state directory.</li>
 * </ul>
 * The cases are the same in every run (seed {@value #SEED}); {@code -Dsmittywpar.fuzz.seed=N}
 * picks others and {@code -Dsmittywpar.fuzz.scale=F} multiplies their number.
 */
class ArgvFuzzTest {
    static final long SEED = 20261126;
    /** Cases per command: the mutating commands get the most. */
    static final Map<String, Integer> CASES = new LinkedHashMap<>();

    static {
        CASES.put("mkwpar", 2400);
        CASES.put("chwpar", 2400);
        CASES.put("lswpar", 1300);
        CASES.put("startwpar", 500);
        CASES.put("stopwpar", 500);
        CASES.put("rebootwpar", 400);
        CASES.put("rmwpar", 600);
        CASES.put("mount", 350);
        CASES.put("umount", 350);
        CASES.put("lsdev", 300);
        CASES.put("lsvg", 250);
        CASES.put("lspv", 200);
        CASES.put("df", 200);
        CASES.put("ifconfig", 200);
        CASES.put("lslpp", 150);
        CASES.put("hostname", 200);
        CASES.put("oslevel", 100);
        CASES.put("clogin", 500);
        CASES.put("aixsh", 500);
        CASES.put("ps", 200);
        CASES.put("lssrc", 250);
        CASES.put("startsrc", 250);
        CASES.put("stopsrc", 250);
        CASES.put("refresh", 150);
        CASES.put("mkssys", 400);
        CASES.put("rmssys", 150);
        CASES.put("chssys", 300);
        CASES.put("syncwpar", 500);
        CASES.put("syncroot", 150);
        CASES.put("installp", 400);
        CASES.put("wparexec", 1200);
        CASES.put("mkwpardata", 100);
        CASES.put("savewpar", 300);
        CASES.put("restwpar", 400);
        CASES.put("lssavewpar", 200);
        CASES.put("restwparfiles", 200);
        CASES.put("mkcd", 200);
        CASES.put("mkdvd", 100);
    }

    /** Commands that run a command line: their status is the last command's. */
    static final java.util.Set<String> SHELLS = java.util.Set.of("clogin", "aixsh");

    /** SRC commands that act on a group (-g) or on all (-a) member by member, as AIX does. */
    static final java.util.Set<String> GROUP_SRC = java.util.Set.of("startsrc", "stopsrc", "refresh");

    /** True when a failure may follow changes that were made (a shell's earlier commands, a group's other members). */
    static boolean partial(String command, List<String> argv) {
        return SHELLS.contains(command)
                || GROUP_SRC.contains(command) && argv.stream().anyMatch(w -> w.startsWith("-") && !w.startsWith("--")
                        && (w.indexOf('g') > 0 || w.indexOf('a') > 0));
    }

    @TempDir
    static Path tmp;
    static Path home;
    static final AtomicInteger RUN = new AtomicInteger();
    static final Map<String, Integer> DEBUG = new java.util.concurrent.ConcurrentHashMap<>();
    static final AtomicInteger SUCCEEDED = new AtomicInteger();
    static final AtomicInteger CHANGED = new AtomicInteger();

    @TestFactory
    Stream<DynamicTest> everyCommandWithGeneratedArguments() {
        assertThat(CASES.keySet()).containsExactlyInAnyOrderElementsOf(Commands.NAMES);
        long seed = Long.getLong("smittywpar.fuzz.seed", SEED);
        double scale = Double.parseDouble(System.getProperty("smittywpar.fuzz.scale", "1"));
        home = FuzzHost.scratch(tmp, "argv-fuzz");
        FuzzHost host = new FuzzHost(home.resolve("state"));
        Gen gen = new Gen(seed);
        Iterator<Entry<String, Integer>> commands = CASES.entrySet().iterator();
        Iterator<DynamicTest> cases = new Iterator<>() {
            String command;
            List<Gen.Flag> flags;
            int left;

            @Override
            public boolean hasNext() {
                while (left == 0 && commands.hasNext()) {
                    Entry<String, Integer> e = commands.next();
                    command = e.getKey();
                    flags = Gen.flags(command);
                    left = (int) Math.ceil(e.getValue() * scale);
                }
                return left > 0;
            }

            @Override
            public DynamicTest next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                left--;
                String name = command;
                List<String> argv = gen.argv(command, flags);
                return DynamicTest.dynamicTest(Gen.label(name, argv), () -> check(host, name, argv));
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(cases, Spliterator.ORDERED), false);
    }

    static void check(FuzzHost host, String command, List<String> argv) {
        try {
            checkOnce(host, command, argv);
        } finally {
            host.restore();
        }
    }

    private static void checkOnce(FuzzHost host, String command, List<String> argv) {
        RUN.incrementAndGet();
        // wparexec runs in the background: a long-running application must not keep the case waiting
        Sim.Result r = command.equals("wparexec") ? host.sim.runInBackground(command, argv)
                : host.sim.run(command, argv);
        String all = r.out() + r.err();
        assertThat(FuzzHost.leak(all)).as("output:\n%s", FuzzHost.shorten(all)).isNull();
        Map<String, String> after = host.sim.snapshot();
        if (System.getProperty("smittywpar.fuzz.debug") != null) {
            String first = r.err().isEmpty() ? "" : r.err().lines().findFirst().orElse("");
            first = first.substring(Math.min(first.length(), first.indexOf(": ") + 2));
            DEBUG.merge(r.exit() + " " + (first.length() > 50 ? first.substring(0, 50) : first), 1, Integer::sum);
        }
        // a wparexec that started its WPAR has its application's status, whatever the WPAR did
        boolean ran = command.equals("wparexec") && r.out().contains("Starting workload partition");
        if (r.exit() != 0 && (partial(command, argv) || ran)) {
            // a shell's status is that of its last command, a group's says that one member was
            // refused, a wparexec's is its application's: what was done before may have changed
            // files, which must then be consistent
            if (!after.equals(host.baseline)) {
                Consistency.check(host.sim.env());
            }
        } else if (r.exit() != 0) {
            assertThat(r.err()).as("a failure says why").isNotBlank();
            assertThat(FuzzHost.changed(host.baseline, after)).as("files a failed command changed; it said:\n%s",
                    FuzzHost.shorten(r.err())).isEmpty();
        } else {
            SUCCEEDED.incrementAndGet();
            assertThat(r.err()).as("no usage message on success").doesNotContain("Usage:");
            if (!after.equals(host.baseline)) {
                CHANGED.incrementAndGet();
                Consistency.check(host.sim.env());
            }
        }
    }

    @AfterAll
    static void enoughCasesRanAndNothingLeftTheStateDirectory() throws Exception {
        DEBUG.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(40)
                .forEach(e -> System.out.println(e.getValue() + "\t" + e.getKey()));
        System.out.printf("argv fuzz: %d cases, %d succeeded (%d changed the state), %d refused%n", RUN.get(),
                SUCCEEDED.get(), CHANGED.get(), RUN.get() - SUCCEEDED.get());
        if (Double.parseDouble(System.getProperty("smittywpar.fuzz.scale", "1")) >= 1) {
            assertThat(RUN.get()).as("argv cases run").isGreaterThanOrEqualTo(10_000);
        }
        assertThat(Path.of(Gen.CANARY)).doesNotExist();
        try (Stream<Path> s = Files.list(home)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("state");
        }
        FuzzHost.deleteTree(home);
    }
}
