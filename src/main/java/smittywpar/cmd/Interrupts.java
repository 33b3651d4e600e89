package smittywpar.cmd;

import java.io.PrintStream;

import smittywpar.shell.Shell;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C in an interactive session: at the prompt, as in ksh, the line typed is dropped (the
 * terminal does that) and a new prompt is shown; while a command runs, the command is
 * interrupted (a waiting wparexec stops waiting, sleep ends); the session goes on.
 */
final class Interrupts {
    private final SignalHandler previous;

    private Interrupts(SignalHandler previous) {
        this.previous = previous;
    }

    static Interrupts install(Shell sh, PrintStream err) {
        try {
            SignalHandler old = Signal.handle(new Signal("INT"), sig -> {
                // a command that waits (wparexec for its application, sleep) is interrupted
                err.print(sh.interrupt() ? "\n" : "\n" + sh.lastPrompt());
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
