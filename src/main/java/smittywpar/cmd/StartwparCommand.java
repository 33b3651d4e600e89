package smittywpar.cmd;

import java.util.List;

import smittywpar.wpar.Lifecycle;
import smittywpar.wpar.WparEngine;

/** startwpar: activates a Defined workload partition. */
final class StartwparCommand extends ParsedCommand<Getopt> {
    @Override
    Getopt parse(List<String> args) {
        Getopt g = new Getopt("startwpar", "amv", "usage.startwpar").parse(args);
        if (g.operands().size() != 1) {
            throw g.usage();
        }
        return g;
    }

    @Override
    int run(Invocation inv, Getopt g) {
        String name = g.operands().get(0);
        new WparEngine("startwpar", inv.console(), inv.env()).update(c -> {
            Lifecycle.start(c, name, g.has('m'), g.has('a'), g.has('v'));
            return null;
        });
        return 0;
    }
}
