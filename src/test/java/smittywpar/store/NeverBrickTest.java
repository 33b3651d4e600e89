package smittywpar.store;

import static org.assertj.core.api.Assertions.assertThat;
import static smittywpar.store.DamagedHost.damaged;
import static smittywpar.store.DamagedHost.lineOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.testkit.Consistency;
import smittywpar.testkit.Proc;
import smittywpar.testkit.Sim;

/**
 * The repros of "never brick the state": a command that fails, whatever the reason, ends with a
 * clear message and leaves a state the next command takes; paths, links and damaged files are
 * refused before anything is written; nothing is ever written outside the state directory.
 */
class NeverBrickTest {
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

    private Sim.Result runWith(String var, String value, String command) {
        sim.env().put(var, value);
        try {
            return sim.run(command);
        } finally {
            sim.env().remove(var);
        }
    }

    // ---- paths written into the host's file tree: checked before the commit --------------------------

    @Test
    void aSpecFileNameOver255BytesIsRefusedBeforeTheCommit() {
        String name = "/tmp/" + "B".repeat(256);
        fixture.refused("mkwpar -w -n t -o " + name,
                "mkwpar: 0960-077 Cannot write the specification file " + name + ": File name too long.\n");
        fixture.usable();
        assertThat(sim.run("mkwpar -w -n t -o /tmp/" + "B".repeat(255)).exit()).isZero();
    }

    @Test
    void aSpecFilePathOver4096BytesIsRefused() {
        String path = "/tmp/" + "abcdefgh/".repeat(460) + "x";
        fixture.refused("mkwpar -w -n t -o " + path,
                "mkwpar: 0960-077 Cannot write the specification file " + path + ": File name too long.\n");
        fixture.usable();
    }

    @Test
    void aSpecFileUnderAFileIsRefused() {
        assertThat(sim.run("mkwpar -w -n t -o /tmp/d1").exit()).isZero();
        fixture.refused("mkwpar -w -n t -o /tmp/d1/y",
                "mkwpar: 0960-077 Cannot write the specification file /tmp/d1/y: Not a directory.\n");
        fixture.usable();
    }

    @Test
    void aSpecFileWhereADirectoryIsIsRefused() {
        assertThat(sim.run("mkwpar -w -n t -o /tmp/sub/f").exit()).isZero();
        fixture.refused("mkwpar -w -n t -o /tmp/sub",
                "mkwpar: 0960-077 Cannot write the specification file /tmp/sub: Is a directory.\n");
        // also when the WPAR is really created (the check comes before any output)
        fixture.refused("mkwpar -n t -o /tmp/sub",
                "mkwpar: 0960-077 Cannot write the specification file /tmp/sub: Is a directory.\n");
        fixture.usable();
    }

    @Test
    void wparsReplacedByAPlainFile() throws IOException {
        Path wpars = home.resolve("wpars");
        Path kept = tmp.resolve("wpars.kept");
        Files.move(wpars, kept);
        Files.writeString(wpars, "junk\n");
        String msg = " 0960-609 " + wpars + " is not a directory. Nothing was changed; move it away or put the"
                + " directory back.\n";
        fixture.refused("mkwpar -n w2", "mkwpar:" + msg);
        fixture.refused("lswpar", "lswpar:" + msg);
        fixture.refused("startwpar w1", "startwpar:" + msg);
        assertThat(sim.run("hostname").out()).isEqualTo("indaixwpr01\n");
        Files.delete(wpars);
        Files.move(kept, wpars);
        fixture.usable();
    }

    // ---- failures after the commit point: undone at once, or finished/undone by the next command ----

    @Test
    void aRenameThatFailsAfterTheJournalIsUndoneAtOnce() {
        Map<String, String> before = sim.snapshot();
        Sim.Result r = runWith(StateStore.ENV_FAULT, "rename:EIO:2", "startwpar w1");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("startwpar: 0960-607 Cannot write " + home + "/")
                .endsWith(": There is an input or output error. Nothing was changed.\n");
        assertThat(sim.snapshot()).isEqualTo(before);
        assertThat(home.resolve("journal")).doesNotExist();
        assertThat(home.resolve(".tx")).doesNotExist();
        Sim.Result next = sim.run("startwpar w1");
        assertThat(next.exit()).isZero();
        assertThat(next.err()).isEmpty();
        assertThat(sim.run("lswpar -c -q -a state w1").out()).isEqualTo("A\n");
        Consistency.check(sim.env());
    }

    @Test
    void whenUndoingFailsTooTheNextCommandFinishesTheChange() {
        Map<String, String> before = sim.snapshot();
        Sim.Result r = runWith(StateStore.ENV_FAULT, "rename:EIO:2,restore:EIO:*", "startwpar w1");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(": 0960-614 Cannot write ").contains(": There is an input or output error; undoing"
                + " the change failed too (There is an input or output error). The next command finishes or undoes"
                + " it.\n");
        assertThat(home.resolve("journal")).exists();
        Sim.Result next = sim.run("lswpar -c -q -a state w1");
        assertThat(next.err()).startsWith("lswpar: 0960-612 Finished the change that an interrupted command began: ");
        assertThat(next.out()).isEqualTo("A\n");
        assertThat(sim.snapshot()).isNotEqualTo(before);
        assertThat(home.resolve("journal")).doesNotExist();
        assertThat(home.resolve(".tx")).doesNotExist();
        fixture.usable();
    }

    @Test
    void aLostNewFileMakesTheNextCommandUndoTheChange() throws Exception {
        Map<String, String> before = sim.snapshot();
        Map<String, String> env = new HashMap<>(sim.env());
        env.put(StateStore.ENV_CRASH_AT, "journal");
        // the journal of temporary files (a small change carries its texts in the journal, which
        // the next command always finishes)
        env.put("JAVA_TOOL_OPTIONS", "-Dsmittywpar.store.inlineMax=0");
        assertThat(Proc.run(env, "startwpar", "w1").exit()).isEqualTo(137);
        try (Stream<Path> s = Files.list(home.resolve(".tx"))) {
            Path newFile = s.filter(p -> p.getFileName().toString().startsWith("f")).findFirst().orElseThrow();
            Files.delete(newFile);
        }
        Sim.Result next = sim.run("lswpar -c -q -a state w1");
        assertThat(next.err()).startsWith("lswpar: 0960-613 Undid the change that a failed or interrupted command began"
                + " (").endsWith("): a new file of the change is missing.\n");
        assertThat(next.out()).isEqualTo("D\n");
        assertThat(sim.snapshot()).isEqualTo(before);
        fixture.usable();
    }

    @Test
    void aCommandKilledAfterItsJournalIsFinishedByTheNextOneWithANotice() {
        Map<String, String> env = new HashMap<>(sim.env());
        env.put(StateStore.ENV_CRASH_AT, "apply");
        assertThat(Proc.run(env, "mkwpar", "-n", "w2").exit()).isEqualTo(137);
        Sim.Result next = sim.run("lswpar -c -q -a name");
        assertThat(next.err()).isEqualTo("lswpar: 0960-612 Finished the change that an interrupted command began:"
                + " wpars/w2.cf, host.cf, wpars.idx.\n");
        assertThat(next.out()).isEqualTo("w1\nw2\n");
        fixture.usable();
    }

    // ---- environment failures: the system's reason in AIX words, never "internal error" --------------

    /** Fails unchanged with the store's fault hook set (a full disk, a read-only file system...), maybe after its progress lines. */
    private void refusedWithFault(String fault, String command, String expectedErr) {
        sim.env().put(StateStore.ENV_FAULT, fault);
        try {
            fixture.failsUnchanged(command, expectedErr);
        } finally {
            sim.env().remove(StateStore.ENV_FAULT);
        }
    }

    @Test
    void noSpaceLeftWhileWritingTheNewFiles() {
        refusedWithFault("write:ENOSPC", "startwpar w1", "startwpar: 0960-606 Cannot change the smitty-wpar state at "
                + home + ": There is not enough space in the file system. Nothing was changed.\n");
        refusedWithFault("journal:ENOSPC", "startwpar w1", "startwpar: 0960-606 Cannot change the smitty-wpar state"
                + " at " + home + ": There is not enough space in the file system. Nothing was changed.\n");
        refusedWithFault("mkdir:EDQUOT", "startwpar w1", "startwpar: 0960-606 Cannot change the smitty-wpar state"
                + " at " + home + ": Disk quota exceeded. Nothing was changed.\n");
        assertThat(home.resolve(".tx")).doesNotExist();
        fixture.usable();
    }

    @Test
    void aReadOnlyStateDirectory() {
        String ro = ": 0960-606 Cannot change the smitty-wpar state at " + home
                + ": The file system has read permission only. Nothing was changed.\n";
        refusedWithFault("readonly", "startwpar w1", "startwpar" + ro);
        refusedWithFault("readonly", "mkwpar -n w2", "mkwpar" + ro);
        refusedWithFault("lock:EACCES", "rmwpar w1", "rmwpar: 0960-606 Cannot change the smitty-wpar state at " + home
                + ": The file access permissions do not allow the specified action. Nothing was changed.\n");
        // reading works
        Sim.Result r = runWith(StateStore.ENV_FAULT, "readonly", "lswpar -c -q -a name");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("w1\n");
        // a pending change cannot be finished on a read-only file system: said, not "internal error"
        Map<String, String> env = new HashMap<>(sim.env());
        env.put(StateStore.ENV_CRASH_AT, "journal");
        assertThat(Proc.run(env, "startwpar", "w1").exit()).isEqualTo(137);
        refusedWithFault("readonly", "lswpar", "lswpar: 0960-611 The smitty-wpar state at " + home + " holds a change"
                + " that an interrupted command began, and it cannot be finished or undone now: The file system has read"
                + " permission only."
                + " Nothing was changed.\n");
        Sim.Result later = sim.run("lswpar -c -q -a state w1");
        assertThat(later.err()).startsWith("lswpar: 0960-612 ");
        assertThat(later.out()).isEqualTo("A\n");
        fixture.usable();
    }

    @Test
    void aStateDirectoryNameTooLongOrInvalid() {
        Path deep = tmp.resolve("d".repeat(200) + "/" + "e".repeat(200) + "/" + "f".repeat(255) + "x");
        Sim.Result r = new Sim(deep).run("lswpar");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("lswpar: 0960-600 Cannot use the smitty-wpar state at " + deep
                + ": File name too long.\n");
        Sim bad = new Sim(tmp.resolve("x"));
        bad.env().put("SMITTY_WPAR_HOME", "/tmp/a\0b");
        Sim.Result nul = bad.run("lswpar");
        assertThat(nul.exit()).isEqualTo(1);
        assertThat(nul.err()).isEqualTo("lswpar: 0960-616 SMITTY_WPAR_HOME does not name a usable directory: Invalid"
                + " argument.\n");
    }

    // ---- links in the state directory: refused, never followed ------------------------------------------

    private static String link(String cmd, Path p) {
        return cmd + ": 0960-608 " + p + " is a symbolic link; nothing in the smitty-wpar state directory may be a"
                + " link. Nothing was changed; put the file or directory itself in its place.\n";
    }

    @Test
    void aTxLinkIsRefusedAndNothingBehindItIsDeleted() throws IOException {
        Path victim = tmp.resolve("victim");
        Files.createDirectories(victim);
        Files.writeString(victim.resolve("precious"), "keep me\n");
        Files.createSymbolicLink(home.resolve(".tx"), victim);
        fixture.refused("lswpar", link("lswpar", home.resolve(".tx")));
        fixture.refused("startwpar w1", link("startwpar", home.resolve(".tx")));
        assertThat(Files.readString(victim.resolve("precious"))).isEqualTo("keep me\n");
        Files.delete(home.resolve(".tx"));
        fixture.usable();
    }

    @Test
    void aLinkInTheHostFileTreeIsNotFollowedForWriting() throws IOException {
        Path outside = tmp.resolve("x");
        Files.createDirectories(outside);
        Files.createDirectories(home.resolve("fs"));
        Files.createSymbolicLink(home.resolve("fs/tmp"), outside);
        fixture.refused("mkwpar -w -n t -o /tmp/out.spec", link("mkwpar", home.resolve("fs/tmp")));
        try (Stream<Path> s = Files.list(outside)) {
            assertThat(s.count()).isZero();
        }
        Files.delete(home.resolve("fs/tmp"));
        fixture.usable();
    }

    @Test
    void aLinkInTheHostFileTreeIsNotFollowedForReading() throws IOException {
        Path etc = tmp.resolve("realetc");
        Files.createDirectories(etc);
        Files.writeString(etc.resolve("shadow"), "root:SECRETHASH:19000::::::\n");
        Files.createDirectories(home.resolve("fs"));
        Files.createSymbolicLink(home.resolve("fs/etc"), etc);
        fixture.refused("mkwpar -f /etc/shadow", link("mkwpar", home.resolve("fs/etc")));
        // and a link as the file itself
        Files.delete(home.resolve("fs/etc"));
        Files.createDirectories(home.resolve("fs/etc"));
        Files.createSymbolicLink(home.resolve("fs/etc/shadow"), etc.resolve("shadow"));
        fixture.refused("mkwpar -f /etc/shadow", link("mkwpar", home.resolve("fs/etc/shadow")));
        fixture.usable();
    }

    @Test
    void linksAsStateFilesAreRefused() throws IOException {
        Path outside = tmp.resolve("outside.cf");
        Files.copy(home.resolve("wpars/w1.cf"), outside);
        Files.delete(home.resolve("wpars/w1.cf"));
        Files.createSymbolicLink(home.resolve("wpars/w1.cf"), outside);
        fixture.refused("lswpar -L w1", link("lswpar", home.resolve("wpars/w1.cf")));
        Files.delete(home.resolve("wpars/w1.cf"));
        Files.move(outside, home.resolve("wpars/w1.cf"));

        Path host = tmp.resolve("host.cf");
        Files.move(home.resolve("host.cf"), host);
        Files.createSymbolicLink(home.resolve("host.cf"), host);
        fixture.refused("lspv", link("lspv", home.resolve("host.cf")));
        Files.delete(home.resolve("host.cf"));
        Files.move(host, home.resolve("host.cf"));

        Files.createSymbolicLink(home.resolve("journal"), host);
        fixture.refused("lswpar", link("lswpar", home.resolve("journal")));
        Files.delete(home.resolve("journal"));
        fixture.usable();
    }

    // ---- damaged files: refused with file and line, nothing written --------------------------------------

    @Test
    void aJournalNamingAFileOutsideIsRefusedWithItsLine() throws IOException {
        Files.createDirectories(home.resolve(".tx"));
        Files.writeString(home.resolve(".tx/f0"), "x\n");
        Files.writeString(home.resolve("journal"), "smitty-wpar journal 2\nW ../../../tmp/x f0 -\nend\n");
        String msg = ": 0960-605 The transaction journal " + home.resolve("journal") + " is damaged at line 2:"
                + " ../../../tmp/x is not a file of the state directory. Nothing was changed; move the journal away to"
                + " continue.\n";
        fixture.refused("lswpar", "lswpar" + msg);
        fixture.refused("hostname", "hostname" + msg);
        Files.writeString(home.resolve("journal"), "smitty-wpar journal 1\nW ../../../tmp/x f0\n");
        fixture.refused("lswpar", "lswpar" + msg);
        Files.writeString(home.resolve("journal"), "smitty-wpar journal 2\nW ../escaped f0 -\nend\n");
        fixture.refused("startwpar w1", "startwpar" + msg.replace("../../../tmp/x", "../escaped"));
        assertThat(tmp.resolve("escaped")).doesNotExist();
        Files.delete(home.resolve("journal"));
        fixture.usable();
        assertThat(home.resolve(".tx")).doesNotExist();
    }

    @Test
    void aHostFileCutShortIsRefusedAndKept() throws IOException {
        Path host = home.resolve("host.cf");
        String good = Files.readString(host);
        Files.writeString(host, good.substring(0, 1000));
        int last = (int) good.substring(0, 1000).lines().count();
        fixture.refused("startwpar w1", damaged("startwpar", host, last, "missing closing quote"));
        // cut at a line boundary: the stanzas that end the file are missing
        String cut = good.substring(0, good.indexOf("fileset:"));
        Files.writeString(host, cut);
        fixture.refused("startwpar w1", damaged("startwpar", host, (int) cut.lines().count(),
                "the 'lvnames' stanza is missing (the file may have been cut short)"));
        String cut2 = good.substring(0, good.indexOf("wparmounts:"));
        Files.writeString(host, cut2);
        fixture.refused("lspv", damaged("lspv", host, (int) cut2.lines().count(),
                "the 'wparmounts' stanza is missing (the file may have been cut short)"));
        Files.writeString(host, good);
        fixture.usable();
    }

    @Test
    void aWparFileCutShortIsRefused() throws IOException {
        Path f = home.resolve("wpars/w1.cf");
        String good = Files.readString(f);
        Files.writeString(f, good.substring(0, 300));
        int last = (int) good.substring(0, 300).lines().count();
        String why = "the file was cut short: its last line is not \"* end of file\"";
        fixture.refused("startwpar w1", damaged("startwpar", f, last, why));
        String atLine = good.substring(0, good.indexOf("device:"));
        Files.writeString(f, atLine);
        fixture.refused("lswpar -L w1", damaged("lswpar", f, (int) atLine.strip().lines().count(), why));
        Files.writeString(f, good);
        fixture.usable();
    }

    @Test
    void duplicatedStanzasAreRefused() throws IOException {
        Path host = home.resolve("host.cf");
        String good = Files.readString(host);
        int d0 = good.indexOf("disk:");
        int d1 = good.indexOf("disk:", d0 + 1);
        String twice = good.substring(0, d1) + good.substring(d0, d1) + good.substring(d1);
        Files.writeString(host, twice);
        int first = lineOf(twice, d0);
        fixture.refused("lspv", damaged("lspv", host, lineOf(twice, d1), "a second 'disk' stanza with name = \"hdisk0\""
                + " (the first is on line " + first + ")"));
        Files.writeString(host, good.replace("format:\n\tversion = \"2\"\n",
                "format:\n\tversion = \"2\"\n\tversion = \"2\"\n"));
        fixture.refused("lspv", damaged("lspv", host, 6, "attribute 'version' appears twice in stanza 'format' (first on line"
                + " 5)"));
        Files.writeString(host, good);

        Path f = home.resolve("wpars/w1.cf");
        String w = Files.readString(f);
        int m0 = w.indexOf("mount:");
        int m1 = w.indexOf("mount:", m0 + 1);
        String two = w.substring(0, m1) + w.substring(m0, m1) + w.substring(m1);
        Files.writeString(f, two);
        fixture.refused("startwpar w1", damaged("startwpar", f, lineOf(two, m1), "a second 'mount' stanza with directory ="
                + " \"/\" (the first is on line " + lineOf(two, m0) + ")"));
        int g = w.indexOf("general:");
        int n = w.indexOf("mount:");
        String gen = w.substring(0, n) + w.substring(g, n) + w.substring(n);
        Files.writeString(f, gen);
        fixture.refused("startwpar w1", damaged("startwpar", f, lineOf(gen, n), "a second 'general' stanza (the first is on"
                + " line " + lineOf(gen, g) + ")"));
        Files.writeString(f, w);
        fixture.usable();
    }

    @Test
    void aGiantHostFileIsRefusedUnread() throws IOException {
        Path host = home.resolve("host.cf");
        String good = Files.readString(host);
        Files.writeString(host, good.repeat(9000));
        // refused by its size, before a line is parsed (no timing here: tests run on loaded machines)
        fixture.refused("startwpar w1", damaged("startwpar", host, 0, "it is larger than 1048576 bytes"));
        Files.writeString(host, good);
        fixture.usable();
    }

    @Test
    void aHostFileThatBreaksARuleIsRefusedWithItsLine() throws IOException {
        Path host = home.resolve("host.cf");
        String good = Files.readString(host);
        String[][] edits = {
            {"\tsize = \"30720\"", "\tsize = \"\u0663\u0660\u0667\u0662\u0660\"",
                "'size' of stanza 'disk' is not a number: '\u0663\u0660\u0667\u0662\u0660'"},
            {"\tppsize = \"32\"", "\tppsize = \"0\"", "'ppsize' of stanza 'vg' is 0, not a number from 1 to 1048576"},
            {"\tppsize = \"32\"", "\tppsize = \"32\"\n\tcolour = \"red\"", "unknown attribute 'colour' in stanza 'vg'"},
            {"\taddress = \"192.168.20.13\"", "\taddress = \"192.168.20.300\"",
                "'address' is not a valid address: '192.168.20.300'"},
            {"\tfslv = \"1-4\"", "\tfslv = \"1-9999999\"", "bad fslv list '1-9999999' (numbers and ranges such as 1-4,7, at"
                + " most 99999)"},
            {"\troot = \"yes\"", "\troot = \"maybe\"", "'root' must be yes or no, not 'maybe'"},
        };
        for (String[] e : edits) {
            String edited = good.replaceFirst(java.util.regex.Pattern.quote(e[0]), java.util.regex.Matcher.quoteReplacement(e[1]));
            assertThat(edited).isNotEqualTo(good);
            Files.writeString(host, edited);
            int line = lineOf(edited, edited.indexOf(e[1].contains("colour") ? "\tcolour" : e[1]));
            fixture.refused("lspv", damaged("lspv", host, line, e[2]));
        }
        Files.writeString(host, good);
        fixture.usable();
    }

    @Test
    void aBootlistThatIsNotBootSetNumbersIsRefused() throws IOException {
        assertThat(sim.run("mkwpar -n r1 -D rootvg=yes devname=hdisk1").exit()).isZero();
        Path f = home.resolve("wpars/r1.cf");
        String good = Files.readString(f);
        String bad = good.replace("\trootvgwpar = \"yes\"\n", "\trootvgwpar = \"yes\"\n\tbootlist = \"x,y\"\n");
        Files.writeString(f, bad);
        fixture.refused("startwpar r1", damaged("startwpar", f, lineOf(bad, bad.indexOf("\tbootlist")),
                "'bootlist' must be boot set numbers separated by commas: 'x,y'"));
        Files.writeString(f, good);
        fixture.usable();
    }

    /** Files written before the checks for cut-short files (format 1, no seal) are still read, and rewritten. */
    @Test
    void olderFilesLoadAndAreRewrittenInTheNewFormat() throws IOException {
        Path host = home.resolve("host.cf");
        String h = Files.readString(host);
        String old = h.replace("version = \"2\"", "version = \"1\"");
        old = old.substring(0, old.indexOf("wparmounts:"));
        Files.writeString(host, old);
        Path f = home.resolve("wpars/w1.cf");
        String w = Files.readString(f);
        Files.writeString(f, w.substring(w.indexOf('\n') + 1, w.indexOf("* end of file")));
        assertThat(sim.run("lswpar -L w1").exit()).isZero();
        Sim.Result r = sim.run("startwpar w1");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(host)).contains("version = \"2\"").contains("\nwparmounts:\n");
        assertThat(Files.readString(f)).startsWith(smittywpar.store.StanzaFile.SEALED).endsWith("* end of file\n");
        fixture.usable();
    }
}
