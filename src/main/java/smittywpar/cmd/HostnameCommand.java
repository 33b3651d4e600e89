package smittywpar.cmd;

import java.util.List;

import smittywpar.host.HostNames;
import smittywpar.msg.AixException;
import smittywpar.wpar.Names;

/** hostname [newname]: prints (or, as root does, sets) the global host name; inside a WPAR, the WPAR's. */
final class HostnameCommand extends ParsedCommand<Getopt> {
    /** The flags, in {@link Getopt}'s syntax (also the option table of the man page and the completion). */
    static final String OPTIONS = "s";

    @Override
    Getopt parse(List<String> args) {
        Getopt g = new Getopt("hostname", OPTIONS, "usage.hostname").parse(args);
        if (g.operands().size() > 1) {
            throw g.usage();
        }
        return g;
    }

    @Override
    int run(Invocation inv, Getopt g) {
        if (g.operands().isEmpty()) {
            String name = HostCommand.read(inv, "hostname", c -> inv.wpar() == null ? c.host().hostname
                    : c.entry(inv.wpar()).hostname());
            inv.out().println(g.has('s') && name.contains(".") ? name.substring(0, name.indexOf('.')) : name);
            return 0;
        }
        String name = g.operands().get(0);
        if (inv.wpar() != null) {
            throw AixException.of("hostname.inwpar");
        }
        if (!HostNames.valid(name)) {
            throw AixException.of("host.bad", "hostname", Names.printable(name));
        }
        HostCommand.update(inv, "hostname", c -> {
            c.hostForUpdate().hostname = name;
            return null;
        });
        return 0;
    }
}
