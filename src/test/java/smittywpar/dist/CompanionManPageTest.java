package smittywpar.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import smittywpar.lab.Lab;

/**
 * The man page of the companion command, smitty-wpar.1, checked against picocli's own model of
 * the command: its FLAGS are the options of smitty-wpar itself (which every subcommand also
 * takes), its SUBCOMMANDS section has an entry for every subcommand with the synopsis the model
 * gives (its options and operands) and, under it, one for every option of the subcommand, and
 * nothing else; SYNTAX shows every subcommand that runs something; man renders it.
 */
class CompanionManPageTest {
    static final Path PAGE = ManPagesTest.MAN1.resolve(Lab.NAME + ".1");
    static final List<String> SECTIONS = List.of("NAME", "PURPOSE", "SYNTAX", "DESCRIPTION", "FLAGS", "SUBCOMMANDS",
            "EXIT STATUS", "EXAMPLES", "FILES", "RELATED INFORMATION");
    /** The options of picocli's mixinStandardHelpOptions: documented once, under FLAGS. */
    static final Set<String> STANDARD = Set.of("-h", "--help", "-V", "--version");

    /** Every subcommand below {@code c}, depth first. */
    static List<CommandSpec> below(CommandSpec c) {
        List<CommandSpec> out = new ArrayList<>();
        for (var sub : c.subcommands().values()) {
            out.add(sub.getCommandSpec());
            out.addAll(below(sub.getCommandSpec()));
        }
        return out;
    }

    /** The subcommand's words after the command's name ("host init"). */
    static String path(CommandSpec c) {
        return c.qualifiedName(" ").substring(Lab.NAME.length() + 1);
    }

    /** The option names of a subcommand other than the standard help options. */
    static Set<String> options(CommandSpec c) {
        Set<String> out = new TreeSet<>();
        for (OptionSpec o : c.options()) {
            for (String n : o.names()) {
                if (!STANDARD.contains(n)) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    /** The synopsis the model gives: the path, [option LABEL] for each option (by name), then the operands. */
    static String synopsis(CommandSpec c) {
        StringBuilder b = new StringBuilder(path(c));
        List<OptionSpec> opts = new ArrayList<>(c.options().stream().filter(o -> !STANDARD.contains(o.longestName())).toList());
        opts.sort((x, y) -> x.longestName().compareTo(y.longestName()));
        for (OptionSpec o : opts) {
            b.append(" [").append(o.longestName());
            if (o.arity().max() > 0) {
                b.append(' ').append(o.paramLabel());
            }
            b.append(']');
        }
        for (PositionalParamSpec p : c.positionalParameters()) {
            b.append(' ').append(p.arity().min() == 0 ? "[" + p.paramLabel() + "]" : p.paramLabel());
        }
        return b.toString();
    }

    /** The words of a troff macro line (.B .BR .BI ...), joined as the macro prints them; \- is -. */
    static String tag(String line) {
        // .B and .I print their words with spaces between, .BR .BI ... alternate fonts without
        boolean spaced = line.startsWith(".B ") || line.startsWith(".I ");
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line.replaceFirst("^\\.[A-Z]+ ", ""));
        List<String> words = new ArrayList<>();
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return String.join(spaced ? " " : "", words).replace("\\-", "-");
    }

    /** The lines of each section of the page, by name. */
    static Map<String, List<String>> sections() throws Exception {
        List<String> names = new ArrayList<>();
        List<List<String>> secs = ManPagesTest.sections(Files.readAllLines(PAGE, StandardCharsets.UTF_8), names);
        assertThat(names).as("the sections of " + PAGE).containsExactlyElementsOf(SECTIONS);
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), secs.get(i));
        }
        return out;
    }

    @Test
    void theFlagsAreThoseOfTheCommandWhichEverySubcommandTakesToo() throws Exception {
        CommandSpec root = Lab.model();
        assertThat(Files.readAllLines(PAGE)).anyMatch(l -> l.startsWith(".TH SMITTY-WPAR 1 "));
        Set<String> documented = new TreeSet<>();
        List<String> flags = sections().get("FLAGS");
        for (int i = 0; i + 1 < flags.size(); i++) {
            if (flags.get(i).equals(".TP")) {
                documented.addAll(List.of(tag(flags.get(i + 1)).split(", ")));
            }
        }
        Set<String> model = new TreeSet<>();
        root.options().forEach(o -> model.addAll(List.of(o.names())));
        assertThat(documented).isEqualTo(model).isEqualTo(new TreeSet<>(STANDARD));
        for (CommandSpec c : below(root)) {
            Set<String> names = new TreeSet<>();
            c.options().forEach(o -> names.addAll(List.of(o.names())));
            assertThat(names).as(path(c) + " takes the standard options").containsAll(STANDARD);
        }
    }

    @Test
    void everySubcommandAndEachOfItsOptionsHasAnEntryAndNothingElse() throws Exception {
        List<String> lines = sections().get("SUBCOMMANDS");
        Map<String, String> synopses = new LinkedHashMap<>();
        Map<String, Set<String>> optionsOf = new LinkedHashMap<>();
        String current = null;
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (!lines.get(i).equals(".TP")) {
                continue;
            }
            String t = tag(lines.get(i + 1));
            if (t.startsWith("-")) {
                assertThat(current).as("an option before any subcommand: " + t).isNotNull();
                optionsOf.get(current).add(t.split(" ")[0]);
            } else {
                current = t.split(" \\[| [A-Z]")[0];
                assertThat(synopses).as("one entry for " + current).doesNotContainKey(current);
                synopses.put(current, t);
                optionsOf.put(current, new TreeSet<>());
            }
        }
        List<CommandSpec> model = below(Lab.model());
        assertThat(synopses.keySet()).as("the subcommands on the page")
                .containsExactlyInAnyOrderElementsOf(model.stream().map(CompanionManPageTest::path).toList())
                .contains("host init", "exercise check", "replay", "completion");
        for (CommandSpec c : model) {
            assertThat(synopses.get(path(c))).as("the synopsis of " + path(c)).isEqualTo(synopsis(c));
            assertThat(optionsOf.get(path(c))).as("the options of " + path(c)).isEqualTo(options(c));
        }
    }

    @Test
    void syntaxShowsEverySubcommandThatRunsSomething() throws Exception {
        List<String> lines = sections().get("SYNTAX");
        List<String> shown = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).equals(".B smitty\\-wpar")) {
                shown.add(lines.get(i + 1).replace("\\-", "-"));
            }
        }
        List<String> expected = new ArrayList<>(List.of("[-h | --help] [-V | --version]"));
        below(Lab.model()).stream().filter(c -> c.subcommands().isEmpty()).forEach(c -> expected.add(synopsis(c)));
        assertThat(shown).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void manRendersItWithoutAWarning() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/man")), "man is installed");
        String text = ManPagesTest.rendered(Lab.NAME);
        assertThat(text).startsWith("SMITTY-WPAR(1)");
        for (CommandSpec c : below(Lab.model())) {
            assertThat(text).as("the rendered page shows " + path(c))
                    .containsPattern("(?m)^ {7}" + Pattern.quote(synopsis(c)) + "(\\s|$)");
            for (String o : options(c)) {
                assertThat(text).as("the rendered page shows " + o + " of " + path(c)).containsPattern("(?m)^ {14}"
                        + Pattern.quote(o) + "(\\s|$)");
            }
        }
    }
}
