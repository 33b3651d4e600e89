package smittywpar.tui;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTTYTerminal;

/**
 * Lanterna's Unix terminal, tuned for a fast and safe start:
 * <ul>
 * <li>the tty is set up with two {@code stty} runs instead of Lanterna's five: {@code stty -g}
 * to save the settings, then one that sets every mode and prints the size (measured: a shell
 * running three {@code stty} costs 2-4 times as much as two direct runs);</li>
 * <li>the size comes from {@code stty size}, never from a cursor-position query, which hangs
 * for five seconds (twice) on terminals that do not answer it;</li>
 * <li>Ctrl-C, Ctrl-\ and Ctrl-Z arrive as keys ({@code -isig}): nothing kills or stops the
 * program behind the screen's back;</li>
 * <li>the saved settings are put back by one {@code stty} on every way out (Lanterna's shutdown
 * hook calls {@link #restoreTerminalSettings()} too), and around the F9 shell.</li>
 * </ul>
 * Fields are assigned during the superclass constructor, so they have no initialisers.
 */
final class SmitTerminal extends UnixLikeTTYTerminal {
    private static final File TTY = new File("/dev/tty");
    private static final String[] RAW = {"-icanon", "min", "1", "time", "0", "-echo", "-isig", "-iexten", "icrnl"};

    private String saved;
    private TerminalSize knownSize;
    private volatile boolean sizeStale;
    private boolean raw;
    private Map<String, String> env;
    private KeyReader keys;

    /** The environment of the terminal being made: the superclass constructor sets the tty up, before any field is set. */
    private static final ThreadLocal<Map<String, String>> OPENING = new ThreadLocal<>();

    private SmitTerminal(InputStream in, OutputStream out, Charset charset, Map<String, String> env) throws IOException {
        super(TTY, in, out, charset, CtrlCBehaviour.TRAP);
        this.env = env;
        this.keys = new KeyReader(in, charset);
    }

    /** Takes the terminal over (see the class comment); {@code env} tells what the launcher did. */
    static SmitTerminal open(InputStream in, OutputStream out, Charset charset, Map<String, String> env)
            throws IOException {
        OPENING.set(env);
        try {
            return new SmitTerminal(in, out, charset, env);
        } finally {
            OPENING.remove();
        }
    }

    private Map<String, String> env() {
        Map<String, String> e = env != null ? env : OPENING.get();
        return e != null ? e : System.getenv();
    }

    // ---- keys ------------------------------------------------------------------------------------

    /** The next key if one was typed, else null (see {@link KeyReader}; Ctrl-C is a key: {@code -isig}). */
    @Override
    public KeyStroke pollInput() throws IOException {
        return keys.read(false);
    }

    /** Whether a key (or the end of input) is there to read now; reads nothing. */
    boolean inputReady() throws IOException {
        return keys.ready();
    }

    /** The next key, waiting for it as long as it takes. */
    @Override
    public KeyStroke readInput() throws IOException {
        return keys.read(true);
    }

    // ---- tty modes ---------------------------------------------------------------------------------

    /**
     * Settings the launcher already saved and changed (bin/smitty runs the two stty commands in
     * its shell, several times cheaper than starting processes from a young JVM). Trusted only
     * from the launcher that started this JVM, and only in the form {@code stty -g} prints.
     */
    static final String ENV_SAVED = "SMITTY_WPAR_TTY_SAVED";
    static final String ENV_SIZE = "SMITTY_WPAR_TTY_SIZE";
    static final String ENV_PID = "SMITTY_WPAR_TTY_PID";

    static boolean preparedByLauncher(Map<String, String> env) {
        String saved = env.get(ENV_SAVED);
        String pid = env.get(ENV_PID);
        if (saved == null || saved.isEmpty() || env.get(ENV_SIZE) == null || pid == null) {
            return false;
        }
        for (int i = 0; i < saved.length(); i++) {
            char c = saved.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':')) {
                return false;
            }
        }
        try {
            return parentPid() == Long.parseLong(pid.trim());
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * This process's parent, from {@code /proc/self/stat} ("pid (name) state ppid ...") where
     * there is one: {@link ProcessHandle} starts a thread pool to reap processes.
     */
    static long parentPid() {
        try {
            String stat = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/self/stat")),
                    StandardCharsets.US_ASCII);
            int at = stat.lastIndexOf(')') + 2; // the name may hold blanks and parentheses
            int from = stat.indexOf(' ', at) + 1;
            int to = stat.indexOf(' ', from);
            if (at >= 2 && from > 0 && to > from) {
                return Long.parseLong(stat.substring(from, to));
            }
        } catch (IOException | RuntimeException e) {
            // no /proc here
        }
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    }

    @Override
    protected void saveTerminalSettings() throws IOException {
        Map<String, String> e = env();
        if (preparedByLauncher(e)) {
            saved = e.get(ENV_SAVED);
            knownSize = parseSize(e.get(ENV_SIZE));
            raw = true;
            return;
        }
        saved = stty("-g").trim();
        if (saved.isEmpty()) {
            throw new IOException(Texts.get("ttynostty"));
        }
        knownSize = parseSize(stty(rawAnd("size")));
        raw = true;
    }

    private static String[] rawAnd(String... more) {
        String[] args = java.util.Arrays.copyOf(RAW, RAW.length + more.length);
        System.arraycopy(more, 0, args, RAW.length, more.length);
        return args;
    }

    @Override
    protected void restoreTerminalSettings() throws IOException {
        if (saved != null && raw) {
            runSTTYCommand(saved);
            raw = false;
        }
    }

    /** Forgets the settings to restore: for a terminal that is no tty (the start-up cache's training). */
    void forget() {
        saved = null;
        raw = false;
    }

    /** Gives the terminal back in the state it was found (for the F9 shell). */
    void suspend() throws IOException {
        restoreTerminalSettings();
    }

    /** Takes the terminal again after {@link #suspend()}. */
    void resume() throws IOException {
        if (!raw) {
            knownSize = parseSize(stty(rawAnd("size")));
            raw = true;
        }
    }

    @Override
    protected void canonicalMode(boolean enabled) throws IOException {
        if (enabled || !raw) {
            super.canonicalMode(enabled);
        }
    }

    @Override
    protected void keyEchoEnabled(boolean enabled) throws IOException {
        if (enabled || !raw) {
            super.keyEchoEnabled(enabled);
        }
    }

    /** Signals are off while raw ({@code -isig}) and come back with the saved settings. */
    @Override
    protected void keyStrokeSignalsEnabled(boolean enabled) {
    }

    // ---- size ------------------------------------------------------------------------------------

    /**
     * SIGWINCH through {@code sun.misc.Signal} directly: Lanterna finds it by reflection and
     * builds a dynamic proxy for the handler, which costs a young JVM tens of milliseconds.
     */
    @Override
    protected void registerTerminalResizeListener(Runnable onResize) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("WINCH"), new Winch(this, onResize));
        } catch (IllegalArgumentException e) {
            // no such signal here: the size is then only read when the screen is redrawn
        }
    }

    /** The resize signal's handler (a class, not a lambda: no lambda machinery on the way to the first frame). */
    private record Winch(SmitTerminal terminal, Runnable onResize) implements sun.misc.SignalHandler {
        @Override
        public void handle(sun.misc.Signal sig) {
            terminal.sizeStale = true;
            onResize.run();
        }
    }

    @Override
    protected TerminalSize findTerminalSize() throws IOException {
        if (knownSize == null || sizeStale) {
            sizeStale = false;
            TerminalSize s = parseSize(runSTTYCommand("size"));
            knownSize = s;
        }
        return knownSize;
    }

    /** {@code "rows cols"} from stty; when the tty does not know (0 0), COLUMNS/LINES, else 80x24. */
    private TerminalSize parseSize(String text) {
        String t = text.trim();
        int blank = t.indexOf(' ');
        int rows = 0;
        int cols = 0;
        try {
            rows = Integer.parseInt(t.substring(0, blank));
            cols = Integer.parseInt(t.substring(blank + 1).trim());
        } catch (RuntimeException e) {
            // fall through to the environment
        }
        if (rows <= 0 || cols <= 0) {
            Map<String, String> e = env();
            rows = number(e.get("LINES"), 24);
            cols = number(e.get("COLUMNS"), 80);
        }
        return new TerminalSize(cols, rows);
    }

    private static int number(String s, int dflt) {
        try {
            int n = s == null ? 0 : Integer.parseInt(s.trim());
            return n > 0 ? n : dflt;
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    // ---- processes -------------------------------------------------------------------------------

    /** Runs {@code /bin/stty} on the terminal; returns its standard output, or fails with its message. */
    private static String stty(String... args) throws IOException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "/bin/stty";
        System.arraycopy(args, 0, cmd, 1, args.length);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(TTY).redirectError(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        try {
            if (p.waitFor() != 0) {
                String why = new String(err, StandardCharsets.UTF_8).trim();
                throw new IOException(why.isEmpty() ? "stty failed" : why);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(Texts.get("ttyinterrupted"), e);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    @Override
    protected String exec(String... cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(TTY)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out.toString(StandardCharsets.UTF_8).trim();
    }
}
