package smittywpar.lab;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import smittywpar.host.Host;
import smittywpar.msg.Messages;
import smittywpar.store.Stanza;
import smittywpar.store.StanzaFile;
import smittywpar.wpar.State;
import smittywpar.wpar.Transaction;
import smittywpar.wpar.Wpar;
import smittywpar.wpar.WparEngine;

/**
 * Faults a trainer injects into the host, each the situation a real system gets into, so that the
 * AIX commands answer as they would there:
 * <ul>
 * <li>{@code broken WPAR}: left Broken, as after a start or stop that failed half-way;</li>
 * <li>{@code stalelock WPAR}: left Transitional with its operation recorded, as a command killed
 * while it held the WPAR's administrative lock leaves it;</li>
 * <li>{@code vgfull VG}: every free partition taken by a logical volume ({@value #FILLER});</li>
 * <li>{@code ifdown IFACE}: the interface marked down (no UP, no RUNNING);</li>
 * <li>{@code nodevice DEVICE}: a disk or adapter gone from the host: Defined, no longer Available
 * (a WPAR that exports it cannot start);</li>
 * <li>{@code downlevel FILESET}: the fileset back at an older level.</li>
 * </ul>
 * Each is made in one transaction of the engine, which also records what it changed in
 * {@value #FILE} (part of the state, so snapshots keep it), so that {@code fault clear} puts
 * back exactly what was there.
 */
final class Faults {
    static final List<String> KINDS = List.of("broken", "stalelock", "vgfull", "ifdown", "nodevice", "downlevel");
    static final String FILE = "lab/faults";
    static final String FILLER = "fillerlv";

    private Faults() {
    }

    /** Injects one fault; the engine's transaction over the host of {@code engine}. */
    static void inject(WparEngine engine, String kind, String target) {
        if (!KINDS.contains(kind)) {
            throw LabException.of("lab.fault.kind", kind, String.join(" ", KINDS));
        }
        engine.update(c -> {
            List<Stanza> faults = load(c);
            for (Stanza f : faults) {
                if (f.get("kind").equals(kind) && f.get("target").equals(target)) {
                    throw LabException.of("lab.fault.already", kind, target);
                }
            }
            Stanza f = new Stanza("fault").put("kind", kind).put("target", target);
            apply(c, f);
            faults.add(f);
            save(c, faults);
            return null;
        });
    }

    private static void apply(Transaction c, Stanza f) {
        String target = f.get("target");
        switch (f.get("kind")) {
            case "broken", "stalelock" -> {
                Wpar w = wpar(c, target);
                f.put("state", String.valueOf(w.state.letter)).put("pid", String.valueOf(w.pid))
                        .put("operation", w.operation);
                if (f.get("kind").equals("broken")) {
                    w.state = State.BROKEN;
                    w.pid = 0;
                } else {
                    w.operation = w.state.isRunning() ? "stop" : "start";
                    w.state = State.TRANSITIONAL;
                }
                c.save(w);
            }
            case "vgfull" -> {
                Host h = c.hostForUpdate();
                Host.VolumeGroup vg = h.vg(target);
                if (vg == null) {
                    throw LabException.of("lab.fault.novg", target);
                }
                int free = h.totalPps(vg) - h.usedPps(vg);
                if (free <= 0) {
                    throw LabException.of("lab.fault.vgfull", target);
                }
                for (Host.LogicalVolume lv : h.lvs) {
                    if (lv.name.equals(FILLER)) {
                        throw LabException.of("lab.fault.already", "vgfull", lv.vg);
                    }
                }
                Host.LogicalVolume lv = new Host.LogicalVolume();
                lv.name = FILLER;
                lv.vg = target;
                lv.type = "jfs2";
                lv.pps = free;
                lv.mount = "N/A";
                h.lvs.add(lv);
            }
            case "ifdown" -> {
                Host h = c.hostForUpdate();
                Host.Interface i = h.iface(target);
                if (i == null || i.name.startsWith("lo")) {
                    throw LabException.of("lab.fault.noiface", target);
                }
                f.put("flags", i.flags);
                i.flags = down(i.flags);
            }
            case "nodevice" -> {
                Host h = c.hostForUpdate();
                Host.Disk d = h.disk(target);
                Host.Adapter a = h.adapter(target);
                if (d != null) {
                    if (!"None".equals(d.vg) && d.wpar == null) {
                        throw LabException.of("lab.fault.inuse", target, d.vg);
                    }
                    d.status = Host.DEFINED;
                } else if (a != null) {
                    a.status = Host.DEFINED;
                } else {
                    throw LabException.of("lab.fault.nodevice", target);
                }
            }
            case "downlevel" -> {
                Host h = c.hostForUpdate();
                Host.Fileset fs = h.fileset(target);
                if (fs == null) {
                    throw LabException.of("lab.fault.nofileset", target);
                }
                f.put("level", fs.level);
                fs.level = older(fs.level);
            }
            default -> throw LabException.of("lab.fault.kind", f.get("kind"), String.join(" ", KINDS));
        }
    }

    /** Clears every fault (kind and target null) or the one named; returns how many were cleared. */
    static int clear(WparEngine engine, String kind, String target) {
        return engine.update(c -> {
            List<Stanza> faults = load(c);
            int n = 0;
            // the last one injected is undone first: a later fault may rest on an earlier one
            for (int i = faults.size() - 1; i >= 0; i--) {
                Stanza f = faults.get(i);
                if (kind == null || f.get("kind").equals(kind) && (target == null || f.get("target").equals(target))) {
                    undo(c, f);
                    faults.remove(i);
                    n++;
                }
            }
            if (n == 0 && kind != null) {
                throw LabException.of("lab.fault.notset", kind, target == null ? "" : target);
            }
            save(c, faults);
            return n;
        });
    }

    private static void undo(Transaction c, Stanza f) {
        String target = f.get("target");
        switch (f.get("kind")) {
            case "broken", "stalelock" -> {
                State faulted = f.get("kind").equals("broken") ? State.BROKEN : State.TRANSITIONAL;
                // only a WPAR still in the state the fault left (a learner may have repaired it since)
                if (c.exists(target) && c.wpar(target).state == faulted) {
                    Wpar w = c.wpar(target);
                    State was = State.ofLetter(f.get("state", "D").charAt(0));
                    // a WPAR cannot come back running: its processes are gone
                    w.state = was == null || was.isRunning() ? State.DEFINED : was;
                    w.pid = 0;
                    w.operation = f.get("operation", "none");
                    c.save(w);
                }
            }
            case "vgfull" -> {
                Host h = c.hostForUpdate();
                h.lvs.removeIf(lv -> lv.name.equals(FILLER) && lv.vg.equals(target));
            }
            case "ifdown" -> {
                Host.Interface i = c.hostForUpdate().iface(target);
                if (i != null && i.flags.equals(down(f.get("flags", i.flags)))) {
                    i.flags = f.get("flags", i.flags);
                }
            }
            case "nodevice" -> {
                Host h = c.hostForUpdate();
                if (h.disk(target) != null) {
                    h.disk(target).status = Host.AVAILABLE;
                } else if (h.adapter(target) != null) {
                    h.adapter(target).status = Host.AVAILABLE;
                }
            }
            case "downlevel" -> {
                Host.Fileset fs = c.hostForUpdate().fileset(target);
                if (fs != null && fs.level.equals(older(f.get("level", fs.level)))) {
                    fs.level = f.get("level", fs.level);
                }
            }
            default -> {
                // an unknown record (a hand edit) is dropped
            }
        }
    }

    /** The faults in place, as {@code KIND TARGET} lines. */
    static List<String> list(WparEngine engine) {
        return engine.read(c -> {
            List<String> out = new ArrayList<>();
            for (Stanza f : load(c)) {
                out.add(f.get("kind") + " " + f.get("target"));
            }
            return out;
        });
    }

    private static Wpar wpar(Transaction c, String name) {
        if (!c.exists(name)) {
            throw LabException.of("lab.fault.nowpar", name);
        }
        return c.wpar(name);
    }

    /** Interface flags with UP and RUNNING taken away (0x1 and 0x40 of the number, as ifconfig shows them). */
    static String down(String flags) {
        int lt = flags.indexOf('<');
        int comma = flags.indexOf(',');
        if (lt < 0 || comma < 0 || comma > lt) {
            return flags;
        }
        long bits;
        try {
            bits = Long.parseLong(flags.substring(0, comma), 16);
        } catch (NumberFormatException e) {
            return flags;
        }
        List<String> names = new ArrayList<>(List.of(flags.substring(lt + 1, flags.length() - 1).split(",")));
        for (Iterator<String> it = names.iterator(); it.hasNext();) {
            String n = it.next();
            if (n.equals("UP") || n.equals("RUNNING")) {
                it.remove();
            }
        }
        return Long.toHexString(bits & ~0x41L) + flags.substring(comma, lt) + "<" + String.join(",", names) + ">";
    }

    /** An older level: the fix level back to 0, or the modification level one down when it is 0. */
    static String older(String level) {
        String[] v = level.split("\\.");
        if (v.length != 4) {
            return level;
        }
        if (!v[3].equals("0")) {
            v[3] = "0";
        } else if (!v[2].equals("0")) {
            v[2] = String.valueOf(Integer.parseInt(v[2]) - 1);
        } else if (!v[1].equals("0")) {
            v[1] = String.valueOf(Integer.parseInt(v[1]) - 1);
        }
        return String.join(".", v);
    }

    private static List<Stanza> load(Transaction c) {
        String text = c.readFile(FILE);
        if (text == null) {
            return new ArrayList<>();
        }
        try {
            return new ArrayList<>(StanzaFile.parse(text));
        } catch (StanzaFile.SyntaxException e) {
            throw LabException.of("lab.diff.bad", FILE, e.line(), e.getMessage());
        }
    }

    private static void save(Transaction c, List<Stanza> faults) {
        if (faults.isEmpty()) {
            if (c.readFile(FILE) != null) {
                c.deleteFile(FILE);
            }
            return;
        }
        c.writeFile(FILE, StanzaFile.format(faults));
    }

    static String describe(String kind) {
        return switch (kind) {
            case "broken" -> Messages.get("lab.fault.what.broken");
            case "stalelock" -> Messages.get("lab.fault.what.stalelock");
            case "vgfull" -> Messages.get("lab.fault.what.vgfull");
            case "ifdown" -> Messages.get("lab.fault.what.ifdown");
            case "nodevice" -> Messages.get("lab.fault.what.nodevice");
            default -> Messages.get("lab.fault.what.downlevel");
        };
    }
}
