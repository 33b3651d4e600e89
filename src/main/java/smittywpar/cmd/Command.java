package smittywpar.cmd;

import java.util.List;

/** A command object: parses its arguments, calls the engine, prints AIX output, returns the exit status. */
@FunctionalInterface
public interface Command {
    int run(Invocation inv);

    /**
     * Checks {@code args} the way {@link #run} parses them (flags, flag arguments, operands,
     * attribute names), without reading or changing any state. The SMIT layer uses it to verify
     * the command lines of its menus before anything runs.
     *
     * @return true when the arguments were checked and parse; false when this command offers no
     *         check (the default)
     * @throws smittywpar.msg.AixException with the command's own usage message when they do not
     *         parse
     */
    default boolean check(List<String> args) {
        return false;
    }

    /**
     * The names of the fields this command line prints in colon format ({@code lswpar -c ...}),
     * without running it; null when the command does not say. The SMIT layer checks the
     * {@code discover:} names of its dialogs against them.
     *
     * @throws smittywpar.msg.AixException when the arguments do not parse
     */
    default List<String> columns(List<String> args) {
        return null;
    }
}
