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
 * output and status left in the COMMAND STATUS screen. The output goes into the screen line by
 * line as the commands write it, so that a front end that runs them on a thread of their own
 * shows it as it comes (see {@link Session#start}).
 */
final class TaskCommands {
    private final CommandRunner runner;
    private final SmitLog log;
    private final String noRunFlag;
    /** The COMMAND STATUS whose commands run on their own thread ({@link #start}), and the thread. */
    private volatile StatusState active;
    private volatile Thread worker;

    /** @param noRunFlag the session's -x / -X flag (record, do not run), or null */
    TaskCommands(CommandRunner runner, SmitLog log, String noRunFlag) {
        this.runner = runner;
        this.log = log;
        this.noRunFlag = noRunFlag;
    }

    /**
     * Runs the lines of {@code o} in order, each recorded in smit.script and smit.log (with all
     * its output); after one fails the rest do not run. When a line fails its own command's
     * usage check none runs and none is recorded in smit.script (smit.log shows the refusal).
     * When one Enter runs several lines, COMMAND STATUS shows each line before its output.
     * After a Ctrl-C ({@code o.interrupt}) the command that runs ends at its next write, and
     * the lines after it do not run.
     */
    void run(StatusState o) {
        run(o, null);
    }

    /** {@link #run(StatusState)}, calling {@code changed} (when not null) after each line. */
    private void run(StatusState o, Runnable changed) {
        java.util.function.Consumer<View.OutputLine> sink = changed == null ? o::add : l -> {
            o.add(l);
            changed.run();
        };
        List<Composer.Line> lines = o.run.lines();
        boolean several = lines.size() > 1;
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
                    o.add(note("smit.status.command", l.text()));
                }
                o.addAll(refusal);
                finished(o, false);
                return;
            }
        }
        boolean ok = true;
        for (Composer.Line l : lines) {
            if (several) {
                o.add(note("smit.status.command", l.text()));
            }
            if (!ok || o.interrupt.requested()) {
                ok = false;
                o.add(note("smit.status.skipped"));
                continue;
            }
            log.script(l.text());
            if (noRunFlag != null) {
                log.command(l.text(), null);
                continue;
            }
            CommandRunner.Result r = runner.run(l.argv(), sink, o.interrupt);
            log.command(l.text(), r);
            ok = r.exitCode() == 0;
        }
        if (noRunFlag != null) {
            o.add(new View.OutputLine(Messages.get("smit.notrun", noRunFlag), false));
        }
        finished(o, ok);
    }

    /**
     * Runs the commands of {@code o} on a thread of their own and returns; {@code changed} is
     * called on it after each line and once they have ended.
     */
    void start(StatusState o, Runnable changed) {
        active = o;
        Thread t = new Thread(new Work(this, o, changed), "smitty-command");
        t.setDaemon(true);
        worker = t;
        t.start();
    }

    /** The commands of one COMMAND STATUS on their thread (a class, not a lambda, as elsewhere in smitty). */
    private record Work(TaskCommands tasks, StatusState o, Runnable changed) implements Runnable {
        @Override
        public void run() {
            try {
                tasks.run(o, changed);
            } finally {
                if (o.status() == View.Status.RUNNING) {
                    o.status(View.Status.FAILED); // smitty itself failed: never left running
                }
                changed.run();
            }
        }
    }

    /** Commands started by {@link #start} still run; any thread may ask. */
    boolean running() {
        StatusState o = active;
        return o != null && o.status() == View.Status.RUNNING;
    }

    /** Moves on with every line and status of the commands started last; any thread may ask. */
    long changes() {
        StatusState o = active;
        return o == null ? 0 : o.changes();
    }

    /** Ctrl-C: the command that runs ends at its next write; false when none runs. */
    boolean interrupt() {
        StatusState o = active;
        if (o == null || o.status() != View.Status.RUNNING) {
            return false;
        }
        o.interrupt.interrupt();
        return true;
    }

    /** At the end of the session: interrupts a command that still runs and waits for it to end. */
    void stop() {
        if (interrupt()) {
            join(STOP_WAIT_MS);
        }
    }

    /** How long the end of a session waits for an interrupted command (it ends at its next write). */
    private static final long STOP_WAIT_MS = 30_000;

    /** Waits at most {@code ms} for the commands of {@link #start} to end; true when none runs. */
    boolean join(long ms) {
        Thread t = worker;
        if (t == null) {
            return true;
        }
        try {
            t.join(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }

    private static View.OutputLine note(String key, Object... args) {
        return new View.OutputLine(Messages.get(key, args), false, true);
    }

    /** COMMAND STATUS after the run: its status; fields marked clear are cleared after success. */
    private static void finished(StatusState o, boolean ok) {
        if (ok && o.from != null) {
            for (FieldState s : o.from.fields) {
                if (s.field.clear()) {
                    s.initial = "";
                    s.reset();
                }
            }
        }
        // last: a front end that sees the status sees everything above
        o.status(ok ? View.Status.OK : View.Status.FAILED);
    }
}
