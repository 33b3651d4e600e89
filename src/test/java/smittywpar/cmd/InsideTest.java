package smittywpar.cmd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.testkit.Sim;

/**
 * What a WPAR's inside keeps and refuses, beyond the golden transcripts: the limits of files
 * written inside (size, text, space), sessions ended from outside, and where the state directory
 * keeps (and stops keeping) a WPAR's files.
 */
class InsideTest {
    @TempDir
    Path tmp;
    Sim sim;

    @BeforeEach
    void wpar() {
        sim = new Sim(tmp.resolve("state"));
        assertThat(sim.run("mkwpar -n w1 -N address=192.168.20.41").exit()).isZero();
        assertThat(sim.run("startwpar w1").exit()).isZero();
    }

    private Sim.Result clogin(String input, String... args) {
        return sim.run("clogin", List.of(args), input.getBytes(StandardCharsets.UTF_8), sim.env());
    }

    @Test
    void aFileOfMoreThanOneMebibyteIsRefusedAndNothingChanges() {
        var before = sim.snapshot();
        Sim.Result r = clogin("x".repeat((1 << 20) + 1), "w1", "cat > /tmp/big");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("ksh: /tmp/big: A file cannot be larger than the value set by ulimit.\n");
        assertThat(sim.snapshot()).isEqualTo(before);
        Sim.Result ok = clogin("y".repeat(1 << 20), "w1", "cat > /tmp/big; wc -c /tmp/big");
        assertThat(ok.out()).isEqualTo(" 1048576 /tmp/big\n");
        var full = sim.snapshot();
        Sim.Result more = clogin("", "w1", "echo z >> /tmp/big");
        assertThat(more.exit()).isEqualTo(1);
        assertThat(more.err()).contains("A file cannot be larger than the value set by ulimit.");
        assertThat(sim.snapshot()).isEqualTo(full);
    }

    @Test
    void binaryDataIsRefusedAndNothingChanges() {
        var before = sim.snapshot();
        byte[] bin = {'a', 0, 'b', (byte) 0xff, '\n'};
        Sim.Result r = sim.run("clogin", List.of("w1", "cat > /tmp/bin"), bin, sim.env());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("ksh: /tmp/bin: A system call received a parameter that is not valid.\n");
        assertThat(sim.snapshot()).isEqualTo(before);
    }

    @Test
    void aFullFileSystemRefusesWhatDoesNotFit() {
        // /home: 32 MB of which 1 used; 31 files of 1 MiB fill it
        StringBuilder copies = new StringBuilder("cat > /home/a");
        for (int i = 1; i < 31; i++) {
            copies.append("; cp /home/a /home/b").append(i);
        }
        assertThat(clogin("m".repeat(1 << 20), "w1", copies.toString()).exit()).isZero();
        var before = sim.snapshot();
        Sim.Result r = clogin("", "w1", "cp /home/a /home/c");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("cp: /home/c: There is not enough space in the file system.\n");
        assertThat(sim.snapshot()).isEqualTo(before);
        assertThat(clogin("", "w1", "df -m /home").out()).endsWith(
                "Global            32.00      0.00  100%       38     1% /home\n");
        assertThat(clogin("", "w1", "rm /home/b1; echo fits > /home/c").exit()).isZero();
    }

    @Test
    void stoppingTheWparEndsItsSessionsAtTheirNextCommand() {
        Map<String, String> env = new HashMap<>(sim.env());
        env.put("SMITTY_WPAR_TTY", "echo");
        // between the session's first and second line, another terminal stops the WPAR
        byte[] first = "ps | grep -c ksh\n".getBytes(StandardCharsets.UTF_8);
        byte[] second = "hostname\n".getBytes(StandardCharsets.UTF_8);
        java.io.InputStream typed = new java.io.InputStream() {
            int pos;

            @Override
            public int read() {
                if (pos == first.length) {
                    assertThat(sim.run("stopwpar w1").exit()).isZero();
                }
                int i = pos++;
                return i < first.length ? first[i] : i - first.length < second.length ? second[i - first.length] : -1;
            }
        };
        java.io.ByteArrayOutputStream screen = new java.io.ByteArrayOutputStream();
        java.io.PrintStream ps = new java.io.PrintStream(screen, true, StandardCharsets.UTF_8);
        int rc = Commands.run(new Invocation("clogin", List.of("w1"), typed, ps, ps, env, tmp));
        String shown = screen.toString(StandardCharsets.UTF_8);
        assertThat(shown).endsWith("# ps | grep -c ksh\n1\n# hostname\n");
        assertThat(rc).isZero();
        Sim.Result after = sim.run("clogin", List.of("w1"), "hostname\n".getBytes(StandardCharsets.UTF_8), env);
        assertThat(after.exit()).isEqualTo(1);
        assertThat(after.err()).isEqualTo("clogin: 0960-556 Workload partition w1 is not active.\n");
    }

    @Test
    void aSessionWhoseProcessIsGoneIsNotListed() throws IOException {
        Path procs = sim.home().resolve("procs/wpar/w1");
        String table = Files.readString(procs);
        // a login shell left behind by a session killed with kill -9: its real process (pid 1 is
        // never the JVM of a session... use one that cannot exist)
        Files.writeString(procs, table + "7777778\t7777778\t1\t1\troot\t1795690800\tGlobal\t999999999\tsession\t-ksh\n");
        assertThat(sim.run("ps -@ w1").out()).doesNotContain("7777778");
        assertThat(clogin("", "w1", "who").out()).isEmpty();
    }

    @Test
    void theWparsFilesLiveInTheStateDirectoryUntilRmwpar() throws IOException {
        assertThat(clogin("", "w1", "echo kept > /home/kept").exit()).isZero();
        Path tree = sim.home().resolve("wparfs/%2Fwpars%2Fw1");
        assertThat(tree.resolve("fs/home/kept")).hasContent("kept");
        assertThat(sim.run("stopwpar w1").exit()).isZero();
        assertThat(sim.run("chwpar -d /wpars/moved w1").exit()).isZero();
        assertThat(files(tree)).isZero();
        assertThat(sim.home().resolve("wparfs/%2Fwpars%2Fmoved/fs/home/kept")).hasContent("kept");
        assertThat(sim.run("startwpar w1").exit()).isZero();
        assertThat(sim.run("aixsh -c \"cat /wpars/moved/home/kept\"").out()).isEqualTo("kept\n");
        assertThat(sim.run("rmwpar -s w1").exit()).isZero();
        assertThat(files(sim.home().resolve("wparfs"))).isZero();
        assertThat(sim.home().resolve("procs/wpar/w1")).doesNotExist();
        // a new WPAR at that directory starts from the shipped tree
        assertThat(sim.run("mkwpar -n w1 -d /wpars/moved").exit()).isZero();
        assertThat(sim.run("startwpar w1").exit()).isZero();
        assertThat(clogin("", "w1", "ls /home").out()).isEqualTo("guest\nlost+found\n");
    }

    @Test
    void aWparNobodyChangedStoresNothingOfItsInside() {
        assertThat(sim.run("mkwpar -n w2").exit()).isZero();
        assertThat(sim.run("rmwpar w2").exit()).isZero();
        assertThat(sim.home().resolve("wparfs")).doesNotExist();
        assertThat(sim.home().resolve("fs")).doesNotExist();
    }

    /** The regular files under {@code dir} (the store leaves empty directories behind). */
    private static long files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void theSharedUsrIsReadOnlyButAPrivateOneIsTheWpars() {
        assertThat(clogin("", "w1", "touch /usr/lib/x").err())
                .isEqualTo("touch: /usr/lib/x: The file system has read permission only.\n");
        assertThat(sim.run("mkwpar -n w2 -l").exit()).isZero();
        assertThat(sim.run("startwpar w2").exit()).isZero();
        assertThat(clogin("", "w2", "touch /usr/lib/x; ls /usr/lib; ls /usr/bin | grep -c ls").out())
                .isEqualTo("x\n5\n");
        assertThat(clogin("", "w1", "ls /usr/lib").out()).isEmpty();
        assertThat(sim.run("aixsh -c \"ls /usr/lib /wpars/w2/usr/lib\"").out())
                .isEqualTo("/usr/lib:\n\n/wpars/w2/usr/lib:\nx\n");
    }

    @Test
    void mkwparDashRCopiesTheGlobalNameResolutionFiles() {
        assertThat(sim.run("mkwpar -n w2 -r").exit()).isZero();
        assertThat(sim.run("startwpar w2").exit()).isZero();
        assertThat(clogin("", "w2", "cat /etc/resolv.conf").out()).startsWith("nameserver");
        assertThat(clogin("", "w1", "cat /etc/resolv.conf").err())
                .isEqualTo("cat: 0652-050 Cannot open /etc/resolv.conf.\n");
    }

    @Test
    void aLinkPutInTheStateDirectoryIsNotFollowed() throws IOException {
        Path outside = tmp.resolve("outside.txt");
        Files.writeString(outside, "secret\n");
        Path fs = sim.home().resolve("fs/tmp");
        Files.createDirectories(fs);
        Files.createSymbolicLink(fs.resolve("link"), outside);
        Sim.Result r = sim.run("aixsh -c \"cat /tmp/link; ls /tmp\"");
        assertThat(r.out()).doesNotContain("secret").doesNotContain("link");
        assertThat(r.err()).contains("0960-608 " + fs.resolve("link") + " is a symbolic link");
    }
}
