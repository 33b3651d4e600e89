package smittywpar.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.testkit.Sim;

/** The lab command's shape: help, version, exit statuses 0/1/2, one-line errors, completion. */
class LabCommandTest {
    @TempDir
    Path tmp;

    private Sim sim() {
        return new Sim(tmp.resolve("state"));
    }

    @Test
    void helpListsTheSubcommandsAndExitsZero() {
        Sim.Result r = sim().run("smitty-wpar --help");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("Usage: smitty-wpar [-hV] [COMMAND]\n")
                .contains("The lab around the simulated AIX host")
                .contains("  host        Make the simulated host")
                .contains("  scenario    ")
                .contains("  fault       ")
                .contains("  completion  Print a bash completion script");
        Sim.Result sub = sim().run("smitty-wpar host init --help");
        assertThat(sub.exit()).isZero();
        assertThat(sub.out()).startsWith("Usage: smitty-wpar host init [-hV] [--force] [--path=DIR] [--scenario=NAME]")
                .contains("--force").contains("Replace a host that exists.");
    }

    @Test
    void versionIsOneLine() {
        Sim.Result r = sim().run("smitty-wpar --version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("smitty-wpar ").hasLineCount(1);
        // every subcommand takes -V (--version): the same line
        for (String sub : new String[] {"host", "host init", "exercise check", "completion"}) {
            Sim.Result v = sim().run("smitty-wpar " + sub + " -V");
            assertThat(v.exit()).as(sub).isZero();
            assertThat(v.out()).as(sub).isEqualTo(r.out());
        }
    }

    @Test
    void aCommandLineItDoesNotTakeIsOneLineAndStatusTwo() {
        for (String line : new String[] {"smitty-wpar", "smitty-wpar --nosuch", "smitty-wpar host",
            "smitty-wpar host snapshot", "smitty-wpar host frobnicate", "smitty-wpar host snapshot a b"}) {
            Sim.Result r = sim().run(line);
            assertThat(r.exit()).as(line).isEqualTo(2);
            assertThat(r.out()).as(line).isEmpty();
            assertThat(r.err()).as(line).hasLineCount(1).startsWith("smitty-wpar").contains("(see smitty-wpar")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertThat(sim().run("smitty-wpar host").err())
                .isEqualTo("smitty-wpar host: a subcommand is required (see smitty-wpar host --help)\n");
    }

    @Test
    void aFailureIsOneLineAndStatusOneAndChangesNothing() {
        Sim sim = sim();
        sim.run("lswpar");
        Map<String, String> before = sim.snapshot();
        Sim.Result r = sim.run("smitty-wpar host restore nosuch");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("smitty-wpar: there is no snapshot called nosuch (host snapshots lists them)\n");
        assertThat(sim.run("smitty-wpar host snapshot ../x").err()).startsWith("smitty-wpar: '../x' is not a snapshot name");
        assertThat(sim.snapshot()).isEqualTo(before);
    }

    @Test
    void completionIsABashScriptForTheWholeTree() {
        Sim.Result r = sim().run("smitty-wpar completion");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("complete -F _complete_smitty-wpar").contains("host").contains("snapshot")
                .contains("restore").contains("inject").contains("(\"broken\" \"stalelock\" \"vgfull\" \"ifdown\" \"nodevice\" \"downlevel\")");
    }

    @Test
    void everyCommandHasHelp() {
        Map<String, Integer> rc = new TreeMap<>();
        for (String c : new String[] {"host", "host init", "host reset", "host snapshot", "host restore",
            "host snapshots", "host diff", "scenario", "scenario list", "scenario show", "scenario check", "fault",
            "fault inject", "fault clear", "fault list", "exercise", "exercise list", "exercise start",
            "exercise check", "exercise hint", "replay", "completion"}) {
            Sim.Result r = sim().run("smitty-wpar " + c + " --help");
            rc.put(c, r.exit());
            assertThat(r.out()).as(c).startsWith("Usage: smitty-wpar " + c);
            // every command has its description from the catalogue (picocli wraps it at 80 columns)
            String description = smittywpar.msg.Messages.get("smitty-wpar." + c.replace(' ', '.') + ".usage.description");
            assertThat(r.out().replaceAll("\\s+", " ")).as(c).contains(description.substring(0, Math.min(30, description.length())));
        }
        assertThat(rc.values()).containsOnly(0);
    }
}
