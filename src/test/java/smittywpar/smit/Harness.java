package smittywpar.smit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A session against a fresh simulated host in a temporary directory, with a fixed clock. */
final class Harness {
    static final String CLOCK = "2026-11-26 10:00:00";
    private static MenuTree shipped;

    final Path dir;
    final Map<String, String> env = new LinkedHashMap<>();
    final CommandRunner runner;
    final Path log;
    final Path script;

    Harness(Path dir) {
        this.dir = dir;
        env.put("SMITTY_WPAR_HOME", dir.resolve("state").toString());
        env.put("SMITTY_WPAR_CLOCK", CLOCK);
        env.put("SMITTY_WPAR_SEED", "42");
        env.put("HOME", dir.toString());
        runner = new CommandRunner(env, dir);
        log = dir.resolve("smit.log");
        script = dir.resolve("smit.script");
    }

    static synchronized MenuTree shipped() {
        if (shipped == null) {
            shipped = TreeCache.load(MenuSource.packaged(), null);
        }
        return shipped;
    }

    Session session(MenuTree tree, String noRun) {
        return new Session(tree, runner, new SmitLog(log, script, SmitLog.clock(env), true), noRun);
    }

    /** A session on the shipped tree, started at {@code fastPath}. */
    Session start(String fastPath) {
        Session s = session(shipped(), null);
        s.start(fastPath, (char) 0);
        return s;
    }

    /** Runs a command line (blank-separated words) on the same host; returns its standard output. */
    String sh(String line) {
        CommandRunner.Result r = runner.run(Arrays.asList(line.split(" ")));
        StringBuilder sb = new StringBuilder();
        for (String l : r.stdout()) {
            sb.append(l).append('\n');
        }
        return sb.toString();
    }

    String file(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }

    /** Enter, and when a command was started, run it. */
    static void enterAndRun(Session s) {
        s.enter();
        if (s.pending()) {
            assert s.view().base() instanceof View.OutputScreen o && o.status() == View.Status.RUNNING;
            s.runPending();
        }
    }

    static View.DialogScreen dialog(Session s) {
        return (View.DialogScreen) s.view().base();
    }

    static View.OutputScreen output(Session s) {
        return (View.OutputScreen) s.view().base();
    }

    static List<String> outputText(Session s) {
        return output(s).lines().stream().map(View.OutputLine::text).toList();
    }

    /** Moves the cursor of the dialog to the field labelled {@code label}. */
    static void field(Session s, String label) {
        List<View.FieldLine> f = dialog(s).fields();
        for (int i = 0; i < f.size(); i++) {
            if (f.get(i).label().equals(label) && f.get(i).entry() != View.Entry.INFO) {
                s.setCursor(i);
                if (dialog(s).cursor() != i) {
                    throw new AssertionError("cursor cannot rest on " + label);
                }
                return;
            }
        }
        throw new AssertionError("no field " + label + " in " + f);
    }

    static View.FieldLine fieldLine(Session s, String label) {
        return dialog(s).fields().stream().filter(f -> f.label().equals(label)).findFirst().orElseThrow();
    }
}
