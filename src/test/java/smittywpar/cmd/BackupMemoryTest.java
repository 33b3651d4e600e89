package smittywpar.cmd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.testkit.Proc;
import smittywpar.testkit.Sim;

/**
 * savewpar and lssavewpar of a WPAR of many changed files run in a heap far smaller than the
 * WPAR's file index would take in memory (some 250 bytes a file): what they hold does not grow
 * with the number of files. (The index of 30,000 files held whole needs some 12 MB; with its
 * file read as needed the command runs in the 12 MB heap given here.)
 */
class BackupMemoryTest {
    static final int DIRS = 300;
    static final int PER_DIR = 100;
    static final String HEAP = "-Xmx12m";

    @TempDir
    Path tmp;

    /** A WPAR whose /home holds DIRS directories of PER_DIR changed files, stored as the program stores them. */
    private Sim manyFiles() throws IOException {
        Sim sim = new Sim(tmp.resolve("state"));
        Sim.Result r = sim.run("mkwpar -n big -M directory=/home size=512M");
        assertThat(r.exit()).as(r.err()).isZero();
        Path tree = sim.home().resolve("wparfs/%2Fwpars%2Fbig");
        List<String> lines = new ArrayList<>();
        for (int d = 0; d < DIRS; d++) {
            String dir = String.format("/home/d%03d", d);
            lines.add("d 755 root system 1796246834 " + dir);
            Path stored = tree.resolve("fs" + dir);
            Files.createDirectories(stored);
            List<String> files = new ArrayList<>();
            for (int f = 0; f < PER_DIR; f++) {
                files.add(String.format("%s/f%03d", dir, f));
            }
            files.sort(null);
            for (String p : files) {
                String text = "file " + p + "\n";
                Files.writeString(tree.resolve("fs" + p), text);
                lines.add("m 644 root system 1796246835 " + text.length() + " " + p);
            }
        }
        StringBuilder body = new StringBuilder("smitty-wpar tree 2\nnext 1\n");
        for (String l : lines) {
            body.append(l).append('\n');
        }
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] b = body.toString().getBytes(StandardCharsets.UTF_8);
        crc.update(b);
        Files.writeString(tree.resolve("tree"), body + String.format("#crc32 %08x%n", crc.getValue()));
        return sim;
    }

    /** Runs a command in its own JVM with a small heap. */
    private static Proc.Result small(Sim sim, String name, String... args) throws Exception {
        ProcessBuilder pb = Proc.builder(sim.env(), name, List.of(args));
        pb.command().add(1, HEAP);
        pb.redirectOutput(sim.home().resolveSibling(name + ".out").toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(sim.home().resolveSibling(name + ".out"));
        return new Proc.Result(p.exitValue(), out, new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void savewparAndLssavewparOfThirtyThousandFilesRunInATwelveMegabyteHeap() throws Exception {
        Sim sim = manyFiles();
        int files = DIRS * PER_DIR;
        // the WPAR's own files and directories, the changed ones among them, the control files
        Proc.Result save = small(sim, "savewpar", "-f", "/tmp/big.bk", "big");
        assertThat(save.err()).isEmpty();
        assertThat(save.exit()).isZero();
        String[] out = save.out().split("\n");
        assertThat(out[out.length - 1]).isEqualTo("0512-038 savewpar: Backup Completed Successfully.");
        assertThat(save.out()).contains("30000 of ").contains(" files backed up (");

        Proc.Result list = small(sim, "lssavewpar", "-f", "/tmp/big.bk");
        assertThat(list.err()).isEmpty();
        assertThat(list.exit()).isZero();
        long listed = list.out().lines().filter(l -> l.matches(" +\\d+ \\./home/d\\d{3}/f\\d{3}")).count();
        assertThat(listed).isEqualTo(files);
        assertThat(list.out()).contains(String.format("%13d ./home/d123/f045%n", "file /home/d123/f045\n".length()));
    }
}
