package smittywpar.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import smittywpar.testkit.Consistency;
import smittywpar.testkit.Sim;

/**
 * The fixture of the store tests (StrictStateTest, NeverBrickTest, CorruptStateTest): a simulated
 * host in {@code state/} of a test's directory, made by a few commands, whose files a test then
 * damages by hand; what a refusal must look like (the exact message, nothing on standard output,
 * exit 1, the state byte for byte as before), the text of the damaged-file message, edits of a
 * file with the line they land on, and the check that the host is still usable afterwards.
 */
final class DamagedHost {
    final Sim sim;
    final Path home;

    /** A host made by {@code commands}, each of which must succeed. */
    DamagedHost(Path tmp, String... commands) {
        home = tmp.resolve("state");
        sim = new Sim(home);
        for (String c : commands) {
            Sim.Result r = sim.run(c);
            assertThat(r.exit()).as(c + ": " + r.err()).isZero();
        }
    }

    /** The command fails with exactly this message, prints nothing else, and the state is byte for byte as before. */
    void refused(String command, String expectedErr) {
        assertThat(failsUnchanged(command, expectedErr).out()).as(command).isEmpty();
    }

    /**
     * The command fails with exactly this message on standard error and the state is byte for byte
     * as before, whatever it printed on the way (a failure at the commit comes after the progress lines).
     */
    Sim.Result failsUnchanged(String command, String expectedErr) {
        Map<String, String> before = sim.snapshot();
        Sim.Result r = sim.run(command);
        assertThat(r.err()).as(command).isEqualTo(expectedErr);
        assertThat(r.exit()).as(command).isEqualTo(1);
        assertThat(sim.snapshot()).as(command).isEqualTo(before);
        return r;
    }

    /** The host is usable: a host command answers, a WPAR can be made and removed, and the state is consistent. */
    void usable() {
        Sim.Result host = sim.run("hostname");
        assertThat(host.err()).isEmpty();
        assertThat(host.out()).isEqualTo("indaixwpr01\n");
        Sim.Result mk = sim.run("mkwpar -n usable");
        assertThat(mk.exit()).as(mk.err()).isZero();
        assertThat(sim.run("rmwpar usable").exit()).isZero();
        Consistency.check(sim.env());
    }

    /** The message of {@code cmd} for a damaged state file (line 0: no line named). */
    static String damaged(String cmd, Path file, int line, String why) {
        return cmd + ": 0960-601 The state file " + file + (line > 0 ? ", line " + line : "") + " is damaged: " + why
                + ". Nothing was changed; repair or restore the file.\n";
    }

    /** Replaces the first match of {@code regex} in {@code file}; returns the line of the replacement. */
    static int edit(Path file, String regex, String replacement) throws IOException {
        String text = Files.readString(file);
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        assertThat(m.find()).as("%s in %s", regex, file).isTrue();
        String edited = text.substring(0, m.start()) + replacement + text.substring(m.end());
        Files.writeString(file, edited);
        return lineOf(edited, m.start() + (replacement.startsWith("\n") ? 1 : 0));
    }

    /** The line (from 1) of the character at {@code offset}. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The line of the first occurrence of {@code needle} (of its second character when it starts a line with \n). */
    static int lineOf(String text, String needle) {
        int idx = text.indexOf(needle);
        assertThat(idx).as("needle %s", needle).isNotNegative();
        return lineOf(text, idx) + (needle.startsWith("\n") ? 1 : 0);
    }
}
