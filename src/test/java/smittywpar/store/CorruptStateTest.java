package smittywpar.store;

import static org.assertj.core.api.Assertions.assertThat;
import static smittywpar.store.DamagedHost.lineOf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.testkit.Sim;

/**
 * A damaged or unreadable state is reported with the file's path (and line when known), the
 * command fails, and nothing is written: the damaged file and everything else stay as they were.
 */
class CorruptStateTest {
    @TempDir
    Path tmp;
    DamagedHost fixture;
    Sim sim;
    Path home;

    @BeforeEach
    void setUp() {
        fixture = new DamagedHost(tmp, "mkwpar -n w1");
        sim = fixture.sim;
        home = fixture.home;
    }

    @Test
    void hostFileWithASyntaxErrorNamesFileAndLine() throws IOException {
        Path host = home.resolve("host.cf");
        String text = Files.readString(host);
        Files.writeString(host, text.replaceFirst("\tname = \"en0\"", "\tname \"en0\""));
        int line = lineOf(Files.readString(host), "\tname \"en0\"");
        String expected = "mkwpar: 0960-601 The state file " + host + ", line " + line
                + " is damaged: expected 'attribute = \"value\"'. Nothing was changed; repair or restore the file.\n";
        fixture.refused("mkwpar -n w2", expected);
        fixture.refused("startwpar w1", expected.replace("mkwpar", "startwpar"));
        // a listing that does not need the host still works, and changes nothing
        Map<String, String> before = sim.snapshot();
        assertThat(sim.run("lswpar -c").out()).isEqualTo("#name:state:type:hostname:directory:rootvgwpar\n"
                + "w1:D:S:w1:/wpars/w1:no\n");
        assertThat(sim.snapshot()).isEqualTo(before);
    }

    @Test
    void hostFileWithABadValue() throws IOException {
        Path host = home.resolve("host.cf");
        Files.writeString(host, Files.readString(host).replace("ppsize = \"32\"", "ppsize = \"big\""));
        // the line of the attribute itself
        int line = lineOf(Files.readString(host), "\tppsize = \"big\"");
        fixture.refused("startwpar w1", "startwpar: 0960-601 The state file " + host + ", line " + line
                + " is damaged: 'ppsize' of stanza 'vg' is not a number: 'big'. Nothing was changed; repair or restore the file.\n");
    }

    @Test
    void wparFileThatIsGarbage() throws IOException {
        Path f = home.resolve("wpars/w1.cf");
        Files.write(f, new byte[] {0x00, (byte) 0xff, 0x13, 0x37, '\n'});
        // the line of the first byte that is not UTF-8
        fixture.refused("lswpar -L w1", "lswpar: 0960-601 The state file " + f
                + ", line 1 is damaged: not UTF-8 text. Nothing was changed; repair or restore the file.\n");
        fixture.refused("rmwpar w1", "rmwpar: 0960-601 The state file " + f
                + ", line 1 is damaged: not UTF-8 text. Nothing was changed; repair or restore the file.\n");
    }

    @Test
    void wparFileWithAnUnknownState() throws IOException {
        Path f = home.resolve("wpars/w1.cf");
        Files.writeString(f, Files.readString(f).replace("state = \"D\"", "state = \"Q\""));
        // line 1 says the file is sealed (it must end with its end line); "general:" is line 2
        fixture.refused("startwpar w1", "startwpar: 0960-601 The state file " + f
                + ", line 2 is damaged: unknown state 'Q'. Nothing was changed; repair or restore the file.\n");
    }

    @Test
    void truncatedWparFile() throws IOException {
        Path f = home.resolve("wpars/w1.cf");
        String text = Files.readString(f);
        Files.writeString(f, text.substring(0, text.indexOf("directory = \"/wpars/w1\"") + 15));
        fixture.refused("lswpar -M w1", "lswpar: 0960-601 The state file " + f + ", line "
                + lineOf(Files.readString(f), "\tdirectory = \"/w")
                + " is damaged: the file was cut short: its last line is not \"* end of file\". Nothing was changed;"
                + " repair or restore the file.\n");
    }

    /** The index is derived data: a damaged one is rebuilt from the WPAR files (with a notice), never believed. */
    @Test
    void indexWithAMalformedLineIsRebuilt() throws IOException {
        Path idx = home.resolve("wpars.idx");
        String good = Files.readString(idx);
        Files.writeString(idx, good + "garbage line without tabs\n", StandardCharsets.UTF_8);
        Sim.Result r = sim.run("lswpar -c");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEqualTo("lswpar: 0960-615 The WPAR index " + idx + " did not match the WPAR files"
                + " (its checksum line is missing or wrong); it was rebuilt from them.\n");
        assertThat(r.out()).isEqualTo("#name:state:type:hostname:directory:rootvgwpar\nw1:D:S:w1:/wpars/w1:no\n");
        assertThat(Files.readString(idx)).isEqualTo(good);
        // a mutating command rebuilds it too (and keeps no garbage)
        Files.writeString(idx, good + "garbage line without tabs\n", StandardCharsets.UTF_8);
        assertThat(sim.run("startwpar w1").exit()).isZero();
        assertThat(Files.readString(idx)).doesNotContain("garbage").contains("\nw1\tA\t");
        assertThat(sim.run("lswpar -c").err()).isEmpty();
    }

    /** A WPAR file that is gone takes its WPAR with it: the index, derived data, follows the files. */
    @Test
    void missingWparFileListedInTheIndex() throws IOException {
        Path f = home.resolve("wpars/w1.cf");
        Files.delete(f);
        Sim.Result r = sim.run("startwpar w1");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("startwpar: 0960-615 The WPAR index " + home.resolve("wpars.idx")
                + " did not match the WPAR files (w1 is listed, but wpars/w1.cf does not exist); it was rebuilt from"
                + " them.\nstartwpar: 0960-419 Could not find a workload partition called w1.\n");
        Sim.Result after = sim.run("lswpar -c");
        assertThat(after.err()).isEmpty();
        assertThat(after.out()).isEmpty();
    }

    /** Listings check the index against the WPAR files when someone changed wpars/ by hand. */
    @Test
    void aListingSeesWparFilesAddedOrRemovedByHand() throws Exception {
        // a hand comes later than the command before it: past the file system's clock tick
        Thread.sleep(50);
        Path w1 = home.resolve("wpars/w1.cf");
        Files.writeString(home.resolve("wpars/w9.cf"), Files.readString(w1).replace("\"w1\"", "\"w9\"")
                .replace("/wpars/w1", "/wpars/w9"));
        Sim.Result r = sim.run("lswpar -c -q -a name");
        assertThat(r.err()).isEqualTo("lswpar: 0960-615 The WPAR index " + home.resolve("wpars.idx")
                + " did not match the WPAR files (wpars/w9.cf is not listed); it was rebuilt from them.\n");
        assertThat(r.out()).isEqualTo("w1\nw9\n");
        assertThat(sim.run("lswpar -c -q -a name").err()).isEmpty();
        Thread.sleep(50);
        Files.delete(w1);
        r = sim.run("lswpar -c -q -a name");
        assertThat(r.err()).isEqualTo("lswpar: 0960-615 The WPAR index " + home.resolve("wpars.idx")
                + " did not match the WPAR files (w1 is listed, but wpars/w1.cf does not exist); it was rebuilt from"
                + " them.\n");
        assertThat(r.out()).isEqualTo("w9\n");
    }

    @Test
    void aMissingIndexIsRebuiltFromTheWparFiles() throws IOException {
        String before = Files.readString(home.resolve("wpars.idx"));
        Files.delete(home.resolve("wpars.idx"));
        assertThat(sim.run("lswpar -c").out()).isEqualTo("#name:state:type:hostname:directory:rootvgwpar\n"
                + "w1:D:S:w1:/wpars/w1:no\n");
        assertThat(sim.run("startwpar w1").exit()).isZero();
        String after = Files.readString(home.resolve("wpars.idx"));
        assertThat(withoutChecksum(after)).isEqualTo(withoutChecksum(before).replace("\tD\t", "\tA\t"));
        assertThat(after).containsPattern("\n#crc32 [0-9a-f]{8}\n$");
    }

    private static String withoutChecksum(String index) {
        return index.substring(0, index.lastIndexOf("#crc32 "));
    }

    @Test
    void aStateDirectoryThatIsAFile() throws IOException {
        Path file = tmp.resolve("plainfile");
        Files.writeString(file, "not a directory");
        Sim other = new Sim(file);
        Sim.Result r = other.run("lswpar");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("lswpar: 0960-603 The state directory " + file
                + " is not a directory; set SMITTY_WPAR_HOME to another path.\n");
        assertThat(Files.readString(file)).isEqualTo("not a directory");
    }

    @Test
    void aForeignNonEmptyDirectoryIsNotTakenOver() throws IOException {
        Path dir = tmp.resolve("photos");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("holiday.jpg"), "jpeg");
        Sim.Result r = new Sim(dir).run("mkwpar -n w1");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("mkwpar: 0960-604 " + dir + " is not a smitty-wpar state directory (it has no"
                + " host.cf); set SMITTY_WPAR_HOME to a new or empty directory.\n");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(".lock",
                    "holiday.jpg");
        }
    }

}
