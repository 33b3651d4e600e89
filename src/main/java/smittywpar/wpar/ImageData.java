package smittywpar.wpar;

import java.util.ArrayList;
import java.util.List;

import smittywpar.host.Host;
import smittywpar.host.HostClock;
import smittywpar.store.Stanza;
import smittywpar.store.StanzaFile;

/**
 * The image.data file of a WPAR backup (mkwpardata writes it in {@code /tmp/wpardata/NAME/},
 * savewpar puts it first in the image): the stanza grammar of mksysb's image.data, a
 * {@code stanza:} line then {@code KEY= value} lines indented by a tab. It tells where and when
 * the backup was made, the logical volumes and file systems of the WPAR with their sizes, and
 * (a stanza of this project's own) the filesets installed.
 */
public final class ImageData {
    private final List<Stanza> stanzas;

    private ImageData(List<Stanza> stanzas) {
        this.stanzas = stanzas;
    }

    /** The image.data of WPAR {@code w} now; with {@code mapDir}, naming the map file of each LV there. */
    static String text(Transaction c, Wpar w, String mapDir) {
        Host h = c.host();
        StringBuilder sb = new StringBuilder();
        String[] level = h.oslevelS.split("-");
        stanza(sb, "image_data", "IMAGE_TYPE", "wpar", "DATE_TIME", HostClock.aixDate(h, c.now()), "UNAME_INFO",
                "AIX " + h.hostname + " " + part(h.oslevel, 1, "2") + " " + part(h.oslevel, 0, "7") + " " + h.machineId,
                "LICENSE_INFO", "", "PRODUCT_TAPE", "no", "USERVG_LIST", "", "PLATFORM", "chrp", "OSLEVEL", h.oslevel,
                "MAINTENANCE_LEVEL", level.length > 1 ? level[0] + "-" + level[1] : h.oslevelS, "CPU_ID", h.machineId,
                "WPAR_NAME", w.name, "WPAR_DIRECTORY", w.directory);
        stanza(sb, "logical_volume_policy", "SHRINK", "no", "EXACT_FIT", "no");
        List<String> vgs = new ArrayList<>();
        for (Wpar.Mount m : w.mounts) {
            String vg = m.vg.isEmpty() ? w.vg : m.vg;
            if (m.hasLv() && !m.dev.isEmpty() && !vgs.contains(vg)) {
                vgs.add(vg);
            }
        }
        for (String vg : vgs) {
            Host.VolumeGroup v = h.vg(vg);
            stanza(sb, "vg_data", "VGNAME", vg, "PPSIZE", v == null ? "32" : String.valueOf(v.ppSizeMb), "VARYON", "yes",
                    "VG_SOURCE_DISK_LIST", disks(h, vg));
        }
        for (Wpar.Mount m : w.mounts) {
            if (!m.hasLv() || m.dev.isEmpty()) {
                continue;
            }
            String vg = m.vg.isEmpty() ? w.vg : m.vg;
            Host.VolumeGroup v = h.vg(vg);
            int pps = v == null ? 1 : LogicalVolumes.pps(v, m.sizeMb);
            String lv = m.dev.startsWith("/dev/") ? m.dev.substring(5) : m.dev;
            stanza(sb, "lv_data", "VOLUME_GROUP", vg, "LV_SOURCE_DISK_LIST", disks(h, vg), "LOGICAL_VOLUME", lv, "TYPE",
                    m.vfs, "LPs", String.valueOf(pps), "PP", String.valueOf(pps), "COPIES", "1", "MOUNT_POINT",
                    w.globalPath(m.directory), "LV_STATE", m.mounted ? "open/syncd" : "closed/syncd", "MAPFILE",
                    mapDir == null ? "" : mapDir + lv + ".map");
        }
        for (Wpar.Mount m : w.mounts) {
            if (!m.hasLv() || m.dev.isEmpty()) {
                continue;
            }
            stanza(sb, "fs_data", "FS_NAME", w.globalPath(m.directory), "FS_SIZE", String.valueOf(m.sizeMb * 2048L),
                    "FS_MIN_SIZE", String.valueOf(Math.max(1, m.usedMb) * 2048L), "FS_LV", m.dev, "FS_FS", "4096",
                    "FS_NBPI", "4096", "FS_COMPRESS", "no", "FS_BF", "false", "FS_AGSIZE", "16", "FS_JFS2_EFS", "no",
                    "FS_JFS2_INLINELOG", m.logname.equals("INLINE") ? "yes" : "no");
        }
        for (Host.Fileset f : h.filesets) {
            stanza(sb, "fileset_data", "FILESET", f.name, "LEVEL", f.level, "DESCRIPTION", f.description);
        }
        return sb.toString();
    }

    private static String part(String level, int i, String dflt) {
        String[] v = level.split("\\.");
        return v.length > i ? v[i] : dflt;
    }

    private static String disks(Host h, String vg) {
        List<String> out = new ArrayList<>();
        for (Host.Disk d : h.disks) {
            if (vg.equals(d.vg)) {
                out.add(d.name);
            }
        }
        return String.join(" ", out);
    }

    private static void stanza(StringBuilder sb, String name, String... kv) {
        sb.append(name).append(":\n");
        for (int i = 0; i < kv.length; i += 2) {
            sb.append('\t').append(kv[i]).append("= ").append(kv[i + 1]).append('\n');
        }
        sb.append('\n');
    }

    /** Reads an image.data text; null when it is not one. */
    public static ImageData parse(String text) {
        try {
            List<Stanza> s = StanzaFile.parse(text);
            if (s.isEmpty() || !s.get(0).name().equals("image_data")) {
                return null;
            }
            return new ImageData(s);
        } catch (StanzaFile.SyntaxException e) {
            return null;
        }
    }

    /** A value of the first stanza {@code stanza}, or "" when there is none. */
    public String get(String stanza, String key) {
        for (Stanza s : stanzas) {
            if (s.name().equals(stanza)) {
                return s.get(key, "");
            }
        }
        return "";
    }

    /** Every stanza called {@code name}, in order. */
    public List<Stanza> all(String name) {
        List<Stanza> out = new ArrayList<>();
        for (Stanza s : stanzas) {
            if (s.name().equals(name)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The long number {@code key} of a stanza, 0 when it is not one. */
    public static long number(Stanza s, String key) {
        long n = StanzaFile.digits(s.get(key, ""));
        return Math.max(0, n);
    }
}
