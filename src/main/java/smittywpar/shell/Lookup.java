package smittywpar.shell;

import smittywpar.host.AixPath;
import smittywpar.host.FileNode;
import smittywpar.host.FsException;
import smittywpar.wpar.Vfs;

/**
 * How the shell finds what a command name stands for: a name with a slash is a path of the view;
 * any other is looked for in the directories of {@code PATH}. A program runs the command of this
 * project it names; a text file with execute permission runs as a script; anything else (a
 * directory, a file without the permission) is refused as ksh refuses it.
 */
final class Lookup {
    private Lookup() {
    }

    /** What a command name stands for: a program's command, a script's text, or a refusal. */
    record Resolved(String command, String script, boolean denied) {
    }

    static Resolved resolve(Shell sh, Vfs v, String name) {
        if (name.indexOf('/') >= 0) {
            return resolvePath(v, sh.abs(name));
        }
        for (String dir : sh.vars.getOrDefault("PATH", "").split(":")) {
            if (dir.isEmpty() || !dir.startsWith("/")) {
                continue;
            }
            Resolved r = resolvePath(v, AixPath.child(AixPath.resolve("/", dir), name));
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    /** See {@link Shell#runnable}; {@code more}: the other command names the shell runs. */
    static Boolean runnable(Vfs v, String path, java.util.function.Predicate<String> more) {
        Resolved r = resolvePath(v, path);
        if (r == null) {
            return null;
        }
        if (r.denied()) {
            return Boolean.FALSE;
        }
        if (r.script() != null) {
            return Boolean.TRUE;
        }
        String c = r.command();
        boolean known = FileUtilities.has(c) || TextUtilities.has(c) || InfoUtilities.has(c) || Builtins.has(c)
                || c.equals("ksh") || c.equals("sh") || more.test(c);
        return known ? Boolean.TRUE : null;
    }

    private static Resolved resolvePath(Vfs v, String path) {
        FileNode n;
        try {
            n = v.stat(path);
        } catch (FsException e) {
            return null;
        }
        if (n == null) {
            return null;
        }
        if (n.isDir() || !v.may(n, 1)) {
            return new Resolved(null, null, true);
        }
        if (n.kind() == FileNode.Kind.PROGRAM) {
            return new Resolved(n.command(), null, false);
        }
        try {
            return new Resolved(null, v.read(path), false);
        } catch (FsException e) {
            return new Resolved(null, null, true);
        }
    }
}
