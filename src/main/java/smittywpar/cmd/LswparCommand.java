package smittywpar.cmd;

import static smittywpar.wpar.Attribute.APPLICATION;
import static smittywpar.wpar.Attribute.ARCHITECTURE;
import static smittywpar.wpar.Attribute.AUTO;
import static smittywpar.wpar.Attribute.CHECKPOINTABLE;
import static smittywpar.wpar.Attribute.DIRECTORY;
import static smittywpar.wpar.Attribute.HOSTNAME;
import static smittywpar.wpar.Attribute.NAME;
import static smittywpar.wpar.Attribute.OSTYPE;
import static smittywpar.wpar.Attribute.OWNER;
import static smittywpar.wpar.Attribute.PRIVATEUSR;
import static smittywpar.wpar.Attribute.ROOTVG;
import static smittywpar.wpar.Attribute.ROUTING;
import static smittywpar.wpar.Attribute.SCRIPT;
import static smittywpar.wpar.Attribute.STATE;
import static smittywpar.wpar.Attribute.TYPE;
import static smittywpar.wpar.Attribute.UUID;
import static smittywpar.wpar.Attribute.VIPWPAR;
import static smittywpar.wpar.Attribute.XWPARIPC;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import smittywpar.base.Text;
import smittywpar.msg.Messages;
import smittywpar.wpar.Attribute;
import smittywpar.wpar.Attribute.Section;
import smittywpar.wpar.Attributed;
import smittywpar.wpar.Bootsets;
import smittywpar.wpar.IndexEntry;
import smittywpar.wpar.State;
import smittywpar.wpar.Wpar;
import smittywpar.wpar.WparEngine;

/**
 * lswpar: tabular views (default, -N, -M, -D, -I, -X, -b, -Br, -Bf), paragraph views (-G, -L,
 * -R, -S, -T) and delimited output (-c, -d) with -a field selection, filtered by -s state and -t
 * type. In the default view -a selects from every general field (those of -G), as the delimited
 * syntax {@code lswpar -c -a fieldname ...} implies; fields of the summary (name, state, type,
 * hostname, directory, rootvgwpar) come from the index without reading WPAR records.
 *
 * <p>Every column that shows an attribute takes its colon name, label and value from the
 * attribute's row of {@link Attribute}; the views here choose and order them, and add the few
 * columns lswpar derives from several attributes (the address of an IPv4 or IPv6 entry, the
 * global mount point, the status of a device).
 *
 * <p>Boot set views [D] (AIX documents the flags only): -b the boot list of each system WPAR
 * (the value chwpar -b takes), -Br the disks (rootvg WPAR) or the volume group (other WPARs) of
 * each boot set with ACTIVE for the one a running WPAR started from, -Bf the file systems each
 * boot set holds.
 */
final class LswparCommand extends ParsedCommand<LswparCommand.Options> {
    /** The flags, in {@link Getopt}'s syntax (also the option table of the man page and the completion). */
    static final String OPTIONS = "a:bB:cd:DGILMNqRs:St:TX";
    static final String PROG = "lswpar";
    static final String BANNER = "=".repeat(65);
    static final String RULE = "-".repeat(65);

    /** lswpar -cG: every general attribute lswpar shows, in AIX's colon order [R]. */
    static final Attribute[] GENERAL_COLUMNS = {NAME, STATE, TYPE, ROOTVG, HOSTNAME, ROUTING, VIPWPAR, DIRECTORY,
        OWNER, SCRIPT, AUTO, PRIVATEUSR, CHECKPOINTABLE, APPLICATION, OSTYPE, XWPARIPC, ARCHITECTURE, UUID};
    /** lswpar -G and the GENERAL part of -L: the lines AIX prints, in its order [V]. */
    static final Attribute[] GENERAL_LINES = {TYPE, ROOTVG, OWNER, HOSTNAME, ROUTING, VIPWPAR, DIRECTORY, SCRIPT,
        AUTO, PRIVATEUSR, CHECKPOINTABLE, APPLICATION, UUID};

    /** The columns lswpar derives: not one attribute's value. */
    enum Derived {
        /** the IPv4 address, or the IPv6 one of an IPv6-only entry */
        ADDRESS("address", "Address(6)"),
        /** the netmask, or the prefix length of an IPv6-only entry */
        MASK_PREFIX("mask_prefix", "Mask/Prefix"),
        /** a route's destination, "default" for a default route */
        DESTINATION("rtdest", "Destination"),
        /** a file system's mount point in the global environment */
        MOUNTPOINT("mountpoint", "MountPoint"),
        /** a file system's mount options, with the log of a local one */
        OPTIONS("options", "Options"),
        DEVSTATUS("devstatus", "Status"),
        KEXTSTATUS("status", "Status"),
        BOOTSET("bootset", "Boot Set"),
        DISK("devname", "Device Name"),
        BOOTSTATUS("status", "Status"),
        BOOTMOUNT("mountpoint", "MountPoint"),
        BOOTDEVICE("device", "Device"),
        BOOTVFS("vfs", "Vfs"),
        /** the process and start time of an operation in progress: none in the simulation */
        OPPID("pid", "Process ID"),
        OPSTART("starttime", "Start Time");

        final String column;
        final String label;

        Derived(String column, String label) {
            this.column = column;
            this.label = label;
        }
    }

    /** A column of a view: an attribute (of the WPAR or of the view's objects), or a derived one. */
    record Column(String name, String label, Attribute attr, Derived derived) {
        static Column[] of(Object... parts) {
            Column[] out = new Column[parts.length];
            for (int i = 0; i < parts.length; i++) {
                out[i] = parts[i] instanceof Attribute a ? new Column(a.column, a.label, a, null)
                        : new Column(((Derived) parts[i]).column, ((Derived) parts[i]).label, null, (Derived) parts[i]);
            }
            return out;
        }
    }

    /** A tabular or delimited view: the flag that asks for it, its objects' section, its columns. */
    enum View {
        NETWORK('N', Section.NETWORK, Column.of(NAME, Attribute.INTERFACE, Derived.ADDRESS, Derived.MASK_PREFIX,
                Attribute.BROADCAST)),
        MOUNTS('M', Section.MOUNT, Column.of(NAME, Derived.MOUNTPOINT, Attribute.DEV, Attribute.VFS, Attribute.HOST,
                Derived.OPTIONS)),
        DEVICES('D', Section.DEVICE, Column.of(NAME, Attribute.DEVNAME, Attribute.DEVTYPE, Attribute.VDEVNAME,
                Attribute.DEV_ROOTVG, Derived.DEVSTATUS)),
        ROUTES('I', Section.ROUTE, Column.of(NAME, Derived.DESTINATION, Attribute.RTGATEWAY, Attribute.RTINTERFACE,
                Attribute.RTTYPE, Attribute.RTFAMILY)),
        KEXTS('X', Section.EXTENSION, Column.of(NAME, Attribute.KEXT, Attribute.LOCAL, Attribute.MAJOR,
                Derived.KEXTSTATUS)),
        G('G', Section.GENERAL, Column.of((Object[]) GENERAL_COLUMNS)),
        R('R', Section.RESOURCES, resourceColumns()),
        S('S', Section.SECURITY, Column.of(NAME, Attribute.PRIVS)),
        T('T', Section.RUNTIME, Column.of(NAME, Attribute.OPERATION, Derived.OPPID, Derived.OPSTART)),
        BOOTLIST('b', Section.GENERAL, Column.of(NAME, Attribute.BOOTLIST)),
        BOOTSETS('B', Section.BOOTSET, Column.of(NAME, Derived.BOOTSET, Derived.DISK, Derived.BOOTSTATUS)),
        BOOTFS('B', Section.BOOTSET, Column.of(NAME, Derived.BOOTSET, Derived.BOOTMOUNT, Derived.BOOTDEVICE,
                Derived.BOOTVFS)),
        /** the default view: the summary the index holds */
        GENERAL(' ', Section.GENERAL, Column.of(NAME, STATE, TYPE, HOSTNAME, DIRECTORY, ROOTVG));

        final char flag;
        final Section section;
        final Column[] columns;

        View(char flag, Section section, Column[] columns) {
            this.flag = flag;
            this.section = section;
            this.columns = columns;
        }

        /** The view a command line asks for (the first of its view flags in this order). */
        static View of(Getopt g) {
            for (View v : values()) {
                if (v.flag != ' ' && g.has(v.flag)) {
                    return v == BOOTSETS && g.value('B').equals("f") ? BOOTFS : v;
                }
            }
            return GENERAL;
        }
    }

    /** lswpar -cR: the name and state, then every resource control [V: IBM's lswpar -cR example]. */
    private static Column[] resourceColumns() {
        List<Object> parts = new ArrayList<>();
        parts.add(NAME);
        parts.add(STATE);
        parts.addAll(Section.RESOURCES.attributes());
        return Column.of(parts.toArray());
    }

    /** The parsed command line: what to show and how. */
    record Options(Getopt g, List<Character> paragraph, boolean delimited, Set<Character> states,
            Set<Character> types, String delim, View view, int[] select) {
    }

    @Override
    Options parse(List<String> args) {
        Getopt g = new Getopt(PROG, OPTIONS, "usage.lswpar").parse(args);
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
        View view = View.of(g);
        if (view == View.GENERAL && g.has('a') && !fromIndex(g.value('a'))) {
            view = View.G;
        }
        return new Options(g, paragraph, delimited, states, types, delim, view, select(g, view));
    }

    /** The colon names of the fields this command line prints in delimited form. */
    @Override
    List<String> columns(Options o) {
        List<String> out = new ArrayList<>();
        for (int i : o.select()) {
            out.add(o.view().columns[i].name());
        }
        return out;
    }

    @Override
    int run(Invocation inv, Options o) {
        Getopt g = o.g();
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
            entries.removeIf(e -> o.states() != null && !o.states().contains(e.state().letter)
                    || o.types() != null && !o.types().contains(e.type()));
            if (g.has('L')) {
                for (IndexEntry e : entries) {
                    printLong(out, c.wpar(e.name()));
                }
                return rc;
            }
            if (!o.delimited() && !o.paragraph().isEmpty()) {
                for (IndexEntry e : entries) {
                    Wpar w = c.wpar(e.name());
                    header(out, w);
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
                    String[] r = new String[v.columns.length];
                    for (int i = 0; i < r.length; i++) {
                        r[i] = e.get(v.columns[i].attr());
                    }
                    rows.add(r);
                } else {
                    rows.addAll(rows(v, c.wpar(e.name())));
                }
            }
            if (entries.isEmpty()) {
                return rc;
            }
            int[] select = o.select();
            if (o.delimited()) {
                StringBuilder sb = new StringBuilder(64 * (rows.size() + 1));
                if (!g.has('q')) {
                    String[] names = new String[v.columns.length];
                    for (int i = 0; i < names.length; i++) {
                        names[i] = v.columns[i].name();
                    }
                    ColonFormat.appendLine(sb, true, names, select, o.delim());
                }
                for (String[] r : rows) {
                    ColonFormat.appendLine(sb, false, r, select, o.delim());
                }
                out.print(sb);
            } else {
                String[] labels = new String[select.length];
                for (int i = 0; i < select.length; i++) {
                    labels[i] = v.columns[select[i]].label();
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
            if (index(View.GENERAL, a.strip()) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The position of the column called {@code name} (in any case) in a view, or -1. */
    private static int index(View v, String name) {
        int idx = -1;
        for (int i = 0; i < v.columns.length; i++) {
            if (v.columns[i].name().equalsIgnoreCase(name)) {
                idx = i;
            }
        }
        return idx;
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
            int[] all = new int[v.columns.length];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        List<Integer> sel = new ArrayList<>();
        for (String a : g.value('a').split(",")) {
            String f = a.strip();
            int idx = index(v, f);
            if (idx < 0) {
                throw g.usageError("lswpar.badfield", f);
            }
            sel.add(idx);
        }
        return sel.stream().mapToInt(Integer::intValue).toArray();
    }

    // ---- rows of the tabular/delimited views --------------------------------------------

    /** The rows of view {@code v} for one WPAR: one per object of the view's section. */
    static List<String[]> rows(View v, Wpar w) {
        List<String[]> out = new ArrayList<>();
        switch (v.section) {
            case NETWORK -> {
                for (Wpar.Network n : w.networks) {
                    out.add(row(v, w, n, null));
                }
            }
            case MOUNT, DEVICE, ROUTE, EXTENSION -> {
                for (Attributed o : v.section == Section.MOUNT ? w.mounts : v.section == Section.DEVICE ? w.devices
                        : v.section == Section.ROUTE ? w.routes : w.kexts) {
                    out.add(row(v, w, o, null));
                }
            }
            case BOOTSET -> {
                for (Bootsets.Entry b : Bootsets.all(w)) {
                    String status = w.state.isRunning() && b.id() == w.booted ? "ACTIVE" : "INACTIVE";
                    if (v == View.BOOTSETS) {
                        for (String d : b.devices()) {
                            out.add(row(v, w, w, new String[] {String.valueOf(b.id()), d, status}));
                        }
                    } else {
                        for (String[] f : b.filesystems()) {
                            out.add(row(v, w, w, new String[] {String.valueOf(b.id()), f[0], f[1], f[2]}));
                        }
                    }
                }
            }
            default -> {
                if (v != View.BOOTLIST || w.type == 'S') {
                    out.add(row(v, w, w, null));
                }
            }
        }
        return out;
    }

    /**
     * One row: each column's value for object {@code o} of WPAR {@code w} (the WPAR's own for
     * general attributes); {@code boot} the derived values of a boot set row, in column order.
     */
    private static String[] row(View v, Wpar w, Attributed o, String[] boot) {
        String[] r = new String[v.columns.length];
        int b = 0;
        for (int i = 0; i < r.length; i++) {
            Column col = v.columns[i];
            if (col.attr() != null && col.attr().section == Section.RESOURCES) {
                r[i] = col.attr().limit(w);
            } else if (col.attr() != null) {
                r[i] = col.attr().shown(col.attr().section == Section.GENERAL ? w : o, w);
            } else if (boot != null) {
                r[i] = boot[b++];
            } else {
                r[i] = derived(col.derived(), w, o);
            }
        }
        return r;
    }

    private static String derived(Derived d, Wpar w, Attributed o) {
        return switch (d) {
            case ADDRESS -> v6only((Wpar.Network) o) ? ((Wpar.Network) o).address6 : ((Wpar.Network) o).address;
            case MASK_PREFIX -> v6only((Wpar.Network) o) ? ((Wpar.Network) o).prefixlen : ((Wpar.Network) o).netmask;
            case DESTINATION -> ((Wpar.Route) o).isDefault() ? "default" : ((Wpar.Route) o).rtdest;
            case MOUNTPOINT -> w.globalPath(((Wpar.Mount) o).directory);
            case OPTIONS -> options((Wpar.Mount) o);
            case DEVSTATUS -> deviceStatus(w, (Wpar.Device) o);
            case KEXTSTATUS -> w.state == State.ACTIVE ? "EXPORTED" : "ALLOCATED";
            default -> "";
        };
    }

    private static boolean v6only(Wpar.Network n) {
        return n.isV6() && n.address.isEmpty();
    }

    /**
     * The loopback entry the NETWORK section of lswpar -L shows for an active system WPAR [V: a
     * captured lswpar -L]; the network views (-N, -c, -d) list the configured interfaces only, as
     * IBM's lswpar -N example does.
     */
    private static Wpar.Network loopback() {
        Wpar.Network n = new Wpar.Network();
        n.iface = "lo0";
        n.address = "127.0.0.1";
        n.netmask = "255.0.0.0";
        n.broadcast = "127.255.255.255";
        return n;
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

    // ---- paragraph views ------------------------------------------------------------------

    private static void header(PrintStream out, Wpar w) {
        out.println(BANNER);
        out.println(w.name + " - " + w.state.word);
        out.println(BANNER);
    }

    private static void label(PrintStream out, String label, int width, String value) {
        String l = label + ":";
        if (value == null || value.isEmpty()) {
            out.println(l);
        } else {
            out.println(Text.left(l, width - 1) + " " + value);
        }
    }

    static void printGeneral(PrintStream out, Wpar w) {
        for (Attribute a : GENERAL_LINES) {
            label(out, a.label, 25, a.shown(w, w));
        }
    }

    static void printResources(PrintStream out, Wpar w) {
        for (Attribute a : Section.RESOURCES.attributes()) {
            label(out, a.label, 36, a.shown(w, w));
        }
    }

    static void printOperation(PrintStream out, Wpar w) {
        label(out, Attribute.OPERATION.label, 14, Attribute.OPERATION.shown(w, w));
        label(out, Derived.OPPID.label, 14, "");
        label(out, Derived.OPSTART.label, 14, "");
    }

    static void printSecurity(PrintStream out, Wpar w) {
        String[] privs = Attribute.PRIVS.shown(w, w).split(",");
        StringBuilder line = new StringBuilder(Text.left(Attribute.PRIVS.label + ":", 14));
        String indent = " ".repeat(14);
        for (int i = 0; i < privs.length; i++) {
            String item = privs[i] + (i < privs.length - 1 ? "," : "");
            if (line.length() > 14 && line.length() + item.length() > 75) {
                out.println(line);
                line = new StringBuilder(indent);
            }
            line.append(item);
        }
        out.println(line);
    }

    /** A table of lswpar -L: its heading, its column heads and, per row, the cells padded to their widths. */
    private static void section(PrintStream out, String title, String heads, View v, int[] columns, int[] widths,
            List<String[]> rows) {
        out.println(title);
        out.println(heads);
        out.println(RULE);
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder(80);
            for (int i = 0; i < columns.length; i++) {
                String cell = r[columns[i]];
                sb.append(i < widths.length ? Text.left(cell, widths[i]) : cell);
            }
            out.println(sb.toString().stripTrailing());
        }
        out.println();
    }

    static void printLong(PrintStream out, Wpar w) {
        header(out, w);
        out.println("GENERAL");
        printGeneral(out, w);
        out.println();
        List<String[]> networks = rows(View.NETWORK, w);
        if (w.state == State.ACTIVE && w.type == 'S') {
            networks.add(row(View.NETWORK, w, loopback(), null));
        }
        section(out, "NETWORK", "Interface     Address(6)        Mask/Prefix       Broadcast", View.NETWORK,
                new int[] {1, 2, 3, 4}, new int[] {14, 18, 18}, networks);
        section(out, "USER-SPECIFIED ROUTES", "Type    Destination          Gateway           Interface", View.ROUTES,
                new int[] {4, 1, 2, 3}, new int[] {8, 21, 19}, rows(View.ROUTES, w));
        List<String[]> mounts = rows(View.MOUNTS, w);
        for (String[] m : mounts) {
            if (m[1].length() > 24) {
                m[1] = m[1].substring(0, 21) + "...";
            }
        }
        section(out, "FILE SYSTEMS", "MountPoint               Device           Vfs     Nodename   Options", View.MOUNTS,
                new int[] {1, 2, 3, 4, 5}, new int[] {25, 17, 8, 11}, mounts);
        out.println("RESOURCE CONTROLS");
        printResources(out, w);
        out.println();
        out.println("OPERATION");
        printOperation(out, w);
        out.println();
        out.println("SECURITY SETTINGS");
        printSecurity(out, w);
        out.println();
        section(out, "DEVICE EXPORTS", "Name               Type     Virtual Device     RootVG   Status", View.DEVICES,
                new int[] {1, 2, 3, 4, 5}, new int[] {19, 9, 19, 9}, rows(View.DEVICES, w));
        if (!w.kexts.isEmpty()) {
            section(out, "KERNEL EXTENSIONS", "Name                           Local    Major    Status", View.KEXTS,
                    new int[] {1, 2, 3, 4}, new int[] {31, 9, 9}, rows(View.KEXTS, w));
        }
    }
}
