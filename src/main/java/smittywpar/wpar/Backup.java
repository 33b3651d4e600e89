package smittywpar.wpar;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import smittywpar.host.AixPath;
import smittywpar.host.FileNode;
import smittywpar.host.FsException;
import smittywpar.msg.AixException;
import smittywpar.msg.Messages;

/**
 * mkwpardata and savewpar: the information files of a WPAR in {@code /tmp/wpardata/NAME/}, and
 * its backup image (see {@link BackupImage}) on a tape or in a file. The files are walked twice,
 * once to count them and once to write them, so that nothing but the member being written is
 * held in memory; savewpar prints its progress as it goes.
 */
public final class Backup {
    /** Where mkwpardata writes (AIX's own place). */
    static final String DATA_DIR = "/tmp/wpardata/";
    /** A progress line each this many files (and one at the end). */
    static final int PROGRESS_EVERY = 1000;

    private Backup() {
    }

    /** What savewpar was asked for. */
    public record SaveOptions(String device, int blocks, boolean newData, boolean maps, boolean exclude,
            boolean skipNamefs, boolean verbose, boolean verify) {
    }

    static String dataDir(String name) {
        return DATA_DIR + name + "/";
    }

    /** mkwpardata: writes image.data and wpar.spec (and with {@code maps}, the LV map files). */
    public static void makeData(Transaction c, String name, boolean maps) {
        Wpar w = systemWpar(c, name);
        writeData(c, w, maps);
    }

    private static void writeData(Transaction c, Wpar w, boolean maps) {
        String dir = dataDir(w.name);
        if (maps) {
            for (Wpar.Mount m : w.mounts) {
                if (m.hasLv() && m.dev.startsWith("/dev/")) {
                    put(c, dir + m.dev.substring(5) + ".map", mapText(c, w, m));
                }
            }
        }
        put(c, dir + "image.data", ImageData.text(c, w, maps ? dir : null));
        put(c, dir + "wpar.spec", WparCodec.format(w, true));
    }

    /** The logical-to-physical map of a WPAR logical volume: one {@code disk:PP} line per partition. */
    private static String mapText(Transaction c, Wpar w, Wpar.Mount m) {
        String vg = m.vg.isEmpty() ? w.vg : m.vg;
        String disk = "hdisk0";
        for (smittywpar.host.Host.Disk d : c.host().disks) {
            if (vg.equals(d.vg)) {
                disk = d.name;
                break;
            }
        }
        smittywpar.host.Host.VolumeGroup v = c.host().vg(vg);
        int pps = v == null ? 1 : LogicalVolumes.pps(v, m.sizeMb);
        int first = 1 + Math.max(0, smittywpar.host.Host.fslvNumber(m.dev.substring(5))) * 8;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pps; i++) {
            sb.append(disk).append(':').append(first + i).append('\n');
        }
        return sb.toString();
    }

    private static void put(Transaction c, String path, String text) {
        try {
            Vfs.global(c).put(path, text);
        } catch (FsException e) {
            throw AixException.of("bk.cantdata", c.prog, path, Messages.get(e.errno.key()));
        }
    }

    /** A system WPAR that can be backed up: Defined or Active. */
    private static Wpar systemWpar(Transaction c, String name) {
        Wpar w = c.wpar(name);
        if (w.type != 'S') {
            throw AixException.of("save.app", c.prog, name);
        }
        if (w.state != State.DEFINED && w.state != State.ACTIVE) {
            throw AixException.of("save.state", c.prog, name, w.state.word);
        }
        return w;
    }

    /** savewpar: backs up WPAR {@code name}. */
    public static void save(Transaction c, String name, SaveOptions o) {
        Wpar w = systemWpar(c, name);
        BackupDevice dev = BackupDevice.of(c, o.device());
        dev.checkWritable(c);
        Pattern exclude = o.exclude() ? excludePattern(c, name) : null;
        Console con = c.con;
        Vfs global = Vfs.global(c);
        String dir = dataDir(name);
        boolean have = global.stat(dir + "image.data") != null && global.stat(dir + "wpar.spec") != null;
        con.outln("");
        if (o.newData() || o.maps() || !have) {
            con.say("save.info", name);
            con.outln("");
            writeData(c, w, o.maps());
        }
        List<String[]> controls = new ArrayList<>();
        controls.add(new String[] {BackupImage.IMAGE_DATA, global.read(dir + "image.data")});
        ImageData data = ImageData.parse(controls.get(0)[1]);
        if (data != null) {
            for (var s : data.all("lv_data")) {
                String map = s.get("MAPFILE", "");
                if (map.startsWith(dir) && global.stat(map) != null) {
                    controls.add(new String[] {BackupImage.CONTROL_DIR + map.substring(dir.length()), global.read(map)});
                }
            }
        }
        controls.add(new String[] {BackupImage.SPEC, global.read(dir + "wpar.spec")});
        con.say("save.list");
        con.outln("");
        Vfs view = Vfs.mountedView(c, w);
        long[] count = {controls.size()};
        walk(view, "/", exclude, o.skipNamefs(), (p, n) -> count[0]++);
        long total = count[0];
        con.say("save.backing", total);
        con.outln("");
        flush(con);
        long now = c.epochNow();
        long[] done = {0};
        dev.write(c, out -> {
            BackupImage.Writer wr = new BackupImage.Writer(out, o.blocks(), total);
            for (String[] ctl : controls) {
                byte[] b = ctl[1].getBytes(StandardCharsets.UTF_8);
                wr.file(new BackupImage.Member(ctl[0], 'f', 0644, "root", "system", now, b.length, null), b);
                progress(con, o.verbose(), ctl[0], b.length, ++done[0], total);
            }
            IOException[] failed = new IOException[1];
            walk(view, "/", exclude, o.skipNamefs(), (p, n) -> {
                if (failed[0] != null) {
                    return;
                }
                try {
                    long size = write(wr, view, p, n);
                    progress(con, o.verbose(), member(p), size, ++done[0], total);
                } catch (IOException e) {
                    failed[0] = e;
                }
            });
            if (failed[0] != null) {
                throw failed[0];
            }
            wr.finish();
        });
        if (o.verify()) {
            Restore.verify(c, dev);
        }
        if (done[0] % PROGRESS_EVERY != 0 || o.verbose()) {
            con.say("save.progress", done[0], total, percent(done[0], total));
        }
        con.say("save.done", c.prog);
    }

    private static void flush(Console con) {
        con.out().flush();
    }

    private static void progress(Console con, boolean verbose, String path, long size, long done, long total) {
        PrintStream out = con.out();
        if (verbose) {
            out.println(Messages.get("save.added", String.format("%13d", size), path));
        }
        if (!verbose && done % PROGRESS_EVERY == 0) {
            out.println(Messages.get("save.progress", done, total, percent(done, total)));
        }
        out.flush();
    }

    private static long percent(long done, long total) {
        return total == 0 ? 100 : done * 100 / total;
    }

    /** The member name of a WPAR path: {@code ./etc/hosts}, {@code ./} for {@code /}. */
    static String member(String p) {
        return p.equals("/") ? "./" : "." + p;
    }

    /** Writes one file of the WPAR to the image; returns the size listed. */
    private static long write(BackupImage.Writer wr, Vfs view, String p, FileNode n) throws IOException {
        BackupImage.Member m = new BackupImage.Member(member(p), 'f', n.mode(), n.owner(), n.group(), n.mtime(),
                n.size(), n.command());
        switch (n.kind()) {
            case DIR -> {
                wr.dir(m);
                return 0;
            }
            case PROGRAM -> {
                wr.program(m);
                return n.size();
            }
            case DEVICE -> {
                wr.device(m);
                return 0;
            }
            default -> {
                Vfs.Loc l = view.locate(p);
                if (n.size() <= BackupImage.MAX_IN_MEMORY) {
                    byte[] b;
                    try (InputStream in = l.tree().open(l.path())) {
                        b = in == null ? new byte[0] : in.readAllBytes();
                    }
                    wr.file(m, b);
                    return b.length;
                }
                wr.file(m, () -> l.tree().open(l.path()));
                return n.size();
            }
        }
    }

    /** What the walk calls for each path backed up. */
    @FunctionalInterface
    interface Visit {
        void at(String path, FileNode node);
    }

    /**
     * Visits what a backup of the WPAR holds, parents before children, names sorted: its local
     * file systems, and the writable namefs ones unless {@code skipNamefs} (-B); never what is
     * mounted read-only from the global environment (the shared /usr and /opt), nor a mount with
     * no files (/proc). A path whose member name {@code exclude} finds is left out.
     */
    static void walk(Vfs view, String p, Pattern exclude, boolean skipNamefs, Visit visit) {
        FileNode n = view.stat(p);
        if (n == null) {
            return;
        }
        if (exclude == null || !exclude.matcher(member(p)).find()) {
            visit.at(p, n);
        }
        if (!n.isDir()) {
            return;
        }
        Vfs.Loc l = view.locate(p);
        if (l.empty() || l.readOnly()) {
            return;
        }
        if (l.wparMount() != null && !l.wparMount().hasLv() && (skipNamefs || !l.wparMount().vfs.equals("namefs"))) {
            return;
        }
        for (String name : view.list(p)) {
            walk(view, AixPath.child(p, name), exclude, skipNamefs, visit);
        }
    }

    /** The patterns of {@code /etc/exclude.NAME} as one expression (grep's: any of the lines). */
    private static Pattern excludePattern(Transaction c, String name) {
        String file = "/etc/exclude." + name;
        String text;
        try {
            text = Vfs.global(c).read(file);
        } catch (FsException e) {
            throw AixException.of("save.noexclude", c.prog, file);
        }
        List<String> parts = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                try {
                    Pattern.compile(line);
                } catch (PatternSyntaxException e) {
                    throw AixException.of("save.badexclude", c.prog, file, line);
                }
                parts.add("(?:" + line + ")");
            }
        }
        return parts.isEmpty() ? null : Pattern.compile(String.join("|", parts));
    }
}
