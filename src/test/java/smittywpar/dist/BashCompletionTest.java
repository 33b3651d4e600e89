package smittywpar.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine.Model.CommandSpec;

import smittywpar.cmd.OptionTable.Syntax;
import smittywpar.lab.Lab;
import smittywpar.smit.SmitCli;
import smittywpar.wpar.Attribute;

/**
 * The generated bash completion, driven by bash itself: the script is loaded, {@code complete -p}
 * names its function for each command, and the function is called as bash calls it on Tab
 * (COMP_LINE, COMP_POINT), its COMPREPLY printed. The commands are a stand-in bin/ (a smitty
 * script and a link to it for every name, as the real one) whose lswpar prints two WPAR names.
 */
class BashCompletionTest {
    @TempDir
    static Path tmp;
    static Path script;

    @BeforeAll
    static void generate() throws IOException {
        Path dir = tmp.resolve("completions");
        BashCompletion.write(dir);
        script = dir.resolve(BashCompletion.SCRIPT);
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path smitty = bin.resolve("smitty");
        Files.writeString(smitty, "#!/bin/sh\ncase ${0##*/}:$* in lswpar:-qca\\ name) printf 'alpha\\nbeta\\n' ;; esac\n");
        Files.setPosixFilePermissions(smitty, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (Syntax s : BashCompletion.tables()) {
            if (s.linked() && !s.command().equals("smitty")) {
                Files.createSymbolicLink(bin.resolve(s.command()), Path.of("smitty"));
            }
        }
        Files.createDirectories(tmp.resolve("files"));
        Files.writeString(tmp.resolve("files/spec1.txt"), "");
        Files.writeString(tmp.resolve("files/spec2.txt"), "");
        Files.writeString(tmp.resolve("files/other"), "");
    }

    /** What Tab offers after each line (the cursor at its end), one entry a line. */
    static Map<String, List<String>> completeWithPath(String path, String... lines)
            throws IOException, InterruptedException {
        StringBuilder sh = new StringBuilder(". '" + script + "' || exit 9\n");
        // as bash calls a completion function: the line, the cursor, its words and the index of the current one
        sh.append("tab() { COMP_LINE=$1; COMP_POINT=${#1}; COMPREPLY=(); read -ra COMP_WORDS <<< \"$1\";"
                + " [[ -z $1 || $1 == *[[:space:]] ]] && COMP_WORDS+=(''); COMP_CWORD=$((${#COMP_WORDS[@]} - 1));"
                + " local f c; c=${1%% *}; f=$(complete -p \"${c##*/}\" 2>/dev/null);"
                + " f=${f#*-F }; f=${f%% *}; [ -n \"$f\" ] && $f 2>tab.err;"
                // compopt (picocli's script calls it without 2>/dev/null) works only under a real Tab
                + " grep -v 'compopt: not currently executing completion function' tab.err >&2;"
                + " printf '%s\\n' \"${COMPREPLY[@]}\"; echo '<end>'; }\n");
        for (String l : lines) {
            sh.append("tab '").append(l.replace("'", "'\\''")).append("'\n");
        }
        ProcessBuilder pb = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", sh.toString());
        pb.environment().put("PATH", path);
        pb.directory(tmp.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(err).isEmpty();
        assertThat(p.exitValue()).isZero();
        Map<String, List<String>> result = new LinkedHashMap<>();
        List<String> chunks = Arrays.asList(out.split("<end>\n", -1));
        for (int i = 0; i < lines.length; i++) {
            List<String> words = new ArrayList<>(chunks.get(i).lines().filter(w -> !w.isEmpty()).toList());
            result.put(lines[i], words);
        }
        return result;
    }

    static Map<String, List<String>> complete(String... lines) throws IOException, InterruptedException {
        return completeWithPath(tmp.resolve("bin") + ":/usr/bin:/bin", lines);
    }

    @Test
    void everyCommandOfBinIsRegisteredWithTheScriptsFunction() throws Exception {
        StringBuilder names = new StringBuilder();
        for (Syntax s : BashCompletion.tables()) {
            if (s.linked()) {
                names.append(' ').append(s.command());
            }
        }
        ProcessBuilder pb = new ProcessBuilder("bash", "--norc", "--noprofile", "-c",
                ". '" + script + "'; complete -p" + names + "; complete -p ps");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        assertThat(out.lines()).contains("complete -F _smitty_wpar lswpar", "complete -F _smitty_wpar mkwpar",
                "complete -F _smitty_wpar smitty");
        assertThat(out.lines().count()).isEqualTo(names.toString().trim().split(" ").length);
    }

    @Test
    void aDashOffersExactlyTheFlagsOfTheCommandsOptionTable() throws Exception {
        List<Syntax> linked = BashCompletion.tables().stream().filter(Syntax::linked).toList();
        String[] lines = linked.stream().map(s -> s.command().equals("clogin") ? "clogin w1 -" : s.command() + " -")
                .toArray(String[]::new);
        Map<String, List<String>> got = complete(lines);
        for (int i = 0; i < lines.length; i++) {
            assertThat(new TreeSet<>(got.get(lines[i]))).as(lines[i])
                    .containsExactlyInAnyOrderElementsOf(ManPagesTest.flags(linked.get(i)));
        }
    }

    @Test
    void wparNamesWhereACommandTakesOne() throws Exception {
        Map<String, List<String>> got = complete("lswpar ", "lswpar -L ", "lswpar b", "startwpar ", "stopwpar -t 5 ",
                "rmwpar -s ", "chwpar -h web ", "clogin ", "clogin alpha ", "mkwpar -e ", "mkwpar -n ",
                "lswpar -s ", "bin/lswpar ");
        assertThat(got.get("lswpar ")).containsExactly("alpha", "beta");
        assertThat(got.get("lswpar -L ")).containsExactly("alpha", "beta");
        assertThat(got.get("lswpar b")).containsExactly("beta");
        assertThat(got.get("startwpar ")).containsExactly("alpha", "beta");
        assertThat(got.get("stopwpar -t 5 ")).containsExactly("alpha", "beta");
        assertThat(got.get("rmwpar -s ")).containsExactly("alpha", "beta");
        assertThat(got.get("chwpar -h web ")).containsExactly("alpha", "beta");
        assertThat(got.get("clogin ")).containsExactly("alpha", "beta");
        assertThat(got.get("clogin alpha ")).isEmpty(); // the command line run inside the WPAR
        assertThat(got.get("mkwpar -e ")).containsExactly("alpha", "beta");
        assertThat(got.get("mkwpar -n ")).isEmpty(); // a new name
        assertThat(got.get("lswpar -s ")).containsExactly("D", "L", "A", "F", "P", "M", "B", "T", "E");
        assertThat(got.get("bin/lswpar ")).containsExactly("alpha", "beta");
    }

    @Test
    void attributeNamesAfterTheAttributeFlags() throws Exception {
        Map<String, List<String>> got = complete("mkwpar -N ", "mkwpar -n w1 -N address=10.0.0.1 net", "mkwpar -R CP",
                "mkwpar -N address=10.0.0.1 -", "chwpar -K -N address=10.0.0.1 ", "mkwpar -N addr", "mkwpar -H pwr1");
        List<String> network = Attribute.words(Attribute.Section.NETWORK, 'm').stream().map(w -> w + "=").toList();
        assertThat(got.get("mkwpar -N ")).containsExactlyInAnyOrderElementsOf(network).contains("address=", "netmask=");
        assertThat(got.get("mkwpar -n w1 -N address=10.0.0.1 net")).containsExactly("netmask=");
        assertThat(got.get("mkwpar -R CP")).containsExactly("CPU=");
        assertThat(got.get("mkwpar -N address=10.0.0.1 -")).contains("-a", "-N", "-n").doesNotContain("address=");
        assertThat(got.get("chwpar -K -N address=10.0.0.1 ")).contains("alpha", "beta", "address=");
        assertThat(got.get("mkwpar -N addr")).containsExactly("address=", "address6=");
        assertThat(got.get("mkwpar -H pwr1")).containsExactly("pwr10");
        for (char f : "DIMNRSX".toCharArray()) {
            assertThat(complete("mkwpar -" + f + " ").get("mkwpar -" + f + " ")).as("mkwpar -" + f).isNotEmpty()
                    .allMatch(w -> w.endsWith("="));
        }
    }

    @Test
    void fastPathsAfterSmittyAndFilesWhereAFlagTakesAFile() throws Exception {
        Map<String, List<String>> got = complete("smitty mk", "smitty -d mk", "smitty ", "mkwpar -f files/sp",
                "mkwpar -o files/", "smitty -l files/o", "lsdev -c di", "lsdev -t DVD");
        List<String> mk = SmitCli.packagedFastPaths().stream().filter(f -> f.startsWith("mk")).toList();
        assertThat(mk).contains("mkwpar");
        assertThat(got.get("smitty mk")).containsExactlyElementsOf(mk);
        assertThat(got.get("smitty -d mk")).containsExactlyElementsOf(mk);
        assertThat(got.get("smitty ")).containsExactlyElementsOf(SmitCli.packagedFastPaths()).contains("wpar");
        assertThat(got.get("mkwpar -f files/sp")).containsExactlyInAnyOrder("files/spec1.txt", "files/spec2.txt");
        assertThat(got.get("mkwpar -o files/")).containsExactlyInAnyOrder("files/spec1.txt", "files/spec2.txt", "files/other");
        assertThat(got.get("smitty -l files/o")).containsExactly("files/other");
        assertThat(got.get("lsdev -c di")).containsExactly("disk");
        assertThat(got.get("lsdev -t DVD")).as("the optical drive types").containsExactly("DVDRAM2", "DVDROM");
    }

    @Test
    void theMachinesOwnCommandOfTheSameNameKeepsBashsDefault() throws Exception {
        // df on PATH is the machine's: nothing is offered (bash falls back to file names)
        Map<String, List<String>> got = completeWithPath("/usr/bin:/bin", "df -", "hostname -");
        assertThat(got.get("df -")).isEmpty();
        assertThat(got.get("hostname -")).isEmpty();
        assertThat(complete("df -").get("df -")).containsExactlyInAnyOrder("-g", "-k", "-m");
    }

    /** What {@code smitty-wpar completion} prints, run as bin/smitty-wpar runs it. */
    static String printedByTheCompletionSubcommand() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int rc = Lab.run(List.of("completion"), java.io.InputStream.nullInputStream(),
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8), new java.io.PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("SMITTY_WPAR_HOME", tmp.resolve("state").toString()), tmp);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(rc).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theScriptCompletesTheCompanionCommandAsItsCompletionSubcommandDoes() throws Exception {
        String printed = printedByTheCompletionSubcommand();
        assertThat(printed).contains("complete -F _complete_smitty-wpar");
        assertThat(Files.readString(script)).as("the installed script ends with what smitty-wpar completion prints")
                .endsWith("\n" + printed);
        ProcessBuilder pb = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", ". '" + script + "'; complete -p smitty-wpar");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        assertThat(out).isEqualTo("complete -o default -F _complete_smitty-wpar smitty-wpar\n");
    }

    @Test
    void theCompanionCommandsSubcommandsAndOptionsOnTab() throws Exception {
        CommandSpec root = Lab.model();
        Map<String, List<String>> got = complete("smitty-wpar ", "smitty-wpar ex", "smitty-wpar host ", "smitty-wpar host sn",
                "smitty-wpar exercise ", "smitty-wpar host init --", "smitty-wpar replay --", "smitty-wpar -");
        assertThat(got.get("smitty-wpar ")).containsExactlyInAnyOrderElementsOf(root.subcommands().keySet())
                .containsExactlyInAnyOrder("host", "scenario", "fault", "exercise", "replay", "completion");
        assertThat(got.get("smitty-wpar ex")).containsExactly("exercise");
        assertThat(got.get("smitty-wpar host ")).containsExactlyInAnyOrderElementsOf(root.subcommands().get("host").getSubcommands().keySet())
                .containsExactlyInAnyOrder("diff", "init", "reset", "restore", "snapshot", "snapshots");
        assertThat(got.get("smitty-wpar host sn")).containsExactlyInAnyOrder("snapshot", "snapshots");
        assertThat(got.get("smitty-wpar exercise ")).containsExactlyInAnyOrder("check", "hint", "list", "start");
        assertThat(got.get("smitty-wpar host init --")).containsExactlyInAnyOrder("--force", "--path", "--scenario", "--help",
                "--version");
        assertThat(got.get("smitty-wpar replay --")).containsExactlyInAnyOrder("--dry-run", "--stop-on-error", "--help",
                "--version");
        assertThat(got.get("smitty-wpar -")).containsExactlyInAnyOrder("-h", "--help", "-V", "--version");
    }
}
