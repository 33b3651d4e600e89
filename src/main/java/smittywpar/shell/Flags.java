package smittywpar.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import smittywpar.msg.Messages;

/**
 * The flags of a utility of the shell, parsed as getopt does: clustered letters, a value after a
 * letter marked with {@code :} (attached or the next word), {@code --} ending the flags; an
 * unknown letter prints AIX's {@code Not a recognized flag} line and the usage text.
 */
final class Flags {
    final Map<Character, String> set = new HashMap<>();
    final List<String> operands = new ArrayList<>();

    private Flags() {
    }

    boolean has(char c) {
        return set.containsKey(c);
    }

    String value(char c) {
        return set.get(c);
    }

    /** Parses {@code args}; null (after printing the error and usage) when they do not parse. */
    static Flags parse(String prog, String spec, List<String> args, Shell.Io io) {
        Flags f = new Flags();
        int i = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.startsWith("-") || a.length() == 1) {
                break;
            }
            for (int k = 1; k < a.length(); k++) {
                char c = a.charAt(k);
                int at = spec.indexOf(c);
                if (at < 0 || c == ':') {
                    io.err().println(Messages.get("getopt.badflag", prog, c));
                    io.err().println(usage(prog));
                    return null;
                }
                if (at + 1 < spec.length() && spec.charAt(at + 1) == ':') {
                    String v = k + 1 < a.length() ? a.substring(k + 1) : i + 1 < args.size() ? args.get(++i) : null;
                    if (v == null) {
                        io.err().println(Messages.get("getopt.needarg", prog, c));
                        io.err().println(usage(prog));
                        return null;
                    }
                    f.set.put(c, v);
                    break;
                }
                f.set.put(c, "");
            }
        }
        f.operands.addAll(args.subList(i, args.size()));
        return f;
    }

    /** Prints the usage text of {@code prog} and returns 2 (a utility called wrongly). */
    static int usage(String prog, Shell.Io io) {
        io.err().println(usage(prog));
        return 2;
    }

    /** The usage text of utility {@code prog} (catalogue key sh.usage.PROG). */
    static String usage(String prog) {
        String key = "sh.usage." + prog;
        return Messages.get(key);
    }
}
