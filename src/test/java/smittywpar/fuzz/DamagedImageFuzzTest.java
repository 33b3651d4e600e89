package smittywpar.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.testkit.Consistency;
import smittywpar.testkit.Sim;

/**
 * Backup images damaged in generated ways (cut short anywhere, a byte changed, bytes left out or
 * put in, junk, a foreign tar or gzip file, another file of the host), given to restwpar,
 * lssavewpar and restwparfiles: an AIX-style message, a non-zero status and nothing changed;
 * never a stack trace. A change the image does not notice (in the padding of the last block)
 * must then restore the WPAR whole.
 */
class DamagedImageFuzzTest {
    static final long SEED = 20261202;
    static final String[] COMMANDS = {"restwpar -f /tmp/bad.bk", "restwpar -n z9 -f /tmp/bad.bk",
        "lssavewpar -f /tmp/bad.bk", "lssavewpar -l -f /tmp/bad.bk", "restwparfiles -d /tmp/out -f /tmp/bad.bk"};

    @TempDir
    static Path tmp;
    static Sim sim;
    static byte[] image;
    static Map<String, String> baseline;

    @BeforeAll
    static void backup() throws IOException {
        sim = new Sim(tmp.resolve("state"));
        for (String line : List.of("mkwpar -n w1 -N address=192.168.20.71 -M directory=/data size=64M",
                "startwpar w1", "clogin w1 'echo one > /data/a; mkdir /data/d; echo two > /data/d/b'",
                "savewpar -f /tmp/w1.bk w1", "rmwpar -F w1", "aixsh -c 'mkdir /tmp/out'")) {
            Sim.Result r = sim.run(line);
            if (r.exit() != 0) {
                throw new IllegalStateException(line + ": " + r.err());
            }
        }
        image = Files.readAllBytes(sim.home().resolve("fs/tmp/w1.bk"));
    }

    @TestFactory
    Stream<DynamicTest> damagedImages() {
        Random random = new Random(Long.getLong("smittywpar.fuzz.seed", SEED));
        double scale = Double.parseDouble(System.getProperty("smittywpar.fuzz.scale", "1"));
        int n = (int) Math.ceil(120 * scale);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String damage = DAMAGES[i % DAMAGES.length];
            byte[] bad = damage(damage, random);
            String command = COMMANDS[random.nextInt(COMMANDS.length)];
            tests.add(DynamicTest.dynamicTest(i + " " + damage + ": " + command, () -> check(bad, command)));
        }
        return tests.stream();
    }

    static final String[] DAMAGES = {"cut", "byte changed", "bytes left out", "bytes put in", "binary junk",
        "text junk", "foreign tar", "gzip", "empty", "cut at a block"};

    private static byte[] damage(String kind, Random r) {
        byte[] b = image.clone();
        return switch (kind) {
            case "cut" -> java.util.Arrays.copyOf(b, r.nextInt(b.length));
            case "cut at a block" -> java.util.Arrays.copyOf(b, 512 * r.nextInt(b.length / 512));
            case "byte changed" -> {
                int at = r.nextInt(Math.min(b.length, lastData()));
                b[at] = (byte) (b[at] ^ (1 + r.nextInt(255)));
                yield b;
            }
            case "bytes left out" -> {
                int at = r.nextInt(lastData());
                int len = 1 + r.nextInt(600);
                byte[] out = new byte[b.length - Math.min(len, b.length - at)];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + Math.min(len, b.length - at), out, at, out.length - at);
                yield out;
            }
            case "bytes put in" -> {
                int at = r.nextInt(lastData());
                byte[] junk = new byte[1 + r.nextInt(600)];
                r.nextBytes(junk);
                byte[] out = new byte[b.length + junk.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(junk, 0, out, at, junk.length);
                System.arraycopy(b, at, out, at + junk.length, b.length - at);
                yield out;
            }
            case "binary junk" -> {
                byte[] junk = new byte[r.nextInt(20000)];
                r.nextBytes(junk);
                yield junk;
            }
            case "text junk" -> ("image_data:\n\tIMAGE_TYPE= wpar\n" + "x".repeat(r.nextInt(3000)))
                    .getBytes(StandardCharsets.UTF_8);
            case "foreign tar" -> foreignTar(r);
            case "gzip" -> gzip(b);
            default -> new byte[0];
        };
    }

    /** Where the last member's data ends (after it: only the end blocks and padding). */
    private static int lastData() {
        int end = image.length;
        while (end > 0 && image[end - 1] == 0) {
            end--;
        }
        return Math.max(1, end);
    }

    private static byte[] foreignTar(Random r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            String[] names = {"./etc/hosts", "./.savewpar_dir/wpar.spec", "etc/passwd"};
            for (String name : names) {
                byte[] data = ("text of " + name + "\n").getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry(name);
                e.setSize(data.length);
                tar.putArchiveEntry(e);
                tar.write(data);
                tar.closeArchiveEntry();
            }
            if (r.nextBoolean()) {
                byte[] data = "image_data:\n\tIMAGE_TYPE= wpar\n".getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry("./.savewpar_dir/image.data");
                e.setSize(data.length);
                tar.putArchiveEntry(e);
                tar.write(data);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(b);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private void check(byte[] bad, String command) throws IOException {
        Path file = sim.home().resolve("fs/tmp/bad.bk");
        Files.write(file, bad);
        baseline = sim.snapshot();
        Sim.Result r = sim.run(command);
        String all = r.out() + r.err();
        assertThat(all).doesNotContain("Exception", "internal error", "\tat ");
        if (r.exit() == 0 && command.startsWith("lssavewpar -l")) {
            // -l reads the control files only: damage after them is not its business
            assertThat(sim.snapshot()).isEqualTo(baseline);
            return;
        }
        if (r.exit() == 0) {
            // the damage fell where the image does not look (the padding of its last block)
            assertThat(java.util.Arrays.equals(bad, image) || bad.length >= lastData()).as(all).isTrue();
            if (command.startsWith("restwpar ")) {
                String name = command.contains("-n z9") ? "z9" : "w1";
                assertThat(sim.run("clogin " + name + " cat /data/d/b").exit()).isNotZero(); // not started
                assertThat(sim.run("lswpar " + name).exit()).as(all).isZero();
                Consistency.check(sim.env());
                assertThat(sim.run("rmwpar " + name).exit()).isZero();
            }
            sim.run("aixsh -c 'rm -r /tmp/out; mkdir /tmp/out'");
            return;
        }
        assertThat(r.err()).matches("(?s)(restwpar|lssavewpar|restwparfiles): 05(11|12)-[0-9]{3} .*\n");
        assertThat(sim.snapshot()).as(command).isEqualTo(baseline);
    }
}
