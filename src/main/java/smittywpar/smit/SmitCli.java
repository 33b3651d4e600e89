package smittywpar.smit;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import smittywpar.cmd.Getopt;
import smittywpar.msg.AixException;
import smittywpar.msg.Messages;

/**
 * The smitty command line: options, the menu tree, the logs and a started {@link Session}.
 *
 * <pre>
 * smitty [-C] [-D] [-f] [-h] [-l File] [-o PathName] [-s File] [-t] [-v] [[-m | -n | -d] FastPath] [-X] [-x]
 * </pre>
 *
 * and {@code -V}, which prints the version of the build (not an AIX flag: AIX's smitty has none).
 *
 * A front end calls {@link #prepare} and, unless it says the run is over, drives the session it
 * returns.
 *
 * <p>The flags are parsed with the project's AIX getopt ({@link Getopt}), like every other
 * command of smitty-wpar, and not with picocli: picocli costs 120 to 200 ms of CPU when a cold
 * JVM starts (measured on this project's machines), which smitty's first frame cannot afford,
 * and getopt gives AIX's own error messages.
 */
public final class SmitCli {
    /** smitty's flags, in {@link Getopt}'s syntax (also the option table of its man page and completion). */
    public static final String OPTIONS = "CDfhl:o:s:tvVxXm:n:d:";
    private SmitCli() {
    }

    /**
     * What {@link #prepare} found.
     *
     * @param session the started session, or null when the run is already over
     * @param exitCode the exit status when the run is over
     * @param startError the error the session starts with (an unknown fast path), or null; the
     *        session shows it as an ERROR MESSAGE pop-up and ends with exit status 1
     * @param allowRedirect smitty -f: standard input and output need not be a terminal
     */
    public record Start(Session session, int exitCode, String startError, boolean allowRedirect, String fastPath) {
        public boolean done() {
            return session == null;
        }
    }

    /**
     * Parses the smitty command line, loads (or takes from the cache) and validates the menu
     * tree, and starts a session at the fast path. Usage errors, {@code -h} and invalid menus
     * are handled here: they are printed and the result is {@link Start#done() done}.
     */
    /** The fast paths of the menus packaged with the program (for the bash completion of smitty). */
    public static List<String> packagedFastPaths() {
        return MenuLoader.load(MenuSource.packaged()).fastPaths();
    }

    /** The version of this build of smitty-wpar (Maven's project version, written into the jar by the build). */
    public static String version() {
        try (java.io.InputStream in = SmitCli.class.getResourceAsStream("/smittywpar/version.txt")) {
            return in == null ? "unknown" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    public static Start prepare(List<String> argv, Map<String, String> env, Path cwd, PrintStream out,
            PrintStream err) {
        return prepare(argv, env, cwd, out, err, false);
    }

    /**
     * {@link #prepare(List, Map, Path, PrintStream, PrintStream)}; {@code screens} for the full-screen
     * interface, which calls {@link Session#idle()} once its first screen is up: until then smit.log's
     * first entries wait in memory and the host's clock (their time stamp) is not read.
     */
    public static Start prepare(List<String> argv, Map<String, String> env, Path cwd, PrintStream out,
            PrintStream err, boolean screens) {
        Getopt g;
        try {
            g = new Getopt("smitty", OPTIONS, "usage.smitty").parse(argv);
        } catch (AixException e) {
            err.println(e.getMessage());
            return new Start(null, 1, null, false, null);
        }
        if (g.has('h')) {
            out.println(Messages.get("usage.smitty"));
            return new Start(null, 0, null, false, null);
        }
        if (g.has('V')) {
            out.println(Messages.get("smitty.version", version()));
            return new Start(null, 0, null, false, null);
        }
        List<String> fps = new ArrayList<>(g.operands());
        char kind = 0;
        for (char k : new char[] {'m', 'n', 'd'}) {
            for (List<String> v : g.all(k)) {
                fps.add(v.get(0));
                kind = k;
            }
        }
        if (fps.size() > 1) {
            err.println(Messages.get("usage.smitty"));
            return new Start(null, 1, null, false, null);
        }
        String fastPath = fps.isEmpty() ? null : fps.get(0);
        MenuSource source = g.has('o') ? MenuSource.directory(cwd.resolve(g.value('o'))) : MenuSource.packaged();
        // the host's clock (for the logs' time stamps) is read while the menus load, or for the
        // screens once the first one is up
        Supplier<LocalDateTime> clock = screens ? SmitLog.clockLater(env) : SmitLog.clock(env);
        MenuTree tree;
        try {
            tree = TreeCache.load(source, TreeCache.defaultDir(env));
        } catch (MenuException e) {
            err.println(e.getMessage());
            return new Start(null, 1, null, false, null);
        }
        boolean debug = g.has('D');
        boolean verbose = g.has('v') || debug;
        boolean trace = g.has('t') || debug;
        String home = env.get("HOME");
        Path logFile = g.has('l') ? cwd.resolve(g.value('l'))
                : home == null || home.isBlank() ? null : Path.of(home, "smit.log");
        Path scriptFile = g.has('s') ? cwd.resolve(g.value('s'))
                : home == null || home.isBlank() ? null : Path.of(home, "smit.script");
        Map<String, String> cmdEnv = new LinkedHashMap<>(env);
        cmdEnv.put("_SMIT_LOG_FILE", logFile == null ? "" : logFile.toString());
        cmdEnv.put("_SMIT_SCRIPT_FILE", scriptFile == null ? "" : scriptFile.toString());
        cmdEnv.put("_SMIT_VERBOSE_FLAG", verbose ? "1" : "0");
        cmdEnv.put("_SMIT_TRACE_FLAG", trace ? "1" : "0");
        cmdEnv.put("_SMIT_DEBUG_FLAG", debug ? "1" : "0");
        cmdEnv.put("SMIT", "a");
        SmitLog log = new SmitLog(logFile, scriptFile, clock, verbose);
        if (screens) {
            log.hold();
        }
        String noRun = g.has('X') ? "-X" : g.has('x') ? "-x" : null;
        Session s = new Session(tree, new CommandRunner(cmdEnv, cwd), log, noRun);
        String error = s.start(fastPath, kind);
        return new Start(s, error == null ? 0 : 1, error, g.has('f'), fastPath);
    }
}
