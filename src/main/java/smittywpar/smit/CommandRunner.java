package smittywpar.smit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import smittywpar.cmd.Commands;
import smittywpar.cmd.Invocation;
import smittywpar.msg.Messages;

/**
 * Runs command lines through the command registry (the same objects bin/mkwpar and friends
 * run) with captured output: lines in the order they were written, each marked with its stream.
 */
public final class CommandRunner {
    private final Map<String, String> env;
    private final Path cwd;

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
        this.env = Map.copyOf(env);
        this.cwd = cwd;
    }

    /** Runs {@code argv} ({@code argv.get(0)} names the command). Never throws for a failing command. */
    public Result run(List<String> argv) {
        Capture cap = new Capture();
        PrintStream out = new PrintStream(cap.stream(false), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(cap.stream(true), true, StandardCharsets.UTF_8);
        int rc;
        try {
            // as SMIT runs a command whose application goes on running: it shows what the command
            // printed until the application started (wparexec), and the application runs on
            rc = Commands.runInBackground(new Invocation(argv.get(0), List.copyOf(argv.subList(1, argv.size())),
                    new ByteArrayInputStream(new byte[0]), out, err, env, cwd));
        } catch (RuntimeException | Error e) {
            // a bug in a command must not take smitty down: report it like the launcher does
            out.flush();
            String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            err.println(Messages.get("main.internal", argv.get(0), what));
            rc = 1;
        }
        out.flush();
        err.flush();
        return new Result(cap.finish(), rc);
    }

    /** Collects the bytes of two streams into lines, in the order the lines were completed. */
    private static final class Capture {
        private final List<View.OutputLine> lines = new ArrayList<>();
        private final ByteArrayOutputStream[] partial = {new ByteArrayOutputStream(), new ByteArrayOutputStream()};
        private static final Charset CS = StandardCharsets.UTF_8;

        OutputStream stream(boolean stderr) {
            int i = stderr ? 1 : 0;
            return new OutputStream() {
                @Override
                public void write(int b) {
                    synchronized (Capture.this) {
                        if (b == '\n') {
                            lines.add(new View.OutputLine(partial[i].toString(CS), stderr));
                            partial[i].reset();
                        } else {
                            partial[i].write(b);
                        }
                    }
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    for (int k = off; k < off + len; k++) {
                        write(b[k]);
                    }
                }
            };
        }

        synchronized List<View.OutputLine> finish() {
            for (int i = 0; i < 2; i++) {
                if (partial[i].size() > 0) {
                    lines.add(new View.OutputLine(partial[i].toString(CS), i == 1));
                    partial[i].reset();
                }
            }
            return List.copyOf(lines);
        }
    }
}
