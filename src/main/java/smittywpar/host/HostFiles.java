package smittywpar.host;

/**
 * The simulated host's own file tree: AIX paths that commands read or write (specification
 * files, backup images) live under {@code fs/} in the state directory, never elsewhere on the
 * real machine. {@code /tmp/wpar1.spec} is {@code $SMITTY_WPAR_HOME/fs/tmp/wpar1.spec}.
 */
public final class HostFiles {
    public static final String ROOT = "fs";

    private HostFiles() {
    }

    /**
     * The store-relative name of an AIX path (relative paths are taken from /), or null when the
     * path is empty, names a directory, or leaves the tree.
     */
    public static String rel(String aixPath) {
        if (aixPath == null || aixPath.isEmpty() || aixPath.endsWith("/") || aixPath.indexOf('\0') >= 0
                || aixPath.indexOf('\n') >= 0 || aixPath.indexOf(' ') >= 0) {
            return null;
        }
        StringBuilder out = new StringBuilder(ROOT);
        int depth = 0;
        for (String part : aixPath.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                return null;
            }
            out.append('/').append(part);
            depth++;
        }
        return depth == 0 ? null : out.toString();
    }
}
