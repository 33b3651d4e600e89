package smittywpar.cmd;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import smittywpar.msg.AixException;
import smittywpar.msg.Messages;

/**
 * The registry of command objects, by name. The CLI (one launcher, many names) and the SMIT
 * layer (composed command lines) both run commands through {@link #run}. Command objects hold no
 * state of their own (a run parses its arguments into values of its own), so one object per name
 * serves every run.
 */
public final class Commands {
    /** Every command by name, in the order help texts list them. */
    private static final Map<String, Command> REGISTRY = new LinkedHashMap<>();

    static {
        REGISTRY.put("mkwpar", new MkwparCommand());
        REGISTRY.put("lswpar", new LswparCommand());
        REGISTRY.put("startwpar", new StartwparCommand());
        REGISTRY.put("stopwpar", new StopwparCommand(false));
        REGISTRY.put("rebootwpar", new StopwparCommand(true));
        REGISTRY.put("rmwpar", new RmwparCommand());
        REGISTRY.put("chwpar", new ChwparCommand());
        REGISTRY.put("lslpp", new LslppCommand());
        REGISTRY.put("df", new DfCommand());
        REGISTRY.put("ifconfig", new IfconfigCommand());
        REGISTRY.put("lsdev", new LsdevCommand());
        REGISTRY.put("lspv", new LspvCommand());
        REGISTRY.put("lsvg", new LsvgCommand());
        REGISTRY.put("hostname", new HostnameCommand());
        REGISTRY.put("oslevel", new OslevelCommand());
        REGISTRY.put("mount", new MountCommand(false));
        REGISTRY.put("umount", new MountCommand(true));
    }

    /** Every registered command name, in the order help texts list them. */
    public static final List<String> NAMES = List.copyOf(REGISTRY.keySet());

    private Commands() {
    }

    /** The command object called {@code name}, or null when there is none. */
    public static Command get(String name) {
        return REGISTRY.get(name);
    }

    public static boolean exists(String name) {
        return REGISTRY.containsKey(name);
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
        Command c = get(argv.get(0));
        if (c == null) {
            throw AixException.of("cmd.notfound", argv.get(0));
        }
        return c.check(argv.subList(1, argv.size()));
    }

    /**
     * The colon fields a command line ({@code argv.get(0)} is the command name) prints, without
     * running it: see {@link Command#columns}.
     *
     * @throws AixException when there is no such command or the line does not parse
     */
    public static List<String> columns(List<String> argv) {
        Command c = argv.isEmpty() ? null : get(argv.get(0));
        if (c == null) {
            throw AixException.of("cmd.notfound", argv.isEmpty() ? "" : argv.get(0));
        }
        return c.columns(argv.subList(1, argv.size()));
    }

    /**
     * Runs one command: AIX-style errors go to standard error with their exit status; nothing
     * escapes as a stack trace.
     */
    public static int run(Invocation inv) {
        Command c = get(inv.name());
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
