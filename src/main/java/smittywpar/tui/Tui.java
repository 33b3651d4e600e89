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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import com.googlecode.lanterna.screen.TerminalScreen;

/**
 * Starts the full-screen session on the process's terminal, or says in one line why there is no
 * usable terminal (no tty on standard input and output, a TERM that cannot address the screen).
 */
public final class Tui {
    private Tui() {
    }

    /** The F9 shell: {@code $SHELL}, else {@code /bin/sh}; none when {@code SMIT_SHELL=n}. */
    public static List<String> defaultShell(Map<String, String> env) {
        return Shell.defaultCommand(env);
    }

    /**
     * The terminal being taken over on a second thread (two {@code stty} runs, Lanterna's screen
     * classes), so that it overlaps with work the caller still has to do, such as loading the
     * menus. {@link #close()} gives it back when it is not used after all.
     */
    public static final class Setup implements AutoCloseable {
        private final FutureTask<TerminalScreen> task;
        private final long started = System.nanoTime();
        private volatile long ready;

        private Setup(TuiOptions options, boolean console) {
            task = new FutureTask<>(() -> {
                Charset cs = options.utf8() ? StandardCharsets.UTF_8 : Charset.defaultCharset();
                // smitty -f with redirected standard input or output: the screen is the controlling terminal
                boolean devTty = !console;
                SmitTerminal term = new SmitTerminal(
                        devTty ? new FileInputStream("/dev/tty") : new FileInputStream(FileDescriptor.in),
                        new BufferedOutputStream(devTty ? new FileOutputStream("/dev/tty")
                                : new FileOutputStream(FileDescriptor.out), 1 << 14), cs, options.env());
                TerminalScreen screen = new TerminalScreen(term);
                ready = System.nanoTime();
                return screen;
            });
        }

        private void startThread() {
            Thread t = new Thread(task, "smitty-terminal");
            t.setDaemon(true);
            t.start();
        }

        private TerminalScreen await() throws IOException {
            task.run(); // does nothing when the thread has run it or is running it
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while setting up the terminal", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IOException(String.valueOf(cause), cause);
            }
        }

        /** Gives the terminal back (when the screens are not shown after all). */
        @Override
        public void close() {
            try {
                await().getTerminal().close();
            } catch (IOException | RuntimeException e) {
                // it was never taken over, or is already gone
            }
        }
    }

    /**
     * Starts taking over the terminal on a second thread; null when the screens cannot be shown
     * here at all (then {@link #run} says why) or when standard input or output is redirected
     * (smitty {@code -f}: the terminal is opened later, when it is known that it is wanted).
     */
    public static Setup setUp(TuiOptions options) {
        boolean console = System.console() != null;
        if (!console || options.refusal(true) != null) {
            return null;
        }
        Setup s = new Setup(options, true);
        s.startThread();
        return s;
    }

    /** {@link #run(Controller, TuiOptions, PrintStream, Setup)} with the terminal taken over now. */
    public static int run(Controller controller, TuiOptions options, PrintStream err) {
        return run(controller, options, err, null);
    }

    /**
     * Runs the session until the controller ends it; returns the controller's exit status, or 1
     * when the terminal cannot be used (said in one line on {@code err}). The terminal is given
     * back on every way out.
     *
     * @param setup the terminal from {@link #setUp}, or null to take it over here
     */
    public static int run(Controller controller, TuiOptions options, PrintStream err, Setup setup) {
        long t0 = System.nanoTime();
        boolean console = System.console() != null;
        String refusal = options.refusal(console);
        if (refusal != null) {
            if (setup != null) {
                setup.close();
            }
            err.println(refusal);
            controller.close();
            return 1;
        }
        if (setup == null) {
            setup = new Setup(options, console);
        }
        TerminalScreen screen;
        try {
            screen = setup.await();
        } catch (IOException e) {
            err.println(Texts.get("ttyfail", e.getMessage()));
            controller.close();
            return 1;
        }
        SmitTerminal term = (SmitTerminal) screen.getTerminal();
        long tTerminal = System.nanoTime();
        TuiApp app = null;
        try {
            Renderer renderer = new Renderer(options.glyphs(), options.theme());
            TuiApp.ShellRunner shell = options.shell().isEmpty() ? null : new Shell(options.shell(), options.shellEnv());
            app = new TuiApp(screen, term, controller, renderer, shell);
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
            timing(options, t0, setup, tTerminal, app == null ? 0 : app.firstPaintNanos());
        }
    }

    /**
     * With {@code SMITTY_WPAR_TIMING=file}, appends one line of start-up times in milliseconds
     * to that file: JVM start to {@code Tui.run}, terminal ready, first frame on the terminal
     * (the last two counted from the start of {@code Tui.run}).
     */
    private static void timing(TuiOptions options, long t0, Setup setup, long tTerminal, long tFrame) {
        String file = options.env().get("SMITTY_WPAR_TIMING");
        if (file == null || file.isEmpty()) {
            return;
        }
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        long toRun = System.currentTimeMillis() - (System.nanoTime() - t0) / 1_000_000 - jvmStart;
        String line = String.format("jvm->run %d ms, terminal +%d ms, first frame +%d ms"
                + " (terminal set-up took %d ms, started %d ms before run)%n", toRun, (tTerminal - t0) / 1_000_000,
                tFrame == 0 ? -1 : (tFrame - t0) / 1_000_000, (setup.ready - setup.started) / 1_000_000,
                (t0 - setup.started) / 1_000_000);
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of(file), line, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            // timing is a diagnostic; never fail the session for it
        }
    }
}
