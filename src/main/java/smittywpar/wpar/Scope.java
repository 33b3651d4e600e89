package smittywpar.wpar;

/**
 * Where a command runs: in the global environment or inside one workload partition, as which
 * user, in which directory, and from which login shell (0: none). The CLI runs commands in the
 * global environment as root; the shells of {@code clogin} and {@code aixsh} pass their own scope
 * to the commands they run, and commands that show the host (df, lsdev, ifconfig, hostname,
 * lslpp, oslevel, ps) show the WPAR's view when the scope is a WPAR.
 */
public record Scope(String wpar, String user, String cwd, int shellPid) {
    /** The global environment, as root, in /. */
    public static final Scope GLOBAL = new Scope(null, "root", "/", 0);

    public boolean global() {
        return wpar == null;
    }

    public boolean root() {
        return "root".equals(user);
    }

    public Scope withCwd(String dir) {
        return new Scope(wpar, user, dir, shellPid);
    }
}
