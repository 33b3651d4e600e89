package smittywpar.cmd;

import java.util.List;

/**
 * aixsh [-c CommandLine]: the root shell of the simulated global environment (prompt
 * {@code HOST DIR # }), the same shell as clogin's with the global view: the host's files, the
 * WPARs' files under their base directories, and every AIX command of the project. Not an AIX
 * command: it stands for the terminal a user would have on the AIX host.
 */
final class AixshCommand extends ParsedCommand<Getopt> {
    /** The flags, in {@link Getopt}'s syntax (also the option table of the man page and the completion). */
    static final String OPTIONS = "c:";

    @Override
    Getopt parse(List<String> args) {
        Getopt g = new Getopt("aixsh", OPTIONS, "usage.aixsh").parse(args);
        if (!g.operands().isEmpty()) {
            throw g.usage();
        }
        return g;
    }

    @Override
    int run(Invocation inv, Getopt g) {
        return ShellSessions.run(inv, "aixsh", null, "root", g.value('c'));
    }
}
