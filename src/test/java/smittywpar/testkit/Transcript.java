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
 */
public final class Transcript {
    public record Step(String command, String expected) {
    }

    private Transcript() {
    }

    public static List<Step> parse(String text) {
        List<Step> steps = new ArrayList<>();
        String cmd = null;
        StringBuilder exp = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("$ ")) {
                if (cmd != null) {
                    steps.add(new Step(cmd, exp.toString()));
                }
                cmd = line.substring(2);
                exp.setLength(0);
            } else if (cmd != null) {
                exp.append(line).append('\n');
            }
        }
        if (cmd != null) {
            String e = exp.toString();
            while (e.endsWith("\n\n")) {
                e = e.substring(0, e.length() - 1);
            }
            steps.add(new Step(cmd, e));
        }
        return steps;
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
