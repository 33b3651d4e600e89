package smittywpar.cmd;

import java.util.List;

import smittywpar.wpar.Lifecycle;
import smittywpar.wpar.WparEngine;

/** stopwpar (and rebootwpar, which is stopwpar -r for system WPARs). */
final class StopwparCommand extends ParsedCommand<Getopt> {
    private final boolean reboot;

    StopwparCommand(boolean reboot) {
        this.reboot = reboot;
    }

    @Override
    Getopt parse(List<String> args) {
        String prog = reboot ? "rebootwpar" : "stopwpar";
        Getopt g = new Getopt(prog, reboot ? "hFt:Nv" : "hFrt:Nv", reboot ? "usage.rebootwpar" : "usage.stopwpar")
                .parse(args);
        if (g.operands().size() != 1) {
            throw g.usage();
        }
        if (g.has('h') && g.has('F') || g.has('t') && g.has('N')) {
            throw g.usage();
        }
        if (g.has('t')) {
            String t = g.value('t');
            if (!t.matches("[0-9]{1,9}") || Integer.parseInt(t) == 0) {
                throw g.usageError("stop.badtimeout", t);
            }
        }
        return g;
    }

    @Override
    int run(Invocation inv, Getopt g) {
        String prog = reboot ? "rebootwpar" : "stopwpar";
        int timeout = g.has('N') ? -1 : g.has('h') ? 60 : 600;
        if (g.has('t')) {
            timeout = Integer.parseInt(g.value('t'));
        }
        String name = g.operands().get(0);
        Lifecycle.StopOptions o = new Lifecycle.StopOptions(g.has('h'), g.has('F'), reboot || g.has('r'), timeout,
                g.has('v'));
        new WparEngine(prog, inv.console(), inv.env()).update(c -> {
            if (reboot && c.wpar(name).type == 'A') {
                throw smittywpar.msg.AixException.of("reboot.app", prog, name);
            }
            Lifecycle.stop(c, name, o);
            return null;
        });
        return 0;
    }
}
