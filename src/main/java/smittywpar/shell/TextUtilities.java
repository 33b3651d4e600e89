package smittywpar.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import smittywpar.base.Text;
import smittywpar.msg.Messages;

/** The utilities that read text: {@code grep wc head tail}, on files of the view or their input. */
final class TextUtilities {
    private static final List<String> NAMES = List.of("grep", "wc", "head", "tail");
    /** The most a utility reads from its input (more is dropped). */
    private static final int MAX_INPUT = 16 << 20;

    private TextUtilities() {
    }

    static boolean has(String name) {
        return NAMES.contains(name);
    }

    static int run(Shell sh, String name, List<String> args, Shell.Io io) {
        return switch (name) {
            case "grep" -> grep(sh, args, io);
            case "wc" -> wc(sh, args, io);
            case "head" -> headTail(sh, "head", args, io);
            default -> headTail(sh, "tail", args, io);
        };
    }

    static String input(Shell.Io io) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] b = new byte[8192];
        try {
            int n;
            while ((n = io.in().read(b)) > 0) {
                if (buf.size() < MAX_INPUT) {
                    buf.write(b, 0, Math.min(n, MAX_INPUT - buf.size()));
                }
            }
        } catch (IOException e) {
            // what was read so far
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    /** The lines of a text (without their line ends; a last line without one counts). */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                out.add(text.substring(start));
                break;
            }
            out.add(text.substring(start, nl));
            start = nl + 1;
        }
        return out;
    }

    // ---- grep --------------------------------------------------------------------------------

    private static int grep(Shell sh, List<String> args, Shell.Io io) {
        Flags f = Flags.parse("grep", "cEFhilnqsvwxe:", args, io);
        if (f == null) {
            return 2;
        }
        List<String> ops = new ArrayList<>(f.operands);
        String expr = f.value('e');
        if (expr == null) {
            if (ops.isEmpty()) {
                return Flags.usage("grep", io);
            }
            expr = ops.remove(0);
        }
        Pattern p;
        try {
            String regex = f.has('F') ? Pattern.quote(expr) : f.has('E') ? expr : basic(expr);
            if (f.has('w')) {
                regex = "(?<![\\w])(?:" + regex + ")(?![\\w])";
            }
            if (f.has('x')) {
                regex = "^(?:" + regex + ")$";
            }
            p = Pattern.compile(regex, f.has('i') ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        } catch (PatternSyntaxException e) {
            io.err().println(Messages.get("grep.badre"));
            return 2;
        }
        boolean names = ops.size() > 1 && !f.has('h');
        int found = 0;
        boolean error = false;
        List<String> sources = ops.isEmpty() ? List.of("-") : ops;
        for (String src : sources) {
            String text = src.equals("-") && ops.isEmpty() ? input(io) : FileUtilities.readFile(sh, src);
            if (text == null) {
                if (!f.has('s')) {
                    io.err().println(Messages.get("grep.cannotopen", src));
                }
                error = true;
                continue;
            }
            int count = 0;
            List<String> lines = lines(text);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = p.matcher(lines.get(i));
                if (m.find() == f.has('v')) {
                    continue;
                }
                count++;
                if (f.has('q')) {
                    return 0;
                }
                if (f.has('l')) {
                    break;
                }
                if (!f.has('c')) {
                    io.out().println((names ? src + ":" : "") + (f.has('n') ? (i + 1) + ":" : "") + lines.get(i));
                }
            }
            if (f.has('c')) {
                io.out().println((names ? src + ":" : "") + count);
            } else if (f.has('l') && count > 0) {
                io.out().println(src);
            }
            found += count;
        }
        return error ? 2 : found > 0 ? 0 : 1;
    }

    /** A basic regular expression (grep's default) as a Java one. */
    static String basic(String bre) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < bre.length()) {
            char c = bre.charAt(i);
            if (c == '\\' && i + 1 < bre.length()) {
                char d = bre.charAt(i + 1);
                sb.append("(){}|+?".indexOf(d) >= 0 ? String.valueOf(d) : "\\" + d);
                i += 2;
            } else if (c == '[') {
                int j = i + 1;
                if (j < bre.length() && bre.charAt(j) == '^') {
                    j++;
                }
                if (j < bre.length() && bre.charAt(j) == ']') {
                    j++;
                }
                int end = j;
                while (end < bre.length() && bre.charAt(end) != ']') {
                    if (bre.startsWith("[:", end)) {
                        int close = bre.indexOf(":]", end + 2);
                        end = close < 0 ? bre.length() : close + 2;
                    } else {
                        end++;
                    }
                }
                if (end >= bre.length()) {
                    throw new PatternSyntaxException("unclosed bracket", bre, i);
                }
                sb.append('[');
                String body = bre.substring(i + 1, end);
                body = body.replace("[:alpha:]", "\\p{Alpha}").replace("[:digit:]", "\\d")
                        .replace("[:alnum:]", "\\p{Alnum}").replace("[:space:]", "\\s").replace("[:upper:]", "\\p{Upper}")
                        .replace("[:lower:]", "\\p{Lower}").replace("[:punct:]", "\\p{Punct}");
                for (int k = 0; k < body.length(); k++) {
                    char b = body.charAt(k);
                    if (b == '[' || b == '&' || b == '\\' && (k + 1 >= body.length() || body.charAt(k + 1) != 'p'
                            && body.charAt(k + 1) != 'd' && body.charAt(k + 1) != 's')) {
                        sb.append('\\');
                    }
                    sb.append(b);
                }
                sb.append(']');
                i = end + 1;
            } else {
                sb.append("(){}|+?".indexOf(c) >= 0 ? "\\" + c : String.valueOf(c));
                i++;
            }
        }
        return sb.toString();
    }

    // ---- wc ----------------------------------------------------------------------------------

    private static int wc(Shell sh, List<String> args, Shell.Io io) {
        Flags f = Flags.parse("wc", "clmw", args, io);
        if (f == null) {
            return 2;
        }
        boolean all = !f.has('c') && !f.has('l') && !f.has('w') && !f.has('m');
        int rc = 0;
        long[] total = new long[3];
        List<String> sources = f.operands.isEmpty() ? List.of("") : f.operands;
        for (String src : sources) {
            String text = src.isEmpty() ? input(io) : FileUtilities.readFile(sh, src);
            if (text == null) {
                io.err().println(Messages.get("util.cannotopen", "wc", src));
                rc = 2;
                continue;
            }
            long[] n = {0, 0, f.has('m') ? text.length() : text.getBytes(StandardCharsets.UTF_8).length};
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    n[0]++;
                }
            }
            for (String w : text.strip().split("\\s+")) {
                if (!w.isEmpty()) {
                    n[1]++;
                }
            }
            for (int k = 0; k < 3; k++) {
                total[k] += n[k];
            }
            io.out().println(counts(n, f, all) + (src.isEmpty() ? "" : " " + src));
        }
        if (sources.size() > 1) {
            io.out().println(counts(total, f, all) + " total");
        }
        return rc;
    }

    private static String counts(long[] n, Flags f, boolean all) {
        StringBuilder sb = new StringBuilder();
        if (all || f.has('l')) {
            sb.append(Text.right(String.valueOf(n[0]), 8));
        }
        if (all || f.has('w')) {
            sb.append(Text.right(String.valueOf(n[1]), 8));
        }
        if (all || f.has('c') || f.has('m')) {
            sb.append(Text.right(String.valueOf(n[2]), 8));
        }
        return sb.toString();
    }

    // ---- head, tail --------------------------------------------------------------------------

    private static int headTail(Shell sh, String prog, List<String> args, Shell.Io io) {
        List<String> a = new ArrayList<>(args);
        boolean fromStart = false;
        if (!a.isEmpty() && a.get(0).length() > 1 && (a.get(0).charAt(0) == '-' || prog.equals("tail")
                && a.get(0).charAt(0) == '+') && Character.isDigit(a.get(0).charAt(1))) {
            fromStart = a.get(0).charAt(0) == '+';
            a.set(0, "-n" + a.get(0).substring(1));
        }
        Flags f = Flags.parse(prog, "n:", a, io);
        if (f == null) {
            return 2;
        }
        int count = 10;
        String n = f.value('n');
        if (n != null) {
            if (n.startsWith("+") && prog.equals("tail")) {
                fromStart = true;
                n = n.substring(1);
            }
            try {
                count = Integer.parseInt(n);
            } catch (NumberFormatException e) {
                io.err().println(Messages.get("head.badcount", prog, n));
                return 2;
            }
        }
        if (prog.equals("tail") && f.operands.size() > 1) {
            return Flags.usage(prog, io);
        }
        List<String> sources = f.operands.isEmpty() ? List.of("") : f.operands;
        int rc = 0;
        for (int s = 0; s < sources.size(); s++) {
            String src = sources.get(s);
            String text = src.isEmpty() ? input(io) : FileUtilities.readFile(sh, src);
            if (text == null) {
                io.err().println(Messages.get("util.cannotopen", prog, src));
                rc = 2;
                continue;
            }
            if (sources.size() > 1) {
                if (s > 0) {
                    io.out().println();
                }
                io.out().println("==> " + src + " <==");
            }
            List<String> lines = lines(text);
            int from;
            int to;
            if (prog.equals("head")) {
                from = 0;
                to = Math.min(count, lines.size());
            } else if (fromStart) {
                from = Math.max(0, Math.min(lines.size(), count - 1));
                to = lines.size();
            } else {
                from = Math.max(0, lines.size() - count);
                to = lines.size();
            }
            for (int i = from; i < to; i++) {
                io.out().println(lines.get(i));
            }
        }
        return rc;
    }
}
