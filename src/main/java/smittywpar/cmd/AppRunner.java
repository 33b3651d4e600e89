package smittywpar.cmd;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import smittywpar.host.AixPath;
import smittywpar.shell.Shell;
import smittywpar.wpar.Applications;
import smittywpar.wpar.Processes;
import smittywpar.wpar.Scope;
import smittywpar.wpar.Vfs;
import smittywpar.wpar.WparEngine;

/**
 * What an application WPAR's tracked command does once its WPAR is Active. A command the
 * simulated shell knows ({@code /usr/bin/echo}, {@code /usr/bin/ls}, {@code /usr/bin/hostname},
 * {@code /usr/bin/sleep N}, {@code /usr/bin/ksh}, a script ...) runs in the WPAR, as root in
 * {@code /}, with the command's own input and output; when it ends the WPAR is shut down and
 * removed, and wparexec exits with its status. Any other program stands for a long-running
 * application: the WPAR stays Active until stopwpar ends it, and wparexec waits for that as AIX's
 * waits for the tracked process (unless it runs in the background, see
 * {@link Commands#runInBackground}); a wparexec interrupted while it waits leaves the application
 * running.
 *
 * <p>wparexec runs all this in one {@link WparEngine#joint joint} transaction: the WPAR made
 * Transitional, Active, its command run and the WPAR removed are written once, together, and a
 * process killed at any moment leaves no WPAR behind. Before anything waits (a long-running
 * application, {@code sleep}, the command reading its input) the joint
 * {@link WparEngine#settle settles}: the WPAR is written Active, other commands see it, and the
 * rest is transactions of their own, as when the application runs for long.
 */
final class AppRunner {
    /** How often a waiting wparexec looks whether its application still runs. */
    private static final long POLL_MS = 500;
    /**
     * The status of a wparexec whose application stopwpar ended: as ksh reports a process ended by
     * SIGTERM [D].
     */
    static final int ENDED_BY_STOP = 143;
    /** The status of a wparexec interrupted while it waits, as ksh reports one ended by SIGINT [D]. */
    static final int INTERRUPTED = 130;

    private AppRunner() {
    }

    /** wparexec after its first step: loads the Transitional WPAR {@code name} and runs its application. */
    static int run(Invocation inv, WparEngine engine, String name, boolean verbose) {
        Applications.Running app = engine.update(c -> Applications.load(c, name, verbose));
        // (looked up before what it printed shows: a Ctrl-C at the sight of it must not
        // interrupt a read of the state, which would close the state files)
        boolean known = knows(engine, app);
        if (!known) {
            // an application that goes on running: the WPAR is written Active now (also before
            // what it printed shows, for the same reason)
            WparEngine.settle();
        }
        // what it printed shows now, before the application runs (and maybe goes on running)
        inv.out().flush();
        inv.err().flush();
        if (known) {
            return track(inv, engine, app, verbose);
        }
        if (Commands.inBackground()) {
            return 0;
        }
        try {
            while (stillRuns(engine, app)) {
                Thread.sleep(POLL_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return INTERRUPTED;
        }
        return ENDED_BY_STOP;
    }

    /** True while the tracked process runs; an interrupt while it looks ends the wait as one while it sleeps. */
    private static boolean stillRuns(WparEngine engine, Applications.Running app) throws InterruptedException {
        try {
            return engine.read(c -> Processes.running(c, app.name(), app.pid()));
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            throw e;
        }
    }

    /**
     * startwpar of application WPAR {@code name} has made it Active: a tracked command the shell
     * knows runs now (its output is startwpar's) and ends the WPAR; a long-running application is
     * left running.
     */
    static void afterStart(Invocation inv, WparEngine engine, String name, boolean verbose) {
        Applications.Running app = engine.read(c -> Applications.running(c, name));
        if (app != null && knows(engine, app)) {
            track(inv, engine, app, verbose);
        }
    }

    /** {@code in}, settling the joint before the first read (which may wait for a terminal). */
    private static InputStream settling(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                WparEngine.settle();
                return super.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                WparEngine.settle();
                return super.read(b, off, len);
            }

            @Override
            public long skip(long n) throws IOException {
                WparEngine.settle();
                return super.skip(n);
            }
        };
    }

    private static boolean knows(WparEngine engine, Applications.Running app) {
        String path = AixPath.resolve("/", app.program());
        return engine.read(c -> Shell.runnable(Vfs.global(c), path, new ShellSessions.Registry())) == Boolean.TRUE;
    }

    /** Runs the tracked command in the WPAR, then ends the WPAR (unless stopwpar did); returns its status. */
    private static int track(Invocation inv, WparEngine engine, Applications.Running app, boolean verbose) {
        String tty = inv.env().getOrDefault(ShellSessions.ENV_TTY, "");
        boolean interactive = tty.equals("1") || tty.equals("echo");
        Shell sh = new Shell(new Scope(app.name(), "root", "/", 0), "/", new ShellSessions.Registry(), inv.env(),
                inv.console(), interactive, tty.equals("echo"));
        String line = app.environment().isEmpty() ? app.application() : app.environment() + " " + app.application();
        int rc = sh.run(line, settling(inv.in()), inv.out(), inv.err());
        engine.update(c -> Applications.finish(c, app, verbose));
        return rc;
    }
}
