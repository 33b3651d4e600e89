package smittywpar.shell;

import smittywpar.host.AixPath;
import smittywpar.host.FsException;
import smittywpar.msg.AixException;

/**
 * The history file of an interactive shell, {@code $HOME/.sh_history}: each line typed is added,
 * the last {@link #KEEP} are kept (ksh's HISTSIZE). A history that cannot be written is skipped,
 * as ksh does.
 */
final class History {
    static final int KEEP = 128;

    private History() {
    }

    static void append(Shell sh, String line) {
        String path = AixPath.child(sh.home(), ".sh_history");
        try {
            sh.update(c -> {
                var v = sh.vfs(c);
                var n = v.stat(path);
                String old = n == null || n.isDir() ? "" : v.read(path);
                String text = old + line + "\n";
                int lines = 0;
                for (int i = text.length() - 1; i >= 0; i--) {
                    if (text.charAt(i) == '\n' && ++lines > KEEP) {
                        text = text.substring(i + 1);
                        break;
                    }
                }
                v.write(path, text, false);
                return null;
            });
        } catch (FsException | AixException e) {
            // no history then
        }
    }
}
