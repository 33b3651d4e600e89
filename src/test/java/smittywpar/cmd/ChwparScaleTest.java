package smittywpar.cmd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.testkit.Sim;

/**
 * chwpar, mount and umount name one WPAR and must read only that WPAR's record, even among
 * AIX's maximum of 8,192 WPARs. The other 8,191 records here are not even valid: reading any of
 * them would fail the command with "damaged state file".
 */
class ChwparScaleTest {
    @TempDir
    Path tmp;

    @Test
    void oneWparAmong8192IsChangedWithoutReadingTheOthers() throws IOException {
        Sim sim = new Sim(tmp.resolve("home"));
        run(sim, "mkwpar -n w4096 -N address=192.168.10.96");
        run(sim, "chwpar -D devname=hdisk1 w4096");
        StringBuilder idx = new StringBuilder();
        for (int i = 0; i < 8192; i++) {
            if (i == 4096) {
                continue;
            }
            String n = "w" + i;
            idx.append(n).append("\tD\tS\t").append(n).append("\t/wpars/").append(n).append("\tno\t");
            if (i % 2 == 0) {
                idx.append("en0/192.168.").append(30 + i / 250).append('.').append(i % 250).append("/255.255.255.0/")
                        .append("192.168.").append(30 + i / 250).append(".255//");
            }
            idx.append('\n');
            Files.writeString(sim.home().resolve("wpars/" + n + ".cf"), "not a stanza file: reading it is an error\n");
        }
        Sim.appendToIndex(sim.home(), idx.toString());

        long t0 = System.nanoTime();
        run(sim, "chwpar -h big.example.com -R totalProcesses=500 w4096");
        run(sim, "chwpar -N address=192.168.10.97 -M directory=/data size=64M w4096");
        run(sim, "startwpar w4096");
        run(sim, "umount /wpars/w4096/data");
        run(sim, "mount /wpars/w4096/data");
        run(sim, "chwpar -K -N address=192.168.10.97 w4096");
        run(sim, "stopwpar w4096");
        run(sim, "chwpar -n renamed -d /wpars/renamed w4096");
        long ms = (System.nanoTime() - t0) / 1_000_000;

        Sim.Result conflict = sim.run("chwpar -N interface=en0 address=192.168.30.2 netmask=255.255.255.0 renamed");
        assertThat(conflict.err()).contains("already in use by workload partition w2.");
        Sim.Result taken = sim.run("chwpar -n w8191 renamed");
        assertThat(taken.err()).contains("Workload partition w8191 already exists.");

        String index = Files.readString(sim.home().resolve("wpars.idx"));
        assertThat(index).contains("\nrenamed\tD\tS\tbig.example.com\t/wpars/renamed\tno\t").doesNotContain("\nw4096\t");
        assertThat(sim.home().resolve("wpars/w4096.cf")).doesNotExist();
        assertThat(Files.readString(sim.home().resolve("wpars/renamed.cf"))).contains("name = \"renamed\"");
        assertThat(Files.readString(sim.home().resolve("host.cf"))).contains("wpar = \"renamed\"")
                .doesNotContain("w4096");
        assertThat(run(sim, "lswpar -c -a name,hostname,directory renamed").out())
                .isEqualTo("#name:hostname:directory\nrenamed:big.example.com:/wpars/renamed\n");
        // generous bound (2 cores, in-process JVM): the point is that nothing scales with 8,192
        assertThat(ms).as("eight commands on one WPAR among 8,192").isLessThan(8000);
    }

    private static Sim.Result run(Sim sim, String line) {
        Sim.Result r = sim.run(line);
        assertThat(r.exit()).as("%s\n%s", line, r.err()).isZero();
        return r;
    }
}
