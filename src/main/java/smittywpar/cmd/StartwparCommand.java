package smittywpar.cmd;

import smittywpar.wpar.Ctx;
import smittywpar.wpar.Lifecycle;

/** startwpar: activates a Defined workload partition. */
final class StartwparCommand extends OneWparCommand {
    StartwparCommand() {
        super("startwpar", "amv");
    }

    @Override
    void act(Ctx c, String name, Getopt g) {
        Lifecycle.start(c, name, g.has('m'), g.has('a'), g.has('v'));
    }
}
