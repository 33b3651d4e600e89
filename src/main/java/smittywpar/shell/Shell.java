package smittywpar.shell;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import smittywpar.host.AixPath;
import smittywpar.host.FileNode;
import smittywpar.host.FsException;
import smittywpar.msg.AixException;
import smittywpar.msg.Messages;
import smittywpar.wpar.Console;
import smittywpar.wpar.Scope;
import smittywpar.wpar.Transaction;
import smittywpar.wpar.Vfs;
import smittywpar.wpar.WparEngine;

/**
 * The simulated Korn shell behind {@code clogin} (a WPAR's view) and {@code aixsh} (the global
 * environment's): it reads command lines, expands them ({@link Expansion}), runs pipelines and
 * redirections, and runs each command: a built-in ({@link Builtins}), a utility of this package
 * that works on the view's files ({@link FileUtilities}, {@link TextUtilities},
 * {@link InfoUtilities}), an {@link Extension} registered by another part, or an
 * AIX command of the project's registry ({@link Commands}, given by the cmd layer), found as a
 * program of the view's {@code PATH} ({@code /usr/bin}, {@code /usr/sbin} ...). It never runs a
 * program of the real machine and never reaches a file outside the state directory. Every
 * command opens its own transaction: a session holds no lock while it waits for input.
 */
public final class Shell {
    /** The AIX commands of the registry, as the shell runs them (provided by the cmd layer). */
    public interface Commands {
        boolean has(String name);

        int run(String name, List<String> args, InputStream in, PrintStream out, PrintStream err, Scope scope,
                Map<String, String> env);
    }

    /** A command the shell knows by name whose work another part of the project supplies. */
    @FunctionalInterface
    public interface Extension {
        int run(Shell sh, List<String> args, Io io);
    }

    /** What a command reads and writes; {@code terminal}: its output is the session's terminal. */
    public record Io(InputStream in, PrintStream out, PrintStream err, boolean terminal) {
    }

    private static final Map<String, Extension> EXTENSIONS = new ConcurrentHashMap<>();

    /** Registers (or replaces) the command {@code name} of the shell. */
    public static void register(String name, Extension e) {
        EXTENSIONS.put(name, e);
    }

    final WparEngine engine;
    final Commands commands;
    final Map<String, String> env;
    final Map<String, String> vars = new LinkedHashMap<>();
    Scope scope;
    int status;
    private boolean exited;
    private int exitCode;
    /** Prompts are shown (a terminal, or the test terminal that also echoes what it types). */
    final boolean interactive;
    private final boolean echo;
    private LineInput input;
    private PrintStream termOut;
    private String home;

    /**
     * @param interactive prompts, history and a terminal's output formats
     * @param echo        show each line read after its prompt (a terminal that is not one)
     */
    public Shell(Scope scope, String home, Commands commands, Map<String, String> env, Console console,
            boolean interactive, boolean echo) {
        this.scope = scope;
        this.home = home;
        this.commands = commands;
        this.env = env;
        this.interactive = interactive;
        this.echo = echo;
        this.engine = new WparEngine("ksh", console, env);
        vars.put("HOME", home);
        vars.put("PWD", scope.cwd());
        vars.put("USER", scope.user());
        vars.put("LOGNAME", scope.user());
        vars.put("SHELL", "/usr/bin/ksh");
        vars.put("PATH", "/usr/bin:/etc:/usr/sbin:/usr/ucb:/usr/bin/X11:/sbin");
        vars.put("TERM", env.getOrDefault("TERM", "vt100"));
    }

    public Scope scope() {
        return scope;
    }

    /** Runs {@code fn} in a read transaction of the state. */
    <T> T read(Function<Transaction, T> fn) {
        return engine.read(fn);
    }

    <T> T update(Function<Transaction, T> fn) {
        return engine.update(fn);
    }

    /** The file system of this shell's scope, within transaction {@code c}. */
    Vfs vfs(Transaction c) {
        return Vfs.of(c, scope);
    }

    String cwd() {
        return scope.cwd();
    }

    String home() {
        return home;
    }

    /** {@code path} made absolute against the working directory. */
    String abs(String path) {
        return AixPath.resolve(scope.cwd(), path);
    }

    // ---- sessions ----------------------------------------------------------------------------

    /**
     * Reads and runs command lines until {@code exit}, the end of the input, or the end of the
     * session from outside (its WPAR stopped); returns the exit status.
     */
    public int session(InputStream in, PrintStream out, PrintStream err, java.util.function.BooleanSupplier alive) {
        input = new LineInput(in);
        termOut = out;
        Io io = new Io(in, out, err, true);
        while (!exited) {
            if (!alive.getAsBoolean()) {
                break;
            }
            String line = readLine(io, prompt());
            if (line == null) {
                if (interactive && !echo) {
                    err.println();
                }
                break;
            }
            while (incomplete(line)) {
                String more = readLine(io, "> ");
                if (more == null) {
                    break;
                }
                line = line + "\n" + more;
            }
            if (line.isBlank()) {
                continue;
            }
            if (interactive) {
                History.append(this, line);
            }
            if (!alive.getAsBoolean()) {
                break;
            }
            running = Thread.currentThread();
            try {
                execute(line, io);
            } finally {
                running = null;
                Thread.interrupted(); // Ctrl-C ended the command, not the session
            }
        }
        out.flush();
        err.flush();
        return exited ? exitCode : status;
    }

    /** The thread running a command line of the session, null while it waits for input. */
    private volatile Thread running;

    /** Ctrl-C: interrupts the command running (true), or does nothing while the session reads (false). */
    public boolean interrupt() {
        Thread t = running;
        if (t != null) {
            t.interrupt();
        }
        return t != null;
    }

    private volatile String lastPrompt = "";

    /** The prompt shown last (Ctrl-C shows it again). */
    public String lastPrompt() {
        return lastPrompt;
    }

    private String readLine(Io io, String prompt) {
        lastPrompt = prompt;
        if (interactive) {
            io.out().flush();
            io.err().print(prompt);
            io.err().flush();
        }
        String line = input.readLine();
        if (line != null && echo) {
            io.err().println(line);
        }
        return line;
    }

    private static boolean incomplete(String line) {
        try {
            Syntax.parse(line);
            return false;
        } catch (Syntax.Error e) {
            return e.incomplete();
        }
    }

    /** The prompt: {@code # } for root, {@code $ } for others; the global shell adds host and directory. */
    String prompt() {
        String mark = scope.root() ? "# " : "$ ";
        if (vars.containsKey("PS1")) {
            return Expansion.parameters(this, vars.get("PS1"));
        }
        if (!scope.global()) {
            return mark;
        }
        String host = read(c -> c.host().hostname);
        return host + " " + scope.cwd() + " " + mark;
    }

    /** Runs one command line (as {@code clogin NAME command}) and returns its status. */
    public int run(String line, InputStream in, PrintStream out, PrintStream err) {
        termOut = out;
        execute(line, new Io(in, out, err, false));
        out.flush();
        err.flush();
        return exited ? exitCode : status;
    }

    void exit(int code) {
        exited = true;
        exitCode = code;
    }

    boolean exited() {
        return exited;
    }

    // ---- running command lines ---------------------------------------------------------------

    void execute(String line, Io io) {
        List<Syntax.AndOr> list;
        try {
            list = Syntax.parse(line);
        } catch (Syntax.Error e) {
            io.err().println(Messages.get("sh.syntax", e.incomplete() ? "newline" : e.token));
            status = 2;
            return;
        }
        for (Syntax.AndOr ao : list) {
            for (int i = 0; i < ao.pipelines().size() && !exited; i++) {
                if (i > 0) {
                    String op = ao.ops().get(i - 1);
                    if (op.equals("&&") && status != 0 || op.equals("||") && status == 0) {
                        continue;
                    }
                }
                status = pipeline(ao.pipelines().get(i), io);
            }
            if (exited) {
                return;
            }
        }
    }

    private int pipeline(List<Syntax.Simple> stages, Io io) {
        InputStream in = io.in();
        int rc = 0;
        for (int i = 0; i < stages.size(); i++) {
            boolean last = i == stages.size() - 1;
            ByteArrayOutputStream buf = last ? null : new ByteArrayOutputStream();
            PrintStream out = last ? io.out() : new PrintStream(buf, false, StandardCharsets.UTF_8);
            rc = simple(stages.get(i), new Io(in, out, io.err(), last && io.terminal()));
            if (!last) {
                out.flush();
                in = new ByteArrayInputStream(buf.toByteArray());
            }
            if (exited) {
                break;
            }
        }
        return rc;
    }

    /** Where an output redirection goes: a file, written when the command has run. */
    private static final class Capture {
        final String path;
        final boolean append;
        final Capped bytes = new Capped();
        final PrintStream stream = new PrintStream(bytes, false, StandardCharsets.UTF_8);

        Capture(String path, boolean append) {
            this.path = path;
            this.append = append;
        }
    }

    private int simple(Syntax.Simple s, Io io) {
        List<String> argv = new ArrayList<>();
        Map<String, String> assigns = new LinkedHashMap<>();
        try {
            boolean inAssigns = true;
            for (Syntax.Word w : s.words()) {
                int eq = inAssigns ? w.assignment() : -1;
                if (eq > 0) {
                    String name = w.parts().get(0).text().substring(0, eq);
                    List<Syntax.Part> rest = new ArrayList<>(w.parts());
                    rest.set(0, new Syntax.Part(Syntax.Part.TEXT, w.parts().get(0).text().substring(eq + 1), false));
                    assigns.put(name, Expansion.single(this, new Syntax.Word(rest)));
                    continue;
                }
                inAssigns = false;
                argv.addAll(Expansion.words(this, w));
            }
        } catch (FsException e) {
            io.err().println(Messages.get("sh.errno", "ksh", e.path, Messages.get(e.errno.key())));
            return 1;
        }
        InputStream in = io.in();
        PrintStream out = io.out();
        PrintStream err = io.err();
        boolean terminal = io.terminal();
        List<Capture> captures = new ArrayList<>();
        for (Syntax.Redirect r : s.redirects()) {
            String target = Expansion.single(this, r.target());
            if (r.op().equals(">&")) {
                if (target.equals("1") && r.fd() == 2) {
                    err = out;
                } else if (target.equals("2") && r.fd() == 1) {
                    out = err;
                    terminal = false;
                } else {
                    io.err().println(Messages.get("sh.syntax", target));
                    return 1;
                }
                continue;
            }
            String path = abs(target);
            if (r.op().equals("<")) {
                String text = readForRedirect(path);
                if (text == null) {
                    io.err().println(Messages.get("sh.cannotopen", target));
                    return 1;
                }
                in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
                continue;
            }
            String why = read(c -> creatable(vfs(c), path));
            if (why != null) {
                io.err().println(Messages.get("sh.cannotcreate", target));
                return 1;
            }
            Capture cap = new Capture(path, r.op().equals(">>"));
            captures.add(cap);
            if (r.fd() == 2) {
                err = cap.stream;
            } else {
                out = cap.stream;
                terminal = false;
            }
        }
        int rc;
        if (argv.isEmpty()) {
            vars.putAll(assigns);
            rc = 0;
        } else {
            Map<String, String> saved = new LinkedHashMap<>();
            for (String k : assigns.keySet()) {
                saved.put(k, vars.get(k));
            }
            vars.putAll(assigns);
            try {
                rc = command(argv, new Io(in, out, err, terminal));
            } catch (AixException e) {
                out.flush();
                err.println(e.getMessage());
                rc = e.exitCode();
            } finally {
                saved.forEach((k, v) -> {
                    if (v == null) {
                        vars.remove(k);
                    } else {
                        vars.put(k, v);
                    }
                });
            }
        }
        out.flush();
        err.flush();
        for (Capture cap : captures) {
            cap.stream.flush();
            String problem = write(cap);
            if (problem != null) {
                io.err().println(Messages.get("sh.errno", "ksh", cap.path, Messages.get(problem)));
                rc = 1;
            }
        }
        return rc;
    }

    private String readForRedirect(String path) {
        try {
            return read(c -> vfs(c).read(path));
        } catch (FsException e) {
            return null;
        }
    }

    /** Why a redirection could not create or open {@code path} for writing (an errno key), or null. */
    private static String creatable(Vfs v, String path) {
        FileNode n = v.stat(path);
        if (n != null && n.isDir()) {
            return "aix.errno.EISDIR";
        }
        try {
            v.checkWritable(path, n);
            return null;
        } catch (FsException e) {
            return e.errno.key();
        }
    }

    private String write(Capture cap) {
        if (cap.bytes.overflow) {
            return FsException.Errno.EFBIG.key();
        }
        String text = cap.bytes.text();
        try {
            update(c -> {
                vfs(c).write(cap.path, text, cap.append);
                return null;
            });
            return null;
        } catch (FsException e) {
            return e.errno.key();
        }
    }

    /** Runs {@code argv} (a built-in, a program found in the view, or a registry command). */
    int command(List<String> argv, Io io) {
        String name = argv.get(0);
        List<String> args = argv.subList(1, argv.size());
        if (Builtins.has(name)) {
            return Builtins.run(this, name, args, io);
        }
        Lookup.Resolved r = read(c -> Lookup.resolve(this, vfs(c), name));
        if (r == null) {
            io.err().println(Messages.get("sh.notfound", name));
            return 127;
        }
        if (r.denied()) {
            io.err().println(Messages.get("sh.noexec", name));
            return 126;
        }
        if (r.script() != null) {
            return script(r.script(), io);
        }
        return program(r.command(), name, args, io);
    }

    /**
     * What running the program at absolute path {@code path} of view {@code v} would do: TRUE when
     * this shell runs it (one of its utilities or built-ins, a registered command, an AIX command of
     * {@code commands}, a script), FALSE when it cannot be run (a directory, a file without execute
     * permission), null when it is nothing this shell knows (a program of an application it does
     * not simulate, or no file at all).
     */
    public static Boolean runnable(Vfs v, String path, Commands commands) {
        return Lookup.runnable(v, path, c -> EXTENSIONS.containsKey(c) || commands.has(c));
    }

    /** A text file with execute permission runs as a script of this shell. */
    private int script(String text, Io io) {
        int rc = 0;
        for (String line : text.split("\n")) {
            if (exited) {
                break;
            }
            if (line.startsWith("#!") || line.isBlank()) {
                continue;
            }
            execute(line, io);
            rc = status;
        }
        return rc;
    }

    /** Runs the command a program stands for. */
    int program(String command, String name, List<String> args, Io io) {
        if (FileUtilities.has(command)) {
            return FileUtilities.run(this, command, args, io);
        }
        if (TextUtilities.has(command)) {
            return TextUtilities.run(this, command, args, io);
        }
        if (InfoUtilities.has(command)) {
            return InfoUtilities.run(this, command, args, io);
        }
        if (Builtins.has(command)) {
            return Builtins.run(this, command, args, io);
        }
        Extension ext = EXTENSIONS.get(command);
        if (ext != null) {
            return ext.run(this, args, io);
        }
        if (command.equals("ksh") || command.equals("sh")) {
            return subshell(args, io);
        }
        if (commands.has(command)) {
            io.out().flush();
            int rc = commands.run(command, List.copyOf(args), io.in(), io.out(), io.err(), scope, env);
            io.out().flush();
            return rc;
        }
        io.err().println(Messages.get("sh.notfound", name));
        return 127;
    }

    /** {@code ksh -c 'command'}, or a new interactive shell on the same input. */
    private int subshell(List<String> args, Io io) {
        Shell sub = new Shell(scope, home, commands, env, new Console(io.out(), io.err()), interactive, echo);
        sub.vars.putAll(vars);
        if (args.size() >= 2 && args.get(0).equals("-c")) {
            return sub.run(args.get(1), io.in(), io.out(), io.err());
        }
        if (!args.isEmpty()) {
            io.err().println(Messages.get("sh.usage"));
            return 2;
        }
        return sub.session(io.in(), io.out(), io.err(), () -> true);
    }

    /** Runs a command line for {@code $(...)} and returns what it printed. */
    String substitute(String line, PrintStream err) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, false, StandardCharsets.UTF_8);
        boolean wasExited = exited;
        execute(line, new Io(new ByteArrayInputStream(new byte[0]), out, err, false));
        exited = wasExited;
        out.flush();
        return buf.toString(StandardCharsets.UTF_8);
    }

    /** The session's terminal output (for messages of the shell itself). */
    PrintStream terminal() {
        return termOut;
    }

    /** Changes the working directory (the caller checked it). */
    void chdir(String dir) {
        vars.put("OLDPWD", scope.cwd());
        scope = scope.withCwd(dir);
        vars.put("PWD", dir);
    }

    /** Prints {@code PROG: PATH: TEXT} for a failed file operation. */
    static void errno(Io io, String prog, FsException e) {
        io.err().println(Messages.get("sh.errno", prog, e.path, Messages.get(e.errno.key())));
    }
}
