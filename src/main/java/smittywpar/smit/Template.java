package smittywpar.smit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A helper command line of the menus (list, discover and classify commands): shell words in
 * which {@code {name}} stands for a value gathered so far (a field of the dialog by its id, or a
 * value passed on by a selector such as {@code {_rawname}}). Substituted values are never split
 * or interpreted: each lands inside its word as typed.
 */
public final class Template {
    private static final Pattern VAR = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)\\}");

    private Template() {
    }

    /** The variable names used by {@code template}. */
    public static List<String> variables(String template) {
        List<String> out = new ArrayList<>();
        Matcher m = VAR.matcher(template);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /**
     * The words of {@code template} with every variable replaced by {@code values.apply(name)}
     * (null counts as empty).
     *
     * @throws ShellWords.SyntaxException when the template itself is not plain shell words
     */
    public static List<String> words(String template, UnaryOperator<String> values) {
        List<String> out = new ArrayList<>();
        for (String w : ShellWords.split(template)) {
            Matcher m = VAR.matcher(w);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String v = values.apply(m.group(1));
                m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? "" : v));
            }
            m.appendTail(sb);
            out.add(sb.toString());
        }
        return out;
    }

    /** Words as one line a shell would read back (for logs and messages). */
    public static String text(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(ShellWords.quoteIfNeeded(w));
        }
        return sb.toString();
    }
}
