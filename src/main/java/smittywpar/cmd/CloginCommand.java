package smittywpar.cmd;

import java.util.List;

import smittywpar.msg.AixException;

/**
 * clogin WparName [-l User] [Command [Args]]: a session (or one command) inside a running system
 * WPAR, as root unless -l names another user of the WPAR. The WPAR's name comes first, as on AIX;
 * the command and its arguments are joined into one line for the WPAR's login shell.
 */
final class CloginCommand extends ParsedCommand<CloginCommand.Args> {
    /** The flags, in {@link Getopt}'s syntax (also the option table of the man page and the completion). */
    static final String OPTIONS = "l:";
    static final String PROG = "clogin";

    record Args(String wpar, String user, String command) {
    }

    @Override
    Args parse(List<String> args) {
        if (args.isEmpty() || args.get(0).startsWith("-")) {
            throw new AixException(smittywpar.msg.Messages.get("usage.clogin"), 1, true);
        }
        String name = args.get(0);
        int i = 1;
        String user = "root";
        if (i < args.size() && args.get(i).equals("-l")) {
            if (i + 1 >= args.size()) {
                throw new Getopt(PROG, OPTIONS, "usage.clogin").usageError("getopt.needarg", "l");
            }
            user = args.get(i + 1);
            i += 2;
        } else if (i < args.size() && args.get(i).startsWith("-l") && args.get(i).length() > 2) {
            user = args.get(i).substring(2);
            i++;
        }
        if (i < args.size() && args.get(i).equals("--")) {
            i++;
        }
        String command = i < args.size() ? String.join(" ", args.subList(i, args.size())) : null;
        return new Args(name, user, command);
    }

    @Override
    int run(Invocation inv, Args a) {
        return ShellSessions.run(inv, PROG, a.wpar(), a.user(), a.command());
    }
}
