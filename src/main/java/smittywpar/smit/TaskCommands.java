package smittywpar.smit;

import java.util.ArrayList;
import java.util.List;

import smittywpar.cmd.Commands;
import smittywpar.msg.AixException;
import smittywpar.msg.Messages;
import smittywpar.smit.ScreenState.StatusState;

/**
 * The task commands of a session: the command lines one Enter on a dialog composed, checked,
 * recorded in smit.script and smit.log, and run in order through the command registry, their
 * output and status left in the COMMAND STATUS screen.
 */
final class TaskCommands {
    private final CommandRunner runner;
    private final SmitLog log;
    private final String noRunFlag;

    /** @param noRunFlag the session's -x / -X flag (record, do not run), or null */
    TaskCommands(CommandRunner runner, SmitLog log, String noRunFlag) {
        this.runner = runner;
        this.log = log;
        this.noRunFlag = noRunFlag;
    }

    /**
     * Runs the lines of {@code o} in order, each recorded in smit.script and smit.log; after one
     * fails the rest do not run. When a line fails its own command's usage check none runs and
     * none is recorded in smit.script (smit.log shows the refusal). When one Enter runs several
     * lines, COMMAND STATUS shows each line before its output.
     */
    void run(StatusState o) {
        List<Composer.Line> lines = o.run.lines();
        boolean several = lines.size() > 1;
        List<View.OutputLine> out = new ArrayList<>();
        for (Composer.Line l : lines) {
            try {
                Commands.check(l.argv());
            } catch (AixException e) {
                List<View.OutputLine> refusal = new ArrayList<>();
                for (String t : e.getMessage().split("\\n", -1)) {
                    refusal.add(new View.OutputLine(t, true));
                }
                log.command(l.text(), new CommandRunner.Result(List.copyOf(refusal), e.exitCode()));
                if (several) {
                    out.add(note("smit.status.command", l.text()));
                }
                out.addAll(refusal);
                finished(o, out, false);
                return;
            }
        }
        boolean ok = true;
        for (Composer.Line l : lines) {
            if (several) {
                out.add(note("smit.status.command", l.text()));
            }
            if (!ok) {
                out.add(note("smit.status.skipped"));
                continue;
            }
            log.script(l.text());
            if (noRunFlag != null) {
                log.command(l.text(), null);
                continue;
            }
            CommandRunner.Result r = runner.run(l.argv());
            log.command(l.text(), r);
            out.addAll(r.lines());
            ok = r.exitCode() == 0;
        }
        if (noRunFlag != null) {
            out.add(new View.OutputLine(Messages.get("smit.notrun", noRunFlag), false));
        }
        finished(o, out, ok);
    }

    private static View.OutputLine note(String key, Object... args) {
        return new View.OutputLine(Messages.get(key, args), false, true);
    }

    /** COMMAND STATUS after the run: its output and status; fields marked clear are cleared after success. */
    private static void finished(StatusState o, List<View.OutputLine> out, boolean ok) {
        o.lines = List.copyOf(out);
        o.status = ok ? View.Status.OK : View.Status.FAILED;
        if (ok && o.from != null) {
            for (FieldState s : o.from.fields) {
                if (s.field.clear()) {
                    s.initial = "";
                    s.reset();
                }
            }
        }
    }
}
