package smittywpar.cmd;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import smittywpar.shell.Login;
import smittywpar.shell.Shell;
import smittywpar.wpar.Scope;
import smittywpar.wpar.WparEngine;

/**
 * Runs the simulated shell for {@code clogin} and {@code aixsh}: logs in, shows the greeting,
 * then runs one command line or reads lines until the session ends. The shell runs the project's
 * AIX commands through this registry, in its own scope.
 *
 * <p>A session is interactive (prompts, the motd, history) when its input is a terminal: the
 * launcher says so with {@code SMITTY_WPAR_TTY=1}. {@code SMITTY_WPAR_TTY=echo} is a terminal
 * that is not one (for tests and demonstrations): prompts, and each line read shown after its
 * prompt as a terminal would echo it.
 */
final class ShellSessions {
    static final String ENV_TTY = "SMITTY_WPAR_TTY";

    private ShellSessions() {
    }

    /** The registry as the shell sees it: every AIX command of the project, run in the shell's scope. */
    static final class Registry implements Shell.Commands {
        @Override
        public boolean has(String name) {
            return Commands.exists(name) && !name.equals("aixsh");
        }

        @Override
        public int run(String name, List<String> args, InputStream in, PrintStream out, PrintStream err,
                Scope scope, Map<String, String> env) {
            return Commands.run(new Invocation(name, args, in, out, err, env, Path.of(""), scope));
        }
    }

    /**
     * Logs {@code user} in to {@code wpar} (null: the global environment) and runs
     * {@code command} (null: a session reading the input).
     */
    static int run(Invocation inv, String prog, String wpar, String user, String command) {
        String tty = inv.env().getOrDefault(ENV_TTY, "");
        boolean interactive = command == null && (tty.equals("1") || tty.equals("echo"));
        boolean echo = tty.equals("echo");
        WparEngine engine = new WparEngine(prog, inv.console(), inv.env());
        Login.Session s = Login.open(engine, prog, wpar, user, interactive, ProcessHandle.current().pid());
        Shell sh = new Shell(s.scope(), s.home(), new Registry(), inv.env(), inv.console(), interactive, echo);
        if (command != null) {
            return sh.run(command, inv.in(), inv.out(), inv.err());
        }
        if (wpar != null) {
            // a login to a WPAR shows its motd (aixsh stands for a terminal already logged in)
            for (String line : s.greeting()) {
                inv.out().println(line);
            }
        }
        Interrupts guard = interactive && !echo ? Interrupts.install(sh, inv.err()) : null;
        try {
            return sh.session(inv.in(), inv.out(), inv.err(), () -> Login.alive(engine, s));
        } finally {
            if (guard != null) {
                guard.restore();
            }
            Login.close(engine, s);
        }
    }
}
