package smittywpar.cmd;

import smittywpar.msg.AixException;
import smittywpar.wpar.Transaction;
import smittywpar.wpar.Lifecycle;

/** stopwpar (and rebootwpar, which is stopwpar -r for system WPARs). */
final class StopwparCommand extends OneWparCommand {
    /** The flags of stopwpar, in {@link Getopt}'s syntax (also the option table of the man page and the completion). */
    static final String OPTIONS = "hFrt:Nv";
    /** The flags of rebootwpar. */
    static final String REBOOT_OPTIONS = "hFt:Nv";
    private final boolean reboot;

    StopwparCommand(boolean reboot) {
        super(reboot ? "rebootwpar" : "stopwpar", reboot ? REBOOT_OPTIONS : OPTIONS);
        this.reboot = reboot;
    }

    @Override
    void check(Getopt g) {
        if (g.has('h') && g.has('F') || g.has('t') && g.has('N')) {
            throw g.usage();
        }
        if (g.has('t')) {
            String t = g.value('t');
            if (!t.matches("[0-9]{1,9}") || Integer.parseInt(t) == 0) {
                throw g.usageError("stop.badtimeout", t);
            }
        }
    }

    @Override
    void act(Transaction c, String name, Getopt g) {
        int timeout = g.has('N') ? -1 : g.has('h') ? 60 : 600;
        if (g.has('t')) {
            timeout = Integer.parseInt(g.value('t'));
        }
        if (reboot && c.wpar(name).type == 'A') {
            throw AixException.of("reboot.app", prog, name);
        }
        Lifecycle.stop(c, name, new Lifecycle.StopOptions(g.has('h'), g.has('F'), reboot || g.has('r'), timeout,
                g.has('v')));
    }
}
