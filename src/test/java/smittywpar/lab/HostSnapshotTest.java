package smittywpar.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.testkit.Sim;

/** host init, snapshot, diff, restore, snapshots, reset: the acceptance of issue 15, part 1. */
class HostSnapshotTest {
    @TempDir
    Path tmp;

    private static Sim.Result ok(Sim sim, String line) {
        Sim.Result r = sim.run(line);
        assertThat(r.exit()).as(line + "\n" + r.err()).isZero();
        return r;
    }

    /** The state directory's files, the lab's own left out. */
    private static Map<String, String> state(Sim sim) {
        Map<String, String> m = new TreeMap<>(sim.snapshot());
        m.keySet().removeIf(k -> k.startsWith(".lab/"));
        return m;
    }

    private static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p)) {
                    m.put(dir.relativize(p).toString(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return m;
    }

    @Test
    void snapshotChangesDiffRestore() throws IOException {
        Sim sim = new Sim(tmp.resolve("state"));
        assertThat(ok(sim, "smitty-wpar host init").out()).startsWith("A fresh default host is ready in ");
        ok(sim, "mkwpar -n w0 -N address=192.168.20.70");
        assertThat(ok(sim, "smitty-wpar host snapshot a").out()).startsWith("Snapshot a taken (");
        Map<String, String> atSnapshot = state(sim);
        assertThat(files(tmp.resolve("state/.lab/snapshots/a/files"))).isEqualTo(atSnapshot);

        ok(sim, "chwpar -h w0.lab.example -R shares_CPU=20 w0");
        ok(sim, "mkwpar -n w1");
        ok(sim, "chwpar -D devname=hdisk2 w0");
        ok(sim, "startwpar w0");
        ok(sim, "clogin w0 'echo hello > /etc/motd'");
        Sim.Result d = ok(sim, "smitty-wpar host diff a");
        assertThat(d.out()).contains("WPAR w1: added\n")
                .contains("WPAR w0: general hostname: w0 -> w0.lab.example\n")
                .contains("WPAR w0: general state: D -> A\n")
                .contains("WPAR w0: resources shares_CPU: unlimited -> 20\n")
                .contains("WPAR w0: device hdisk2 added\n")
                .contains("WPAR w0: file /etc/motd changed\n")
                .contains("host: disk hdisk2 wpar: \"\" -> w0\n");

        assertThat(ok(sim, "smitty-wpar host restore a").out()).startsWith("Snapshot a restored (");
        assertThat(state(sim)).isEqualTo(atSnapshot);
        assertThat(ok(sim, "smitty-wpar host diff a").out()).isEqualTo("No differences.\n");
        assertThat(ok(sim, "lswpar -c -q -a name,state,hostname").out()).isEqualTo("w0:D:w0\n");

        Sim.Result list = ok(sim, "smitty-wpar host snapshots");
        assertThat(list.out()).startsWith("NAME              DATE                  FILES       BYTES\n")
                .containsPattern("\na +2026-11-26 10:00:00 +[0-9]+ +[0-9]+\n");
    }

    @Test
    void initRefusesToReplaceAHostUnlessForcedAndResetGoesBack() {
        Sim sim = new Sim(tmp.resolve("state"));
        ok(sim, "mkwpar -n old");
        Map<String, String> before = sim.snapshot();
        Sim.Result r = sim.run("smitty-wpar host init");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("smitty-wpar: a host already exists in ").hasLineCount(1);
        assertThat(sim.snapshot()).isEqualTo(before);
        ok(sim, "smitty-wpar host init --force");
        assertThat(ok(sim, "lswpar").out()).isEmpty();
        ok(sim, "mkwpar -n w9");
        assertThat(ok(sim, "smitty-wpar host diff").out()).startsWith("WPAR w9: added\n");
        ok(sim, "smitty-wpar host reset");
        assertThat(ok(sim, "lswpar").out()).isEmpty();
        assertThat(ok(sim, "smitty-wpar host diff").out()).isEqualTo("No differences.\n");
    }

    @Test
    void aDamagedSnapshotIsRefused() throws IOException {
        Sim sim = new Sim(tmp.resolve("state"));
        ok(sim, "smitty-wpar host snapshot s");
        Files.writeString(tmp.resolve("state/.lab/snapshots/s/files/host.cf"), "garbage\n");
        Map<String, String> before = sim.snapshot();
        Sim.Result r = sim.run("smitty-wpar host restore s");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("smitty-wpar: snapshot s is damaged and was not used");
        assertThat(sim.snapshot()).isEqualTo(before);
    }
}
