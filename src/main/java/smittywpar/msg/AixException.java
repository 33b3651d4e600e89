package smittywpar.msg;

/**
 * A failure that is reported to the user as one or more AIX-style message lines on standard
 * error, with a non-zero exit status. The text is complete (catalogue text already formatted);
 * the command name prefix is added by whoever prints it when {@link #prefixed()} is false.
 */
public class AixException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;
    private final boolean prefixed;

    public AixException(String text) {
        this(text, 1, false);
    }

    public AixException(String text, int exitCode, boolean prefixed) {
        super(text, null, false, false);
        this.exitCode = exitCode;
        this.prefixed = prefixed;
    }

    /** A failure whose text comes from the catalogue. */
    public static AixException of(String key, Object... args) {
        return new AixException(Messages.get(key, args));
    }

    public int exitCode() {
        return exitCode;
    }

    /** True when the text already carries its own prefix (or deliberately none). */
    public boolean prefixed() {
        return prefixed;
    }
}
