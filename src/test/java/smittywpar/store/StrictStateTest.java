package smittywpar.store;

import static org.assertj.core.api.Assertions.assertThat;
import static smittywpar.store.DamagedHost.damaged;
import static smittywpar.store.DamagedHost.edit;
import static smittywpar.store.DamagedHost.lineOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.testkit.Sim;

/**
 * Strict reading of the WPAR files, the preserved ones and a WPAR's inside (its file tree index,
 * its process table), and their consistency with host.cf: a file that breaks a rule of the
 * attribute table, names something the host does not have, or is larger than the limit is
 * refused with its path and line, the command exits 1 and nothing is written; a valid hand edit
 * loads.
 */
class StrictStateTest {
    @TempDir
    Path tmp;
    DamagedHost fixture;
    Sim sim;
    Path home;

    @BeforeEach
    void setUp() {
        fixture = new DamagedHost(tmp, "mkwpar -n w1", "mkwpar -n w2 -N address=192.168.10.50", "startwpar w2",
            "mkwpar -n r1 -D rootvg=yes devname=hdisk1", "mkwpar -n p1", "rmwpar -p p1");
        sim = fixture.sim;
        home = fixture.home;
    }

    /** The WPARs of the set-up are all still there, and the host is usable. */
    private void usable() {
        assertThat(sim.run("lswpar -c -q -a name").out()).isEqualTo("r1\nw1\nw2\n");
        fixture.usable();
    }

    // ---- the attribute table's rules ---------------------------------------------------------------------

    @Test
    void anUnknownAttributeIsRefusedNotDropped() throws IOException {
        Path f = home.resolve("wpars/w1.cf");
        String good = Files.readString(f);
        // a flipped bit in a name: privateusr -> privateuwr
        int line = edit(f, "\tprivateusr = ", "\tprivateuwr = ");
        fixture.refused("startwpar w1", damaged("startwpar", f, line, "unknown attribute 'privateuwr' in stanza 'general'"));
        fixture.refused("lswpar -L w1", damaged("lswpar", f, line, "unknown attribute 'privateuwr' in stanza 'general'"));
        Files.writeString(f, good);
        line = edit(f, "\tactive = \"yes\"\n", "\tactive = \"yes\"\n\tcolour = \"red\"\n") + 1;
        fixture.refused("lswpar -R w1", damaged("lswpar", f, line, "unknown attribute 'colour' in stanza 'resources'"));
        Files.writeString(f, good);
        usable();
    }

    @Test
    void valuesMustBeOfTheirTypeAndInRange() throws IOException {
        Path f = home.resolve("wpars/w1.cf");
        String good = Files.readString(f);
        String[][] cases = {
            {"\tauto = \"no\"", "\tauto = \"maybe\"", "'auto' of stanza 'general' is not valid: 'maybe' (it must be one of yes, no)"},
            {"\tvfs = \"jfs2\"", "\tvfs = \"jfs3\"",
                "'vfs' of stanza 'mount' is not valid: 'jfs3' (it must be one of jfs2, jfs, nfs, namefs, directory)"},
            {"\tdirectory = \"/wpars/w1\"", "\tdirectory = \"wpars/w1\"",
                "'directory' of stanza 'general' is not valid: 'wpars/w1' (it must be an absolute path of printable ASCII)"},
            {"\tsize = \"(\\d+)\"", "\tsize = \"\u0662\u0660\u0664\u0668\"",
                "'size' of stanza 'mount' is not a number: '\u0662\u0660\u0664\u0668'"},
            {"\tipct = \"\\d+\"", "\tipct = \"101\"", "'ipct' of stanza 'mount' is 101, not a number from 0 to 100"},
            {"\tused = \"\\d+\"", "\tused = \"99999999999\"",
                "'used' of stanza 'mount' is 99999999999, not a number from 0 to 2147483647"},
            {"\tuuid = \"[^\"]*\"", "\tuuid = \"not-a-uuid\"",
                "'uuid' of stanza 'general' is not valid: 'not-a-uuid' (it must be a UUID such as"
                    + " 1c3e5f60-8a9b-4c1d-9e2f-3a4b5c6d7e8f)"},
            {"\thostname = \"w1\"", "\thostname = \"\"", "'hostname' of stanza 'general' is not valid: '' (it must be a host name)"},
        };
        for (String[] c : cases) {
            int line = edit(f, c[0], c[1]);
            fixture.refused("startwpar w1", damaged("startwpar", f, line, c[2]));
            Files.writeString(f, good);
        }
        usable();
    }

    @Test
    void aWholeFileLackingAnAttributeOrAStanzaIsRefused() throws IOException {
        Path f = home.resolve("wpars/w1.cf");
        String good = Files.readString(f);
        // a lost line that a default would have hidden: auto = "yes" would become no
        edit(f, "\tauto = \"no\"\n", "");
        int general = lineOf(good, good.indexOf("general:"));
        fixture.refused("lswpar -L w1", damaged("lswpar", f, general, "stanza 'general' lacks 'auto'"));
        // a file system on a logical volume that lost its device line would lose its logical volume
        String noDev = good.replaceFirst("\tdev = \"/dev/fslv\\d+\"\n", "");
        Files.writeString(f, noDev);
        int mount = lineOf(noDev, noDev.lastIndexOf("mount:", good.indexOf("\tdev = \"/dev/fslv")));
        fixture.refused("startwpar w1", damaged("startwpar", f, mount, "stanza 'mount' lacks 'dev'"));
        Files.writeString(f, good);
        // the first line lost: the file is not taken for one written before files were sealed
        Files.writeString(f, good.substring(good.indexOf('\n') + 1));
        fixture.refused("lswpar -L w1", damaged("lswpar", f, 1, "its first line is not \"" + StanzaFile.SEALED
                + "\" although it ends with the end line"));
        Files.writeString(f, good);
        String noSecurity = good.replaceFirst("(?s)\nsecurity:\n.*?\n\n", "\n");
        assertThat(noSecurity).isNotEqualTo(good);
        Files.writeString(f, noSecurity);
        fixture.refused("startwpar w1", damaged("startwpar", f, (int) noSecurity.lines().count(), "the 'security' stanza is missing"));
        Files.writeString(f, good);
        usable();
    }

    @Test
    void twoBootSetsWithOneNumberAreRefused() throws IOException {
        assertThat(sim.run("chwpar -B devname=hdisk2 r1").exit()).isZero();
        Path f = home.resolve("wpars/r1.cf");
        String good = Files.readString(f);
        int b0 = good.indexOf("bootset:");
        int end = good.indexOf("\n\n", b0) + 2;
        if (end < 2) {
            end = good.indexOf(StanzaFile.END);
        }
        String twice = good.substring(0, end) + good.substring(b0, end) + good.substring(end);
        Files.writeString(f, twice);
        fixture.refused("lswpar -Br r1", damaged("lswpar", f, lineOf(twice, end), "a second 'bootset' stanza with id = \"1\""
                + " (the first is on line " + lineOf(twice, b0) + ")"));
        Files.writeString(f, good);
    }

    @Test
    void aPreservedFileIsReadAsStrictly() throws IOException {
        Path f = home.resolve("preserved/p1.cf");
        String good = Files.readString(f);
        int line = edit(f, "\tvfs = \"jfs2\"", "\tvfs = \"zfs\"");
        fixture.refused("mkwpar -p p1", damaged("mkwpar", f, line,
                "'vfs' of stanza 'mount' is not valid: 'zfs' (it must be one of jfs2, jfs, nfs, namefs, directory)"));
        Files.writeString(f, good);
        assertThat(sim.run("mkwpar -p p1").exit()).isZero();
    }

    @Test
    void aValidHandEditLoads() throws IOException {
        Path f = home.resolve("wpars/w1.cf");
        edit(f, "\tauto = \"no\"", "\tauto = \"yes\"");
        Sim.Result r = sim.run("lswpar -c -q -a name,auto w1");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("w1:yes\n");
        assertThat(sim.run("startwpar w1").exit()).isZero();
        usable();
    }

    /** What a command would write that the strict reading refuses is refused by the command, nothing written. */
    @Test
    void commandsRefuseWhatAWparFileCannotHold() {
        fixture.refused("mkwpar -n x1 -d /wpars/\u00e9t\u00e9", "mkwpar: 0960-023 /wpars/?t? is not a valid value for attribute"
                + " directory.\n");
        fixture.refused("mkwpar -n x2 -u /tmp/caf\u00e9", "mkwpar: 0960-023 /tmp/caf? is not a valid value for attribute script.\n");
        fixture.refused("chwpar -h h\u00f4te w1", "chwpar: 0960-023 h?te is not a valid value for attribute hostname.\n");
        fixture.refused("mkwpar -n x3 -b devexports", "mkwpar: 0960-066 devexports must be an absolute path.\n");
        // a local file system on a logical volume that does not exist
        fixture.refused("mkwpar -n x4 -M directory=/data vfs=jfs2 dev=/dev/nolv",
                "mkwpar: 0960-337 Logical volume /dev/nolv of file system /data does not exist.\n");
        usable();
    }

    // ---- consistency with host.cf -------------------------------------------------------------------------

    @Test
    void aFileSystemOnALogicalVolumeTheHostDoesNotHaveIsRefused() throws IOException {
        Path f = home.resolve("wpars/w1.cf");
        String good = Files.readString(f);
        int line = edit(f, "\tdev = \"/dev/fslv\\d+\"", "\tdev = \"/dev/fslv777\"");
        String text = Files.readString(f);
        String mount = text.substring(text.lastIndexOf("directory = \"", text.indexOf("fslv777")) + 13);
        mount = mount.substring(0, mount.indexOf('"'));
        fixture.refused("startwpar w1", damaged("startwpar", f, line, "file system " + mount
                + " is on logical volume fslv777, which host.cf does not have"));
        Files.writeString(f, good);
        // a preserved file system likewise
        Path p = home.resolve("preserved/p1.cf");
        String pgood = Files.readString(p);
        line = edit(p, "\tdev = \"/dev/fslv\\d+\"", "\tdev = \"/dev/fslv778\"");
        String why = "file system / is on logical volume fslv778, which host.cf does not have";
        fixture.refused("mkwpar -p p1", damaged("mkwpar", p, line, why));
        Sim.Result lsvg = sim.run("lsvg -l rootvg");
        assertThat(lsvg.err()).isEqualTo(damaged("lsvg", p, line, why));
        assertThat(lsvg.exit()).isEqualTo(1);
        Files.writeString(p, pgood);
        usable();
    }

    @Test
    void aDiskTheHostDoesNotGiveToTheWparIsRefused() throws IOException {
        Path host = home.resolve("host.cf");
        String hgood = Files.readString(host);
        Path f = home.resolve("wpars/r1.cf");
        int line = lineOf(Files.readString(f), Files.readString(f).indexOf("\tdevname = \"hdisk1\""));
        // host.cf edited by hand: hdisk1 no longer given to r1
        String edited = hgood.replaceFirst("(name = \"hdisk1\"[^:]*?)\twpar = \"r1\"\n", "$1");
        assertThat(edited).isNotEqualTo(hgood);
        Files.writeString(host, edited);
        fixture.refused("startwpar r1", damaged("startwpar", f, line, "host.cf does not give device hdisk1 to workload partition r1"));
        Files.writeString(host, hgood.replaceFirst("(name = \"hdisk1\"[^:]*?\twpar = )\"r1\"", "$1\"w1\""));
        fixture.refused("startwpar r1", damaged("startwpar", f, line, "host.cf gives device hdisk1 to workload partition w1"));
        // a disk that is not there at all
        Files.writeString(host, hgood);
        String r1 = Files.readString(f);
        Files.writeString(f, r1.replace("\"hdisk1\"", "\"hdisk9\""));
        fixture.refused("startwpar r1", damaged("startwpar", f, line, "device hdisk9 is not a disk or adapter of host.cf"));
        Files.writeString(f, r1);
        usable();
    }

    @Test
    void anAddressOnAnInterfaceTheHostDoesNotHaveIsRefused() throws IOException {
        Path f = home.resolve("wpars/w2.cf");
        String good = Files.readString(f);
        String index = Files.readString(home.resolve("wpars.idx"));
        int line = edit(f, "\tinterface = \"en1\"", "\tinterface = \"en7\"");
        Map<String, String> before = sim.snapshot();
        Sim.Result r = sim.run("stopwpar w2");
        // the index lists the interface too: it is rebuilt from the file (a notice) before the file is refused
        assertThat(r.err()).endsWith(damaged("stopwpar", f, line,
                "interface en7 of address 192.168.10.50 is not an interface of host.cf"));
        assertThat(r.exit()).isEqualTo(1);
        Map<String, String> after = sim.snapshot();
        after.remove("wpars.idx"); // derived data, written as rebuilt
        before.remove("wpars.idx");
        assertThat(after).isEqualTo(before);
        Files.writeString(f, good);
        Files.writeString(home.resolve("wpars.idx"), index);
        usable();
    }

    // ---- the size limit --------------------------------------------------------------------------------------

    @Test
    void aGiantStateFileOfAnyKindIsRefusedUnread() throws IOException {
        sim.run("clogin w2 mkdir /tmp/d");
        Path tree = treeIndexOf("w2");
        String[] files = {"wpars/w1.cf", "preserved/p1.cf", "procs/wpar/w2", home.relativize(tree).toString()};
        String[] commands = {"startwpar w1", "mkwpar -p p1", "ps -e -@", "clogin w2 ls /tmp"};
        // what the shell of clogin runs reports as ksh, as AIX's shell does
        String[] programs = {"startwpar", "mkwpar", "ps", "ksh"};
        // a WPAR's file tree index may be larger than other state files (16 MiB and the whiteouts of
        // every shipped file: 20 MiB), as a WPAR may have some 250,000 changed files
        long[] limits = {1 << 20, 1 << 20, 1 << 20, 20 << 20};
        for (int i = 0; i < files.length; i++) {
            Path f = home.resolve(files[i]);
            String good = Files.readString(f);
            Files.writeString(f, good + ("* " + "x".repeat(98) + "\n").repeat((int) (limits[i] / 100) + 1_000));
            // refused by its size, before a line is parsed (no timing here: tests run on loaded machines)
            fixture.refused(commands[i], damaged(programs[i], f, 0, "it is larger than " + limits[i] + " bytes"));
            Files.writeString(f, good);
        }
        usable();
    }

    // ---- a WPAR's inside -----------------------------------------------------------------------------------

    private Path treeIndexOf(String wpar) throws IOException {
        try (var s = Files.walk(home.resolve("wparfs"))) {
            return s.filter(p -> p.getFileName().toString().equals("tree") && p.toString().contains(wpar))
                    .findFirst().orElseThrow();
        }
    }

    @Test
    void aDamagedTreeIndexIsRefusedWithItsLine() throws IOException {
        assertThat(sim.run("clogin w2 mkdir /tmp/d1 /tmp/d2").exit()).isZero();
        Path tree = treeIndexOf("w2");
        String good = Files.readString(tree);
        assertThat(good).startsWith("smitty-wpar tree 2\n").containsPattern("\n#crc32 [0-9a-f]{8}\n$");
        // cut short at a line boundary: the checksum line is gone
        String cut = good.substring(0, good.indexOf("\n", good.indexOf("/tmp/d1")) + 1);
        Files.writeString(tree, cut);
        String crc = "its checksum line is missing or wrong (the file was cut short or changed)";
        fixture.refused("clogin w2 ls /tmp", damaged("ksh", tree, (int) cut.lines().count(), crc));
        // a digit of another script in a time (the checksum made right, as a hand would not)
        String body = good.substring(0, good.indexOf("#crc32"));
        String v1 = body.replace("smitty-wpar tree 2", "smitty-wpar tree 1");
        Files.writeString(tree, v1.replaceFirst(" (\\d)(\\d+) /tmp/d1", " \u0661$2 /tmp/d1"));
        int d1 = lineOf(v1, v1.indexOf("/tmp/d1"));
        Sim.Result r = sim.run("clogin w2 ls /tmp");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith(damaged("ksh", tree, d1, "not a file tree index: ").replace(
                ". Nothing was changed; repair or restore the file.\n", ""));
        // a path twice
        String line = v1.substring(v1.lastIndexOf('\n', v1.indexOf("/tmp/d1")) + 1, v1.indexOf("\n", v1.indexOf("/tmp/d1")) + 1);
        Files.writeString(tree, v1 + line);
        fixture.refused("clogin w2 ls /tmp", damaged("ksh", tree, (int) v1.lines().count() + 1,
                "/tmp/d1 appears twice (the first time on line " + d1 + ")"));
        // an index of format 1 (no checksum line) is still read, and written as format 2 when it changes
        Files.writeString(tree, v1);
        assertThat(sim.run("clogin w2 ls /tmp").out()).contains("d1").contains("d2");
        assertThat(sim.run("clogin w2 rmdir /tmp/d2").exit()).isZero();
        assertThat(Files.readString(tree)).startsWith("smitty-wpar tree 2\n").doesNotContain("/tmp/d2");
        usable();
    }

    @Test
    void aDamagedProcessTableIsRefusedWithItsLine() throws IOException {
        Path procs = home.resolve("procs/wpar/w2");
        String good = Files.readString(procs);
        assertThat(good).startsWith("smitty-wpar processes 2\n").containsPattern("\n#crc32 [0-9a-f]{8}\n$");
        String cut = good.substring(0, good.lastIndexOf('\n', good.indexOf("#crc32") - 2) + 1);
        Files.writeString(procs, cut);
        fixture.refused("ps -e -@", damaged("ps", procs, (int) cut.lines().count(),
                "its checksum line is missing or wrong (the file was cut short or changed)"));
        String body = good.substring(0, good.indexOf("#crc32")).replace("processes 2", "processes 1");
        String second = body.lines().skip(1).findFirst().orElseThrow();
        Files.writeString(procs, body + second + "\n");
        fixture.refused("ps -e -@", damaged("ps", procs, (int) body.lines().count() + 1, "process "
                + second.substring(0, second.indexOf('\t')) + " appears twice (the first time on line 2)"));
        Files.writeString(procs, body.replaceFirst("\n(\\d)", "\n\u0661"));
        fixture.refused("ps -e -@", damaged("ps", procs, 2, "malformed process line"));
        // format 1 is still read
        Files.writeString(procs, body);
        Sim.Result ps = sim.run("ps -e -@");
        assertThat(ps.exit()).as(ps.err()).isZero();
        assertThat(ps.out()).contains("w2");
        usable();
    }
}
