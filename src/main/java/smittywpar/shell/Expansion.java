package smittywpar.shell;

import java.util.ArrayList;
import java.util.List;

import smittywpar.host.AixPath;
import smittywpar.host.FileNode;
import smittywpar.host.FsException;
import smittywpar.wpar.Users;
import smittywpar.wpar.Vfs;

/**
 * Turns the words of a command line into arguments as ksh does: {@code ~} and {@code ~user},
 * parameters, command substitution, field splitting of unquoted expansions, and file name
 * patterns ({@code * ? [...]}) matched against the shell's view (a pattern that matches nothing
 * stays as typed).
 */
final class Expansion {
    private Expansion() {
    }

    /** One field being built: its text, and the same with pattern characters that are active marked. */
    private static final class Field {
        final StringBuilder text = new StringBuilder();
        final StringBuilder pattern = new StringBuilder();
        boolean glob;
        boolean real;

        void add(String s, boolean quoted) {
            text.append(s);
            real = true;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (quoted && (c == '*' || c == '?' || c == '[' || c == '\\')) {
                    pattern.append('\\');
                } else if (!quoted && (c == '*' || c == '?' || c == '[')) {
                    glob = true;
                }
                pattern.append(c);
            }
        }
    }

    /** The arguments word {@code w} expands to (none, one or several). */
    static List<String> words(Shell sh, Syntax.Word w) {
        List<Field> fields = new ArrayList<>();
        Field cur = new Field();
        for (Syntax.Part p : w.parts()) {
            switch (p.kind()) {
                case Syntax.Part.TEXT -> cur.add(p.text(), p.quoted());
                case Syntax.Part.TILDE -> cur.add(tilde(sh, p.text()), true);
                default -> {
                    String v = p.kind() == Syntax.Part.PARAM ? param(sh, p.text()) : command(sh, p.text());
                    if (p.quoted()) {
                        cur.add(v, true);
                        continue;
                    }
                    String[] split = v.strip().isEmpty() ? new String[0] : v.strip().split("[ \t\n]+");
                    boolean leading = !v.isEmpty() && Character.isWhitespace(v.charAt(0));
                    boolean trailing = !v.isEmpty() && Character.isWhitespace(v.charAt(v.length() - 1));
                    for (int i = 0; i < split.length; i++) {
                        if (i > 0 || leading && cur.real) {
                            fields.add(cur);
                            cur = new Field();
                        }
                        cur.add(split[i], false);
                    }
                    if (trailing && cur.real) {
                        fields.add(cur);
                        cur = new Field();
                    }
                }
            }
        }
        boolean quotedAny = false;
        for (Syntax.Part p : w.parts()) {
            quotedAny |= p.quoted() && p.kind() != Syntax.Part.TILDE;
        }
        if (cur.real || quotedAny && fields.isEmpty()) {
            fields.add(cur);
        }
        List<String> out = new ArrayList<>();
        for (Field f : fields) {
            if (f.glob) {
                List<String> matched = glob(sh, f.pattern.toString());
                if (!matched.isEmpty()) {
                    out.addAll(matched);
                    continue;
                }
            }
            out.add(f.text.toString());
        }
        return out;
    }

    /** A word that must stay one argument (a redirection target, an assignment's value). */
    static String single(Shell sh, Syntax.Word w) {
        StringBuilder sb = new StringBuilder();
        for (Syntax.Part p : w.parts()) {
            switch (p.kind()) {
                case Syntax.Part.TEXT -> sb.append(p.text());
                case Syntax.Part.TILDE -> sb.append(tilde(sh, p.text()));
                case Syntax.Part.PARAM -> sb.append(param(sh, p.text()));
                default -> sb.append(command(sh, p.text()));
            }
        }
        return sb.toString();
    }

    /** {@code text} with its {@code $NAME} and {@code ${NAME}} replaced (a prompt). */
    static String parameters(Shell sh, String text) {
        try {
            List<Syntax.Part> parts = new ArrayList<>();
            for (Syntax.AndOr ao : Syntax.parse("\"" + text.replace("\\", "\\\\").replace("\"", "\\\"")
                    .replace("`", "\\`").replace("$(", "\\$(") + "\"")) {
                parts.addAll(ao.pipelines().get(0).get(0).words().get(0).parts());
            }
            return single(sh, new Syntax.Word(parts));
        } catch (Syntax.Error | IndexOutOfBoundsException e) {
            return text;
        }
    }

    private static String tilde(Shell sh, String user) {
        if (user.isEmpty()) {
            return sh.vars.getOrDefault("HOME", sh.home());
        }
        Users.User u = sh.read(c -> sh.vfs(c).users().user(user));
        return u == null ? "~" + user : u.home();
    }

    static String param(Shell sh, String name) {
        return switch (name) {
            case "?" -> String.valueOf(sh.status);
            case "$" -> String.valueOf(sh.scope.shellPid());
            case "#" -> "0";
            case "0" -> "ksh";
            default -> name.length() == 1 && Character.isDigit(name.charAt(0)) ? "" : sh.vars.getOrDefault(name, "");
        };
    }

    private static String command(Shell sh, String line) {
        String out = sh.substitute(line, sh.terminal() == null ? System.err : sh.terminal());
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '\n') {
            end--;
        }
        return out.substring(0, end);
    }

    // ---- file name patterns ------------------------------------------------------------------

    /** The paths matching {@code pattern} (relative ones stay relative), sorted; empty when none. */
    static List<String> glob(Shell sh, String pattern) {
        boolean absolute = pattern.startsWith("/");
        String[] parts = pattern.split("/");
        return sh.read(c -> {
            Vfs v = sh.vfs(c);
            List<String> found = new ArrayList<>();
            found.add(absolute ? "/" : "");
            for (String part : parts) {
                if (part.isEmpty()) {
                    continue;
                }
                List<String> next = new ArrayList<>();
                boolean meta = hasMeta(part);
                for (String base : found) {
                    String dir = base.isEmpty() ? sh.cwd() : sh.abs(base);
                    if (!meta) {
                        next.add(join(base, unescape(part)));
                        continue;
                    }
                    List<String> names;
                    try {
                        FileNode n = v.stat(dir);
                        if (n == null || !n.isDir()) {
                            continue;
                        }
                        names = v.list(dir);
                    } catch (FsException e) {
                        continue;
                    }
                    for (String name : names) {
                        if (name.startsWith(".") && !part.startsWith(".")) {
                            continue;
                        }
                        if (matches(part, 0, name, 0)) {
                            next.add(join(base, name));
                        }
                    }
                }
                found = next;
            }
            List<String> out = new ArrayList<>();
            for (String f : found) {
                if (!f.isEmpty() && v.stat(sh.abs(f)) != null) {
                    out.add(f);
                }
            }
            out.sort(null);
            return out;
        });
    }

    private static String join(String base, String name) {
        return base.isEmpty() ? name : base.equals("/") ? "/" + name : base + "/" + name;
    }

    private static boolean hasMeta(String part) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || c == '[') {
                return true;
            }
        }
        return false;
    }

    private static String unescape(String part) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '\\' && i + 1 < part.length()) {
                c = part.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** sh pattern matching: {@code *}, {@code ?}, {@code [a-z]}, {@code [!...]}, backslash escapes. */
    static boolean matches(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = s.length(); k >= si; k--) {
                    if (matches(p, pi + 1, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length()) {
                return false;
            }
            char ch = s.charAt(si);
            if (c == '?') {
                pi++;
                si++;
                continue;
            }
            if (c == '[') {
                int end = p.indexOf(']', pi + 2);
                if (end > 0) {
                    String set = p.substring(pi + 1, end);
                    boolean negate = set.startsWith("!") || set.startsWith("^");
                    if (negate) {
                        set = set.substring(1);
                    }
                    boolean in = false;
                    for (int k = 0; k < set.length(); k++) {
                        if (k + 2 < set.length() && set.charAt(k + 1) == '-') {
                            in |= ch >= set.charAt(k) && ch <= set.charAt(k + 2);
                            k += 2;
                        } else {
                            in |= ch == set.charAt(k);
                        }
                    }
                    if (in == negate) {
                        return false;
                    }
                    pi = end + 1;
                    si++;
                    continue;
                }
            }
            if (c == '\\' && pi + 1 < p.length()) {
                c = p.charAt(++pi);
            }
            if (c != ch) {
                return false;
            }
            pi++;
            si++;
        }
        return si == s.length();
    }

    /** True when {@code name} contains no path separator or NUL (a name a file can have). */
    static boolean plainName(String name) {
        return !name.isEmpty() && name.indexOf('/') < 0 && AixPath.utf8Length(name) <= AixPath.NAME_MAX;
    }
}
