package smittywpar.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launchers (bin/NAME, symlinks to one script) and the shaded jar, as a user runs them
 * from a shell: exit codes, standard output and error, no Java stack traces.
 */
class LauncherIT {
    static final Path PROJECT = Path.of(System.getProperty("smittywpar.project.dir", ".")).toAbsolutePath();
    static final Path BIN = PROJECT.resolve("bin");

    @TempDir
    Path tmp;

    record Result(int exit, String out, String err) {
    }

    Result sh(Map<String, String> extraEnv, String script) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", script);
        pb.environment().put("SMITTY_WPAR_HOME", tmp.resolve("state").toString());
        pb.environment().put("PATH", BIN + ":" + System.getenv("PATH"));
        pb.environment().put("HOME", tmp.toString());
        pb.environment().putAll(extraEnv);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    Result sh(String script) throws IOException, InterruptedException {
        return sh(Map.of(), script);
    }

    @Test
    void everyCommandNameIsALinkToTheOneLauncher() throws IOException {
        List<String> names = new ArrayList<>();
        try (var s = Files.list(BIN)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        }
        assertThat(names).contains("smitty", "mkwpar", "lswpar", "startwpar", "stopwpar", "rebootwpar", "rmwpar",
                "lslpp", "df", "ifconfig", "lspv", "lsvg", "hostname", "oslevel");
        for (String n : names) {
            if (!n.equals("smitty")) {
                assertThat(Files.isSymbolicLink(BIN.resolve(n))).as(n).isTrue();
                assertThat(Files.readSymbolicLink(BIN.resolve(n)).toString()).as(n).isEqualTo("smitty");
            }
        }
    }

    @Test
    void theLabCommandFromAFreshCloneThroughTheLauncher() throws Exception {
        Result r = sh("smitty-wpar host init --scenario seed; echo rc=$?; lswpar -c -q -a name,state;"
                + " smitty-wpar host snapshot a >/dev/null; mkwpar -n extra >/dev/null; smitty-wpar host diff a;"
                + " smitty-wpar host restore a >/dev/null; lswpar -c -q -a name; smitty-wpar --nosuch; echo rc=$?");
        assertThat(r.out()).startsWith("The host of scenario seed is ready in ").contains("\nrc=0\nsyswpar1:A\n")
                .contains("WPAR extra: added\n").endsWith("\nsyswpar1\nrc=2\n");
        assertThat(r.err()).isEqualTo("smitty-wpar: Unknown option: '--nosuch' (see smitty-wpar --help)\n");
    }

    @Test
    void aShellSessionWithBinOnThePath() throws Exception {
        Result r = sh("lswpar; echo rc=$?; mkwpar -n shell1 >/dev/null; echo rc=$?; lswpar -c; startwpar shell1 | tail -1;"
                + " lswpar -c -q -a state shell1; lslpp -l | grep wpar | wc -l");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("rc=0\nrc=0\n#name:state:type:hostname:directory:rootvgwpar\n"
                + "shell1:D:S:shell1:/wpars/shell1:no\nVerifying workload partition startup.\nA\n2\n");
    }

    @Test
    void automationSetsUpAServiceInAWparThroughBin() throws Exception {
        Result r = sh("mkwpar -n k1 >/dev/null; startwpar k1 >/dev/null; clogin k1 /usr/bin/lssrc -s sshd; echo rc=$?;"
                + " clogin k1 /usr/bin/mkssys -s sshd -p /usr/sbin/sshd -a '-D' -u 0 -S -n 15 -f 9 -R -G local;"
                + " clogin k1 /usr/bin/startsrc -s sshd; clogin k1 lssrc -s sshd | tail -1; lssrc -s cor_k1 | tail -1;"
                + " stopsrc -s sshd; startsrc -s sshd; startsrc -s sshd; echo rc=$?");
        assertThat(r.err()).isEqualTo("0513-085 The sshd Subsystem is not on file.\n"
                + "0513-029 The sshd Subsystem is already active.\nMultiple instances are not supported.\n");
        assertThat(r.out()).matches("rc=1\n0513-071 The sshd Subsystem has been added.\n"
                + "0513-059 The sshd Subsystem has been started. Subsystem PID is \\d+.\n"
                + " sshd             local            \\d+ +active\n"
                + " cor_k1                            \\d+ +active\n"
                + "0513-044 The sshd Subsystem was requested to stop.\n"
                + "0513-059 The sshd Subsystem has been started. Subsystem PID is \\d+.\nrc=1\n");
    }

    @Test
    void errorsAreAixMessagesNotStackTraces() throws Exception {
        Result r = sh("mkwpar -Z; echo rc=$?; startwpar; echo rc=$?; lswpar nosuch; echo rc=$?");
        assertThat(r.out()).isEqualTo("rc=1\nrc=1\nrc=1\n");
        assertThat(r.err()).startsWith("mkwpar: Not a recognized flag: Z\nUsage: mkwpar ")
                .contains("Usage: startwpar [-a] [-m] [-v] wparName\n")
                .endsWith("lswpar: 0960-419 Could not find a workload partition called nosuch.\n")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void anUnusableStateDirectoryIsOneClearLine() throws Exception {
        Result r = sh(Map.of("SMITTY_WPAR_HOME", "/proc/version/state"), "lswpar");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("lswpar: 0960-60").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.err().lines().count()).isEqualTo(1);
    }

    @Test
    void theLauncherWorksThroughASymlinkFromAnotherDirectory() throws Exception {
        Path mybin = Files.createDirectories(tmp.resolve("mybin"));
        Files.createSymbolicLink(mybin.resolve("lswpar"), BIN.resolve("lswpar"));
        try {
            Result r = sh(Map.of("PATH", mybin + ":/usr/bin:/bin"), "cd / && lswpar -c");
            assertThat(r.exit()).as(r.err()).isZero();
        } finally {
            // removed here: JUnit warns about a link in its temporary directory that points outside it
            Files.delete(mybin.resolve("lswpar"));
        }
    }

    @Test
    void theJarRunsACommandNamedByItsFirstArgument() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Result r = sh("'" + java + "' -jar '" + System.getProperty("smittywpar.jar") + "' oslevel -s");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("7200-04-01-1937\n");
        Result unknown = sh("'" + java + "' -jar '" + System.getProperty("smittywpar.jar") + "' frobnicate");
        assertThat(unknown.exit()).isEqualTo(127);
        assertThat(unknown.err()).startsWith("smitty-wpar: frobnicate is not a command of this package. Commands: mkwpar lswpar");
    }
}
