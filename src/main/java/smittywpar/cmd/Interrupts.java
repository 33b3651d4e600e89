package smittywpar.cmd;

import java.io.PrintStream;

import smittywpar.shell.Shell;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C at an interactive session's prompt: as in ksh, the line typed is dropped (the terminal
 * does that) and a new prompt is shown; the session goes on.
 */
final class Interrupts {
    private final SignalHandler previous;

    private Interrupts(SignalHandler previous) {
        this.previous = previous;
    }

    static Interrupts install(Shell sh, PrintStream err) {
        try {
            SignalHandler old = Signal.handle(new Signal("INT"), sig -> {
                err.print("\n" + sh.lastPrompt());
                err.flush();
            });
            return new Interrupts(old);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    void restore() {
        try {
            Signal.handle(new Signal("INT"), previous);
        } catch (IllegalArgumentException e) {
            // nothing more to do
        }
    }
}
