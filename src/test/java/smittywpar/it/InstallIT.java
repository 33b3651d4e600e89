package smittywpar.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.cmd.OptionTable;
import smittywpar.dist.BashCompletion;
import smittywpar.tui.Tmux;

/**
 * The release archive, installed as a trainer would for a class: unpacked into a directory that
 * is owned by root and read-only, run by another user (nobody, when the tests run as root) with a
 * fresh home directory, with no build and no Maven. Nothing under the installation may change.
 */
class InstallIT {
    static final Path PROJECT = Path.of(System.getProperty("smittywpar.project.dir", ".")).toAbsolutePath();
    static final String VERSION = System.getProperty("smittywpar.version");
    static final Path ARCHIVE = PROJECT.resolve("target/smitty-wpar-" + VERSION + ".tar.gz");
    static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    static final Path JDK17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");

    @TempDir
    static Path tmp;
    static Path install;
    static Map<String, String> before;
    static int homes;

    record Result(int exit, String out, String err) {
    }

    @BeforeAll
    static void unpack() throws Exception {
        assertThat(ARCHIVE).exists();
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path opt = Files.createDirectories(tmp.resolve("opt"));
        exec(List.of("tar", "-xzf", ARCHIVE.toString(), "-C", opt.toString()));
        install = opt.resolve("smitty-wpar-" + VERSION);
        exec(List.of("chmod", "-R", "a-w", install.toString()));
        before = snapshot();
    }

    @AfterAll
    static void nothingUnderTheInstallationChanged() throws Exception {
        if (install != null) {
            assertThat(snapshot()).isEqualTo(before);
            exec(List.of("chmod", "-R", "u+w", install.toString()));
        }
        // (the links this test made to programs outside its directory, which JUnit would warn about)
        try (Stream<Path> s = Files.walk(tmp)) {
            for (Path p : s.filter(Files::isSymbolicLink).toList()) {
                if (!p.startsWith(tmp.resolve("opt"))) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Every file of the installation with its size, time and mode. */
    static Map<String, String> snapshot() throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(install)) {
            for (Path p : s.toList()) {
                m.put(install.relativize(p).toString(), Files.isSymbolicLink(p) ? "-> " + Files.readSymbolicLink(p)
                        : Files.size(p) + " " + Files.getLastModifiedTime(p) + " " + Files.getPosixFilePermissions(p));
            }
        }
        return m;
    }

    static String exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(cmd + ": " + out).isZero();
        return out;
    }

    /** A fresh home directory of the user the commands run as. */
    static Path newHome() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home" + ++homes));
        if (ROOT) {
            exec(List.of("chown", "65534:65534", home.toString()));
        }
        return home;
    }

    /** The command prefix that runs as nobody (as root), else nothing. */
    static List<String> asUser() {
        return ROOT ? List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--") : List.of();
    }

    /** Runs {@code script} with sh in the installation directory, as the user, with only {@code env}. */
    static Result sh(Map<String, String> env, String script) throws Exception {
        List<String> cmd = new ArrayList<>(asUser());
        cmd.addAll(List.of("/bin/sh", "-c", script));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(install.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out, err);
    }

    static Map<String, String> env(Path home) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("PATH", "/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        env.put("SMITTY_WPAR_NOCACHE", "1");
        return env;
    }

    /** A directory of the few programs the launcher runs, and no java. */
    static Path tools() throws Exception {
        Path dir = tmp.resolve("tools");
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            for (String t : List.of("mkdir", "readlink", "mv", "rm", "tail", "stty", "cat")) {
                Files.createSymbolicLink(dir.resolve(t), Path.of("/usr/bin", t));
            }
        }
        return dir;
    }

    @Test
    void theArchiveHoldsEveryCommandItsManPageAndCompletion() throws Exception {
        String list = exec(List.of("tar", "-tzvf", ARCHIVE.toString()));
        String top = "smitty-wpar-" + VERSION + "/";
        for (String f : List.of("bin/smitty", "lib/smitty-wpar-" + VERSION + ".jar", "menus/smit.yaml", "README.md",
                "LICENSE", "share/man/man1/smitty.1", "share/man/man1/smitty-wpar.1", "bin/smitty-wpar",
                "share/bash-completion/completions/smitty-wpar")) {
            assertThat(list).contains(" " + top + f);
        }
        try (Stream<Path> s = Files.list(PROJECT.resolve("bin"))) {
            for (Path p : s.toList()) {
                assertThat(install.resolve("bin").resolve(p.getFileName())).as("bin/" + p.getFileName()).exists();
            }
        }
        for (String c : BashCompletion.commands()) {
            assertThat(install.resolve("share/man/man1/" + c + ".1")).as("the man page of " + c).exists();
        }
        assertThat(Files.readString(install.resolve("share/bash-completion/completions/smitty-wpar")))
                .contains("complete -F _smitty_wpar smitty ").contains("complete -F _complete_smitty-wpar -o default smitty-wpar");
        for (OptionTable.Syntax s : OptionTable.all()) {
            if (s.linked()) {
                assertThat(install.resolve("bin/" + s.command())).exists();
                assertThat(install.resolve("share/bash-completion/completions/" + s.command())).exists();
            }
        }
        assertThat(list).doesNotContain("pom.xml").doesNotContain("src/");
    }

    @Test
    void theCommandsRunFromTheReadOnlyInstallationWithAFreshHome() throws Exception {
        Path home = newHome();
        Result r = sh(env(home), "bin/mkwpar -n w1 >/dev/null; echo rc=$?; bin/lswpar; bin/lswpar -cqa name,state;"
                + " bin/smitty -V; bin/oslevel -s");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("rc=0\n"
                + "Name  State  Type  Hostname  Directory  RootVG WPAR\n"
                + "-".repeat(51) + "\n"
                + "w1    D      S     w1        /wpars/w1  no\n"
                + "w1:D\n"
                + "smitty-wpar " + VERSION + "\n"
                + "7200-04-01-1937\n");
        assertThat(home.resolve(".smitty-wpar/wpars/w1.cf")).exists();
    }

    @Test
    void everyCommandOfBinAnswersFromTheInstallation() throws Exception {
        StringBuilder script = new StringBuilder();
        List<OptionTable.Syntax> linked = OptionTable.all().stream().filter(OptionTable.Syntax::linked).toList();
        for (OptionTable.Syntax s : linked) {
            char bad = 'Z';
            while (s.options().indexOf(bad) >= 0) {
                bad--;
            }
            script.append("bin/").append(s.command()).append(" -").append(bad).append(" 2>&1 | head -1; ");
        }
        Result r = sh(env(newHome()), script.toString());
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(linked.size());
        for (int i = 0; i < linked.size(); i++) {
            String c = linked.get(i).command();
            // (clogin takes the WPAR's name first: a flag there is a usage error)
            assertThat(lines.get(i)).startsWith(c.equals("clogin") ? "Usage: clogin " : c + ": Not a recognized flag: ");
        }
    }

    @Test
    void theStartUpCacheGoesToTheUsersCacheDirectoryOrNowhere() throws Exception {
        Path home = newHome();
        Map<String, String> env = env(home);
        env.remove("SMITTY_WPAR_NOCACHE");
        Result r = sh(env, "bin/oslevel; echo rc=$?");
        assertThat(r.out()).isEqualTo("7.2.0.0\nrc=0\n");
        assertThat(r.err()).isEmpty();
        Path caches = home.resolve(".cache/smitty-wpar");
        List<Path> dirs;
        try (Stream<Path> s = Files.list(caches)) {
            dirs = s.filter(p -> p.getFileName().toString().endsWith("%lib%smitty-wpar-" + VERSION + ".jar")).toList();
        }
        assertThat(dirs).hasSize(1);
        // the training made in the background leaves its cache there (one at a time, marked while it runs)
        Path dir = dirs.get(0);
        long end = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < end && !hasCache(dir)) {
            Thread.sleep(250);
        }
        assertThat(hasCache(dir)).as("a start-up cache in " + dir).isTrue();
        assertThat(sh(env, "bin/oslevel").out()).isEqualTo("7.2.0.0\n");
        // a cache directory that cannot be written: no cache, not a word about it
        env.put("XDG_CACHE_HOME", "/proc/version");
        r = sh(env, "bin/oslevel; echo rc=$?");
        assertThat(r.out()).isEqualTo("7.2.0.0\nrc=0\n");
        assertThat(r.err()).isEmpty();
    }

    private static boolean hasCache(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = s.map(p -> p.getFileName().toString()).toList();
            return names.stream().anyMatch(n -> n.endsWith(".aot") || n.endsWith(".jsa"))
                    && names.stream().noneMatch(n -> n.endsWith(".training"));
        }
    }

    @Test
    void manShowsThePagesOfTheArchive() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/man")), "man is installed");
        Map<String, String> env = env(newHome());
        env.put("MANWIDTH", "80");
        env.put("MANPAGER", "cat");
        Result r = sh(env, "man -l share/man/man1/mkwpar.1");
        assertThat(r.exit()).isZero();
        String text = r.out().replaceAll(".\b", "").replace('\u2010', '-');
        assertThat(text).startsWith("MKWPAR(1)").contains("PURPOSE", "SYNTAX", "FLAGS", "EXIT STATUS", "EXAMPLES",
                "RELATED INFORMATION");
        for (char f : OptionTable.of("mkwpar").flags()) {
            assertThat(text).containsPattern("(?m)^ {7}-" + f + "(?=\\s)");
        }
    }

    @Test
    void smittyDrawsItsDialogInATerminalAndF10Leaves() throws Exception {
        assumeTrue(Tmux.available(), "tmux is not installed");
        Path home = newHome();
        try (Tmux t = new Tmux(80, 24, Map.of("LANG", "C.UTF-8", "TERM", "xterm"))) {
            String user = ROOT ? "exec setpriv --reuid=65534 --regid=65534 --clear-groups -- " : "exec ";
            t.line(user + "env -i HOME=" + home + " PATH=/usr/bin:/bin LANG=C.UTF-8 TERM=xterm PS1='$ ' sh");
            t.line("cd " + install + " && clear && bin/smitty mkwpar; echo rc=$?");
            String s = t.waitFor("* Workload Partition Name                            []");
            assertThat(s).contains("Create a System Workload Partition").contains("[Entry Fields]")
                    .contains("F10=Exit");
            t.keys("F10");
            t.waitFor("rc=0");
            t.line("bin/lswpar; echo rc=$?");
            t.waitFor("rc=0");
        }
    }

    @Test
    void tabInBashOffersTheWparsOfTheHostTheFlagsAndTheFastPaths() throws Exception {
        assumeTrue(Tmux.available(), "tmux is not installed");
        Path home = newHome();
        try (Tmux t = new Tmux(100, 30, Map.of("LANG", "C.UTF-8", "TERM", "xterm"))) {
            String user = ROOT ? "exec setpriv --reuid=65534 --regid=65534 --clear-groups -- " : "exec ";
            t.line(user + "env -i HOME=" + home + " PATH=" + install.resolve("bin") + ":/usr/bin:/bin LANG=C.UTF-8"
                    + " TERM=xterm SMITTY_WPAR_NOCACHE=1 bash --norc --noprofile");
            t.line("PS1='$ '; cd " + install + " && . share/bash-completion/completions/lswpar && mkwpar -n alpha >/dev/null"
                    + " && mkwpar -n beta2 >/dev/null && clear && echo RE''ADY1");
            t.waitFor(s -> s.startsWith("READY1\n$"), 60_000, "the set-up");
            t.type("lswpar ");
            t.keys("Tab", "Tab");
            String s = t.waitFor(x -> x.contains("alpha") && x.contains("beta2"), 15_000, "the WPAR names");
            assertThat(s.lines().filter(l -> l.contains("beta2")).findFirst().orElseThrow().trim())
                    .matches("alpha +beta2");
            t.keys("C-e", "C-u");
            t.line("clear; echo RE''ADY2");
            t.waitFor(x -> x.startsWith("READY2\n$"), 15_000, "the prompt");
            t.type("smitty mk");
            t.keys("Tab", "Tab");
            s = t.waitFor(x -> x.contains("mkwpar"), 15_000, "the fast paths");
            assertThat(s.lines().filter(l -> l.contains("mkwpar")).findFirst().orElseThrow().trim())
                    .matches("(mk[a-z_]+ +)*mkwpar( +mk[a-z_]+)*");
            t.keys("C-e", "C-u");
            t.line("clear; echo RE''ADY3");
            t.waitFor(x -> x.startsWith("READY3\n$"), 15_000, "the prompt");
            t.type("mkwpar -");
            t.keys("Tab", "Tab");
            s = t.waitFor(x -> x.contains("-N"), 15_000, "the flags");
            assertThat(s).contains("-n").contains("-X").contains("-W");
            t.keys("C-e", "C-u");
            t.line("clear; echo RE''ADY4");
            t.waitFor(x -> x.startsWith("READY4\n$"), 15_000, "the prompt");
            t.type("smitty-wpar host ");
            t.keys("Tab", "Tab");
            s = t.waitFor(x -> x.contains("snapshots"), 15_000, "the subcommands of smitty-wpar host");
            assertThat(s.lines().filter(l -> l.contains("snapshots")).findFirst().orElseThrow().trim())
                    .matches("diff +init +reset +restore +snapshot +snapshots");
            t.keys("C-e", "C-u");
        }
    }

    @Test
    void theLauncherFindsAJdk17OnPathAlone() throws Exception {
        assumeTrue(Files.isExecutable(JDK17.resolve("bin/java")), "a JDK 17 at " + JDK17);
        Path bin = Files.createDirectories(tmp.resolve("jdk17-on-path"));
        if (!Files.exists(bin.resolve("java"))) {
            Files.createSymbolicLink(bin.resolve("java"), JDK17.resolve("bin/java"));
        }
        Map<String, String> env = env(newHome());
        env.put("PATH", bin + ":" + tools());
        env.put("SMITTY_WPAR_JAVA_DIRS", ""); // none of the usual places: PATH alone
        env.put("SMITTY_WPAR_JAVA_OPTS", "-XshowSettings:properties");
        Result r = sh(env, "bin/oslevel -s");
        assertThat(r.out()).isEqualTo("7200-04-01-1937\n");
        assertThat(r.err()).contains("java.specification.version = 17");
    }

    @Test
    void theLauncherTakesTheNewestJdkOfTheUsualPlaces() throws Exception {
        Path usual = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
        assumeTrue(Files.isExecutable(usual.resolve("bin/java")), "a JDK 25 at " + usual);
        Map<String, String> env = env(newHome());
        env.put("PATH", tools().toString());
        env.put("SMITTY_WPAR_JAVA_OPTS", "-XshowSettings:properties");
        Result r = sh(env, "bin/oslevel");
        assertThat(r.out()).isEqualTo("7.2.0.0\n");
        assertThat(r.err()).contains("java.specification.version = 25");
    }

    @Test
    void theLauncherRunsTheJdkThatSmittyWparJavaNamesInAnOddPlace() throws Exception {
        Path odd = Files.createDirectories(tmp.resolve("odd place"));
        Path jdk = odd.resolve("my jdk");
        if (!Files.exists(jdk)) {
            Files.createSymbolicLink(jdk, Path.of(System.getProperty("java.home")));
        }
        Map<String, String> env = env(newHome());
        env.put("PATH", tools().toString());
        env.put("SMITTY_WPAR_JAVA_DIRS", "");
        env.put("SMITTY_WPAR_JAVA_OPTS", "-XshowSettings:properties");
        int feature = Runtime.version().feature();
        for (String java : List.of(jdk.toString(), jdk + "/bin/java")) {
            env.put("SMITTY_WPAR_JAVA", java);
            Result r = sh(env, "bin/oslevel");
            assertThat(r.out()).as(java).isEqualTo("7.2.0.0\n");
            assertThat(r.err()).contains("java.specification.version = " + feature);
        }
    }

    @Test
    void aJavaOlderThan17IsOneClearLine() throws Exception {
        Path old = Files.createDirectories(tmp.resolve("jdk-11/bin"));
        Path marker = tmp.resolve("jdk-11-ran");
        Files.writeString(old.getParent().resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"11.0.22\"\n");
        Files.writeString(old.resolve("java"), "#!/bin/sh\ntouch " + marker + "\nexit 3\n");
        Files.setPosixFilePermissions(old.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = env(newHome());
        env.put("PATH", tools().toString());
        env.put("SMITTY_WPAR_JAVA_DIRS", "");
        env.put("SMITTY_WPAR_JAVA", old.getParent().toString());
        Result r = sh(env, "bin/lswpar");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("lswpar: " + old.resolve("java")
                + " is Java 11; smitty-wpar needs Java 17 or newer (set SMITTY_WPAR_JAVA or JAVA_HOME).\n");
        env.remove("SMITTY_WPAR_JAVA");
        env.put("JAVA_HOME", old.getParent().toString());
        r = sh(env, "bin/lswpar");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("lswpar: ").contains("Java 11").endsWith("Java 17 or newer (set SMITTY_WPAR_JAVA or JAVA_HOME).\n");
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(marker).doesNotExist();
    }
}
