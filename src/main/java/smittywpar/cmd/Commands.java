package smittywpar.cmd;

import java.util.ArrayList;
import java.util.List;

import smittywpar.msg.AixException;
import smittywpar.msg.Messages;

/**
 * The registry of commands, by name. The CLI (one launcher, many names) and the SMIT layer
 * (composed command lines) both run commands through {@link #run}.
 */
public final class Commands {
    /**
     * Every command, in the order help texts list them: its name and the command object it makes
     * when asked (only then are the command's classes loaded, so that each run of the CLI loads
     * its own command only).
     */
    private enum Entry {
        MKWPAR("mkwpar", true), LSWPAR("lswpar", true), STARTWPAR("startwpar", true), STOPWPAR("stopwpar", true),
        REBOOTWPAR("rebootwpar", true), RMWPAR("rmwpar", true), CHWPAR("chwpar", true), LSLPP("lslpp"), DF("df"),
        IFCONFIG("ifconfig"), LSDEV("lsdev"), LSPV("lspv", true), LSVG("lsvg", true), HOSTNAME("hostname"),
        OSLEVEL("oslevel"), MOUNT("mount", true), UMOUNT("umount", true), PS("ps"), CLOGIN("clogin", true),
        AIXSH("aixsh"), LSSRC("lssrc"), STARTSRC("startsrc"), STOPSRC("stopsrc"), REFRESH("refresh"),
        MKSSYS("mkssys"), RMSSYS("rmssys"), CHSSYS("chssys"),
        SYNCWPAR("syncwpar", true), SYNCROOT("syncroot"), INSTALLP("installp", true),
        WPAREXEC("wparexec", true);

        final String command;
        /** Only the global environment may run it (inside a WPAR it is refused). */
        final boolean globalOnly;

        Entry(String command) {
            this(command, false);
        }

        Entry(String command, boolean globalOnly) {
            this.command = command;
            this.globalOnly = globalOnly;
        }

        Command create() {
            return switch (this) {
                case MKWPAR -> new MkwparCommand();
                case LSWPAR -> new LswparCommand();
                case STARTWPAR -> new StartwparCommand();
                case STOPWPAR -> new StopwparCommand(false);
                case REBOOTWPAR -> new StopwparCommand(true);
                case RMWPAR -> new RmwparCommand();
                case CHWPAR -> new ChwparCommand();
                case LSLPP -> new LslppCommand();
                case DF -> new DfCommand();
                case IFCONFIG -> new IfconfigCommand();
                case LSDEV -> new LsdevCommand();
                case LSPV -> new LspvCommand();
                case LSVG -> new LsvgCommand();
                case HOSTNAME -> new HostnameCommand();
                case OSLEVEL -> new OslevelCommand();
                case MOUNT -> new MountCommand(false);
                case UMOUNT -> new MountCommand(true);
                case PS -> new PsCommand();
                case CLOGIN -> new CloginCommand();
                case AIXSH -> new AixshCommand();
                case LSSRC -> new LssrcCommand();
                case STARTSRC -> new SrcControlCommand(SrcControlCommand.Kind.START);
                case STOPSRC -> new SrcControlCommand(SrcControlCommand.Kind.STOP);
                case REFRESH -> new SrcControlCommand(SrcControlCommand.Kind.REFRESH);
                case MKSSYS -> new MkssysCommand(MkssysCommand.Kind.MK);
                case RMSSYS -> new MkssysCommand(MkssysCommand.Kind.RM);
                case CHSSYS -> new MkssysCommand(MkssysCommand.Kind.CH);
                case SYNCWPAR -> new SyncwparCommand();
                case SYNCROOT -> new SyncrootCommand();
                case INSTALLP -> new InstallpCommand();
                case WPAREXEC -> new WparexecCommand();
            };
        }

        static Entry of(String name) {
            for (Entry e : values()) {
                if (e.command.equals(name)) {
                    return e;
                }
            }
            return null;
        }
    }

    /** Every registered command name, in the order help texts list them. */
    public static final List<String> NAMES = names();

    private Commands() {
    }

    private static List<String> names() {
        List<String> out = new ArrayList<>();
        for (Entry e : Entry.values()) {
            out.add(e.command);
        }
        return List.copyOf(out);
    }

    /** A new command object for {@code name}, or null when there is none. */
    public static Command get(String name) {
        Entry e = Entry.of(name);
        return e == null ? null : e.create();
    }

    public static boolean exists(String name) {
        return Entry.of(name) != null;
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

    /** True on a thread running a command in the background (see {@link #runInBackground}). */
    private static final ThreadLocal<Boolean> BACKGROUND = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /**
     * Runs one command as a shell runs {@code command &}: the command does not wait for what it
     * leaves running (wparexec returns, status 0, once its application has started; the
     * application goes on in its WPAR until it ends or stopwpar ends it). SMIT runs the commands
     * of its dialogs so.
     */
    public static int runInBackground(Invocation inv) {
        boolean was = BACKGROUND.get();
        BACKGROUND.set(Boolean.TRUE);
        try {
            return run(inv);
        } finally {
            BACKGROUND.set(was);
        }
    }

    /** True while the command of this thread runs in the background. */
    static boolean inBackground() {
        return BACKGROUND.get();
    }

    /**
     * Runs one command: AIX-style errors go to standard error with their exit status; nothing
     * escapes as a stack trace.
     */
    public static int run(Invocation inv) {
        Entry entry = Entry.of(inv.name());
        if (entry == null) {
            inv.err().println(Messages.get("cmd.notfound", inv.name()));
            return 127;
        }
        if (entry.globalOnly && !inv.scope().global()) {
            inv.err().println(Messages.get("cmd.globalonly", inv.name()));
            return 1;
        }
        Command c = entry.create();
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
