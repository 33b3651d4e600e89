package smittywpar.testkit;

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
 * or the host itself), and vice versa. Plain Java (an {@link AssertionError} when it fails), so
 * that the crash-test script can run it without the test libraries.
 */
public final class Consistency {
    private Consistency() {
    }

    /** Fails when the state is not whole, or when reading it needed a repair or a recovery (said on stderr). */
    public static void check(Map<String, String> env) {
        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        java.io.PrintStream err = new java.io.PrintStream(said, true, java.nio.charset.StandardCharsets.UTF_8);
        Console con = new Console(System.out, err);
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
                        require(lvs.add(lv), "LV " + lv + " used twice");
                        used.set(Host.fslvNumber(lv));
                    }
                }
                for (Wpar.Bootset.Copy x : Bootsets.copies(w)) {
                    require(lvs.add(x.lv()), "LV " + x.lv() + " used twice");
                    used.set(Host.fslvNumber(x.lv()));
                }
            }
            require(h.fslvInUse.equals(used), "fslv numbers in use: host " + h.fslvInUse + ", WPARs " + used);
            for (IndexEntry e : entries) {
                Wpar w = c.wpar(e.name());
                require(IndexEntry.of(w).line().equals(e.line()), "index line of " + e.name() + ": " + e.line()
                        + " but the file gives " + IndexEntry.of(w).line());
            }
            return names;
        });
        require(said.size() == 0, "reading it said: " + said.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("inconsistent state: " + what);
        }
    }
}
