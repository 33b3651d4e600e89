package smittywpar.wpar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import smittywpar.base.Bundled;
import smittywpar.host.FileNode;
import smittywpar.host.FileTree;
import smittywpar.host.FsException;
import smittywpar.msg.AixException;
import smittywpar.msg.Messages;
import smittywpar.store.Stanza;
import smittywpar.store.StanzaFile;

/**
 * The System Resource Controller of a partition (the global environment, or one system WPAR):
 * its subsystem object class and the processes of its subsystems.
 *
 * <p>The object class is the partition's {@code /etc/objrepos/SRCsubsys}, a file of its own file
 * tree written as {@code odmget SRCsubsys} prints it: so what mkssys adds inside a WPAR stays
 * with the WPAR's files (across stop and start, {@code rmwpar -p} and {@code mkwpar -p}, a
 * rename). What every new partition holds is shipped data ({@code subsystems.cf}), the file's
 * text in the shipped trees, and nothing is stored for a partition nobody changed.
 *
 * <p>A subsystem is active while a process tagged {@code src:NAME} runs in the partition
 * ({@link Processes}); the global environment also sees the {@code cor_NAME} subsystem of every
 * system WPAR, active while the WPAR runs, which only the WPAR commands start and stop.
 */
public final class Src {
    /** The object class, in every partition. */
    public static final String FILE = "/etc/objrepos/SRCsubsys";
    /** The tag of a subsystem's process: this prefix and the subsystem's name. */
    public static final String TAG = "src:";
    /** The name of a system WPAR's subsystem in the global environment: this prefix and the name. */
    public static final String COR = "cor_";
    /** mkssys's defaults. */
    static final String CONSOLE = "/dev/console";

    /** One subsystem definition (the fields of SRCsubsys). */
    public static final class Subsystem {
        public String name = "";
        public String synonym = "";
        public String args = "";
        public String path = "";
        public long uid;
        public long auditid;
        public String in = CONSOLE;
        public String out = CONSOLE;
        public String err = CONSOLE;
        /** -R (restarted when it ends abnormally) rather than -O. */
        public boolean respawn;
        /** -q (several instances may run) rather than -Q. */
        public boolean multi;
        /** 'K' sockets, 'S' signals, 'I' message queue. */
        public char contact = 'K';
        public long svrkey;
        public long svrmtype;
        public int priority = 20;
        public int signorm;
        public int sigforce;
        /** -d (listed by lssrc -a and -g while inoperative) rather than -D. */
        public boolean display = true;
        public int waittime = 20;
        public String group = "";
        /** The system WPAR a cor_NAME subsystem stands for (null for any other). */
        public String wpar;
        /** Started by the partition's start-up files (shipped subsystems only). */
        boolean boot;
        /** Still running, but no longer on file (see {@link Src#withRunning}). */
        public boolean gone;

        public Subsystem copy() {
            Subsystem s = new Subsystem();
            s.name = name;
            s.synonym = synonym;
            s.args = args;
            s.path = path;
            s.uid = uid;
            s.auditid = auditid;
            s.in = in;
            s.out = out;
            s.err = err;
            s.respawn = respawn;
            s.multi = multi;
            s.contact = contact;
            s.svrkey = svrkey;
            s.svrmtype = svrmtype;
            s.priority = priority;
            s.signorm = signorm;
            s.sigforce = sigforce;
            s.display = display;
            s.waittime = waittime;
            s.group = group;
            s.wpar = wpar;
            s.boot = boot;
            return s;
        }

        /** The command line its process runs. */
        public String command() {
            return args.isEmpty() ? path : path + " " + args;
        }

        /** The line lssrc -S prints. */
        public String smit() {
            return name + ":" + synonym + ":" + args + ":" + path + ":" + uid + ":" + auditid + ":" + in + ":" + out
                    + ":" + err + ":" + (respawn ? "-R" : "-O") + ":" + (multi ? "-q" : "-Q") + ":-" + contact + ":"
                    + svrkey + ":" + svrmtype + ":" + priority + ":" + signorm + ":" + sigforce + ":"
                    + (display ? "-d" : "-D") + ":" + waittime + ":" + group + ":";
        }

        /** True for the name or the synonym {@code n}. */
        public boolean is(String n) {
            return name.equals(n) || !synonym.isEmpty() && synonym.equals(n);
        }
    }

    /** A line of lssrc: a subsystem and one of its processes (pid 0: inoperative). */
    public record Row(Subsystem subsystem, int pid) {
    }

    private Src() {
    }

    // ---- the shipped subsystems ------------------------------------------------------------

    private static List<Stanza> shipped;

    private static synchronized List<Stanza> shipped() {
        if (shipped == null) {
            try {
                byte[] b = Bundled.read("smittywpar/subsystems.cf");
                shipped = StanzaFile.parse(new String(b, StandardCharsets.UTF_8));
            } catch (IOException | StanzaFile.SyntaxException | NullPointerException e) {
                throw new IllegalStateException(Messages.get("internal.subsystems"), e);
            }
        }
        return shipped;
    }

    /** What a new partition holds (global: the global environment's; else a system WPAR's). */
    public static List<Subsystem> defaults(boolean global) {
        List<Subsystem> out = new ArrayList<>();
        for (Stanza st : shipped()) {
            String where = st.get("where", "both");
            if (!where.equals("both") && !where.equals(global ? "global" : "wpar")) {
                continue;
            }
            Subsystem s = new Subsystem();
            s.name = st.get("name");
            s.path = st.get("path");
            s.args = st.get("args", "");
            s.group = st.get("group", "");
            s.contact = st.get("contact", "-K").charAt(1);
            s.signorm = Integer.parseInt(st.get("signorm", "0"));
            s.sigforce = Integer.parseInt(st.get("sigforce", "0"));
            s.respawn = st.get("restart", "-O").equals("-R");
            s.boot = st.get("boot", "no").equals("yes");
            out.add(s);
        }
        return out;
    }

    /** The subsystems a new partition's start-up files start, in the order they start them. */
    public static List<String> defaultBoot(boolean global) {
        List<String> out = new ArrayList<>();
        for (Subsystem s : defaults(global)) {
            if (s.boot) {
                out.add(s.name);
            }
        }
        return out;
    }

    private static final String[] TEXTS = new String[2];

    /** The shipped text of the object class (global or a WPAR's). */
    public static synchronized String defaultText(boolean global) {
        int i = global ? 0 : 1;
        if (TEXTS[i] == null) {
            TEXTS[i] = text(defaults(global));
        }
        return TEXTS[i];
    }

    // ---- the object class as text -----------------------------------------------------------

    /** The text of an object class, as {@code odmget SRCsubsys} prints it. */
    public static String text(List<Subsystem> table) {
        StringBuilder sb = new StringBuilder();
        for (Subsystem s : table) {
            sb.append('\n').append("SRCsubsys:\n");
            str(sb, "subsysname", s.name);
            str(sb, "synonym", s.synonym);
            str(sb, "cmdargs", s.args);
            str(sb, "path", s.path);
            num(sb, "uid", s.uid);
            num(sb, "auditid", s.auditid);
            str(sb, "standin", s.in);
            str(sb, "standout", s.out);
            str(sb, "standerr", s.err);
            num(sb, "action", s.respawn ? 1 : 2);
            num(sb, "multi", s.multi ? 1 : 0);
            num(sb, "contact", s.contact == 'S' ? 2 : s.contact == 'I' ? 1 : 3);
            num(sb, "svrkey", s.svrkey);
            num(sb, "svrmtype", s.svrmtype);
            num(sb, "priority", s.priority);
            num(sb, "signorm", s.signorm);
            num(sb, "sigforce", s.sigforce);
            num(sb, "display", s.display ? 1 : 0);
            num(sb, "waittime", s.waittime);
            str(sb, "grpname", s.group);
        }
        return sb.toString();
    }

    private static void str(StringBuilder sb, String key, String v) {
        sb.append('\t').append(key).append(" = \"");
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch == '"' || ch == '\\') {
                sb.append('\\');
            }
            sb.append(ch == '\n' ? ' ' : ch);
        }
        sb.append("\"\n");
    }

    private static void num(StringBuilder sb, String key, long v) {
        sb.append('\t').append(key).append(" = ").append(v).append('\n');
    }

    /** Reads an object class; a text that is not one is refused with the line at fault. */
    public static List<Subsystem> parse(String text) {
        List<Stanza> stanzas;
        try {
            stanzas = StanzaFile.parse(text);
        } catch (StanzaFile.SyntaxException e) {
            String why = e.getMessage().equals(Messages.get("corrupt.syntax.header")) ? Messages.get("src.damaged.header")
                    : e.getMessage();
            throw AixException.of("src.damaged", FILE, e.line(), why);
        }
        List<Subsystem> out = new ArrayList<>();
        for (Stanza st : stanzas) {
            if (!st.name().equals("SRCsubsys")) {
                throw AixException.of("src.damaged", FILE, st.line(), Messages.get("src.damaged.stanza", st.name()));
            }
            Subsystem s = new Subsystem();
            s.name = st.get("subsysname", "");
            if (s.name.isEmpty()) {
                throw AixException.of("src.damaged", FILE, st.line(), Messages.get("src.damaged.noname"));
            }
            s.synonym = st.get("synonym", "");
            s.args = st.get("cmdargs", "");
            s.path = st.get("path", "");
            s.in = st.get("standin", CONSOLE);
            s.out = st.get("standout", CONSOLE);
            s.err = st.get("standerr", CONSOLE);
            s.group = st.get("grpname", "");
            s.uid = number(st, "uid", 0, 0, 4294967295L);
            s.auditid = number(st, "auditid", 0, 0, 4294967295L);
            s.respawn = number(st, "action", 2, 1, 2) == 1;
            s.multi = number(st, "multi", 0, 0, 1) == 1;
            long contact = number(st, "contact", 3, 1, 3);
            s.contact = contact == 2 ? 'S' : contact == 1 ? 'I' : 'K';
            s.svrkey = number(st, "svrkey", 0, 0, 4294967295L);
            s.svrmtype = number(st, "svrmtype", 0, 0, 4294967295L);
            s.priority = (int) number(st, "priority", 20, 0, 39);
            s.signorm = (int) number(st, "signorm", 0, 0, 63);
            s.sigforce = (int) number(st, "sigforce", 0, 0, 63);
            s.display = number(st, "display", 1, 0, 1) == 1;
            s.waittime = (int) number(st, "waittime", 20, 0, 32767);
            out.add(s);
        }
        return out;
    }

    private static long number(Stanza st, String key, long dflt, long min, long max) {
        String v = st.get(key);
        long n = v == null ? dflt : StanzaFile.digits(v);
        if (n < min || n > max) {
            throw AixException.of("src.damaged", FILE, st.line(key), Messages.get("src.damaged.value", key, v));
        }
        return n;
    }

    // ---- a partition's object class ----------------------------------------------------------

    /** True when the partition's file tree may hold a changed object class (else it is the shipped one). */
    private static boolean stored(Transaction c, String wpar) {
        if (wpar == null) {
            return c.treeStore().kind(Inside.GLOBAL_INDEX) == 'f'
                    || c.treeStore().kind(smittywpar.host.HostFiles.ROOT + FILE) != 0;
        }
        IndexEntry e = c.entry(wpar);
        return e != null && e.directory() != null && Inside.stored(c, e.directory());
    }

    private static FileTree tree(Transaction c, String wpar) {
        return wpar == null ? Inside.global(c) : Inside.of(c, c.wpar(wpar));
    }

    /** The text of file {@code path} of the partition's tree, or null when there is none. */
    static String read(Transaction c, String wpar, String path) {
        FileTree t = tree(c, wpar);
        FileNode n = t.stat(path);
        if (n == null || n.kind() != FileNode.Kind.FILE) {
            return null;
        }
        return t.read(path);
    }

    /**
     * The subsystems defined in the partition ({@code wpar} null: the global environment, whose
     * table also holds the cor_NAME subsystem of every system WPAR, after its own).
     */
    public static List<Subsystem> table(Transaction c, String wpar) {
        List<Subsystem> out;
        if (!stored(c, wpar)) {
            out = defaults(wpar == null);
        } else {
            String text = read(c, wpar, FILE);
            out = text == null ? new ArrayList<>() : parse(text);
        }
        if (wpar == null) {
            for (IndexEntry e : c.entries()) {
                if (e.type() == 'S') {
                    Subsystem s = new Subsystem();
                    s.name = COR + e.name();
                    s.path = "/usr/lib/corrals/corsvc";
                    s.args = e.name();
                    s.wpar = e.name();
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** Writes the partition's object class (the cor_NAME subsystems are not part of it). */
    public static void save(Transaction c, String wpar, List<Subsystem> table) {
        List<Subsystem> own = new ArrayList<>();
        for (Subsystem s : table) {
            if (s.wpar == null && !s.gone) {
                own.add(s);
            }
        }
        Vfs v = wpar == null ? Vfs.global(c) : Vfs.of(c, new Scope(wpar, "root", "/", 0));
        try {
            v.write(FILE, text(own), false);
        } catch (FsException e) {
            throw AixException.of("sh.errno", c.prog, e.path, Messages.get(e.errno.key()));
        }
    }

    /**
     * {@code table} and, after it, the subsystems that still run but are no longer on file
     * (removed by rmssys, renamed by chssys while active): the SRC daemon still knows them, so
     * lssrc shows them and stopsrc stops them, as on AIX.
     */
    public static List<Subsystem> withRunning(Transaction c, String wpar, List<Subsystem> table) {
        List<Subsystem> out = new ArrayList<>(table);
        for (Processes.Proc p : procs(c, wpar)) {
            String n = p.tag().substring(TAG.length());
            boolean known = false;
            for (Subsystem s : out) {
                known |= s.wpar == null && s.name.equals(n);
            }
            if (!known) {
                Subsystem s = new Subsystem();
                s.name = n;
                s.path = p.command();
                s.gone = true;
                out.add(s);
            }
        }
        return out;
    }

    /** The subsystem named (or with the synonym) {@code name}, or null. */
    public static Subsystem find(List<Subsystem> table, String name) {
        for (Subsystem s : table) {
            if (s.is(name)) {
                return s;
            }
        }
        return null;
    }

    // ---- processes ---------------------------------------------------------------------------

    /** The processes of the partition's own subsystems (tagged {@code src:NAME}). */
    private static List<Processes.Proc> procs(Transaction c, String wpar) {
        List<Processes.Proc> out = new ArrayList<>();
        for (Processes.Proc p : wpar == null ? Processes.global(c) : Processes.table(c, wpar)) {
            if (p.tag().startsWith(TAG)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The ids of subsystem {@code s}'s processes among {@code procs} (a cor_NAME one: its WPAR's). */
    private static List<Integer> pids(Transaction c, String wpar, Subsystem s, List<Processes.Proc> procs) {
        List<Integer> out = new ArrayList<>();
        if (s.wpar != null) {
            IndexEntry e = c.entry(s.wpar);
            if (e != null && e.state().isRunning()) {
                for (Processes.Proc p : Processes.table(c, s.wpar)) {
                    if (Processes.COR.equals(p.tag())) {
                        out.add(p.pid());
                    }
                }
            }
            return out;
        }
        for (Processes.Proc p : procs) {
            if (p.tag().equals(TAG + s.name)) {
                out.add(wpar == null ? p.pid() : p.lpid());
            }
        }
        return out;
    }

    /** The process ids of subsystem {@code s} in the partition, oldest first. */
    public static List<Integer> pids(Transaction c, String wpar, Subsystem s) {
        return pids(c, wpar, s, s.wpar != null ? List.of() : procs(c, wpar));
    }

    /**
     * The lines of lssrc for {@code which} (in table order): every running instance, active
     * ones first, then one line for each that is not running; with {@code all} (-a, -g) those
     * defined with -D are left out while inoperative.
     */
    public static List<Row> rows(Transaction c, String wpar, List<Subsystem> which, boolean all) {
        List<Processes.Proc> procs = procs(c, wpar);
        List<Row> active = new ArrayList<>();
        List<Row> idle = new ArrayList<>();
        for (Subsystem s : which) {
            List<Integer> pids = pids(c, wpar, s, procs);
            for (int pid : pids) {
                active.add(new Row(s, pid));
            }
            if (pids.isEmpty() && (!all || s.display)) {
                idle.add(new Row(s, 0));
            }
        }
        active.addAll(idle);
        return active;
    }

    /** Starts an instance of subsystem {@code s} ({@code extra}: startsrc -a) and returns its id. */
    public static int start(Transaction c, String wpar, Subsystem s, String extra, String user) {
        String cmd = extra.isEmpty() ? s.command() : s.command() + " " + extra;
        Processes.Proc p = Processes.service(c, wpar, user, TAG + s.name, cmd);
        return wpar == null ? p.pid() : p.lpid();
    }

    /** Ends the instance of a subsystem with id {@code pid} in the partition. */
    public static void stop(Transaction c, String wpar, int pid) {
        Processes.end(c, wpar, pid);
    }

    // ---- start-up ------------------------------------------------------------------------------

    /**
     * What startwpar starts in WPAR {@code w}: the subsystems its {@code /etc/inittab} starts
     * ({@code startsrc -s NAME}, {@code startsrc -g GROUP}) and those of {@code /etc/rc.tcpip},
     * which inittab runs ({@code start /path/NAME ...} lines), in that order, each once.
     */
    static List<Subsystem> boot(Transaction c, Wpar w) {
        List<Subsystem> out = new ArrayList<>();
        if (w.directory == null || !Inside.stored(c, w.directory)) {
            for (Subsystem s : defaults(false)) {
                if (s.boot) {
                    out.add(s);
                }
            }
            return out;
        }
        List<Subsystem> table;
        try {
            table = table(c, w.name);
        } catch (AixException e) {
            // a damaged object class starts nothing (srcmstr would find no subsystem)
            return out;
        }
        for (String n : bootNames(read(c, w.name, "/etc/inittab"), read(c, w.name, "/etc/rc.tcpip"), table)) {
            out.add(find(table, n));
        }
        return out;
    }

    /**
     * The names of the subsystems of {@code table} that start-up files start, in order: the
     * {@code /etc/inittab} lines (not "off") that run {@code startsrc}, and {@code /etc/rc.tcpip}
     * where inittab runs it; each once.
     */
    public static List<String> bootNames(String inittab, String rc, List<Subsystem> table) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : (inittab == null ? "" : inittab).split("\n")) {
            String[] f = line.split(":", 4);
            if (line.startsWith(":") || line.startsWith("#") || f.length < 4 || f[2].equals("off")) {
                continue;
            }
            if (f[3].contains("/etc/rc.tcpip")) {
                for (String r : (rc == null ? "" : rc).split("\n")) {
                    startsIn(r, table, names);
                }
            } else {
                startsIn(f[3], table, names);
            }
        }
        return new ArrayList<>(names);
    }

    /** The subsystems a start-up line starts: {@code startsrc -s/-g} words, or rc.tcpip's {@code start}. */
    private static void startsIn(String line, List<Subsystem> table, Set<String> names) {
        String l = line.strip();
        int hash = l.indexOf('#');
        if (hash >= 0) {
            l = l.substring(0, hash).strip();
        }
        String[] w = l.split("\\s+");
        if (w.length >= 2 && w[0].equals("start")) {
            String n = w[1].substring(w[1].lastIndexOf('/') + 1);
            Subsystem s = find(table, n);
            if (s != null) {
                names.add(s.name);
            }
            return;
        }
        for (int i = 0; i < w.length; i++) {
            if (!w[i].endsWith("startsrc")) {
                continue;
            }
            for (int j = i + 1; j < w.length; j++) {
                String a = w[j];
                String flag = a.length() >= 2 && a.charAt(0) == '-' ? a.substring(0, 2) : "";
                String v = a.length() > 2 ? a.substring(2) : j + 1 < w.length ? w[j + 1] : "";
                if (flag.equals("-s")) {
                    Subsystem s = find(table, v);
                    if (s != null) {
                        names.add(s.name);
                    }
                } else if (flag.equals("-g")) {
                    for (Subsystem s : table) {
                        if (s.group.equals(v)) {
                            names.add(s.name);
                        }
                    }
                }
            }
        }
    }
}
