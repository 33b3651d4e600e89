package smittywpar.wpar;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import smittywpar.host.AixPath;
import smittywpar.host.FileNode;
import smittywpar.host.FsException;
import smittywpar.host.Host;
import smittywpar.msg.AixException;
import smittywpar.msg.Messages;

/**
 * mkcd / mkdvd {@code -W} and {@code -w}: a workload partition's backup on a CD or DVD. The
 * savewpar image is made (by {@link Backup#save}, whose output is mkcd's) in the image directory
 * ({@code -M}, default {@code /mkcd/mksysb_image}), copied into the CD file structure ({@code -C},
 * default {@code /mkcd/cd_fs}) as {@code usr/sys/inst.images/savewpar_image}, and the final disc
 * image made in {@code -I} (default {@code /mkcd/cd_images}) as {@code cd_image_PID}; unless
 * {@code -S} it is written to the optical drive, whose medium ({@code media/cd0} of the state
 * directory) then holds it, so that {@code restwpar -f /dev/cd0} restores from it. This
 * simulation writes no ISO 9660 or UDF file system: the disc image is the savewpar image itself
 * (docs/backup-image.md). The directories mkcd makes are removed at the end with what is in them;
 * the final image stays with {@code -R} or {@code -S}. All in one transaction: a failure leaves
 * the host as it was.
 */
public final class OpticalBackup {
    static final String IMAGE_DIR = "/mkcd/mksysb_image";
    static final String FS_DIR = "/mkcd/cd_fs";
    static final String IMAGES_DIR = "/mkcd/cd_images";
    /** Where the image is in the CD file structure. */
    static final String ON_DISC = "/usr/sys/inst.images/savewpar_image";

    private OpticalBackup() {
    }

    /**
     * What mkcd was asked for.
     *
     * @param device the writer ({@code /dev/cd0} or {@code cd0}), or null
     * @param wpar the WPAR to back up (-W), or null when {@code image} is given (-w)
     * @param image an existing savewpar image (-w), or null
     * @param imageDir -M, fsDir -C, imagesDir -I, vg -V: null when not given
     * @param prepareOnly -S: the images are made, nothing is written to a disc
     * @param keep -R: the final images stay after the disc is written
     * @param imageData -i and spec -f: files to put in the backup instead of generated ones, or null
     */
    public record Options(String device, String wpar, String image, String imageDir, String fsDir,
            String imagesDir, String vg, boolean prepareOnly, boolean keep, boolean maps, boolean exclude,
            String imageData, String spec, boolean udf) {
    }

    /**
     * The CD or DVD writer {@code dev} names ({@code /dev/cd0} or {@code cd0}), or null: an
     * available optical drive of the global environment that host.cf says writes ({@code writer
     * = "yes"}); a read-only drive, a tape, a drive exported to a WPAR or a missing one is none.
     */
    public static Host.Adapter drive(Host h, String dev) {
        String name = dev.startsWith("/dev/") ? dev.substring(5) : dev;
        Host.Adapter a = name.matches("[a-z]+[0-9]+") ? h.adapter(name) : null;
        return a != null && a.writer && a.devClass.equals("cdrom") && a.wpar == null
                && Host.AVAILABLE.equals(a.status) ? a : null;
    }

    /** The checks made before anything is written: the writer, the volume group. */
    public static Host.Adapter verify(Transaction c, Options o) {
        Host.Adapter drive = null;
        if (o.device() != null && !o.prepareOnly()) {
            drive = drive(c.host(), o.device());
            if (drive == null) {
                throw AixException.of("mkcd.nodevice", c.prog, o.device());
            }
        }
        if (o.vg() != null && c.host().vg(o.vg()) == null) {
            throw AixException.of("mkcd.novg", c.prog, o.vg());
        }
        return drive;
    }

    /** Makes the backup (see the class comment). */
    public static void write(Transaction c, Options o) {
        Host.Adapter drive = verify(c, o);
        Vfs v = Vfs.global(c);
        Console con = c.con;
        List<String> made = new ArrayList<>();
        List<String> parents = new ArrayList<>();
        try {
            String image = o.image();
            if (image == null) {
                String dir = directory(c, v, o.imageDir(), IMAGE_DIR, made, parents);
                image = dir + "/savewpar_image." + c.host().peekPid();
                con.say("mkcd.savewpar");
                boolean own = o.imageData() != null || o.spec() != null;
                if (own) {
                    Backup.makeData(c, o.wpar(), o.maps());
                    copy(v, c, o.imageData(), Backup.dataDir(o.wpar()) + "image.data");
                    copy(v, c, o.spec(), Backup.dataDir(o.wpar()) + "wpar.spec");
                }
                Backup.save(c, o.wpar(), new Backup.SaveOptions(image, BackupImage.DEFAULT_BLOCKS, !own, o.maps(),
                        o.exclude(), false, false, false));
            } else {
                image = AixPath.resolve("/", image);
                FileNode n = v.stat(image);
                if (n == null || n.isDir()) {
                    throw AixException.of("bk.open", c.prog, o.image(),
                            Messages.get((n == null ? FsException.Errno.ENOENT : FsException.Errno.EISDIR).key()));
                }
            }
            con.say("mkcd.populating");
            String fs = directory(c, v, o.fsDir(), FS_DIR, made, parents);
            String onDisc = fs + ON_DISC;
            for (String d : List.of("/usr", "/usr/sys", "/usr/sys/inst.images")) {
                if (v.stat(fs + d) == null) {
                    v.mkdir(fs + d);
                }
            }
            con.say("mkcd.copying");
            copy(v, c, image, onDisc);
            String images = directory(c, v, o.imagesDir(), IMAGES_DIR, made, parents);
            String fin = images + "/cd_image_" + c.host().peekPid();
            con.say(o.udf() ? "mkcd.udf" : "mkcd.rockridge", fin);
            copy(v, c, onDisc, fin);
            if (drive != null) {
                con.say("mkcd.writing", "/dev/" + drive.name);
                c.writeFileStream(BackupDevice.MEDIA_DIR + "/" + drive.name, out -> {
                    try (InputStream in = v.open(fin)) {
                        in.transferTo(out);
                    }
                });
            }
            if (o.fsDir() != null) {
                remove(v, fs + "/usr");
            }
            if (o.image() == null && o.imageDir() == null) {
                v.unlink(image);
            }
            if (!o.keep() && !o.prepareOnly()) {
                v.unlink(fin);
            }
            for (int i = made.size() - 1; i >= 0; i--) {
                String d = made.get(i);
                if (!(d.equals(images) && (o.keep() || o.prepareOnly()))) {
                    con.say("mkcd.removing", d);
                    remove(v, d);
                }
            }
            for (String d : parents) {
                if (v.list(d).isEmpty()) {
                    v.rmdir(d);
                }
            }
        } catch (FsException e) {
            throw AixException.of("mkcd.fs", c.prog, e.getMessage(), Messages.get(e.errno.key()));
        }
    }

    /**
     * The directory {@code given} (which must exist), or the default one, made when missing
     * ("Creating temporary file system") and then removed at the end.
     */
    private static String directory(Transaction c, Vfs v, String given, String fallback, List<String> made,
            List<String> parents) {
        if (given != null) {
            String d = AixPath.resolve("/", given);
            FileNode n = v.stat(d);
            if (n == null || !n.isDir()) {
                throw AixException.of("mkcd.nodir", c.prog, given);
            }
            return d;
        }
        if (v.stat(fallback) == null) {
            c.con.say("mkcd.creating", fallback);
            String parent = AixPath.parent(fallback);
            if (v.stat(parent) == null) {
                v.mkdir(parent);
                parents.add(parent);
            }
            v.mkdir(fallback);
            made.add(fallback);
        }
        return fallback;
    }

    /** Copies file {@code from} to {@code to} (any content and size); {@code from} null: nothing. */
    private static void copy(Vfs v, Transaction c, String from, String to) {
        if (from == null) {
            return;
        }
        String src = AixPath.resolve("/", from);
        if (v.stat(src) == null) {
            throw AixException.of("bk.open", c.prog, from, Messages.get(FsException.Errno.ENOENT.key()));
        }
        v.putStream(to, out -> {
            try (InputStream in = v.open(src)) {
                in.transferTo(out);
            }
        });
    }

    /** Removes {@code p} and everything under it. */
    private static void remove(Vfs v, String p) {
        FileNode n = v.stat(p);
        if (n == null) {
            return;
        }
        if (n.isDir()) {
            for (String name : v.list(p)) {
                remove(v, p + "/" + name);
            }
            v.rmdir(p);
        } else {
            v.unlink(p);
        }
    }
}
