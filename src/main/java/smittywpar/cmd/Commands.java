package smittywpar.cmd;

import java.util.List;

import smittywpar.msg.AixException;
import smittywpar.msg.Messages;

/**
 * The registry of command objects, by name. The CLI (one launcher, many names) and the SMIT
 * layer (composed command lines) both run commands through {@link #run}.
 */
public final class Commands {
    /** Every registered command name, in the order help texts list them. */
    public static final List<String> NAMES = List.of("mkwpar", "lswpar", "startwpar", "stopwpar", "rebootwpar",
            "rmwpar", "chwpar", "lslpp", "df", "ifconfig", "lsdev", "lspv", "lsvg", "hostname", "oslevel", "mount",
            "umount");

    private Commands() {
    }

    /** A new command object for {@code name}, or null when there is none. */
    public static Command create(String name) {
        return switch (name) {
            case "mkwpar" -> new MkwparCommand();
            case "lswpar" -> new LswparCommand();
            case "startwpar" -> new StartwparCommand();
            case "stopwpar" -> new StopwparCommand(false);
            case "rebootwpar" -> new StopwparCommand(true);
            case "rmwpar" -> new RmwparCommand();
            case "chwpar" -> new ChwparCommand();
            case "mount" -> new MountCommand(false);
            case "umount" -> new MountCommand(true);
            case "lslpp" -> new LslppCommand();
            case "df" -> new DfCommand();
            case "ifconfig" -> new IfconfigCommand();
            case "lsdev" -> new LsdevCommand();
            case "lspv" -> new LspvCommand();
            case "lsvg" -> new LsvgCommand();
            case "hostname" -> new HostnameCommand();
            case "oslevel" -> new OslevelCommand();
            default -> null;
        };
    }

    public static boolean exists(String name) {
        return NAMES.contains(name);
    }

    /**
     * Checks a command line ({@code argv.get(0)} is the command name) as the command would parse
     * it, without running it or touching any state.
     *
     * @return true when the line was checked and parses; false when the command offers no check
     * @throws AixException when there is no such command ({@code name: not found}) or the line does
     *         not parse (the command's own usage message)
     */
    public static boolean check(List<String> argv) {
        if (argv.isEmpty()) {
            throw AixException.of("cmd.notfound", "");
        }
        Command c = create(argv.get(0));
        if (c == null) {
            throw AixException.of("cmd.notfound", argv.get(0));
        }
        return c.check(argv.subList(1, argv.size()));
    }

    /**
     * Runs one command: AIX-style errors go to standard error with their exit status; nothing
     * escapes as a stack trace.
     */
    public static int run(Invocation inv) {
        Command c = create(inv.name());
        if (c == null) {
            inv.err().println(Messages.get("cmd.notfound", inv.name()));
            return 127;
        }
        try {
            return c.run(inv);
        } catch (AixException e) {
            inv.out().flush();
            inv.err().println(e.getMessage());
            return e.exitCode();
        } finally {
            inv.out().flush();
            inv.err().flush();
        }
    }
}
