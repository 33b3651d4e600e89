package smittywpar;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import smittywpar.cmd.Commands;
import smittywpar.cmd.Invocation;
import smittywpar.msg.Messages;

/**
 * The one entry point. The launcher passes the name it was called by ({@code -Dapp.name=mkwpar});
 * without it the first argument names the command ({@code java -jar smitty-wpar.jar lswpar -L}).
 * Only this class ends the process (see {@link #exit}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        String name = System.getProperty("app.name", "");
        List<String> argv = Arrays.asList(args);
        if (name.isEmpty()) {
            if (argv.isEmpty()) {
                System.err.println(Messages.get("main.unknown", "(none)", String.join(" ", Commands.NAMES)));
                exit(2);
            }
            name = argv.get(0);
            argv = argv.subList(1, argv.size());
        }
        name = Path.of(name).getFileName().toString();
        Charset cs = Charset.defaultCharset();
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, cs);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, cs);
        int rc;
        try {
            rc = dispatch(name, argv, out, err);
        } catch (RuntimeException | Error e) {
            out.flush();
            String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            err.println(Messages.get("main.internal", name, what));
            if (System.getenv("SMITTY_WPAR_DEBUG") != null) {
                e.printStackTrace(err);
            }
            rc = 1;
        }
        out.flush();
        err.flush();
        exit(rc);
    }

    /**
     * Ends the process with {@code rc} once everything is written. Not {@link System#exit}: since
     * JDK 21 it sets up the platform logging (a service-loader scan of the class path) to log
     * the exit, about ten milliseconds of every command. Nothing here needs shutdown hooks: the
     * screens give the terminal back before {@code main} returns, and the launcher restores the
     * tty settings too.
     */
    private static void exit(int rc) {
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(rc);
    }

    /** The lab companion command's name (bin/smitty-wpar). */
    static final String LAB = "smitty-wpar";

    static int dispatch(String name, List<String> argv, PrintStream out, PrintStream err) {
        if (name.equals("smitty") || name.equals("smit")) {
            return Smitty.main(argv, out, err);
        }
        if (name.equals(LAB)) {
            // the lab companion command: the only way into picocli, whose classes no other command loads
            return smittywpar.lab.Lab.run(argv, System.in, out, err, System.getenv(), Path.of("").toAbsolutePath());
        }
        if (!Commands.exists(name)) {
            err.println(Messages.get("main.unknown", name, String.join(" ", Commands.NAMES)));
            return 127;
        }
        return Commands.run(new Invocation(name, argv, System.in, out, err, System.getenv(),
                Path.of("").toAbsolutePath()));
    }
}
