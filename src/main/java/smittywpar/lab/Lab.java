package smittywpar.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import smittywpar.msg.AixException;
import smittywpar.msg.Messages;

/**
 * {@code smitty-wpar}: the lab companion command (picocli). Exit status 0 when it did what was
 * asked, 1 when it could not (one line per problem on standard error, never a stack trace), 2 for
 * a command line it does not take (one line naming the problem and where the help is).
 */
public final class Lab {
    /** The command's name (bin/smitty-wpar). */
    public static final String NAME = LabContext.PROG;

    private Lab() {
    }

    /**
     * picocli's model of the whole command tree (its subcommands, options and parameters), as a
     * run would build it: what the man page and the completion are checked against.
     */
    public static CommandSpec model() {
        return commandLine(idle()).getCommandSpec();
    }

    /** The bash completion script of the command: what {@code smitty-wpar completion} prints. */
    public static String bashCompletion() {
        return bashCompletion(commandLine(idle()));
    }

    private static String bashCompletion(CommandLine root) {
        return AutoComplete.bash(NAME, root);
    }

    /** A context that runs nothing (for the model only). */
    private static LabContext idle() {
        PrintStream none = new PrintStream(java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        return new LabContext(InputStream.nullInputStream(), none, none, Map.of(), Path.of(""));
    }

    /** Runs the lab command with {@code argv} (without the command's own name); returns its exit status. */
    public static int run(List<String> argv, InputStream in, PrintStream out, PrintStream err, Map<String, String> env,
            Path cwd) {
        LabContext ctx = new LabContext(in, out, err, env, cwd);
        PrintWriter pout = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter perr = new PrintWriter(err, true, StandardCharsets.UTF_8);
        CommandLine cl = commandLine(ctx);
        cl.setOut(pout);
        cl.setErr(perr);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            perr.println(Messages.get("lab.usage", c.getCommandSpec().qualifiedName(), ex.getMessage()));
            perr.flush();
            return c.getCommandSpec().exitCodeOnInvalidInput();
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            pout.flush();
            out.flush();
            if (ex instanceof LabException l) {
                for (String line : l.lines) {
                    perr.println(Messages.get("lab.error", line));
                }
            } else if (ex instanceof AixException a) {
                perr.println(a.getMessage());
            } else {
                String what = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
                perr.println(Messages.get("main.internal", LabContext.PROG, what));
                if (env.get("SMITTY_WPAR_DEBUG") != null) {
                    ex.printStackTrace(perr);
                }
            }
            perr.flush();
            return 1;
        });
        int rc = cl.execute(argv.toArray(new String[0]));
        pout.flush();
        perr.flush();
        out.flush();
        err.flush();
        return rc;
    }

    /** The command tree, each command made with the run's context. */
    static CommandLine commandLine(LabContext ctx) {
        CommandLine cl = new CommandLine(new Root(), new Factory(ctx));
        cl.setResourceBundle(new LabTexts());
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        versionEverywhere(cl);
        return cl;
    }

    /** -V (--version), which every subcommand takes, prints the version there too (not nothing). */
    private static void versionEverywhere(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(new Version());
            versionEverywhere(sub);
        }
    }

    /** Makes the command objects: a command class takes the run's context in its constructor, if it has one. */
    private static final class Factory implements CommandLine.IFactory {
        private final LabContext ctx;

        Factory(LabContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            for (Constructor<?> c : cls.getDeclaredConstructors()) {
                if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == LabContext.class) {
                    c.setAccessible(true);
                    return cls.cast(c.newInstance(ctx));
                }
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }

    /** The version line: this build's version, from the jar's Maven properties. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = null;
            try (InputStream s = Lab.class.getResourceAsStream("/META-INF/maven/smittywpar/smitty-wpar/pom.properties")) {
                if (s != null) {
                    Properties p = new Properties();
                    p.load(s);
                    v = p.getProperty("version");
                }
            } catch (IOException e) {
                v = null;
            }
            return new String[] {Messages.get("lab.version", v == null ? Messages.get("lab.version.dev") : v)};
        }
    }

    /** The top of the tree: a subcommand is required. */
    @Command(name = LabContext.PROG, mixinStandardHelpOptions = true, versionProvider = Version.class,
            subcommands = {HostCommand.class, ScenarioCommand.class, FaultCommand.class, ExerciseCommand.class,
                ReplayCommand.class, Completion.class})
    static final class Root implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            throw missingSubcommand(spec);
        }
    }

    /** {@code completion}: a bash completion script for the lab command (picocli's AutoComplete). */
    @Command(name = "completion", mixinStandardHelpOptions = true)
    static final class Completion implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            String script = bashCompletion(spec.root().commandLine());
            PrintWriter w = spec.commandLine().getOut();
            w.print(script);
            w.flush();
            return 0;
        }
    }

    /** Thrown by a command that needs a subcommand and got none. */
    static ParameterException missingSubcommand(CommandSpec spec) {
        return new ParameterException(spec.commandLine(), Messages.get("lab.nosub"));
    }
}
