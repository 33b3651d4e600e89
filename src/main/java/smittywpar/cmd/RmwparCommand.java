package smittywpar.cmd;

import smittywpar.wpar.Transaction;
import smittywpar.wpar.Lifecycle;

/** rmwpar: removes a workload partition (its file systems unless -p). */
final class RmwparCommand extends OneWparCommand {
    /** The flags, in {@link Getopt}'s syntax (also the option table of the man page and the completion). */
    static final String OPTIONS = "Fpsv";

    RmwparCommand() {
        super("rmwpar", OPTIONS);
    }

    @Override
    void act(Transaction c, String name, Getopt g) {
        Lifecycle.remove(c, name, g.has('s'), g.has('F'), g.has('p'), g.has('v'));
    }
}
