package smittywpar.host;

/**
 * A failed operation on a simulated file tree, with the AIX error number that says why. The
 * shell's commands print it in their own words ({@code cat: 0652-050 Cannot open ...}) or as
 * {@code PROG: PATH: TEXT} with the AIX text of the error (catalogue {@code aix.errno.*}).
 */
public final class FsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The errors a simulated file operation can end with (their AIX texts are in the catalogue). */
    public enum Errno {
        ENOENT, ENOTDIR, EISDIR, EEXIST, ENOTEMPTY, EROFS, EACCES, EPERM, EFBIG, ENOSPC, ENAMETOOLONG, EINVAL,
        EBUSY;

        /** The catalogue key of the AIX text. */
        public String key() {
            return "aix.errno." + name();
        }
    }

    public final Errno errno;
    public final String path;

    public FsException(Errno errno, String path) {
        super(errno + " " + path, null, false, false);
        this.errno = errno;
        this.path = path;
    }
}
