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
        MKWPAR("mkwpar", true, MkwparCommand.OPTIONS), LSWPAR("lswpar", true, LswparCommand.OPTIONS),
        STARTWPAR("startwpar", true, StartwparCommand.OPTIONS), STOPWPAR("stopwpar", true, StopwparCommand.OPTIONS),
        REBOOTWPAR("rebootwpar", true, StopwparCommand.REBOOT_OPTIONS), RMWPAR("rmwpar", true, RmwparCommand.OPTIONS),
        CHWPAR("chwpar", true, ChwparCommand.OPTIONS), LSLPP("lslpp", false, LslppCommand.OPTIONS),
        DF("df", false, DfCommand.OPTIONS), IFCONFIG("ifconfig", false, IfconfigCommand.OPTIONS),
        LSDEV("lsdev", false, LsdevCommand.OPTIONS), LSPV("lspv", true, LspvCommand.OPTIONS),
        LSVG("lsvg", true, LsvgCommand.OPTIONS), HOSTNAME("hostname", false, HostnameCommand.OPTIONS),
        OSLEVEL("oslevel", false, OslevelCommand.OPTIONS), MOUNT("mount", true, MountCommand.OPTIONS),
        UMOUNT("umount", true, MountCommand.OPTIONS), PS("ps", false, PsCommand.OPTIONS),
        CLOGIN("clogin", true, CloginCommand.OPTIONS), AIXSH("aixsh", false, AixshCommand.OPTIONS),
        LSSRC("lssrc", false, LssrcCommand.OPTIONS), STARTSRC("startsrc", false, SrcControlCommand.START_OPTIONS),
        STOPSRC("stopsrc", false, SrcControlCommand.STOP_OPTIONS),
        REFRESH("refresh", false, SrcControlCommand.REFRESH_OPTIONS), MKSSYS("mkssys", false, MkssysCommand.OPTIONS),
        RMSSYS("rmssys", false, MkssysCommand.RM_OPTIONS), CHSSYS("chssys", false, MkssysCommand.OPTIONS),
        SYNCWPAR("syncwpar", true, SyncwparCommand.OPTIONS), SYNCROOT("syncroot", false, SyncrootCommand.OPTIONS),
        INSTALLP("installp", true, InstallpCommand.OPTIONS), WPAREXEC("wparexec", true, WparexecCommand.OPTIONS),
        MKWPARDATA("mkwpardata", true, MkwpardataCommand.OPTIONS), SAVEWPAR("savewpar", true, SavewparCommand.OPTIONS),
        RESTWPAR("restwpar", true, RestwparCommand.OPTIONS), LSSAVEWPAR("lssavewpar", true, LssavewparCommand.OPTIONS),
        RESTWPARFILES("restwparfiles", true, RestwparfilesCommand.OPTIONS),
        MKCD("mkcd", true, MkcdCommand.CD_FLAGS), MKDVD("mkdvd", true, MkcdCommand.DVD_FLAGS);

        final String command;
        /** Only the global environment may run it (inside a WPAR it is refused). */
        final boolean globalOnly;

        /**
         * The flags, in {@link Getopt}'s syntax: the constant the command parses with (javac copies
         * it here, so naming it loads no class of the command). The man pages and the bash
         * completion are checked against it.
         */
        final String options;

        /** (a command without its option table: the man page and completion tests refuse it) */
        Entry(String command) {
            this(command, false, null);
        }

        /** (a command without its option table: the man page and completion tests refuse it) */
        Entry(String command, boolean globalOnly) {
            this(command, globalOnly, null);
        }

        Entry(String command, boolean globalOnly, String options) {
            this.command = command;
            this.globalOnly = globalOnly;
            this.options = options;
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
                case MKWPARDATA -> new MkwpardataCommand();
                case SAVEWPAR -> new SavewparCommand();
                case RESTWPAR -> new RestwparCommand();
                case LSSAVEWPAR -> new LssavewparCommand();
                case RESTWPARFILES -> new RestwparfilesCommand();
                case MKCD -> new MkcdCommand(false);
                case MKDVD -> new MkcdCommand(true);
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

    /**
     * The flags {@code name} takes, in {@link Getopt}'s syntax (the option table it parses with),
     * or null when there is no such command.
     */
    public static String options(String name) {
        Entry e = Entry.of(name);
        return e == null ? null : e.options;
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
