package smittywpar.cmd;

/** oslevel [-r | -s]: the operating system level of the global environment. */
final class OslevelCommand implements Command {
    @Override
    public int run(Invocation inv) {
        Getopt g = new Getopt("oslevel", "rs", "usage.oslevel").parse(inv.args());
        if (!g.operands().isEmpty() || g.has('r') && g.has('s')) {
            throw g.usage();
        }
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
