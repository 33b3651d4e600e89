package smittywpar.wpar;

import java.io.PrintStream;

import smittywpar.msg.Messages;

/** Where a command writes: standard output and standard error. */
public record Console(PrintStream out, PrintStream err) {
    public void outln(String line) {
        out.println(line);
    }

    public void errln(String line) {
        out.flush();
        err.println(line);
    }

    /** Prints a catalogue message on standard output. */
    public void say(String key, Object... args) {
        out.println(Messages.get(key, args));
    }

    /** Prints a catalogue message on standard error. */
    public void warn(String key, Object... args) {
        errln(Messages.get(key, args));
    }
}
