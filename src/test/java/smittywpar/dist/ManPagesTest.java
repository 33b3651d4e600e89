package smittywpar.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import smittywpar.cmd.OptionTable.Syntax;

/**
 * Every command has a man page (share/man/man1/NAME.1) in AIX's layout whose FLAGS section has
 * an entry for every flag the command parses with (its option table) and for no other flag, and
 * that man renders without a warning.
 */
class ManPagesTest {
    static final Path MAN1 = Path.of(System.getProperty("smittywpar.project.dir", ".")).resolve("share/man/man1");
    static final List<String> SECTIONS = List.of("NAME", "PURPOSE", "SYNTAX", "DESCRIPTION", "FLAGS", "EXIT STATUS",
            "EXAMPLES", "FILES", "RELATED INFORMATION");

    /** The expected flags of a table: -x for each letter, then its long options. */
    static Set<String> flags(Syntax s) {
        Set<String> out = new TreeSet<>();
        for (char f : s.flags()) {
            out.add("-" + f);
        }
        out.addAll(s.longOptions());
        return out;
    }

    /** The sections of a page in order, each with its lines. */
    static List<List<String>> sections(List<String> lines, List<String> names) {
        List<List<String>> out = new ArrayList<>();
        List<String> cur = null;
        for (String l : lines) {
            if (l.startsWith(".SH ")) {
                names.add(l.substring(4).replace("\"", "").trim());
                cur = new ArrayList<>();
                out.add(cur);
            } else if (cur != null) {
                cur.add(l);
            }
        }
        return out;
    }

    /** The flags a FLAGS section has entries for: the first word of each tag (the line after .TP). */
    static Set<String> entries(List<String> flagsSection) {
        Set<String> out = new TreeSet<>();
        for (int i = 0; i + 1 < flagsSection.size(); i++) {
            if (flagsSection.get(i).equals(".TP")) {
                String tag = flagsSection.get(i + 1).replaceFirst("^\\.(B|BI|BR|I) ", "").replace("\\-", "-");
                out.add(tag.split("[ \"]")[0]);
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyCommandsPageHasExactlyItsFlags() {
        return BashCompletion.tables().stream().map(s -> DynamicTest.dynamicTest(s.command(), () -> {
            Path page = MAN1.resolve(s.command() + ".1");
            assertThat(page).as("the man page of " + s.command()).exists();
            List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
            List<String> names = new ArrayList<>();
            List<List<String>> secs = sections(lines, names);
            assertThat(names).as("the sections of " + page).containsExactlyElementsOf(SECTIONS);
            assertThat(lines).anyMatch(l -> l.startsWith(".TH " + s.command().toUpperCase() + " 1 "));
            assertThat(entries(secs.get(SECTIONS.indexOf("FLAGS")))).as("the FLAGS of " + page)
                    .containsExactlyInAnyOrderElementsOf(flags(s));
            String syntax = String.join("\n", secs.get(SECTIONS.indexOf("SYNTAX"))).replace("\\-", "-");
            for (String f : flags(s)) {
                assertThat(syntax).as("the SYNTAX of " + page + " shows " + f).contains(f);
            }
        }));
    }

    @Test
    void thereIsNoPageOfACommandThatIsNot() throws IOException {
        Set<String> commands = new LinkedHashSet<>();
        BashCompletion.commands().forEach(c -> commands.add(c + ".1"));
        assertThat(commands).contains("smitty.1", "mkwpar.1", "smitty-wpar.1");
        try (Stream<Path> s = Files.list(MAN1)) {
            assertThat(s.map(p -> p.getFileName().toString())).as("the pages of " + MAN1)
                    .containsExactlyInAnyOrderElementsOf(commands);
        }
    }

    /** The text man shows for a page (hyphens as man prints them; bold and underline removed), with no warning. */
    static String rendered(String command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("man", "--warnings", "-l", MAN1.resolve(command + ".1").toString());
        pb.environment().put("MANWIDTH", "80");
        pb.environment().put("MANPAGER", "cat");
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(err, StandardCharsets.UTF_8)).isEmpty();
        assertThat(p.exitValue()).isZero();
        return new String(out, StandardCharsets.UTF_8).replaceAll(".\b", "").replace('\u2010', '-');
    }

    @TestFactory
    Stream<DynamicTest> manRendersEveryPageWithoutAWarning() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/man")), "man is installed");
        return BashCompletion.tables().stream().map(s -> DynamicTest.dynamicTest(s.command(), () -> {
            String text = rendered(s.command());
            assertThat(text).startsWith(s.command().toUpperCase() + "(1)");
            for (String f : flags(s)) {
                assertThat(text).as("the rendered page names " + f).containsPattern("(?m)^ {7}" + java.util.regex.Pattern.quote(f) + "(?=\\s)");
            }
        }));
    }
}
