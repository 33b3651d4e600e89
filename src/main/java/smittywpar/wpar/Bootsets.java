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
 * Boot sets of system workload partitions (chwpar -B/-b, lswpar -b/-Br/-Bf). Boot set 0 is what
 * the WPAR has: for a rootvg WPAR its rootvg on the disks exported with rootvg=yes, for another
 * WPAR its local file systems in its volume group. chwpar -B adds a boot set: for a rootvg WPAR a
 * copy of its rootvg on other free disks ({@code devname=}), for another WPAR a copy of its local
 * file systems in a volume group ({@code vg=}, its own by default), each on a new logical volume;
 * {@code bootset=} chooses the number. The boot list (chwpar -b) names the boot sets startwpar
 * tries, in order. AIX documents the flags and their forms (chwpar -B devname=hdisk3 bootset=3,
 * -B vg=rootvg, -B bootset=5 vg=rootvg, -B alone); what is printed is this project's design, see
 * docs/chwpar.md.
 */
public final class Bootsets {
    private Bootsets() {
    }

    /**
     * One boot set: its id, its volume group (empty for a rootvg WPAR's, whose device names are
     * disks) and the file systems it holds (mount point in the WPAR, device, vfs).
     */
    public record Entry(int id, String vg, List<String> disks, List<String[]> filesystems) {
        /** The names lswpar -Br shows: the disks of a rootvg WPAR's boot set, else its volume group. */
        public List<String> devices() {
            return vg.isEmpty() ? disks : List.of(vg);
        }
    }

    /** All boot sets of a system WPAR, boot set 0 first; none for an application WPAR. */
    public static List<Entry> all(Wpar w) {
        List<Entry> out = new ArrayList<>();
        if (w.type != 'S') {
            return out;
        }
        if (w.rootvg) {
            List<String> zero = new ArrayList<>();
            for (Wpar.Device d : w.devices) {
                if ("yes".equals(d.rootvg)) {
                    zero.add(d.devname);
                }
            }
            out.add(new Entry(0, "", zero, internal()));
            for (Wpar.Bootset b : w.bootsets) {
                out.add(new Entry(b.id, "", List.copyOf(b.disks), internal()));
            }
            return out;
        }
        List<String[]> own = new ArrayList<>();
        for (Wpar.Mount m : copied(w)) {
            own.add(new String[] {m.directory, m.dev, m.vfs});
        }
        out.add(new Entry(0, w.vg, List.of(), own));
        for (Wpar.Bootset b : w.bootsets) {
            List<String[]> fs = new ArrayList<>();
            for (Wpar.Bootset.Copy x : b.copies) {
                fs.add(new String[] {x.directory(), "/dev/" + x.lv(), "jfs2"});
            }
            out.add(new Entry(b.id, b.vg, List.of(), fs));
        }
        return out;
    }

    /** The internal file systems each boot set of a rootvg WPAR holds, with their logical volumes. */
    private static List<String[]> internal() {
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

    /** The file systems a boot set of a WPAR that is not a rootvg WPAR copies: those on logical volumes. */
    private static List<Wpar.Mount> copied(Wpar w) {
        List<Wpar.Mount> out = new ArrayList<>();
        for (Wpar.Mount m : w.mounts) {
            if (m.hasLv() && m.dev.startsWith("/dev/")) {
                out.add(m);
            }
        }
        return out;
    }

    /** The logical volumes of the boot sets of {@code w} besides its own file systems' (for lsvg and checks). */
    public static List<Wpar.Bootset.Copy> copies(Wpar w) {
        List<Wpar.Bootset.Copy> out = new ArrayList<>();
        for (Wpar.Bootset b : w.bootsets) {
            out.addAll(b.copies);
        }
        return out;
    }

    /** The volume group of the boot set a copy belongs to. */
    public static String vgOf(Wpar w, Wpar.Bootset.Copy x) {
        for (Wpar.Bootset b : w.bootsets) {
            if (b.copies.contains(x)) {
                return b.vg;
            }
        }
        return w.vg;
    }

    static void onStart(Wpar w) {
        if (!w.bootlist.isEmpty()) {
            w.booted = Integer.parseInt(w.bootlist.split(",")[0]);
        }
    }

    /**
     * Adds one boot set from the words of every -B flag of a command ({@code devname=} of each
     * disk, at most one {@code bootset=} and one {@code vg=}); returns its id. With {@code dry}
     * (a specification only) nothing of the host is taken.
     */
    static int add(String prog, Wpar w, Host host, List<Map<String, String>> specs, boolean dry) {
        Set<String> disks = new LinkedHashSet<>();
        String id = null;
        String vg = null;
        for (Map<String, String> a : specs) {
            for (Map.Entry<String, String> e : a.entrySet()) {
                String v = e.getValue();
                switch (e.getKey()) {
                    case "devname" -> {
                        String base = v.startsWith("/dev/") ? v.substring(5) : v;
                        if (base.isEmpty()) {
                            throw AixException.of("dev.noname", prog);
                        }
                        if (!disks.add(base)) {
                            throw AixException.of("dev.twice", prog, base);
                        }
                    }
                    case "bootset" -> id = once(prog, id, e.getKey(), v);
                    default -> vg = once(prog, vg, e.getKey(), v);
                }
            }
        }
        int n = newId(prog, w, id);
        Wpar.Bootset b = new Wpar.Bootset();
        b.id = n;
        if (w.rootvg) {
            if (vg != null) {
                throw AixException.of("boot.vgrootvg", prog, w.name);
            }
            if (disks.isEmpty()) {
                throw AixException.of("boot.needdisk", prog, w.name);
            }
            takeDisks(prog, w, host, disks, dry);
            b.disks.addAll(disks);
        } else {
            if (!disks.isEmpty()) {
                throw AixException.of("boot.notrootvg", prog, w.name, w.vg);
            }
            b.vg = vg == null ? w.vg : vg;
            if (!b.vg.isEmpty() && host.vg(b.vg) == null) {
                throw AixException.of("vg.notfound", prog, Names.printable(b.vg));
            }
            if (!dry) {
                copy(prog, w, host, b);
            }
        }
        w.bootsets.add(b);
        return n;
    }

    private static String once(String prog, String had, String key, String v) {
        if (had != null && !had.equals(v)) {
            throw AixException.of("attr.dup", prog, key, 'B');
        }
        return v;
    }

    /** The number of a new boot set: {@code bootset=} if given (and free), else the lowest free from 1. */
    private static int newId(String prog, Wpar w, String given) {
        if (given == null) {
            int id = 1;
            while (find(w, id) != null) {
                id++;
            }
            return id;
        }
        int id = number(prog, given);
        if (id == 0 || find(w, id) != null) {
            throw AixException.of("boot.exists", prog, w.name, id);
        }
        return id;
    }

    private static void takeDisks(String prog, Wpar w, Host host, Set<String> disks, boolean dry) {
        for (String base : disks) {
            Host.Disk d = host.disk(base);
            if (d == null) {
                throw AixException.of(host.adapter(base) != null ? "boot.notdisk" : "dev.notfound", prog,
                        Names.printable(base));
            }
            if (dry) {
                continue;
            }
            if (d.wpar != null) {
                throw AixException.of("dev.inuse", prog, base, Messages.get("owner.wpar", d.wpar));
            }
            if (!"None".equals(d.vg)) {
                throw AixException.of("dev.invg", prog, base, d.vg);
            }
        }
        if (dry) {
            return;
        }
        for (String base : disks) {
            Host.Disk d = host.disk(base);
            d.wpar = w.name;
            if ("none".equals(d.pvid)) {
                d.pvid = Text.hex(host.nextId(), 16);
            }
        }
    }

    /** Copies the WPAR's local file systems onto new logical volumes of the boot set's volume group. */
    private static void copy(String prog, Wpar w, Host host, Wpar.Bootset b) {
        Host.VolumeGroup vg = host.vg(b.vg);
        List<Wpar.Mount> from = copied(w);
        int need = 0;
        for (Wpar.Mount m : from) {
            need += LogicalVolumes.pps(vg, m.sizeMb);
        }
        int free = host.totalPps(vg) - host.usedPps(vg);
        if (need > free) {
            throw AixException.of("vg.nospace", prog, vg.name, need, free);
        }
        for (Wpar.Mount m : from) {
            int pps = LogicalVolumes.pps(vg, m.sizeMb);
            vg.wparPps += pps;
            b.copies.add(new Wpar.Bootset.Copy(host.allocateFslv(), pps * vg.ppSizeMb, m.directory));
        }
    }

    static Wpar.Bootset find(Wpar w, int id) {
        for (Wpar.Bootset b : w.bootsets) {
            if (b.id == id) {
                return b;
            }
        }
        return null;
    }

    /**
     * Removes boot set {@code spec} ("bootset=N"), freeing its disks or logical volumes and its
     * place in the boot list; returns the logical volumes removed.
     */
    static List<String> remove(String prog, Wpar w, Host host, Map<String, String> a) {
        String v = a.get("bootset");
        if (v == null || a.size() != 1) {
            throw AixException.of("boot.kneeds", prog);
        }
        int id = number(prog, v);
        if (id == 0) {
            throw AixException.of(w.rootvg ? "boot.zero" : "boot.zero.fs", prog, w.name);
        }
        Wpar.Bootset b = find(w, id);
        if (b == null) {
            throw AixException.of("boot.notfound", prog, w.name, v);
        }
        if (id == w.booted) {
            throw AixException.of("boot.booted", prog, id, w.name);
        }
        List<String> lvs = release(host, w, b);
        w.bootsets.remove(b);
        List<String> keep = new ArrayList<>();
        for (String s : w.bootlist.isEmpty() ? new String[0] : w.bootlist.split(",")) {
            if (Integer.parseInt(s) != id) {
                keep.add(s);
            }
        }
        w.bootlist = String.join(",", keep);
        return lvs;
    }

    /** Gives the disks or logical volumes of a boot set back to the host; returns the logical volumes. */
    static List<String> release(Host host, Wpar w, Wpar.Bootset b) {
        for (String disk : b.disks) {
            Host.Disk d = host.disk(disk);
            if (d != null && w.name.equals(d.wpar)) {
                d.wpar = null;
            }
        }
        List<String> lvs = new ArrayList<>();
        Host.VolumeGroup vg = host.vg(b.vg);
        for (Wpar.Bootset.Copy x : b.copies) {
            if (vg != null) {
                vg.wparPps = Math.max(0, vg.wparPps - LogicalVolumes.pps(vg, x.sizeMb()));
            }
            host.releaseLv(x.lv());
            lvs.add(x.lv());
        }
        return lvs;
    }

    /** Sets the boot list from "1,2,0" (or "bootlist=1,2,0"); an empty list clears it. */
    static void setBootlist(String prog, Wpar w, String value) {
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
        if (!Text.digits(s, 4)) {
            throw AixException.of("boot.badid", prog, Names.printable(s));
        }
        return Integer.parseInt(s);
    }
}
