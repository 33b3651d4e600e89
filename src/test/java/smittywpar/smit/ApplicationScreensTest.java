package smittywpar.smit;

import static org.assertj.core.api.Assertions.assertThat;
import static smittywpar.smit.Harness.dialog;
import static smittywpar.smit.Harness.enterAndRun;
import static smittywpar.smit.Harness.field;
import static smittywpar.smit.Harness.output;
import static smittywpar.smit.Harness.outputText;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every screen of "Administer APPLICATION Workload Partitions" with real application WPARs made
 * by wparexec: the four create dialogs (each one's F6 command with every field filled is its
 * reference flags), the listings, Change / Show General, Network and File Systems, and Stop and
 * Remove. SMIT runs wparexec so that it returns once a long-running application has started.
 */
class ApplicationScreensTest {
    @TempDir
    Path dir;
    Harness h;

    @BeforeEach
    void setUp() {
        h = new Harness(dir);
    }

    /** Sets the field labelled {@code label} to {@code value}. */
    private static void set(Session s, String label, String value) {
        field(s, label);
        assertThat(s.setValue(value)).as(label).isTrue();
    }

    /** Moves ring field {@code label} {@code steps} positions on. */
    private static void ring(Session s, String label, int steps) {
        field(s, label);
        for (int i = 0; i < steps; i++) {
            s.ringNext();
        }
    }

    @Test
    void theSimpleDialogRunsAShortCommandAndShowsItsOutput() throws Exception {
        Session s = h.start("simplewpar_app");
        assertThat(dialog(s).title()).isEqualTo("Create an Application Workload Partition");
        set(s, "Workload Partition Name", "app1");
        set(s, "COMMAND", "/usr/bin/ksh -c 'hostname; exit 0'");
        assertThat(s.command()).isEqualTo("wparexec -n 'app1' -- /usr/bin/ksh -c 'hostname; exit 0'");
        enterAndRun(s);
        assertThat(output(s).status()).as("%s", outputText(s)).isEqualTo(View.Status.OK);
        assertThat(outputText(s)).containsExactly("Starting workload partition app1.",
                "Mounting all workload partition file systems.", "Loading workload partition.", "app1",
                "Shutting down all workload partition processes.", "Unmounting all workload partition file systems.");
        assertThat(h.sh("lswpar")).isEmpty();
        assertThat(h.file(h.script)).contains("wparexec -n 'app1' -- /usr/bin/ksh -c 'hostname; exit 0'\n");
    }

    @Test
    void theSimpleDialogsFlagsAreWparexecs() {
        Session s = h.start("simplewpar_app");
        set(s, "Workload Partition Name", "web1");
        set(s, "COMMAND", "/opt/app/bin/server -p 80");
        set(s, "HOSTNAME", "web1.example.com");
        set(s, "Network INTERFACE", "en0");
        set(s, "Internet ADDRESS (dotted decimal)", "192.168.20.50");
        set(s, "Network MASK", "255.255.255.0");
        ring(s, "Automatically RESOLVE conflicts?", 1);
        ring(s, "Checkpointable?", 1);
        assertThat(s.command()).isEqualTo("wparexec -n 'web1' -h 'web1.example.com' -N interface='en0'"
                + " address='192.168.20.50' netmask='255.255.255.0' -a -c -- /opt/app/bin/server -p 80");
    }

    @Test
    void theAdvancedDialogsFlagsAreWparexecs() {
        Session s = h.start("advancewpar_app");
        assertThat(dialog(s).title()).isEqualTo("Create an Application Workload Partition (Advanced)");
        set(s, "Workload Partition Name", "web1");
        set(s, "Environment variables (var=value ...)", "LANG=C TZ=UTC");
        set(s, "COMMAND", "/opt/app/bin/server");
        set(s, "HOSTNAME", "web1.example.com");
        set(s, "Specification File", "/tmp/in.spec");
        set(s, "Internet ADDRESS (dotted decimal)", "192.168.20.50");
        set(s, "IPv6 ADDRESS (colon delimited)", "fe80::50");
        set(s, "Prefix Length", "64");
        ring(s, "WPAR-Specific Routing?", 1);
        set(s, "Directory (mount point) in WPAR", "/data");
        set(s, "Logical volume / Device", "/export/data");
        set(s, "Remote NODE (nfs)", "nfs1");
        set(s, "Mount OPTIONS", "ro");
        set(s, "CPU Percentage Limits", "10%-50%,80%");
        set(s, "Total Processes", "500");
        set(s, "User Script", "/usr/local/bin/appevents");
        ring(s, "Automatically RESOLVE conflicts?", 1);
        ring(s, "Create configuration only (do not start)?", 1);
        ring(s, "FORCE creation?", 1);
        ring(s, "VERBOSE output?", 1);
        set(s, "Write specification FILE (output)", "/tmp/out.spec");
        assertThat(s.command()).isEqualTo("wparexec -n 'web1' -h 'web1.example.com' -f '/tmp/in.spec'"
                + " -N address='192.168.20.50' address6='fe80::50' prefixlen='64' -i"
                + " -M directory='/data' dev='/export/data' host='nfs1' mountopts='ro'"
                + " -R CPU='10%-50%,80%' totalProcesses='500' -u '/usr/local/bin/appevents' -a -1 -F -v"
                + " -o '/tmp/out.spec' -- LANG=C TZ=UTC /opt/app/bin/server");
    }

    @Test
    void aLongRunningApplicationGoesThroughEveryApplicationScreen() throws Exception {
        // create: SMIT shows what wparexec printed until the application started
        Session s = h.start("simplewpar_app");
        set(s, "Workload Partition Name", "web1");
        set(s, "COMMAND", "/opt/IBM/HTTPServer/bin/httpd -DFOREGROUND");
        set(s, "Internet ADDRESS (dotted decimal)", "192.168.20.50");
        enterAndRun(s);
        assertThat(output(s).status()).as("%s", outputText(s)).isEqualTo(View.Status.OK);
        assertThat(outputText(s)).containsExactly("Starting workload partition web1.",
                "Mounting all workload partition file systems.", "Loading workload partition.");
        assertThat(h.sh("lswpar -cqa name,state,type,directory")).isEqualTo("web1:A:A:/\n");

        // list
        Session l = h.start("lswpar_app");
        l.runPending();
        assertThat(outputText(l)).containsExactly("Name  State  Type  Hostname  Directory  RootVG WPAR",
                "---------------------------------------------------", "web1  A      A     web1      /          no");

        // Change / Show General: the selector lists it, the dialog shows its settings and changes them
        Session g = h.start("chwpar_app");
        g.list();
        assertThat(((View.ListPopup) g.view().popup()).items()).extracting(View.ListLine::text).containsExactly("web1");
        g.cancel();
        g.setValue("web1");
        g.enter();
        assertThat(dialog(g).title()).isEqualTo("Change / Show General Characteristics");
        assertThat(Harness.fieldLine(g, "HOSTNAME").value()).isEqualTo("web1");
        set(g, "HOSTNAME", "www.example.com");
        set(g, "Total Processes", "300");
        assertThat(g.command()).isEqualTo("chwpar -h 'www.example.com' -R totalProcesses='300' 'web1'");
        enterAndRun(g);
        assertThat(output(g).status()).as("%s", outputText(g)).isEqualTo(View.Status.OK);
        assertThat(h.sh("lswpar -cqa name,hostname web1")).isEqualTo("web1:www.example.com\n");

        // Change / Show Network: add an address, list, remove it
        Session a = h.start("addnet_app_sel");
        a.setValue("web1");
        a.enter();
        set(a, "Internet ADDRESS (dotted decimal)", "192.168.10.51");
        assertThat(a.command()).isEqualTo("chwpar -N address='192.168.10.51' 'web1'");
        enterAndRun(a);
        assertThat(output(a).status()).as("%s", outputText(a)).isEqualTo(View.Status.OK);
        Session n = h.start("lsnet_app");
        n.runPending();
        assertThat(String.join("\n", outputText(n))).contains("192.168.20.50").contains("192.168.10.51");
        Session r = h.start("rmnet_app_sel");
        r.setValue("web1");
        r.enter();
        field(r, "Internet ADDRESS (dotted decimal)");
        r.list();
        assertThat(((View.ListPopup) r.view().popup()).items()).extracting(View.ListLine::text)
                .contains("192.168.10.51");
        r.cancel();
        r.setValue("192.168.10.51");
        assertThat(r.command()).isEqualTo("chwpar -K -N address='192.168.10.51' 'web1'");
        enterAndRun(r);
        assertThat(output(r).status()).as("%s", outputText(r)).isEqualTo(View.Status.OK);
        assertThat(h.sh("lswpar -cqN -a address web1")).isEqualTo("192.168.20.50\n");

        // Change / Show File Systems: the listings run
        Session f = h.start("lsfs_app");
        f.runPending();
        assertThat(output(f).status()).isEqualTo(View.Status.OK);
        Session m = h.start("lsmnt_app");
        m.runPending();
        assertThat(output(m).status()).isEqualTo(View.Status.OK);

        // Stop and Remove: the list holds the active application WPARs; stopping removes it
        Session st = h.start("stopwpar_app");
        st.list();
        assertThat(((View.ListPopup) st.view().popup()).items()).extracting(View.ListLine::text).containsExactly("web1");
        st.cancel();
        st.setValue("web1");
        assertThat(st.command()).isEqualTo("stopwpar 'web1'");
        enterAndRun(st);
        assertThat(output(st).status()).as("%s", outputText(st)).isEqualTo(View.Status.OK);
        assertThat(outputText(st)).containsExactly("Stopping workload partition web1.",
                "Shutting down all workload partition processes.", "Unmounting all workload partition file systems.");
        assertThat(h.sh("lswpar")).isEmpty();
    }

    @Test
    void theSpecificationFileDialogsWriteAndReadOne() throws Exception {
        h.sh("wparexec -1 -n base1 -R CPU=0%-10%,20% /opt/app/bin/server");
        Session w = h.start("mkspec_app");
        assertThat(dialog(w).title()).isEqualTo("Create a Specification File from an Application Workload Partition");
        set(w, "Workload Partition Name", "base1");
        set(w, "Specification Output File", "/tmp/base1.spec");
        set(w, "Workload Partition NAME in new file", "copy1");
        assertThat(w.command()).isEqualTo("wparexec -w -e 'base1' -o '/tmp/base1.spec' -n 'copy1'");
        enterAndRun(w);
        assertThat(output(w).status()).as("%s", outputText(w)).isEqualTo(View.Status.OK);

        Session c = h.start("specwpar_app");
        assertThat(dialog(c).title()).isEqualTo("Create an Application Workload Partition from a Specification File");
        set(c, "Specification File", "/tmp/base1.spec");
        ring(c, "Automatically RESOLVE conflicts?", 1);
        ring(c, "VERBOSE output?", 1);
        assertThat(c.command()).isEqualTo("wparexec -f '/tmp/base1.spec' -a -v");
        ring(c, "VERBOSE output?", 1);
        ring(c, "Automatically RESOLVE conflicts?", 1);
        enterAndRun(c);
        assertThat(output(c).status()).as("%s", outputText(c)).isEqualTo(View.Status.OK);
        assertThat(outputText(c)).startsWith("Starting workload partition copy1.");
        assertThat(h.sh("lswpar -cqa name,state,type")).isEqualTo("base1:D:A\ncopy1:A:A\n");
        assertThat(h.sh("lswpar -cqR -a name,CPU copy1")).isEqualTo("copy1:0%-10%,20%\n");
    }

    @Test
    void aBadCommandPathIsRefusedAndNothingIsCreated() {
        Session s = h.start("simplewpar_app");
        set(s, "Workload Partition Name", "app1");
        set(s, "COMMAND", "server --start");
        enterAndRun(s);
        assertThat(output(s).status()).isEqualTo(View.Status.FAILED);
        assertThat(outputText(s)).containsExactly("wparexec: 0960-066 server must be an absolute path.");
        assertThat(h.sh("lswpar")).isEmpty();
    }
}
