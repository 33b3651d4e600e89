package smittywpar.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A golden transcript: commands as typed at a shell prompt, each followed by what it prints and
 * its exit status. Format (one file per scenario):
 *
 * <pre>
 * Free text before the first command describes the scenario.
 * $ lswpar nosuch
 * !lswpar: 0960-419 Could not find a workload partition called nosuch.
 * [exit 1]
 * </pre>
 *
 * Lines starting with {@code !} were written on standard error; other lines on standard output.
 * A command may end with {@code | grep PATTERN} (regular expression, as grep). Every command
 * that exits non-zero must leave the state directory byte-identical (checked by the runner).
 *
 * <p>A command that reads lines (a {@code clogin} or {@code aixsh} session) has them right after
 * it, each after {@code < }; it runs on a test terminal ({@code SMITTY_WPAR_TTY=echo}: prompts,
 * and each line shown after its prompt) and its expected output is the screen, standard output
 * and error together, each line after {@code | } ({@code |} alone: an empty line):
 * <pre>
 * $ clogin syswpar1
 * < hostname
 * < exit
 * | # hostname
 * | syswpar1
 * | # exit
 * [exit 0]
 * </pre>
 */
public final class Transcript {
    /** One command: its line, the lines it reads (null: none), and what it is expected to show. */
    public record Step(String command, String input, String expected) {
        public Step(String command, String expected) {
            this(command, null, expected);
        }
    }

    private Transcript() {
    }

    public static List<Step> parse(String text) {
        List<Step> steps = new ArrayList<>();
        String cmd = null;
        StringBuilder in = null;
        StringBuilder exp = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("$ ")) {
                if (cmd != null) {
                    steps.add(new Step(cmd, in == null ? null : in.toString(), exp.toString()));
                }
                cmd = line.substring(2);
                in = null;
                exp.setLength(0);
            } else if (cmd != null && exp.length() == 0 && (line.startsWith("< ") || line.equals("<"))) {
                if (in == null) {
                    in = new StringBuilder();
                }
                in.append(line.length() > 2 ? line.substring(2) : "").append('\n');
            } else if (cmd != null) {
                exp.append(line).append('\n');
            }
        }
        if (cmd != null) {
            String e = exp.toString();
            while (e.endsWith("\n\n")) {
                e = e.substring(0, e.length() - 1);
            }
            steps.add(new Step(cmd, in == null ? null : in.toString(), e));
        }
        return steps;
    }

    /** The input lines of a step, as the transcript writes them. */
    public static String inputLines(String input) {
        StringBuilder sb = new StringBuilder();
        String body = input.endsWith("\n") ? input.substring(0, input.length() - 1) : input;
        for (String l : body.split("\n", -1)) {
            sb.append(l.isEmpty() ? "<" : "< " + l).append('\n');
        }
        return sb.toString();
    }

    /** Runs a step that reads lines, on the test terminal, and renders the screen it leaves. */
    public static String render(Sim sim, String command, String input) {
        if (input == null) {
            return render(sim, command);
        }
        Sim.Result r = sim.runOnTerminal(command, input);
        StringBuilder sb = new StringBuilder();
        for (Sim.Line l : r.lines()) {
            sb.append(l.text().isEmpty() ? "|" : "| " + l.text()).append('\n');
        }
        sb.append("[exit ").append(r.exit()).append("]\n");
        return sb.toString();
    }

    /** Runs one step and renders what happened in transcript form. */
    public static String render(Sim sim, String command) {
        String grep = null;
        String cmd = command;
        int bar = command.lastIndexOf(" | grep ");
        if (bar >= 0) {
            grep = command.substring(bar + 8).strip();
            if (grep.length() > 1 && (grep.startsWith("'") && grep.endsWith("'")
                    || grep.startsWith("\"") && grep.endsWith("\""))) {
                grep = grep.substring(1, grep.length() - 1);
            }
            cmd = command.substring(0, bar);
        }
        Sim.Result r = sim.run(cmd);
        Pattern p = grep == null ? null : Pattern.compile(grep);
        StringBuilder sb = new StringBuilder();
        for (Sim.Line l : r.lines()) {
            if (l.err()) {
                sb.append('!').append(l.text()).append('\n');
            } else if (p == null || p.matcher(l.text()).find()) {
                if (l.text().startsWith("!") || l.text().startsWith("$ ") || l.text().startsWith("[exit ")) {
                    throw new IllegalStateException("ambiguous output line for a transcript: " + l.text());
                }
                sb.append(l.text()).append('\n');
            }
        }
        sb.append("[exit ").append(r.exit()).append("]\n");
        return sb.toString();
    }
}
