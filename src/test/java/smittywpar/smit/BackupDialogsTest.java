package smittywpar.smit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.cmd.Commands;
import smittywpar.smit.ScreenState.FormState;

/**
 * The nine dialogs of the System Workload Partition Backup Manager: the command line each
 * composes (what F6 shows and Enter runs) with its defaults, and with every field changed, one
 * flag per field as the dialog reference gives it; each line passes its command's own check when
 * the command is in this build. The F4 lists offer what the commands accept.
 */
class BackupDialogsTest {
    @TempDir
    Path dir;

    /**
     * The command line of dialog {@code id} with {@code changes} applied: a label and the text
     * typed into it, or for a ring the value shown after turning it.
     */
    private static String compose(String id, Map<String, String> changes) {
        Dialog d = (Dialog) Harness.shipped().screen(id);
        FormState f = new FormState(d, d.fields(), new LinkedHashMap<>());
        Map<String, String> left = new LinkedHashMap<>(changes);
        for (FieldState s : f.fields) {
            String want = left.remove(s.field.label());
            if (want == null) {
                continue;
            }
            if (s.field.isRing()) {
                for (int i = 0; i < s.field.ring().size() && !s.shown().equals(want); i++) {
                    s.turn(1);
                }
                assertThat(s.shown()).as(id + " / " + s.field.label()).isEqualTo(want);
            } else {
                assertThat(s.type(want)).as(id + " / " + s.field.label()).isTrue();
            }
        }
        assertThat(left).as("labels of %s", id).isEmpty();
        String text = Composer.compose(d, f.values()).text();
        for (Composer.Line l : Composer.compose(d, f.values()).lines()) {
            if (Commands.exists(l.argv().get(0))) {
                Commands.check(l.argv()); // the command's own parse takes it
            }
        }
        return text;
    }

    private static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void savewparToTapeOrFile() {
        assertThat(compose("savewpar_sys", map("Workload Partition Name", "w1", "Backup DEVICE or FILE",
                "/backup/w1.bk"))).isEqualTo("savewpar -f '/backup/w1.bk' -i 'w1'");
        assertThat(compose("savewpar_sys", map("Workload Partition Name", "w1", "Backup DEVICE or FILE", "/dev/rmt0",
                "Create MAP files?", "yes", "EXCLUDE files?", "yes", "List files as they are backed up?", "yes",
                "Verify readability if tape device?", "yes", "Generate new WPAR data file?", "no",
                "EXPAND /tmp if needed?", "yes", "Disable software packing of backup?", "yes",
                "Backup extended attributes?", "no", "Number of BLOCKS to write in a single output", "200",
                "Back up encrypted files?", "no", "Back up DMAPI filesystem files?", "yes",
                "Back up files from writable namefs mounts?", "no", "Back up files from writable NFS mounts?", "yes",
                "Create backup using snapshots?", "yes", "Exclude packing of files listed in exclude_packing?",
                "yes"))).isEqualTo("savewpar -f '/dev/rmt0' -m -e -v -V -X -p -a -b '200' -Z -A -B -N -T -P 'w1'");
    }

    @Test
    void mkcdToCd() {
        assertThat(compose("savewparcd", map("WORKLOAD PARTITION to back up", "w1"))).isEqualTo("mkcd -W 'w1'");
        assertThat(compose("savewparcd", map("CD-R Device", "/dev/cd0", "WORKLOAD PARTITION to back up", "w1",
                "Create MAP files?", "yes", "EXCLUDE files?", "yes", "Disable software packing of backup?", "yes",
                "Backup extended attributes?", "no", "File system to store savewpar image", "/bk/img",
                "File system to store CD file structure", "/bk/fs", "File system to store final CD images",
                "/bk/images", "Volume Group for created file systems", "datavg",
                "Remove final images after creating CD?", "no", "Create the CD now?", "yes", "Debug output?", "yes",
                "User supplied WPAR specification file", "/tmp/w1.spec", "User supplied image.data file",
                "/tmp/image.data"))).isEqualTo("mkcd -d '/dev/cd0' -W 'w1' -P -e -c -a -M '/bk/img' -C '/bk/fs'"
                        + " -I '/bk/images' -V 'datavg' -R -D -f '/tmp/w1.spec' -i '/tmp/image.data'");
        assertThat(compose("savewparcd", map("WORKLOAD PARTITION to back up", "w1", "Create the CD now?", "no")))
                .isEqualTo("mkcd -W 'w1' -S");
    }

    @Test
    void mkdvdToDvd() {
        assertThat(compose("savewpardvd", map("WORKLOAD PARTITION to back up", "w1"))).isEqualTo("mkdvd -W 'w1'");
        assertThat(compose("savewpardvd", map("DVD recordable device", "/dev/cd0", "WORKLOAD PARTITION to back up",
                "w1", "DVD format", "UDF", "Create MAP files?", "yes", "EXCLUDE files?", "yes",
                "Disable software packing of backup?", "yes", "Backup extended attributes?", "no",
                "File system to store savewpar image", "/bk/img", "File system to store DVD file structure", "/bk/fs",
                "File system to store final DVD images", "/bk/images", "Volume Group for created file systems",
                "datavg", "Remove final images after creating DVD?", "no", "Create the DVD now?", "yes",
                "Debug output?", "yes", "User supplied WPAR specification file", "/tmp/w1.spec",
                "User supplied image.data file", "/tmp/image.data")))
                .isEqualTo("mkdvd -d '/dev/cd0' -W 'w1' -U -P -e -c -a -M '/bk/img' -C '/bk/fs' -I '/bk/images'"
                        + " -V 'datavg' -R -D -f '/tmp/w1.spec' -i '/tmp/image.data'");
        assertThat(compose("savewpardvd", map("WORKLOAD PARTITION to back up", "w1", "Create the DVD now?", "no")))
                .isEqualTo("mkdvd -W 'w1' -S");
    }

    @Test
    void restwparFromTapeOrFile() {
        assertThat(compose("restwpar_sys", map())).isEqualTo("restwpar -f '/dev/rmt0'");
        assertThat(compose("restwpar_sys", map("Backup DEVICE or FILE", "/backup/w1.bk",
                "Number of BLOCKS to read in a single input", "200", "New WORKLOAD PARTITION name", "w2",
                "HOSTNAME", "w2.lab", "Alternate base DIRECTORY", "/wpars/w2", "Alternate WPAR SPECIFICATION file",
                "/tmp/w2.spec", "Alternate image.data file", "/tmp/image.data", "Alternate DEVICE EXPORTS file",
                "/tmp/devexports", "Additional mkwpar flags", "-N address=192.168.20.60",
                "Start workload partition after restore?", "yes", "START workload partition at system boot?", "yes",
                "Automatically RESOLVE conflicts?", "yes", "Copy global network name resolution config?", "yes",
                "FORCE creation?", "yes", "Ignore compatibility check failures?", "yes",
                "Create logical volumes with minimum sizes?", "yes", "Software SYNCHRONIZATION",
                "full synchronization, ignore failures")))
                .isEqualTo("restwpar -f '/backup/w1.bk' -b '200' -n 'w2' -h 'w2.lab' -d '/wpars/w2'"
                        + " -w '/tmp/w2.spec' -i '/tmp/image.data' -B '/tmp/devexports'"
                        + " -M '-N address=192.168.20.60' -s -A -a -r -F -C -k -S F");
        assertThat(compose("restwpar_sys", map("Software SYNCHRONIZATION", "no synchronization")))
                .isEqualTo("restwpar -f '/dev/rmt0' -S n");
    }

    @Test
    void lssavewparPreviewFilesetsFilesAndVerify() {
        Map<String, String> all = map("Backup DEVICE or FILE", "/backup/w1.bk",
                "Number of BLOCKS to read in a single input", "64", "Verify BLOCK size if tape device?", "yes");
        assertThat(compose("lssavewpar_preview", map())).isEqualTo("lssavewpar -l -f '/dev/rmt0'");
        assertThat(compose("lssavewpar_preview", all)).isEqualTo("lssavewpar -l -f '/backup/w1.bk' -b '64' -a");
        assertThat(compose("lssavewpar_filesets", all)).isEqualTo("lssavewpar -L -f '/backup/w1.bk' -b '64' -a");
        assertThat(compose("lssavewpar_files", map())).isEqualTo("lssavewpar -f '/dev/rmt0'");
        assertThat(compose("lssavewpar_files", all)).isEqualTo("lssavewpar -f '/backup/w1.bk' -b '64' -a");
        assertThat(compose("lssavewpar_verify", map())).isEqualTo("lssavewpar -V -f '/dev/rmt0'");
        assertThat(compose("lssavewpar_verify", map("TAPE DEVICE", "/dev/rmt1",
                "Number of BLOCKS to read in a single input", "64"))).isEqualTo("lssavewpar -V -f '/dev/rmt1' -b '64'");
    }

    @Test
    void restwparfilesFromABackup() {
        assertThat(compose("restwparfiles_sys", map())).isEqualTo("restwparfiles -f '/dev/rmt0'");
        assertThat(compose("restwparfiles_sys", map("Backup DEVICE or FILE", "/backup/w1.bk", "FILES to restore",
                "./etc/hosts ./home/guest", "DIRECTORY path to restore files to", "/tmp/restore",
                "Number of BLOCKS to read in a single input", "64", "Verify BLOCK size if tape device?", "yes",
                "Restore ACLs, PCLs and extended attributes?", "no"))).isEqualTo(
                        "restwparfiles -f '/backup/w1.bk' -d '/tmp/restore' -b '64' -a -n './etc/hosts' './home/guest'");
        // the control files only: no file list (restwparfiles refuses -m with one)
        assertThat(compose("restwparfiles_sys", map("DIRECTORY path to restore files to", "/tmp/restore",
                "Restore only image.data and wpar.spec files?", "yes")))
                .isEqualTo("restwparfiles -f '/dev/rmt0' -d '/tmp/restore' -m");
    }

    @Test
    void theMenuLeadsToAllNineAndTheCdDvdDialogsOpen() {
        Harness h = new Harness(dir);
        List<String> leaves = new ArrayList<>();
        for (Menu.Item it : ((Menu) Harness.shipped().screen("backup_sys")).items()) {
            ScreenDef s = Harness.shipped().screen(it.next());
            if (s instanceof Menu m) {
                m.items().forEach(i -> leaves.add(i.next()));
            } else {
                leaves.add(s.id());
            }
        }
        assertThat(leaves).containsExactly("savewpar_sys", "savewparcd", "savewpardvd", "restwpar_sys",
                "lssavewpar_preview", "lssavewpar_filesets", "lssavewpar_files", "restwparfiles_sys",
                "lssavewpar_verify");
        for (String id : leaves) {
            Session s = h.start(id);
            assertThat(s.view().kind()).as(id).isEqualTo(View.Kind.DIALOG);
            assertThat(((Dialog) Harness.shipped().screen(id)).pending()).as(id).isFalse();
        }
    }

    @Test
    void f4OnTheDevicesGivesTheTapeAsTheCommandsTakeIt() {
        Harness h = new Harness(dir);
        for (String id : List.of("savewpar_sys", "restwpar_sys", "lssavewpar_files", "lssavewpar_verify",
                "restwparfiles_sys")) {
            Session s = h.start(id);
            List<View.FieldLine> f = Harness.dialog(s).fields();
            String label = f.stream().map(View.FieldLine::label)
                    .filter(l -> l.equals("Backup DEVICE or FILE") || l.equals("TAPE DEVICE")).findFirst().orElseThrow();
            Harness.field(s, label);
            s.list();
            assertThat(((View.ListPopup) s.view().popup()).items()).as(id).extracting(View.ListLine::text)
                    .containsExactly("/dev/rmt0");
        }
    }

    @Test
    void f4OnTheFilesToRestoreListsTheFilesOfTheBackup() {
        Harness h = new Harness(dir);
        h.sh("mkwpar -n w1");
        h.sh("savewpar -f /tmp/w1.bk w1");
        Session s = h.start("restwparfiles_sys");
        Harness.field(s, "Backup DEVICE or FILE");
        s.setValue("/tmp/w1.bk");
        Harness.field(s, "FILES to restore");
        s.list();
        List<String> items = ((View.ListPopup) s.view().popup()).items().stream().map(View.ListLine::text)
                .map(String::strip).toList();
        assertThat(items).isNotEmpty().allMatch(t -> t.matches("[0-9]+ \\./.*"));
        assertThat(items).anyMatch(t -> t.endsWith(" ./etc/hosts")).anyMatch(t -> t.endsWith(" ./etc/motd"));
        // F7 marks two, Enter puts their paths in the field
        for (String want : List.of(" ./etc/hosts", " ./etc/motd")) {
            int i = 0;
            while (!items.get(i).endsWith(want)) {
                i++;
            }
            s.setCursor(i);
            s.toggleMark();
        }
        s.enter();
        Harness.field(s, "DIRECTORY path to restore files to");
        s.setValue("/tmp/out");
        assertThat(s.command()).isEqualTo("restwparfiles -f '/tmp/w1.bk' -d '/tmp/out' './etc/hosts' './etc/motd'");
        // an empty tape: F4 shows lssavewpar's own message
        s.cancel();
        s = h.start("restwparfiles_sys");
        Harness.field(s, "FILES to restore");
        s.list();
        assertThat(((View.MessagePopup) s.view().popup()).lines())
                .contains("lssavewpar: 0512-002 Cannot open /dev/rmt0: The device is not ready for operation.");
    }

    @Test
    void f4OffersTheWparsTheBackupAcceptsAndTheOpticalDrives() {
        Harness h = new Harness(dir);
        h.sh("mkwpar -n w1");
        h.sh("mkwpar -n w2");
        h.sh("startwpar w2");
        h.sh("mkwpar -n w3");
        Session s = h.start("savewparcd");
        Harness.field(s, "WORKLOAD PARTITION to back up");
        s.list();
        assertThat(((View.ListPopup) s.view().popup()).items()).extracting(View.ListLine::text)
                .containsExactly("w1", "w2", "w3");
        s.cancel();
        // F4 lists the optical drives mkcd writes to: the default host's only one, cd0, is a
        // read-only DVD drive (mkcd refuses it, withoutAWriterTheCdDialogAnswersAsMkcdDoes), so
        // there is none, as SMIT says of any empty list
        s.cancel();
        for (String[] w : new String[][] {{"savewparcd", "CD-R Device"}, {"savewpardvd", "DVD recordable device"}}) {
            s = h.start(w[0]);
            Harness.field(s, w[1]);
            s.list();
            assertThat(s.view().popup()).as(w[0]).isInstanceOf(View.MessagePopup.class);
            assertThat(((View.MessagePopup) s.view().popup()).lines()).as(w[0])
                    .containsExactly("1800-110 There are no items of this type.", "",
                            "Press Enter or Cancel to return to the application.");
        }
    }

    /** A host with a read-only drive cd0 and a writer cd1: the writer fields offer cd1 alone, the software input both. */
    @Test
    void f4OnTheWriterFieldsOffersTheWritersOnly() throws Exception {
        Harness h = new Harness(dir);
        h.sh("mkwpar -n w1");
        Path hostCf = dir.resolve("state/host.cf");
        java.nio.file.Files.writeString(hostCf, java.nio.file.Files.readString(hostCf) + "\nadapter:\n\tname = \"cd1\"\n"
                + "\tlocation = \"U78D3.001.WZS0ABC-P1-C14-T1-L0-L0\"\n\tdescription = \"SATA DVD-RAM Drive\"\n"
                + "\tclass = \"cdrom\"\n\twriter = \"yes\"\n");
        for (String[] w : new String[][] {{"savewparcd", "CD-R Device"}, {"savewpardvd", "DVD recordable device"}}) {
            Session s = h.start(w[0]);
            Harness.field(s, w[1]);
            s.list();
            assertThat(((View.ListPopup) s.view().popup()).items()).as(w[0]).extracting(View.ListLine::text)
                    .containsExactly("/dev/cd1");
            s.enter();
            Harness.field(s, "WORKLOAD PARTITION to back up");
            s.setValue("w1");
            assertThat(s.command()).as(w[0]).isEqualTo(w[0].equals("savewparcd") ? "mkcd -d '/dev/cd1' -W 'w1'"
                    : "mkdvd -d '/dev/cd1' -W 'w1'");
        }
        Session s = h.start("syncwpar_detached");
        Harness.field(s, "INPUT device / directory for software");
        s.list();
        assertThat(((View.ListPopup) s.view().popup()).items()).extracting(View.ListLine::text)
                .containsExactly("/dev/cd0", "/dev/cd1");
    }

    @Test
    void withAWriterTheDvdDialogWritesTheDiscAndTheRestoreDialogReadsIt() throws Exception {
        Harness h = new Harness(dir);
        h.sh("mkwpar -n w1");
        Path hostCf = dir.resolve("state/host.cf");
        java.nio.file.Files.writeString(hostCf, java.nio.file.Files.readString(hostCf)
                .replace("\tclass = \"cdrom\"\n", "\tclass = \"cdrom\"\n\twriter = \"yes\"\n"));
        Session s = h.start("savewpardvd");
        Harness.field(s, "DVD recordable device");
        s.setValue("/dev/cd0");
        Harness.field(s, "WORKLOAD PARTITION to back up");
        s.setValue("w1");
        Harness.enterAndRun(s);
        assertThat(Harness.output(s).status()).as(String.join("\n", Harness.outputText(s))).isEqualTo(View.Status.OK);
        assertThat(Harness.outputText(s)).contains("Writing the CD or DVD image to device: /dev/cd0...",
                "0512-038 mkdvd: Backup Completed Successfully.");
        h.sh("rmwpar w1");
        s = h.start("restwpar_sys");
        Harness.field(s, "Backup DEVICE or FILE");
        s.setValue("/dev/cd0");
        Harness.enterAndRun(s);
        assertThat(Harness.output(s).status()).as(String.join("\n", Harness.outputText(s))).isEqualTo(View.Status.OK);
        assertThat(Harness.outputText(s)).contains("Workload partition w1 created successfully.");
        assertThat(h.sh("lswpar -qca name")).isEqualTo("w1\n");
    }

    @Test
    void withoutAWriterTheCdDialogAnswersAsMkcdDoes() {
        Harness h = new Harness(dir);
        h.sh("mkwpar -n w1");
        Session s = h.start("savewparcd");
        Harness.field(s, "CD-R Device");
        s.setValue("/dev/cd0");
        Harness.field(s, "WORKLOAD PARTITION to back up");
        s.setValue("w1");
        Harness.enterAndRun(s);
        assertThat(Harness.output(s).status()).isEqualTo(View.Status.FAILED);
        assertThat(Harness.outputText(s)).containsExactly("Initializing mkcd log: /var/adm/ras/mkcd.log...",
                "Verifying command parameters...",
                "mkcd: 0512-331 The device /dev/cd0 is not a CD or DVD writer of this system.");
    }
}
