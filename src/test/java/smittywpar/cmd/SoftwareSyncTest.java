package smittywpar.cmd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.testkit.Consistency;
import smittywpar.testkit.Sim;

/**
 * Software synchronisation when a lab edits host.cf (the global environment's fileset levels
 * change outside installp), what the WPAR file keeps, WPARs written before the software was
 * recorded, and rmwpar -p / mkwpar -p.
 */
class SoftwareSyncTest {
    @TempDir
    Path tmp;
    Sim sim;

    @BeforeEach
    void setUp() {
        sim = new Sim(tmp.resolve("state"));
        assertThat(sim.run("mkwpar -n w1").exit()).isZero();
    }

    private static String level(String lslpp, String path, String fileset) {
        String section = lslpp.substring(lslpp.indexOf("Path: " + path));
        for (String line : section.split("\n")) {
            String[] w = line.trim().split("\\s+");
            if (w.length > 1 && w[0].equals(fileset)) {
                return w[1];
            }
        }
        return null;
    }

    @Test
    void aLabEditOfHostCfPutsSharedWparsOutOfStep() {
        sim.editHost(h -> h.replace("name = \"bos.rte\"\n\tlevel = \"7.2.4.1\"", "name = \"bos.rte\"\n\tlevel = \"7.2.4.2\""));
        Sim.Result start = sim.run("startwpar w1");
        assertThat(start.exit()).isZero();
        assertThat(start.err()).contains("ckwpar: 0960-710 The software of workload partition w1 is not synchronized"
                + " with the global environment (1 filesets differ).", "ckwpar: To synchronize it, run: syncwpar w1");
        String inside = sim.run("clogin w1 lslpp -l bos.rte").out();
        assertThat(level(inside, "/usr/lib/objrepos", "bos.rte")).isEqualTo("7.2.4.2");
        assertThat(level(inside, "/etc/objrepos", "bos.rte")).isEqualTo("7.2.4.1");
        String global = sim.run("lslpp -l bos.rte").out();
        assertThat(level(global, "/etc/objrepos", "bos.rte")).isEqualTo("7.2.4.2");

        Sim.Result sync = sim.run("clogin w1 syncroot");
        assertThat(sync.exit()).isZero();
        assertThat(sync.out()).contains("syncroot: Synchronizing installp software.",
                "bos.rte                     7.2.4.2         ROOT        APPLY       SUCCESS",
                "syncroot: Root part is currently synchronized.");
        assertThat(level(sim.run("clogin w1 lslpp -l bos.rte").out(), "/etc/objrepos", "bos.rte")).isEqualTo("7.2.4.2");
        assertThat(sim.run("syncwpar w1").out()).doesNotContain("APPLYING");
        Consistency.check(sim.env());
    }

    @Test
    void aLowerLevelIsTakenBackUnlessAdditionalOnly() {
        sim.editHost(h -> h.replace("name = \"bos.wpars\"\n\tlevel = \"7.2.4.1\"", "name = \"bos.wpars\"\n\tlevel = \"7.2.4.0\""));
        Sim.Result a = sim.run("syncwpar -a w1");
        assertThat(a.exit()).isZero();
        assertThat(a.out()).contains("syncroot: Installp root packages are not currently synchronized.",
                "syncroot: Root part is not currently synchronized.").doesNotContain("APPLYING");
        Sim.Result full = sim.run("syncwpar w1");
        assertThat(full.out()).contains("bos.wpars                   7.2.4.0         ROOT        APPLY       SUCCESS",
                "syncroot: Root part is currently synchronized.");
    }

    @Test
    void aFilesetRemovedFromTheGlobalEnvironmentIsTakenOutOfTheWpar() {
        sim.editHost(h -> h.replace("fileset:\n\tname = \"rsct.core.utils\"\n\tlevel = \"3.2.5.0\"\n"
                + "\tdescription = \"RSCT Utilities\"\n\troot = \"yes\"\n\n", ""));
        assertThat(sim.run("lslpp -l rsct.core.utils").exit()).isOne();
        String out = sim.run("syncwpar w1").out();
        assertThat(out).contains("installp:  DEINSTALLING software for:",
                "rsct.core.utils             3.2.5.0         ROOT        DEINSTALL   SUCCESS");
        assertThat(sim.run("syncwpar w1").out()).doesNotContain("DEINSTALL");
    }

    @Test
    void theWparFileKeepsItsLevelsAndAFileWithoutThemIsInStep() throws Exception {
        Path file = sim.home().resolve("wpars/w1.cf");
        assertThat(Files.readString(file)).contains("software = \"bos.net.tcp.client=7.2.4.0 bos.rte=7.2.4.1 ");
        // a WPAR file written before software was recorded
        Files.writeString(file, Files.readString(file).replaceAll("\tsoftware = \"[^\"]*\"\n", ""));
        sim.editHost(h -> h.replace("level = \"7.2.4.1\"", "level = \"7.2.4.3\""));
        assertThat(sim.run("syncwpar w1").out()).doesNotContain("APPLYING");
        assertThat(sim.run("startwpar w1").err()).doesNotContain("0960-710");
    }

    @Test
    void aDamagedSoftwareKeyIsReported() throws Exception {
        Path file = sim.home().resolve("wpars/w1.cf");
        Files.writeString(file, Files.readString(file).replace("bos.rte=7.2.4.1", "bos.rte=7.2"));
        Sim.Result r = sim.run("syncwpar w1");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("0960-601", "'software' must be fileset=level words");
    }

    @Test
    void preservedFileSystemsKeepTheirRootParts() {
        sim.run("installp -acgXd /usr/sys/inst.images bos.rte");
        assertThat(sim.run("rmwpar -p w1").exit()).isZero();
        assertThat(sim.run("mkwpar -p w1").exit()).isZero();
        Sim.Result start = sim.run("startwpar w1");
        assertThat(start.err()).contains("0960-710");
        assertThat(level(sim.run("clogin w1 lslpp -l bos.rte").out(), "/etc/objrepos", "bos.rte")).isEqualTo("7.2.4.1");
        assertThat(sim.run("mkwpar -n w9").exit()).isZero();
        assertThat(sim.run("startwpar w9").err()).isEmpty();
    }

    @Test
    void aBadImageStanzaIsRefusedWithItsLine() {
        sim.editHost(h -> h + "\nimage:\n\tdevice = \"cdrom\"\n\tname = \"x\"\n\tlevel = \"1.0.0.0\"\n");
        Sim.Result r = sim.run("lslpp -l");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("host.cf").contains("device");
    }

    @Test
    void aWparInMaintenanceModeIsSynchronizedAndAListFileIsReadFromTheShellsDirectory() {
        sim.run("installp -acgXd /dev/cd0 bos.wpars");
        assertThat(sim.run("startwpar -m w1").exit()).isZero();
        Sim.Result r = sim.run("aixsh -c 'cd /tmp; echo w1 > list; syncwpar -f list'");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("bos.wpars                   7.2.5.0         ROOT        APPLY       SUCCESS")
                .doesNotContain("Mounting all");
        assertThat(sim.run("lswpar -cqa state w1").out()).isEqualTo("M\n");
    }
}
