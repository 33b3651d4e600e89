package smittywpar.cmd;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import smittywpar.host.Host;
import smittywpar.msg.Messages;
import smittywpar.wpar.Bootsets;
import smittywpar.wpar.Transaction;
import smittywpar.wpar.IndexEntry;
import smittywpar.wpar.Wpar;

/** lsvg, lsvg -o, lsvg VG, lsvg -l VG: volume groups. */
final class LsvgCommand extends ParsedCommand<Getopt> {
    /** The flags, in {@link Getopt}'s syntax (also the option table of the man page and the completion). */
    static final String OPTIONS = "ol";
    /** An LV of a volume group as lsvg -l lists it. */
    record Lv(String name, String type, int pps, boolean open, String mount) {
    }

    @Override
    Getopt parse(List<String> args) {
        Getopt g = new Getopt("lsvg", OPTIONS, "usage.lsvg").parse(args);
        if (g.has('o') && (g.has('l') || !g.operands().isEmpty()) || g.has('l') && g.operands().isEmpty()) {
            throw g.usage();
        }
        return g;
    }

    @Override
    int run(Invocation inv, Getopt g) {
        return HostCommand.read(inv, "lsvg", c -> {
            Host h = c.host();
            PrintStream out = inv.out();
            if (g.operands().isEmpty()) {
                for (Host.VolumeGroup vg : h.vgs) {
                    out.println(vg.name);
                }
                return 0;
            }
            int rc = 0;
            for (String name : g.operands()) {
                Host.VolumeGroup vg = h.vg(name);
                if (vg == null) {
                    inv.err().println(Messages.get("lsvg.notfound", name));
                    rc = 1;
                    continue;
                }
                if (g.has('l')) {
                    out.println(vg.name + ":");
                    out.println("LV NAME             TYPE       LPs     PPs     PVs  LV STATE      MOUNT POINT");
                    for (Lv lv : lvs(c, vg)) {
                        out.println(String.format("%-20s%-11s%-8d%-8d%-5d%-14s%s", lv.name, lv.type, lv.pps, lv.pps, 1,
                                lv.open ? "open/syncd" : "closed/syncd", lv.mount));
                    }
                } else {
                    details(out, c, vg);
                }
            }
            return rc;
        });
    }

    static List<Lv> lvs(Transaction c, Host.VolumeGroup vg) {
        Host h = c.host();
        List<Lv> out = new ArrayList<>();
        for (Host.LogicalVolume lv : h.lvs) {
            if (lv.vg.equals(vg.name)) {
                out.add(new Lv(lv.name, lv.type, lv.pps, !lv.type.equals("boot") && !lv.type.equals("sysdump"),
                        lv.mount));
            }
        }
        List<Wpar> owners = new ArrayList<>();
        for (IndexEntry e : c.entries()) {
            owners.add(c.wpar(e.name()));
        }
        for (String p : c.preservedNames()) {
            owners.add(c.preserved(p));
        }
        for (Wpar w : owners) {
            for (Wpar.Mount m : w.mounts) {
                String mvg = m.vg.isEmpty() ? w.vg : m.vg;
                if (m.hasLv() && m.dev.startsWith("/dev/") && mvg.equals(vg.name)) {
                    out.add(new Lv(m.dev.substring(5), m.vfs, (m.sizeMb + vg.ppSizeMb - 1) / vg.ppSizeMb,
                            m.mounted, w.globalPath(m.directory)));
                }
            }
            // the copies of its file systems a boot set holds: not mounted, in no file system table
            for (Wpar.Bootset.Copy x : Bootsets.copies(w)) {
                if (Bootsets.vgOf(w, x).equals(vg.name)) {
                    out.add(new Lv(x.lv(), "jfs2", (x.sizeMb() + vg.ppSizeMb - 1) / vg.ppSizeMb, false, "N/A"));
                }
            }
        }
        return out;
    }

    static int lvCount(Transaction c, Host.VolumeGroup vg) {
        int n = 0;
        for (Host.LogicalVolume lv : c.host().lvs) {
            if (lv.vg.equals(vg.name)) {
                n++;
            }
        }
        int wparLvs = c.host().fslvInUse.cardinality();
        for (Host.LogicalVolume lv : c.host().lvs) {
            if (Host.fslvNumber(lv.name) >= 0) {
                wparLvs--;
            }
        }
        return n + (vg.name.equals("rootvg") ? wparLvs : 0);
    }

    private static void details(PrintStream out, Transaction c, Host.VolumeGroup vg) {
        Host h = c.host();
        List<Lv> lvs = lvs(c, vg);
        int open = 0;
        for (Lv lv : lvs) {
            if (lv.open) {
                open++;
            }
        }
        int pvs = 0;
        for (Host.Disk d : h.disks) {
            if (vg.name.equals(d.vg)) {
                pvs++;
            }
        }
        int total = h.totalPps(vg);
        int used = h.usedPps(vg);
        int pp = vg.ppSizeMb;
        row(out, "VOLUME GROUP:", vg.name, "VG IDENTIFIER:", vg.identifier);
        row(out, "VG STATE:", "active", "PP SIZE:", pp + " megabyte(s)");
        row(out, "VG PERMISSION:", "read/write", "TOTAL PPs:", total + " (" + total * pp + " megabytes)");
        row(out, "MAX LVs:", "256", "FREE PPs:", (total - used) + " (" + (total - used) * pp + " megabytes)");
        row(out, "LVs:", String.valueOf(lvs.size()), "USED PPs:", used + " (" + used * pp + " megabytes)");
        row(out, "OPEN LVs:", String.valueOf(open), "QUORUM:", "2 (Enabled)");
        row(out, "TOTAL PVs:", String.valueOf(pvs), "VG DESCRIPTORS:", "2");
        row(out, "STALE PVs:", "0", "STALE PPs:", "0");
        row(out, "ACTIVE PVs:", String.valueOf(pvs), "AUTO ON:", "yes");
        out.println(String.format("%-20s%s", "MAX PPs per VG:", "32512"));
        row(out, "MAX PPs per PV:", "1016", "MAX PVs:", "32");
        row(out, "LTG size (Dynamic):", "512 kilobyte(s)", "AUTO SYNC:", "no");
        row(out, "HOT SPARE:", "no", "BB POLICY:", "relocatable");
        row(out, "PV RESTRICTION:", "none", "INFINITE RETRY:", "no");
        row(out, "DISK BLOCK SIZE:", "512", "CRITICAL VG:", "no");
        row(out, "FS SYNC OPTION:", "no", "CRITICAL PVs:", "no");
    }

    private static void row(PrintStream out, String l1, String v1, String l2, String v2) {
        out.println(String.format("%-20s%-25s%-16s%s", l1, v1, l2, v2));
    }
}
