package smittywpar.shell;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import smittywpar.base.Text;
import smittywpar.host.AixPath;
import smittywpar.host.FileNode;
import smittywpar.host.FsException;
import smittywpar.host.HostClock;
import smittywpar.msg.Messages;
import smittywpar.wpar.Transaction;
import smittywpar.wpar.Vfs;

/**
 * The utilities that work on files of the shell's view: {@code ls cat mkdir rmdir rm touch cp mv}.
 * Each runs in one transaction (a change to several files is all or nothing per operand), says
 * what went wrong in AIX's words, and returns AIX's exit status.
 */
final class FileUtilities {
    private static final List<String> NAMES = List.of("ls", "cat", "mkdir", "rmdir", "rm", "touch", "cp", "mv");

    private FileUtilities() {
    }

    static boolean has(String name) {
        return NAMES.contains(name);
    }

    static int run(Shell sh, String name, List<String> args, Shell.Io io) {
        return switch (name) {
            case "ls" -> ls(sh, args, io);
            case "cat" -> cat(sh, args, io);
            case "mkdir" -> mkdir(sh, args, io);
            case "rmdir" -> rmdir(sh, args, io);
            case "rm" -> rm(sh, args, io);
            case "touch" -> touch(sh, args, io);
            case "cp" -> cp(sh, args, io);
            default -> mv(sh, args, io);
        };
    }

    // ---- ls ----------------------------------------------------------------------------------

    private static int ls(Shell sh, List<String> args, Shell.Io io) {
        Flags f = Flags.parse("ls", "aAdlR1F", args, io);
        if (f == null) {
            return 2;
        }
        List<String> ops = f.operands.isEmpty() ? List.of(".") : f.operands;
        return sh.read(c -> {
            Vfs v = sh.vfs(c);
            int rc = 0;
            List<String> files = new ArrayList<>();
            List<String> dirs = new ArrayList<>();
            for (String op : ops) {
                FileNode n = v.stat(sh.abs(op));
                if (n == null) {
                    io.err().println(Messages.get("ls.notfound", op));
                    rc = 2;
                } else if (n.isDir() && !f.has('d')) {
                    dirs.add(op);
                } else {
                    files.add(op);
                }
            }
            files.sort(null);
            dirs.sort(null);
            List<String[]> rows = new ArrayList<>();
            for (String op : files) {
                rows.add(new String[] {op, sh.abs(op)});
            }
            print(sh, c, v, rows, f, io, false);
            boolean headers = files.size() + dirs.size() > 1 || f.has('R') || rc != 0 && !dirs.isEmpty();
            boolean first = files.isEmpty();
            for (String op : dirs) {
                rc = Math.max(rc, listDir(sh, c, v, op, f, io, headers, first));
                first = false;
            }
            return rc;
        });
    }

    private static int listDir(Shell sh, Transaction c, Vfs v, String op, Flags f, Shell.Io io, boolean header,
            boolean first) {
        String dir = sh.abs(op);
        List<String> names;
        try {
            names = v.list(dir);
        } catch (FsException e) {
            Shell.errno(io, "ls", e);
            return 2;
        }
        if (header) {
            if (!first) {
                io.out().println();
            }
            io.out().println(op + ":");
        }
        List<String[]> rows = new ArrayList<>();
        if (f.has('a')) {
            rows.add(new String[] {".", dir});
            rows.add(new String[] {"..", AixPath.parent(dir)});
        }
        for (String n : names) {
            if (n.startsWith(".") && !f.has('a') && !f.has('A')) {
                continue;
            }
            rows.add(new String[] {n, AixPath.child(dir, n)});
        }
        print(sh, c, v, rows, f, io, true);
        int rc = 0;
        if (f.has('R')) {
            for (String[] r : rows) {
                if (r[0].equals(".") || r[0].equals("..")) {
                    continue;
                }
                FileNode n = v.stat(r[1]);
                if (n != null && n.isDir()) {
                    rc = Math.max(rc, listDir(sh, c, v, op.endsWith("/") ? op + r[0] : op + "/" + r[0], f, io, true,
                            false));
                }
            }
        }
        return rc;
    }

    /** Prints entries (shown name, path): long lines, one per line, or columns on a terminal. */
    private static void print(Shell sh, Transaction c, Vfs v, List<String[]> rows, Flags f, Shell.Io io,
            boolean total) {
        if (rows.isEmpty()) {
            if (total && f.has('l')) {
                io.out().println("total 0");
            }
            return;
        }
        List<String> shown = new ArrayList<>();
        List<FileNode> nodes = new ArrayList<>();
        for (String[] r : rows) {
            FileNode n = v.stat(r[1]);
            nodes.add(n);
            String mark = !f.has('F') || n == null ? "" : n.isDir() ? "/" : (n.mode() & 0111) != 0 ? "*" : "";
            shown.add(r[0] + mark);
        }
        if (f.has('l')) {
            if (total) {
                long blocks = 0;
                for (FileNode n : nodes) {
                    blocks += n == null ? 0 : (n.size() + 4095) / 4096 * 4;
                }
                io.out().println("total " + blocks);
            }
            var now = c.now();
            for (int i = 0; i < rows.size(); i++) {
                FileNode n = nodes.get(i);
                if (n == null) {
                    continue;
                }
                int links = n.isDir() ? 2 : 1;
                io.out().println(n.modeString() + " " + Text.right(String.valueOf(links), 4) + " "
                        + Text.left(n.owner(), 8) + " " + Text.left(n.group(), 8) + " "
                        + Text.right(String.valueOf(n.size()), 8) + " "
                        + HostClock.lsDate(HostClock.at(c.host(), n.mtime()), now) + " " + shown.get(i));
            }
            return;
        }
        if (!io.terminal() || f.has('1')) {
            for (String s : shown) {
                io.out().println(s);
            }
            return;
        }
        int width = 0;
        for (String s : shown) {
            width = Math.max(width, s.length());
        }
        width += 2;
        int cols = Math.max(1, 80 / width);
        int lines = (shown.size() + cols - 1) / cols;
        for (int l = 0; l < lines; l++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < cols; k++) {
                int i = k * lines + l;
                if (i < shown.size()) {
                    boolean last = (k + 1) * lines + l >= shown.size();
                    sb.append(last ? shown.get(i) : Text.left(shown.get(i), width));
                }
            }
            io.out().println(sb.toString().stripTrailing());
        }
    }

    // ---- cat ---------------------------------------------------------------------------------

    private static int cat(Shell sh, List<String> args, Shell.Io io) {
        Flags f = Flags.parse("cat", "usv", args, io);
        if (f == null) {
            return 2;
        }
        if (f.operands.isEmpty()) {
            return copyInput(io);
        }
        int rc = 0;
        for (String op : f.operands) {
            if (op.equals("-")) {
                copyInput(io);
                continue;
            }
            String text = readFile(sh, op);
            if (text == null) {
                io.out().flush();
                io.err().println(Messages.get("util.cannotopen", "cat", op));
                rc = 2;
            } else {
                io.out().print(text);
            }
        }
        return rc;
    }

    /** The text of file {@code op} of the view, or null when it cannot be read. */
    static String readFile(Shell sh, String op) {
        try {
            return sh.read(c -> sh.vfs(c).read(sh.abs(op)));
        } catch (FsException e) {
            return null;
        }
    }

    static int copyInput(Shell.Io io) {
        byte[] buf = new byte[8192];
        try {
            InputStream in = io.in();
            int n;
            while ((n = in.read(buf)) > 0) {
                io.out().write(buf, 0, n);
            }
        } catch (IOException e) {
            return 1;
        }
        return 0;
    }

    // ---- mkdir, rm, touch ----------------------------------------------------------------------

    private static int mkdir(Shell sh, List<String> args, Shell.Io io) {
        Flags f = Flags.parse("mkdir", "pm:", args, io);
        if (f == null) {
            return 2;
        }
        if (f.operands.isEmpty()) {
            return Flags.usage("mkdir", io);
        }
        return sh.update(c -> {
            Vfs v = sh.vfs(c);
            int rc = 0;
            for (String op : f.operands) {
                String p = sh.abs(op);
                try {
                    if (f.has('p')) {
                        List<String> missing = new ArrayList<>();
                        for (String a = p; v.stat(a) == null; a = AixPath.parent(a)) {
                            missing.add(0, a);
                        }
                        for (String m : missing) {
                            v.mkdir(m);
                        }
                        FileNode n = v.stat(p);
                        if (n != null && !n.isDir()) {
                            throw new FsException(FsException.Errno.EEXIST, p);
                        }
                    } else {
                        v.mkdir(p);
                    }
                } catch (FsException e) {
                    io.err().println(Messages.get("mkdir.cannot", op, Messages.get(e.errno.key())));
                    rc = 2;
                }
            }
            return rc;
        });
    }

    private static int rmdir(Shell sh, List<String> args, Shell.Io io) {
        Flags f = Flags.parse("rmdir", "p", args, io);
        if (f == null) {
            return 2;
        }
        if (f.operands.isEmpty()) {
            return Flags.usage("rmdir", io);
        }
        return sh.update(c -> {
            Vfs v = sh.vfs(c);
            int rc = 0;
            for (String op : f.operands) {
                String p = sh.abs(op);
                try {
                    v.rmdir(p);
                    for (String a = AixPath.parent(p); f.has('p') && !a.equals("/"); a = AixPath.parent(a)) {
                        v.rmdir(a);
                    }
                } catch (FsException e) {
                    io.err().println(Messages.get("rmdir.cannot", e.path.equals(p) ? op : e.path,
                            Messages.get(e.errno.key())));
                    rc = 2;
                }
            }
            return rc;
        });
    }

    private static int rm(Shell sh, List<String> args, Shell.Io io) {
        Flags f = Flags.parse("rm", "frRie", args, io);
        if (f == null) {
            return 2;
        }
        if (f.operands.isEmpty()) {
            return f.has('f') ? 0 : Flags.usage("rm", io);
        }
        boolean recursive = f.has('r') || f.has('R');
        return sh.update(c -> {
            Vfs v = sh.vfs(c);
            int rc = 0;
            for (String op : f.operands) {
                String p = sh.abs(op);
                String last = AixPath.name(op.endsWith("/") ? op.substring(0, op.length() - 1) : op);
                if (last.equals(".") || last.equals("..")) {
                    io.err().println(Messages.get("rm.dots"));
                    rc = 2;
                    continue;
                }
                FileNode n = v.stat(p);
                if (n == null) {
                    if (!f.has('f')) {
                        io.err().println(Messages.get("sh.errno", "rm", op,
                                Messages.get(FsException.Errno.ENOENT.key())));
                        rc = 2;
                    }
                    continue;
                }
                if (n.isDir() && !recursive) {
                    io.err().println(Messages.get("rm.dir", op));
                    rc = 2;
                    continue;
                }
                rc = Math.max(rc, remove(v, p, op, io));
            }
            return rc;
        });
    }

    /** Removes {@code p} and, for a directory, everything in it; reports what could not go. */
    private static int remove(Vfs v, String p, String shown, Shell.Io io) {
        try {
            FileNode n = v.require(p);
            if (!n.isDir()) {
                v.unlink(p);
                return 0;
            }
            int rc = 0;
            for (String name : v.list(p)) {
                rc = Math.max(rc, remove(v, AixPath.child(p, name), shown.endsWith("/") ? shown + name
                        : shown + "/" + name, io));
            }
            if (rc == 0) {
                v.rmdir(p);
            }
            return rc;
        } catch (FsException e) {
            io.err().println(Messages.get("sh.errno", "rm", shown, Messages.get(e.errno.key())));
            return 2;
        }
    }

    private static int touch(Shell sh, List<String> args, Shell.Io io) {
        Flags f = Flags.parse("touch", "acm", args, io);
        if (f == null) {
            return 2;
        }
        if (f.operands.isEmpty()) {
            return Flags.usage("touch", io);
        }
        return sh.update(c -> {
            Vfs v = sh.vfs(c);
            int rc = 0;
            for (String op : f.operands) {
                String p = sh.abs(op);
                try {
                    if (f.has('c') && v.stat(p) == null) {
                        continue;
                    }
                    v.touch(p);
                } catch (FsException e) {
                    io.err().println(Messages.get("touch.cannot", op, Messages.get(e.errno.key())));
                    rc = 2;
                }
            }
            return rc;
        });
    }

    // ---- cp, mv ------------------------------------------------------------------------------

    private static int cp(Shell sh, List<String> args, Shell.Io io) {
        Flags f = Flags.parse("cp", "rRpfh", args, io);
        if (f == null) {
            return 2;
        }
        return transfer(sh, "cp", f, f.has('r') || f.has('R'), false, io);
    }

    private static int mv(Shell sh, List<String> args, Shell.Io io) {
        Flags f = Flags.parse("mv", "fiE:", args, io);
        if (f == null) {
            return 2;
        }
        return transfer(sh, "mv", f, true, true, io);
    }

    /** cp and mv: {@code source target}, or {@code source ... directory}. */
    private static int transfer(Shell sh, String prog, Flags f, boolean recursive, boolean move, Shell.Io io) {
        if (f.operands.size() < 2) {
            return Flags.usage(prog, io);
        }
        List<String> sources = f.operands.subList(0, f.operands.size() - 1);
        String target = f.operands.get(f.operands.size() - 1);
        return sh.update(c -> {
            Vfs v = sh.vfs(c);
            String t = sh.abs(target);
            FileNode tn = v.stat(t);
            boolean intoDir = tn != null && tn.isDir();
            if (sources.size() > 1 && !intoDir) {
                io.err().println(Messages.get("cp.notdir", prog, target));
                return 2;
            }
            int rc = 0;
            for (String src : sources) {
                String s = sh.abs(src);
                String d = intoDir ? AixPath.child(t, AixPath.name(s)) : t;
                try {
                    FileNode sn = v.require(s);
                    if (sn.isDir() && !recursive) {
                        io.err().println(Messages.get("cp.dir", src));
                        rc = 2;
                        continue;
                    }
                    if (d.equals(s)) {
                        io.err().println(Messages.get("cp.same", prog, src, target));
                        rc = 2;
                        continue;
                    }
                    if (sn.isDir() && AixPath.under(d, s)) {
                        throw new FsException(FsException.Errno.EINVAL, d);
                    }
                    if (move && v.busy(s)) {
                        throw new FsException(FsException.Errno.EBUSY, s);
                    }
                    copy(v, s, d, sn);
                    if (move) {
                        removeAll(v, s);
                    }
                } catch (FsException e) {
                    io.err().println(Messages.get("sh.errno", prog, e.path.equals(s) || e.path.equals(d)
                            ? (e.path.equals(s) ? src : target) : e.path, Messages.get(e.errno.key())));
                    rc = 2;
                }
            }
            return rc;
        });
    }

    /** Copies {@code s} to {@code d} (a directory with everything in it). */
    static void copy(Vfs v, String s, String d, FileNode sn) {
        FileNode dn = v.stat(d);
        if (sn.isDir()) {
            if (dn == null) {
                v.mkdir(d);
            } else if (!dn.isDir()) {
                throw new FsException(FsException.Errno.ENOTDIR, d);
            }
            for (String name : v.list(s)) {
                String cs = AixPath.child(s, name);
                copy(v, cs, AixPath.child(d, name), v.require(cs));
            }
            return;
        }
        if (dn != null && dn.isDir()) {
            throw new FsException(FsException.Errno.EISDIR, d);
        }
        if (sn.kind() == FileNode.Kind.PROGRAM) {
            v.need(sn, 4, s);
            v.copyProgram(d, sn);
        } else {
            v.write(d, v.read(s), false);
        }
    }

    private static void removeAll(Vfs v, String p) {
        FileNode n = v.require(p);
        if (n.isDir()) {
            for (String name : v.list(p)) {
                removeAll(v, AixPath.child(p, name));
            }
            v.rmdir(p);
        } else {
            v.unlink(p);
        }
    }
}
