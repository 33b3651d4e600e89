package smittywpar.cmd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.testkit.Consistency;
import smittywpar.testkit.Sim;

/**
 * mkwpar flags whose success needs a host set up for them (as a trainer would edit host.cf): a
 * second volume group (-g), the checkpoint/restart fileset (-c), a disk holding an old volume
 * group (-O), a host name that resolves (default network).
 */
class HostScenarioTest {
    @TempDir
    Path tmp;
    Sim sim;

    @BeforeEach
    void setUp() {
        sim = new Sim(tmp.resolve("state"));
    }

    @Test
    void volumeGroupFlagPutsTheFileSystemsInThatVolumeGroup() {
        sim.editHost(h -> h.replaceFirst("name = \"hdisk2\"\n\tpvid = \"none\"\n\tvg = \"None\"",
                "name = \"hdisk2\"\n\tpvid = \"00f6db0a7d1e2f30\"\n\tvg = \"datavg\"")
                + "\nvg:\n\tname = \"datavg\"\n\tidentifier = \"00f6db0a00004c000000016f2b1e9999\"\n\tppsize = \"64\"\n");
        assertThat(sim.run("lsvg").out()).isEqualTo("rootvg\ndatavg\n");
        Sim.Result r = sim.run("mkwpar -n dw -g datavg");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(sim.run("lsvg -l datavg").out()).isEqualTo("""
                datavg:
                LV NAME             TYPE       LPs     PPs     PVs  LV STATE      MOUNT POINT
                fslv01              jfs2       2       2       1    closed/syncd  /wpars/dw
                fslv02              jfs2       1       1       1    closed/syncd  /wpars/dw/home
                fslv03              jfs2       2       2       1    closed/syncd  /wpars/dw/tmp
                fslv04              jfs2       4       4       1    closed/syncd  /wpars/dw/var
                """);
        assertThat(sim.run("lsvg datavg").out()).contains(
                "TOTAL PPs:      319 (20416 megabytes)", "FREE PPs:       310 (19840 megabytes)");
        assertThat(sim.run("lsvg -l rootvg").out()).doesNotContain("/wpars/dw");
        assertThat(sim.run("rmwpar dw").exit()).isZero();
        assertThat(sim.run("lsvg datavg").out()).contains("FREE PPs:       319 (20416 megabytes)");
        Consistency.check(sim.env());
    }

    @Test
    void checkpointableNeedsTheCheckpointRestartFileset() {
        Sim.Result refused = sim.run("mkwpar -n ck -c");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("mkwpar: 0960-070 Checkpointable workload partitions need the"
                + " checkpoint/restart software (fileset mcr.rte), which is not installed.\n");
        sim.editHost(h -> h + "\nfileset:\n\tname = \"mcr.rte\"\n\tlevel = \"7.2.4.0\"\n"
                + "\tdescription = \"Metacluster Checkpoint and Restart\"\n\troot = \"yes\"\n");
        assertThat(sim.run("mkwpar -n ck -c").exit()).isZero();
        assertThat(sim.run("lswpar -G ck").out()).contains("Checkpointable:          yes\n");
        assertThat(sim.run("lswpar -c -a name,checkpointable -G ck").out()).isEqualTo("#name:checkpointable\nck:yes\n");
    }

    @Test
    void overwritingAnOldVolumeGroupNeedsO() {
        sim.editHost(h -> h.replaceFirst("name = \"hdisk3\"\n\tpvid = \"none\"\n\tvg = \"None\"",
                "name = \"hdisk3\"\n\tpvid = \"00f6db0a5c4b3a29\"\n\tvg = \"oldvg\""));
        assertThat(sim.run("lspv").out()).contains("hdisk3          00f6db0a5c4b3a29                    oldvg\n");
        Sim.Result refused = sim.run("mkwpar -n rw -D rootvg=yes devname=hdisk3");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("mkwpar: 0960-057 Disk hdisk3 belongs to volume group oldvg."
                + " Use -O to overwrite a volume group other than rootvg.\n");
        Sim.Result ok = sim.run("mkwpar -n rw -O -D rootvg=yes devname=hdisk3");
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).startsWith("Creating workload partition's rootvg. Please wait...\nmkwpar: Creating file systems...\n");
        assertThat(sim.run("lswpar -c -a name,rootvgwpar rw").out()).isEqualTo("#name:rootvgwpar\nrw:yes\n");
        assertThat(sim.run("lspv").out()).contains("hdisk3          00f6db0a5c4b3a29                    None\n");
        Sim.Result rootvgDisk = sim.run("mkwpar -n rw2 -O -D rootvg=yes devname=hdisk0");
        assertThat(rootvgDisk.err()).isEqualTo("mkwpar: 0960-057 Disk hdisk0 belongs to volume group rootvg."
                + " Use -O to overwrite a volume group other than rootvg.\n");
        Sim.Result taken = sim.run("mkwpar -n rw2 -D rootvg=yes devname=hdisk3");
        assertThat(taken.err()).isEqualTo("mkwpar: 0960-056 Device hdisk3 is already in use by workload partition rw.\n");
        assertThat(sim.run("rmwpar rw").exit()).isZero();
        assertThat(sim.run("mkwpar -n rw2 -D rootvg=yes devname=hdisk3").exit()).isZero();
    }

    @Test
    void aHostNameThatResolvesGivesTheWparItsAddress() {
        sim.editHost(h -> h + "\nhosts:\n\taddress = \"192.168.10.44\"\n\tnames = \"web44 web44.lab.example.com\"\n");
        assertThat(sim.run("mkwpar -n web44").exit()).isZero();
        assertThat(sim.run("lswpar -Nq web44").out())
                .isEqualTo("web44  en1        192.168.10.44  255.255.255.0  192.168.10.255\n");
        assertThat(sim.run("mkwpar -n other -h web44.lab.example.com").exit()).isZero();
        assertThat(sim.run("lswpar -Nq other").out()).isEmpty();
    }

    @Test
    void aTrainerCanRenameTheHostAndMoveItsNetworks() {
        sim.editHost(h -> h.replace("hostname = \"indaixwpr01\"", "hostname = \"labhost07\"")
                .replace("192.168.20.13", "10.20.30.40"));
        assertThat(sim.run("hostname").out()).isEqualTo("labhost07\n");
        assertThat(sim.run("ifconfig en0").out()).contains("inet 10.20.30.40 netmask 0xffffff00 broadcast 10.20.30.255");
        Sim.Result r = sim.run("mkwpar -n w -N address=10.20.30.41");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(sim.run("lswpar -Nqc w").out()).isEqualTo("w:en0:10.20.30.41:255.255.255.0:10.20.30.255\n");
    }

    @Test
    void startwparAutoResolvesAnAddressTheGlobalEnvironmentTookMeanwhile() {
        assertThat(sim.run("mkwpar -n net1 -N address=192.168.20.55").exit()).isZero();
        sim.editHost(h -> h.replace("192.168.20.13", "192.168.20.55"));
        Sim.Result refused = sim.run("startwpar net1");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo(
                "startwpar: 0960-041 Network address 192.168.20.55 is already in use by the global environment.\n");
        Sim.Result ok = sim.run("startwpar -a net1");
        assertThat(ok.exit()).isZero();
        assertThat(ok.err()).isEqualTo("startwpar: 0960-042 Network address 192.168.20.55 is in use by the global"
                + " environment; it was not configured (-a).\n");
        assertThat(sim.run("lswpar -Nqc net1").out()).as("no configured address, and no lo0 row").isEmpty();
        assertThat(sim.run("lswpar -L net1").out()).contains("lo0           127.0.0.1");
        Consistency.check(sim.env());
    }
}
