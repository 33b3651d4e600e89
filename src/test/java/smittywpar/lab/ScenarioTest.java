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

/** Scenarios: every shipped one builds; hostile files are refused with file:line:col, quickly, changing nothing. */
class ScenarioTest {
    static final Path SCENARIOS = Path.of("scenarios");

    @TempDir
    Path tmp;

    private static Sim.Result ok(Sim sim, String line) {
        Sim.Result r = sim.run(line);
        assertThat(r.exit()).as(line + "\n" + r.err()).isZero();
        return r;
    }

    static List<String> shipped() throws IOException {
        try (Stream<Path> s = Files.list(SCENARIOS)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyShippedScenarioBuilds() throws IOException {
        List<String> names = shipped();
        assertThat(names).contains("seed", "class-of-five", "rootvg-wpars", "updated-filesets", "broken-wpar", "tape-drive",
                "application-wpars");
        return names.stream().map(n -> DynamicTest.dynamicTest(n, () -> {
            Sim sim = new Sim(tmp.resolve(n));
            Sim.Result r = ok(sim, "smitty-wpar host init --scenario " + n);
            assertThat(r.out()).startsWith("The host of scenario " + n + " is ready in ");
            assertThat(ok(sim, "smitty-wpar scenario list").out()).contains(n);
            // the AIX commands see it, and smitty-wpar host diff says what the scenario made
            ok(sim, "lswpar");
            assertThat(ok(sim, "smitty-wpar host diff").out()).isEqualTo("No differences.\n");
        }));
    }

    @Test
    void whatTheShippedScenariosMake() {
        Sim seed = new Sim(tmp.resolve("seed"));
        ok(seed, "smitty-wpar host init --scenario seed");
        assertThat(ok(seed, "lswpar").out()).contains("syswpar1  A      S     syswpar1  /wpars/syswpar1  no");

        Sim five = new Sim(tmp.resolve("five"));
        ok(five, "smitty-wpar host init --scenario class-of-five");
        assertThat(ok(five, "lswpar -c -q -a name,state").out())
                .isEqualTo("student1:A\nstudent2:A\nstudent3:D\nstudent4:D\nstudent5:D\n");
        assertThat(ok(five, "clogin student1 cat /etc/motd").out()).isEqualTo("Welcome to student1: the WPAR of student 1.\n");

        Sim rootvg = new Sim(tmp.resolve("rootvg"));
        ok(rootvg, "smitty-wpar host init --scenario rootvg-wpars");
        assertThat(ok(rootvg, "lspv").out()).containsPattern("hdisk5 +[0-9a-f]{16} +datavg")
                .containsPattern("hdisk7 +none +None");
        assertThat(ok(rootvg, "lsvg").out()).contains("datavg");
        ok(rootvg, "mkwpar -n r1 -D devname=hdisk7 rootvg=yes");

        Sim updated = new Sim(tmp.resolve("updated"));
        ok(updated, "smitty-wpar host init --scenario updated-filesets");
        String global = ok(updated, "lslpp -l bos.rte").out();
        assertThat(ok(updated, "startwpar web1").err()).contains("0960-710");
        String inside = ok(updated, "clogin web1 lslpp -l bos.rte").out();
        assertThat(global).isNotEqualTo(inside);
        ok(updated, "syncwpar web1");
        assertThat(ok(updated, "clogin web1 lslpp -l bos.rte").out()).isEqualTo(global);

        Sim tape = new Sim(tmp.resolve("tape"));
        ok(tape, "smitty-wpar host init --scenario tape-drive");
        assertThat(ok(tape, "lsdev -Cc tape").out()).containsPattern("rmt0 +Available");
        assertThat(ok(tape, "lssavewpar -f /dev/rmt0").out()).contains("./etc/hosts");
        assertThat(ok(tape, "lswpar -c -q -a name,state").out()).isEqualTo("db1:D\nweb1:A\n");
        // the page of web1 is on the tape, and gone from web1 since
        assertThat(ok(tape, "lssavewpar -f /dev/rmt0").out()).containsPattern("(?m)^ +34 \\./var/www/index\\.html$");
        assertThat(ok(tape, "clogin web1 ls -a /var/www").out()).isEqualTo(".\n..\n");

        Sim apps = new Sim(tmp.resolve("apps"));
        ok(apps, "smitty-wpar host init --scenario application-wpars");
        assertThat(ok(apps, "lswpar -c -q -a name,state,type,application").out())
                .isEqualTo("report1:A:A:/opt/reports/bin/nightly --daemon\nweb1:A:S:\n");
        assertThat(ok(apps, "ps -@ report1").out()).containsPattern("report1 +[0-9]+ +- +0:00 nightly");

        Sim broken = new Sim(tmp.resolve("broken"));
        ok(broken, "smitty-wpar host init --scenario broken-wpar");
        assertThat(ok(broken, "lswpar -c -q -a name,state").out()).isEqualTo("app1:D\ndb1:B\nweb1:A\n");
        assertThat(broken.run("startwpar app1").err()).contains("hdisk3");
        assertThat(ok(broken, "smitty-wpar fault list").out()).isEqualTo("broken db1\nnodevice hdisk3\n");
    }

    @Test
    void aScenarioOfAnotherFolderAndAFailingOne() throws IOException {
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("two.yaml"), "title: two WPARs\ncommands:\n  - mkwpar -n a1\n  - mkwpar -n a2\n");
        Files.writeString(mine.resolve("bad.yaml"), "title: a WPAR twice\ncommands:\n  - mkwpar -n a1\n  - mkwpar -n a1\n");
        Sim sim = new Sim(tmp.resolve("state"));
        ok(sim, "smitty-wpar host init --scenario two --path " + mine);
        assertThat(ok(sim, "lswpar -c -q -a name").out()).isEqualTo("a1\na2\n");
        Map<String, String> before = sim.snapshot();
        Sim.Result r = sim.run("smitty-wpar host init --force --scenario bad --path " + mine);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("smitty-wpar: " + mine.resolve("bad.yaml") + ":4:5: 'mkwpar -n a1' failed with exit status 1: mkwpar: 0960-");
        assertThat(sim.snapshot()).as("a failed build changes nothing").isEqualTo(before);
        assertThat(sim.run("smitty-wpar host init --force --scenario nosuch").err())
                .startsWith("smitty-wpar: there are no scenarios called nosuch; there are: application-wpars broken-wpar class-of-five");
    }

    /** Hostile files: each refused with file:line:col in under a second, nothing changed. */
    @TestFactory
    Stream<DynamicTest> hostileFilesAreRefused() throws IOException {
        StringBuilder laughs = new StringBuilder("title: lol\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            laughs.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                laughs.append(i == 0 ? "" : ",").append('*').append((char) (c - 1));
            }
            laughs.append("]\n");
        }
        Map<String, String[]> files = new java.util.LinkedHashMap<>();
        files.put("laughs", new String[] {laughs.toString(), ":"});
        files.put("javatag", new String[] {"title: !!javax.script.ScriptEngineManager [x]\n", ":1:8: "});
        files.put("localtag", new String[] {"title: x\nfiles:\n  - !mine {path: /etc/motd}\n", ":3:5: tags such as !mine are not allowed"});
        files.put("dupkey", new String[] {"title: x\ntitle: y\n", ":2:1: "});
        files.put("unknownkey", new String[] {"title: x\ncomands: []\n", ":2:1: unknown scenario key 'comands'"});
        files.put("escape", new String[] {"title: x\nfiles:\n  - {path: ../../etc/passwd, text: x}\n",
            ":3:12: the path '../../etc/passwd' is not an absolute path inside the simulated host"});
        files.put("escape2", new String[] {"title: x\nfiles:\n  - {path: /wpars/../../../root/.ssh/x, text: x}\n",
            ":3:12: the path '/wpars/../../../root/.ssh/x'"});
        files.put("shell", new String[] {"title: x\ncommands:\n  - rm -rf /\n", ":3:5: 'rm' is not an AIX command of smitty-wpar"});
        files.put("huge", new String[] {"title: x\ndescription: \"" + "x".repeat(10 * 1024 * 1024) + "\"\n",
            ":1:1: the file is larger than"});
        return files.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Path dir = Files.createDirectories(tmp.resolve("hostile-" + e.getKey()));
            Path f = dir.resolve(e.getKey() + ".yaml");
            Files.writeString(f, e.getValue()[0]);
            Sim sim = new Sim(tmp.resolve("state-" + e.getKey()));
            ok(sim, "lswpar");
            Map<String, String> before = sim.snapshot();
            for (String line : new String[] {"smitty-wpar host init --force --scenario " + e.getKey() + " --path " + dir,
                "smitty-wpar scenario check " + f}) {
                long t0 = System.nanoTime();
                Sim.Result r = sim.run(line);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertThat(r.exit()).as(line).isEqualTo(1);
                assertThat(r.err()).as(line).startsWith("smitty-wpar: " + f + ":").contains(e.getValue()[1])
                        .doesNotContain("Exception");
                assertThat(r.err()).as(line).containsPattern("^smitty-wpar: [^:]+:[0-9]+:[0-9]+: ");
                assertThat(ms).as(line).isLessThan(1000);
            }
            assertThat(sim.snapshot()).isEqualTo(before);
        }));
    }
}
