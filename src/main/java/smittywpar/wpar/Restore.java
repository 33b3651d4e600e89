package smittywpar.wpar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import smittywpar.host.AixPath;
import smittywpar.host.FileNode;
import smittywpar.host.FileTree;
import smittywpar.host.FsException;
import smittywpar.msg.AixException;
import smittywpar.msg.Messages;

/**
 * restwpar and restwparfiles: a WPAR re-created from its backup image, or files of an image put
 * back in a directory. Each runs in one transaction and reads the image twice: first whole, to
 * check it (a cut-short, damaged or foreign image is refused before anything is printed or
 * changed), then to restore it member by member, holding only the member at hand in memory.
 */
public final class Restore {
    private Restore() {
    }

    /** What restwpar was asked for; {@code mkFlags} is what -M passes on to mkwpar (or null). */
    public record Options(String device, int blocks, String name, String hostname, String directory,
            boolean autoResolve, boolean auto, String devexports, boolean force, boolean copyNameResolution,
            boolean start, boolean newUuid, String specFile, String imageDataFile, boolean shrink, boolean verbose,
            String mkFlags) {
    }

    /** What a first reading of a whole image found. */
    record Scan(long members, long bytes, String imageData, String spec, List<BackupImage.Member> controls) {
    }

    /** Reads the whole image, checking every member. */
    static Scan scan(Transaction c, BackupDevice dev) {
        long members = 0;
        long bytes = 0;
        String data = null;
        String spec = null;
        List<BackupImage.Member> controls = new ArrayList<>();
        try (BackupImage.Reader rd = new BackupImage.Reader(dev.open(c))) {
            for (BackupImage.Member m; (m = rd.next()) != null;) {
                members++;
                if (m.control()) {
                    byte[] b = rd.data();
                    controls.add(m);
                    if (m.path().equals(BackupImage.IMAGE_DATA)) {
                        data = new String(b, StandardCharsets.UTF_8);
                    } else if (m.path().equals(BackupImage.SPEC)) {
                        spec = new String(b, StandardCharsets.UTF_8);
                    }
                }
                bytes += m.type() == 'f' ? m.size() : 0;
            }
        } catch (BackupImage.BadImage e) {
            throw bad(c, dev, e);
        } catch (IOException e) {
            throw AixException.of("bk.read", c.prog, dev.given, e.getMessage());
        }
        if (data == null || ImageData.parse(data) == null || spec == null) {
            throw AixException.of("bk.foreign", c.prog, dev.given);
        }
        return new Scan(members, bytes, data, spec, controls);
    }

    static AixException bad(Transaction c, BackupDevice dev, BackupImage.BadImage e) {
        return switch (e.kind) {
            case "foreign" -> AixException.of("bk.foreign", c.prog, dev.given);
            case "truncated" -> AixException.of("bk.truncated", c.prog, dev.given);
            default -> AixException.of("bk.damaged", c.prog, dev.given, e.getMessage());
        };
    }

    /** The lines of restore's volume header. */
    static void header(Console con, BackupDevice dev, int blocks, ImageData data) {
        con.say("bk.newvolume", dev.given);
        con.say("bk.cluster", blocks * 512, blocks);
        con.say("bk.volume");
        con.say("bk.date", data.get("image_data", "DATE_TIME"));
        con.say("bk.byname");
        con.say("bk.user");
    }

    static String size13(long n) {
        return String.format("%13d", n);
    }

    // ---- restwpar ----------------------------------------------------------------------------

    /** restwpar; {@code r} holds what -M passed on to mkwpar (parsed by the command). */
    public static void restwpar(Transaction c, Options o, CreateRequest r) {
        String prog = c.prog;
        BackupDevice dev = BackupDevice.of(c, o.device());
        Scan s = scan(c, dev);
        Wpar spec;
        if (o.specFile() != null) {
            spec = SpecFiles.read(c, o.specFile());
        } else {
            try {
                spec = WparCodec.parse(s.spec(), true);
            } catch (WparCodec.BadWpar e) {
                throw AixException.of("bk.badspec", prog, dev.given, e.line, e.getMessage());
            }
        }
        ImageData data = ImageData.parse(s.imageData());
        ImageData sizes = null;
        if (o.imageDataFile() != null) {
            String text;
            try {
                text = Vfs.global(c).read(AixPath.resolve("/", o.imageDataFile()));
            } catch (FsException e) {
                throw AixException.of("mk.image.open", prog, o.imageDataFile());
            }
            sizes = ImageData.parse(text);
            if (sizes == null) {
                throw AixException.of("mk.image.bad", prog, o.imageDataFile(), Messages.get("mk.image.nofs"));
            }
        }
        String name = o.name() != null ? o.name() : spec.name;
        if (name == null || name.isEmpty()) {
            throw AixException.of("bk.badspec", prog, dev.given, 1, Messages.get("bk.why.noname"));
        }
        Names.check(prog, name);
        boolean clone = !name.equals(spec.name);
        r.put(Attribute.NAME, name);
        if (o.hostname() != null) {
            r.put(Attribute.HOSTNAME, o.hostname());
        } else if (clone && r.get(Attribute.HOSTNAME) == null && spec.name != null && spec.name.equals(spec.hostname)) {
            r.put(Attribute.HOSTNAME, name);
        }
        if (o.directory() != null) {
            r.put(Attribute.DIRECTORY, o.directory());
        }
        if (o.auto()) {
            r.put(Attribute.AUTO, "yes");
        }
        if (o.devexports() != null) {
            r.put(Attribute.DEVEXPORTS, o.devexports());
        }
        r.autoResolve |= o.autoResolve();
        r.copyNameResolution |= o.copyNameResolution();
        if (!clone && !o.newUuid() && !spec.uuid.isEmpty() && r.get(Attribute.UUID) == null) {
            r.put(Attribute.UUID, spec.uuid);
        }
        if (o.shrink()) {
            r.imageOptions.put("shrink", "yes");
        }
        SpecFiles.apply(spec, r);
        if (sizes != null) {
            applySizes(sizes, r);
        }
        r.fromBackup = true;
        if (!clone) {
            String base = data.get("image_data", "WPAR_DIRECTORY");
            for (var lv : data.all("lv_data")) {
                String mp = lv.get("MOUNT_POINT", "");
                String dir = mp.equals(base) ? "/" : mp.startsWith(base + "/") ? mp.substring(base.length()) : null;
                if (dir != null) {
                    r.lvNames.put(dir, lv.get("LOGICAL_VOLUME", ""));
                }
            }
        }
        if (c.exists(name)) {
            if (!o.force()) {
                throw AixException.of("rest.exists", prog, name);
            }
            Lifecycle.remove(c, name, true, true, false, false);
        }
        Console con = c.con;
        header(con, dev, o.blocks(), data);
        long ctl = 0;
        for (BackupImage.Member m : s.controls()) {
            con.say("bk.x", size13(m.size()), m.shown());
            ctl += m.size();
        }
        con.say("bk.total", ctl);
        con.say("bk.restored", s.controls().size());
        Wpar w = Creation.create(c, r);
        long[] n = files(c, w, dev, o.verbose());
        if (o.verbose()) {
            con.say("bk.total", n[1]);
            con.say("bk.restored", n[0]);
        }
        con.say("mk.created", name);
        if (o.start()) {
            Lifecycle.start(c, name, false, false, false);
        } else {
            con.say("mk.hint390", "mkwpar", name);
        }
    }

    /** -i: the sizes of an image.data's fs_data stanzas for the file systems of the same mount points. */
    private static void applySizes(ImageData d, CreateRequest r) {
        String base = d.get("image_data", "WPAR_DIRECTORY");
        for (var s : d.all("fs_data")) {
            String fs = s.get("FS_NAME", "");
            String dir = fs.equals(base) ? "/" : fs.startsWith(base + "/") ? fs.substring(base.length()) : null;
            long size = ImageData.number(s, "FS_SIZE");
            if (dir == null || size == 0) {
                continue;
            }
            for (var words : r.mounts) {
                if (dir.equals(words.get(Attribute.MOUNT_DIRECTORY.key))) {
                    words.put(Attribute.SIZE.key, String.valueOf(size));
                }
            }
        }
    }

    /**
     * Puts every file of the image into the new WPAR {@code w} (through its file systems as if
     * mounted); what the shipped tree holds and the image does not is removed. Returns {files, bytes}.
     */
    private static long[] files(Transaction c, Wpar w, BackupDevice dev, boolean verbose) {
        Vfs view = Vfs.mountedView(c, w);
        FileTree own = Inside.of(c, w);
        Set<String> seen = new HashSet<>();
        long[] n = new long[2];
        try (BackupImage.Reader rd = new BackupImage.Reader(dev.open(c))) {
            for (BackupImage.Member m; (m = rd.next()) != null;) {
                if (m.control()) {
                    continue;
                }
                String p = m.wparPath();
                Vfs.Loc l = view.locate(p);
                if (l.empty() || l.readOnly()) {
                    continue;
                }
                if (l.tree() == own && own.shipped(l.path())) {
                    seen.add(l.path());
                }
                put(l.tree(), l.path(), m, rd);
                n[0]++;
                n[1] += m.type() == 'f' ? m.size() : 0;
                if (verbose) {
                    c.con.say("bk.x", size13(m.size()), m.shown());
                }
            }
        } catch (BackupImage.BadImage e) {
            throw bad(c, dev, e);
        } catch (IOException e) {
            throw AixException.of("bk.read", c.prog, dev.given, e.getMessage());
        }
        String removed = null;
        for (String sp : own.shippedPaths()) {
            if (seen.contains(sp) || removed != null && AixPath.under(sp, removed)) {
                continue;
            }
            Vfs.Loc l = view.locate(sp);
            if (l.tree() == own && !l.readOnly() && own.stat(sp) != null && !sp.equals(l.mount())) {
                own.remove(sp);
                removed = sp;
            }
        }
        return n;
    }

    /** Puts one member at {@code p} of tree {@code t}, unless what is there is the same. */
    static void put(FileTree t, String p, BackupImage.Member m, BackupImage.Reader rd)
            throws BackupImage.BadImage, IOException {
        FileNode cur = t.stat(p);
        FileTree.Meta meta = new FileTree.Meta(m.owner(), m.group(), m.mode(), m.mtime());
        boolean sameMeta = cur != null && cur.mode() == m.mode() && cur.owner().equals(m.owner())
                && cur.group().equals(m.group()) && cur.mtime() == m.mtime();
        switch (m.type()) {
            case 'd' -> {
                if (cur != null && !cur.isDir()) {
                    t.remove(p);
                    cur = null;
                }
                if (!p.equals("/") && (cur == null || !sameMeta)) {
                    t.mkdir(p, meta);
                }
            }
            case 'x' -> {
                if (cur != null && cur.kind() == FileNode.Kind.PROGRAM && sameMeta && m.command().equals(cur.command())) {
                    return;
                }
                if (cur != null && cur.isDir()) {
                    t.remove(p);
                }
                t.program(p, m.command(), m.size(), meta);
            }
            case 'c' -> {
                // devices are the system's own: a WPAR has those it is made with
            }
            default -> {
                if (m.size() > BackupImage.MAX_IN_MEMORY) {
                    if (cur != null && cur.isDir()) {
                        t.remove(p);
                    }
                    rd.stream(in -> t.writeStream(p, out -> in.transferTo(out), meta));
                    return;
                }
                byte[] b = rd.data();
                if (cur != null && cur.kind() == FileNode.Kind.FILE && sameMeta && cur.size() == b.length
                        && Arrays.equals(bytes(t, p), b)) {
                    return;
                }
                if (cur != null && cur.isDir()) {
                    t.remove(p);
                }
                String text = text(b);
                if (text != null) {
                    t.write(p, text, meta);
                } else {
                    t.writeStream(p, out -> out.write(b), meta);
                }
            }
        }
    }

    private static byte[] bytes(FileTree t, String p) throws IOException {
        try (InputStream in = t.open(p)) {
            return in == null ? new byte[0] : in.readAllBytes();
        }
    }

    /** The bytes as text when they are text a WPAR's files may hold, else null (kept as bytes). */
    static String text(byte[] b) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            Vfs.checkText("/", s);
            return s;
        } catch (CharacterCodingException | FsException e) {
            return null;
        }
    }

    // ---- restwparfiles -----------------------------------------------------------------------

    /** What restwparfiles was asked for. */
    public record FilesOptions(String device, int blocks, String directory, boolean controlOnly,
            List<String> names) {
    }

    public static void restwparfiles(Transaction c, FilesOptions o) {
        String prog = c.prog;
        if (o.directory() == null || AixPath.resolve("/", o.directory()).equals("/")) {
            throw AixException.of("rf.root", prog);
        }
        String dir = AixPath.resolve("/", o.directory());
        Vfs v = Vfs.global(c);
        FileNode d = v.stat(dir);
        if (d == null || !d.isDir()) {
            throw AixException.of("rf.nodir", prog, o.directory());
        }
        BackupDevice dev = BackupDevice.of(c, o.device());
        Scan s = scan(c, dev);
        List<Pattern> wanted = new ArrayList<>();
        for (String name : o.names()) {
            wanted.add(pattern(name));
        }
        boolean[] found = new boolean[wanted.size()];
        try (BackupImage.Reader rd = new BackupImage.Reader(dev.open(c))) {
            for (BackupImage.Member m; (m = rd.next()) != null;) {
                selected(m, o, wanted, found);
            }
        } catch (BackupImage.BadImage e) {
            throw bad(c, dev, e);
        } catch (IOException e) {
            throw AixException.of("bk.read", prog, dev.given, e.getMessage());
        }
        for (int i = 0; i < found.length; i++) {
            if (!found[i]) {
                throw AixException.of("rf.notfound", prog, o.names().get(i), dev.given);
            }
        }
        Console con = c.con;
        header(con, dev, o.blocks(), ImageData.parse(s.imageData()));
        long files = 0;
        long bytes = 0;
        try (BackupImage.Reader rd = new BackupImage.Reader(dev.open(c))) {
            for (BackupImage.Member m; (m = rd.next()) != null;) {
                if (!selected(m, o, wanted, found)) {
                    continue;
                }
                String target = AixPath.join(dir, m.wparPath());
                makeParents(c, v, target);
                FileNode n = v.stat(target);
                try {
                    if (n == null || !n.isDir() || !m.dir()) {
                        v.checkWritable(target, n);
                    }
                } catch (FsException e) {
                    throw AixException.of("rf.cantwrite", prog, target, Messages.get(e.errno.key()));
                }
                Vfs.Loc l = v.locate(target);
                put(l.tree(), l.path(), m, rd);
                con.say("bk.x", size13(m.size()), m.shown());
                files++;
                bytes += m.type() == 'f' ? m.size() : 0;
            }
        } catch (BackupImage.BadImage e) {
            throw bad(c, dev, e);
        } catch (IOException e) {
            throw AixException.of("bk.read", prog, dev.given, e.getMessage());
        }
        con.say("bk.total", bytes);
        con.say("bk.restored", files);
    }

    private static void makeParents(Transaction c, Vfs v, String target) {
        List<String> missing = new ArrayList<>();
        for (String a = AixPath.parent(target); v.stat(a) == null; a = AixPath.parent(a)) {
            missing.add(0, a);
        }
        try {
            for (String m : missing) {
                v.mkdir(m);
            }
        } catch (FsException e) {
            throw AixException.of("rf.cantwrite", c.prog, e.path, Messages.get(e.errno.key()));
        }
    }

    private static boolean selected(BackupImage.Member m, FilesOptions o, List<Pattern> wanted, boolean[] found) {
        if (o.controlOnly()) {
            return m.control();
        }
        if (m.control() || m.path().equals("./")) {
            return false;
        }
        if (wanted.isEmpty()) {
            return true;
        }
        boolean any = false;
        String path = m.dir() ? m.path().substring(0, m.path().length() - (m.path().endsWith("/") ? 1 : 0)) : m.path();
        for (int i = 0; i < wanted.size(); i++) {
            if (wanted.get(i).matcher(path).matches()) {
                found[i] = true;
                any = true;
            }
        }
        return any;
    }

    /**
     * A name of the file list as a pattern of member names: {@code ./etc/hosts}, {@code etc/hosts}
     * and {@code /etc/hosts} name the same member; {@code *} and {@code ?} are shell patterns; a
     * directory brings what is below it.
     */
    static Pattern pattern(String name) {
        String n = name;
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        while (n.endsWith("/") && n.length() > 1) {
            n = n.substring(0, n.length() - 1);
        }
        StringBuilder re = new StringBuilder("\\./");
        for (char ch : n.toCharArray()) {
            switch (ch) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re + "(?:/.*)?");
    }

    // ---- verify ------------------------------------------------------------------------------

    /** Reads the whole image back and checks it (savewpar -V, lssavewpar -V, restwparfiles -V). */
    static Scan verify(Transaction c, BackupDevice dev) {
        return scan(c, dev);
    }
}
