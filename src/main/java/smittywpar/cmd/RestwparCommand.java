package smittywpar.cmd;

import java.util.ArrayList;
import java.util.List;

import smittywpar.wpar.Attribute;
import smittywpar.wpar.CreateRequest;
import smittywpar.wpar.Restore;
import smittywpar.wpar.WparEngine;

/**
 * restwpar: re-creates a WPAR from its backup image, in one transaction. -C (compatibility check),
 * -K and -S (software synchronisation: the simulated WPAR shares the global software) are taken
 * and change nothing; docs/AIX-FACTS.md says so.
 */
final class RestwparCommand extends ParsedCommand<Restore.Options> {
    static final String PROG = "restwpar";
    /** The flags it takes (what bin/ completion and the man page list). */
    static final String OPTIONS = "aAb:B:Cd:f:Fh:i:kKM:n:rsS:Uvw:";

    @Override
    Restore.Options parse(List<String> args) {
        Getopt g = new Getopt(PROG, OPTIONS, "usage.restwpar").parse(args);
        if (!g.operands().isEmpty()) {
            throw g.usage();
        }
        int blocks = SavewparCommand.blocks(g, PROG);
        if (g.has('S') && !g.value('S').matches("[aAfFn]")) {
            throw g.usageError("rest.badsync", g.value('S'));
        }
        return new Restore.Options(g.value('f'), blocks, g.value('n'), g.value('h'), g.value('d'), g.has('a'),
                g.has('A'), g.value('B'), g.has('F'), g.has('r'), g.has('s'), g.has('U'), g.value('w'), g.value('i'),
                g.has('k'), g.has('v'), g.value('M'));
    }

    /**
     * The flags -M passes on to mkwpar, checked as mkwpar checks them when restwpar runs (a free
     * text, as for AIX's restwpar, which hands it to mkwpar); the WPAR's name is the image's.
     */
    static CreateRequest mkwparFlags(String flags) {
        if (flags == null) {
            return new CreateRequest();
        }
        List<String> words = split(flags);
        boolean named = words.contains("-n");
        if (!named) {
            words.add("-n");
            words.add("restwpar");
        }
        CreateRequest mk = new MkwparCommand().parse(words);
        if (!named) {
            mk.put(Attribute.NAME, null);
        }
        return mk;
    }

    /** The words of a flag string: blanks separate them, quotes keep them together. */
    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean in = false;
        char quote = 0;
        for (char ch : s.toCharArray()) {
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
                in = true;
            } else if (ch == ' ' || ch == '\t' || ch == '\n') {
                if (in) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    in = false;
                }
            } else {
                cur.append(ch);
                in = true;
            }
        }
        if (in) {
            out.add(cur.toString());
        }
        return out;
    }

    @Override
    int run(Invocation inv, Restore.Options o) {
        CreateRequest mk = mkwparFlags(o.mkFlags());
        new WparEngine(PROG, inv.console(), inv.env()).update(c -> {
            Restore.restwpar(c, o, mk);
            return null;
        });
        return 0;
    }
}
