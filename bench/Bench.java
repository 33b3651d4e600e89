import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start-up and scale benchmark of the CLI commands, run beside a bare-JVM hello world.
 *
 *   mvn -q -B -DskipTests package && java -cp target/smitty-wpar.jar bench/Bench.java [runs]
 *
 * Each case runs the real launcher (bin/NAME, with its start-up cache) as a new process; runs of
 * all cases are interleaved round by round and the median wall time per case is reported, with
 * its ratio to the hello world of the same rounds. The 8,192-WPAR host is built once with
 * bench/Populate.java (through mkwpar) and kept in target/bench-8192 for later runs.
 */
public class Bench {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        Path project = Path.of("").toAbsolutePath();
        Path bin = project.resolve("bin");
        Path work = project.resolve("target/bench");
        Files.createDirectories(work);
        String java = pickJava();

        Path hello = work.resolve("hello");
        Files.createDirectories(hello);
        Files.writeString(hello.resolve("Hello.java"),
                "public class Hello { public static void main(String[] a) { System.out.println(\"hello\"); } }\n");
        exec(List.of(Path.of(System.getProperty("java.home"), "bin", "javac").toString(), "--release", "17", "-d",
                hello.toString(), hello.resolve("Hello.java").toString()), Map.of());

        Path small = work.resolve("default-host");
        deleteTree(small);
        run(bin, small, "mkwpar", "-n", "w00001", "-N", "address=192.168.20.21");
        Path big = project.resolve("target/bench-8192");
        if (!Files.exists(big.resolve("wpars/w08192.cf"))) {
            deleteTree(big);
            System.err.println("building the 8,192-WPAR host in " + big + " (once; several minutes)...");
            exec(List.of(java, "-cp", project.resolve("target/smitty-wpar.jar").toString(),
                    project.resolve("bench/Populate.java").toString(), big.toString(), "8192"), Map.of());
        }
        // warm the launcher's start-up cache
        for (int i = 0; i < 3; i++) {
            run(bin, small, "lswpar");
            Thread.sleep(1500);
        }

        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("hello world (bare JVM)", List.of(java, "-cp", hello.toString(), "Hello"));
        String[][] cmds = {
            {"lswpar"}, {"lswpar", "w00001"}, {"lswpar", "-L", "w00001"}, {"lswpar", "-c", "-q", "-a", "name,state"},
            {"startwpar", "w00001"}, {"stopwpar", "w00001"}, {"mkwpar", "-n", "bench1"}, {"rmwpar", "bench1"},
            {"df", "-g"}, {"lslpp", "-l"}, {"oslevel", "-s"},
        };
        for (Path host : new Path[] {small, big}) {
            String tag = host == small ? "default host" : "8,192 WPARs";
            for (String[] c : cmds) {
                List<String> cmd = new ArrayList<>();
                cmd.add(bin.resolve(c[0]).toString());
                cmd.addAll(Arrays.asList(c).subList(1, c.length));
                cases.put(String.join(" ", c) + " [" + tag + "]|" + host, cmd);
            }
        }
        Map<String, long[]> times = new LinkedHashMap<>();
        cases.keySet().forEach(k -> times.put(k, new long[runs]));
        for (int r = 0; r < runs; r++) {
            for (var e : cases.entrySet()) {
                String key = e.getKey();
                Map<String, String> env = new HashMap<>();
                int bar = key.indexOf('|');
                if (bar > 0) {
                    env.put("SMITTY_WPAR_HOME", key.substring(bar + 1));
                }
                long t0 = System.nanoTime();
                exec(e.getValue(), env);
                times.get(key)[r] = System.nanoTime() - t0;
            }
        }
        double hello0 = median(times.values().iterator().next());
        System.out.printf("%-58s %9s %7s%n", "case (median of " + runs + " interleaved runs)", "ms", "x hello");
        for (var e : times.entrySet()) {
            String k = e.getKey();
            String label = k.indexOf('|') > 0 ? k.substring(0, k.indexOf('|')) : k;
            double m = median(e.getValue());
            System.out.printf("%-58s %9.1f %7.2f%n", label, m / 1e6, m / hello0);
        }
        System.out.println("java: " + java);
    }

    static String pickJava() {
        Path t = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        return Files.isExecutable(t) ? t.toString() : Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void run(Path bin, Path state, String... cmd) throws Exception {
        List<String> c = new ArrayList<>();
        c.add(bin.resolve(cmd[0]).toString());
        c.addAll(Arrays.asList(cmd).subList(1, cmd.length));
        exec(c, Map.of("SMITTY_WPAR_HOME", state.toString()));
    }

    static void exec(List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timeout: " + cmd);
        }
    }

    static double median(long[] v) {
        long[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var s = Files.walk(p)) {
            s.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
        }
    }
}
