package smittywpar.wpar;

import java.io.InputStream;

import smittywpar.host.AixPath;
import smittywpar.host.FsException;
import smittywpar.host.Host;
import smittywpar.host.HostFiles;
import smittywpar.msg.AixException;
import smittywpar.msg.Messages;
import smittywpar.store.StateStore;

/**
 * Where a backup image is written or read: a tape drive of the host ({@code /dev/rmt0}, also
 * {@code /dev/rmt0.1} ... its no-rewind names), an optical drive ({@code /dev/cd0}: read here;
 * only mkcd and mkdvd write a disc, and only in a drive host.cf marks a writer), or a file of the host's file tree. What the medium of a drive holds is the file
 * {@code media/NAME} of the state directory: one image, which the next backup to a tape replaces.
 */
public final class BackupDevice {
    /** The state directory's files of the media in the drives. */
    public static final String MEDIA_DIR = "media";
    public static final String DEFAULT = "/dev/rmt0";

    /** As given on the command line. */
    public final String given;
    /** The drive (an adapter of class tape or cdrom), or null for a file. */
    public final Host.Adapter drive;
    /** The file's path in the host's file tree (null for a drive). */
    private final String path;

    private BackupDevice(String given, Host.Adapter drive, String path) {
        this.given = given;
        this.drive = drive;
        this.path = path;
    }

    /** The device or file named {@code given} (null: the default tape); refused when there is no such drive. */
    public static BackupDevice of(Transaction c, String given) {
        String g = given == null ? DEFAULT : given;
        if (g.startsWith("/dev/")) {
            String name = g.substring(5);
            int dot = name.indexOf('.');
            String base = dot > 0 && name.startsWith("rmt") && name.substring(dot + 1).matches("[1-7]")
                    ? name.substring(0, dot) : name;
            Host.Adapter m = base.matches("[a-z]+[0-9]+") ? c.host().adapter(base) : null;
            if (m == null || !m.devClass.equals("tape") && !m.devClass.equals("cdrom")) {
                throw AixException.of("bk.open", c.prog, g, Messages.get("bk.why.nodevice"));
            }
            return new BackupDevice(g, m, null);
        }
        if (HostFiles.rel(g) == null) {
            throw AixException.of("bk.open", c.prog, g, Messages.get("aix.errno.ENOENT"));
        }
        return new BackupDevice(g, null, AixPath.resolve("/", g));
    }

    public boolean tape() {
        return drive != null && drive.devClass.equals("tape");
    }

    private String mediaRel() {
        return MEDIA_DIR + "/" + drive.name;
    }

    /** Opens the image for reading; refused (naming the device) when there is none. */
    public InputStream open(Transaction c) {
        if (drive != null) {
            InputStream in = c.openFile(mediaRel());
            if (in == null) {
                throw AixException.of("bk.open", c.prog, given, Messages.get("bk.why.nomedia"));
            }
            return in;
        }
        try {
            InputStream in = Vfs.global(c).open(path);
            if (in == null) {
                throw new FsException(FsException.Errno.EINVAL, path);
            }
            return in;
        } catch (FsException e) {
            throw AixException.of("bk.open", c.prog, given, Messages.get(e.errno.key()));
        }
    }

    /** Checks, before anything is written, that an image can be written here. */
    public void checkWritable(Transaction c) {
        if (drive != null) {
            if (!tape()) {
                throw AixException.of("bk.open", c.prog, given,
                        Messages.get(drive.writer ? "bk.why.optical" : "bk.why.readonly"));
            }
            return;
        }
        Vfs v = Vfs.global(c);
        try {
            smittywpar.host.FileNode n = v.stat(path);
            if (n != null && n.isDir()) {
                throw new FsException(FsException.Errno.EISDIR, path);
            }
            v.checkWritable(path, n);
        } catch (FsException e) {
            throw AixException.of("bk.open", c.prog, given, Messages.get(e.errno.key()));
        }
    }

    /** Writes the image (a tape keeps only this one); returns its size in bytes. */
    public long write(Transaction c, StateStore.StreamWriter writer) {
        checkWritable(c);
        if (drive != null) {
            return c.writeFileStream(mediaRel(), writer);
        }
        try {
            return Vfs.global(c).putStream(path, writer);
        } catch (FsException e) {
            throw AixException.of("bk.write", c.prog, given, Messages.get(e.errno.key()));
        }
    }
}
