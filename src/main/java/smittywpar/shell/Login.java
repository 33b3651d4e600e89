package smittywpar.shell;

import java.util.ArrayList;
import java.util.List;

import smittywpar.host.FileNode;
import smittywpar.host.HostClock;
import smittywpar.msg.AixException;
import smittywpar.wpar.IndexEntry;
import smittywpar.wpar.Processes;
import smittywpar.wpar.Scope;
import smittywpar.wpar.State;
import smittywpar.wpar.Transaction;
import smittywpar.wpar.Users;
import smittywpar.wpar.Vfs;
import smittywpar.wpar.WparEngine;

/**
 * Logging in: what {@code clogin} does before its shell reads a line, and what {@code aixsh}
 * does for the global environment. The WPAR must be Active and the user one of its
 * {@code /etc/passwd}; an interactive login starts a login shell process in the WPAR's process
 * table, shows {@code /etc/motd} and the previous login from {@code /etc/security/lastlog}, and
 * records this one there ({@code on /dev/Global from} the global host, as AIX says for clogin).
 */
public final class Login {
    /** A started session: its scope (with the login shell's process id), home, and what to show. */
    public record Session(Scope scope, String home, List<String> greeting) {
    }

    static final String LASTLOG = "/etc/security/lastlog";
    static final String MOTD = "/etc/motd";

    private Login() {
    }

    /**
     * Checks that {@code user} may log in to {@code wpar} (null: the global environment) and, when
     * {@code interactive}, starts the session; {@code prog} names the command in messages.
     */
    public static Session open(WparEngine engine, String prog, String wpar, String user, boolean interactive,
            long real) {
        if (!interactive) {
            return engine.read(c -> check(c, prog, wpar, user, null));
        }
        return engine.update(c -> check(c, prog, wpar, user, real));
    }

    private static Session check(Transaction c, String prog, String wpar, String user, Long real) {
        if (wpar != null) {
            IndexEntry e = c.entry(wpar);
            if (e == null) {
                throw AixException.of("wpar.notfound", prog, wpar);
            }
            if (e.type() != 'S') {
                throw AixException.of("clogin.app", prog, wpar);
            }
            if (e.state() != State.ACTIVE) {
                throw AixException.of("clogin.notactive", prog, wpar);
            }
        }
        if (real == null && user.equals("root")) {
            // one command as root: root's home is /, and nothing else of the WPAR is needed
            return new Session(new Scope(wpar, user, "/", 0), "/", List.of());
        }
        Vfs root = Vfs.of(c, new Scope(wpar, "root", "/", 0));
        Users.User u = root.users().user(user);
        if (u == null) {
            throw AixException.of("clogin.nouser", prog, user);
        }
        String home = u.home();
        FileNode h = root.stat(home);
        if (h == null || !h.isDir()) {
            home = "/";
        }
        List<String> greeting = new ArrayList<>();
        int pid = 0;
        if (real != null) {
            FileNode motd = root.stat(MOTD);
            if (motd != null && !motd.isDir()) {
                greeting.addAll(TextUtilities.lines(root.read(MOTD)));
            }
            String tty = wpar == null ? "pts/0" : "Global";
            String last = lastLogin(c, root, user, "/dev/" + tty);
            if (last != null) {
                greeting.add(last);
            }
            greeting.add("");
            pid = Processes.spawn(c, wpar, 0, user, tty, real, Processes.SESSION, "-ksh").pid();
        }
        return new Session(new Scope(wpar, user, home, pid), home, greeting);
    }

    /**
     * The "Last login" line of {@code user} from lastlog (null before the first login), after
     * recording this login there.
     */
    private static String lastLogin(Transaction c, Vfs root, String user, String tty) {
        FileNode n = root.stat(LASTLOG);
        String text = n == null || n.isDir() ? "" : root.read(LASTLOG);
        List<String> lines = new ArrayList<>(TextUtilities.lines(text));
        int at = lines.indexOf(user + ":");
        String line = null;
        if (at >= 0) {
            String time = null;
            String lastTty = "";
            String host = "";
            int end = at + 1;
            while (end < lines.size() && (lines.get(end).startsWith("\t") || lines.get(end).startsWith(" "))) {
                String[] kv = lines.get(end).strip().split("\\s*=\\s*", 2);
                if (kv.length == 2) {
                    switch (kv[0]) {
                        case "time_last_login" -> time = kv[1];
                        case "tty_last_login" -> lastTty = kv[1];
                        case "host_last_login" -> host = kv[1];
                        default -> {
                        }
                    }
                }
                end++;
            }
            if (time != null) {
                try {
                    line = "Last login: " + HostClock.aixDate(c.host(), HostClock.at(c.host(), Long.parseLong(time)))
                            + " on " + lastTty + (host.isEmpty() ? "" : " from " + host);
                } catch (NumberFormatException e) {
                    line = null;
                }
            }
            lines.subList(at, end).clear();
            if (at < lines.size() && lines.get(at).isEmpty()) {
                lines.remove(at);
            }
        }
        if (!lines.isEmpty() && !lines.get(lines.size() - 1).isEmpty()) {
            lines.add("");
        }
        lines.add(user + ":");
        lines.add("\ttime_last_login = " + HostClock.epochSecond(c.now()));
        lines.add("\ttty_last_login = " + tty);
        lines.add("\thost_last_login = " + c.host().hostname);
        lines.add("\tunsuccessful_login_count = 0");
        String out = String.join("\n", lines) + "\n";
        try {
            root.write(LASTLOG, out, false);
        } catch (smittywpar.host.FsException e) {
            // a lastlog that cannot be written (a full file system) does not stop the login
        }
        return line;
    }

    /** True while the session's WPAR is Active and its login shell runs. */
    public static boolean alive(WparEngine engine, Session s) {
        String wpar = s.scope().wpar();
        if (wpar == null) {
            return true;
        }
        return engine.read(c -> {
            IndexEntry e = c.entry(wpar);
            return e != null && e.state() == State.ACTIVE
                    && (s.scope().shellPid() == 0 || Processes.running(c, wpar, s.scope().shellPid()));
        });
    }

    /** Ends the session: its login shell leaves the process table. */
    public static void close(WparEngine engine, Session s) {
        if (s.scope().shellPid() == 0) {
            return;
        }
        try {
            engine.update(c -> {
                String wpar = s.scope().wpar();
                if (wpar == null || c.entry(wpar) != null && c.entry(wpar).state() == State.ACTIVE) {
                    Processes.end(c, wpar, s.scope().shellPid());
                }
                return null;
            });
        } catch (AixException e) {
            // the session ends anyway
        }
    }
}
