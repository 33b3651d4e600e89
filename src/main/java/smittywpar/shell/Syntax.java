package smittywpar.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of the Korn shell's syntax the simulated shell reads: words with single and double
 * quotes and backslashes, {@code $NAME ${NAME} $? $$ $(command)} and backquotes, comments,
 * simple commands with leading {@code NAME=value} assignments, redirections
 * ({@code < > >> 2> 2>> 2>&1 >&2}), pipelines ({@code |}) and lists ({@code ; && ||}). Anything
 * else (background jobs, subshells, here-documents, compound commands) is a syntax error, reported
 * as ksh does.
 */
final class Syntax {
    private Syntax() {
    }

    /** A piece of a word: literal text (quoted or not), a parameter, or a command substitution. */
    record Part(char kind, String text, boolean quoted) {
        static final char TEXT = 't';
        static final char PARAM = '$';
        static final char COMMAND = 'c';
        static final char TILDE = '~';
    }

    record Word(List<Part> parts) {
        /** The word as plain text when it holds no expansion at all, else null. */
        String plain() {
            StringBuilder sb = new StringBuilder();
            for (Part p : parts) {
                if (p.kind() != Part.TEXT) {
                    return null;
                }
                sb.append(p.text());
            }
            return sb.toString();
        }

        /** True when the word is {@code NAME=...} with an unquoted name (an assignment). */
        int assignment() {
            if (parts.isEmpty() || parts.get(0).kind() != Part.TEXT || parts.get(0).quoted()) {
                return -1;
            }
            String t = parts.get(0).text();
            int eq = t.indexOf('=');
            if (eq <= 0) {
                return -1;
            }
            for (int i = 0; i < eq; i++) {
                char c = t.charAt(i);
                if (!(Character.isLetter(c) && c < 128 || c == '_' || i > 0 && c >= '0' && c <= '9')) {
                    return -1;
                }
            }
            return eq;
        }
    }

    /** A redirection: file descriptor, operator ({@code < > >> >&}) and target. */
    record Redirect(int fd, String op, Word target) {
    }

    record Simple(List<Word> words, List<Redirect> redirects) {
    }

    /** Pipelines joined by {@code &&} or {@code ||} ({@code ops.get(i)} joins pipeline i and i+1). */
    record AndOr(List<List<Simple>> pipelines, List<String> ops) {
    }

    /** A syntax error at {@code token}, or a line that ends inside quotes ({@code token} null). */
    static final class Error extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String token;

        Error(String token) {
            super(token, null, false, false);
            this.token = token;
        }

        boolean incomplete() {
            return token == null;
        }
    }

    // ---- lexing ----------------------------------------------------------------------------

    /** A token: a word, or an operator (then {@code op} is set). */
    private record Token(Word word, String op, int fd) {
    }

    private static List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n') {
                i++;
                continue;
            }
            if (c == '#') {
                break;
            }
            if (c == '|' || c == '&' || c == ';' || c == '<' || c == '>' || c == '(' || c == ')') {
                i = operator(s, i, -1, out);
                continue;
            }
            if (c >= '0' && c <= '9') {
                int j = i;
                while (j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                    j++;
                }
                if (j < n && (s.charAt(j) == '<' || s.charAt(j) == '>') && j - i < 3) {
                    i = operator(s, j, Integer.parseInt(s.substring(i, j)), out);
                    continue;
                }
            }
            List<Part> parts = new ArrayList<>();
            i = word(s, i, parts);
            out.add(new Token(new Word(parts), null, -1));
        }
        return out;
    }

    private static int operator(String s, int i, int fd, List<Token> out) {
        char c = s.charAt(i);
        char d = i + 1 < s.length() ? s.charAt(i + 1) : 0;
        String op;
        if (c == '|' && d == '|' || c == '&' && d == '&' || c == '>' && d == '>' || c == '>' && d == '&'
                || c == '<' && d == '<' || c == ';' && d == ';') {
            op = "" + c + d;
        } else {
            op = String.valueOf(c);
        }
        out.add(new Token(null, op, fd));
        return i + op.length();
    }

    private static boolean ends(char c) {
        return c == ' ' || c == '\t' || c == '\n' || "|&;<>()".indexOf(c) >= 0;
    }

    private static int word(String s, int i, List<Part> parts) {
        int n = s.length();
        StringBuilder lit = new StringBuilder();
        if (s.charAt(i) == '~') {
            int j = i + 1;
            while (j < n && !ends(s.charAt(j)) && s.charAt(j) != '/' && "'\"\\$`".indexOf(s.charAt(j)) < 0) {
                j++;
            }
            parts.add(new Part(Part.TILDE, s.substring(i + 1, j), false));
            i = j;
        }
        while (i < n && !ends(s.charAt(i))) {
            char c = s.charAt(i);
            if (c == '\\') {
                flush(lit, parts, false);
                if (i + 1 >= n) {
                    throw new Error(null);
                }
                parts.add(new Part(Part.TEXT, String.valueOf(s.charAt(i + 1)), true));
                i += 2;
            } else if (c == '\'') {
                flush(lit, parts, false);
                int end = s.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new Error(null);
                }
                parts.add(new Part(Part.TEXT, s.substring(i + 1, end), true));
                i = end + 1;
            } else if (c == '"') {
                flush(lit, parts, false);
                i = doubleQuoted(s, i + 1, parts);
            } else if (c == '$' || c == '`') {
                flush(lit, parts, false);
                i = dollar(s, i, parts, false);
            } else {
                lit.append(c);
                i++;
            }
        }
        flush(lit, parts, false);
        return i;
    }

    private static void flush(StringBuilder lit, List<Part> parts, boolean quoted) {
        if (lit.length() > 0) {
            parts.add(new Part(Part.TEXT, lit.toString(), quoted));
            lit.setLength(0);
        }
    }

    private static int doubleQuoted(String s, int i, List<Part> parts) {
        StringBuilder lit = new StringBuilder();
        int n = s.length();
        boolean any = false;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '"') {
                flush(lit, parts, true);
                if (!any) {
                    parts.add(new Part(Part.TEXT, "", true));
                }
                return i + 1;
            }
            any = true;
            if (c == '\\' && i + 1 < n && "$`\"\\\n".indexOf(s.charAt(i + 1)) >= 0) {
                lit.append(s.charAt(i + 1));
                i += 2;
            } else if (c == '$' || c == '`') {
                flush(lit, parts, true);
                i = dollar(s, i, parts, true);
            } else {
                lit.append(c);
                i++;
            }
        }
        throw new Error(null);
    }

    /** {@code $NAME ${NAME} $? $$ $# $0-9 $(command)} or a backquoted command, at {@code i}. */
    private static int dollar(String s, int i, List<Part> parts, boolean quoted) {
        int n = s.length();
        if (s.charAt(i) == '`') {
            int end = s.indexOf('`', i + 1);
            if (end < 0) {
                throw new Error(null);
            }
            parts.add(new Part(Part.COMMAND, s.substring(i + 1, end), quoted));
            return end + 1;
        }
        if (i + 1 >= n) {
            parts.add(new Part(Part.TEXT, "$", quoted));
            return i + 1;
        }
        char c = s.charAt(i + 1);
        if (c == '(') {
            int depth = 1;
            int j = i + 2;
            char q = 0;
            while (j < n && depth > 0) {
                char d = s.charAt(j);
                if (q != 0) {
                    if (d == q) {
                        q = 0;
                    }
                } else if (d == '\'' || d == '"') {
                    q = d;
                } else if (d == '(') {
                    depth++;
                } else if (d == ')') {
                    depth--;
                }
                j++;
            }
            if (depth > 0) {
                throw new Error(null);
            }
            parts.add(new Part(Part.COMMAND, s.substring(i + 2, j - 1), quoted));
            return j;
        }
        if (c == '{') {
            int end = s.indexOf('}', i + 2);
            if (end < 0) {
                throw new Error(null);
            }
            String name = s.substring(i + 2, end);
            if (!validName(name)) {
                throw new Error("${" + name + "}");
            }
            parts.add(new Part(Part.PARAM, name, quoted));
            return end + 1;
        }
        if (c == '?' || c == '$' || c == '#' || c >= '0' && c <= '9') {
            parts.add(new Part(Part.PARAM, String.valueOf(c), quoted));
            return i + 2;
        }
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(s.charAt(j)) && s.charAt(j) < 128 || s.charAt(j) == '_')) {
            j++;
        }
        if (j == i + 1) {
            parts.add(new Part(Part.TEXT, "$", quoted));
            return i + 1;
        }
        parts.add(new Part(Part.PARAM, s.substring(i + 1, j), quoted));
        return j;
    }

    static boolean validName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        if (name.length() == 1 && "?$#0123456789".indexOf(name.charAt(0)) >= 0) {
            return true;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetter(c) && c < 128 || c == '_' || i > 0 && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    // ---- parsing ---------------------------------------------------------------------------

    /** Parses one input line (possibly several lines joined, when quotes spanned them). */
    static List<AndOr> parse(String line) {
        List<Token> toks = lex(line);
        List<AndOr> out = new ArrayList<>();
        int i = 0;
        while (i < toks.size()) {
            List<List<Simple>> pipes = new ArrayList<>();
            List<String> ops = new ArrayList<>();
            while (true) {
                List<Simple> pipe = new ArrayList<>();
                while (true) {
                    List<Word> words = new ArrayList<>();
                    List<Redirect> reds = new ArrayList<>();
                    while (i < toks.size() && (toks.get(i).word() != null || isRedirect(toks.get(i).op()))) {
                        Token t = toks.get(i);
                        if (t.word() != null) {
                            words.add(t.word());
                            i++;
                            continue;
                        }
                        if (i + 1 >= toks.size() || toks.get(i + 1).word() == null) {
                            throw new Error(i + 1 < toks.size() ? toks.get(i + 1).op() : "newline");
                        }
                        int fd = t.fd() >= 0 ? t.fd() : t.op().equals("<") ? 0 : 1;
                        reds.add(new Redirect(fd, t.op(), toks.get(i + 1).word()));
                        i += 2;
                    }
                    if (words.isEmpty() && reds.isEmpty()) {
                        throw new Error(i < toks.size() ? toks.get(i).op() : "newline");
                    }
                    pipe.add(new Simple(words, reds));
                    if (i < toks.size() && "|".equals(toks.get(i).op())) {
                        i++;
                        continue;
                    }
                    break;
                }
                pipes.add(pipe);
                if (i < toks.size() && ("&&".equals(toks.get(i).op()) || "||".equals(toks.get(i).op()))) {
                    ops.add(toks.get(i).op());
                    i++;
                    continue;
                }
                break;
            }
            out.add(new AndOr(pipes, ops));
            if (i < toks.size()) {
                String op = toks.get(i).op();
                if (!";".equals(op)) {
                    throw new Error(op);
                }
                i++;
            }
        }
        return out;
    }

    private static boolean isRedirect(String op) {
        return op != null && (op.equals("<") || op.equals(">") || op.equals(">>") || op.equals(">&"));
    }
}
