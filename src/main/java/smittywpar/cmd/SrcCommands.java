package smittywpar.cmd;

import java.util.ArrayList;
import java.util.List;

import smittywpar.msg.AixException;
import smittywpar.msg.Messages;
import smittywpar.wpar.IndexEntry;
import smittywpar.wpar.Scope;
import smittywpar.wpar.Src;
import smittywpar.wpar.Transaction;

/**
 * What the System Resource Controller commands (lssrc, startsrc, stopsrc, refresh, mkssys,
 * rmssys, chssys) share: the partition a command works on (the global environment, or the system
 * WPAR its shell runs in), the -h host they accept, and the lines they print, kept until the
 * transaction is over so that a command that fails half-way has printed nothing of its work.
 */
final class SrcCommands {
    private SrcCommands() {
    }

    /** The partition of {@code scope}: a system WPAR's name, or null for the global environment. */
    static String partition(Transaction c, Scope scope) {
        if (scope.global()) {
            return null;
        }
        IndexEntry e = c.entry(scope.wpar());
        return e != null && e.type() == 'S' ? e.name() : null;
    }

    /** The subsystem table of the partition a command works on ({@code part}: null for the global environment). */
    record Partition(String part, List<Src.Subsystem> table) {
    }

    /**
     * What a command that reads or acts on subsystems starts with: its -h host checked, its
     * partition and that partition's subsystem table, with the running instances when
     * {@code running}.
     */
    static Partition open(Transaction c, Scope scope, String host, boolean running) {
        checkHost(c, scope, host);
        String part = partition(c, scope);
        List<Src.Subsystem> table = Src.table(c, part);
        return new Partition(part, running ? Src.withRunning(c, part, table) : table);
    }

    /** The -p SubsystemPID of a command line: a usage error unless it is a process ID. */
    static void checkPid(Getopt g) {
        if (g.has('p') && pid(g.value('p')) < 0) {
            throw g.usage();
        }
    }

    /** A -p SubsystemPID value: the process ID, or -1 when it is none. */
    static int pid(String v) {
        long n = smittywpar.store.StanzaFile.digits(v);
        return n < 1 || n > Integer.MAX_VALUE ? -1 : (int) n;
    }

    /** -h Host: this system only (its host name, short or not, or localhost); anything else is refused. */
    static void checkHost(Transaction c, Scope scope, String host) {
        if (host == null) {
            return;
        }
        String mine = scope.global() || c.entry(scope.wpar()) == null ? c.host().hostname
                : c.entry(scope.wpar()).hostname();
        String shortName = mine.contains(".") ? mine.substring(0, mine.indexOf('.')) : mine;
        if (!host.equals(mine) && !host.equals(shortName) && !host.equals("localhost") && !host.equals("loopback")) {
            throw AixException.of("src.remote", smittywpar.wpar.Names.printable(host));
        }
    }

    /** The subsystem {@code name} of {@code table}, or the 0513-085 refusal. */
    static Src.Subsystem need(List<Src.Subsystem> table, String name) {
        Src.Subsystem s = Src.find(table, name);
        if (s == null) {
            throw AixException.of("src.notonfile", smittywpar.wpar.Names.printable(name));
        }
        return s;
    }

    /** The members of group {@code group}, or the 0513-086 refusal. */
    static List<Src.Subsystem> group(List<Src.Subsystem> table, String group) {
        List<Src.Subsystem> out = new ArrayList<>();
        for (Src.Subsystem s : table) {
            if (!s.group.isEmpty() && s.group.equals(group)) {
                out.add(s);
            }
        }
        if (out.isEmpty()) {
            throw AixException.of("src.groupnotonfile", smittywpar.wpar.Names.printable(group));
        }
        return out;
    }

    /** Lines a command prints once its transaction is over: (true: standard error, text). */
    static final class Report {
        private final List<Object[]> lines = new ArrayList<>();
        private int status;
        private boolean done;

        void out(String key, Object... args) {
            lines.add(new Object[] {false, Messages.get(key, args)});
            done = true;
        }

        /**
         * A request for several subsystems (-g, -a) succeeds when it did something for one of
         * them: its refusals for the others are reported, and the status says what changed [D].
         */
        void lenient() {
            if (done) {
                status = 0;
            }
        }

        void err(String key, Object... args) {
            lines.add(new Object[] {true, Messages.get(key, args)});
            status = 1;
        }

        int print(Invocation inv) {
            for (Object[] l : lines) {
                if ((Boolean) l[0]) {
                    inv.out().flush();
                    inv.err().println(l[1]);
                } else {
                    inv.out().println(l[1]);
                }
            }
            return status;
        }
    }
}
