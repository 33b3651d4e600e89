package smittywpar.smit;

import java.util.ArrayList;
import java.util.List;

/**
 * The small part of POSIX sh word syntax that SMIT command lines use: single quotes, double
 * quotes, backslash escapes and blanks between words. A command line is built as text (what F6
 * shows and smit.script records) and split back into words here, so the words that run are
 * exactly the words a shell would pass for that text. Characters that a shell would interpret
 * (pipes, redirections, variables, globbing, command separators) are refused rather than
 * silently taken literally.
 */
public final class ShellWords {
    private ShellWords() {
    }

    /** The text is not a plain list of words for sh. */
    public static final class SyntaxException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final char offending;

        SyntaxException(char offending) {
            super(String.valueOf(offending));
            this.offending = offending;
        }

        /** The character a shell would interpret, or 0 for an unterminated quote. */
        public char offending() {
            return offending;
        }
    }

    /** {@code value} in single quotes, as SMIT writes values ({@code '} becomes {@code '\''}). */
    public static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** {@code word} as is when sh would read it back unchanged, else single-quoted. */
    public static String quoteIfNeeded(String word) {
        if (word.isEmpty()) {
            return "''";
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128 || "_-./:=,+@%^".indexOf(c) >= 0)) {
                return quote(word);
            }
        }
        return word;
    }

    /**
     * Splits a command line into words as sh would, without any expansion.
     *
     * @throws SyntaxException at an unquoted character sh would interpret, or an unterminated quote
     */
    public static List<String> split(String line) {
        return split(line, false);
    }

    /**
     * Splits a command line as {@link #split(String)} does, but takes the pattern characters
     * {@code * ? [} literally, as sh does when a pattern matches no file (a command typed at a
     * prompt in a directory where {@code lslpp -l wio.*} names no file).
     */
    public static List<String> splitUnmatchedPatterns(String line) {
        return split(line, true);
    }

    private static List<String> split(String line, boolean patternsLiteral) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
                i++;
                continue;
            }
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new SyntaxException((char) 0);
                }
                w.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
                continue;
            }
            if (c == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = line.charAt(i);
                    if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    }
                    if (d == '$' || d == '`') {
                        throw new SyntaxException(d);
                    }
                    if (d == '\\' && i + 1 < n && "\\\"$`".indexOf(line.charAt(i + 1)) >= 0) {
                        w.append(line.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    w.append(d);
                    i++;
                }
                if (!closed) {
                    throw new SyntaxException((char) 0);
                }
                inWord = true;
                continue;
            }
            if (c == '\\') {
                if (i + 1 >= n || line.charAt(i + 1) == '\n') {
                    throw new SyntaxException('\\');
                }
                w.append(line.charAt(i + 1));
                inWord = true;
                i += 2;
                continue;
            }
            boolean pattern = c == '*' || c == '?' || c == '[';
            if (pattern && !patternsLiteral || "|&;<>()$`\n\r".indexOf(c) >= 0 || !inWord && (c == '#' || c == '~')) {
                throw new SyntaxException(c);
            }
            w.append(c);
            inWord = true;
            i++;
        }
        if (inWord) {
            words.add(w.toString());
        }
        return words;
    }
}
