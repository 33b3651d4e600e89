package smittywpar.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.cmd.Commands;
import smittywpar.cmd.OptionTable;
import smittywpar.cmd.OptionTable.Syntax;
import smittywpar.msg.Messages;
import smittywpar.smit.SmitCli;
import smittywpar.testkit.Sim;

/**
 * The option tables the man pages and the completion are made from are the flags the commands
 * really take: every command is run with every letter as a flag, and refuses exactly the letters
 * its table does not have ({@code Not a recognized flag}).
 */
class OptionTableTest {
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@";

    @TempDir
    Path tmp;

    @Test
    void everyRegisteredCommandHasATable() {
        assertThat(OptionTable.all()).extracting(Syntax::command).containsExactlyElementsOf(Commands.NAMES);
        for (Syntax s : OptionTable.all()) {
            for (char f : s.args().keySet()) {
                assertThat(s.flags()).as(s.command() + " describes the argument of -" + f).contains(f);
                assertThat(s.argument(f)).as(s.command() + " -" + f + " takes a word").isNotEqualTo(' ');
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCommandRefusesExactlyTheLettersNotInItsTable() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Syntax s : OptionTable.all()) {
            if (s.command().equals("clogin")) {
                continue; // its one flag (-l) follows the WPAR name; a word after the name is the command line
            }
            tests.add(DynamicTest.dynamicTest(s.command(), () -> {
                Sim sim = new Sim(tmp.resolve(s.command()));
                TreeSet<Character> accepted = new TreeSet<>();
                for (char c : LETTERS.toCharArray()) {
                    Sim.Result r = sim.run(s.command(), List.of("-" + c), new byte[0], sim.env());
                    if (!r.err().contains(Messages.get("getopt.badflag", s.command(), c))) {
                        accepted.add(c);
                    }
                }
                assertThat(accepted).containsExactlyInAnyOrderElementsOf(s.flags());
            }));
        }
        return tests.stream();
    }

    @Test
    void smittyRefusesExactlyTheLettersNotInItsTable() {
        Map<String, String> env = Map.of("HOME", tmp.toString(), "XDG_CACHE_HOME", tmp.resolve("cache").toString(),
                "SMITTY_WPAR_HOME", tmp.resolve("state").toString());
        TreeSet<Character> accepted = new TreeSet<>();
        for (char c : LETTERS.toCharArray()) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            SmitCli.prepare(List.of("-" + c), env, tmp, new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            if (!err.toString(StandardCharsets.UTF_8).contains(Messages.get("getopt.badflag", "smitty", c))) {
                accepted.add(c);
            }
        }
        assertThat(accepted).containsExactlyInAnyOrderElementsOf(BashCompletion.smitty().flags());
    }
}
