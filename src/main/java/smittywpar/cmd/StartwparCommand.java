package smittywpar.cmd;

import smittywpar.wpar.Transaction;
import smittywpar.wpar.Lifecycle;
import smittywpar.wpar.WparEngine;

/** startwpar: activates a Defined workload partition. */
final class StartwparCommand extends OneWparCommand {
    /** The flags, in {@link Getopt}'s syntax (also the option table of the man page and the completion). */
    static final String OPTIONS = "amv";
    /** The WPAR started is an application WPAR (its command may run now). */
    private boolean application;

    StartwparCommand() {
        super("startwpar", OPTIONS);
    }

    @Override
    void act(Transaction c, String name, Getopt g) {
        Lifecycle.start(c, name, g.has('m'), g.has('a'), g.has('v'));
        application = c.entry(name).type() == 'A';
    }

    @Override
    void after(Invocation inv, WparEngine engine, String name, Getopt g) {
        if (application) {
            AppRunner.afterStart(inv, engine, name, g.has('v'));
        }
    }
}
