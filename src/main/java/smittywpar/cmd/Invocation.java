package smittywpar.cmd;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import smittywpar.wpar.Console;

/**
 * One run of a command: its name, arguments, streams and environment. The CLI builds one from
 * the process; the SMIT layer builds one per composed command line, with captured streams.
 */
public record Invocation(String name, List<String> args, InputStream in, PrintStream out, PrintStream err,
        Map<String, String> env, Path cwd) {

    public Console console() {
        return new Console(out, err);
    }
}
