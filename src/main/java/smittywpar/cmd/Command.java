package smittywpar.cmd;

/** A command object: parses its arguments, calls the engine, prints AIX output, returns the exit status. */
@FunctionalInterface
public interface Command {
    int run(Invocation inv);
}
