package smittywpar.cmd;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import smittywpar.host.Host;
import smittywpar.msg.Messages;
import smittywpar.base.Text;
import smittywpar.wpar.Transaction;
import smittywpar.wpar.FileSystems;
import smittywpar.wpar.Inside;
import smittywpar.wpar.Wpar;

/**
 * df [-g|-m|-k]: global file systems and the mounted file systems of WPARs; inside a WPAR, its
 * own file systems. What was changed in a file tree counts in the numbers (inodes and space).
 */
final class DfCommand extends ParsedCommand<Getopt> {
    /** The flags, in {@link Getopt}'s syntax (also the option table of the man page and the completion). */
    static final String OPTIONS = "gkm";
    /** One line of df: device, size and free in MB (-1: not applicable), inodes, mount point. */
    record Row(String dev, double sizeMb, double freeMb, long iused, int ipct, String mount) {
    }

    @Override
    Getopt parse(List<String> args) {
        return new Getopt("df", OPTIONS, "usage.df").parse(args);
    }

    @Override
    int run(Invocation inv, Getopt g) {
        String unit = g.has('g') ? "GB blocks" : g.has('m') ? "MB blocks" : g.has('k') ? "1024-blocks" : "512-blocks";
        return HostCommand.read(inv, "df", c -> {
            List<Row> rows = inv.wpar() == null ? rows(c) : inside(c, c.wpar(inv.wpar()));
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
            rows.add(global(c, f, f.dev, f.mount));
        }
        for (Wpar w : FileSystems.withMounts(c)) {
            for (Wpar.Mount m : w.mounts) {
                if (m.mounted) {
                    rows.add(row(c, w, m, null, w.globalPath(m.directory)));
                }
            }
        }
        rows.removeIf(r -> r == null);
        return rows;
    }

    /**
     * The file systems seen inside WPAR {@code w}: all of them come from the global environment,
     * so df names each {@code Global}, at its mount point in the WPAR.
     */
    static List<Row> inside(Transaction c, Wpar w) {
        List<Row> rows = new ArrayList<>();
        for (Wpar.Mount m : w.mounts) {
            if (m.mounted) {
                rows.add(row(c, w, m, "Global", m.directory));
            }
        }
        rows.removeIf(r -> r == null);
        return rows;
    }

    /** The line of a WPAR file system, named {@code dev} (null: its own device) and shown at {@code mp}. */
    private static Row row(Transaction c, Wpar w, Wpar.Mount m, String dev, String mp) {
        if (m.hasLv()) {
            long[] d = Inside.usage(c, w, m);
            return new Row(dev == null ? m.dev : dev, m.sizeMb, m.sizeMb - m.usedMb - d[1] / 1048576.0,
                    m.iused + d[0], m.ipct, mp);
        }
        if (m.vfs.equals("namefs")) {
            Host.FileSystem src = null;
            for (Host.FileSystem f : c.host().filesystems) {
                boolean holds = f.mount.equals(m.dev) || m.dev.startsWith(f.mount.equals("/") ? "/" : f.mount + "/");
                if (holds && (src == null || f.mount.length() > src.mount.length())) {
                    src = f;
                }
            }
            String name = dev == null ? m.dev : dev;
            return src == null ? new Row(name, -1, -1, 0, 0, mp) : global(c, src, name, mp);
        }
        if (m.vfs.equals("nfs")) {
            return new Row(dev == null ? m.host + ":" + m.dev : dev, -1, -1, 0, 0, mp);
        }
        return null;
    }

    private static Row global(Transaction c, Host.FileSystem f, String dev, String mount) {
        if (f.vfs.equals("procfs")) {
            return new Row(dev, -1, -1, 0, 0, mount);
        }
        long[] d = Inside.usage(c, f);
        return new Row(dev, f.sizeMb, f.freeMb - d[1] / 1048576.0, f.iused + d[0], f.ipct, mount);
    }
}
