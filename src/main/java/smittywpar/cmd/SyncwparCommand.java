package smittywpar.cmd;

import java.util.ArrayList;
import java.util.List;

import smittywpar.host.FsException;
import smittywpar.host.Host;
import smittywpar.msg.AixException;
import smittywpar.msg.Messages;
import smittywpar.wpar.IndexEntry;
import smittywpar.wpar.Software;
import smittywpar.wpar.State;
import smittywpar.wpar.Transaction;
import smittywpar.wpar.Vfs;
import smittywpar.wpar.Wpar;

/**
 * syncwpar: synchronizes the software of system WPARs with the global environment's.
 * {@code [[-a] [-i] | [-F] [-r]] [-p] [-v] [-X] {-A | -f File | Name}} runs syncroot in shared
 * WPARs; {@code -D [-d Device] ...} installs the global environment's levels into detached WPARs
 * (from the images of Device, or by default from the global environment's own software) and then
 * runs their syncroot. Every WPAR named is checked before any is touched: a run that fails
 * changes nothing. AIX's syntax names one WPAR; several names are taken as a list, as -f gives
 * one (SMIT's dialog passes the WPARs marked with F7). A Defined WPAR's file systems are mounted for the run and unmounted after it.
 */
final class SyncwparCommand extends ParsedCommand<SyncwparCommand.Args> {
    /** The flags, in {@link Getopt}'s syntax (also the option table of the man page and the completion). */
    static final String OPTIONS = "aiFrpvXADd:f:";

    static final String PROG = "syncwpar";

    record Args(Software.Options options, boolean detached, String device, boolean all, String file, List<String> names) {
    }

    @Override
    Args parse(List<String> args) {
        Getopt g = new Getopt(PROG, OPTIONS, "usage.syncwpar").parse(args);
        boolean detached = g.has('D');
        if (detached ? g.has('a') || g.has('i') || g.has('F') || g.has('r') : g.has('d')) {
            throw g.usage();
        }
        Software.Options o = options(g);
        int targets = (g.has('A') ? 1 : 0) + (g.has('f') ? 1 : 0) + (g.operands().isEmpty() ? 0 : 1);
        if (targets != 1) {
            throw g.usage();
        }
        return new Args(o, detached, g.value('d'), g.has('A'), g.value('f'), List.copyOf(g.operands()));
    }

    /** The flags syncwpar and syncroot share; -a and -i are not valid with -r, nor -F with -i. */
    static Software.Options options(Getopt g) {
        if (g.has('r') && (g.has('a') || g.has('i')) || g.has('F') && g.has('i')) {
            throw g.usage();
        }
        return new Software.Options(g.has('a'), g.has('i'), g.has('r'), g.has('p'), g.has('v'));
    }

    @Override
    int run(Invocation inv, Args a) {
        return HostCommand.update(inv, PROG, c -> {
            List<Wpar> targets = targets(c, a, inv.scope().cwd());
            Host host = c.host();
            if (a.detached() && a.device() != null) {
                if (host.images(a.device()).isEmpty()) {
                    throw AixException.of("syncwpar.nodevice", PROG, a.device());
                }
                for (Wpar w : targets) {
                    List<String> missing = Software.missingImages(w, host, a.device(), a.options());
                    if (!missing.isEmpty()) {
                        throw AixException.of("syncwpar.noimage", PROG, a.device(), missing.get(0), w.name);
                    }
                }
            }
            for (int i = 0; i < targets.size(); i++) {
                Wpar w = targets.get(i);
                c.con.say("syncwpar.banner");
                c.con.say("syncwpar.synchronizing", w.name, i + 1, targets.size());
                c.con.say("syncwpar.banner");
                boolean defined = w.state == State.DEFINED;
                if (defined) {
                    c.con.say("start.mounting");
                }
                String before = w.get(smittywpar.wpar.Attribute.SOFTWARE);
                if (a.detached()) {
                    Software.syncDetached(c.con, w, host, a.options());
                } else {
                    c.con.say("syncwpar.exec", w.name);
                    Software.syncroot(c.con, w, host, a.options());
                }
                if (defined) {
                    c.con.say("stop.unmounting");
                }
                c.con.say("syncwpar.done", w.name);
                if (!a.options().preview() && !java.util.Objects.equals(before, w.get(smittywpar.wpar.Attribute.SOFTWARE))) {
                    c.save(w);
                }
            }
            c.con.outln("");
            c.con.say("status.success");
            return 0;
        });
    }

    /** The WPARs to synchronize, each checked. */
    private static List<Wpar> targets(Transaction c, Args a, String cwd) {
        List<Wpar> out = new ArrayList<>();
        if (a.all()) {
            for (IndexEntry e : c.entries()) {
                if (e.type() != 'S') {
                    continue;
                }
                Wpar w = c.wpar(e.name());
                if (Software.synchronizable(w) && w.privateUsr == a.detached()) {
                    check(w, a);
                    out.add(w);
                }
            }
            if (out.isEmpty()) {
                throw AixException.of(a.detached() ? "syncwpar.none.detached" : "syncwpar.none.shared", PROG);
            }
            return out;
        }
        List<String> names = new ArrayList<>();
        if (a.file() != null) {
            String text;
            try {
                text = Vfs.global(c).read(smittywpar.host.AixPath.resolve(cwd, a.file()));
            } catch (FsException e) {
                throw AixException.of("syncwpar.nofile", PROG, a.file(), Messages.get(e.errno.key()));
            }
            for (String line : text.split("\n")) {
                String n = line.strip();
                if (!n.isEmpty() && !n.startsWith("#") && !names.contains(n)) {
                    names.add(n);
                }
            }
            if (names.isEmpty()) {
                throw AixException.of("syncwpar.emptyfile", PROG, a.file());
            }
        } else {
            for (String n : a.names()) {
                if (!names.contains(n)) {
                    names.add(n);
                }
            }
        }
        for (String n : names) {
            Wpar w = c.wpar(n);
            check(w, a);
            out.add(w);
        }
        return out;
    }

    private static void check(Wpar w, Args a) {
        if (w.type != 'S') {
            throw AixException.of("syncwpar.app", PROG, w.name);
        }
        if (!Software.synchronizable(w)) {
            throw AixException.of("syncwpar.versioned", PROG, w.name);
        }
        if (w.privateUsr && !a.detached()) {
            throw AixException.of("syncwpar.detached", PROG, w.name);
        }
        if (!w.privateUsr && a.detached()) {
            throw AixException.of("syncwpar.notdetached", PROG, w.name);
        }
        if (w.state != State.ACTIVE && w.state != State.DEFINED && w.state != State.MAINTENANCE) {
            throw AixException.of("syncwpar.state", PROG, w.name, w.state.word);
        }
    }
}
