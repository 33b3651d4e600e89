package smittywpar.cmd;

import smittywpar.wpar.Transaction;
import smittywpar.wpar.Lifecycle;

/** startwpar: activates a Defined workload partition. */
final class StartwparCommand extends OneWparCommand {
    StartwparCommand() {
        super("startwpar", "amv");
    }

    @Override
    void act(Transaction c, String name, Getopt g) {
        Lifecycle.start(c, name, g.has('m'), g.has('a'), g.has('v'));
    }
}
