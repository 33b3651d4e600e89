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
        String refusal = options.refusal(System.console() != null);
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
            term = new SmitTerminal(new FileInputStream(FileDescriptor.in),
                    new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 14), cs, options.env());
        } catch (IOException e) {
            err.println(Texts.get("ttyfail", e.getMessage()));
            return 1;
        }
        try {
            Controller controller;
            try {
                controller = loading.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Exception ex) {
                    throw ex;
                }
                throw (Error) cause;
            }
            Renderer renderer = new Renderer(options.glyphs(), options.theme());
            TuiApp.ShellRunner shell = options.shell().isEmpty() ? null : new Shell(options.shell(), options.shellEnv());
            new TuiApp(new TerminalScreen(term), term, controller, renderer, shell).run();
            return 0;
        } finally {
            term.close();
        }
    }
}
