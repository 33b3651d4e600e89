package smittywpar.cmd;

import java.util.List;

import smittywpar.msg.AixException;
import smittywpar.wpar.Attribute;
import smittywpar.wpar.Attrs;
import smittywpar.wpar.ChangeRequest;
import smittywpar.wpar.Changes;
import smittywpar.wpar.WparEngine;

/**
 * chwpar: changes the characteristics of a workload partition, or with -K removes them. The two
 * forms take different flag arguments (-b and -S take none with -K, -R takes bare attribute
 * names), so the command line is read with the -K grammar first and, when it has no -K, again
 * with the change grammar.
 */
final class ChwparCommand extends ParsedCommand<ChangeRequest> {
    static final String PROG = "chwpar";
    /**
     * The flags, in {@link Getopt}'s syntax (also the option table of the man page and the completion);
     * with -K the same letters are read by {@link #KSPEC}.
     */
    static final String OPTIONS = "aAb:B*cd:D+Fh:H:iI+KM+n:N+PR+S+u:U::vxX+";
    static final String KSPEC = "aAbB+cd:D+Fh:H:iI+KM+n:N+PR*SuU::vxX+";
    /** Flags the -K form accepts. */
    static final String KFLAGS = "AbBcDFiIKMNRSuvxX";
    /** Flags that change something (chwpar needs at least one). */
    static final String CHANGES = "AbBcdDhHiIMnNPRSuUxX";

    @Override
    ChangeRequest parse(List<String> args) {
        return request(args);
    }

    @Override
    int run(Invocation inv, ChangeRequest r) {
        if (r.password) {
            r.prompt = WparFlags.prompt(inv);
        }
        new WparEngine(PROG, inv.console(), inv.env()).update(c -> {
            Changes.apply(c, r);
            return null;
        });
        return 0;
    }

    /** The change a command line asks for: flags, attribute lists and the operand, checked for syntax. */
    static ChangeRequest request(List<String> args) {
        Getopt g = grammar(args);
        boolean k = g.has('K');
        for (Getopt.Opt o : g.opts()) {
            boolean plainInK = o.flag() == 'b' || o.flag() == 'S' || o.flag() == 'u';
            if (k && (KFLAGS.indexOf(o.flag()) < 0 || plainInK && !o.values().isEmpty())) {
                throw g.usage();
            }
        }
        boolean changes = false;
        for (Getopt.Opt o : g.opts()) {
            changes |= CHANGES.indexOf(o.flag()) >= 0;
        }
        if (!changes) {
            throw g.usage();
        }
        ChangeRequest r = new ChangeRequest();
        r.remove = k;
        WparFlags.read(g, r, 'c', k);
        for (List<String> w : g.all('B')) {
            r.bootsets.add(Attrs.parse(PROG, 'B', w, k ? List.of(Attribute.BOOTSET_NUMBER.key)
                    : Attribute.words(Attribute.Section.BOOTSET, 'c')));
        }
        for (List<String> w : g.all('R')) {
            r.resources.addAll(w);
        }
        List<String> operands = g.operands();
        String uuid = r.get(Attribute.UUID);
        if (operands.isEmpty() && uuid != null && !uuid.isEmpty()) {
            // -U takes an optional value: "chwpar -U NAME" names the WPAR and asks for a new UUID
            operands = List.of(uuid);
            r.put(Attribute.UUID, "");
        }
        if (operands.size() != 1) {
            throw g.usage();
        }
        r.name = operands.get(0);
        r.password = g.has('P');
        r.securityGiven = g.has('S');
        r.resourcesGiven = g.has('R');
        return r;
    }

    /** Reads the command line with the -K grammar, or the change grammar when there is no -K. */
    static Getopt grammar(List<String> args) {
        try {
            Getopt kg = new Getopt(PROG, KSPEC, "usage.chwpar").bareAttributeWords(true).parse(args);
            if (kg.has('K')) {
                return kg;
            }
        } catch (AixException e) {
            // not a -K command line; the change grammar reports the error
        }
        return new Getopt(PROG, OPTIONS, "usage.chwpar").parse(args);
    }
}
