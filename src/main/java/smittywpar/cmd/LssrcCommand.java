package smittywpar.cmd;

import java.util.ArrayList;
import java.util.List;

import smittywpar.msg.AixException;
import smittywpar.msg.Messages;
import smittywpar.wpar.Src;

/**
 * lssrc [-h Host] {-a | -g Group | [-l] -s Subsystem | [-l] -p PID} and lssrc -S [-s Subsystem | -d]:
 * the status of the subsystems of the partition the command runs in (the global environment, or
 * the system WPAR of the shell that runs it). Active instances first, then the inoperative ones,
 * each in the order of the object class. {@code -l} asks the subsystem for its long status; the
 * simulated subsystems answer with their short one.
 */
final class LssrcCommand extends ParsedCommand<Getopt> {
    /** The flags, in {@link Getopt}'s syntax (also the option table of the man page and the completion). */
    static final String OPTIONS = "ag:s:lp:Sdh:";

    static final String PROG = "lssrc";

    @Override
    Getopt parse(List<String> args) {
        Getopt g = new Getopt(PROG, OPTIONS, "usage.lssrc").parse(args);
        if (!g.operands().isEmpty()) {
            throw g.usage();
        }
        int modes = (g.has('a') ? 1 : 0) + (g.has('g') ? 1 : 0) + (g.has('s') ? 1 : 0) + (g.has('p') ? 1 : 0);
        if (g.has('S')) {
            if (g.has('a') || g.has('g') || g.has('p') || g.has('l') || g.has('h') || g.has('s') && g.has('d')) {
                throw g.usage();
            }
        } else if (modes != 1 || g.has('d') || g.has('l') && (g.has('a') || g.has('g'))) {
            throw g.usage();
        }
        SrcCommands.checkPid(g);
        return g;
    }

    @Override
    int run(Invocation inv, Getopt g) {
        List<String> lines = HostCommand.read(inv, PROG, c -> {
            SrcCommands.Partition p = SrcCommands.open(c, inv.scope(), g.value('h'), !g.has('S'));
            String part = p.part();
            List<Src.Subsystem> table = p.table();
            List<String> out = new ArrayList<>();
            if (g.has('S')) {
                out.add(Messages.get("src.smit.header"));
                if (g.has('d')) {
                    out.add(new Src.Subsystem().smit());
                } else if (g.has('s')) {
                    out.add(SrcCommands.need(table, g.value('s')).smit());
                } else {
                    for (Src.Subsystem s : table) {
                        out.add(s.smit());
                    }
                }
                return out;
            }
            List<Src.Row> rows;
            if (g.has('a')) {
                rows = Src.rows(c, part, table, true);
            } else if (g.has('g')) {
                rows = Src.rows(c, part, SrcCommands.group(table, g.value('g')), true);
            } else if (g.has('s')) {
                rows = Src.rows(c, part, List.of(SrcCommands.need(table, g.value('s'))), false);
            } else {
                int pid = SrcCommands.pid(g.value('p'));
                rows = new ArrayList<>();
                for (Src.Row r : Src.rows(c, part, table, false)) {
                    if (r.pid() == pid) {
                        rows.add(r);
                    }
                }
                if (rows.isEmpty()) {
                    throw AixException.of("src.pidnotonfile", pid);
                }
            }
            out.add(Messages.get("src.header"));
            for (Src.Row r : rows) {
                out.add(line(r));
            }
            return out;
        });
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        inv.out().print(sb);
        return 0;
    }

    /** One status line: " %-16s %-16s %-12s %s". */
    static String line(Src.Row r) {
        StringBuilder sb = new StringBuilder(64).append(' ');
        column(sb, r.subsystem().name, 16);
        column(sb, r.subsystem().group, 16);
        column(sb, r.pid() == 0 ? "" : String.valueOf(r.pid()), 12);
        return sb.append(Messages.get(r.pid() == 0 ? "src.inoperative" : "src.active")).toString();
    }

    private static void column(StringBuilder sb, String s, int width) {
        sb.append(s);
        for (int i = s.length(); i < width; i++) {
            sb.append(' ');
        }
        sb.append(' ');
    }
}
