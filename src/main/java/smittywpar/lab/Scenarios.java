package smittywpar.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import smittywpar.host.Host;
import smittywpar.host.Ip;
import smittywpar.msg.Messages;
import smittywpar.host.AixPath;
import smittywpar.host.FileNode;
import smittywpar.host.FileTree;
import smittywpar.wpar.Inside;
import smittywpar.wpar.Wpar;
import smittywpar.wpar.Vfs;
import smittywpar.wpar.WparEngine;

/**
 * Building a host from a {@link Scenario}: the host additions in one transaction of the engine,
 * then each command line through the command registry (as a user would type it), then the files,
 * then the faults. Any failure stops the build with where in the file it came from; the host in
 * use is not touched until the whole build succeeded ({@link HostBuilder}).
 */
final class Scenarios {
    private Scenarios() {
    }

    static YamlFiles files(Path extra) {
        return new YamlFiles("scenarios", extra);
    }

    /** Loads scenario {@code name} (every problem reported at once) and returns how to build it. */
    static HostBuilder.Recipe recipe(LabContext ctx, String name, Path extra) {
        Scenario s = Scenario.parse(files(extra).find(name));
        return (c, dir) -> build(c, dir, s);
    }

    static void build(LabContext ctx, Path dir, Scenario s) {
        WparEngine engine = ctx.engine(dir);
        Map<String, String> env = ctx.envFor(dir);
        if (s.host() != Scenario.HostPart.NONE) {
            engine.update(c -> {
                host(c.hostForUpdate(), s.host());
                return null;
            });
        }
        for (Scenario.Line l : s.commands()) {
            LabContext.Ran r = ctx.aix(l.argv(), env);
            if (r.exit() != 0) {
                List<String> why = r.errLines();
                throw LabException.of("lab.scenario.cmdfailed", l.where(), l.text(), r.exit(),
                        why.isEmpty() ? "" : why.get(why.size() - 1));
            }
        }
        for (Scenario.FileSpec f : s.files()) {
            write(engine, f);
        }
        for (Scenario.FaultSpec f : s.faults()) {
            try {
                Faults.inject(engine, f.kind(), f.target());
            } catch (LabException e) {
                throw LabException.of("lab.scenario.at", f.where(), e.lines.get(0));
            }
        }
    }

    /**
     * Writes one file inside a WPAR (its own file tree, whether or not its file systems are
     * mounted now, as a trainer preparing it would with them mounted) or of the global
     * environment, as root, directories made on the way.
     */
    static void write(WparEngine engine, Scenario.FileSpec f) {
        try {
            engine.update(c -> {
                if (f.wpar() == null) {
                    Vfs.global(c).put(f.path(), f.text());
                    return null;
                }
                if (!c.exists(f.wpar())) {
                    throw LabException.of("lab.scenario.nowpar", f.wpar());
                }
                Wpar w = c.wpar(f.wpar());
                if (w.type != 'S') {
                    // an application WPAR shares the global file systems
                    Vfs.global(c).put(f.path(), f.text());
                    return null;
                }
                FileTree t = Inside.of(c, w);
                FileTree.Meta meta = new FileTree.Meta("root", "system", 0644, c.now().toEpochSecond());
                List<String> missing = new java.util.ArrayList<>();
                for (String a = AixPath.parent(f.path()); !a.equals("/") && t.stat(a) == null; a = AixPath.parent(a)) {
                    missing.add(0, a);
                }
                for (String d : missing) {
                    t.mkdir(d, new FileTree.Meta("root", "system", 0755, meta.mtime()));
                }
                FileNode parent = t.stat(AixPath.parent(f.path()));
                FileNode there = t.stat(f.path());
                if (parent != null && !parent.isDir() || there != null && there.isDir()) {
                    throw LabException.of("lab.scenario.notafile", f.path());
                }
                t.write(f.path(), f.text(), meta);
                return null;
            });
        } catch (LabException e) {
            throw LabException.of("lab.scenario.at", f.where(), e.lines.get(0));
        } catch (RuntimeException e) {
            throw LabException.of("lab.scenario.at", f.where(), f.path() + ": " + e.getMessage());
        }
    }

    /** The scenario's additions to the host: new devices, volume groups over spare disks, levels, names. */
    static void host(Host h, Scenario.HostPart p) {
        if (p.hostname() != null) {
            h.hostname = p.hostname();
        }
        for (Scenario.Disk d : p.disks()) {
            if (h.disk(d.name()) != null) {
                throw LabException.of("lab.scenario.at", d.where(), Messages.get("lab.scenario.exists", "disk", d.name()));
            }
            Host.Disk disk = new Host.Disk();
            disk.name = d.name();
            disk.pvid = "none";
            disk.vg = "None";
            disk.sizeMb = d.sizeMb();
            disk.location = d.location() == null ? "" : d.location();
            disk.description = d.description() == null ? "MPIO IBM 2076 FC Disk" : d.description();
            h.disks.add(disk);
        }
        for (Scenario.Adapter a : p.adapters()) {
            if (h.adapter(a.name()) != null) {
                throw LabException.of("lab.scenario.at", a.where(), Messages.get("lab.scenario.exists", "adapter", a.name()));
            }
            Host.Adapter ad = new Host.Adapter();
            ad.name = a.name();
            ad.location = a.location() == null ? "" : a.location();
            ad.devClass = a.devClass();
            ad.writer = a.writer();
            ad.description = a.description() != null ? a.description() : switch (a.devClass()) {
                case "tape" -> "LTO Ultrium-5 Tape Drive";
                case "cdrom" -> "SATA DVD-RAM Drive";
                default -> "Virtual Fibre Channel Client Adapter";
            };
            h.adapters.add(ad);
        }
        for (Scenario.Vg v : p.vgs()) {
            if (h.vg(v.name()) != null) {
                throw LabException.of("lab.scenario.at", v.where(), Messages.get("lab.scenario.exists", "vg", v.name()));
            }
            Host.VolumeGroup vg = new Host.VolumeGroup();
            vg.name = v.name();
            vg.ppSizeMb = v.ppSizeMb();
            vg.identifier = hex(h.nextId()) + hex(h.nextId());
            h.vgs.add(vg);
            for (String dn : v.disks()) {
                Host.Disk d = h.disk(dn);
                if (d == null || !"None".equals(d.vg) || d.wpar != null) {
                    throw LabException.of("lab.scenario.at", v.where(), Messages.get("lab.scenario.notspare", dn));
                }
                d.vg = v.name();
                if ("none".equals(d.pvid)) {
                    d.pvid = hex(h.nextId());
                }
            }
        }
        for (Scenario.Iface i : p.interfaces()) {
            Host.Interface it = h.iface(i.name());
            if (it == null) {
                it = new Host.Interface();
                it.name = i.name();
                it.flags = h.iface("en0") != null ? h.iface("en0").flags
                        : "e084863,14c0<UP,BROADCAST,NOTRAILERS,RUNNING,SIMPLEX,MULTICAST,GROUPRT,64BIT,LARGESEND,CHAIN>";
                it.tcp = "tcp_sendspace 262144 tcp_recvspace 262144 rfc1323 1";
                h.interfaces.add(it);
            }
            it.address = i.address();
            it.netmask = i.netmask();
            if (!Ip.isV4(it.address)) {
                throw LabException.of("lab.scenario.at", i.where(), it.address);
            }
        }
        for (Scenario.Fileset f : p.filesets()) {
            Host.Fileset fs = h.fileset(f.name());
            if (fs == null) {
                if (f.description() == null) {
                    throw LabException.of("lab.scenario.at", f.where(), Messages.get("lab.scenario.newfileset", f.name()));
                }
                fs = new Host.Fileset();
                fs.name = f.name();
                fs.root = f.root();
                h.filesets.add(fs);
            }
            fs.level = f.level();
            if (f.description() != null) {
                fs.description = f.description();
            }
        }
    }

    private static String hex(long v) {
        return String.format("%016x", v);
    }
}
