package smittywpar.cmd;

import java.util.List;
import java.util.Map;

import smittywpar.msg.AixException;
import smittywpar.wpar.Attribute;
import smittywpar.wpar.CreateRequest;
import smittywpar.wpar.Creation;
import smittywpar.wpar.CreationSources;
import smittywpar.wpar.Resources;
import smittywpar.wpar.WparEngine;

/** mkwpar: creates a system workload partition. */
final class MkwparCommand extends ParsedCommand<CreateRequest> {
    /** The flags, in {@link Getopt}'s syntax (also the option table of the man page and the completion). */
    static final String OPTIONS = "aAb:B:cCd:D+e:E:f:Fg:h:H:iI+k:lL+M+n:N+o:Op::PrR+sS+tT+u:U::vwWX+";
    static final String PROG = "mkwpar";

    /** Parses the command line into a creation request (flags and attribute lists, not values). */
    @Override
    CreateRequest parse(List<String> args) {
        Getopt g = new Getopt(PROG, OPTIONS, "usage.mkwpar").parse(args);
        if (!g.operands().isEmpty()) {
            throw g.usage();
        }
        CreateRequest r = new CreateRequest();
        WparFlags.read(g, r, 'm', false);
        if (g.has('p')) {
            String p = g.value('p');
            r.preserve = p == null ? "" : p;
        }
        r.copyNameResolution = g.has('r');
        r.start = g.has('s');
        r.overwriteVg = g.has('O');
        r.specIn = g.value('f');
        r.existing = g.value('e');
        r.noBootsets = g.has('W');
        r.specOut = g.value('o');
        r.writeOnly = g.has('w');
        r.password = g.has('P');
        r.backup = g.value('B');
        r.versioned = g.has('C');
        r.versionedDir = g.value('E');
        r.systemCopy = g.has('t');
        for (List<String> k : g.all('k')) {
            r.scripts.add(k.get(0));
        }
        for (Map<String, String> a : g.attrs('L', CreationSources.IMAGE_OPTIONS)) {
            r.imageOptions.putAll(a);
        }
        for (Map<String, String> a : g.attrs('T', Attribute.words(Attribute.Section.COPY_CONTROLS, 'm'))) {
            r.copyControls.putAll(a);
        }
        if (g.has('e') && g.has('f') || g.has('W') && !g.has('e') || g.has('w') && !g.has('o')) {
            throw g.usage();
        }
        if (r.versionedDir != null && !r.versioned) {
            throw AixException.of("mk.Eneeds", PROG);
        }
        if (!r.copyControls.isEmpty() && !r.systemCopy) {
            throw AixException.of("mk.Tneeds", PROG);
        }
        if (r.name() == null && r.preserve == null && r.specIn == null && !r.writeOnly) {
            throw g.usageError("name.missing.usage");
        }
        for (List<String> w : g.all('R')) {
            Resources.names(PROG, w);
            r.resources.addAll(w);
        }
        return r;
    }

    @Override
    int run(Invocation inv, CreateRequest r) {
        if (r.password) {
            r.prompt = WparFlags.prompt(inv);
        }
        WparEngine engine = new WparEngine(PROG, inv.console(), inv.env());
        engine.update(c -> Creation.create(c, r));
        return 0;
    }
}
