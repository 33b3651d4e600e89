package smittywpar.cmd;

import smittywpar.wpar.Lifecycle;
import smittywpar.wpar.WparEngine;

/** rmwpar: removes a workload partition (its file systems unless -p). */
final class RmwparCommand implements Command {
    @Override
    public int run(Invocation inv) {
        Getopt g = new Getopt("rmwpar", "Fpsv", "usage.rmwpar").parse(inv.args());
        if (g.operands().size() != 1) {
            throw g.usage();
        }
        String name = g.operands().get(0);
        new WparEngine("rmwpar", inv.console(), inv.env()).update(c -> {
            Lifecycle.remove(c, name, g.has('s'), g.has('F'), g.has('p'), g.has('v'));
            return null;
        });
        return 0;
    }
}
