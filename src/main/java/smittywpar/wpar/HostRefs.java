package smittywpar.wpar;

import java.util.ArrayList;
import java.util.List;

import smittywpar.host.Host;
import smittywpar.msg.Messages;
import smittywpar.store.Stanza;

/**
 * Cross-file consistency: what a WPAR file (or a preserved one) says it holds of the host must be
 * there in {@code host.cf}: the logical volumes of its file systems and boot set copies, and, for
 * a WPAR, the disks and adapters given to it and the interfaces of its addresses. The references
 * are taken from the stanzas when the file is read, with their lines, and checked once the host
 * is read too (a command that never reads the host checks nothing against it, and changes nothing
 * of it).
 */
final class HostRefs {
    private HostRefs() {
    }

    /** One thing of the host a file names: what it is, its name, and where (file, line). */
    record Ref(String rel, int line, char kind, String name, String wpar, String detail) {
        static final char LV = 'l';
        static final char DEVICE = 'd';
        static final char DISK = 'k';
        static final char IFACE = 'i';
    }

    /** The references of a state file's stanzas ({@code preserved}: logical volumes only). */
    static List<Ref> of(String rel, List<Stanza> stanzas, String wpar, boolean preserved) {
        List<Ref> out = new ArrayList<>();
        for (Stanza s : stanzas) {
            switch (s.name()) {
                case "mount" -> {
                    String vfs = s.get(Attribute.VFS.key, Attribute.VFS.dflt);
                    String dev = s.get(Attribute.DEV.key, "");
                    if ((vfs.equals("jfs2") || vfs.equals("jfs")) && dev.startsWith("/dev/")) {
                        out.add(new Ref(rel, s.line(Attribute.DEV.key), Ref.LV, dev.substring(5), wpar,
                                s.get(Attribute.MOUNT_DIRECTORY.key, "")));
                    }
                }
                case "bootset" -> {
                    Wpar.Bootset b = new Wpar.Bootset();
                    if (b.copiesText(s.get(Attribute.BOOTSET_LVS.key, ""))) {
                        for (Wpar.Bootset.Copy x : b.copies) {
                            out.add(new Ref(rel, s.line(Attribute.BOOTSET_LVS.key), Ref.LV, x.lv(), wpar, x.directory()));
                        }
                    }
                    if (!preserved) {
                        for (String d : s.get(Attribute.BOOTSET_DISKS.key, "").split(" ")) {
                            if (!d.isEmpty()) {
                                out.add(new Ref(rel, s.line(Attribute.BOOTSET_DISKS.key), Ref.DISK, d, wpar, null));
                            }
                        }
                    }
                }
                case "device" -> {
                    if (!preserved) {
                        String type = s.get(Attribute.DEVTYPE.key, "");
                        boolean disk = type.equals("disk") || "yes".equals(s.get(Attribute.DEV_ROOTVG.key));
                        out.add(new Ref(rel, s.line(Attribute.DEVNAME.key), Ref.DEVICE, s.get(Attribute.DEVNAME.key, ""),
                                wpar, disk ? "disk" : type));
                    }
                }
                case "network" -> {
                    String iface = s.get(Attribute.INTERFACE.key, "");
                    if (!preserved && !iface.isEmpty()) {
                        String addr = s.get(Attribute.ADDRESS.key, s.get(Attribute.ADDRESS6.key, ""));
                        out.add(new Ref(rel, s.line(Attribute.INTERFACE.key), Ref.IFACE, iface, wpar, addr));
                    }
                }
                default -> {
                    // nothing of the host
                }
            }
        }
        return out;
    }

    /** Why the host contradicts {@code r}, or null when it has what the file names. */
    static String problem(Host h, Ref r) {
        switch (r.kind()) {
            case Ref.LV -> {
                return h.hasLv(r.name()) ? null : Messages.get("corrupt.cross.lv", r.detail(), r.name());
            }
            case Ref.DISK -> {
                Host.Disk d = h.disk(r.name());
                return d == null ? Messages.get("corrupt.cross.nodisk", r.name())
                        : r.wpar().equals(d.wpar) ? null : given(r, d.wpar);
            }
            case Ref.DEVICE -> {
                Host.Disk d = h.disk(r.name());
                Host.Adapter a = h.adapter(r.name());
                if (d != null) {
                    return r.wpar().equals(d.wpar) ? null : given(r, d.wpar);
                }
                if (a != null) {
                    return r.wpar().equals(a.wpar) ? null : given(r, a.wpar);
                }
                // a name without /dev/ is a device of the host (mkwpar -D takes no other)
                return r.name().startsWith("/dev/") ? null : Messages.get("corrupt.cross.nodisk", r.name());
            }
            default -> {
                return h.iface(r.name()) != null ? null : Messages.get("corrupt.cross.iface", r.name(), r.detail());
            }
        }
    }

    private static String given(Ref r, String owner) {
        return owner == null ? Messages.get("corrupt.cross.notgiven", r.name(), r.wpar())
                : Messages.get("corrupt.cross.givenother", r.name(), owner);
    }
}
