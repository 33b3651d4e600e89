package smittywpar.cmd;

import java.util.List;

import smittywpar.wpar.Lifecycle;
import smittywpar.wpar.WparEngine;

/** rmwpar: removes a workload partition (its file systems unless -p). */
final class RmwparCommand extends ParsedCommand<Getopt> {
    @Override
    Getopt parse(List<String> args) {
        Getopt g = new Getopt("rmwpar", "Fpsv", "usage.rmwpar").parse(args);
        if (g.operands().size() != 1) {
            throw g.usage();
        }
        return g;
    }

    @Override
    int run(Invocation inv, Getopt g) {
        String name = g.operands().get(0);
        new WparEngine("rmwpar", inv.console(), inv.env()).update(c -> {
            Lifecycle.remove(c, name, g.has('s'), g.has('F'), g.has('p'), g.has('v'));
            return null;
        });
        return 0;
    }
}
