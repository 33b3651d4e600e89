package smittywpar.cmd;

import java.util.List;

import smittywpar.wpar.Transaction;
import smittywpar.wpar.WparEngine;

/**
 * A command that takes flags and exactly one workload partition name and acts on that WPAR in
 * one update transaction: startwpar, stopwpar, rebootwpar, rmwpar.
 */
abstract class OneWparCommand extends ParsedCommand<Getopt> {
    final String prog;
    private final String optstring;

    /** @param optstring the flags, in {@link Getopt}'s syntax; the usage text is {@code usage.PROG} */
    OneWparCommand(String prog, String optstring) {
        this.prog = prog;
        this.optstring = optstring;
    }

    @Override
    final Getopt parse(List<String> args) {
        Getopt g = new Getopt(prog, optstring, "usage." + prog).parse(args);
        if (g.operands().size() != 1) {
            throw g.usage();
        }
        check(g);
        return g;
    }

    /** Further checks of the flags (combinations, flag arguments); none by default. */
    void check(Getopt g) {
    }

    @Override
    final int run(Invocation inv, Getopt g) {
        String name = g.operands().get(0);
        WparEngine engine = new WparEngine(prog, inv.console(), inv.env());
        engine.update(c -> {
            act(c, name, g);
            return null;
        });
        after(inv, engine, name, g);
        return 0;
    }

    /** What the command does once its transaction is done (startwpar: an application's command runs); nothing by default. */
    void after(Invocation inv, WparEngine engine, String name, Getopt g) {
    }

    /** What the command does to WPAR {@code name}, inside the transaction. */
    abstract void act(Transaction c, String name, Getopt g);
}
