package smittywpar.cmd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.testkit.Sim;

/** The backup devices of the default host: the tape drive rmt0, the optical drive cd0. */
class BackupDevicesTest {
    @TempDir
    Path tmp;

    @Test
    void aHostWithAnOpticalDriveListsItAndRestoresFromItsMedium() throws Exception {
        Sim sim = new Sim(tmp.resolve("state"));
        assertThat(sim.run("lsdev -Cc cdrom").out()).isEqualTo("cd0 Available  Virtual SCSI Optical Served by VIO Server\n");
        assertThat(sim.run("lsdev -C -F 'name class'").out()).contains("cd0 cdrom\n", "rmt0 tape\n");
        assertThat(sim.run("restwpar -f /dev/cd0").err())
                .isEqualTo("restwpar: 0512-002 Cannot open /dev/cd0: The device is not ready for operation.\n");
        assertThat(sim.run("mkwpar -n c1").exit()).isZero();
        Sim.Result w = sim.run("savewpar -f /dev/cd0 c1");
        assertThat(w.exit()).isEqualTo(1);
        assertThat(w.err()).isEqualTo("savewpar: 0512-002 Cannot open /dev/cd0: The media is write-protected.\n");
        assertThat(sim.run("savewpar c1").exit()).isZero();
        // what a CD writer (mkcd -W) puts in the drive: the same image
        Files.createDirectories(sim.home().resolve("media"));
        Files.copy(sim.home().resolve("media/rmt0"), sim.home().resolve("media/cd0"));
        assertThat(sim.run("rmwpar c1").exit()).isZero();
        Sim.Result r = sim.run("restwpar -f /dev/cd0");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("New volume on /dev/cd0:\n").contains("Workload partition c1 created successfully.\n");
        assertThat(sim.run("lssavewpar -V -f /dev/cd0").err())
                .isEqualTo("lssavewpar: 0512-004 /dev/cd0 is not a tape device: only a tape backup can be verified.\n");
    }

    @Test
    void aTapeKeepsOneImageTheNextBackupReplaces() {
        Sim sim = new Sim(tmp.resolve("state"));
        assertThat(sim.run("mkwpar -n a1").exit()).isZero();
        assertThat(sim.run("mkwpar -n a2").exit()).isZero();
        assertThat(sim.run("savewpar a1").exit()).isZero();
        assertThat(sim.run("lssavewpar -l -f /dev/rmt0.1").out()).contains("/wpars/a1\n");
        assertThat(sim.run("savewpar -f /dev/rmt0 a2").exit()).isZero();
        String l = sim.run("lssavewpar -l -f /dev/rmt0").out();
        assertThat(l).contains("/wpars/a2\n").doesNotContain("/wpars/a1");
    }
}
