package smittywpar.shell;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import smittywpar.host.FileNode;
import smittywpar.host.FsException;
import smittywpar.msg.Messages;

/**
 * The commands built into the shell: {@code cd pwd echo exit logout export unset set true false
 * type whence :}. {@code echo} and {@code pwd} are also programs ({@code /usr/bin/echo} ...).
 */
final class Builtins {
    private static final List<String> NAMES = List.of("cd", "pwd", "echo", "exit", "logout", "export", "unset", "set",
            "true", "false", "type", "whence", ":");

    private Builtins() {
    }

    static boolean has(String name) {
        return NAMES.contains(name);
    }

    static int run(Shell sh, String name, List<String> args, Shell.Io io) {
        return switch (name) {
            case "cd" -> cd(sh, args, io);
            case "pwd" -> {
                io.out().println(sh.cwd());
                yield 0;
            }
            case "echo" -> echo(args, io);
            case "exit", "logout" -> exit(sh, args, io);
            case "export" -> export(sh, args, io);
            case "unset" -> {
                for (String a : args) {
                    sh.vars.remove(a);
                }
                yield 0;
            }
            case "set" -> {
                for (Map.Entry<String, String> e : new TreeMap<>(sh.vars).entrySet()) {
                    io.out().println(e.getKey() + "=" + e.getValue());
                }
                yield 0;
            }
            case "false" -> 1;
            case "type", "whence" -> type(sh, name, args, io);
            default -> 0;
        };
    }

    private static int cd(Shell sh, List<String> args, Shell.Io io) {
        if (args.size() > 1) {
            io.err().println(Messages.get("sh.cd.usage"));
            return 1;
        }
        String target;
        boolean print = false;
        if (args.isEmpty()) {
            target = sh.vars.getOrDefault("HOME", sh.home());
        } else if (args.get(0).equals("-")) {
            target = sh.vars.getOrDefault("OLDPWD", sh.cwd());
            print = true;
        } else {
            target = args.get(0);
        }
        String dir = sh.abs(target);
        String why = sh.read(c -> {
            try {
                var v = sh.vfs(c);
                FileNode n = v.require(dir);
                if (!n.isDir()) {
                    throw new FsException(FsException.Errno.ENOTDIR, dir);
                }
                v.need(n, 1, dir);
                return null;
            } catch (FsException e) {
                return e.errno == FsException.Errno.ENOENT ? "" : e.errno.key();
            }
        });
        if (why != null) {
            io.err().println(why.isEmpty() ? Messages.get("sh.notfound", target)
                    : Messages.get("sh.errno", "ksh", target, Messages.get(why)));
            return 1;
        }
        sh.chdir(dir);
        if (print) {
            io.out().println(dir);
        }
        return 0;
    }

    /** AIX's echo: no options; backslash sequences {@code \a \b \c \f \n \r \t \v \\ \0nnn}. */
    static int echo(List<String> args, Shell.Io io) {
        StringBuilder sb = new StringBuilder();
        boolean newline = true;
        outer:
        for (int a = 0; a < args.size(); a++) {
            if (a > 0) {
                sb.append(' ');
            }
            String s = args.get(a);
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c != '\\' || i + 1 >= s.length()) {
                    sb.append(c);
                    continue;
                }
                char e = s.charAt(++i);
                switch (e) {
                    case 'a' -> sb.append('\u0007');
                    case 'b' -> sb.append('\b');
                    case 'c' -> {
                        newline = false;
                        break outer;
                    }
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'v' -> sb.append('\u000b');
                    case '\\' -> sb.append('\\');
                    case '0' -> {
                        int v = 0;
                        int k = 0;
                        while (k < 3 && i + 1 < s.length() && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '7') {
                            v = v * 8 + (s.charAt(++i) - '0');
                            k++;
                        }
                        sb.append((char) v);
                    }
                    default -> sb.append('\\').append(e);
                }
            }
        }
        if (newline) {
            sb.append('\n');
        }
        io.out().print(sb);
        return 0;
    }

    private static int exit(Shell sh, List<String> args, Shell.Io io) {
        int code = sh.status;
        if (!args.isEmpty()) {
            try {
                code = Integer.parseInt(args.get(0)) & 0xff;
            } catch (NumberFormatException e) {
                io.err().println(Messages.get("sh.badnumber", args.get(0)));
                return 1;
            }
        }
        sh.exit(code);
        return code;
    }

    private static int export(Shell sh, List<String> args, Shell.Io io) {
        if (args.isEmpty()) {
            for (Map.Entry<String, String> e : new TreeMap<>(sh.vars).entrySet()) {
                io.out().println(e.getKey() + "=" + e.getValue());
            }
            return 0;
        }
        for (String a : args) {
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            if (!Syntax.validName(name) || name.length() == 1 && !Character.isLetter(name.charAt(0))) {
                io.err().println(Messages.get("sh.badident", name));
                return 1;
            }
            if (eq >= 0) {
                sh.vars.put(name, a.substring(eq + 1));
            } else {
                sh.vars.putIfAbsent(name, "");
            }
        }
        return 0;
    }

    private static int type(Shell sh, String name, List<String> args, Shell.Io io) {
        int rc = 0;
        for (String a : args) {
            if (has(a)) {
                io.out().println(name.equals("whence") ? a : Messages.get("sh.type.builtin", a));
                continue;
            }
            String found = sh.read(c -> {
                var v = sh.vfs(c);
                for (String dir : sh.vars.getOrDefault("PATH", "").split(":")) {
                    if (dir.startsWith("/")) {
                        String p = smittywpar.host.AixPath.child(dir, a);
                        FileNode n = v.stat(p);
                        if (n != null && !n.isDir() && v.may(n, 1)) {
                            return p;
                        }
                    }
                }
                return null;
            });
            if (found == null) {
                io.err().println(Messages.get("sh.notfound", a));
                rc = 1;
            } else {
                io.out().println(name.equals("whence") ? found : Messages.get("sh.type.path", a, found));
            }
        }
        return rc;
    }
}
