package smittywpar.smit;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import smittywpar.msg.Messages;

/**
 * The smitty command line: options, the menu tree, the logs and a started {@link Session}.
 *
 * <pre>
 * smitty [-C] [-D] [-f] [-h] [-l File] [-o PathName] [-s File] [-t] [-v] [[-m | -n | -d] FastPath] [-X] [-x]
 * </pre>
 *
 * A front end calls {@link #prepare} and, unless it says the run is over, drives the session it
 * returns.
 */
public final class SmitCli {
    private SmitCli() {
    }

    /** The smitty flags (picocli; -h is smitty's own help flag, so no standard help mixin). */
    @Command(name = "smitty")
    static final class Options {
        @Option(names = "-C")
        boolean curses;
        @Option(names = "-D")
        boolean debug;
        @Option(names = "-f")
        boolean redirect;
        @Option(names = "-h")
        boolean help;
        @Option(names = "-l", paramLabel = "File")
        String logFile;
        @Option(names = "-o", paramLabel = "PathName")
        String menuDir;
        @Option(names = "-s", paramLabel = "File")
        String scriptFile;
        @Option(names = "-t")
        boolean trace;
        @Option(names = "-v")
        boolean verbose;
        @Option(names = "-x")
        boolean dryRun;
        @Option(names = "-X")
        boolean noCommands;
        @Option(names = "-m", paramLabel = "FastPath")
        String menu;
        @Option(names = "-n", paramLabel = "FastPath")
        String selector;
        @Option(names = "-d", paramLabel = "FastPath")
        String dialog;
        @Parameters(arity = "0..*", paramLabel = "FastPath")
        List<String> fastPaths = new ArrayList<>();
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
    public static Start prepare(List<String> argv, Map<String, String> env, Path cwd, PrintStream out,
            PrintStream err) {
        Options o = new Options();
        CommandLine cl = new CommandLine(o);
        cl.setPosixClusteredShortOptionsAllowed(true);
        cl.setStopAtPositional(false);
        try {
            cl.parseArgs(argv.toArray(new String[0]));
        } catch (CommandLine.ParameterException e) {
            err.println(usageError(e));
            err.println(Messages.get("usage.smitty"));
            return new Start(null, 1, null, false, null);
        }
        if (o.help) {
            out.println(Messages.get("usage.smitty"));
            return new Start(null, 0, null, false, null);
        }
        List<String> fps = new ArrayList<>(o.fastPaths);
        char kind = 0;
        for (String[] k : new String[][] {{o.menu, "m"}, {o.selector, "n"}, {o.dialog, "d"}}) {
            if (k[0] != null) {
                fps.add(k[0]);
                kind = k[1].charAt(0);
            }
        }
        if (fps.size() > 1) {
            err.println(Messages.get("usage.smitty"));
            return new Start(null, 1, null, false, null);
        }
        String fastPath = fps.isEmpty() ? null : fps.get(0);
        MenuSource source = o.menuDir == null ? MenuSource.packaged() : MenuSource.directory(cwd.resolve(o.menuDir));
        MenuTree tree;
        try {
            tree = TreeCache.load(source, TreeCache.defaultDir(env));
        } catch (MenuException e) {
            err.println(e.getMessage());
            return new Start(null, 1, null, false, null);
        }
        boolean verbose = o.verbose || o.debug;
        boolean trace = o.trace || o.debug;
        String home = env.get("HOME");
        Path logFile = o.logFile != null ? cwd.resolve(o.logFile)
                : home == null || home.isBlank() ? null : Path.of(home, "smit.log");
        Path scriptFile = o.scriptFile != null ? cwd.resolve(o.scriptFile)
                : home == null || home.isBlank() ? null : Path.of(home, "smit.script");
        Map<String, String> cmdEnv = new LinkedHashMap<>(env);
        cmdEnv.put("_SMIT_LOG_FILE", logFile == null ? "" : logFile.toString());
        cmdEnv.put("_SMIT_SCRIPT_FILE", scriptFile == null ? "" : scriptFile.toString());
        cmdEnv.put("_SMIT_VERBOSE_FLAG", verbose ? "1" : "0");
        cmdEnv.put("_SMIT_TRACE_FLAG", trace ? "1" : "0");
        cmdEnv.put("_SMIT_DEBUG_FLAG", o.debug ? "1" : "0");
        cmdEnv.put("SMIT", "a");
        SmitLog log = new SmitLog(logFile, scriptFile, SmitLog.clock(env), verbose);
        String noRun = o.noCommands ? "-X" : o.dryRun ? "-x" : null;
        Session s = new Session(tree, new CommandRunner(cmdEnv, cwd), log, noRun);
        String error = s.start(fastPath, kind);
        return new Start(s, error == null ? 0 : 1, error, o.redirect, fastPath);
    }

    /** An AIX-style message for a picocli parse error: the offending flag, as getopt says it. */
    private static String usageError(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()
                && m.getMissing().get(0) instanceof CommandLine.Model.OptionSpec opt) {
            return Messages.get("getopt.needarg", "smitty", opt.shortestName().substring(1));
        }
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String bad = u.getUnmatched().get(0);
            if (bad.startsWith("-") && bad.length() > 1) {
                // the first letter of a cluster that picocli could not match
                for (char c : bad.substring(1).toCharArray()) {
                    if ("CDfhlostvxXmnd".indexOf(c) < 0) {
                        return Messages.get("getopt.badflag", "smitty", String.valueOf(c));
                    }
                }
                return Messages.get("getopt.badflag", "smitty", bad.substring(1, 2));
            }
        }
        return Messages.get("getopt.badflag", "smitty", String.valueOf(e.getMessage()));
    }
}
