package smittywpar.cmd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.testkit.Sim;

/**
 * mkcd and mkdvd on a host a lab gave an optical drive cd0 (host.cf): the savewpar image goes on
 * the disc, from which restwpar restores the WPAR; -S prepares the image without a disc, -R keeps
 * it, -w writes an existing image; failures change nothing. (The default host, which has no
 * writer: golden/63-mkcd-no-writer.txt; a scenario's writer cd1: golden/64-mkcd-writer.txt.)
 */
class MkcdTest {
    @TempDir
    Path tmp;

    private Sim withDrive() {
        Sim sim = new Sim(tmp.resolve("state"));
        // the lab's edit: the optical drive cd0 writes discs
        sim.editHost(t -> {
            assertThat(t).contains("\tclass = \"cdrom\"\n");
            return t.replace("\tclass = \"cdrom\"\n", "\tclass = \"cdrom\"\n\twriter = \"yes\"\n");
        });
        return sim;
    }

    private static int pid(String out, String prefix) {
        for (String l : out.split("\n")) {
            if (l.startsWith(prefix)) {
                return Integer.parseInt(l.substring(l.lastIndexOf('_') + 1));
            }
        }
        throw new AssertionError("no line " + prefix + " in " + out);
    }

    @Test
    void theBackupGoesOnTheDiscAndRestwparRestoresFromIt() throws Exception {
        Sim sim = withDrive();
        assertThat(sim.run("mkwpar -n c1 -N address=192.168.20.91").exit()).isZero();
        assertThat(sim.run("startwpar c1").exit()).isZero();
        assertThat(sim.run("clogin c1 'echo kept on disc > /etc/motd'").exit()).isZero();
        assertThat(sim.run("stopwpar c1").exit()).isZero();
        String before = sim.run("lswpar -L c1").out();
        Sim.Result r = sim.run("mkcd -d /dev/cd0 -W c1");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        int pid = pid(r.out(), "Creating Rock Ridge format image: ");
        assertThat(r.out()).isEqualTo("""
                Initializing mkcd log: /var/adm/ras/mkcd.log...
                Verifying command parameters...
                Creating temporary file system: /mkcd/mksysb_image...
                Creating savewpar image...

                Creating information file for workload partition c1.

                Creating list of files to back up.

                Backing up %1$s files

                %1$s of %1$s files backed up (100%%)
                0512-038 mkcd: Backup Completed Successfully.
                Populating the CD or DVD file system...
                Creating temporary file system: /mkcd/cd_fs...
                Copying backup to the CD or DVD file system...
                Creating temporary file system: /mkcd/cd_images...
                Creating Rock Ridge format image: /mkcd/cd_images/cd_image_%2$d
                Writing the CD or DVD image to device: /dev/cd0...
                Removing temporary file system: /mkcd/cd_images...
                Removing temporary file system: /mkcd/cd_fs...
                Removing temporary file system: /mkcd/mksysb_image...
                """.formatted(r.out().replaceAll("(?s).*Backing up ([0-9]+) files.*", "$1"), pid));
        // nothing left behind in the host's file tree, the disc holds the image
        assertThat(sim.run("aixsh -c 'ls /mkcd'").exit()).isNotZero();
        assertThat(Files.size(sim.home().resolve("media/cd0"))).isPositive();
        assertThat(sim.run("lssavewpar -f /dev/cd0").out()).contains("./etc/motd\n");

        assertThat(sim.run("rmwpar c1").exit()).isZero();
        Sim.Result back = sim.run("restwpar -f /dev/cd0");
        assertThat(back.exit()).as(back.err()).isZero();
        assertThat(sim.run("lswpar -L c1").out().replaceAll("UUID.*", ""))
                .isEqualTo(before.replaceAll("UUID.*", ""));
        assertThat(sim.run("startwpar c1").exit()).isZero();
        assertThat(sim.run("clogin c1 cat /etc/motd").out()).isEqualTo("kept on disc\n");
    }

    @Test
    void prepareOnlyKeepsTheFinalImageWhichIsTheSavewparImage() {
        Sim sim = new Sim(tmp.resolve("state")); // -S needs no writer: the default host will do
        assertThat(sim.run("mkwpar -n c2").exit()).isZero();
        Sim.Result r = sim.run("mkdvd -S -W c2 -U");
        assertThat(r.exit()).as(r.err()).isZero();
        int pid = pid(r.out(), "Creating UDF format image: ");
        assertThat(r.out()).doesNotContain("Writing the CD or DVD image")
                .doesNotContain("Removing temporary file system: /mkcd/cd_images...")
                .contains("Removing temporary file system: /mkcd/cd_fs...\n");
        String image = "/mkcd/cd_images/cd_image_" + pid;
        assertThat(sim.run("aixsh -c 'ls /mkcd /mkcd/cd_images'").out())
                .isEqualTo("/mkcd:\ncd_images\n\n/mkcd/cd_images:\ncd_image_" + pid + "\n");
        Sim.Result l = sim.run("lssavewpar -l -f " + image);
        assertThat(l.exit()).as(l.err()).isZero();
        assertThat(l.out()).contains("/wpars/c2\n");
        // the image restores as it is
        assertThat(sim.run("restwpar -n c3 -f " + image).exit()).isZero();
        assertThat(sim.run("lswpar -qca name").out()).isEqualTo("c2\nc3\n");
    }

    @Test
    void anExistingImageGivenDirectoriesAndKeptImages() {
        Sim sim = withDrive();
        assertThat(sim.run("mkwpar -n c4").exit()).isZero();
        assertThat(sim.run("savewpar -f /tmp/c4.bk c4").exit()).isZero();
        assertThat(sim.run("aixsh -c 'mkdir /bk /bk/fs /bk/img'").exit()).isZero();
        Sim.Result r = sim.run("mkcd -d cd0 -w /tmp/c4.bk -C /bk/fs -I /bk/img -R");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("""
                Initializing mkcd log: /var/adm/ras/mkcd.log...
                Verifying command parameters...
                Populating the CD or DVD file system...
                Copying backup to the CD or DVD file system...
                Creating Rock Ridge format image: /bk/img/cd_image_%d
                Writing the CD or DVD image to device: /dev/cd0...
                """.formatted(pid(r.out(), "Creating Rock Ridge")));
        // -R kept the final image; the file structure built in /bk/fs is cleared
        assertThat(sim.run("aixsh -c 'ls /bk/fs /bk/img'").out()).startsWith("/bk/fs:\n\n/bk/img:\ncd_image_");
        assertThat(sim.run("lssavewpar -f /dev/cd0").out()).isEqualTo(sim.run("lssavewpar -f /tmp/c4.bk").out()
                .replace("/tmp/c4.bk", "/dev/cd0"));
    }

    @Test
    void failuresChangeNothing() {
        Sim sim = withDrive();
        assertThat(sim.run("mkwpar -n c5").exit()).isZero();
        for (String line : new String[] {"mkcd -d /dev/cd0 -W nosuch", "mkcd -d /dev/cd1 -W c5",
            "mkcd -d /dev/rmt0 -W c5", "mkcd -d /dev/cd0 -W c5 -V datavg", "mkcd -d /dev/cd0 -W c5 -M /no/dir",
            "mkdvd -d /dev/cd0 -w /tmp/none.bk", "mkcd -d /dev/cd0 -W c5 -i /tmp/no.image.data"}) {
            Map<String, String> state = sim.snapshot();
            Sim.Result r = sim.run(line);
            assertThat(r.exit()).as(line).isNotZero();
            assertThat(sim.snapshot()).as(line).isEqualTo(state);
            assertThat(r.err()).as(line).isNotEmpty();
        }
        assertThat(sim.run("mkcd -d /dev/cd0 -W nosuch").err())
                .isEqualTo("mkcd: 0960-419 Could not find a workload partition called nosuch.\n");
        assertThat(sim.run("mkcd -d /dev/rmt0 -W c5").err())
                .isEqualTo("mkcd: 0512-331 The device /dev/rmt0 is not a CD or DVD writer of this system.\n");
    }

    @Test
    void aWriterIsAnOpticalDriveHostCfSaysWrites() throws Exception {
        Sim sim = new Sim(tmp.resolve("bad"));
        sim.editHost(t -> t.replace("\tclass = \"tape\"\n", "\tclass = \"tape\"\n\twriter = \"yes\"\n"));
        Sim.Result r = sim.run("lsdev -Cc tape");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("'writer' is for a cdrom drive only, not for class 'tape'");
        // the writer survives host.cf being written back, and a drive exported to a WPAR is none
        Sim lab = withDrive();
        assertThat(lab.run("mkwpar -n c6").exit()).isZero();
        Sim.Result ex = lab.run("chwpar -D devname=cd0 c6");
        assertThat(ex.exit()).as(ex.err()).isZero();
        assertThat(Files.readString(lab.home().resolve("host.cf"))).contains("\twriter = \"yes\"\n");
        assertThat(lab.run("mkcd -d /dev/cd0 -W c6").err())
                .isEqualTo("mkcd: 0512-331 The device /dev/cd0 is not a CD or DVD writer of this system.\n");
        assertThat(lab.run("chwpar -K -D devname=cd0 c6").exit()).isZero();
        assertThat(lab.run("mkcd -d /dev/cd0 -W c6").exit()).isZero();
    }
}
