package smittywpar.cmd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.testkit.Sim;

/** What mkwpar -o writes, where it writes it, and that a written file recreates the WPAR. */
class SpecFileTest {
    @TempDir
    Path tmp;

    @Test
    void writeOnlySpecOfAnExistingWparLeavesOutItsIdentityAndWithCapitalWItsBootSets() throws IOException {
        Sim sim = new Sim(tmp.resolve("state"));
        assertThat(sim.run("mkwpar -n base -A -N address=192.168.20.40 -R CPU=5%-10%,20%").exit()).isZero();
        var before = sim.snapshot();
        assertThat(sim.run("mkwpar -e base -o /tmp/base.spec -w").exit()).isZero();
        Path spec = sim.home().resolve("fs/tmp/base.spec");
        String text = Files.readString(spec);
        assertThat(text).startsWith("general:\n\ttype = \"S\"\n\towner = \"root\"\n\trootvgwpar = \"no\"\n\tauto = \"yes\"\n")
                .contains("resources:\n\tactive = \"yes\"\n\tCPU = \"5%-10%,20%\"\n")
                .contains("mount:\n\tdirectory = \"/\"\n\tvfs = \"jfs2\"\n\tsize = \"196608\"\n\tlogname = \"INLINE\"\n")
                .doesNotContain("name = \"base\"").doesNotContain("network:").doesNotContain("uuid")
                .doesNotContain("fslv").doesNotContain("state =");
        // -w changes nothing but the file it writes
        var after = sim.snapshot();
        after.remove("fs/tmp/base.spec");
        assertThat(after).isEqualTo(before);

        // -W leaves out the boot set information (IBM's mkwpar page), never adds the identity
        assertThat(sim.run("chwpar -B bootset=5 base").exit()).isZero();
        assertThat(sim.run("chwpar -b 5,0 base").exit()).isZero();
        assertThat(sim.run("mkwpar -e base -o /tmp/boot.spec -w").exit()).isZero();
        assertThat(Files.readString(sim.home().resolve("fs/tmp/boot.spec"))).contains("\tbootlist = \"5,0\"\n")
                .endsWith("bootset:\n\tid = \"5\"\n\tvg = \"rootvg\"\n").doesNotContain("lvs =")
                .doesNotContain("name = \"base\"");
        assertThat(sim.run("mkwpar -e base -W -o /tmp/noboot.spec -w").exit()).isZero();
        String noboot = Files.readString(sim.home().resolve("fs/tmp/noboot.spec"));
        assertThat(noboot).doesNotContain("bootset").doesNotContain("bootlist").doesNotContain("name = \"base\"")
                .doesNotContain("network:");
        assertThat(Files.readString(sim.home().resolve("fs/tmp/boot.spec")).replace("\tbootlist = \"5,0\"\n", "")
                .replace("\n\nbootset:\n\tid = \"5\"\n\tvg = \"rootvg\"\n", "\n")).isEqualTo(noboot);
    }

    @Test
    void writeOnlyKeepsAnAddressOnNoGlobalNetworkWithoutInterface() throws IOException {
        Sim sim = new Sim(tmp.resolve("state"));
        assertThat(sim.run("mkwpar -n wpar1").exit()).isZero();
        assertThat(sim.run("mkwpar -e wpar1 -o /tmp/wpar1.spec -w").exit()).isZero();
        var before = sim.snapshot();
        Sim.Result r = sim.run("mkwpar -f /tmp/wpar1.spec -N address=219.168.45.132 -h www.flowers.com -n wpar2"
                + " -o /tmp/wpar2.spec -w");
        assertThat(r.exit()).as(r.err()).isZero();
        String text = Files.readString(sim.home().resolve("fs/tmp/wpar2.spec"));
        assertThat(text).startsWith("general:\n\tname = \"wpar2\"\n\thostname = \"www.flowers.com\"\n")
                .contains("network:\n\taddress = \"219.168.45.132\"\n\tnetmask = \"255.255.255.0\"\n"
                        + "\tbroadcast = \"219.168.45.255\"\n\n")
                .doesNotContain("interface =");
        var after = sim.snapshot();
        after.remove("fs/tmp/wpar2.spec");
        assertThat(after).as("-w creates nothing").isEqualTo(before);
    }

    @Test
    void aSpecWrittenByMkwparRecreatesTheSameWparAfterItIsRemoved() throws IOException {
        Sim sim = new Sim(tmp.resolve("state"));
        assertThat(sim.run("mkwpar -n web -h web.example.com -i -N address=192.168.10.77 -I rtdest=default"
                + " rtgateway=192.168.10.1 -M directory=/srv size=64M -R shares_CPU=30 -o /specs/web.spec").exit())
                .isZero();
        String listed = sim.run("lswpar -cG -a name,hostname,routing,directory web").out()
                + sim.run("lswpar -cN web").out() + sim.run("lswpar -cI web").out() + sim.run("lswpar -cR web").out();
        String mounts = sim.run("lswpar -M web").out();
        assertThat(sim.run("rmwpar web").exit()).isZero();
        Sim.Result again = sim.run("mkwpar -f /specs/web.spec");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(sim.run("lswpar -cG -a name,hostname,routing,directory web").out() + sim.run("lswpar -cN web").out()
                + sim.run("lswpar -cI web").out() + sim.run("lswpar -cR web").out()).isEqualTo(listed);
        assertThat(sim.run("lswpar -M web").out()).isEqualTo(mounts);
    }
}
