package smittywpar.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.testkit.Sim;

/** Every shipped exercise, done right (every check passes) and done wrong (the failing check says what it found). */
class ExerciseTest {
    @TempDir
    Path tmp;

    /** How to do it right, how to do it wrong, and what the failing check must say. */
    record Way(List<String> right, List<String> wrong, String found) {
    }

    static final Map<String, Way> WAYS = Map.ofEntries(
        Map.entry("01-create", new Way(List.of("mkwpar -n web1 -N address=192.168.20.50 netmask=255.255.255.0", "startwpar web1"),
            List.of("mkwpar -n web1 -N address=192.168.20.50 netmask=255.255.255.0"),
            "[FAIL] web1 is Active: WPAR web1 is Defined, not Active")),
        Map.entry("02-network", new Way(List.of("chwpar -N interface=en1 address=192.168.10.61 netmask=255.255.255.0 student1"),
            List.of("chwpar -N interface=en1 address=192.168.10.61 netmask=255.255.255.0 student2"),
            "[FAIL] student1 has 192.168.10.61: the addresses of WPAR student1 are: 192.168.20.101")),
        Map.entry("03-filesystems", new Way(List.of("chwpar -M directory=/data size=256M student3"),
            List.of("chwpar -M directory=/dta size=256M student3"),
            "[FAIL] student3 has /data: WPAR student3 has no file system mounted at /data")),
        Map.entry("04-resource-controls", new Way(List.of("chwpar -R shares_CPU=30 totalProcesses=500 student2"),
            List.of("chwpar -R shares_CPU=30 student2"),
            "the totalProcesses of WPAR student2 is unlimited")),
        Map.entry("05-clogin", new Way(List.of("clogin student1 'echo Maintenance on Friday at 18:00 > /etc/motd'"),
            List.of("clogin student2 'echo Maintenance on Friday at 18:00 > /etc/motd'"),
            "[FAIL] /etc/motd of student1 announces the maintenance: the file /etc/motd of WPAR student1 does not say so;"
                + " its first line is 'Welcome to student1: the WPAR of student 1.'")),
        Map.entry("06-troubleshoot-broken", new Way(List.of("stopwpar -F db1", "startwpar db1", "chwpar -K -D devname=hdisk3 app1",
            "startwpar app1"), List.of("stopwpar -F db1", "startwpar db1", "startwpar app1"),
            "[FAIL] app1 is Active: WPAR app1 is Defined, not Active")),
        Map.entry("07-application-wpar", new Way(
            List.of("wparexec -n web2 -N address=192.168.20.60 netmask=255.255.255.0 /opt/IBM/HTTPServer/bin/httpd -DFOREGROUND &",
                "stopwpar report1"),
            List.of("wparexec -n web2 /opt/IBM/HTTPServer/bin/httpd -DFOREGROUND &", "stopwpar report1"),
            "[FAIL] web2 has the address 192.168.20.60: the addresses of WPAR web2 are: none")),
        Map.entry("08-application-defined", new Way(
            List.of("wparexec -1 -n svc1 -R totalProcesses=128 /opt/app/bin/server --port 8080"),
            List.of("wparexec -n svc1 -R totalProcesses=128 /opt/app/bin/server --port 8080 &"),
            "[FAIL] svc1 is Defined (not running yet): WPAR svc1 is Active, not Defined")),
        Map.entry("09-backup-restore", new Way(
            List.of("savewpar -f /tmp/db1.bk db1", "rmwpar db1", "restwpar -f /tmp/db1.bk -s"),
            List.of("savewpar -f /tmp/db1.bk db1", "rmwpar db1", "mkwpar -n db1 -N address=192.168.20.132", "startwpar db1"),
            "[FAIL] db1's data came back: WPAR db1 has no file /dbdata/README")),
        Map.entry("10-restore-files", new Way(List.of("restwparfiles -d /wpars/web1 ./var/www/index.html"),
            List.of("restwparfiles -d /tmp ./var/www/index.html"),
            "[FAIL] web1's page is back: WPAR web1 has no file /var/www/index.html")));

    private static Sim.Result run(Sim sim, String line) {
        return sim.run(line);
    }

    @Test
    void everyShippedExerciseHasAWayRightAndWrong() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("exercises"))) {
            List<String> names = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
            assertThat(names).containsExactlyInAnyOrderElementsOf(WAYS.keySet());
        }
    }

    @TestFactory
    Stream<DynamicTest> doneRightEveryCheckPasses() {
        return WAYS.keySet().stream().sorted().map(n -> DynamicTest.dynamicTest(n, () -> {
            Sim sim = new Sim(tmp.resolve("right-" + n));
            Sim.Result start = run(sim, "smitty-wpar exercise start " + n);
            assertThat(start.exit()).as(start.err()).isZero();
            assertThat(start.out()).startsWith("Exercise " + n + ": ");
            Sim.Result before = run(sim, "smitty-wpar exercise check");
            assertThat(before.exit()).as("not done yet").isEqualTo(1);
            for (String c : WAYS.get(n).right()) {
                Sim.Result r = run(sim, c);
                assertThat(r.exit()).as(c + "\n" + r.err()).isZero();
            }
            Sim.Result check = run(sim, "smitty-wpar exercise check");
            assertThat(check.out()).doesNotContain("[FAIL]").contains("[PASS]").endsWith(" checks passed.\n");
            assertThat(check.exit()).isZero();
        }));
    }

    @TestFactory
    Stream<DynamicTest> doneWrongTheFailingCheckSaysWhatItFound() {
        return WAYS.keySet().stream().sorted().map(n -> DynamicTest.dynamicTest(n, () -> {
            Sim sim = new Sim(tmp.resolve("wrong-" + n));
            assertThat(run(sim, "smitty-wpar exercise start " + n).exit()).isZero();
            for (String c : WAYS.get(n).wrong()) {
                run(sim, c);
            }
            Sim.Result check = run(sim, "smitty-wpar exercise check");
            assertThat(check.exit()).isEqualTo(1);
            assertThat(check.out()).contains(WAYS.get(n).found()).containsPattern("\n[0-9]+ checks: [0-9]+ passed, [0-9]+ failed\\.\n$");
        }));
    }

    @Test
    void hintsOneAtATimeAndNoExerciseStarted() {
        Sim sim = new Sim(tmp.resolve("hints"));
        Sim.Result none = run(sim, "smitty-wpar exercise check");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).startsWith("smitty-wpar: no exercise was started");
        run(sim, "smitty-wpar exercise start 01-create");
        assertThat(run(sim, "smitty-wpar exercise hint").out()).startsWith("Hint 1 of 2: smitty fast path");
        assertThat(run(sim, "smitty-wpar exercise hint").out()).startsWith("Hint 2 of 2: mkwpar -n web1");
        assertThat(run(sim, "smitty-wpar exercise hint").out()).isEqualTo("No more hints.\n");
        assertThat(run(sim, "smitty-wpar exercise list").out()).contains("01-create").contains("06-troubleshoot-broken");
    }

    @Test
    void hostileExerciseFilesAreRefused() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(dir.resolve("bad.yaml"), "title: x\ntask: y\nchecks:\n  - {title: t, wpar: w, file: /../../etc/shadow}\n"
                + "  - {title: u, command: sh -c id, expect: [x]}\n  - {title: v, wpar: w, statee: A}\n");
        Sim sim = new Sim(tmp.resolve("state"));
        run(sim, "lswpar");
        Map<String, String> before = sim.snapshot();
        Sim.Result r = run(sim, "smitty-wpar exercise start bad --path " + dir);
        assertThat(r.exit()).isEqualTo(1);
        String f = dir.resolve("bad.yaml").toString();
        assertThat(r.err()).contains("smitty-wpar: " + f + ":4:31: the path '/../../etc/shadow' is not an absolute path inside")
                .contains("smitty-wpar: " + f + ":5:25: 'sh' is not an AIX command of smitty-wpar")
                .contains("smitty-wpar: " + f + ":6:25: unknown check key 'statee'");
        assertThat(sim.snapshot()).isEqualTo(before);
    }
}
