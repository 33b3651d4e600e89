package smittywpar.cmd;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import smittywpar.wpar.Console;
import smittywpar.wpar.Scope;

/**
 * One run of a command: its name, arguments, streams and environment, and where it runs (the
 * global environment as root, unless a shell of {@code clogin} or {@code aixsh} runs it in its own
 * scope). The CLI builds one from the process; the SMIT layer builds one per composed command
 * line, with captured streams.
 */
public record Invocation(String name, List<String> args, InputStream in, PrintStream out, PrintStream err,
        Map<String, String> env, Path cwd, Scope scope) {

    /** A run in the global environment, as root. */
    public Invocation(String name, List<String> args, InputStream in, PrintStream out, PrintStream err,
            Map<String, String> env, Path cwd) {
        this(name, args, in, out, err, env, cwd, Scope.GLOBAL);
    }

    public Console console() {
        return new Console(out, err);
    }

    /** The WPAR the command runs in, or null in the global environment. */
    public String wpar() {
        return scope.wpar();
    }
}
