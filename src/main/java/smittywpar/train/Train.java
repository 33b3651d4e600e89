package smittywpar.train;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import smittywpar.Smitty;
import smittywpar.cmd.Commands;
import smittywpar.cmd.Invocation;
import smittywpar.smit.Session;
import smittywpar.smit.SmitCli;
import smittywpar.smit.TreeCache;
import smittywpar.tui.Tui;

/**
 * The training workload for the JVM's start-up caches (Java 25 AOT cache or JDK 17 AppCDS):
 * {@code --cli} runs every AIX command once on a throw-away host, {@code --smitty} drives the
 * SMIT screens, so that the classes each needs are archived. The launcher runs it in the
 * background after a build; users never call it. Each cache holds only what its kind of run
 * needs: the classes an AOT cache holds are all loaded at start, so a larger cache costs start-up
 * time and memory.
 */
public final class Train {
    /** The AIX commands of the CLI training run, each once, in an order that leaves nothing behind. */
    private static final String[][] CLI_STEPS = {
        {"lswpar"}, {"mkwpar", "-n", "t1", "-N", "address=192.168.20.99", "-R", "CPU=1%-2%,3%"},
        {"mkwpar", "-n", "t2", "-Z"}, {"lswpar", "-c"}, {"lswpar", "-L", "t1"}, {"lswpar", "-N", "t1"},
        {"lswpar", "-M"}, {"lswpar", "-D", "-q"}, {"lswpar", "-G", "t1"}, {"startwpar", "t1"},
        {"chwpar", "-h", "t1.example.com", "-M", "directory=/data", "-R", "shares_CPU=5", "t1"},
        {"umount", "/wpars/t1/data"}, {"mount", "/wpars/t1/data"}, {"mount"}, {"chwpar", "-K", "-R", "t1"},
        {"lswpar", "-cR", "t1"},
        {"df", "-g"}, {"ifconfig", "-a"}, {"lslpp", "-l"}, {"lspv"}, {"lsvg", "rootvg"},
        {"lsvg", "-l", "rootvg"}, {"hostname"}, {"oslevel", "-s"}, {"rebootwpar", "t1"},
        {"stopwpar", "t1"}, {"rmwpar", "t1"}, {"lswpar", "nosuch"},
    };

    private Train() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("smitty-wpar-train");
        try {
            PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
            if (List.of(args).contains("--smitty")) {
                smitty(dir, sink);
            } else {
                cli(dir, sink);
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Every AIX command once, on a host in {@code dir}. */
    static void cli(Path dir, PrintStream sink) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("SMITTY_WPAR_HOME", dir.resolve("state").toString());
        for (String[] s : CLI_STEPS) {
            Commands.run(new Invocation(s[0], List.of(s).subList(1, s.length), System.in, sink, sink, env, dir));
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
}
