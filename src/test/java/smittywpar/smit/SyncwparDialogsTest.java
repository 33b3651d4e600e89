package smittywpar.smit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two dialogs of System Workload Partition Software Maintenance: their F4 lists (shared WPARs
 * for syncwpar, detached ones for syncwpar -D), F6 (the reference's flags), and a run.
 */
class SyncwparDialogsTest {
    @TempDir
    Path dir;

    private static List<String> list(Session s, String label) {
        Harness.field(s, label);
        s.list();
        List<String> items = ((View.ListPopup) s.view().popup()).items().stream().map(View.ListLine::text).toList();
        return items;
    }

    private static List<String> command(Session s) {
        s.showCommand();
        List<String> lines = ((View.MessagePopup) s.view().popup()).lines();
        s.cancel();
        return lines.subList(2, lines.size());
    }

    private static void ring(Session s, String label) {
        Harness.field(s, label);
        s.ringNext();
    }

    @Test
    void sharedWparsAreSynchronizedWithTheFlagsOfTheReference() {
        Harness h = new Harness(dir);
        h.sh("mkwpar -n w1");
        h.sh("mkwpar -n w2");
        h.sh("mkwpar -n d1 -l");
        h.sh("installp -acgXd /usr/sys/inst.images bos.rte");
        Session s = h.start("syncwpar_sys");
        assertThat(Harness.dialog(s).fields()).extracting(View.FieldLine::label).containsExactly(
                "Workload Partition Names", "Synchronize ALL system workload partitions?", "PREVIEW only?",
                "Synchronize INSTALLP software only?", "Synchronize RPM software only?",
                "Perform ADDITIONAL installs only?", "FORCE copy of RPM files?", "EXTEND file systems if space needed?",
                "VERBOSE output?");
        assertThat(list(s, "Workload Partition Names")).as("shared WPARs only (the second word: private /usr)")
                .containsExactly("w1    no", "w2    no");
        s.toggleMark();
        s.moveCursor(1);
        s.toggleMark();
        s.enter();
        ring(s, "PREVIEW only?");
        ring(s, "Synchronize INSTALLP software only?");
        ring(s, "EXTEND file systems if space needed?");
        ring(s, "VERBOSE output?");
        assertThat(command(s)).containsExactly("syncwpar -p -i -X -v 'w1' 'w2'");
        ring(s, "PREVIEW only?");
        ring(s, "Perform ADDITIONAL installs only?");
        assertThat(command(s)).containsExactly("syncwpar -i -a -X -v 'w1' 'w2'");
        Harness.enterAndRun(s);
        assertThat(Harness.output(s).status()).as("%s", Harness.outputText(s)).isEqualTo(View.Status.OK);
        assertThat(Harness.outputText(s)).contains("Synchronizing workload partition w2 (2 of 2).",
                "Workload partition w1 synchronized successfully.", "Return Status = SUCCESS.");
        assertThat(h.sh("syncwpar -A")).doesNotContain("APPLYING");

        Session all = h.start("syncwpar_sys");
        ring(all, "Synchronize ALL system workload partitions?");
        ring(all, "FORCE copy of RPM files?");
        ring(all, "Synchronize RPM software only?");
        assertThat(command(all)).containsExactly("syncwpar -A -r -F");
    }

    @Test
    void detachedWparsAreSynchronizedFromADeviceOrTheGlobalEnvironment() {
        Harness h = new Harness(dir);
        h.sh("mkwpar -n w1");
        h.sh("mkwpar -n d1 -l");
        h.sh("mkwpar -n d2 -l");
        h.sh("installp -acgXd /usr/sys/inst.images xlC.rte");
        Session s = h.start("syncwpar_detached");
        assertThat(Harness.dialog(s).fields()).extracting(View.FieldLine::label).containsExactly(
                "Workload Partition Names", "Synchronize ALL detached workload partitions?",
                "INPUT device / directory for software", "PREVIEW only?", "EXTEND file systems if space needed?",
                "VERBOSE output?");
        assertThat(list(s, "Workload Partition Names")).as("detached WPARs only").containsExactly("d1    yes", "d2    yes");
        s.enter();
        assertThat(list(s, "INPUT device / directory for software")).containsExactly("/dev/cd0");
        s.cancel();
        Harness.field(s, "INPUT device / directory for software");
        s.setValue("/usr/sys/inst.images");
        ring(s, "PREVIEW only?");
        assertThat(command(s)).containsExactly("syncwpar -D -d '/usr/sys/inst.images' -p 'd1'");
        ring(s, "PREVIEW only?");
        Harness.enterAndRun(s);
        assertThat(Harness.output(s).status()).as("%s", Harness.outputText(s)).isEqualTo(View.Status.OK);
        assertThat(Harness.outputText(s)).contains("xlC.rte                     16.1.0.7        USR         APPLY       SUCCESS");

        Session all = h.start("syncwpar_detached");
        ring(all, "Synchronize ALL detached workload partitions?");
        assertThat(command(all)).containsExactly("syncwpar -D -A");
        Harness.enterAndRun(all);
        assertThat(Harness.outputText(all)).contains("Synchronizing workload partition d2 (2 of 2).",
                "Return Status = SUCCESS.");
    }
}
