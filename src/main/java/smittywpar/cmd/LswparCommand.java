package smittywpar.cmd;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import smittywpar.msg.Messages;
import smittywpar.wpar.Bootsets;
import smittywpar.wpar.Transaction;
import smittywpar.wpar.IndexEntry;
import smittywpar.wpar.Resources;
import smittywpar.wpar.State;
import smittywpar.wpar.Wpar;
import smittywpar.wpar.WparDefaults;
import smittywpar.wpar.WparEngine;

/**
 * lswpar: tabular views (default, -N, -M, -D, -I, -X, -b, -Br, -Bf), paragraph views (-G, -L,
 * -R, -S, -T) and delimited output (-c, -d) with -a field selection, filtered by -s state and -t
 * type. In the default view -a selects from every general field (those of -G), as the delimited
 * syntax {@code lswpar -c -a fieldname ...} implies; fields of the summary (name, state, type,
 * hostname, directory, rootvgwpar) come from the index without reading WPAR records.
 *
 * <p>Boot set views [D] (AIX documents the flags only): -b the boot list of each rootvg WPAR
 * (the value chwpar -b takes), -Br the disks of each boot set with ACTIVE for the one a running
 * WPAR started from, -Bf the internal file systems each boot set holds.
 */
final class LswparCommand extends ParsedCommand<LswparCommand.Options> {
    static final String PROG = "lswpar";
    static final String BANNER = "=".repeat(65);
    static final String RULE = "-".repeat(65);

    /** A tabular/delimited view: field names (colon header), column labels, rows of one WPAR. */
    enum View {
        GENERAL(new String[] {"name", "state", "type", "hostname", "directory", "rootvgwpar"},
                new String[] {"Name", "State", "Type", "Hostname", "Directory", "RootVG WPAR"}),
        NETWORK(new String[] {"name", "interface", "address", "mask_prefix", "broadcast"},
                new String[] {"Name", "Interface", "Address(6)", "Mask/Prefix", "Broadcast"}),
        MOUNTS(new String[] {"name", "mountpoint", "device", "vfs", "nodename", "options"},
                new String[] {"Name", "MountPoint", "Device", "Vfs", "Nodename", "Options"}),
        DEVICES(new String[] {"name", "devname", "devtype", "vdevname", "rootvg", "devstatus"},
                new String[] {"Name", "Device Name", "Type", "Virtual Device", "RootVG", "Status"}),
        ROUTES(new String[] {"name", "rtdest", "rtgateway", "rtinterface", "rttype", "rtfamily"},
                new String[] {"Name", "Destination", "Gateway", "Interface", "Type", "Family"}),
        KEXTS(new String[] {"name", "kext", "local", "major", "status"},
                new String[] {"Name", "Extension Name", "Local", "Major", "Status"}),
        BOOTLIST(new String[] {"name", "bootlist"}, new String[] {"Name", "Bootlist"}),
        BOOTSETS(new String[] {"name", "bootset", "devname", "status"},
                new String[] {"Name", "Boot Set", "Device Name", "Status"}),
        BOOTFS(new String[] {"name", "bootset", "mountpoint", "device", "vfs"},
                new String[] {"Name", "Boot Set", "MountPoint", "Device", "Vfs"}),
        G(new String[] {"name", "state", "type", "rootvgwpar", "hostname", "routing", "vipwpar", "directory",
            "owner", "script", "auto", "privateusr", "checkpointable", "application", "ostype", "xwparipc",
            "architecture", "uuid"},
                new String[] {"Name", "State", "Type", "RootVG WPAR", "Hostname", "WPAR-Specific Routing",
                    "Virtual IP WPAR", "Directory", "Owner", "Start/Stop Script", "Auto", "Private /usr",
                    "Checkpointable", "Application", "OStype", "Cross-WPAR IPC", "Architecture", "UUID"}),
        R(concat("name", Resources.NAMES), null),
        S(new String[] {"name", "privs"}, null),
        T(new String[] {"name", "operation", "pid", "starttime"}, null);

        final String[] fields;
        final String[] labels;

        View(String[] fields, String[] labels) {
            this.fields = fields;
            this.labels = labels;
        }
    }

    private static String[] concat(String first, List<String> rest) {
        String[] out = new String[rest.size() + 1];
        out[0] = first;
        for (int i = 0; i < rest.size(); i++) {
            out[i + 1] = rest.get(i);
        }
        return out;
    }

    /** The parsed command line: what to show and how. */
    record Options(Getopt g, List<Character> paragraph, boolean delimited, Set<Character> states,
            Set<Character> types, String delim, View view, int[] select) {
    }

    @Override
    Options parse(List<String> args) {
        Getopt g = new Getopt(PROG, "a:bB:cd:DGILMNqRs:St:TX", "usage.lswpar").parse(args);
        if (g.has('B') && !g.value('B').equals("r") && !g.value('B').equals("f")) {
            throw g.usage();
        }
        List<Character> paragraph = new ArrayList<>();
        List<Character> tabular = new ArrayList<>();
        for (char f : new char[] {'G', 'L', 'R', 'S', 'T'}) {
            if (g.has(f)) {
                paragraph.add(f);
            }
        }
        for (char f : new char[] {'b', 'B', 'D', 'I', 'M', 'N'}) {
            if (g.has(f)) {
                tabular.add(f);
            }
        }
        boolean delimited = g.has('c') || g.has('d');
        if (paragraph.size() + tabular.size() > 1 && !(tabular.size() == 1 && tabular.get(0) == 'I' && g.has('X'))) {
            throw g.usage();
        }
        if (g.has('X') && !tabular.isEmpty() && tabular.get(0) != 'I' || g.has('L') && delimited) {
            throw g.usage();
        }
        if (!paragraph.isEmpty() && (g.has('a') || g.has('q')) && !delimited) {
            throw g.usage();
        }
        Set<Character> states = letters(g, 's', "DLAFPMBTE", "lswpar.badstate");
        Set<Character> types = letters(g, 't', "SA", "lswpar.badtype");
        String delim = g.has('d') ? g.value('d') : ":";
        View view = View.GENERAL;
        if (g.has('N')) {
            view = View.NETWORK;
        } else if (g.has('M')) {
            view = View.MOUNTS;
        } else if (g.has('D')) {
            view = View.DEVICES;
        } else if (g.has('I')) {
            view = View.ROUTES;
        } else if (g.has('X')) {
            view = View.KEXTS;
        } else if (g.has('G')) {
            view = View.G;
        } else if (g.has('R')) {
            view = View.R;
        } else if (g.has('S')) {
            view = View.S;
        } else if (g.has('T')) {
            view = View.T;
        } else if (g.has('b')) {
            view = View.BOOTLIST;
        } else if (g.has('B')) {
            view = g.value('B').equals("r") ? View.BOOTSETS : View.BOOTFS;
        }
        if (view == View.GENERAL && g.has('a') && !fromIndex(g.value('a'))) {
            view = View.G;
        }
        return new Options(g, paragraph, delimited, states, types, delim, view, select(g, view));
    }

    @Override
    int run(Invocation inv, Options o) {
        Getopt g = o.g();
        List<Character> paragraph = o.paragraph();
        boolean delimited = o.delimited();
        Set<Character> states = o.states();
        Set<Character> types = o.types();
        String delim = o.delim();
        int[] select = o.select();
        View v = o.view();
        PrintStream out = inv.out();
        return new WparEngine(PROG, inv.console(), inv.env()).read(c -> {
            int rc = 0;
            List<IndexEntry> entries = new ArrayList<>();
            if (g.operands().isEmpty()) {
                entries.addAll(c.entries());
            } else {
                for (String name : new LinkedHashSet<>(g.operands())) {
                    IndexEntry e = c.entry(name);
                    if (e == null) {
                        inv.err().println(Messages.get("wpar.notfound", PROG, name));
                        rc = 1;
                    } else {
                        entries.add(e);
                    }
                }
            }
            entries.removeIf(e -> states != null && !states.contains(e.state().letter)
                    || types != null && !types.contains(e.type()));
            if (g.has('L')) {
                for (IndexEntry e : entries) {
                    printLong(out, c.wpar(e.name()));
                }
                return rc;
            }
            if (!delimited && !paragraph.isEmpty()) {
                for (IndexEntry e : entries) {
                    Wpar w = c.wpar(e.name());
                    out.println(BANNER);
                    out.println(w.name + " - " + w.state.word);
                    out.println(BANNER);
                    switch (v) {
                        case G -> printGeneral(out, w);
                        case R -> printResources(out, w);
                        case S -> printSecurity(out, w);
                        default -> printOperation(out, w);
                    }
                    out.println();
                }
                return rc;
            }
            List<String[]> rows = new ArrayList<>();
            for (IndexEntry e : entries) {
                if (v == View.GENERAL) {
                    rows.add(new String[] {e.name(), String.valueOf(e.state().letter), String.valueOf(e.type()),
                        e.hostname(), e.directory(), e.rootvg() ? "yes" : "no"});
                } else {
                    rows.addAll(rows(v, c.wpar(e.name()), c));
                }
            }
            if (entries.isEmpty()) {
                return rc;
            }
            if (delimited) {
                StringBuilder sb = new StringBuilder(64 * (rows.size() + 1));
                if (!g.has('q')) {
                    sb.append('#');
                    appendSelected(sb, v.fields, select, delim);
                }
                for (String[] r : rows) {
                    appendSelected(sb, r, select, delim);
                }
                out.print(sb);
            } else {
                String[] labels = new String[select.length];
                for (int i = 0; i < select.length; i++) {
                    labels[i] = v.labels[select[i]];
                }
                Table t = new Table(labels);
                for (String[] r : rows) {
                    String[] cells = new String[select.length];
                    for (int i = 0; i < select.length; i++) {
                        cells[i] = r[select[i]];
                    }
                    t.add(cells);
                }
                t.print(out, !g.has('q'));
            }
            return rc;
        });
    }

    /** True when every field named by -a is in the index summary (the default view). */
    private static boolean fromIndex(String fields) {
        for (String a : fields.split(",")) {
            boolean found = false;
            for (String f : View.GENERAL.fields) {
                found |= f.equalsIgnoreCase(a.strip());
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /**
     * One delimited line. In colon format a colon inside a value (an IPv6 address) is written as
     * {@code #!:}, the escape of AIX's colon format that SMIT's discovery reads [R].
     */
    private static void appendSelected(StringBuilder sb, String[] r, int[] select, String delim) {
        for (int i = 0; i < select.length; i++) {
            if (i > 0) {
                sb.append(delim);
            }
            String v = r[select[i]];
            sb.append(delim.equals(":") && v.indexOf(':') >= 0 ? v.replace(":", "#!:") : v);
        }
        sb.append('\n');
    }

    private static Set<Character> letters(Getopt g, char flag, String allowed, String errKey) {
        if (!g.has(flag)) {
            return null;
        }
        Set<Character> out = new LinkedHashSet<>();
        String v = g.value(flag);
        if (v.isEmpty()) {
            throw g.usageError(errKey, v);
        }
        for (char ch : v.toCharArray()) {
            if (allowed.indexOf(ch) < 0) {
                throw g.usageError(errKey, String.valueOf(ch));
            }
            out.add(ch);
        }
        return out;
    }

    private static int[] select(Getopt g, View v) {
        if (!g.has('a')) {
            int[] all = new int[v.fields.length];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        List<Integer> sel = new ArrayList<>();
        for (String a : g.value('a').split(",")) {
            String f = a.strip();
            int idx = -1;
            for (int i = 0; i < v.fields.length; i++) {
                if (v.fields[i].equalsIgnoreCase(f)) {
                    idx = i;
                }
            }
            if (idx < 0) {
                throw g.usageError("lswpar.badfield", f);
            }
            sel.add(idx);
        }
        return sel.stream().mapToInt(Integer::intValue).toArray();
    }

    // ---- rows of the tabular/delimited views --------------------------------------------

    static List<String[]> rows(View v, Wpar w, Transaction c) {
        List<String[]> out = new ArrayList<>();
        switch (v) {
            case NETWORK -> {
                for (Wpar.Network n : w.networks) {
                    out.add(n.isV6() && n.address.isEmpty()
                            ? new String[] {w.name, n.iface, n.address6, n.prefixlen, ""}
                            : new String[] {w.name, n.iface, n.address, n.netmask, n.broadcast});
                }
                if (w.state == State.ACTIVE && w.type == 'S') {
                    out.add(new String[] {w.name, "lo0", "127.0.0.1", "255.0.0.0", "127.255.255.255"});
                }
            }
            case MOUNTS -> {
                for (Wpar.Mount m : w.mounts) {
                    out.add(new String[] {w.name, w.globalPath(m.directory), device(m), m.vfs, m.host,
                        options(m)});
                }
            }
            case DEVICES -> {
                for (Wpar.Device d : w.devices) {
                    out.add(new String[] {w.name, d.devname, d.devtype, d.vdevname, d.rootvg,
                        deviceStatus(w, d)});
                }
            }
            case ROUTES -> {
                for (Wpar.Route r : w.routes) {
                    out.add(new String[] {w.name, r.isDefault() ? "default" : r.rtdest, r.rtgateway,
                        r.rtinterface, r.rttype, r.rtfamily});
                }
            }
            case KEXTS -> {
                for (Wpar.Kext k : w.kexts) {
                    out.add(new String[] {w.name, k.kext, k.local, k.major,
                        w.state == State.ACTIVE ? "EXPORTED" : "ALLOCATED"});
                }
            }
            case G -> out.add(new String[] {w.name, String.valueOf(w.state.letter), String.valueOf(w.type),
                yn(w.rootvg), w.hostname, yn(w.routing), w.vipwpar, w.directory, w.owner, w.script, yn(w.auto),
                yn(w.privateUsr), yn(w.checkpointable), w.application, w.ostype, yn(w.xwparipc),
                w.architecture, w.uuid});
            case R -> {
                String[] r = new String[Resources.NAMES.size() + 1];
                r[0] = w.name;
                for (int i = 0; i < Resources.NAMES.size(); i++) {
                    r[i + 1] = Resources.shown(w, Resources.NAMES.get(i));
                }
                out.add(r);
            }
            case BOOTLIST -> {
                if (w.rootvg) {
                    out.add(new String[] {w.name, w.bootlist});
                }
            }
            case BOOTSETS -> {
                for (Bootsets.Entry b : Bootsets.all(w)) {
                    String status = w.state.isRunning() && b.id() == w.booted ? "ACTIVE" : "INACTIVE";
                    for (String d : b.disks()) {
                        out.add(new String[] {w.name, String.valueOf(b.id()), d, status});
                    }
                }
            }
            case BOOTFS -> {
                for (Bootsets.Entry b : Bootsets.all(w)) {
                    for (String[] f : Bootsets.filesystems()) {
                        out.add(new String[] {w.name, String.valueOf(b.id()), f[0], f[1], f[2]});
                    }
                }
            }
            case S -> out.add(new String[] {w.name, String.join(",", privileges(w))});
            case T -> out.add(new String[] {w.name, w.operation, "", ""});
            default -> throw new IllegalStateException(v.name());
        }
        return out;
    }

    static String yn(boolean b) {
        return b ? "yes" : "no";
    }

    static String device(Wpar.Mount m) {
        if (m.vfs.equals("nfs") || m.vfs.equals("namefs") || !m.dev.isEmpty()) {
            return m.dev;
        }
        return "";
    }

    static String options(Wpar.Mount m) {
        if (m.hasLv()) {
            String log = m.logname.isEmpty() || m.logname.equals("INLINE") ? "log=NULL" : "log=" + m.logname;
            return m.mountopts.isEmpty() ? log : m.mountopts + "," + log;
        }
        return m.mountopts;
    }

    static String deviceStatus(Wpar w, Wpar.Device d) {
        if (d.export.equals("no")) {
            return "UNEXPORTED";
        }
        if (d.devtype.equals("pseudo") || d.devtype.equals("clone")) {
            return "EXPORTED";
        }
        return w.state == State.ACTIVE ? "EXPORTED" : "ALLOCATED";
    }

    static List<String> privileges(Wpar w) {
        return w.privileges.isEmpty() ? WparDefaults.get().privileges() : w.privileges;
    }

    // ---- paragraph views ------------------------------------------------------------------

    private static void label(PrintStream out, String label, int width, String value) {
        String l = label + ":";
        if (value == null || value.isEmpty()) {
            out.println(l);
        } else {
            out.println(l + " ".repeat(Math.max(1, width - l.length())) + value);
        }
    }

    static void printGeneral(PrintStream out, Wpar w) {
        label(out, "Type", 25, String.valueOf(w.type));
        label(out, "RootVG WPAR", 25, yn(w.rootvg));
        label(out, "Owner", 25, w.owner);
        label(out, "Hostname", 25, w.hostname);
        label(out, "WPAR-Specific Routing", 25, yn(w.routing));
        label(out, "Virtual IP WPAR", 25, w.vipwpar);
        label(out, "Directory", 25, w.directory);
        label(out, "Start/Stop Script", 25, w.script);
        label(out, "Auto", 25, yn(w.auto));
        label(out, "Private /usr", 25, yn(w.privateUsr));
        label(out, "Checkpointable", 25, yn(w.checkpointable));
        label(out, "Application", 25, w.application);
        label(out, "UUID", 25, w.uuid);
    }

    static void printResources(PrintStream out, Wpar w) {
        for (Resources.Attr a : Resources.ATTRS) {
            label(out, a.label(), 36, Resources.shown(w, a.name()));
        }
    }

    static void printOperation(PrintStream out, Wpar w) {
        label(out, "Operation", 14, w.operation);
        label(out, "Process ID", 14, "");
        label(out, "Start Time", 14, "");
    }

    static void printSecurity(PrintStream out, Wpar w) {
        List<String> privs = privileges(w);
        StringBuilder line = new StringBuilder("Privileges:   ");
        String indent = " ".repeat(14);
        for (int i = 0; i < privs.size(); i++) {
            String item = privs.get(i) + (i < privs.size() - 1 ? "," : "");
            if (line.length() > 14 && line.length() + item.length() > 75) {
                out.println(line);
                line = new StringBuilder(indent);
            }
            line.append(item);
        }
        out.println(line);
    }

    static void printLong(PrintStream out, Wpar w) {
        out.println(BANNER);
        out.println(w.name + " - " + w.state.word);
        out.println(BANNER);
        out.println("GENERAL");
        printGeneral(out, w);
        out.println();
        out.println("NETWORK");
        out.println("Interface     Address(6)        Mask/Prefix       Broadcast");
        out.println(RULE);
        for (String[] r : rows(View.NETWORK, w, null)) {
            out.println(trim(String.format("%-14s%-18s%-18s%s", r[1], r[2], r[3], r[4])));
        }
        out.println();
        out.println("USER-SPECIFIED ROUTES");
        out.println("Type    Destination          Gateway           Interface");
        out.println(RULE);
        for (Wpar.Route r : w.routes) {
            out.println(trim(String.format("%-8s%-21s%-19s%s", r.rttype, r.isDefault() ? "default" : r.rtdest,
                    r.rtgateway, r.rtinterface)));
        }
        out.println();
        out.println("FILE SYSTEMS");
        out.println("MountPoint               Device           Vfs     Nodename   Options");
        out.println(RULE);
        for (Wpar.Mount m : w.mounts) {
            String mp = w.globalPath(m.directory);
            if (mp.length() > 24) {
                mp = mp.substring(0, 21) + "...";
            }
            out.println(trim(String.format("%-25s%-17s%-8s%-11s%s", mp, device(m), m.vfs, m.host, options(m))));
        }
        out.println();
        out.println("RESOURCE CONTROLS");
        printResources(out, w);
        out.println();
        out.println("OPERATION");
        printOperation(out, w);
        out.println();
        out.println("SECURITY SETTINGS");
        printSecurity(out, w);
        out.println();
        out.println("DEVICE EXPORTS");
        out.println("Name               Type     Virtual Device     RootVG   Status");
        out.println(RULE);
        for (Wpar.Device d : w.devices) {
            out.println(trim(String.format("%-19s%-9s%-19s%-9s%s", d.devname, d.devtype, d.vdevname, d.rootvg,
                    deviceStatus(w, d))));
        }
        out.println();
        if (!w.kexts.isEmpty()) {
            out.println("KERNEL EXTENSIONS");
            out.println("Name                           Local    Major    Status");
            out.println(RULE);
            for (Wpar.Kext k : w.kexts) {
                out.println(trim(String.format("%-31s%-9s%-9s%s", k.kext, k.local, k.major,
                        w.state == State.ACTIVE ? "EXPORTED" : "ALLOCATED")));
            }
            out.println();
        }
    }

    private static String trim(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }
}
