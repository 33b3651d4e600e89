package smittywpar.cmd;

import java.io.PrintStream;
import java.util.List;

import smittywpar.host.Host;
import smittywpar.msg.Messages;

/** lspv: physical volumes. */
final class LspvCommand extends ParsedCommand<Getopt> {
    /** The flags, in {@link Getopt}'s syntax (also the option table of the man page and the completion). */
    static final String OPTIONS = "";

    @Override
    Getopt parse(List<String> args) {
        Getopt g = new Getopt("lspv", OPTIONS, "usage.lspv").parse(args);
        if (g.operands().size() > 1) {
            throw g.usage();
        }
        return g;
    }

    @Override
    int run(Invocation inv, Getopt g) {
        return HostCommand.read(inv, "lspv", c -> {
            Host h = c.host();
            PrintStream out = inv.out();
            if (g.operands().isEmpty()) {
                for (Host.Disk d : h.disks) {
                    String state = h.vg(d.vg) != null ? "active" : "";
                    out.println(String.format("%-16s%-36s%-16s%s", d.name, d.pvid, d.vg, state).stripTrailing());
                }
                return 0;
            }
            Host.Disk d = h.disk(g.operands().get(0));
            if (d == null) {
                inv.err().println(Messages.get("lspv.notfound", g.operands().get(0)));
                return 1;
            }
            Host.VolumeGroup vg = h.vg(d.vg);
            if (vg == null) {
                inv.err().println(Messages.get("lspv.novg", d.name));
                return 1;
            }
            int total = d.sizeMb / vg.ppSizeMb - 1;
            int used = h.usedPps(vg);
            int lvs = LsvgCommand.lvCount(c, vg);
            row(out, "PHYSICAL VOLUME:", d.name, "VOLUME GROUP:", vg.name);
            out.println(String.format("%-20s%-17s%-18s%s", "PV IDENTIFIER:", d.pvid, "VG IDENTIFIER", vg.identifier));
            out.println(String.format("%-20s%s", "PV STATE:", "active"));
            row(out, "STALE PARTITIONS:", "0", "ALLOCATABLE:", "yes");
            row(out, "PP SIZE:", vg.ppSizeMb + " megabyte(s)", "LOGICAL VOLUMES:", String.valueOf(lvs));
            row(out, "TOTAL PPs:", total + " (" + total * vg.ppSizeMb + " megabytes)", "VG DESCRIPTORS:", "2");
            row(out, "FREE PPs:", (total - used) + " (" + (total - used) * vg.ppSizeMb + " megabytes)",
                    "HOT SPARE:", "no");
            row(out, "USED PPs:", used + " (" + used * vg.ppSizeMb + " megabytes)", "MAX REQUEST:",
                    "256 kilobytes");
            out.println(String.format("%-20s%s", "FREE DISTRIBUTION:", distribution(total, used, false)));
            out.println(String.format("%-20s%s", "USED DISTRIBUTION:", distribution(total, used, true)));
            out.println(String.format("%-20s%s", "MIRROR POOL:", "None"));
            return 0;
        });
    }

    /**
     * PPs per disk region (outer edge, outer middle, center, inner middle, inner edge), used
     * partitions allocated from the center outwards.
     */
    static String distribution(int total, int used, boolean showUsed) {
        int[] size = new int[5];
        for (int i = 0; i < 5; i++) {
            size[i] = total / 5 + (i < total % 5 ? 1 : 0);
        }
        int[] u = new int[5];
        int left = used;
        for (int r : new int[] {2, 1, 3, 0, 4}) {
            u[r] = Math.min(left, size[r]);
            left -= u[r];
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            if (i > 0) {
                sb.append("..");
            }
            sb.append(String.format("%02d", showUsed ? u[i] : size[i] - u[i]));
        }
        return sb.toString();
    }

    private static void row(PrintStream out, String l1, String v1, String l2, String v2) {
        out.println(String.format("%-20s%-25s%-18s%s", l1, v1, l2, v2));
    }
}
