package smittywpar.train;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import smittywpar.Main;
import smittywpar.Smitty;
import smittywpar.cmd.Commands;
import smittywpar.cmd.Invocation;
import smittywpar.smit.Session;
import smittywpar.smit.SmitCli;
import smittywpar.smit.TreeCache;
import smittywpar.tui.Tui;

/**
 * The training workloads for the JVM's start-up caches (Java 25 AOT cache or JDK 17 AppCDS). An
 * AOT cache loads every class it holds when the JVM starts, so each kind of run has a cache of
 * its own, trained on its own work only: {@code --cli NAME DIR} runs the AIX command NAME in the
 * ways the table below lists, on a copy of a host made by {@code --state DIR} in a JVM of its own
 * (so that the commands that make the host stay out of NAME's cache); {@code --smitty} drives the
 * SMIT screens. The launcher runs them in the background when a cache is missing; users never
 * call them.
 */
public final class Train {
    /** The host the commands are trained on: t1 defined with a file system of its own, t2 active. */
    private static final String[][] STATE = {
        {"mkwpar", "-n", "t1", "-N", "address=192.168.20.99", "-R", "CPU=1%-2%,3%"}, {"mkwpar", "-n", "t2"},
        {"chwpar", "-h", "t1.example.com", "-M", "directory=/data", "-R", "shares_CPU=5", "t1"},
        {"startwpar", "t2"},
    };

    /** What each command does in its training (besides its usage message). */
    private static final Map<String, String[][]> STEPS = Map.ofEntries(
        Map.entry("lswpar", new String[][] {{"lswpar"}, {"lswpar", "-c"}, {"lswpar", "-L", "t1"},
            {"lswpar", "-N", "t1"}, {"lswpar", "-M"}, {"lswpar", "-D", "-q"}, {"lswpar", "-G", "t1"},
            {"lswpar", "-cR", "t1"}, {"lswpar", "-c", "-q", "-a", "name,state"}, {"lswpar", "nosuch"}}),
        Map.entry("mkwpar", new String[][] {{"mkwpar", "-n", "t3", "-N", "address=192.168.20.98", "-R",
            "CPU=1%-2%,3%"}, {"mkwpar", "-n", "t4", "-Z"}, {"mkwpar", "-n", "t5"}, {"mkwpar", "-n", "t1"}}),
        Map.entry("startwpar", new String[][] {{"startwpar", "t1"}, {"startwpar", "nosuch"}}),
        Map.entry("stopwpar", new String[][] {{"stopwpar", "t2"}, {"stopwpar", "t1"}}),
        Map.entry("rebootwpar", new String[][] {{"rebootwpar", "t2"}, {"rebootwpar", "t1"}}),
        Map.entry("rmwpar", new String[][] {{"rmwpar", "t1"}, {"rmwpar", "nosuch"}}),
        Map.entry("chwpar", new String[][] {{"chwpar", "-h", "t1b.example.com", "-R", "shares_CPU=6", "t1"},
            {"chwpar", "-K", "-R", "t1"}, {"chwpar", "-n", "t1c", "t1"}}),
        Map.entry("mount", new String[][] {{"mount"}, {"mount", "/wpars/t1/data"}}),
        Map.entry("umount", new String[][] {{"umount", "/wpars/t1/data"}, {"umount", "/nosuch"}}),
        Map.entry("df", new String[][] {{"df", "-g"}, {"df"}}),
        Map.entry("ifconfig", new String[][] {{"ifconfig", "-a"}}),
        Map.entry("lslpp", new String[][] {{"lslpp", "-l"}}),
        Map.entry("lsdev", new String[][] {{"lsdev"}}),
        Map.entry("lspv", new String[][] {{"lspv"}}),
        Map.entry("lsvg", new String[][] {{"lsvg", "rootvg"}, {"lsvg", "-l", "rootvg"}}),
        Map.entry("hostname", new String[][] {{"hostname"}}),
        Map.entry("oslevel", new String[][] {{"oslevel", "-s"}}));

    private Train() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        if (args.length == 2 && args[0].equals("--state")) {
            run(STATE, Path.of(args[1]), sink);
            return;
        }
        Main.class.getName(); // the entry point of every real run, for the cache
        Path dir = Files.createTempDirectory("smitty-wpar-train");
        try {
            if (args.length == 3 && args[0].equals("--cli")) {
                copy(Path.of(args[2]), dir.resolve("state"));
                String[][] steps = STEPS.getOrDefault(args[1], new String[0][]);
                run(steps, dir.resolve("state"), sink);
                run(new String[][] {{args[1], "-?"}}, dir.resolve("state"), sink);
            } else if (List.of(args).contains("--smitty")) {
                smitty(dir, sink);
            }
        } finally {
            delete(dir);
        }
    }

    /**
     * The smitty code paths: the menu tree from YAML and from its cache, a session through a
     * dialog, an F4 list, a dry run and the logs, and the same session drawn by the full-screen
     * interface on an in-memory terminal, all in {@code dir}.
     */
    static void smitty(Path dir, PrintStream sink) throws IOException {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("HOME", dir.toString());
        // the user's own menu cache, when it is there, so that the runs below take the path a
        // real start takes (no YAML parser in the start-up cache)
        Path real = TreeCache.defaultDir(System.getenv());
        if (real != null && Files.isDirectory(real)) {
            env.put("XDG_CACHE_HOME", real.getParent().toString());
        } else {
            env.remove("XDG_CACHE_HOME");
        }
        env.put("SMITTY_WPAR_HOME", dir.resolve("state").toString());
        for (int round = 0; round < 2; round++) {
            SmitCli.Start st = SmitCli.prepare(List.of("-x", "mkwpar"), env, dir, sink, sink);
            Session s = st.session();
            s.setValue("t" + round);
            s.moveCursor(3);
            s.list();
            s.cancel();
            s.ringNext();
            s.showCommand();
            s.enter();
            s.enter();
            s.runPending();
            s.view();
            s.cancel();
            s.exit();
        }
        SmitCli.prepare(List.of("nosuch"), env, dir, sink, sink);
        Tui.train(SmitCli.prepare(List.of("-x"), env, dir, sink, sink).session(), Smitty.shellEnv(env));
    }

    private static void run(String[][] steps, Path state, PrintStream sink) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("SMITTY_WPAR_HOME", state.toString());
        for (String[] s : steps) {
            Commands.run(new Invocation(s[0], List.of(s).subList(1, s.length), System.in, sink, sink, env,
                    state.getParent()));
        }
    }

    /** A copy of a directory tree (with the plain file calls every command uses anyway). */
    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        File[] entries = from.toFile().listFiles();
        for (File f : entries == null ? new File[0] : entries) {
            Path target = to.resolve(f.getName());
            if (f.isDirectory()) {
                copy(f.toPath(), target);
            } else {
                Files.copy(f.toPath(), target);
            }
        }
    }

    private static void delete(Path p) throws IOException {
        File[] entries = p.toFile().listFiles();
        for (File f : entries == null ? new File[0] : entries) {
            delete(f.toPath());
        }
        Files.deleteIfExists(p);
    }
}
