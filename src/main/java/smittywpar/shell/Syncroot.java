package smittywpar.shell;

import java.util.List;

import smittywpar.msg.Messages;

/**
 * {@code syncroot} until software synchronisation exists: the WPAR's root part is the one mkwpar
 * installed, so it is always in step with the shared {@code /usr} and the report says so (the
 * same lines mkwpar prints). Software synchronisation replaces it with
 * {@link Shell#register Shell.register("syncroot", ...)}.
 */
final class Syncroot {
    private Syncroot() {
    }

    static int run(Shell sh, List<String> args, Shell.Io io) {
        Flags f = Flags.parse("syncroot", "aiFrpvX", args, io);
        if (f == null) {
            return 2;
        }
        if (!f.operands.isEmpty()) {
            return Flags.usage("syncroot", io);
        }
        if (!sh.scope().root()) {
            io.err().println(Messages.get("syncroot.root"));
            return 1;
        }
        for (String key : new String[] {"mk.syncroot1", "mk.syncroot2", "mk.syncroot3", "mk.syncroot4",
            "mk.syncroot5"}) {
            io.out().println(Messages.get(key));
        }
        return 0;
    }
}
