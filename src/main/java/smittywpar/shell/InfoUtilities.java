package smittywpar.shell;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import smittywpar.base.Text;
import smittywpar.host.Host;
import smittywpar.host.HostClock;
import smittywpar.msg.Messages;
import smittywpar.wpar.IndexEntry;
import smittywpar.wpar.Processes;
import smittywpar.wpar.Transaction;
import smittywpar.wpar.Users;
import smittywpar.wpar.WparEngine;

/** The utilities that tell about the system and the user: {@code date id whoami who uname sleep}. */
final class InfoUtilities {
    private static final List<String> NAMES = List.of("date", "id", "whoami", "who", "uname", "sleep");
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Sunday"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};

    private InfoUtilities() {
    }

    static boolean has(String name) {
        return NAMES.contains(name);
    }

    static int run(Shell sh, String name, List<String> args, Shell.Io io) {
        return switch (name) {
            case "date" -> date(sh, args, io);
            case "id" -> id(sh, args, io);
            case "whoami" -> {
                if (!args.isEmpty()) {
                    yield Flags.usage("whoami", io);
                }
                io.out().println(sh.scope().user());
                yield 0;
            }
            case "who" -> who(sh, args, io);
            case "uname" -> uname(sh, args, io);
            default -> sleep(args, io);
        };
    }

    // ---- date --------------------------------------------------------------------------------

    private static int date(Shell sh, List<String> args, Shell.Io io) {
        boolean utc = false;
        String format = null;
        for (String a : args) {
            if (a.equals("-u")) {
                utc = true;
            } else if (a.startsWith("+") && format == null) {
                format = a.substring(1);
            } else {
                io.err().println(Messages.get("date.noset"));
                return 1;
            }
        }
        boolean inUtc = utc;
        String fmt = format;
        String out = sh.read(c -> {
            ZonedDateTime now = c.now();
            String zone = c.host().timezone;
            if (inUtc) {
                now = now.withZoneSameInstant(ZoneOffset.UTC);
                zone = "UTC";
            }
            return fmt == null ? HostClock.aixDate(zoneHost(c.host(), zone), now) : format(fmt, now, zone);
        });
        io.out().println(out);
        return 0;
    }

    private static Host zoneHost(Host h, String zone) {
        if (zone.equals(h.timezone)) {
            return h;
        }
        Host copy = new Host();
        copy.timezone = zone;
        copy.utcOffset = "Z";
        return copy;
    }

    /** date's {@code +FORMAT}: the common conversions of AIX's date. */
    static String format(String f, ZonedDateTime t, String zone) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c != '%' || i + 1 >= f.length()) {
                sb.append(c);
                continue;
            }
            char d = f.charAt(++i);
            switch (d) {
                case 'a' -> sb.append(DAYS[HostClock.weekday(t)], 0, 3);
                case 'A' -> sb.append(DAYS[HostClock.weekday(t)]);
                case 'b', 'h' -> sb.append(MONTHS[t.getMonthValue() - 1], 0, 3);
                case 'B' -> sb.append(MONTHS[t.getMonthValue() - 1]);
                case 'd' -> sb.append(Text.zeros(t.getDayOfMonth(), 2));
                case 'e' -> sb.append(Text.right(String.valueOf(t.getDayOfMonth()), 2));
                case 'H' -> sb.append(Text.zeros(t.getHour(), 2));
                case 'I' -> sb.append(Text.zeros((t.getHour() + 11) % 12 + 1, 2));
                case 'j' -> sb.append(Text.zeros(t.getDayOfYear(), 3));
                case 'm' -> sb.append(Text.zeros(t.getMonthValue(), 2));
                case 'M' -> sb.append(Text.zeros(t.getMinute(), 2));
                case 'S' -> sb.append(Text.zeros(t.getSecond(), 2));
                case 'p' -> sb.append(t.getHour() < 12 ? "AM" : "PM");
                case 'y' -> sb.append(Text.zeros(t.getYear() % 100, 2));
                case 'Y' -> sb.append(t.getYear());
                case 'Z' -> sb.append(zone);
                case 'T' -> sb.append(format("%H:%M:%S", t, zone));
                case 'D' -> sb.append(format("%m/%d/%y", t, zone));
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 's' -> sb.append(HostClock.epochSecond(t));
                case '%' -> sb.append('%');
                default -> sb.append('%').append(d);
            }
        }
        return sb.toString();
    }

    // ---- id, who -----------------------------------------------------------------------------

    private static int id(Shell sh, List<String> args, Shell.Io io) {
        Flags f = Flags.parse("id", "ugGnr", args, io);
        if (f == null) {
            return 2;
        }
        String name = f.operands.isEmpty() ? sh.scope().user() : f.operands.get(0);
        return sh.read(c -> {
            Users users = sh.vfs(c).users();
            Users.User u = users.user(name);
            if (u == null) {
                io.err().println(Messages.get("id.nouser", name));
                return 2;
            }
            boolean n = f.has('n');
            if (f.has('u')) {
                io.out().println(n ? u.name() : String.valueOf(u.uid()));
            } else if (f.has('g')) {
                io.out().println(n ? users.groupName(u.gid()) : String.valueOf(u.gid()));
            } else if (f.has('G')) {
                List<String> g = new ArrayList<>();
                g.add(n ? users.groupName(u.gid()) : String.valueOf(u.gid()));
                for (Users.Group x : users.supplementary(u)) {
                    g.add(n ? x.name() : String.valueOf(x.gid()));
                }
                io.out().println(String.join(" ", g));
            } else {
                StringBuilder sb = new StringBuilder();
                sb.append("uid=").append(u.uid()).append('(').append(u.name()).append(") gid=").append(u.gid())
                        .append('(').append(users.groupName(u.gid())).append(')');
                List<Users.Group> sup = users.supplementary(u);
                for (int i = 0; i < sup.size(); i++) {
                    sb.append(i == 0 ? " groups=" : ",").append(sup.get(i).gid()).append('(').append(sup.get(i).name())
                            .append(')');
                }
                io.out().println(sb);
            }
            return 0;
        });
    }

    private static int who(Shell sh, List<String> args, Shell.Io io) {
        boolean me = args.size() == 2 && args.get(0).equals("am") && (args.get(1).equals("i") || args.get(1)
                .equals("I"));
        if (!args.isEmpty() && !me) {
            return Flags.usage("who", io);
        }
        return sh.read(c -> {
            for (Processes.Proc p : sessions(c, sh.scope().wpar())) {
                if (me && p.pid() != sh.scope().shellPid()) {
                    continue;
                }
                io.out().println(Text.left(p.user(), 12) + Text.left(p.tty(), 12)
                        + HostClock.mountDate(HostClock.at(c.host(), p.start())));
            }
            return 0;
        });
    }

    private static List<Processes.Proc> sessions(Transaction c, String wpar) {
        List<Processes.Proc> out = new ArrayList<>();
        for (Processes.Proc p : Processes.table(c, wpar)) {
            if (Processes.SESSION.equals(p.tag())) {
                out.add(p);
            }
        }
        return out;
    }

    // ---- uname -------------------------------------------------------------------------------

    private static int uname(Shell sh, List<String> args, Shell.Io io) {
        Flags f = Flags.parse("uname", "amnprsvWML", args, io);
        if (f == null) {
            return 2;
        }
        if (!f.operands.isEmpty()) {
            return Flags.usage("uname", io);
        }
        String line = sh.read(c -> {
            Host h = c.host();
            String wpar = sh.scope().wpar();
            String node = wpar == null ? h.hostname : c.wpar(wpar).hostname;
            String[] v = h.oslevel.split("\\.");
            String version = v.length > 0 ? v[0] : "7";
            String release = v.length > 1 ? v[1] : "2";
            List<String> out = new ArrayList<>();
            boolean all = f.has('a');
            if (all || f.has('s') || f.set.isEmpty()) {
                out.add("AIX");
            }
            if (all || f.has('n')) {
                out.add(node);
            }
            if (all || f.has('r')) {
                out.add(release);
            }
            if (all || f.has('v')) {
                out.add(version);
            }
            if (all || f.has('m')) {
                out.add(h.machineId);
            }
            if (f.has('p')) {
                out.add("powerpc");
            }
            if (f.has('M')) {
                out.add("IBM,8286-42A");
            }
            if (f.has('L')) {
                out.add("1 " + h.hostname);
            }
            if (f.has('W')) {
                out.add(String.valueOf(wparId(c, wpar)));
            }
            return String.join(" ", out);
        });
        io.out().println(line);
        return 0;
    }

    /**
     * The id {@code uname -W} prints: 0 in the global environment; in a WPAR its place among the
     * host's WPARs in name order [D: AIX numbers running WPARs; the simulation needs an id that is
     * the same however it is asked].
     */
    static int wparId(Transaction c, String wpar) {
        if (wpar == null) {
            return 0;
        }
        int i = 1;
        for (IndexEntry e : c.entries()) {
            if (e.name().equals(wpar)) {
                return i;
            }
            i++;
        }
        return 0;
    }

    private static int sleep(List<String> args, Shell.Io io) {
        if (args.size() != 1) {
            return Flags.usage("sleep", io);
        }
        long s;
        try {
            s = Long.parseLong(args.get(0));
        } catch (NumberFormatException e) {
            return Flags.usage("sleep", io);
        }
        if (s > 0) {
            WparEngine.settle(); // a joint transaction (a wparexec) is written before the wait
        }
        try {
            Thread.sleep(Math.max(0, Math.min(s, 86400)) * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        return 0;
    }
}
