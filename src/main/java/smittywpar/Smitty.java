package smittywpar;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import smittywpar.msg.Messages;
import smittywpar.smit.Session;
import smittywpar.smit.SmitCli;
import smittywpar.smit.View;

/**
 * smitty: parses the command line and starts a SMIT session (package smit), then hands the
 * session to the full-screen interface.
 */
final class Smitty {
    private Smitty() {
    }

    static int main(List<String> argv, PrintStream out, PrintStream err) {
        SmitCli.Start st = SmitCli.prepare(argv, System.getenv(), Path.of("").toAbsolutePath(), out, err);
        if (st.done()) {
            return st.exitCode();
        }
        if (st.startError() != null) {
            err.println("smitty: " + st.startError());
            st.session().exit();
            return st.exitCode();
        }
        // The full-screen interface (issue 5) takes st.session() from here. Until it is part of
        // this build, say honestly what the fast path leads to instead of pretending.
        View.Screen s = st.session().view().base();
        err.println(Messages.get("smit.notui", s.title(), st.fastPath() == null ? "" : st.fastPath()));
        st.session().exit();
        return 1;
    }

    /**
     * Exercises the smitty code paths for the start-up cache (see {@link Train}): the menu tree
     * from YAML and from its cache, a session through a dialog, an F4 list, a dry run and the logs,
     * all in a throw-away directory.
     */
    static void train(PrintStream sink) throws IOException {
        Path dir = Files.createTempDirectory("smitty-wpar-train-smit");
        try {
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("HOME", dir.toString());
            env.remove("XDG_CACHE_HOME");
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
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
