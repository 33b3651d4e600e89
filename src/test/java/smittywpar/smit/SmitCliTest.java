package smittywpar.smit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The smitty command line: flags, fast paths, menu directories and log files. */
class SmitCliTest {
    @TempDir
    Path dir;
    final Map<String, String> env = new LinkedHashMap<>();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() {
        env.put("HOME", dir.toString());
        env.put("SMITTY_WPAR_HOME", dir.resolve("state").toString());
        env.put("SMITTY_WPAR_CLOCK", "2026-11-26 10:00:00");
    }

    private SmitCli.Start run(String... argv) {
        return SmitCli.prepare(Arrays.asList(argv), env, dir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static final String USAGE = "Usage: smitty [-C] [-D] [-f] [-h] [-l File] [-o PathName] [-s File] [-t] [-v]\n"
            + "              [[-m | -n | -d] FastPath] [-X] [-x]\n"
            + "       (smitty-wpar also takes --ascii: pop-up borders drawn with + - |; -V: its version)\n";

    @Test
    void minusHPrintsTheUsage() {
        SmitCli.Start s = run("-h");
        assertThat(s.done()).isTrue();
        assertThat(s.exitCode()).isZero();
        assertThat(out()).isEqualTo(USAGE);
    }

    @Test
    void minusCapitalVPrintsTheVersionOfTheBuild() {
        String version = System.getProperty("smittywpar.version");
        assertThat(version).matches("[0-9]+\\.[0-9]+\\.[0-9]+.*");
        SmitCli.Start s = run("-V");
        assertThat(s.done()).isTrue();
        assertThat(s.exitCode()).isZero();
        assertThat(out()).isEqualTo("smitty-wpar " + version + "\n");
        assertThat(err()).isEmpty();
        assertThat(SmitCli.version()).isEqualTo(version);
    }

    @Test
    void badFlagsAreUsageErrors() {
        assertThat(run("-q").exitCode()).isEqualTo(1);
        assertThat(err()).isEqualTo("smitty: Not a recognized flag: q\n" + USAGE);
        err.reset();
        assertThat(run("-l").exitCode()).isEqualTo(1);
        assertThat(err()).isEqualTo("smitty: Flag requires a parameter: l\n" + USAGE);
        err.reset();
        assertThat(run("-M", "wpar").exitCode()).isEqualTo(1);
        assertThat(err()).startsWith("smitty: Not a recognized flag: M\n");
        err.reset();
        assertThat(run("wpar", "mkwpar").exitCode()).isEqualTo(1);
        assertThat(err()).isEqualTo(USAGE);
    }

    @Test
    void aFastPathStartsThere() {
        SmitCli.Start s = run("-x", "mkwpar");
        assertThat(s.done()).isFalse();
        assertThat(s.startError()).isNull();
        assertThat(s.session().view().base().title()).isEqualTo("Create a System Workload Partition");
        SmitCli.Start m = run("-m", "manage_syswpar");
        assertThat(m.session().view().base().title()).isEqualTo("Administer SYSTEM Workload Partitions");
        SmitCli.Start top = run();
        assertThat(top.session().view().base().title()).isEqualTo("System Management");
    }

    @Test
    void anUnknownFastPathIsAnError() {
        SmitCli.Start s = run("nosuch");
        assertThat(s.exitCode()).isEqualTo(1);
        assertThat(s.startError()).isEqualTo("1800-109 There are currently no additional SMIT screen entries available\n"
                + "for this item.  This item may require installation of additional software\n"
                + "before it can be accessed.\nThe fast path \"nosuch\" is not defined.");
        assertThat(run("-d", "wpar").exitCode()).isEqualTo(1);
    }

    @Test
    void menusFromAnotherDirectory() throws Exception {
        Path m = dir.resolve("mymenus");
        Files.createDirectories(m);
        Files.writeString(m.resolve("smit.yaml"), """
                menus:
                  - id: top_menu
                    title: My Management
                    items:
                      - {text: Lists, next: lv}
                dialogs:
                  - {id: lv, title: List VGs, command: lsvg, ghost: yes}
                """);
        SmitCli.Start s = run("-o", "mymenus");
        assertThat(s.session().view().base().title()).isEqualTo("My Management");
        Files.writeString(m.resolve("smit.yaml"), "menus:\n  - id: top_menu\n    title: x\n    title: y\n");
        SmitCli.Start bad = run("-o", m.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(err()).isEqualTo("smitty: 1800-001 The SMIT menu definitions are not valid:\n"
                + m.resolve("smit.yaml") + ":2:5: missing menu key 'items'\n"
                + m.resolve("smit.yaml") + ":4:5: duplicate key 'title' (first given on line 3)\n");
    }

    @Test
    void logFilesGoToHomeOrWhereMinusLAndMinusSSay() throws Exception {
        SmitCli.Start s = run("-x", "-l", "my.log", "-s", "my.script", "mkwpar");
        Session x = s.session();
        x.setValue("w1");
        x.enter();
        x.runPending();
        x.exit();
        assertThat(Files.readString(dir.resolve("my.script"))).isEqualTo(
                "#\n#  [Nov 26 2026, 10:00:00]\n#\nmkwpar -n 'w1'\n\n");
        assertThat(Files.readString(dir.resolve("my.log"))).startsWith("[Nov 26 2026, 10:00:00]\n        Starting SMIT\n");
        assertThat(dir.resolve("smit.log")).doesNotExist();
        SmitCli.Start h = run("-x", "wpar");
        h.session().exit();
        assertThat(dir.resolve("smit.log")).exists();
        // the state was never touched by the dry run
        assertThat(dir.resolve("state")).doesNotExist();
    }

    private static boolean mkfifo(Path p) throws Exception {
        return new ProcessBuilder("mkfifo", p.toString()).inheritIO().start().waitFor() == 0;
    }

    /** smitty -o DIR with a FIFO or a device where a menu file belongs: refused at once, exit 1 (it never hangs). */
    @Test
    void menusThatAreNotRegularFilesAreRefusedAtOnce() throws Exception {
        Path m = dir.resolve("fifomenus");
        Files.createDirectories(m);
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo(m.resolve("smit.yaml")), "mkfifo is not available");
        SmitCli.Start s = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> run("-o", m.toString()));
        assertThat(s.exitCode()).isEqualTo(1);
        assertThat(err()).isEqualTo("smitty: 1800-001 The SMIT menu definitions are not valid:\n" + m.resolve("smit.yaml")
                + ":1:1: not a regular file (a FIFO, a device or a directory is never read)\n");
        err.reset();
        Path d = dir.resolve("devmenus");
        Files.createDirectories(d);
        Files.createSymbolicLink(d.resolve("smit.yaml"), Path.of("/dev/zero"));
        SmitCli.Start z = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> run("-o", d.toString()));
        assertThat(z.exitCode()).isEqualTo(1);
        assertThat(err()).endsWith(d.resolve("smit.yaml") + ":1:1: not a regular file (a FIFO, a device or a directory"
                + " is never read)\n");
    }

    /** A FIFO or a device named by -l or -s is no log: SMIT runs on without it, and never waits on it. */
    @Test
    void logFilesThatAreNotRegularFilesAreLeftAlone() throws Exception {
        Path fifo = dir.resolve("log.fifo");
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo(fifo), "mkfifo is not available");
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
            SmitCli.Start s = run("-x", "-l", fifo.toString(), "-s", "/dev/null", "mkwpar");
            Session x = s.session();
            x.setValue("w1");
            x.enter();
            x.runPending();
            x.exit();
        });
        assertThat(Files.isRegularFile(fifo)).isFalse();
    }
}
