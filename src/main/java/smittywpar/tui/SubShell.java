package smittywpar.tui;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/** The F9 sub-shell: the user's shell on the user's terminal, with the session's environment. */
final class SubShell implements TuiApp.ShellRunner {
    private final List<String> command;
    private final Map<String, String> env;

    SubShell(List<String> command, Map<String, String> env) {
        this.command = List.copyOf(command);
        this.env = Map.copyOf(env);
    }

    /**
     * The shell F9 starts: {@code $SHELL}, else {@code /bin/sh}; none when {@code SMIT_SHELL=n}
     * (SMIT's switch to disable F9).
     */
    static List<String> defaultCommand(Map<String, String> env) {
        String off = env.get("SMIT_SHELL");
        if (off != null && (off.equalsIgnoreCase("n") || off.equalsIgnoreCase("no"))) {
            return List.of();
        }
        String sh = env.get("SHELL");
        return List.of(sh == null || sh.isBlank() ? "/bin/sh" : sh);
    }

    /**
     * Runs the shell and waits for it. Interrupt and quit signals are ignored by this process
     * meanwhile: Ctrl-C typed at the shell is for the shell's jobs, not for smitty behind it.
     */
    @Override
    public void run() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        pb.environment().putAll(env);
        // the launcher's terminal hand-over is for this JVM, not for what the shell starts
        pb.environment().keySet().removeIf(k -> k.startsWith("SMITTY_WPAR_TTY_"));
        // Started before the signals are ignored here: ignored signals are inherited, and the
        // shell's own commands must still stop on Ctrl-C.
        Process p = pb.start();
        SignalHandler oldInt = ignore("INT");
        SignalHandler oldQuit = ignore("QUIT");
        try {
            boolean interrupted = false;
            while (true) {
                try {
                    p.waitFor();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        } finally {
            restore("INT", oldInt);
            restore("QUIT", oldQuit);
        }
    }

    private static SignalHandler ignore(String name) {
        try {
            return Signal.handle(new Signal(name), SignalHandler.SIG_IGN);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void restore(String name, SignalHandler old) {
        if (old != null) {
            try {
                Signal.handle(new Signal(name), old);
            } catch (IllegalArgumentException e) {
                // not restorable here; nothing more to do
            }
        }
    }
}
