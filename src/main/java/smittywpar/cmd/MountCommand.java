package smittywpar.cmd;

import java.io.PrintStream;
import java.util.List;

import smittywpar.host.Host;
import smittywpar.host.HostClock;
import smittywpar.msg.AixException;
import smittywpar.wpar.Transaction;
import smittywpar.wpar.FileSystems;
import smittywpar.wpar.Wpar;
import smittywpar.wpar.WparEngine;

/**
 * mount and umount in the global environment, for the file systems of workload partitions:
 * {@code mount} lists what is mounted; {@code mount /wpars/w1/home} (the global mount point or
 * the logical volume) mounts one; {@code mount -t w1} mounts every file system of WPAR w1 (its
 * mount group). The global file systems are always mounted. umount is the reverse.
 */
final class MountCommand extends ParsedCommand<Getopt> {
    /** The flags, in {@link Getopt}'s syntax (also the option table of the man page and the completion). */
    static final String OPTIONS = "t:";
    static final String HEADER = "  node       mounted        mounted over    vfs       date        options";
    static final String RULE = "-------- ---------------  ---------------  ------ ------------ ---------------";

    private final boolean unmount;

    MountCommand(boolean unmount) {
        this.unmount = unmount;
    }

    @Override
    Getopt parse(List<String> args) {
        Getopt g = new Getopt(unmount ? "umount" : "mount", OPTIONS, unmount ? "usage.umount" : "usage.mount")
                .parse(args);
        int n = g.operands().size();
        if (g.has('t') ? n != 0 : n > 1 || unmount && n == 0) {
            throw g.usage();
        }
        return g;
    }

    @Override
    int run(Invocation inv, Getopt g) {
        String prog = unmount ? "umount" : "mount";
        int n = g.operands().size();
        WparEngine engine = new WparEngine(prog, inv.console(), inv.env());
        if (!g.has('t') && n == 0) {
            return engine.read(c -> {
                list(inv.out(), c);
                return 0;
            });
        }
        engine.update(c -> {
            if (g.has('t')) {
                if (unmount) {
                    FileSystems.unmountGroup(c, g.value('t'));
                } else {
                    FileSystems.mountGroup(c, g.value('t'));
                }
                return null;
            }
            String arg = g.operands().get(0);
            for (Host.FileSystem f : c.host().filesystems) {
                if (f.mount.equals(arg) || f.dev.equals(arg) && !f.vfs.equals("procfs")) {
                    throw unmount ? AixException.of("umount.busy", prog, f.dev)
                            : AixException.of("mount.busy", prog, f.dev, f.mount);
                }
            }
            FileSystems.Target t = FileSystems.byPath(c, arg);
            if (t == null) {
                t = FileSystems.byDevice(c, arg);
            }
            if (t == null) {
                throw unmount ? AixException.of("umount.nothing", prog) : AixException.of("mount.unknown", prog, arg);
            }
            if (unmount) {
                FileSystems.unmount(c, t);
            } else {
                FileSystems.mount(c, t);
            }
            return null;
        });
        return 0;
    }

    private static void list(PrintStream out, Transaction c) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append(HEADER).append('\n').append(RULE).append('\n');
        String boot = HostClock.mountDate(c.now());
        for (Host.FileSystem f : c.host().filesystems) {
            boolean proc = f.vfs.equals("procfs");
            row(sb, "", f.dev, f.mount, f.vfs, boot, proc ? "rw" : "rw,log=/dev/hd8");
        }
        for (Wpar w : FileSystems.withMounts(c)) {
            for (Wpar.Mount m : w.mounts) {
                if (m.mounted) {
                    row(sb, m.host, FileSystems.device(m), FileSystems.globalPath(w, m), FileSystems.vfs(m),
                            FileSystems.mountDate(w, m), FileSystems.options(m));
                }
            }
        }
        out.print(sb);
    }

    private static void row(StringBuilder sb, String node, String dev, String over, String vfs, String date,
            String options) {
        sb.append(String.format("%-8s %-16s %-16s %-6s %-12s %s", node, dev, over, vfs, date, options).stripTrailing())
                .append('\n');
    }
}
