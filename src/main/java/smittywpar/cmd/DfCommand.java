package smittywpar.cmd;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import smittywpar.host.Host;
import smittywpar.msg.Messages;
import smittywpar.base.Text;
import smittywpar.wpar.Transaction;
import smittywpar.wpar.FileSystems;
import smittywpar.wpar.Wpar;

/** df [-g|-m|-k]: global file systems and the mounted file systems of WPARs. */
final class DfCommand extends ParsedCommand<Getopt> {
    /** One line of df: device, size and free in MB (-1: not applicable), inodes, mount point. */
    record Row(String dev, double sizeMb, double freeMb, long iused, int ipct, String mount) {
    }

    @Override
    Getopt parse(List<String> args) {
        return new Getopt("df", "gkm", "usage.df").parse(args);
    }

    @Override
    int run(Invocation inv, Getopt g) {
        String unit = g.has('g') ? "GB blocks" : g.has('m') ? "MB blocks" : g.has('k') ? "1024-blocks" : "512-blocks";
        return HostCommand.read(inv, "df", c -> {
            List<Row> rows = rows(c);
            List<Row> shown = new ArrayList<>();
            int rc = 0;
            if (g.operands().isEmpty()) {
                shown = rows;
            } else {
                for (String path : g.operands()) {
                    Row best = null;
                    for (Row r : rows) {
                        if ((path.equals(r.mount) || path.startsWith(r.mount.equals("/") ? "/" : r.mount + "/"))
                                && (best == null || r.mount.length() > best.mount.length())) {
                            best = r;
                        }
                    }
                    if (best == null) {
                        inv.err().println(Messages.get("df.nofile", path));
                        rc = 1;
                    } else {
                        shown.add(best);
                    }
                }
            }
            PrintStream out = inv.out();
            int w = Math.max(9, unit.length());
            out.println(Text.left("Filesystem", 13) + " " + Text.right(unit, w) + "      Free %Used    Iused %Iused"
                    + " Mounted on");
            for (Row r : shown) {
                if (r.sizeMb < 0) {
                    // the dash line's fields after Free sit one column to the left of the numbers' (as on AIX)
                    out.println(Text.left(r.dev, 13) + " " + Text.right("-", w) + "         -    -        -      - "
                            + r.mount);
                } else {
                    int used = r.sizeMb == 0 ? 0 : (int) Math.round((r.sizeMb - r.freeMb) * 100.0 / r.sizeMb);
                    out.println(Text.left(r.dev, 13) + " " + Text.right(amount(r.sizeMb, g), w) + " "
                            + Text.right(amount(r.freeMb, g), 9) + " " + Text.right(Integer.toString(used), 4) + "% "
                            + Text.right(Long.toString(r.iused), 8) + " " + Text.right(Integer.toString(r.ipct), 5)
                            + "% " + r.mount);
                }
            }
            return rc;
        });
    }

    private static String amount(double mb, Getopt g) {
        if (g.has('g')) {
            return Text.fixed2(mb / 1024.0);
        }
        if (g.has('m')) {
            return Text.fixed2(mb);
        }
        return String.valueOf(Math.round(mb * (g.has('k') ? 1024 : 2048)));
    }

    static List<Row> rows(Transaction c) {
        Host h = c.host();
        List<Row> rows = new ArrayList<>();
        for (Host.FileSystem f : h.filesystems) {
            rows.add(global(f, f.dev, f.mount));
        }
        for (Wpar w : FileSystems.withMounts(c)) {
            for (Wpar.Mount m : w.mounts) {
                if (!m.mounted) {
                    continue;
                }
                String mp = w.globalPath(m.directory);
                if (m.hasLv()) {
                    rows.add(new Row(m.dev, m.sizeMb, m.sizeMb - m.usedMb, m.iused, m.ipct, mp));
                } else if (m.vfs.equals("namefs")) {
                    Host.FileSystem src = null;
                    for (Host.FileSystem f : h.filesystems) {
                        boolean holds = f.mount.equals(m.dev)
                                || m.dev.startsWith(f.mount.equals("/") ? "/" : f.mount + "/");
                        if (holds && (src == null || f.mount.length() > src.mount.length())) {
                            src = f;
                        }
                    }
                    rows.add(src == null ? new Row(m.dev, -1, -1, 0, 0, mp) : global(src, m.dev, mp));
                } else if (m.vfs.equals("nfs")) {
                    rows.add(new Row(m.host + ":" + m.dev, -1, -1, 0, 0, mp));
                }
            }
        }
        return rows;
    }

    private static Row global(Host.FileSystem f, String dev, String mount) {
        if (f.vfs.equals("procfs")) {
            return new Row(dev, -1, -1, 0, 0, mount);
        }
        return new Row(dev, f.sizeMb, f.freeMb, f.iused, f.ipct, mount);
    }
}
