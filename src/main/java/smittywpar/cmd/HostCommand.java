package smittywpar.cmd;

import java.util.function.Function;

import smittywpar.wpar.Transaction;
import smittywpar.wpar.WparEngine;

/** Helpers shared by the host commands (lslpp, df, ifconfig, lspv, lsvg, hostname, oslevel). */
final class HostCommand {
    private HostCommand() {
    }

    static <T> T read(Invocation inv, String prog, Function<Transaction, T> fn) {
        return new WparEngine(prog, inv.console(), inv.env()).read(fn);
    }

    static <T> T update(Invocation inv, String prog, Function<Transaction, T> fn) {
        return new WparEngine(prog, inv.console(), inv.env()).update(fn);
    }
}
