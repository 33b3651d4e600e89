package smittywpar.cmd;

import smittywpar.wpar.Transaction;
import smittywpar.wpar.Lifecycle;

/** rmwpar: removes a workload partition (its file systems unless -p). */
final class RmwparCommand extends OneWparCommand {
    RmwparCommand() {
        super("rmwpar", "Fpsv");
    }

    @Override
    void act(Transaction c, String name, Getopt g) {
        Lifecycle.remove(c, name, g.has('s'), g.has('F'), g.has('p'), g.has('v'));
    }
}
