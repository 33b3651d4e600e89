package smittywpar.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import smittywpar.host.Host;
import smittywpar.wpar.Bootsets;
import smittywpar.wpar.Console;
import smittywpar.wpar.IndexEntry;
import smittywpar.wpar.Wpar;
import smittywpar.wpar.WparEngine;

/**
 * Checks that a state directory is whole: it loads, the index names exactly the WPAR files, and
 * every fslvNN the host counts as used belongs to exactly one WPAR (or preserved file systems,
 * or the host itself), and vice versa.
 */
public final class Consistency {
    private Consistency() {
    }

    public static void check(Map<String, String> env) {
        Console con = new Console(System.out, System.err);
        new WparEngine("check", con, env).read(c -> {
            Host h = c.host();
            List<IndexEntry> entries = c.entries();
            Set<String> names = new TreeSet<>();
            for (IndexEntry e : entries) {
                names.add(e.name());
            }
            BitSet used = new BitSet();
            Set<String> lvs = new HashSet<>();
            for (Host.LogicalVolume lv : h.lvs) {
                int n = Host.fslvNumber(lv.name);
                if (n >= 0) {
                    used.set(n);
                }
                lvs.add(lv.name);
            }
            List<Wpar> owners = new java.util.ArrayList<>(c.all());
            for (String p : c.preservedNames()) {
                owners.add(c.preserved(p));
            }
            for (Wpar w : owners) {
                for (Wpar.Mount m : w.mounts) {
                    if (m.hasLv() && m.dev.startsWith("/dev/")) {
                        String lv = m.dev.substring(5);
                        assertThat(lvs.add(lv)).as("LV %s used twice", lv).isTrue();
                        used.set(Host.fslvNumber(lv));
                    }
                }
                for (Wpar.Bootset.Copy x : Bootsets.copies(w)) {
                    assertThat(lvs.add(x.lv())).as("LV %s used twice", x.lv()).isTrue();
                    used.set(Host.fslvNumber(x.lv()));
                }
            }
            assertThat(h.fslvInUse).as("fslv numbers in use").isEqualTo(used);
            for (IndexEntry e : entries) {
                Wpar w = c.wpar(e.name());
                assertThat(IndexEntry.of(w).line()).as("index line of %s", e.name()).isEqualTo(e.line());
            }
            return names;
        });
    }
}
