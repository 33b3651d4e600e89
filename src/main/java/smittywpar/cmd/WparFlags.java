package smittywpar.cmd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.function.Function;

import smittywpar.wpar.Attribute;
import smittywpar.wpar.Attribute.Section;
import smittywpar.wpar.ValueType;
import smittywpar.wpar.WparRequest;

/** The flags mkwpar and chwpar share, read into a request as the table of attributes says. */
final class WparFlags {
    /** The sections whose flag may be given again and again, one object per flag. */
    private static final Section[] REPEATED = {Section.NETWORK, Section.ROUTE, Section.MOUNT, Section.DEVICE,
        Section.EXTENSION};

    private WparFlags() {
    }

    /** What -P reads a password with: the prompt on standard output, a line from standard input. */
    static Function<String, String> prompt(Invocation inv) {
        BufferedReader in = new BufferedReader(new InputStreamReader(inv.in(), Charset.defaultCharset()));
        return text -> {
            inv.out().println(text);
            inv.out().flush();
            try {
                return in.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /**
     * Reads the flags of the general attributes, the attribute words of -N -I -M -D -X and -S, and
     * -a -F -v of mkwpar ({@code command} 'm') or chwpar ('c'). A yes/no flag gives "yes"; a value
     * flag its value, or "" when it has none (chwpar -U) or with {@code remove} (chwpar -K -u).
     */
    static void read(Getopt g, WparRequest r, char command, boolean remove) {
        r.autoResolve = g.has('a');
        r.force = g.has('F');
        r.verbose = g.has('v');
        for (Attribute a : Section.GENERAL.attributes()) {
            char flag = command == 'm' ? a.mk : a.ch;
            if (flag != ' ' && g.has(flag)) {
                String v = g.value(flag);
                r.put(a, a.type == ValueType.YESNO ? "yes" : remove || v == null ? "" : v);
            }
        }
        for (Section s : REPEATED) {
            r.words(s).addAll(g.attrs(s.flag, Attribute.words(s, command)));
        }
        for (Map<String, String> s : g.attrs('S', Attribute.words(Section.SECURITY, command))) {
            r.security.putAll(s);
        }
    }
}
