package smittywpar;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import smittywpar.smit.SmitCli;
import smittywpar.store.StateStore;
import smittywpar.tui.SessionController;
import smittywpar.tui.Tui;
import smittywpar.tui.TuiOptions;

/**
 * smitty: parses the command line and starts a SMIT session (package smit), then runs it on the
 * full-screen interface (package tui). {@code --ascii} (not an AIX flag) draws pop-up borders
 * with {@code + - |} on terminals that show Unicode box characters badly.
 */
public final class Smitty {
    static final String ASCII = "--ascii";

    private Smitty() {
    }

    static int main(List<String> argv, PrintStream out, PrintStream err) {
        long began = System.currentTimeMillis();
        Map<String, String> env = System.getenv();
        List<String> smitArgs = new ArrayList<>(argv);
        boolean ascii = smitArgs.remove(ASCII);
        // The terminal is taken over on a second thread while the menus load (only input modes
        // change, so usage messages printed meanwhile look as usual).
        Tui.Setup setup = Tui.setUp(new TuiOptions(ascii, env, Map.of(), List.of(), false), began);
        boolean handedOver = false;
        try {
            SmitCli.Start st = SmitCli.prepare(smitArgs, env, Path.of("").toAbsolutePath(), out, err, true);
            if (st.done()) {
                return st.exitCode();
            }
            // An unknown fast path is shown as SMIT does: an ERROR MESSAGE over an empty screen,
            // and smitty ends with status 1 when it is dismissed.
            TuiOptions options = new TuiOptions(ascii, env, shellEnv(env), Tui.defaultShell(env), st.allowRedirect());
            out.flush();
            handedOver = true;
            return Tui.run(new SessionController(st.session()), options, err, setup);
        } finally {
            if (!handedOver && setup != null) {
                setup.close();
            }
        }
    }

    /**
     * What the F9 shell gets on top of the environment: {@code bin/} of this installation first
     * on PATH (so mkwpar, lswpar ... are the simulated ones) and the same state directory.
     */
    public static Map<String, String> shellEnv(Map<String, String> env) {
        Map<String, String> m = new LinkedHashMap<>();
        Path bin = binDir();
        if (bin != null) {
            String path = env.get("PATH");
            m.put("PATH", path == null || path.isEmpty() ? bin.toString() : bin + java.io.File.pathSeparator + path);
        }
        m.put(StateStore.ENV_HOME, StateStore.locate(env, "smitty").toAbsolutePath().normalize().toString());
        return m;
    }

    /**
     * {@code bin/} beside {@code target/} (a source checkout) or {@code lib/} (an installation) of
     * the jar this runs from, if it is there.
     */
    private static Path binDir() {
        try {
            Path code = Path.of(Smitty.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path home = code.getParent() == null ? null : code.getParent().getParent();
            Path bin = home == null ? null : home.resolve("bin");
            return bin != null && Files.isExecutable(bin.resolve("smitty")) ? bin.toAbsolutePath().normalize() : null;
        } catch (Exception e) {
            return null;
        }
    }
}
