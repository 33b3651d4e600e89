package smittywpar.host;

/**
 * What a simulated file tree says about one path: a directory, a text file, a program (a
 * command of this project, run by its name) or a device. Modes are the nine permission bits; times are
 * seconds since the epoch.
 */
public record FileNode(Kind kind, int mode, String owner, String group, long mtime, long size, String command) {
    /** What a path is (DEVICE: a character device that reads as nothing and drops what is written, /dev/null). */
    public enum Kind {
        DIR, FILE, PROGRAM, DEVICE
    }

    public boolean isDir() {
        return kind == Kind.DIR;
    }

    /** The mode string of {@code ls -l}: {@code drwxr-xr-x}. */
    public String modeString() {
        StringBuilder sb = new StringBuilder(10);
        sb.append(kind == Kind.DIR ? 'd' : kind == Kind.DEVICE ? 'c' : '-');
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            sb.append((mode & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-');
        }
        if ((mode & 04000) != 0) {
            sb.setCharAt(3, (mode & 0100) != 0 ? 's' : 'S');
        }
        if ((mode & 01000) != 0) {
            sb.setCharAt(9, (mode & 01) != 0 ? 't' : 'T');
        }
        return sb.toString();
    }
}
