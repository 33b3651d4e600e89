package smittywpar.tui;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import com.googlecode.lanterna.screen.TerminalScreen;

/**
 * Starts the full-screen session on the process's terminal. Checks first that there is a usable
 * terminal (a tty on standard input and output, a TERM that can address the screen) and says in
 * one line why not otherwise. Builds the controller on a second thread while the terminal is
 * being set up, so loading the menus and starting the terminal overlap.
 */
public final class Tui {
    private Tui() {
    }

    /**
     * Runs the session; returns the exit status (0 after F10/F3, 1 when there is no usable
     * terminal). Exceptions of the controller factory (for example a user-facing error about
     * the menus) are thrown after the terminal has been given back.
     */
    public static int run(Callable<? extends Controller> factory, TuiOptions options, PrintStream err)
            throws Exception {
        long t0 = System.nanoTime();
        boolean console = System.console() != null;
        String refusal = options.refusal(console);
        if (refusal != null) {
            err.println(refusal);
            return 1;
        }
        FutureTask<Controller> loading = new FutureTask<>(factory::call);
        Thread loader = new Thread(loading, "smitty-load");
        loader.setDaemon(true);
        loader.start();

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
        long tController = 0;
        try {
            Controller controller;
            try {
                controller = loading.get();
                tController = System.nanoTime();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Exception ex) {
                    throw ex;
                }
                throw (Error) cause;
            }
            Renderer renderer = new Renderer(options.glyphs(), options.theme());
            TuiApp.ShellRunner shell = options.shell().isEmpty() ? null : new Shell(options.shell(), options.shellEnv());
            app = new TuiApp(new TerminalScreen(term), term, controller, renderer, shell);
            app.run();
            return 0;
        } finally {
            term.close();
            timing(options, t0, tTerminal, tController, app == null ? 0 : app.firstPaintNanos());
        }
    }

    /**
     * With {@code SMITTY_WPAR_TIMING=file}, appends one line of start-up times in milliseconds
     * to that file: JVM start to {@code Tui.run}, terminal set up, controller ready, first frame.
     */
    private static void timing(TuiOptions options, long t0, long tTerminal, long tController, long tFrame) {
        String file = options.env().get("SMITTY_WPAR_TIMING");
        if (file == null || file.isEmpty()) {
            return;
        }
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        long toMain = System.currentTimeMillis() - (System.nanoTime() - t0) / 1_000_000 - jvmStart;
        String line = String.format("jvm->run %d ms, terminal +%d ms, controller +%d ms, first frame +%d ms%n", toMain,
                (tTerminal - t0) / 1_000_000, tController == 0 ? -1 : (tController - t0) / 1_000_000,
                tFrame == 0 ? -1 : (tFrame - t0) / 1_000_000);
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of(file), line, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            // timing is a diagnostic; never fail the session for it
        }
    }
}
