package smittywpar.cmd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.testkit.Consistency;
import smittywpar.testkit.Sim;

/**
 * What the mkwpar flags that bring content from elsewhere do where a golden transcript cannot
 * reach: -P reads the password from standard input, -L image_data= reads an image.data file of the
 * host's file tree, -t sizes the copy after the global file systems.
 */
class MkwparSourcesTest {
    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Sim sim, String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Commands.run(new Invocation("mkwpar", List.of(args),
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.copyOf(sim.env()), sim.home()));
        return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void minusCapitalPReadsThePasswordTwiceAndRefusesTwoThatDiffer() {
        Sim sim = new Sim(tmp.resolve("state"));
        sim.run("lswpar");
        var before = sim.snapshot();
        Run bad = run(sim, "secret\nsecreT\n", "-n", "p1", "-P");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out()).isEqualTo("New password:\nEnter the new password again:\n");
        assertThat(bad.err()).isEqualTo("mkwpar: 0960-324 The passwords do not match; nothing was changed.\n");
        assertThat(sim.snapshot()).isEqualTo(before);
        Run ok = run(sim, "secret\nsecret\n", "-n", "p1", "-P");
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).startsWith("New password:\nEnter the new password again:\nmkwpar: Creating file systems...\n")
                .contains("Workload partition p1 created successfully.\n");
        assertThat(String.join("", sim.snapshot().values())).as("the password is not kept").doesNotContain("secret");
    }

    @Test
    void anImageDataFileSizesTheFileSystemsItDescribesAndAddsTheOthers() throws IOException {
        Sim sim = new Sim(tmp.resolve("state"));
        sim.run("lswpar");
        Path image = sim.home().resolve("fs/tmp/image.data");
        Files.createDirectories(image.getParent());
        Files.writeString(image, """
                image_data:
                        IMAGE_TYPE= wpar

                lv_data:
                        LOGICAL_VOLUME= fslv00
                        LPs= 8

                fs_data:
                        FS_NAME= /
                        FS_SIZE= 524288
                        FS_LV= /dev/fslv00

                fs_data:
                        FS_NAME= /usr
                        FS_SIZE= 4194304

                fs_data:
                        FS_NAME= /data
                        FS_SIZE= 131072
                """);
        Sim.Result r = sim.run("mkwpar -n img -L image_data=/tmp/image.data");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains(" /data\n");
        assertThat(sim.run("lsvg -l rootvg").out()).contains("8       8       1    closed/syncd  /wpars/img\n")
                .contains("2       2       1    closed/syncd  /wpars/img/data\n");
        assertThat(sim.run("lswpar -M -a mountpoint,device,vfs img").out()).contains("/wpars/img/usr   /usr         namefs");
        // -M on the command line wins over the image.data
        assertThat(sim.run("mkwpar -n img2 -L image_data=/tmp/image.data -M directory=/data size=256M").exit()).isZero();
        assertThat(sim.run("lsvg -l rootvg").out()).contains("8       8       1    closed/syncd  /wpars/img2/data\n");

        Files.writeString(image, "fs_data:\n\tFS_NAME= data\n\tFS_SIZE= 10\n");
        var before = sim.snapshot();
        Sim.Result bad = sim.run("mkwpar -n img3 -L image_data=/tmp/image.data");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).isEqualTo("mkwpar: 0960-084 /tmp/image.data is not a valid image.data file: the fs_data"
                + " stanza of line 1 needs FS_NAME (an absolute path) and FS_SIZE (512-byte blocks).\n");
        Files.writeString(image, "FS_NAME= /data\n");
        assertThat(sim.run("mkwpar -n img3 -L image_data=/tmp/image.data").err()).isEqualTo("mkwpar: 0960-084"
                + " /tmp/image.data is not a valid image.data file: line 1: expected a stanza header such as 'general:'\n");
        var after = sim.snapshot();
        after.remove("fs/tmp/image.data");
        before.remove("fs/tmp/image.data");
        assertThat(after).isEqualTo(before);
        Consistency.check(sim.env());
    }

    @Test
    void aSystemCopyHoldsWhatTheGlobalFileSystemsHold() {
        Sim sim = new Sim(tmp.resolve("state"));
        assertThat(sim.run("mkwpar -n copy -t").exit()).isZero();
        assertThat(sim.run("startwpar copy").exit()).isZero();
        // global / of the example host: 2048 MB, 1597 free, 20311 inodes used
        assertThat(sim.run("df -m /wpars/copy").out()).endsWith(
                "/dev/fslv01      576.00    125.00   78%    20311     5% /wpars/copy\n");
        assertThat(sim.run("mkwpar -n lean -L shrink=yes").exit()).isZero();
        assertThat(sim.run("startwpar lean").exit()).isZero();
        assertThat(sim.run("df -m /wpars/lean/var").out()).contains("32.00");
        Consistency.check(sim.env());
    }
}
