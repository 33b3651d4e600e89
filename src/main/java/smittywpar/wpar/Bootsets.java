package smittywpar.wpar;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import smittywpar.base.Text;
import smittywpar.host.Host;
import smittywpar.msg.AixException;
import smittywpar.msg.Messages;

/**
 * Boot sets of rootvg workload partitions (chwpar -B/-b, lswpar -b/-Br/-Bf). A rootvg WPAR boots
 * from boot set 0, its rootvg on the disks exported with rootvg=yes; chwpar -B adds a boot set, a
 * copy of that rootvg on other free disks; the boot list (chwpar -b) names the boot sets that
 * startwpar tries, in order. Design [D]: AIX documents the flags, not these rules; see
 * docs/chwpar.md.
 */
public final class Bootsets {
    private Bootsets() {
    }

    /** One boot set: its id and disks (boot set 0: the rootvg=yes devices). */
    public record Entry(int id, List<String> disks) {
    }

    /** All boot sets of a rootvg WPAR, boot set 0 first; empty for other WPARs. */
    public static List<Entry> all(Wpar w) {
        List<Entry> out = new ArrayList<>();
        if (!w.rootvg) {
            return out;
        }
        List<String> zero = new ArrayList<>();
        for (Wpar.Device d : w.devices) {
            if ("yes".equals(d.rootvg)) {
                zero.add(d.devname);
            }
        }
        out.add(new Entry(0, zero));
        for (Wpar.Bootset b : w.bootsets) {
            out.add(new Entry(b.id, List.copyOf(b.disks)));
        }
        return out;
    }

    /** The internal file systems each boot set holds, with their logical volumes (lswpar -Bf). */
    public static List<String[]> filesystems() {
        List<String[]> out = new ArrayList<>();
        for (String d : WparDefaults.get().rootvgInternal()) {
            out.add(new String[] {d, "/dev/" + lvOf(d), "jfs2"});
        }
        return out;
    }

    private static String lvOf(String dir) {
        return switch (dir) {
            case "/" -> "hd4";
            case "/admin" -> "hd11admin";
            case "/home" -> "hd1";
            case "/tmp" -> "hd3";
            case "/var" -> "hd9var";
            case "/usr" -> "hd2";
            case "/opt" -> "hd10opt";
            default -> "lv" + dir.replace('/', '_');
        };
    }

    static void onStart(Wpar w) {
        if (w.rootvg && !w.bootlist.isEmpty()) {
            w.booted = Integer.parseInt(w.bootlist.split(",")[0]);
        }
    }

    static void requireRootvg(String prog, Wpar w) {
        if (!w.rootvg) {
            throw AixException.of("boot.notrootvg", prog, w.name);
        }
    }

    /** Adds a boot set made of the disks of every -B flag; returns its id. */
    static int add(String prog, Wpar w, Host host, List<Map<String, String>> specs) {
        requireRootvg(prog, w);
        Set<String> disks = new LinkedHashSet<>();
        for (Map<String, String> a : specs) {
            String name = a.getOrDefault("devname", "");
            if (name.isEmpty()) {
                throw AixException.of("dev.noname", prog);
            }
            String base = name.startsWith("/dev/") ? name.substring(5) : name;
            Host.Disk d = host.disk(base);
            if (d == null) {
                throw AixException.of(host.adapter(base) != null ? "boot.notdisk" : "dev.notfound", prog,
                        Names.printable(name));
            }
            if (!disks.add(base)) {
                throw AixException.of("dev.twice", prog, base);
            }
            if (d.wpar != null) {
                throw AixException.of("dev.inuse", prog, base, Messages.get("owner.wpar", d.wpar));
            }
            if (!"None".equals(d.vg)) {
                throw AixException.of("dev.invg", prog, base, d.vg);
            }
        }
        int id = 1;
        while (find(w, id) != null) {
            id++;
        }
        Wpar.Bootset b = new Wpar.Bootset();
        b.id = id;
        for (String base : disks) {
            Host.Disk d = host.disk(base);
            d.wpar = w.name;
            if ("none".equals(d.pvid)) {
                d.pvid = Text.hex(host.nextId(), 16);
            }
            b.disks.add(base);
        }
        w.bootsets.add(b);
        return id;
    }

    static Wpar.Bootset find(Wpar w, int id) {
        for (Wpar.Bootset b : w.bootsets) {
            if (b.id == id) {
                return b;
            }
        }
        return null;
    }

    /** Removes boot set {@code spec} ("bootset=N"), freeing its disks and its place in the boot list. */
    static void remove(String prog, Wpar w, Host host, Map<String, String> a) {
        requireRootvg(prog, w);
        String v = a.get("bootset");
        if (v == null || a.size() != 1) {
            throw AixException.of("boot.kneeds", prog);
        }
        int id = number(prog, v);
        if (id == 0) {
            throw AixException.of("boot.zero", prog, w.name);
        }
        Wpar.Bootset b = find(w, id);
        if (b == null) {
            throw AixException.of("boot.notfound", prog, w.name, v);
        }
        if (id == w.booted) {
            throw AixException.of("boot.booted", prog, id, w.name);
        }
        for (String disk : b.disks) {
            Host.Disk d = host.disk(disk);
            if (d != null && w.name.equals(d.wpar)) {
                d.wpar = null;
            }
        }
        w.bootsets.remove(b);
        List<String> keep = new ArrayList<>();
        for (String s : w.bootlist.isEmpty() ? new String[0] : w.bootlist.split(",")) {
            if (Integer.parseInt(s) != id) {
                keep.add(s);
            }
        }
        w.bootlist = String.join(",", keep);
    }

    /** Sets the boot list from "1,2,0" (or "bootlist=1,2,0"); an empty list clears it. */
    static void setBootlist(String prog, Wpar w, String value) {
        requireRootvg(prog, w);
        String v = value.startsWith("bootlist=") ? value.substring(9) : value;
        if (v.isEmpty()) {
            w.bootlist = "";
            return;
        }
        List<String> ids = new ArrayList<>();
        Set<Integer> seen = new LinkedHashSet<>();
        for (String s : v.split(",", -1)) {
            int id = number(prog, s.strip());
            if (!seen.add(id)) {
                throw AixException.of("boot.listdup", prog, id);
            }
            if (id != 0 && find(w, id) == null) {
                throw AixException.of("boot.notfound", prog, w.name, id);
            }
            ids.add(String.valueOf(id));
        }
        w.bootlist = String.join(",", ids);
    }

    private static int number(String prog, String s) {
        if (!s.matches("[0-9]{1,4}")) {
            throw AixException.of("boot.badid", prog, Names.printable(s));
        }
        return Integer.parseInt(s);
    }
}
