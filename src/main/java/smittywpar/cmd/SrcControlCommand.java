package smittywpar.cmd;

import java.util.ArrayList;
import java.util.List;

import smittywpar.msg.AixException;
import smittywpar.wpar.Src;
import smittywpar.wpar.Transaction;
import smittywpar.wpar.Users;
import smittywpar.wpar.Vfs;

/**
 * The commands that act on running subsystems of the partition they run in:
 * <ul>
 * <li>startsrc [-a Argument] [-e Environment] [-h Host] {-s Subsystem | -g Group}</li>
 * <li>stopsrc [-h Host] [-f | -c] {-a | -g Group | -p SubsystemPID | -s Subsystem}</li>
 * <li>refresh [-h Host] {-g Group | -p SubsystemPID | -s Subsystem}</li>
 * </ul>
 * A subsystem's process is one more process of the partition (ps shows it); stopping ends it at
 * once. The cor_NAME subsystems of the WPARs belong to startwpar, stopwpar and rmwpar.
 */
final class SrcControlCommand extends ParsedCommand<Getopt> {
    /** The flags of startsrc, stopsrc and refresh, in {@link Getopt}'s syntax (also their man pages' and completion's). */
    static final String START_OPTIONS = "a:e:h:s:g:";
    static final String STOP_OPTIONS = "h:fcag:p:s:";
    static final String REFRESH_OPTIONS = "h:g:p:s:";

    enum Kind {
        START("startsrc", START_OPTIONS), STOP("stopsrc", STOP_OPTIONS), REFRESH("refresh", REFRESH_OPTIONS);

        final String prog;
        final String spec;

        Kind(String prog, String spec) {
            this.prog = prog;
            this.spec = spec;
        }
    }

    private final Kind kind;

    SrcControlCommand(Kind kind) {
        this.kind = kind;
    }

    @Override
    Getopt parse(List<String> args) {
        Getopt g = new Getopt(kind.prog, kind.spec, "usage." + kind.prog).parse(args);
        int modes = (g.has('a') && kind == Kind.STOP ? 1 : 0) + (g.has('g') ? 1 : 0) + (g.has('s') ? 1 : 0)
                + (g.has('p') ? 1 : 0);
        if (!g.operands().isEmpty() || modes != 1 || g.has('f') && g.has('c')) {
            throw g.usage();
        }
        SrcCommands.checkPid(g);
        return g;
    }

    @Override
    int run(Invocation inv, Getopt g) {
        SrcCommands.Report report = HostCommand.update(inv, kind.prog, c -> {
            SrcCommands.Partition p = SrcCommands.open(c, inv.scope(), g.value('h'), kind != Kind.START);
            String part = p.part();
            List<Src.Subsystem> table = p.table();
            SrcCommands.Report r = new SrcCommands.Report();
            if (g.has('s')) {
                act(c, part, SrcCommands.need(table, g.value('s')), g, r);
            } else if (g.has('g')) {
                group(c, part, SrcCommands.group(table, g.value('g')), g, r);
            } else if (g.has('p')) {
                int pid = SrcCommands.pid(g.value('p'));
                Src.Subsystem owner = null;
                for (Src.Row row : Src.rows(c, part, table, false)) {
                    if (row.pid() == pid) {
                        owner = row.subsystem();
                    }
                }
                if (owner == null) {
                    throw AixException.of("src.pidnotonfile", pid);
                }
                if (owner.wpar != null) {
                    throw AixException.of("src.cor", owner.name, owner.wpar);
                }
                if (kind == Kind.STOP) {
                    Src.stop(c, part, pid);
                    r.out("src.stopped", owner.name);
                } else {
                    act(c, part, owner, g, r);
                }
            } else {
                // stopsrc -a: every active subsystem but the WPARs' own
                for (Src.Subsystem s : table) {
                    if (s.wpar == null && !Src.pids(c, part, s).isEmpty()) {
                        act(c, part, s, g, r);
                    }
                }
            }
            if (!g.has('s') && !g.has('p')) {
                r.lenient();
            }
            return r;
        });
        return report.print(inv);
    }

    /**
     * -g: each member of the group (stopsrc and refresh: each active one, and once when none of
     * them is active).
     */
    private void group(Transaction c, String part, List<Src.Subsystem> members, Getopt g, SrcCommands.Report r) {
        if (kind != Kind.START) {
            List<Src.Subsystem> active = new ArrayList<>();
            for (Src.Subsystem s : members) {
                if (s.wpar == null && !Src.pids(c, part, s).isEmpty()) {
                    active.add(s);
                }
            }
            if (active.isEmpty()) {
                r.err(kind == Kind.STOP ? "src.isinoperative" : "src.notpassed", g.value('g'));
            }
            members = active;
        }
        for (Src.Subsystem s : members) {
            act(c, part, s, g, r);
        }
    }

    private void act(Transaction c, String part, Src.Subsystem s, Getopt g, SrcCommands.Report r) {
        List<Integer> pids = Src.pids(c, part, s);
        if (s.wpar != null) {
            if (kind == Kind.START && !pids.isEmpty()) {
                r.err("src.already", s.name);
            } else if (kind == Kind.STOP && pids.isEmpty()) {
                r.err("src.isinoperative", s.name);
            } else if (kind == Kind.REFRESH && pids.isEmpty()) {
                r.err("src.notpassed", s.name);
            } else {
                r.err("src.cor", s.name, s.wpar);
            }
            return;
        }
        switch (kind) {
            case START -> {
                if (!pids.isEmpty() && !s.multi) {
                    r.err("src.already", s.name);
                    return;
                }
                String extra = g.has('a') ? g.value('a') : "";
                int pid = Src.start(c, part, s, extra, user(c, part, s));
                r.out("src.started", s.name, pid);
            }
            case STOP -> {
                if (pids.isEmpty()) {
                    r.err("src.isinoperative", s.name);
                    return;
                }
                for (int pid : pids) {
                    Src.stop(c, part, pid);
                }
                r.out("src.stopped", s.name);
            }
            case REFRESH -> {
                if (pids.isEmpty()) {
                    r.err("src.notpassed", s.name);
                } else if (s.contact == 'S') {
                    r.err("src.signalsonly", s.name);
                } else {
                    r.out("src.refreshed");
                }
            }
        }
    }

    /** The user a subsystem runs as: the partition's user with its uid (root for 0). */
    private static String user(Transaction c, String part, Src.Subsystem s) {
        if (s.uid == 0) {
            return "root";
        }
        Vfs v = part == null ? Vfs.global(c) : Vfs.of(c, new smittywpar.wpar.Scope(part, "root", "/", 0));
        Users.User u = v.users().byUid(s.uid);
        return u == null ? String.valueOf(s.uid) : u.name();
    }
}
