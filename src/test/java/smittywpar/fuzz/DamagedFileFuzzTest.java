package smittywpar.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.testkit.Consistency;
import smittywpar.testkit.Proc;
import smittywpar.testkit.Sim;

/**
 * Damaged state files (more than 1,000 cases, one dynamic test each): host.cf, a WPAR file, a
 * rootvg WPAR's file, preserved file systems, the WPAR index, a pending journal, the file tree
 * indexes of the global environment and of a WPAR, a WPAR's process table and a file of a WPAR
 * kept as a numbered file, each cut short,
 * with a line or a stanza twice, a line gone, a bit flipped, or junk (binary or text) put in; then
 * a command that reads the file. Whatever the damage, no output holds an exception or "internal
 * error", and:
 * <ul>
 * <li>the index is rebuilt from the WPAR files with a notice, and the state is then consistent;</li>
 * <li>a damaged journal is refused naming the journal and the line, nothing written;</li>
 * <li>a file tree index or a process table (each ends with a checksum line) is refused naming
 * the file and the line, whatever the damage, nothing written;</li>
 * <li>a stanza file cut short or with something twice is refused naming the file and the line,
 * nothing written; a lost line, a flipped bit or junk is refused the same way unless what is
 * left is still a valid file (a lost optional attribute, a changed digit), which is then used.</li>
 * </ul>
 */
class DamagedFileFuzzTest {
    static final long SEED = 20261127;
    static final String JOURNAL = "journal";
    static final String GLOBAL_TREE = "fs.tree";
    static final String WPAR_TREE = "wparfs/%2Fwpars%2Fw2/tree";
    static final String PROCS = "procs/wpar/w2";
    /** A file of w2 kept as a numbered file (its name is too long to be stored at its own path). */
    static final String WPAR_BLOB = "wparfs/%2Fwpars%2Fw2/blobs/1";
    /** File, the commands that read it, and the number of cases. */
    static final Object[][] TARGETS = {
        {"host.cf", List.of("lspv", "startwpar w1", "mkwpar -n fz", "lsvg -l rootvg", "df -g"), 300},
        {"wpars/w1.cf", List.of("lswpar -L w1", "startwpar w1", "chwpar -A w1", "rmwpar w1", "lswpar -M w1"), 250},
        {"wpars/r1.cf", List.of("lswpar -L r1", "startwpar r1", "lswpar -Br r1"), 100},
        {"preserved/p1.cf", List.of("mkwpar -p p1", "lsvg -l rootvg"), 100},
        {"wpars.idx", List.of("lswpar", "startwpar w1", "mkwpar -n fz", "lswpar w2", "stopwpar w2", "df -g"), 200},
        {JOURNAL, List.of("lswpar", "hostname", "startwpar w1", "lspv"), 150},
        {GLOBAL_TREE, List.of("aixsh -c 'ls /tmp'", "aixsh -c 'cat /tmp/gf'", "mkwpar -w -n s2 -o /tmp/w2.spec"), 100},
        {WPAR_TREE, List.of("clogin w2 ls /tmp", "clogin w2 cat /tmp/f", "aixsh -c 'ls /wpars/w2/tmp'"), 100},
        {PROCS, List.of("ps -e -@", "ps -@ w2", "clogin w2 ps -e"), 100},
        {WPAR_BLOB, List.of("clogin w2 'cat /tmp/a*'", "aixsh -c 'cat /wpars/w2/tmp/a*'"), 50},
    };
    /** The files that end with a checksum line: whatever the damage, they are refused. */
    static final List<String> CHECKSUMMED = List.of(GLOBAL_TREE, WPAR_TREE, PROCS);
    static final String[] DAMAGES = {"cut", "line twice", "stanza twice", "line gone", "bit flip", "binary junk",
        "text junk"};

    @TempDir
    static Path tmp;
    static Path home;
    static final AtomicInteger RUN = new AtomicInteger();
    static final Map<String, AtomicInteger> OUTCOMES = new ConcurrentHashMap<>();

    @TestFactory
    Stream<DynamicTest> damagedStateFiles() throws IOException {
        home = FuzzHost.scratch(tmp, "damage-fuzz");
        FuzzHost host = new FuzzHost(home.resolve("state"));
        Map<String, String> pending = pendingJournal(host);
        Random random = new Random(Long.getLong("smittywpar.fuzz.seed", SEED));
        double scale = Double.parseDouble(System.getProperty("smittywpar.fuzz.scale", "1"));
        Iterator<DynamicTest> cases = new Iterator<>() {
            int target;
            int left = (int) Math.ceil((Integer) TARGETS[0][2] * scale);

            @Override
            public boolean hasNext() {
                while (left == 0 && target + 1 < TARGETS.length) {
                    target++;
                    left = (int) Math.ceil((Integer) TARGETS[target][2] * scale);
                }
                return left > 0;
            }

            @Override
            public DynamicTest next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                left--;
                String file = (String) TARGETS[target][0];
                @SuppressWarnings("unchecked")
                String command = ((List<String>) TARGETS[target][1]).get(random.nextInt(((List<?>) TARGETS[target][1]).size()));
                String damage = DAMAGES[random.nextInt(DAMAGES.length)];
                long caseSeed = random.nextLong();
                return DynamicTest.dynamicTest(file + ", " + damage + " (" + caseSeed + "), then " + command,
                        () -> check(host, pending, file, damage, caseSeed, command));
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(cases, Spliterator.ORDERED), false);
    }

    /** The journal and temporary files of a command killed right after its commit point. */
    private static Map<String, String> pendingJournal(FuzzHost host) throws IOException {
        Path copy = home.resolve("crashed");
        for (var e : host.baseline.entrySet()) {
            Path f = copy.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue(), StandardCharsets.ISO_8859_1);
        }
        Map<String, String> env = new HashMap<>(new Sim(copy).env());
        env.put("SMITTY_WPAR_CRASH_AT", "journal");
        assertThat(Proc.run(env, "startwpar", "w1").exit()).isEqualTo(137);
        Map<String, String> files = new Sim(copy).snapshot();
        files.keySet().removeIf(k -> !k.equals(JOURNAL) && !k.startsWith(".tx/"));
        assertThat(files).containsKey(JOURNAL);
        FuzzHost.deleteTree(copy);
        return files;
    }

    static void check(FuzzHost host, Map<String, String> pending, String file, String damage, long seed,
            String command) throws IOException {
        try {
            checkOnce(host, pending, file, damage, seed, command);
        } finally {
            host.restore();
        }
    }

    private static void checkOnce(FuzzHost host, Map<String, String> pending, String file, String damage, long seed,
            String command) throws IOException {
        RUN.incrementAndGet();
        if (file.equals(JOURNAL)) {
            for (var e : pending.entrySet()) {
                Path f = host.home.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue(), StandardCharsets.ISO_8859_1);
            }
        }
        Path path = host.home.resolve(file);
        byte[] good = Files.readAllBytes(path);
        byte[] bad = damage(good, damage, new Random(seed), !file.equals("wpars.idx") && !file.equals(JOURNAL)
                && !CHECKSUMMED.contains(file) && !file.equals(WPAR_BLOB));
        Files.write(path, bad);
        Map<String, String> before = host.sim.snapshot();
        Sim.Result r = host.sim.run(command);
        String all = r.out() + r.err();
        assertThat(FuzzHost.leak(all)).as("output:\n%s", FuzzHost.shorten(all)).isNull();
        Map<String, String> after = host.sim.snapshot();
        String refusal = "0960-601 The state file " + path;
        if (file.equals("wpars.idx")) {
            assertThat(r.err()).as("a notice").contains(": 0960-615 The WPAR index " + path + " did not match");
            Consistency.check(host.sim.env());
            count("wpars.idx rebuilt");
        } else if (file.equals(JOURNAL)) {
            assertThat(r.err()).as("refused").isEqualTo(r.err().lines().findFirst().orElse("") + "\n")
                    .contains(": 0960-605 The transaction journal " + path + " is damaged at line ");
            assertThat(r.exit()).isEqualTo(1);
            assertThat(FuzzHost.changed(before, after)).as("files changed").isEmpty();
            count("journal refused");
        } else if (CHECKSUMMED.contains(file)) {
            assertThat(r.err()).as("refused").contains(refusal);
            assertThat(r.exit()).isNotZero();
            if (bad.length > 0) {
                assertThat(r.err()).as("the line is named").contains(refusal + ", line ");
            }
            assertThat(FuzzHost.changed(before, after)).as("files changed").isEmpty();
            count(file + " refused");
        } else if (r.err().contains(refusal)) {
            assertThat(r.exit()).isEqualTo(1);
            // a numbered file of a tree is text of any kind: a cut or added text is told by its size, not a line
            if (bad.length > 0 && !(file.equals(WPAR_BLOB) && r.err().contains(" bytes where "))) {
                assertThat(r.err()).as("the line is named").contains(refusal + ", line ");
            }
            assertThat(FuzzHost.changed(before, after)).as("files changed").isEmpty();
            count(file + " refused");
        } else {
            // what is left is a valid file: only possible when nothing was cut short or doubled
            assertThat(damage).as("accepted (%s)", FuzzHost.shorten(all)).isIn("line gone", "bit flip", "binary junk",
                    "text junk");
            if (r.exit() != 0) {
                assertThat(FuzzHost.changed(before, after)).as("files a failed command changed").isEmpty();
            }
            if (file.equals(WPAR_BLOB)) {
                assertThat(damage).as("a numbered file's size is in its index: only a changed byte goes unseen")
                        .isEqualTo("bit flip");
            }
            count(file + " still valid");
            if (System.getProperty("smittywpar.fuzz.debug") != null) {
                System.out.println("VALID " + file + " " + damage + " " + command + " rc=" + r.exit() + " :: "
                        + FuzzHost.shorten(diff(good, bad)) + " :: " + FuzzHost.shorten(r.err()).trim());
            }
        }
    }

    /** The first line that differs (for the debug listing). */
    private static String diff(byte[] good, byte[] bad) {
        List<String> a = new String(good, StandardCharsets.ISO_8859_1).lines().toList();
        List<String> b = new String(bad, StandardCharsets.ISO_8859_1).lines().toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "<none>";
            String y = i < b.size() ? b.get(i) : "<none>";
            if (!x.equals(y)) {
                return "line " + (i + 1) + ": [" + x + "] -> [" + y + "]";
            }
        }
        return "same lines";
    }

    private static void count(String outcome) {
        OUTCOMES.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
    }

    /**
     * Damages a file. A cut always loses at least the last two bytes; a doubled line is one with
     * content (not blank, not a comment) when {@code stanzas}; a doubled stanza is a stanza file's
     * block from one header to the next.
     */
    static byte[] damage(byte[] good, String kind, Random r, boolean stanzas) {
        String text = new String(good, StandardCharsets.ISO_8859_1);
        List<int[]> lines = lines(text);
        switch (kind) {
            case "cut" -> {
                return java.util.Arrays.copyOf(good, r.nextInt(Math.max(1, good.length - 1)));
            }
            case "line twice", "line gone" -> {
                List<int[]> candidates = new ArrayList<>();
                for (int[] l : lines) {
                    String s = text.substring(l[0], l[1]);
                    if (!stanzas || !s.isBlank() && !s.startsWith("*")) {
                        candidates.add(l);
                    }
                }
                int[] l = candidates.get(r.nextInt(candidates.size()));
                String line = text.substring(l[0], l[1] + 1 > text.length() ? l[1] : l[1] + 1);
                String out = kind.equals("line twice") ? text.substring(0, l[0]) + line + text.substring(l[0])
                        : text.substring(0, l[0]) + text.substring(Math.min(text.length(), l[1] + 1));
                return out.getBytes(StandardCharsets.ISO_8859_1);
            }
            case "stanza twice" -> {
                List<Integer> headers = new ArrayList<>();
                for (int[] l : lines) {
                    String s = text.substring(l[0], l[1]);
                    if (!s.isEmpty() && s.charAt(0) != '\t' && s.charAt(0) != '*' && s.charAt(0) != '#' && s.endsWith(":")) {
                        headers.add(l[0]);
                    }
                }
                if (headers.isEmpty()) {
                    return damage(good, "line twice", r, stanzas);
                }
                int i = r.nextInt(headers.size());
                int from = headers.get(i);
                int to = i + 1 < headers.size() ? headers.get(i + 1) : text.lastIndexOf("\n* end of file") + 1;
                if (to <= from) {
                    to = text.length();
                }
                String block = text.substring(from, to);
                return (text.substring(0, to) + (block.endsWith("\n") ? block : block + "\n") + text.substring(to))
                        .getBytes(StandardCharsets.ISO_8859_1);
            }
            case "bit flip" -> {
                byte[] out = good.clone();
                int at = r.nextInt(out.length);
                out[at] ^= (byte) (1 << r.nextInt(8));
                return out;
            }
            case "binary junk", "text junk" -> {
                byte[] junk = new byte[1 + r.nextInt(16)];
                for (int i = 0; i < junk.length; i++) {
                    junk[i] = kind.equals("binary junk") ? (byte) r.nextInt(256) : (byte) (' ' + r.nextInt(95));
                }
                int at = r.nextInt(good.length + 1);
                byte[] out = new byte[good.length + junk.length];
                System.arraycopy(good, 0, out, 0, at);
                System.arraycopy(junk, 0, out, at, junk.length);
                System.arraycopy(good, at, out, at + junk.length, good.length - at);
                return out;
            }
            default -> throw new IllegalArgumentException(kind);
        }
    }

    /** Start and end (the newline's index) of each line. */
    private static List<int[]> lines(String text) {
        List<int[]> out = new ArrayList<>();
        int pos = 0;
        while (pos < text.length()) {
            int eol = text.indexOf('\n', pos);
            if (eol < 0) {
                eol = text.length();
            }
            out.add(new int[] {pos, eol});
            pos = eol + 1;
        }
        return out;
    }

    @AfterAll
    static void enoughCases() {
        System.out.println("damaged-file fuzz: " + RUN.get() + " cases: " + new java.util.TreeMap<>(OUTCOMES));
        if (Double.parseDouble(System.getProperty("smittywpar.fuzz.scale", "1")) >= 1) {
            assertThat(RUN.get()).as("damaged-file cases run").isGreaterThanOrEqualTo(1_000);
        }
        if (home != null) {
            FuzzHost.deleteTree(home);
        }
    }
}
