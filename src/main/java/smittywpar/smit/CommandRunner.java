package smittywpar.smit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import smittywpar.cmd.Commands;
import smittywpar.cmd.Invocation;
import smittywpar.msg.Messages;

/**
 * Runs command lines through the command registry (the same objects bin/mkwpar and friends
 * run) with captured output: lines in the order they were written, each marked with its stream.
 * A run can hand each line on as soon as it is complete (COMMAND STATUS shows output as it comes)
 * and can be interrupted (Ctrl-C while a command runs): see {@link Interrupt}.
 */
public final class CommandRunner {
    /**
     * Test hook (README): while the file this names exists, each line that a command whose
     * output is handed on as it comes (COMMAND STATUS) writes waits, once handed on, before the
     * command goes on; so that a test in a real terminal sees {@code Command: running} for as
     * long as it needs, however fast the command is. Discover and list commands never wait.
     */
    public static final String ENV_HOLD = "SMITTY_WPAR_HOLD_OUTPUT";

    private final Map<String, String> env;
    private final Path cwd;
    private final Launcher launcher;
    private final Path hold;

    /** Runs one command line: {@link Commands#run} (tests put a slow terminal between, see the constructor). */
    @FunctionalInterface
    public interface Launcher {
        int run(Invocation inv);
    }

    /** The output of one run and its exit status. */
    public record Result(List<View.OutputLine> lines, int exitCode) {
        public boolean wroteStdout() {
            return lines.stream().anyMatch(l -> !l.stderr());
        }

        public boolean wroteStderr() {
            return lines.stream().anyMatch(View.OutputLine::stderr);
        }

        /** The standard output lines only. */
        public List<String> stdout() {
            return lines.stream().filter(l -> !l.stderr()).map(View.OutputLine::text).toList();
        }
    }

    public CommandRunner(Map<String, String> env, Path cwd) {
        this(env, cwd, null);
    }

    /** @param launcher what runs each command line; null for the command registry ({@link Commands#run}) */
    public CommandRunner(Map<String, String> env, Path cwd, Launcher launcher) {
        this.env = Map.copyOf(env);
        this.cwd = cwd;
        this.launcher = launcher;
        String h = env.get(ENV_HOLD);
        this.hold = h == null || h.isEmpty() ? null : cwd == null ? Path.of(h) : cwd.resolve(h);
    }

    /** The exit status of a command ended by an interrupt, as a shell reports one ended by SIGINT. */
    public static final int INTERRUPTED = 130;

    /**
     * Ctrl-C for a command that runs on another thread: once {@link #interrupt()} is called, the
     * command's next write to its standard output or error ends it, as SIGINT ends a process at
     * whatever it is doing. A command ended so leaves the state as a process killed there would:
     * a transaction that had not committed writes nothing. (The command thread is not
     * interrupted: that would close the state files it has open.)
     */
    public static final class Interrupt {
        private volatile boolean requested;

        public void interrupt() {
            requested = true;
        }

        public boolean requested() {
            return requested;
        }
    }

    /** Thrown into a command by its output streams once it is interrupted; never leaves {@link #run}. */
    private static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted() {
            super(null, null, false, false);
        }
    }

    /** Runs {@code argv} ({@code argv.get(0)} names the command). Never throws for a failing command. */
    public Result run(List<String> argv) {
        return run(argv, null, null);
    }

    /**
     * Runs {@code argv}, handing each output line to {@code sink} (when not null) on the
     * command's thread as soon as it is complete; {@code interrupt} (when not null) can end it.
     * The result holds every line, as without a sink.
     */
    public Result run(List<String> argv, Consumer<View.OutputLine> sink, Interrupt interrupt) {
        Capture cap = new Capture(sink, interrupt, sink == null ? null : hold);
        PrintStream out = new PrintStream(cap.stream(false), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(cap.stream(true), true, StandardCharsets.UTF_8);
        int rc;
        try {
            // as SMIT runs a command whose application goes on running: it shows what the command
            // printed until the application started (wparexec), and the application runs on
            Invocation inv = new Invocation(argv.get(0), List.copyOf(argv.subList(1, argv.size())),
                    new ByteArrayInputStream(new byte[0]), out, err, env, cwd);
            rc = launcher == null ? Commands.runInBackground(inv) : launcher.run(inv);
            out.flush();
            err.flush();
        } catch (Interrupted e) {
            rc = INTERRUPTED;
        } catch (RuntimeException | Error e) {
            // a bug in a command must not take smitty down: report it like the launcher does
            try {
                out.flush();
                String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                err.println(Messages.get("main.internal", argv.get(0), what));
                err.flush();
            } catch (Interrupted again) {
                // interrupted as well: nothing more is written
            }
            rc = 1;
        }
        return new Result(cap.finish(), rc);
    }

    /** Collects the bytes of two streams into lines, in the order the lines were completed. */
    private static final class Capture {
        private final List<View.OutputLine> lines = new ArrayList<>();
        private final ByteArrayOutputStream[] partial = {new ByteArrayOutputStream(), new ByteArrayOutputStream()};
        private static final Charset CS = StandardCharsets.UTF_8;
        private final Consumer<View.OutputLine> sink;
        private final Interrupt interrupt;
        private final Path hold;
        private boolean stopped;

        Capture(Consumer<View.OutputLine> sink, Interrupt interrupt, Path hold) {
            this.sink = sink;
            this.interrupt = interrupt;
            this.hold = hold;
        }

        private void add(View.OutputLine l) {
            lines.add(l);
            if (sink != null) {
                sink.accept(l);
            }
        }

        /** The test hook {@link CommandRunner#ENV_HOLD}: waits while its file exists (Ctrl-C ends the wait). */
        private void held() {
            while (hold != null && Files.exists(hold)) {
                check();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
        }

        /** Ends the command at this write when it was interrupted (and nothing is captured after that). */
        private void check() {
            if (stopped || interrupt != null && interrupt.requested()) {
                stopped = true;
                throw new Interrupted();
            }
        }

        OutputStream stream(boolean stderr) {
            int i = stderr ? 1 : 0;
            return new OutputStream() {
                @Override
                public void write(int b) {
                    synchronized (Capture.this) {
                        check();
                        if (b == '\n') {
                            add(new View.OutputLine(partial[i].toString(CS), stderr));
                            partial[i].reset();
                            held();
                        } else {
                            partial[i].write(b);
                        }
                    }
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    synchronized (Capture.this) {
                        for (int k = off; k < off + len; k++) {
                            write(b[k]);
                        }
                    }
                }
            };
        }

        synchronized List<View.OutputLine> finish() {
            for (int i = 0; i < 2; i++) {
                if (partial[i].size() > 0) {
                    add(new View.OutputLine(partial[i].toString(CS), i == 1));
                    partial[i].reset();
                }
            }
            return List.copyOf(lines);
        }
    }
}
