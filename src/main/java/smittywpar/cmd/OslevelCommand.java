package smittywpar.cmd;

import java.util.List;

/** oslevel [-r | -s]: the operating system level (a system WPAR shares the global one's). */
final class OslevelCommand extends ParsedCommand<Getopt> {
    /** The flags, in {@link Getopt}'s syntax (also the option table of the man page and the completion). */
    static final String OPTIONS = "rs";

    @Override
    Getopt parse(List<String> args) {
        Getopt g = new Getopt("oslevel", OPTIONS, "usage.oslevel").parse(args);
        if (!g.operands().isEmpty() || g.has('r') && g.has('s')) {
            throw g.usage();
        }
        return g;
    }

    @Override
    int run(Invocation inv, Getopt g) {
        String[] levels = HostCommand.read(inv, "oslevel", c -> new String[] {c.host().oslevel, c.host().oslevelS});
        if (g.has('s')) {
            inv.out().println(levels[1]);
        } else if (g.has('r')) {
            inv.out().println(levels[1].length() >= 7 ? levels[1].substring(0, 7) : levels[1]);
        } else {
            inv.out().println(levels[0]);
        }
        return 0;
    }
}
