package smittywpar.cmd;

import java.util.List;

import smittywpar.msg.AixException;
import smittywpar.wpar.Software;
import smittywpar.wpar.Wpar;

/**
 * syncroot [[-a] [-i] | [-F] [-r]] [-p] [-v] [-X]: brings the root part of the software in line
 * with the usr part it shares; root only. Inside a shared system WPAR it applies the root parts
 * the global environment's installp moved on since; in the global environment, an application
 * WPAR and a detached WPAR the two parts are already together.
 */
final class SyncrootCommand extends ParsedCommand<Software.Options> {
    /** The flags, in {@link Getopt}'s syntax (also the option table of the man page and the completion). */
    static final String OPTIONS = "aiFrpvX";

    static final String PROG = "syncroot";

    @Override
    Software.Options parse(List<String> args) {
        Getopt g = new Getopt(PROG, OPTIONS, "usage.syncroot").parse(args);
        if (!g.operands().isEmpty()) {
            throw g.usage();
        }
        return SyncwparCommand.options(g);
    }

    @Override
    int run(Invocation inv, Software.Options o) {
        if (!inv.scope().root()) {
            throw AixException.of("syncroot.root");
        }
        String name = inv.scope().wpar();
        HostCommand.update(inv, PROG, c -> {
            Wpar w = name == null ? null : c.wpar(name);
            boolean own = w != null && Software.synchronizable(w);
            String before = own ? w.get(smittywpar.wpar.Attribute.SOFTWARE) : null;
            Software.syncroot(c.con, own ? w : null, c.host(), o);
            if (own && !o.preview() && !java.util.Objects.equals(before, w.get(smittywpar.wpar.Attribute.SOFTWARE))) {
                c.save(w);
            }
            return null;
        });
        return 0;
    }
}
