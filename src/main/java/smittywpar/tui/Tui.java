package smittywpar.tui;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.googlecode.lanterna.screen.TerminalScreen;

/**
 * Starts the full-screen session on the process's terminal. {@link #refusal} says first, in one
 * line, when there is no usable terminal (no tty on standard input and output, a TERM that
 * cannot address the screen).
 */
public final class Tui {
    private Tui() {
    }

    /** Why the screens cannot be shown here (the line to print), or null when they can. */
    public static String refusal(TuiOptions options) {
        return options.refusal(System.console() != null);
    }

    /** The F9 shell: {@code $SHELL}, else {@code /bin/sh}; none when {@code SMIT_SHELL=n}. */
    public static List<String> defaultShell(Map<String, String> env) {
        return Shell.defaultCommand(env);
    }

    /**
     * Runs the session until the controller ends it; returns the controller's exit status, or 1
     * when the terminal cannot be used (said in one line on {@code err}). The terminal is given
     * back on every way out.
     */
    public static int run(Controller controller, TuiOptions options, PrintStream err) {
        long t0 = System.nanoTime();
        boolean console = System.console() != null;
        String refusal = options.refusal(console);
        if (refusal != null) {
            err.println(refusal);
            return 1;
        }
        Charset cs = options.utf8() ? StandardCharsets.UTF_8 : Charset.defaultCharset();
        SmitTerminal term;
        try {
            // smitty -f with redirected standard input or output: the screen is the controlling terminal
            boolean devTty = !console;
            term = new SmitTerminal(devTty ? new FileInputStream("/dev/tty") : new FileInputStream(FileDescriptor.in),
                    new BufferedOutputStream(devTty ? new FileOutputStream("/dev/tty")
                            : new FileOutputStream(FileDescriptor.out), 1 << 14), cs, options.env());
        } catch (IOException e) {
            err.println(Texts.get("ttyfail", e.getMessage()));
            return 1;
        }
        long tTerminal = System.nanoTime();
        TuiApp app = null;
        try {
            Renderer renderer = new Renderer(options.glyphs(), options.theme());
            TuiApp.ShellRunner shell = options.shell().isEmpty() ? null : new Shell(options.shell(), options.shellEnv());
            app = new TuiApp(new TerminalScreen(term), term, controller, renderer, shell);
            app.run();
            return controller.exitCode();
        } catch (IOException e) {
            // the terminal went away or failed (hang-up): nothing more can be shown on it
            err.println(Texts.get("ttyfail", e.getMessage()));
            return 1;
        } finally {
            controller.close();
            try {
                term.close();
            } catch (IOException e) {
                // the terminal is already gone; the shutdown hook has nothing left to restore either
            }
            timing(options, t0, tTerminal, app == null ? 0 : app.firstPaintNanos());
        }
    }

    /**
     * With {@code SMITTY_WPAR_TIMING=file}, appends one line of start-up times in milliseconds
     * to that file: JVM start to {@code Tui.run}, terminal set up, first frame on the terminal.
     */
    private static void timing(TuiOptions options, long t0, long tTerminal, long tFrame) {
        String file = options.env().get("SMITTY_WPAR_TIMING");
        if (file == null || file.isEmpty()) {
            return;
        }
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        long toRun = System.currentTimeMillis() - (System.nanoTime() - t0) / 1_000_000 - jvmStart;
        String line = String.format("jvm->run %d ms, terminal +%d ms, first frame +%d ms%n", toRun,
                (tTerminal - t0) / 1_000_000, tFrame == 0 ? -1 : (tFrame - t0) / 1_000_000);
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of(file), line, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            // timing is a diagnostic; never fail the session for it
        }
    }
}
