package smittywpar.wpar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import smittywpar.base.Bundled;
import smittywpar.base.Crc;
import smittywpar.host.Host;
import smittywpar.host.HostClock;
import smittywpar.msg.Messages;
import smittywpar.store.Stanza;
import smittywpar.store.StanzaFile;

/**
 * The process table of the simulated host. The global environment's own daemons are shipped data
 * ({@code processes.cf}) with fixed ids; what starts and stops is kept in the state directory, one
 * table per partition: {@code procs/wpar/NAME} for a running system WPAR (its boot processes,
 * written by startwpar and removed by stopwpar, and the login shells of its clogin sessions) and
 * {@code procs/global} for the login shells of the global shell. New process ids come from the
 * host's deterministic sequence (a WPAR's boot processes: derived from its cor_NAME subsystem's).
 *
 * <p>A process has a global id and an id inside its WPAR: the WPAR's init is 1 inside (its
 * children's parent is 1 there), every other process has the same id in both. The process of
 * the {@code cor_NAME} subsystem is the WPAR's, but only the global environment sees it.
 *
 * <p>Extension points: an SRC subsystem started in a WPAR ({@code startsrc}) is one more
 * process with its subsystem in {@link Proc#tag} ({@code src:NAME}) added with {@link #spawn};
 * an application WPAR's tracked command is one with the tag {@code tracked}.
 */
public final class Processes {
    static final String DIR = "procs";
    static final String HEADER = "smitty-wpar processes 2";
    /** The header of tables written before they ended with a checksum line (still read, written as 2). */
    static final String HEADER_1 = "smitty-wpar processes 1";
    /** The tag of a login shell. */
    public static final String SESSION = "session";
    /** The tag of the cor_NAME process (seen only from the global environment). */
    public static final String COR = "cor";
    /** The tag of a line that says a shipped process of the global environment has ended. */
    static final String ENDED = "ended";

    /**
     * One process: global id, id in its WPAR, the parents' ids likewise, user, start time (epoch
     * seconds), terminal ("-" for none), the id of the real process that stands for it (a login
     * shell: the JVM of its session; 0 for none), a tag ("-", {@link #SESSION}, {@link #COR},
     * {@code src:NAME} ...), the WPAR ("" for the global environment) and the command line.
     */
    public record Proc(int pid, int lpid, int ppid, int lppid, String user, long start, String tty, long real,
            String tag, String wpar, String command) {
        String line() {
            return pid + "\t" + lpid + "\t" + ppid + "\t" + lppid + "\t" + user + "\t" + start + "\t" + tty + "\t"
                    + real + "\t" + tag + "\t" + command;
        }

        /** A line of a table, or null when it is not one: ten fields, numbers in ASCII digits and in range. */
        static Proc parse(String line, String wpar) {
            String[] f = line.split("\t", 10);
            if (f.length != 10) {
                return null;
            }
            for (int i : new int[] {0, 1, 2, 3, 5, 7}) {
                if (!smittywpar.base.Text.digits(f[i], i < 4 ? 10 : 18)
                        || i < 4 && Long.parseLong(f[i]) > Integer.MAX_VALUE) {
                    return null;
                }
            }
            for (int i : new int[] {4, 6, 8}) {
                if (f[i].isEmpty() || !ValueType.printable(f[i]) || f[i].indexOf(' ') >= 0) {
                    return null;
                }
            }
            return new Proc(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                    Integer.parseInt(f[3]), f[4], Long.parseLong(f[5]), f[6], Long.parseLong(f[7]), f[8], wpar, f[9]);
        }

        /** A login shell whose session ended without logging out (its real process is gone). */
        boolean stale() {
            return SESSION.equals(tag) && real > 0 && ProcessHandle.of(real).isEmpty();
        }
    }

    private Processes() {
    }

    static final String SRCMSTR = "/usr/sbin/srcmstr";

    static String rel(String wpar) {
        return wpar == null ? DIR + "/global" : DIR + "/wpar/" + wpar;
    }

    private static List<Stanza> data;

    private static synchronized List<Stanza> data() {
        if (data == null) {
            try {
                byte[] b = Bundled.read("smittywpar/processes.cf");
                data = StanzaFile.parse(new String(b, StandardCharsets.UTF_8));
            } catch (IOException | StanzaFile.SyntaxException | NullPointerException e) {
                throw new IllegalStateException(Messages.get("internal.processes"), e);
            }
        }
        return data;
    }

    // ---- the table of a partition --------------------------------------------------------------

    /** The processes of WPAR {@code wpar} (null: the global environment's started ones), live ones only. */
    public static List<Proc> table(Transaction c, String wpar) {
        List<Proc> out = load(c, wpar);
        out.removeIf(p -> ENDED.equals(p.tag()));
        return out;
    }

    /**
     * The partition's table as stored: its live processes and, in the global environment's, a
     * line ({@link #ENDED}) for each shipped process that was ended (stopsrc -s syslogd).
     */
    private static List<Proc> load(Transaction c, String wpar) {
        String text = c.readFile(rel(wpar));
        List<Proc> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String body = text;
        if (text.startsWith(HEADER + "\n")) {
            body = Crc.verify(text);
            if (body == null) {
                throw c.corrupt(rel(wpar), Math.max(1, (int) text.lines().count()), Messages.get("corrupt.tree.crc"));
            }
        } else if (!text.startsWith(HEADER_1 + "\n") && !text.equals(HEADER_1)) {
            throw c.corrupt(rel(wpar), 1, Messages.get("corrupt.procs"));
        }
        String[] lines = body.split("\n");
        java.util.Map<Integer, Integer> seen = new java.util.HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            Proc p = Proc.parse(lines[i], wpar == null ? "" : wpar);
            if (p == null) {
                throw c.corrupt(rel(wpar), i + 1, Messages.get("corrupt.procs"));
            }
            Integer first = seen.putIfAbsent(p.pid(), i + 1);
            if (first != null) {
                throw c.corrupt(rel(wpar), i + 1, Messages.get("corrupt.procs.twice", p.pid(), first));
            }
            if (!p.stale()) {
                out.add(p);
            }
        }
        return out;
    }

    private static void save(Transaction c, String wpar, List<Proc> procs) {
        if (procs.isEmpty()) {
            if (c.readFile(rel(wpar)) != null) {
                c.deleteFile(rel(wpar));
            }
            return;
        }
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Proc p : procs) {
            sb.append(p.line()).append('\n');
        }
        c.writeFile(rel(wpar), Crc.sign(sb.toString()));
    }

    // ---- start and stop --------------------------------------------------------------------

    /** startwpar: the cor_NAME process (id {@code w.pid}) and the WPAR's boot processes start. */
    static void boot(Transaction c, Wpar w) {
        Host host = c.host();
        long now = c.epochNow();
        List<Proc> procs = new ArrayList<>();
        int srcmstr = globalPid(host, SRCMSTR);
        List<String[]> started = new ArrayList<>();
        for (Stanza s : data()) {
            if (s.name().equals("cor")) {
                String cmd = s.get("command").replace("{name}", w.name);
                procs.add(new Proc(w.pid, w.pid, srcmstr, srcmstr, "root", now, "-", 0, COR, w.name, cmd));
            }
        }
        int n = 0;
        for (Stanza s : data()) {
            if (!s.name().equals("wpar")) {
                continue;
            }
            String cmd = s.get("command");
            String parent = s.get("parent", "");
            int pid = Host.derivedPid(w.pid, n++);
            int ppid = w.pid;
            int lppid = 0;
            for (String[] st : started) {
                if (st[0].equals(parent)) {
                    ppid = Integer.parseInt(st[1]);
                    lppid = Integer.parseInt(st[2]);
                }
            }
            int lpid = parent.isEmpty() ? 1 : pid;
            String sub = s.get("subsystem");
            procs.add(new Proc(pid, lpid, ppid, lppid, "root", now, "-", 0, sub == null ? "-" : "src:" + sub, w.name,
                    cmd));
            started.add(new String[] {cmd, String.valueOf(pid), String.valueOf(lpid)});
        }
        int ppid = w.pid;
        for (Proc p : procs) {
            if (p.command().equals(SRCMSTR) && p.lpid() != 1) {
                ppid = p.pid();
            }
        }
        for (Src.Subsystem s : Src.boot(c, w)) {
            int pid = Host.derivedPid(w.pid, n++);
            procs.add(new Proc(pid, pid, ppid, ppid, "root", now, "-", 0, Src.TAG + s.name, w.name, s.command()));
        }
        save(c, w.name, procs);
    }

    /**
     * An application WPAR starts: its {@code vinit} (process 1 inside, a child of the global init)
     * and, under it, the tracked command. Sets {@code w.pid} to vinit's id; returns the tracked
     * process's.
     */
    static int bootApplication(Transaction c, Wpar w) {
        Host host = c.hostForUpdate();
        long now = c.epochNow();
        int init = globalPid(host, "/etc/init");
        w.pid = host.nextPid();
        int tracked = host.nextPid();
        List<Proc> procs = new ArrayList<>();
        procs.add(new Proc(w.pid, 1, init, 0, "root", now, "-", 0, "-", w.name, Applications.VINIT));
        procs.add(new Proc(tracked, tracked, w.pid, 1, "root", now, "-", 0, Applications.TRACKED, w.name,
                String.join(" ", Applications.words(w.application))));
        save(c, w.name, procs);
        return tracked;
    }

    /** The id of application WPAR {@code wpar}'s tracked process, or 0 when it runs none. */
    static int tracked(Transaction c, String wpar) {
        for (Proc p : table(c, wpar)) {
            if (Applications.TRACKED.equals(p.tag())) {
                return p.pid();
            }
        }
        return 0;
    }

    /** stopwpar: every process of the WPAR ends (its login shells too). */
    static void halt(Transaction c, Wpar w) {
        save(c, w.name, List.of());
    }

    /**
     * Starts a process in WPAR {@code wpar} (null: the global environment) as a child of
     * {@code parent}'s process with that id in the partition (0: of init), and returns it.
     */
    public static Proc spawn(Transaction c, String wpar, int parent, String user, String tty, long real, String tag,
            String command) {
        Host host = c.hostForUpdate();
        List<Proc> procs = load(c, wpar);
        int ppid = wpar == null ? 1 : 0;
        int lppid = wpar == null ? 1 : 1;
        for (Proc p : procs) {
            if (!ENDED.equals(p.tag()) && (parent == 0 ? p.lpid() == 1 : p.lpid() == parent)) {
                ppid = p.pid();
                lppid = p.lpid();
            }
        }
        int pid = host.nextPid();
        Proc p = new Proc(pid, pid, ppid, lppid, user, c.epochNow(), tty, real, tag,
                wpar == null ? "" : wpar, command);
        procs.add(p);
        save(c, wpar, procs);
        return p;
    }

    /**
     * Starts the process of an SRC subsystem in WPAR {@code wpar} (null: the global environment)
     * as a child of the partition's srcmstr, and returns it.
     */
    static Proc service(Transaction c, String wpar, String user, String tag, String command) {
        Host host = c.hostForUpdate();
        List<Proc> procs = load(c, wpar);
        int ppid = wpar == null ? globalPid(host, SRCMSTR) : 1;
        int lppid = ppid;
        if (wpar != null) {
            for (Proc p : procs) {
                if (p.command().equals(SRCMSTR)) {
                    ppid = p.pid();
                    lppid = p.lpid();
                }
            }
        }
        int pid = host.nextPid();
        Proc p = new Proc(pid, pid, ppid, lppid, user, c.epochNow(), "-", 0, tag,
                wpar == null ? "" : wpar, command);
        procs.add(p);
        save(c, wpar, procs);
        return p;
    }

    /**
     * Ends the process with id {@code pid} in its partition (a login shell that logs out, a
     * stopped subsystem); a process the global environment started when it booted is marked ended.
     */
    public static void end(Transaction c, String wpar, int pid) {
        List<Proc> procs = load(c, wpar);
        if (procs.removeIf(p -> p.pid() == pid && !ENDED.equals(p.tag()))) {
            save(c, wpar, procs);
            return;
        }
        if (wpar == null) {
            for (Proc p : global(c)) {
                if (p.pid() == pid && p.start() == bootTime(c)) {
                    procs.add(new Proc(pid, pid, 0, 0, "root", 0, "-", 0, ENDED, "", "-"));
                    save(c, null, procs);
                    return;
                }
            }
        }
    }

    /** True while process {@code pid} runs in WPAR {@code wpar} (null: the global environment). */
    public static boolean running(Transaction c, String wpar, int pid) {
        for (Proc p : table(c, wpar)) {
            if (p.pid() == pid) {
                return true;
            }
        }
        return false;
    }

    // ---- listings --------------------------------------------------------------------------

    /** The global environment's own processes: its shipped daemons, then those started in it. */
    public static List<Proc> global(Transaction c) {
        Host host = c.host();
        List<Proc> out = new ArrayList<>();
        long boot = bootTime(c);
        List<Proc> started = load(c, null);
        java.util.Set<Integer> ended = new java.util.HashSet<>();
        for (java.util.Iterator<Proc> it = started.iterator(); it.hasNext();) {
            Proc p = it.next();
            if (ENDED.equals(p.tag())) {
                ended.add(p.pid());
                it.remove();
            }
        }
        List<String> commands = new ArrayList<>();
        for (Stanza s : data()) {
            if (s.name().equals("global")) {
                commands.add(s.get("command"));
            }
        }
        for (Stanza s : data()) {
            if (!s.name().equals("global")) {
                continue;
            }
            String cmd = s.get("command");
            int pid = host.fixedPid(commands.indexOf(cmd));
            String parent = s.get("parent", "");
            int ppid = parent.isEmpty() ? 0 : host.fixedPid(commands.indexOf(parent));
            String sub = s.get("subsystem");
            if (!ended.contains(pid)) {
                out.add(new Proc(pid, pid, ppid, ppid, "root", boot, "-", 0, sub == null ? "-" : Src.TAG + sub, "",
                        cmd));
            }
        }
        out.addAll(started);
        return out;
    }

    /** Everything the global environment sees: its own processes and those of every running WPAR. */
    public static List<Proc> all(Transaction c) {
        List<Proc> out = global(c);
        for (IndexEntry e : c.entries()) {
            if (e.state().isRunning()) {
                out.addAll(table(c, e.name()));
            }
        }
        return out;
    }

    /** What a WPAR's own processes see: its table without the global side's cor_NAME process. */
    public static List<Proc> inside(Transaction c, String wpar) {
        List<Proc> out = new ArrayList<>();
        for (Proc p : table(c, wpar)) {
            if (!COR.equals(p.tag())) {
                out.add(p);
            }
        }
        return out;
    }

    private static int globalPid(Host host, String command) {
        int i = 0;
        for (Stanza s : data()) {
            if (s.name().equals("global")) {
                if (s.get("command").equals(command)) {
                    return host.fixedPid(i);
                }
                i++;
            }
        }
        return 1;
    }

    /** When the global environment started: 06:00 the day before the host's today [D]. */
    public static long bootTime(Transaction c) {
        var now = c.now();
        return HostClock.dayBefore6(now);
    }
}
