package smittywpar.lab;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import smittywpar.cmd.Commands;
import smittywpar.cmd.Invocation;
import smittywpar.store.StateStore;
import smittywpar.wpar.Console;
import smittywpar.wpar.WparEngine;

/** One run of the lab command: its streams, environment and working directory. */
final class LabContext {
    static final String PROG = "smitty-wpar";

    final InputStream in;
    final PrintStream out;
    final PrintStream err;
    final Map<String, String> env;
    final Path cwd;

    LabContext(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Path cwd) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = env;
        this.cwd = cwd;
    }

    /** A path of the command line, relative to the directory the command runs in; null stays null. */
    Path resolve(Path p) {
        return p == null ? null : cwd.resolve(p);
    }

    /** The state directory of the host the AIX commands use. */
    Path home() {
        return StateStore.locate(env, PROG).toAbsolutePath().normalize();
    }

    /** The engine over the current host (its first use creates the default host). */
    WparEngine engine() {
        return new WparEngine(PROG, new Console(out, err), env);
    }

    /** The engine over the host in state directory {@code dir}. */
    WparEngine engine(Path dir) {
        return new WparEngine(PROG, new Console(out, err), envFor(dir));
    }

    /** This run's environment with the state directory {@code dir}. */
    Map<String, String> envFor(Path dir) {
        Map<String, String> e = new HashMap<>(env);
        e.put(StateStore.ENV_HOME, dir.toString());
        return Map.copyOf(e);
    }

    /** What an AIX command printed and returned. */
    record Ran(int exit, String out, String err) {
        List<String> outLines() {
            return lines(out);
        }

        List<String> errLines() {
            return lines(err);
        }

        private static List<String> lines(String s) {
            if (s.isEmpty()) {
                return List.of();
            }
            return List.of((s.endsWith("\n") ? s.substring(0, s.length() - 1) : s).split("\n", -1));
        }
    }

    /** Runs one AIX command line through the registry on the host of {@code environment}, capturing what it prints. */
    Ran aix(List<String> argv, Map<String, String> environment) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8);
        PrintStream pe = new PrintStream(e, true, StandardCharsets.UTF_8);
        int rc = Commands.run(new Invocation(argv.get(0), List.copyOf(argv.subList(1, argv.size())),
                new ByteArrayInputStream(new byte[0]), po, pe, environment, cwd));
        po.flush();
        pe.flush();
        return new Ran(rc, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    /** Runs one AIX command line on the current host, capturing what it prints. */
    Ran aix(List<String> argv) {
        return aix(argv, env);
    }
}
