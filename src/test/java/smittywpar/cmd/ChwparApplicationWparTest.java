package smittywpar.cmd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.testkit.Sim;

/**
 * chwpar on an application WPAR (the Change / Show dialogs of "Administer APPLICATION Workload
 * Partitions"), on an application WPAR that wparexec runs (in the background: its application
 * goes on running until stopwpar).
 */
class ChwparApplicationWparTest {
    @TempDir
    Path tmp;

    Sim sim;

    @BeforeEach
    void setUp() throws IOException {
        sim = new Sim(tmp.resolve("home"));
        assertThat(sim.run("lswpar").exit()).isZero();
        assertThat(sim.run("wparexec -n app1 /opt/app/bin/server &").exit()).isZero();
        assertThat(sim.run("lswpar -c app1").out()).isEqualTo("#name:state:type:hostname:directory:rootvgwpar\n"
                + "app1:A:A:app1:/:no\n");
    }

    private void refused(String line, String message) {
        Map<String, String> before = sim.snapshot();
        Sim.Result r = sim.run(line);
        assertThat(r.exit()).as(line).isEqualTo(1);
        assertThat(r.err()).as(line).isEqualTo(message + "\n");
        assertThat(sim.snapshot()).as("state after %s", line).isEqualTo(before);
    }

    @Test
    void systemOnlyFlagsAreRefused() {
        refused("chwpar -A app1", "chwpar: 0960-300 The -A flag is not valid for application workload partition app1.");
        refused("chwpar -K -A app1",
                "chwpar: 0960-300 The -A flag is not valid for application workload partition app1.");
        refused("chwpar -D devname=hdisk1 app1",
                "chwpar: 0960-300 The -D flag is not valid for application workload partition app1.");
        refused("chwpar -M directory=/data app1",
                "chwpar: 0960-300 The -M flag is not valid for application workload partition app1.");
        refused("chwpar -d /wpars/app1 app1",
                "chwpar: 0960-300 The -d flag is not valid for application workload partition app1.");
        refused("chwpar -B devname=hdisk2 app1",
                "chwpar: 0960-300 The -B flag is not valid for application workload partition app1.");
    }

    @Test
    void itIsAlwaysRunningSoItCannotBeRenamed() {
        refused("chwpar -n app2 app1", "chwpar: 0960-301 Workload partition app1 must be in the Defined state to"
                + " change its name.\nchwpar: It is Active; stop it first with: stopwpar app1");
    }

    @Test
    void generalNetworkAndResourceChangesApply() {
        Sim.Result r = sim.run("chwpar -h app1.example.com -i -N address=192.168.10.80 -R CPU=0%-30%,50% app1");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(sim.run("lswpar -c -a name,hostname,routing app1").out())
                .isEqualTo("#name:hostname:routing\napp1:app1.example.com:yes\n");
        assertThat(sim.run("lswpar -c -q -N app1").out()).isEqualTo("app1:en1:192.168.10.80:255.255.255.0:192.168.10.255\n");
        assertThat(sim.run("ifconfig en1").out()).contains("inet 192.168.10.80 netmask 0xffffff00");
        assertThat(sim.run("lswpar -c -R -a name,CPU app1").out()).isEqualTo("#name:CPU\napp1:0%-30%,50%\n");
    }
}
