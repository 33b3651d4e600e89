package smittywpar.cmd;

import java.util.List;

import smittywpar.msg.AixException;
import smittywpar.wpar.Names;
import smittywpar.wpar.Scope;
import smittywpar.wpar.Src;
import smittywpar.wpar.Transaction;
import smittywpar.wpar.Users;
import smittywpar.wpar.Vfs;

/**
 * The commands that change the subsystem object class of the partition they run in (its
 * {@code /etc/objrepos/SRCsubsys}, kept with its files):
 * <ul>
 * <li>mkssys {-p Path -s Subsystem -u UserID} [-a Arguments] [-e StandardError] [-i StandardInput]
 * [-o StandardOutput] [-t Synonym] [-O | -R] [-d | -D] [-q | -Q] [-K | [-I MessageQueue -m
 * MessageMType | -f StopForce -n StopNormal -S]] [-E Nice] [-G Group] [-w Wait]</li>
 * <li>chssys -s OldSubsystem [the same flags] [-s NewSubsystem]</li>
 * <li>rmssys -s Subsystem</li>
 * </ul>
 * A running subsystem keeps running with what it was started with.
 */
final class MkssysCommand extends ParsedCommand<Getopt> {
    enum Kind {
        MK("mkssys"), CH("chssys"), RM("rmssys");

        final String prog;

        Kind(String prog) {
            this.prog = prog;
        }
    }

    /** The flags of mkssys and chssys, in {@link Getopt}'s syntax (also their man pages' and completion's). */
    static final String OPTIONS = "p:s:u:a:e:i:o:t:ORdDqQKI:m:f:n:SE:G:w:";
    /** The flags of rmssys. */
    static final String RM_OPTIONS = "s:";
    /** The longest name the object class holds [D]. */
    static final int MAX_NAME = 29;

    private final Kind kind;

    MkssysCommand(Kind kind) {
        this.kind = kind;
    }

    @Override
    Getopt parse(List<String> args) {
        Getopt g = new Getopt(kind.prog, kind == Kind.RM ? RM_OPTIONS : OPTIONS, "usage." + kind.prog).parse(args);
        int names = g.all('s').size();
        if (!g.operands().isEmpty() || names == 0 || names > (kind == Kind.CH ? 2 : 1)
                || kind == Kind.MK && (!g.has('p') || !g.has('u'))) {
            throw g.usage();
        }
        if (g.has('O') && g.has('R') || g.has('d') && g.has('D') || g.has('q') && g.has('Q')) {
            throw g.usage();
        }
        boolean signals = g.has('S') || g.has('n') || g.has('f');
        boolean queue = g.has('I') || g.has('m');
        if (g.has('K') && (signals || queue) || signals && queue
                || signals && !(g.has('S') && g.has('n') && g.has('f')) || queue && !(g.has('I') && g.has('m'))) {
            throw g.usage();
        }
        for (List<String> s : g.all('s')) {
            name(s.get(0));
        }
        if (g.has('t') && !g.value('t').isEmpty()) {
            name(g.value('t'));
        }
        if (g.has('G') && !g.value('G').isEmpty()) {
            name(g.value('G'));
        }
        if (g.has('p') && !g.value('p').startsWith("/")) {
            throw AixException.of("src.badvalue", "p", Names.printable(g.value('p')));
        }
        number(g, 'E', 0, 39);
        number(g, 'w', 0, 32767);
        number(g, 'n', 1, 63);
        number(g, 'f', 1, 63);
        number(g, 'I', 0, 4294967295L);
        number(g, 'm', 1, 4294967295L);
        for (char f : new char[] {'a', 'e', 'i', 'o', 'p', 'u'}) {
            if (g.has(f) && (g.value(f).indexOf('\n') >= 0 || g.value(f).length() > 1200)) {
                throw AixException.of("src.badvalue", String.valueOf(f), Names.printable(g.value(f)));
            }
        }
        if (g.has('u') && g.value('u').isEmpty()) {
            throw AixException.of("src.baduser", "");
        }
        return g;
    }

    /** A subsystem, synonym or group name: 1 to 29 characters, no blank, colon or quote [D]. */
    private static void name(String n) {
        boolean ok = !n.isEmpty() && n.length() <= MAX_NAME && !n.startsWith("-");
        for (int i = 0; ok && i < n.length(); i++) {
            char ch = n.charAt(i);
            ok = ch > ' ' && ch < 127 && ch != ':' && ch != '"' && ch != '\\';
        }
        if (!ok) {
            throw AixException.of("src.badname", Names.printable(n));
        }
    }

    private static void number(Getopt g, char f, long min, long max) {
        if (g.has(f)) {
            long n = smittywpar.store.StanzaFile.digits(g.value(f));
            if (n < min || n > max) {
                throw AixException.of("src.badvalue", String.valueOf(f), Names.printable(g.value(f)));
            }
        }
    }

    @Override
    int run(Invocation inv, Getopt g) {
        SrcCommands.Report report = HostCommand.update(inv, kind.prog, c -> {
            String part = SrcCommands.partition(c, inv.scope());
            List<Src.Subsystem> table = Src.table(c, part);
            SrcCommands.Report r = new SrcCommands.Report();
            String name = g.all('s').get(0).get(0);
            switch (kind) {
                case MK -> {
                    if (Src.find(table, name) != null) {
                        throw AixException.of("src.exists");
                    }
                    Src.Subsystem s = new Src.Subsystem();
                    s.name = name;
                    apply(c, part, s, g);
                    synonym(table, s, null);
                    table.add(s);
                    Src.save(c, part, table);
                    r.out("src.added", name);
                }
                case RM -> {
                    Src.Subsystem s = own(SrcCommands.need(table, name));
                    table.remove(s);
                    Src.save(c, part, table);
                    r.out("src.deleted");
                }
                case CH -> {
                    Src.Subsystem s = own(SrcCommands.need(table, name));
                    Src.Subsystem changed = s.copy();
                    apply(c, part, changed, g);
                    if (g.all('s').size() > 1) {
                        String nn = g.all('s').get(1).get(0);
                        Src.Subsystem other = Src.find(table, nn);
                        if (other != null && other != s) {
                            throw AixException.of("src.exists");
                        }
                        changed.name = nn;
                    }
                    synonym(table, changed, s);
                    table.set(table.indexOf(s), changed);
                    Src.save(c, part, table);
                    r.out("src.changed");
                }
            }
            return r;
        });
        return report.print(inv);
    }

    /** Refuses the cor_NAME subsystem of a WPAR (the WPAR commands own it). */
    private static Src.Subsystem own(Src.Subsystem s) {
        if (s.wpar != null) {
            throw AixException.of("src.cor", s.name, s.wpar);
        }
        return s;
    }

    /** Refuses a synonym another subsystem already has as its name or synonym. */
    private static void synonym(List<Src.Subsystem> table, Src.Subsystem s, Src.Subsystem self) {
        if (s.synonym.isEmpty()) {
            return;
        }
        for (Src.Subsystem o : table) {
            if (o != self && o.is(s.synonym)) {
                throw AixException.of("src.synexists");
            }
        }
    }

    /** Sets the fields the flags give. */
    private static void apply(Transaction c, String part, Src.Subsystem s, Getopt g) {
        if (g.has('p')) {
            s.path = g.value('p');
        }
        if (g.has('u')) {
            s.uid = uid(c, part, g.value('u'));
        }
        if (g.has('a')) {
            s.args = g.value('a');
        }
        if (g.has('e')) {
            s.err = g.value('e');
        }
        if (g.has('i')) {
            s.in = g.value('i');
        }
        if (g.has('o')) {
            s.out = g.value('o');
        }
        if (g.has('t')) {
            s.synonym = g.value('t');
        }
        if (g.has('G')) {
            s.group = g.value('G');
        }
        if (g.has('O') || g.has('R')) {
            s.respawn = g.has('R');
        }
        if (g.has('d') || g.has('D')) {
            s.display = g.has('d');
        }
        if (g.has('q') || g.has('Q')) {
            s.multi = g.has('q');
        }
        if (g.has('K')) {
            s.contact = 'K';
            s.signorm = 0;
            s.sigforce = 0;
            s.svrkey = 0;
            s.svrmtype = 0;
        } else if (g.has('S')) {
            s.contact = 'S';
            s.signorm = Integer.parseInt(g.value('n'));
            s.sigforce = Integer.parseInt(g.value('f'));
            s.svrkey = 0;
            s.svrmtype = 0;
        } else if (g.has('I')) {
            s.contact = 'I';
            s.svrkey = Long.parseLong(g.value('I'));
            s.svrmtype = Long.parseLong(g.value('m'));
            s.signorm = 0;
            s.sigforce = 0;
        }
        if (g.has('E')) {
            s.priority = Integer.parseInt(g.value('E'));
        }
        if (g.has('w')) {
            s.waittime = Integer.parseInt(g.value('w'));
        }
    }

    /** -u: a user id, or the name of a user of the partition [D]. */
    private static long uid(Transaction c, String part, String u) {
        long n = smittywpar.store.StanzaFile.digits(u);
        if (n >= 0 && n <= 4294967295L) {
            return n;
        }
        Vfs v = part == null ? Vfs.global(c) : Vfs.of(c, new Scope(part, "root", "/", 0));
        Users.User user = v.users().user(u);
        if (user == null) {
            throw AixException.of("src.baduser", Names.printable(u));
        }
        return user.uid();
    }
}
