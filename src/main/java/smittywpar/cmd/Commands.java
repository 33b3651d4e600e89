package smittywpar.cmd;

import java.util.List;

import smittywpar.msg.AixException;

/**
 * The registry of command objects, by name. The CLI (one launcher, many names) and the SMIT
 * layer (composed command lines) both run commands through {@link #run}.
 */
public final class Commands {
    /** Every registered command name, in the order help texts list them. */
    public static final List<String> NAMES = List.of("mkwpar", "lswpar", "startwpar", "stopwpar", "rebootwpar",
            "rmwpar", "chwpar", "lslpp", "df", "ifconfig", "lspv", "lsvg", "hostname", "oslevel", "mount", "umount");

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
     * Runs one command: AIX-style errors go to standard error with their exit status; nothing
     * escapes as a stack trace.
     */
    public static int run(Invocation inv) {
        Command c = create(inv.name());
        if (c == null) {
            inv.err().println(inv.name() + ": not found");
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
