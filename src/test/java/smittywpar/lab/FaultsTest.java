package smittywpar.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.testkit.Sim;

/** Faults: clear puts back exactly what was there, and leaves alone what was repaired since; snapshots keep them. */
class FaultsTest {
    @TempDir
    Path tmp;

    private static Sim.Result ok(Sim sim, String line) {
        Sim.Result r = sim.run(line);
        assertThat(r.exit()).as(line + "\n" + r.err()).isZero();
        return r;
    }

    @Test
    void everyKindOfFaultHasAGoldenTranscript() throws java.io.IOException {
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(Path.of("src/test/resources/golden"))) {
            java.util.List<String> names = s.map(p -> p.getFileName().toString()).toList();
            for (String kind : Faults.KINDS) {
                assertThat(names).as("the golden transcript of fault " + kind).anyMatch(n -> n.matches("[0-9]{2}-lab-fault-" + kind + "\\.txt"));
            }
        }
    }

    @Test
    void injectingAndClearingEveryFaultGivesBackTheSameState() {
        Sim sim = new Sim(tmp.resolve("state"));
        ok(sim, "mkwpar -n w1 -D devname=hdisk1");
        ok(sim, "mkwpar -n w2");
        Map<String, String> before = sim.snapshot();
        for (String f : new String[] {"broken w1", "stalelock w2", "vgfull rootvg", "ifdown en1", "nodevice hdisk1",
            "downlevel bos.rte"}) {
            ok(sim, "smitty-wpar fault inject " + f);
        }
        assertThat(ok(sim, "smitty-wpar fault list").out().lines().count()).isEqualTo(6);
        assertThat(ok(sim, "smitty-wpar fault clear").out()).isEqualTo("6 faults cleared.\n");
        Map<String, String> after = sim.snapshot();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String k : before.keySet()) {
            assertThat(after.get(k)).as(k).isEqualTo(before.get(k));
        }
        assertThat(ok(sim, "smitty-wpar fault list").out()).isEqualTo("No faults.\n");
    }

    @Test
    void clearLeavesAloneWhatWasRepairedSince() {
        Sim sim = new Sim(tmp.resolve("state"));
        ok(sim, "mkwpar -n w1");
        ok(sim, "smitty-wpar fault inject broken w1");
        ok(sim, "stopwpar -F w1");
        ok(sim, "startwpar w1");
        ok(sim, "smitty-wpar fault clear");
        assertThat(ok(sim, "lswpar -c -q -a state w1").out()).isEqualTo("A\n");
    }

    @Test
    void aSnapshotKeepsTheFaultsInPlace() {
        Sim sim = new Sim(tmp.resolve("state"));
        ok(sim, "mkwpar -n w1");
        ok(sim, "smitty-wpar fault inject broken w1");
        ok(sim, "smitty-wpar host snapshot broken");
        ok(sim, "smitty-wpar fault clear");
        ok(sim, "smitty-wpar host restore broken");
        assertThat(ok(sim, "smitty-wpar fault list").out()).isEqualTo("broken w1\n");
        assertThat(ok(sim, "lswpar -c -q -a state w1").out()).isEqualTo("B\n");
        Sim.Result again = sim.run("smitty-wpar fault clear nodevice hdisk1");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("smitty-wpar: there is no fault nodevice hdisk1 to clear\n");
    }
}
