package smittywpar.cmd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.testkit.Consistency;
import smittywpar.testkit.Sim;

/**
 * savewpar -> rmwpar -> restwpar for every kind of WPAR the project makes: the same lswpar -L
 * (the UUID aside) and the same files, byte for byte (every member of a second backup equal to
 * the first's: path, type, mode, owner, group, time and content), and a consistent state after.
 */
class BackupRoundTripTest {
    @TempDir
    Path tmp;

    /** A kind of WPAR: how it is made, and what is done to it before the backup. */
    record Kind(String name, List<String> setup) {
    }

    static final List<Kind> KINDS = List.of(
            new Kind("plain", List.of("mkwpar -n k1")),
            new Kind("network and routes", List.of("mkwpar -n k1 -N address=192.168.20.61 -I rtdest=0.0.0.0 "
                    + "rtgateway=192.168.20.1 -I rtdest=10.1.0.0 rtgateway=192.168.20.2 rtnetmask=255.255.0.0")),
            new Kind("resource controls", List.of("mkwpar -n k1 -R CPU=5%-10%,20% totalProcesses=300 shares_memory=7")),
            new Kind("extra file systems", List.of("mkwpar -n k1 -M directory=/data size=128M",
                    "mkwpar -n k0", "chwpar -M directory=/data2 size=64M k1")),
            new Kind("exported devices", List.of("mkwpar -n k1 -D devname=hdisk2 -D devname=fcs1")),
            new Kind("privileges", List.of("mkwpar -n k1 -S privs-=PV_KER_WLM privs+=PV_NET_CNTL -A")),
            new Kind("rootvg WPAR", List.of("mkwpar -n k1 -D rootvg=yes devname=hdisk1")),
            new Kind("files changed inside", List.of("mkwpar -n k1 -N address=192.168.20.61", "startwpar k1",
                    "clogin k1 'echo hello > /etc/motd'",
                    "clogin k1 'mkdir -p /home/guest/projects/a; echo one > /home/guest/projects/a/f1'",
                    "clogin k1 'rm /etc/services; rm -r /var/spool/cron'",
                    "clogin k1 'echo data > /tmp/t1; touch /tmp/empty'",
                    "clogin k1 cp /usr/bin/ls /home/ls2")),
            new Kind("private /usr", List.of("mkwpar -n k1 -l", "startwpar k1",
                    "clogin k1 'echo usr > /usr/local.txt'")));

    @TestFactory
    Stream<DynamicTest> saveRemoveRestoreGivesTheSameWpar() {
        return KINDS.stream().map(k -> DynamicTest.dynamicTest(k.name(), () -> roundTrip(k)));
    }

    private Sim host(Kind k) {
        Sim sim = new Sim(tmp.resolve(k.name().replace(' ', '_').replace('/', '_')));
        for (String line : k.setup()) {
            Sim.Result r = sim.run(line);
            assertThat(r.exit()).as(line + "\n" + r.err()).isZero();
        }
        return sim;
    }

    private void roundTrip(Kind k) throws IOException {
        Sim sim = host(k);
        String before = withoutUuid(sim.run("lswpar -L k1").out());
        boolean running = sim.run("lswpar -c -q -a state k1").out().equals("A\n");
        Sim.Result save = sim.run("savewpar -f /tmp/k1.bk k1");
        assertThat(save.exit()).as(save.err()).isZero();
        assertThat(save.out()).endsWith("0512-038 savewpar: Backup Completed Successfully.\n");
        Map<String, String> first = members(sim, "fs/tmp/k1.bk");
        assertThat(sim.run("rmwpar -F k1").exit()).isZero();
        Sim.Result rest = sim.run("restwpar -f /tmp/k1.bk" + (running ? " -s" : ""));
        assertThat(rest.exit()).as(rest.out() + rest.err()).isZero();
        assertThat(withoutUuid(sim.run("lswpar -L k1").out())).isEqualTo(before);
        assertThat(sim.run("savewpar -f /tmp/k1b.bk k1").exit()).isZero();
        Map<String, String> second = members(sim, "fs/tmp/k1b.bk");
        first.remove("./.savewpar_dir/image.data");
        second.remove("./.savewpar_dir/image.data");
        assertThat(second).isEqualTo(first);
        Consistency.check(sim.env());
    }

    private static String withoutUuid(String lswparL) {
        return lswparL.replaceAll("(?m)^UUID:.*$", "UUID:");
    }

    /** Every member of an image (read with plain commons-compress): its header fields and content. */
    static Map<String, String> members(Sim sim, String rel) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(sim.home().resolve(rel));
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null;) {
                String content = new String(tar.readAllBytes(), StandardCharsets.ISO_8859_1);
                out.put(e.getName(), Integer.toOctalString(e.getMode()) + " " + e.getUserName() + ":" + e.getGroupName()
                        + " " + e.getModTime().getTime() + " " + e.getExtraPaxHeaders() + " " + content);
            }
        }
        return out;
    }

    @Test
    void aCloneRestoredUnderAnotherNameStartsBesideTheOriginal() {
        Sim sim = host(KINDS.get(7));
        assertThat(sim.run("savewpar -f /tmp/k1.bk k1").exit()).isZero();
        Sim.Result r = sim.run("restwpar -n k2 -f /tmp/k1.bk -M '-N address=192.168.20.62'");
        assertThat(r.exit()).as(r.err()).isZero();
        Sim.Result start = sim.run("startwpar k2");
        assertThat(start.exit()).as(start.err()).isZero();
        assertThat(sim.run("lswpar -c -a name,state,hostname,directory").out()).isEqualTo(
                "#name:state:hostname:directory\nk1:A:k1:/wpars/k1\nk2:A:k2:/wpars/k2\n");
        assertThat(sim.run("clogin k2 cat /etc/motd").out()).isEqualTo("hello\n");
        assertThat(sim.run("lswpar -c -a uuid k1").out()).isNotEqualTo(sim.run("lswpar -c -a uuid k2").out());
        Consistency.check(sim.env());
    }

    @Test
    void restwparfilesBringsBackOneDeletedFile() {
        Sim sim = host(KINDS.get(7));
        assertThat(sim.run("savewpar k1").exit()).isZero();
        assertThat(sim.run("clogin k1 rm /home/guest/projects/a/f1").exit()).isZero();
        Sim.Result r = sim.run("restwparfiles -d /wpars/k1 ./home/guest/projects/a/f1");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains(" x            4 ./home/guest/projects/a/f1\n",
                " The number of restored files is 1.\n");
        assertThat(sim.run("clogin k1 cat /home/guest/projects/a/f1").out()).isEqualTo("one\n");
    }

    @Test
    void binaryFilesOfAnImageAreRestoredByteForByte() throws IOException {
        Sim sim = host(KINDS.get(0));
        assertThat(sim.run("savewpar -f /tmp/k1.bk k1").exit()).isZero();
        // an image with a binary file (a WPAR restored from a real AIX backup has them)
        byte[] bin = new byte[3 << 20];
        for (int i = 0; i < bin.length; i++) {
            bin[i] = (byte) (i * 31 + i / 256);
        }
        byte[] small = {0, 1, 2, (byte) 0xff, '\n'};
        Path src = sim.home().resolve("fs/tmp/k1.bk");
        Path out = sim.home().resolve("fs/tmp/bin.bk");
        java.util.List<String[]> members = new java.util.ArrayList<>();
        try (InputStream in = Files.newInputStream(src); TarArchiveInputStream tar = new TarArchiveInputStream(in);
                java.io.OutputStream o = Files.newOutputStream(out)) {
            java.util.List<Object[]> all = new java.util.ArrayList<>();
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null;) {
                all.add(new Object[] {e, tar.readAllBytes()});
            }
            smittywpar.wpar.BackupImage.Writer w = new smittywpar.wpar.BackupImage.Writer(o, 100, all.size() + 2);
            for (Object[] x : all) {
                TarArchiveEntry e = (TarArchiveEntry) x[0];
                var m = new smittywpar.wpar.BackupImage.Member(e.getName(), e.isDirectory() ? 'd' : 'f',
                        e.getMode() & 07777, e.getUserName(), e.getGroupName(), e.getModTime().getTime() / 1000,
                        ((byte[]) x[1]).length, null);
                if (e.isDirectory()) {
                    w.dir(m);
                } else if (!e.isCharacterDevice()) {
                    w.file(m, (byte[]) x[1]);
                } else {
                    w.device(m);
                }
            }
            w.file(new smittywpar.wpar.BackupImage.Member("./home/big.bin", 'f', 0640, "root", "system", 1000, bin.length,
                    null), () -> new java.io.ByteArrayInputStream(bin));
            w.file(new smittywpar.wpar.BackupImage.Member("./home/small.bin", 'f', 0600, "guest", "usr", 1000,
                    small.length, null), small);
            w.finish();
        }
        assertThat(sim.run("rmwpar k1").exit()).isZero();
        Sim.Result r = sim.run("restwpar -f /tmp/bin.bk");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(sim.run("savewpar -f /tmp/again.bk k1").exit()).isZero();
        Map<String, String> again = members(sim, "fs/tmp/again.bk");
        assertThat(again.get("./home/big.bin")).endsWith(new String(bin, StandardCharsets.ISO_8859_1));
        assertThat(again.get("./home/small.bin")).startsWith("100600 guest:usr 1000000 ")
                .endsWith(new String(small, StandardCharsets.ISO_8859_1));
        assertThat(sim.run("startwpar k1").exit()).isZero();
        assertThat(sim.run("clogin k1 ls -l /home").out()).contains("3145728", "big.bin", "small.bin");
        assertThat(sim.run("clogin k1 cat /home/small.bin").err())
                .isEqualTo("cat: 0652-050 Cannot open /home/small.bin.\n");
        Consistency.check(sim.env());
    }

    @Test
    void theImageListsWithTarAsLssavewparListsIt() throws IOException, InterruptedException {
        Sim sim = host(KINDS.get(0));
        assertThat(sim.run("savewpar -f /tmp/k1.bk k1").exit()).isZero();
        Process p = new ProcessBuilder("tar", "-tf", sim.home().resolve("fs/tmp/k1.bk").toString())
                .redirectErrorStream(true).start();
        List<String> tar = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(p.waitFor()).isZero();
        List<String> ls = new ArrayList<>();
        for (String line : sim.run("lssavewpar -f /tmp/k1.bk").out().split("\n")) {
            if (line.matches(" *[0-9]+ \\./.*")) {
                ls.add(line.strip().split(" ", 2)[1]);
            }
        }
        List<String> tarNames = new ArrayList<>();
        for (String t : tar) {
            tarNames.add(t.endsWith("/") && !t.equals("./") ? t.substring(0, t.length() - 1) : t);
        }
        List<String> lsNames = new ArrayList<>();
        for (String l : ls) {
            lsNames.add(l.endsWith("/") && !l.equals("./") ? l.substring(0, l.length() - 1) : l);
        }
        assertThat(lsNames).hasSizeGreaterThan(50).isEqualTo(tarNames);
        assertThat(lsNames.subList(0, 2)).containsExactly("./.savewpar_dir/image.data", "./.savewpar_dir/wpar.spec");
    }
}
