package smittywpar.cmd;

import java.util.ArrayList;
import java.util.List;

import smittywpar.host.AixPath;
import smittywpar.msg.AixException;
import smittywpar.shell.Shell;
import smittywpar.wpar.Applications;
import smittywpar.wpar.Attribute;
import smittywpar.wpar.CreateRequest;
import smittywpar.wpar.Resources;
import smittywpar.wpar.Vfs;
import smittywpar.wpar.Wpar;
import smittywpar.wpar.WparEngine;

/**
 * wparexec: creates an application workload partition and runs its tracked command in it, or
 * (-1) only defines it for startwpar, or (-w -o) only writes its specification file. The tracked
 * command is {@code [--] [var=value ...] /path/to/command [arg ...]}, or the application of the
 * specification file (-f) or existing WPAR (-e). See {@link AppRunner} for what it does.
 */
final class WparexecCommand extends ParsedCommand<CreateRequest> {
    /** The flags, in {@link Getopt}'s syntax (also the option table of the man page and the completion). */
    static final String OPTIONS = "ac1Fh:H:iI+M+N+R+u:vxn:e:f:o:w";
    static final String PROG = "wparexec";

    @Override
    CreateRequest parse(List<String> args) {
        Getopt g = new Getopt(PROG, OPTIONS, "usage.wparexec").parse(args);
        CreateRequest r = new CreateRequest();
        WparFlags.read(g, r, 'm', false);
        if (g.has('x')) {
            r.put(Attribute.XWPARIPC, "yes");
        }
        r.configOnly = g.has('1');
        r.specIn = g.value('f');
        r.existing = g.value('e');
        r.specOut = g.value('o');
        r.writeOnly = g.has('w');
        if (g.has('e') && g.has('f') || g.has('w') && g.has('1')) {
            throw g.usage();
        }
        if (r.name() == null && r.specIn == null && !r.writeOnly) {
            throw g.usageError("name.missing.usage");
        }
        for (List<String> w : g.all('R')) {
            Resources.names(PROG, w);
            r.resources.addAll(w);
        }
        List<String> ops = g.operands();
        for (String w : ops) {
            // only ASCII arguments, whatever the locale [V]; the command line is kept as text
            for (int k = 0; k < w.length(); k++) {
                if (w.charAt(k) < ' ' || w.charAt(k) > '~') {
                    throw AixException.of("app.ascii", PROG, smittywpar.wpar.Names.printable(w));
                }
            }
        }
        int i = 0;
        List<String> env = new ArrayList<>();
        while (i < ops.size() && assignment(ops.get(i))) {
            env.add(ops.get(i++));
        }
        if (i < ops.size()) {
            r.put(Attribute.APPLICATION, Applications.line(ops.subList(i, ops.size())));
        } else if (!env.isEmpty()) {
            throw AixException.of("app.nocommand", PROG);
        }
        if (!env.isEmpty()) {
            r.put(Attribute.ENVIRONMENT, Applications.line(env));
        }
        return r;
    }

    /** A {@code var=value} word: a shell variable name, then =. */
    static boolean assignment(String w) {
        int eq = w.indexOf('=');
        if (eq <= 0) {
            return false;
        }
        for (int k = 0; k < eq; k++) {
            char c = w.charAt(k);
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
            if (!letter && !(k > 0 && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    @Override
    int run(Invocation inv, CreateRequest r) {
        if (r.writeOnly && r.specOut == null) {
            // (not a usage error of the parse: a dialog that offers -w beside its -o field stays valid)
            throw AixException.of("app.wneedso", PROG);
        }
        WparEngine engine = new WparEngine(PROG, inv.console(), inv.env());
        Shell.Commands registry = new ShellSessions.Registry();
        // the whole life of an application that ends at once is one transaction (see AppRunner)
        return engine.joint(() -> {
            Wpar w = engine.update(c -> Applications.create(c, r, path -> {
                if (Shell.runnable(Vfs.global(c), AixPath.resolve("/", path), registry) == Boolean.FALSE) {
                    throw AixException.of("app.notprogram", PROG, path);
                }
            }));
            if (w == null) {
                return 0;
            }
            return AppRunner.run(inv, engine, w.name, r.verbose);
        });
    }
}
