package smittywpar.smit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every dialog of the shipped tree whose command is in this build opens, lists and runs. */
class ShippedDialogsTest {
    @TempDir
    Path dir;

    @Test
    void everyGhostDialogRunsToOk() {
        Harness h = new Harness(dir);
        h.sh("mkwpar -n w1 -N address=192.168.20.50");
        List<String> ran = new ArrayList<>();
        for (ScreenDef s : Harness.shipped().screens().values()) {
            if (s instanceof Dialog d && d.ghost() && !d.pending()) {
                Session x = h.start(d.id());
                assertThat(x.pending()).as(d.id()).isTrue();
                x.runPending();
                assertThat(Harness.output(x).status()).as(d.id() + " " + Harness.outputText(x)).isEqualTo(View.Status.OK);
                ran.add(d.id() + ": " + Harness.output(x).command());
            }
        }
        assertThat(ran).containsExactlyInAnyOrder("lswpar_all: lswpar", "lswpar_sys: lswpar -t S",
                "lswpar_app: lswpar -t A", "lsnet_sys: lswpar -N -t S", "lsfs_sys: lswpar -M -t S",
                "lsnet_app: lswpar -N -t A", "lsfs_app: lswpar -M -t A", "lsmnt_sys: mount", "lsmnt_app: mount");
    }

    @Test
    void everyListOfEveryAvailableDialogRuns() {
        Harness h = new Harness(dir);
        h.sh("mkwpar -n w1");
        h.sh("mkwpar -n w2");
        h.sh("startwpar w2");
        h.sh("savewpar w1"); // the tape holds a backup: F4 lists the files to restore from it
        int lists = 0;
        for (ScreenDef s : Harness.shipped().screens().values()) {
            if (!(s instanceof Dialog d) || d.ghost() || d.selectorOnly()) {
                continue;
            }
            Session x = h.start(d.id());
            if (!x.available(d)) {
                assertThat(d.pending()).as(d.id()).isTrue();
                continue;
            }
            assertThat(x.view().kind()).as(d.id()).isEqualTo(View.Kind.DIALOG);
            List<View.FieldLine> fields = Harness.dialog(x).fields();
            for (int i = 0; i < fields.size(); i++) {
                if (!fields.get(i).marker().contains("+") || fields.get(i).entry() == View.Entry.RING) {
                    continue;
                }
                x.setCursor(i);
                x.list();
                View v = x.view();
                String what = d.id() + " / " + fields.get(i).label();
                if (v.popup() instanceof View.MessagePopup m) {
                    assertThat(m.lines().get(0)).as(what).isEqualTo("1800-110 There are no items of this type.");
                } else {
                    assertThat(v.kind()).as(what).isEqualTo(View.Kind.LIST);
                    lists++;
                }
                x.cancel();
            }
        }
        assertThat(lists).isGreaterThan(10);
    }

    @Test
    void startStopAndRebootThroughTheirDialogs() {
        Harness h = new Harness(dir);
        h.sh("mkwpar -n w1");
        Session s = h.start("startwpar");
        s.list();
        assertThat(((View.ListPopup) s.view().popup()).items()).extracting(View.ListLine::text).containsExactly("w1");
        s.enter();
        Harness.enterAndRun(s);
        assertThat(Harness.outputText(s)).contains("Starting workload partition w1.");
        assertThat(h.sh("lswpar -cqa state w1")).isEqualTo("A\n");
        Session r = h.start("rebootwpar");
        r.setValue("w1");
        Harness.field(r, "Type of STOP");
        r.ringNext();
        Harness.enterAndRun(r);
        assertThat(Harness.output(r).command()).isEqualTo("rebootwpar -h 'w1'");
        assertThat(Harness.output(r).status()).as("%s", Harness.outputText(r)).isEqualTo(View.Status.OK);
        Session t = h.start("stopwpar");
        t.setValue("w1");
        Harness.field(t, "No timeout?");
        t.ringNext();
        Harness.enterAndRun(t);
        assertThat(Harness.output(t).command()).isEqualTo("stopwpar -N 'w1'");
        assertThat(h.sh("lswpar -cqa state w1")).isEqualTo("D\n");
    }

    private static List<String> list(Session s, String label) {
        Harness.field(s, label);
        s.list();
        List<String> items = ((View.ListPopup) s.view().popup()).items().stream().map(View.ListLine::text).toList();
        s.cancel();
        return items;
    }

    /** Issue 11, item 6: each F4 list offers exactly what its command takes. */
    @Test
    void f4ListsOfferWhatTheCommandTakes() {
        Harness h = new Harness(dir);
        h.sh("mkwpar -n w1");
        h.sh("mkwpar -n w2");
        h.sh("startwpar w2");
        Session adv = h.start("advancewpar_sys");
        assertThat(list(adv, "Network INTERFACE")).as("no loopback").hasSize(2).allMatch(l -> l.startsWith("en"));
        assertThat(list(adv, "Route INTERFACE")).hasSize(2).allMatch(l -> l.startsWith("en"));
        assertThat(list(adv, "Disk for the rootvg of the WPAR")).as("not the disk of the global rootvg")
                .noneMatch(l -> l.startsWith("hdisk0"));
        Session add = h.start("chnet_sys");
        add.moveCursor(1);
        add.enter();
        add.setValue("w1");
        add.enter();
        assertThat(list(add, "Network INTERFACE")).hasSize(2).allMatch(l -> l.startsWith("en"));
        // mount: the file systems of workload partitions that are not active (those of w2 are mounted)
        Session m = h.start("mountfs_sys");
        List<String> mountable = list(m, "File system (mount point in the global environment)");
        assertThat(mountable).contains("/wpars/w1", "/wpars/w1/home").noneMatch(l -> l.startsWith("/wpars/w2"));
        m.list();
        m.enter();
        Harness.enterAndRun(m);
        assertThat(Harness.output(m).command()).isEqualTo("mount '/wpars/w1'");
        assertThat(Harness.output(m).status()).as("%s", Harness.outputText(m)).isEqualTo(View.Status.OK);
        Session u = h.start("umountfs_sys");
        assertThat(list(u, "File system (mount point in the global environment)")).contains("/wpars/w2/home")
                .noneMatch(l -> l.startsWith("/wpars/w1"));
    }
}
