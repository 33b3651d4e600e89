package smittywpar.cmd;

import smittywpar.wpar.Lifecycle;
import smittywpar.wpar.WparEngine;

/** startwpar: activates a Defined workload partition. */
final class StartwparCommand implements Command {
    @Override
    public int run(Invocation inv) {
        Getopt g = new Getopt("startwpar", "amv", "usage.startwpar").parse(inv.args());
        if (g.operands().size() != 1) {
            throw g.usage();
        }
        String name = g.operands().get(0);
        new WparEngine("startwpar", inv.console(), inv.env()).update(c -> {
            Lifecycle.start(c, name, g.has('m'), g.has('a'), g.has('v'));
            return null;
        });
        return 0;
    }
}
