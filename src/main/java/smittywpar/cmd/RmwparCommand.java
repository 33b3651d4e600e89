package smittywpar.cmd;

import java.util.List;

import smittywpar.wpar.Lifecycle;
import smittywpar.wpar.WparEngine;

/** rmwpar: removes a workload partition (its file systems unless -p). */
final class RmwparCommand implements Command {
    static Getopt parse(List<String> args) {
        Getopt g = new Getopt("rmwpar", "Fpsv", "usage.rmwpar").parse(args);
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
        new WparEngine("rmwpar", inv.console(), inv.env()).update(c -> {
            Lifecycle.remove(c, name, g.has('s'), g.has('F'), g.has('p'), g.has('v'));
            return null;
        });
        return 0;
    }
}
