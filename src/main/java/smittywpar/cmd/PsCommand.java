package smittywpar.cmd;

import java.io.PrintStream;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import smittywpar.base.Text;
import smittywpar.host.HostClock;
import smittywpar.msg.AixException;
import smittywpar.wpar.IndexEntry;
import smittywpar.wpar.Processes;
import smittywpar.wpar.Processes.Proc;
import smittywpar.wpar.Scope;
import smittywpar.wpar.Transaction;

/**
 * ps [-e | -A] [-f] [-@ [WparName]] [-p PID,...] [-u User,...]: the processes of the simulated
 * host. In the global environment {@code -e} shows every process, those of running WPARs too,
 * with their global ids; {@code -@} adds the WPAR column, {@code -@ NAME} shows only that WPAR's
 * processes ({@code Global}: the global environment's own). Inside a WPAR only its processes are
 * seen, with the ids they have there (its init is 1). Without {@code -e}, the processes of the
 * caller's session: its login shell and ps itself.
 */
final class PsCommand extends ParsedCommand<Getopt> {
    /** The flags, in {@link Getopt}'s syntax (also the option table of the man page and the completion). */
    static final String OPTIONS = "Aef@::p:u:";
    static final String PROG = "ps";

    @Override
    Getopt parse(List<String> args) {
        Getopt g = new Getopt(PROG, OPTIONS, "usage.ps").parse(args);
        if (!g.operands().isEmpty()) {
            throw g.usage();
        }
        return g;
    }

    /** One line to show: the process, the ids to show, and its WPAR's name as the column shows it. */
    private record Row(Proc p, int pid, int ppid, String wpar, String cmd) {
    }

    @Override
    int run(Invocation inv, Getopt g) {
        Scope scope = inv.scope();
        List<String> words = new ArrayList<>();
        words.add(PROG);
        words.addAll(inv.args());
        String self = String.join(" ", words);
        return HostCommand.read(inv, PROG, c -> {
            List<Row> rows = rows(c, scope, g, self);
            if (g.has('p')) {
                List<String> pids = List.of(g.value('p').split(","));
                rows.removeIf(r -> !pids.contains(String.valueOf(r.pid())));
            }
            if (g.has('u')) {
                List<String> users = List.of(g.value('u').split(","));
                rows.removeIf(r -> !users.contains(r.p().user()));
            }
            rows.sort((a, b) -> Integer.compare(a.pid(), b.pid()));
            print(inv.out(), c, rows, g.has('f'), g.has('@'));
            return 0;
        });
    }

    private static List<Row> rows(Transaction c, Scope scope, Getopt g, String self) {
        boolean all = g.has('e') || g.has('A');
        String only = g.has('@') ? g.value('@') : null;
        List<Row> rows = new ArrayList<>();
        String here = scope.global() ? null : scope.wpar();
        List<Proc> procs;
        if (here != null) {
            procs = only != null && !only.equals(here) ? List.of() : Processes.inside(c, here);
        } else if (only != null && !only.equals("Global")) {
            IndexEntry e = c.entry(only);
            if (e == null) {
                throw AixException.of("wpar.notfound", PROG, only);
            }
            procs = e.state().isRunning() ? Processes.table(c, only) : List.of();
        } else {
            procs = only != null ? Processes.global(c) : Processes.all(c);
        }
        boolean inside = here != null;
        int shell = scope.shellPid();
        for (Proc p : procs) {
            if (!all && only == null && p.pid() != shell) {
                continue;
            }
            rows.add(new Row(p, inside ? p.lpid() : p.pid(), inside ? p.lppid() : p.ppid(),
                    p.wpar().isEmpty() ? "Global" : p.wpar(), p.command()));
        }
        boolean mine = here == null ? only == null || only.equals("Global") : only == null || only.equals(here);
        if (mine) {
            Proc login = null;
            for (Proc p : procs) {
                if (p.pid() == shell) {
                    login = p;
                }
            }
            int pid = c.host().peekPid();
            int ppid = login == null ? 1 : inside ? login.lpid() : login.pid();
            Proc ps = new Proc(pid, pid, ppid, ppid, scope.user(), HostClock.epochSecond(c.now()),
                    login == null ? "-" : login.tty(), 0, "-", here == null ? "" : here, self);
            rows.add(new Row(ps, pid, ppid, here == null ? "Global" : here, self));
        }
        return rows;
    }

    private static void print(PrintStream out, Transaction c, List<Row> rows, boolean full, boolean wparColumn) {
        int w = 8;
        for (Row r : rows) {
            w = Math.max(w, r.wpar().length());
        }
        String lead = wparColumn ? Text.right("WPAR", w) : "";
        out.println(lead + (full ? "     UID     PID    PPID   C    STIME    TTY  TIME CMD"
                : "     PID    TTY  TIME CMD"));
        ZonedDateTime now = c.now();
        StringBuilder sb = new StringBuilder(rows.size() * 80);
        for (Row r : rows) {
            if (wparColumn) {
                sb.append(Text.right(r.wpar(), w));
            }
            if (full) {
                sb.append(Text.right(r.p().user(), 8)).append(Text.right(String.valueOf(r.pid()), 8))
                        .append(Text.right(String.valueOf(r.ppid()), 8)).append("   0")
                        .append(Text.right(HostClock.psTime(HostClock.at(c.host(), r.p().start()), now), 9))
                        .append(Text.right(r.p().tty(), 7)).append("  0:00 ").append(r.cmd());
            } else {
                sb.append(Text.right(String.valueOf(r.pid()), 8)).append(Text.right(r.p().tty(), 7))
                        .append("  0:00 ").append(name(r.cmd()));
            }
            sb.append('\n');
        }
        out.print(sb);
    }

    /** The command's name as ps shows it without -f: its first word, without the directory. */
    static String name(String command) {
        int blank = command.indexOf(' ');
        String first = blank < 0 ? command : command.substring(0, blank);
        return first.substring(first.lastIndexOf('/') + 1);
    }
}
