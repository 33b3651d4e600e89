package smittywpar.wpar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import smittywpar.base.Text;
import smittywpar.msg.AixException;
import smittywpar.store.Stanza;

/**
 * lssavewpar: what a backup image holds, read from it alone: its members as restore lists them
 * (the default), the information of its image.data (-l), its filesets (-L), the writable namefs
 * (-M) or NFS (-N) file systems its specification has, or only a check that it reads (-V).
 */
public final class BackupListing {
    private BackupListing() {
    }

    /** What lssavewpar was asked for: {@code view} is 'T' (members), 'l', 'L', 'M', 'N' or 'V'. */
    public record Options(String device, int blocks, char view, boolean colon) {
    }

    public static void list(Transaction c, Options o) {
        BackupDevice dev = BackupDevice.of(c, o.device());
        Console con = c.con;
        switch (o.view()) {
            case 'T' -> members(c, dev, o);
            case 'V' -> {
                if (!dev.tape()) {
                    throw AixException.of("bk.tapeonly", c.prog, dev.given);
                }
                Restore.Scan s = Restore.verify(c, dev);
                Restore.header(con, dev, o.blocks(), ImageData.parse(s.imageData()));
                con.say("bk.total", s.bytes());
                con.say("bk.archived", s.members());
            }
            default -> {
                String[] ctl = controls(c, dev);
                ImageData d = ImageData.parse(ctl[0]);
                switch (o.view()) {
                    case 'l' -> info(con, d, o.colon());
                    case 'L' -> filesets(con, d, o.colon());
                    default -> mounts(c, dev, ctl[1], o.view() == 'M' ? "namefs" : "nfs", o.colon());
                }
            }
        }
    }

    /** The default view: every member with its size, as restore -T lists them. */
    private static void members(Transaction c, BackupDevice dev, Options o) {
        Console con = c.con;
        long n = 0;
        long bytes = 0;
        try (BackupImage.Reader rd = new BackupImage.Reader(dev.open(c))) {
            for (BackupImage.Member m; (m = rd.next()) != null;) {
                if (n == 0) {
                    Restore.header(con, dev, o.blocks(), data(c, dev, rd.data()));
                }
                con.outln(Restore.size13(m.size()) + " " + m.shown());
                n++;
                bytes += m.type() == 'f' ? m.size() : 0;
            }
        } catch (BackupImage.BadImage e) {
            con.out().flush();
            throw Restore.bad(c, dev, e);
        } catch (IOException e) {
            throw AixException.of("bk.read", c.prog, dev.given, e.getMessage());
        }
        con.say("bk.total", bytes);
        con.say("bk.archived", n);
    }

    private static ImageData data(Transaction c, BackupDevice dev, byte[] b) {
        ImageData d = ImageData.parse(new String(b, StandardCharsets.UTF_8));
        if (d == null) {
            throw AixException.of("bk.foreign", c.prog, dev.given);
        }
        return d;
    }

    /** The texts of image.data and wpar.spec, read from the beginning of the image. */
    private static String[] controls(Transaction c, BackupDevice dev) {
        String[] out = new String[2];
        try (BackupImage.Reader rd = new BackupImage.Reader(dev.open(c))) {
            for (BackupImage.Member m; (m = rd.next()) != null && m.control();) {
                String text = new String(rd.data(), StandardCharsets.UTF_8);
                if (m.path().equals(BackupImage.IMAGE_DATA)) {
                    out[0] = text;
                } else if (m.path().equals(BackupImage.SPEC)) {
                    out[1] = text;
                    break;
                }
            }
        } catch (BackupImage.BadImage e) {
            throw Restore.bad(c, dev, e);
        } catch (IOException e) {
            throw AixException.of("bk.read", c.prog, dev.given, e.getMessage());
        }
        if (out[0] == null || ImageData.parse(out[0]) == null || out[1] == null) {
            throw AixException.of("bk.foreign", c.prog, dev.given);
        }
        return out;
    }

    /** -l: the backup's information and its logical volumes (lsmksysb -l's layout). */
    private static void info(Console con, ImageData d, boolean colon) {
        List<Stanza> lvs = d.all("lv_data");
        long size = 0;
        long shrink = 0;
        for (Stanza s : d.all("fs_data")) {
            size += ImageData.number(s, "FS_SIZE") / 2048;
            shrink += ImageData.number(s, "FS_MIN_SIZE") / 2048;
        }
        String vg = lvs.isEmpty() ? "rootvg" : lvs.get(0).get("VOLUME_GROUP", "rootvg");
        String[][] rows = {{"VOLUME GROUP:", vg}, {"BACKUP DATE/TIME:", d.get("image_data", "DATE_TIME")},
            {"UNAME INFO:", d.get("image_data", "UNAME_INFO")}, {"BACKUP OSLEVEL:", d.get("image_data", "OSLEVEL")},
            {"MAINTENANCE LEVEL:", d.get("image_data", "MAINTENANCE_LEVEL")},
            {"BACKUP SIZE (MB):", String.valueOf(size)}, {"SHRINK SIZE (MB):", String.valueOf(shrink)},
            {"VG DATA ONLY:", "no"}};
        if (colon) {
            con.outln("#volume_group:backup_date_time:uname_info:backup_oslevel:maintenance_level:backup_size:"
                    + "shrink_size:vg_data_only");
            List<String> v = new ArrayList<>();
            for (String[] r : rows) {
                v.add(r[1]);
            }
            con.outln(String.join(":", v));
            con.outln("#lv_name:type:lps:pps:pvs:lv_state:mount_point");
            for (Stanza s : lvs) {
                con.outln(String.join(":", s.get("LOGICAL_VOLUME", ""), s.get("TYPE", ""), s.get("LPs", ""),
                        s.get("PP", ""), pvs(s), s.get("LV_STATE", ""), s.get("MOUNT_POINT", "")));
            }
            return;
        }
        for (String[] r : rows) {
            con.outln(Text.left(r[0], 24) + r[1]);
        }
        con.outln("");
        con.outln(vg + ":");
        con.outln(String.format("%-20s%-11s%-8s%-8s%-5s%-14s%s", "LV NAME", "TYPE", "LPs", "PPs", "PVs", "LV STATE",
                "MOUNT POINT"));
        for (Stanza s : lvs) {
            con.outln(String.format("%-20s%-11s%-8s%-8s%-5s%-14s%s", s.get("LOGICAL_VOLUME", ""), s.get("TYPE", ""),
                    s.get("LPs", ""), s.get("PP", ""), pvs(s), s.get("LV_STATE", ""), s.get("MOUNT_POINT", "")));
        }
    }

    private static String pvs(Stanza s) {
        String disks = s.get("LV_SOURCE_DISK_LIST", "").strip();
        return String.valueOf(disks.isEmpty() ? 1 : disks.split(" +").length);
    }

    /** -L: the filesets of the backup (lslpp -L's layout). */
    private static void filesets(Console con, ImageData d, boolean colon) {
        if (colon) {
            con.outln("#Fileset:Level:State:Type:Description");
            for (Stanza s : d.all("fileset_data")) {
                con.outln(String.join(":", s.get("FILESET", ""), s.get("LEVEL", ""), "C", "F", s.get("DESCRIPTION", "")));
            }
            return;
        }
        con.outln("  Fileset                      Level  State  Type  Description (Uninstaller)");
        con.outln("  " + "-".repeat(76));
        for (Stanza s : d.all("fileset_data")) {
            String name = s.get("FILESET", "");
            String rest = Text.right(s.get("LEVEL", ""), 8) + "    C     F    " + s.get("DESCRIPTION", "");
            if (name.length() > 26) {
                con.outln("  " + name);
                con.outln("  " + " ".repeat(26) + rest);
            } else {
                con.outln("  " + Text.left(name, 26) + rest);
            }
        }
    }

    /** -M / -N: the file systems of a kind the image's specification has (none: nothing is printed). */
    private static void mounts(Transaction c, BackupDevice dev, String spec, String vfs, boolean colon) {
        Wpar w;
        try {
            w = WparCodec.parse(spec, true);
        } catch (WparCodec.BadWpar e) {
            throw AixException.of("bk.badspec", c.prog, dev.given, e.line, e.getMessage());
        }
        Console con = c.con;
        List<Wpar.Mount> list = new ArrayList<>();
        for (Wpar.Mount m : w.mounts) {
            boolean ro = ("," + m.mountopts + ",").contains(",ro,");
            if (m.vfs.equals(vfs) && (vfs.equals("nfs") || !ro && m.dev.startsWith("/") && !m.dev.equals("/proc"))) {
                list.add(m);
            }
        }
        if (list.isEmpty()) {
            return;
        }
        if (colon) {
            con.outln("#mount_point:vfs:device:host:options");
        } else {
            con.outln(String.format("%-24s%-8s%-24s%-16s%s", "Mount_Point", "Vfs", "Device", "Host", "Options"));
        }
        for (Wpar.Mount m : list) {
            String[] f = {w.globalPath(m.directory), m.vfs, m.dev, m.host, m.mountopts};
            con.outln(colon ? String.join(":", f) : String.format("%-24s%-8s%-24s%-16s%s", (Object[]) f));
        }
    }
}
