package smittywpar.cmd;

import java.util.List;

/**
 * A command whose arguments are first parsed into a value of type {@code A} (its flags,
 * operands and attributes, checked): a run parses and then acts, and {@link #check} is the very
 * same parse without the action, so that what the SMIT layer checks is what would run.
 */
abstract class ParsedCommand<A> implements Command {
    /** Parses and checks the arguments; throws the command's own usage or attribute error. */
    abstract A parse(List<String> args);

    /** Runs with arguments that parsed. */
    abstract int run(Invocation inv, A args);

    @Override
    public final boolean check(List<String> args) {
        parse(args);
        return true;
    }

    /** The colon fields a parsed command line prints, or null (see {@link Command#columns}). */
    List<String> columns(A parsed) {
        return null;
    }

    @Override
    public final List<String> columns(List<String> args) {
        return columns(parse(args));
    }

    @Override
    public final int run(Invocation inv) {
        return run(inv, parse(inv.args()));
    }
}
