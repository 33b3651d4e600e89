package smittywpar.cmd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import smittywpar.msg.AixException;
import smittywpar.msg.Messages;

/**
 * AIX-style option parsing: clustered single-letter flags ({@code -cq}), flag arguments
 * attached or separate ({@code -d'|'}, {@code -d '|'}), optional arguments ({@code -p [name]}),
 * attribute flags that take one or more {@code attr=value} words ({@code -N address=... netmask=...}),
 * {@code --} ending the flags, and parsing stopping at the first operand, as getopt does.
 *
 * <p>Spec syntax: a letter, then {@code :} (argument), {@code ::} (optional argument taken when
 * the next word is not a flag), {@code +} (attribute list of one or more words) or {@code *}
 * (attribute list that may be empty, as {@code chwpar -K -R [attribute ...]}). Example:
 * {@code "aAd:n:N+p::"}.
 *
 * <p>An attribute flag directly followed by plain flags takes the attribute words after them, as
 * the WPAR commands accept it: {@code chwpar -N -K address=10.1.0.1 wpar1} is
 * {@code chwpar -K -N address=10.1.0.1 wpar1}.
 */
public final class Getopt {
    /** One occurrence of a flag: the letter and its words (empty for plain flags). */
    public record Opt(char flag, List<String> values) {
        public String value() {
            return values.isEmpty() ? null : values.get(0);
        }
    }

    private final String prog;
    private final Map<Character, Character> kinds = new LinkedHashMap<>();
    private final List<Opt> opts = new ArrayList<>();
    private final List<String> operands = new ArrayList<>();
    private final String usage;
    private boolean bareAttrs;

    /**
     * @param usageKey catalogue key of the usage text printed after a flag error, or null
     */
    public Getopt(String prog, String spec, String usageKey) {
        this.prog = prog;
        this.usage = usageKey;
        for (int i = 0; i < spec.length(); i++) {
            char f = spec.charAt(i);
            char kind = ' ';
            if (i + 2 < spec.length() + 1 && spec.startsWith("::", i + 1)) {
                kind = '?';
                i += 2;
            } else if (i + 1 < spec.length() && spec.charAt(i + 1) == ':') {
                kind = ':';
                i++;
            } else if (i + 1 < spec.length() && (spec.charAt(i + 1) == '+' || spec.charAt(i + 1) == '*')) {
                kind = spec.charAt(i + 1);
                i++;
            }
            kinds.put(f, kind);
        }
    }

    /** Lets attribute flags also take bare words (chwpar -K -R name ...), except the last word. */
    public Getopt bareAttributeWords(boolean on) {
        this.bareAttrs = on;
        return this;
    }

    public Getopt parse(List<String> args) {
        int i = 0;
        int n = args.size();
        while (i < n) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (a.length() < 2 || a.charAt(0) != '-') {
                break;
            }
            int j = 1;
            while (j < a.length()) {
                char f = a.charAt(j);
                Character kind = kinds.get(f);
                if (kind == null) {
                    throw usageError("getopt.badflag", printable(f));
                }
                if (kind == ' ') {
                    opts.add(new Opt(f, List.of()));
                    j++;
                    continue;
                }
                String rest = a.substring(j + 1);
                List<String> vals = new ArrayList<>();
                List<Opt> between = new ArrayList<>();
                if (rest.isEmpty() && (kind == '+' || kind == '*')) {
                    while (i + 1 < n && isPlainCluster(args.get(i + 1))) {
                        for (char p : args.get(++i).substring(1).toCharArray()) {
                            between.add(new Opt(p, List.of()));
                        }
                    }
                }
                if (!rest.isEmpty()) {
                    vals.add(rest);
                } else if (kind == '?') {
                    if (i + 1 < n && !args.get(i + 1).startsWith("-")) {
                        vals.add(args.get(++i));
                    }
                } else if (kind != '*') {
                    if (i + 1 >= n) {
                        throw usageError("getopt.needarg", String.valueOf(f));
                    }
                    vals.add(args.get(++i));
                }
                if (kind == '+' || kind == '*') {
                    while (i + 1 < n) {
                        String next = args.get(i + 1);
                        boolean attr = !next.startsWith("-") && next.indexOf('=') > 0;
                        boolean bare = bareAttrs && !next.startsWith("-") && i + 1 < n - 1;
                        if (!attr && !bare) {
                            break;
                        }
                        vals.add(next);
                        i++;
                    }
                }
                opts.addAll(between);
                opts.add(new Opt(f, vals));
                break;
            }
            i++;
        }
        while (i < n) {
            operands.add(args.get(i++));
        }
        return this;
    }

    /** True for a word such as {@code -K} or {@code -Fv}: only flags that take no argument. */
    private boolean isPlainCluster(String w) {
        if (w.length() < 2 || w.charAt(0) != '-' || w.equals("--")) {
            return false;
        }
        for (int k = 1; k < w.length(); k++) {
            Character kind = kinds.get(w.charAt(k));
            if (kind == null || kind != ' ') {
                return false;
            }
        }
        return true;
    }

    private static String printable(char c) {
        return c < 32 || c > 126 ? "?" : String.valueOf(c);
    }

    /** An error in the use of flags: message, then the usage text. */
    public AixException usageError(String key, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = prog;
        System.arraycopy(args, 0, all, 1, args.length);
        String text = Messages.get(key, all);
        return new AixException(usage == null ? text : text + "\n" + Messages.get(usage), 1, true);
    }

    /** The usage text alone (after a semantic error such as a missing operand). */
    public AixException usage() {
        return new AixException(Messages.get(usage), 1, true);
    }

    public boolean has(char f) {
        for (Opt o : opts) {
            if (o.flag() == f) {
                return true;
            }
        }
        return false;
    }

    /** The value of the last occurrence of {@code f}, or null. */
    public String value(char f) {
        String v = null;
        for (Opt o : opts) {
            if (o.flag() == f) {
                v = o.value();
            }
        }
        return v;
    }

    /** Every occurrence of {@code f} with its words. */
    public List<List<String>> all(char f) {
        List<List<String>> out = new ArrayList<>();
        for (Opt o : opts) {
            if (o.flag() == f) {
                out.add(o.values());
            }
        }
        return out;
    }

    /**
     * Every occurrence of the attribute flag {@code f}, each parsed into its attribute map
     * (see {@link smittywpar.wpar.Attrs#parse}): {@code -N a=1 b=2 -N a=3} gives two maps.
     */
    public List<java.util.Map<String, String>> attrs(char f, List<String> allowed) {
        List<java.util.Map<String, String>> out = new ArrayList<>();
        for (List<String> words : all(f)) {
            out.add(smittywpar.wpar.Attrs.parse(prog, f, words, allowed));
        }
        return out;
    }

    public List<Opt> opts() {
        return opts;
    }

    public List<String> operands() {
        return operands;
    }
}
