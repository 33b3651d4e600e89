package smittywpar.cmd;

import java.util.List;

import smittywpar.wpar.Lifecycle;
import smittywpar.wpar.WparEngine;

/** startwpar: activates a Defined workload partition. */
final class StartwparCommand implements Command {
    static Getopt parse(List<String> args) {
        Getopt g = new Getopt("startwpar", "amv", "usage.startwpar").parse(args);
        if (g.operands().size() != 1) {
            throw g.usage();
        }
        return g;
    }

    @Override
    public boolean check(List<String> args) {
        parse(args);
        return true;
    }

    @Override
    public int run(Invocation inv) {
        Getopt g = parse(inv.args());
        String name = g.operands().get(0);
        new WparEngine("startwpar", inv.console(), inv.env()).update(c -> {
            Lifecycle.start(c, name, g.has('m'), g.has('a'), g.has('v'));
            return null;
        });
        return 0;
    }
}
