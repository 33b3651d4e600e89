package smittywpar.cmd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.testkit.Sim;
import smittywpar.wpar.Src;

/**
 * The System Resource Controller beyond the golden transcripts: the shipped subsystems agree with
 * the shipped start-up files and with the processes a partition runs, a WPAR's definitions stay
 * with its files (rmwpar -p and mkwpar -p, a rename), the object class reads back what it writes,
 * and a WPAR nobody changed stores nothing for its services.
 */
class SrcTest {
    @TempDir
    Path tmp;
    Sim sim;

    @BeforeEach
    void wpar() {
        sim = new Sim(tmp.resolve("state"));
        assertThat(sim.run("mkwpar -n w1 -N address=192.168.20.41").exit()).isZero();
        assertThat(sim.run("startwpar w1").exit()).isZero();
    }

    /** The names lssrc shows active, in its order. */
    private List<String> active(String commandLine) {
        Sim.Result r = sim.run(commandLine);
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> out = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            if (line.endsWith(" active")) {
                out.add(line.strip().split("\\s+")[0]);
            }
        }
        return out;
    }

    @Test
    void theShippedStartUpFilesStartWhatTheShippedTableMarks() {
        String inittab = sim.run("clogin w1 cat /etc/inittab").out();
        String rc = sim.run("clogin w1 cat /etc/rc.tcpip").out();
        assertThat(Src.bootNames(inittab, rc, Src.defaults(false))).isEqualTo(Src.defaultBoot(false))
                .containsExactly("syslogd", "portmap", "inetd", "qdaemon", "writesrv");
        assertThat(active("clogin w1 lssrc -a")).isEqualTo(Src.defaultBoot(false));
        // the global environment booted before any of this: its daemons are those of processes.cf;
        // its start-up files name them all but sshd, which AIX starts from /etc/rc.d/rc2.d
        List<String> global = new ArrayList<>(active("lssrc -a"));
        assertThat(global.remove("cor_w1")).isTrue();
        assertThat(global).isEqualTo(Src.defaultBoot(true));
        List<String> files = Src.bootNames(sim.run("aixsh -c 'cat /etc/inittab'").out(),
                sim.run("aixsh -c 'cat /etc/rc.tcpip'").out(), Src.defaults(true));
        List<String> expected = new ArrayList<>(Src.defaultBoot(true));
        expected.remove("sshd");
        assertThat(files).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theObjectClassReadsBackWhatItWrites() {
        for (boolean global : new boolean[] {true, false}) {
            List<Src.Subsystem> table = Src.defaults(global);
            table.get(0).args = "-a \"quoted\" \\ back";
            table.get(0).respawn = true;
            table.get(1).contact = 'I';
            table.get(1).svrkey = 7;
            table.get(1).svrmtype = 3;
            table.get(2).multi = true;
            table.get(2).display = false;
            List<Src.Subsystem> back = Src.parse(Src.text(table));
            assertThat(back).hasSameSizeAs(table);
            for (int i = 0; i < table.size(); i++) {
                assertThat(back.get(i).smit()).isEqualTo(table.get(i).smit());
            }
            assertThat(sim.run(global ? "aixsh -c 'cat /etc/objrepos/SRCsubsys'"
                    : "clogin w1 cat /etc/objrepos/SRCsubsys").out().strip())
                    .isEqualTo(Src.defaultText(global).strip());
        }
    }

    @Test
    void aWparNobodyChangedStoresNothingForItsServices() {
        Map<String, String> before = sim.snapshot();
        assertThat(sim.run("clogin w1 lssrc -a").exit()).isZero();
        assertThat(sim.run("lssrc -a").exit()).isZero();
        assertThat(sim.snapshot()).isEqualTo(before);
        assertThat(sim.run("clogin w1 stopsrc -s inetd").exit()).isZero();
        assertThat(sim.snapshot().keySet()).noneMatch(k -> k.startsWith("wparfs/"));
    }

    @Test
    void aWparsSubsystemsStayWithItsFiles() {
        assertThat(sim.run("clogin w1 mkssys -s myd -p /usr/bin/myd -u 0 -G mine").exit()).isZero();
        assertThat(sim.run("stopwpar w1").exit()).isZero();
        assertThat(sim.run("chwpar -n w9 w1").exit()).isZero();
        assertThat(sim.run("startwpar w9").exit()).isZero();
        assertThat(sim.run("clogin w9 lssrc -g mine").out()).contains(" myd ");
        assertThat(sim.run("stopwpar w9").exit()).isZero();
        assertThat(sim.run("rmwpar -p w9").exit()).isZero();
        assertThat(sim.run("lssrc -s cor_w9").exit()).isEqualTo(1);
        assertThat(sim.run("mkwpar -p w9 -n w3").exit()).isZero();
        assertThat(sim.run("startwpar w3").exit()).isZero();
        assertThat(sim.run("clogin w3 startsrc -s myd").out()).startsWith("0513-059 The myd Subsystem has been started.");
        assertThat(sim.run("clogin w3 ps -ef").out()).contains("/usr/bin/myd");
        assertThat(sim.run("ps -ef@ w3").out()).contains("/usr/bin/myd");
        assertThat(sim.run("stopwpar w3").exit()).isZero();
        assertThat(sim.run("ps -ef").out()).doesNotContain("/usr/bin/myd");
        assertThat(sim.run("rmwpar w3").exit()).isZero();
        assertThat(sim.run("mkwpar -n w3").exit()).isZero();
        assertThat(sim.run("startwpar w3").exit()).isZero();
        assertThat(sim.run("clogin w3 lssrc -s myd").err()).isEqualTo("0513-085 The myd Subsystem is not on file.\n");
    }

    @Test
    void aGlobalSubsystemStoppedStaysStoppedAndStartsAgainWithANewProcess() {
        String pid = sim.run("lssrc -s inetd").out().split("\n")[1].strip().split("\\s+")[2];
        assertThat(sim.run("stopsrc -s inetd").exit()).isZero();
        assertThat(sim.run("ps -ef@ Global").out()).doesNotContain(" " + pid + " ");
        assertThat(sim.run("lssrc -s inetd").out()).endsWith("inoperative\n");
        assertThat(sim.run("startsrc -s inetd").exit()).isZero();
        String again = sim.run("lssrc -s inetd").out().split("\n")[1].strip().split("\\s+")[2];
        assertThat(again).isNotEqualTo(pid);
        assertThat(sim.run("ps -ef@ Global").out()).contains(" " + again + " ").doesNotContain(" " + pid + " ");
    }
}
