package smittywpar.cmd;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import smittywpar.host.Host;
import smittywpar.msg.Messages;
import smittywpar.wpar.Transaction;
import smittywpar.wpar.WparDefaults;

/**
 * lsdev [-C] [-c Class] [-t Type] [-l Name] [-S State] [-H] [-F Format]: the customized devices of
 * the global environment (network interfaces, disks, adapters) sorted by name as AIX lists them,
 * with or without -C (the customized devices are the default), as the SMIT lists of interfaces,
 * disks and drives read them; each device has a type ({@link DeviceTypes}).
 */
final class LsdevCommand extends ParsedCommand<Getopt> {
    /** The flags, in {@link Getopt}'s syntax (also the option table of the man page and the completion). */
    static final String OPTIONS = "Cc:t:l:S:HF:";
    static final String PROG = "lsdev";
    static final List<String> FIELDS = List.of("name", "status", "location", "description", "class", "type");

    /** One device: the fields -F can name, in {@link #FIELDS} order. */
    record Dev(String name, String status, String location, String description, String cls, String type) {
        Dev(String name, String status, String description, String cls, boolean writer) {
            this(name, status, "", description, cls, DeviceTypes.of(cls, name, description, writer));
        }

        String field(String f) {
            return switch (f) {
                case "name" -> name;
                case "status" -> status;
                case "location" -> location;
                case "description" -> description;
                case "type" -> type;
                default -> cls;
            };
        }
    }

    @Override
    Getopt parse(List<String> args) {
        Getopt g = new Getopt(PROG, OPTIONS, "usage.lsdev").parse(args);
        if (!g.operands().isEmpty()) {
            throw g.usage();
        }
        if (g.has('S')) {
            String s = g.value('S');
            if (!s.matches("[aAdDsS]|Available|Defined|Stopped")) {
                throw g.usage();
            }
        }
        return g;
    }

    @Override
    int run(Invocation inv, Getopt g) {
        return HostCommand.read(inv, PROG, c -> {
            List<Dev> devs = inv.wpar() == null ? global(c) : inside(c, inv.wpar());
            String cls = g.value('c');
            String type = g.value('t');
            String name = g.value('l');
            String state = g.value('S');
            devs.removeIf(d -> cls != null && !d.cls.equals(cls) || type != null && !d.type.equals(type) || name != null && !Glob.matches(name, d.name)
                    || state != null && Character.toLowerCase(state.charAt(0))
                            != Character.toLowerCase(d.status.charAt(0)));
            devs.sort((a, b) -> a.name.compareTo(b.name));
            PrintStream out = inv.out();
            if (name != null && devs.isEmpty()) {
                inv.err().println(Messages.get("lsdev.notfound", name));
                return 1;
            }
            if (g.has('F')) {
                String format = g.value('F');
                if (g.has('H')) {
                    out.println(format);
                }
                for (Dev d : devs) {
                    out.println(format(format, d));
                }
                return 0;
            }
            List<String[]> rows = new ArrayList<>();
            if (g.has('H')) {
                rows.add(new String[] {"name", "status", "location", "description"});
            }
            for (Dev d : devs) {
                rows.add(new String[] {d.name, d.status, d.location, d.description});
            }
            int[] w = new int[3];
            for (String[] r : rows) {
                for (int i = 0; i < 3; i++) {
                    w[i] = Math.max(w[i], r[i].length());
                }
            }
            StringBuilder sb = new StringBuilder(64 * rows.size());
            for (String[] r : rows) {
                for (int i = 0; i < 3; i++) {
                    sb.append(r[i]).append(" ".repeat(w[i] - r[i].length() + 1));
                }
                sb.append(r[3]).append('\n');
            }
            out.print(sb);
            return 0;
        });
    }

    /** The devices of the global environment: network interfaces, disks, adapters. */
    private static List<Dev> global(Transaction c) {
        List<Dev> devs = new ArrayList<>();
        for (Host.Interface i : c.host().interfaces) {
            devs.add(new Dev(i.name, "Available", Messages.get(i.name.startsWith("lo")
                    ? "lsdev.desc.loopback" : "lsdev.desc.ethernet"), "if", false));
        }
        for (Host.Disk d : c.host().disks) {
            devs.add(new Dev(d.name, d.status, d.description, "disk", false));
        }
        for (Host.Adapter a : c.host().adapters) {
            devs.add(new Dev(a.name, a.status, a.description, a.devClass, a.writer));
        }
        return devs;
    }

    /** The devices seen inside a system WPAR: its own, and the disks and adapters exported to it, by name. */
    private static List<Dev> inside(Transaction c, String wpar) {
        List<Dev> devs = new ArrayList<>();
        for (String[] d : WparDefaults.get().insideDevices()) {
            devs.add(new Dev(d[0], d[1], d[3], d[2], false));
        }
        for (Host.Disk d : c.host().disks) {
            if (wpar.equals(d.wpar)) {
                devs.add(new Dev(d.name, d.status, d.description, "disk", false));
            }
        }
        for (Host.Adapter a : c.host().adapters) {
            if (wpar.equals(a.wpar)) {
                devs.add(new Dev(a.name, a.status, a.description, a.devClass, a.writer));
            }
        }
        devs.sort((a, b) -> a.name.compareTo(b.name));
        return devs;
    }

    /** Replaces each field name in {@code format} by the device's value; other text is kept. */
    static String format(String format, Dev d) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            String hit = null;
            if (Character.isLetter(format.charAt(i)) && (i == 0 || !Character.isLetterOrDigit(format.charAt(i - 1)))) {
                for (String f : FIELDS) {
                    int end = i + f.length();
                    if (format.startsWith(f, i) && (end == format.length() || !Character.isLetterOrDigit(format.charAt(end)))) {
                        hit = f;
                    }
                }
            }
            if (hit != null) {
                sb.append(d.field(hit));
                i += hit.length();
            } else {
                sb.append(format.charAt(i++));
            }
        }
        return sb.toString();
    }
}
