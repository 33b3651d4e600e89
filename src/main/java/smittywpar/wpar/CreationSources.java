package smittywpar.wpar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import smittywpar.host.Host;
import smittywpar.msg.AixException;
import smittywpar.msg.Messages;
import smittywpar.store.Stanza;
import smittywpar.store.StanzaFile;

/**
 * Where the content of a new system WPAR comes from besides mkwpar's defaults: a backup image
 * (-B), the AIX 5.2/5.3 image of a versioned WPAR (-C, -E), the global system itself (-t, -T: a
 * system copy), an image.data file and the sizing options of -L, and the post-installation
 * customization scripts of -k. The simulated host keeps no backup images and has no versioned
 * WPAR software, so -B and -C answer as AIX does when the image or the fileset is missing.
 */
public final class CreationSources {
    /** The attributes of mkwpar -L [V: IBM's pages on image.data and on versioned WPARs]. */
    public static final List<String> IMAGE_OPTIONS = List.of("image_data", "shrink", "ignore_maps", "ignore_lvs");
    /** The fileset the versioned WPAR support is in [R]. */
    static final String VWPAR_FILESET = "vwpar.sysmgt";

    private CreationSources() {
    }

    /**
     * Checks what the new WPAR is made from, before anything else: the versioned WPAR software
     * and image, the backup image, the -L options, the customization scripts.
     */
    static void check(Transaction c, CreateRequest r) {
        String prog = c.prog;
        if (r.versioned) {
            if (r.backup == null) {
                throw AixException.of("mk.vneedsimage", prog);
            }
            if (c.host().fileset(VWPAR_FILESET) == null) {
                throw AixException.of("mk.vwparsw", prog, VWPAR_FILESET);
            }
        }
        if (r.backup != null) {
            String text = c.readFile(SpecFiles.storePath(prog, r.backup));
            throw AixException.of(text == null ? "mk.backup.open" : "mk.backup.notimage", prog, r.backup);
        }
        for (Map.Entry<String, String> e : r.imageOptions.entrySet()) {
            if (!e.getKey().equals("image_data") && !ValueType.YESNO.valid(e.getValue())) {
                throw AixException.of("attr.badvalue", prog, e.getKey(), Names.printable(e.getValue()));
            }
        }
        for (Map.Entry<String, String> e : r.copyControls.entrySet()) {
            Attrs.choice(prog, Attribute.of(Attribute.Section.COPY_CONTROLS, e.getKey()), e.getValue());
        }
        for (String s : r.scripts) {
            if (!s.startsWith("/")) {
                throw AixException.of("path.relative", prog, Names.printable(s));
            }
            if (c.readFile(SpecFiles.storePath(prog, s)) == null) {
                throw AixException.of("mk.script.missing", prog, s);
            }
        }
    }

    /**
     * The file systems an image.data file (-L image_data=FILE) describes, as -M words
     * (directory= and size= in 512-byte blocks, from the FS_NAME and FS_SIZE of each fs_data
     * stanza); none without the option or with image_data=none.
     */
    static List<Map<String, String>> imageData(Transaction c, CreateRequest r) {
        String prog = c.prog;
        String path = r.imageOptions.get("image_data");
        List<Map<String, String>> out = new ArrayList<>();
        if (path == null || path.equals("none")) {
            return out;
        }
        String text = c.readFile(SpecFiles.storePath(prog, path));
        if (text == null) {
            throw AixException.of("mk.image.open", prog, path);
        }
        List<Stanza> stanzas;
        try {
            stanzas = StanzaFile.parse(text);
        } catch (StanzaFile.SyntaxException e) {
            throw AixException.of("mk.image.bad", prog, path, Messages.get("mk.image.line", e.line(), e.getMessage()));
        }
        for (Stanza s : stanzas) {
            if (!s.name().equals("fs_data")) {
                continue;
            }
            String dir = s.get("FS_NAME", "");
            String size = s.get("FS_SIZE", "");
            if (!dir.startsWith("/") || !ValueType.digits(size, 12) || Long.parseLong(size) == 0) {
                throw AixException.of("mk.image.bad", prog, path, Messages.get("mk.image.fsdata", s.line()));
            }
            Map<String, String> words = new LinkedHashMap<>();
            words.put(Attribute.MOUNT_DIRECTORY.key, dir);
            words.put(Attribute.SIZE.key, size);
            out.add(words);
        }
        if (out.isEmpty()) {
            throw AixException.of("mk.image.bad", prog, path, Messages.get("mk.image.nofs"));
        }
        return out;
    }

    /**
     * Sizes the new local file systems: a system copy (-t) holds what the global file system of
     * the same mount point holds (its usage, with a quarter more room, at least the default size;
     * with -T preserve_wpars=yes its / also holds the other WPARs' file systems); -L shrink=yes
     * makes each as small as its content.
     */
    static void size(Transaction c, CreateRequest r, List<Wpar.Mount> mounts) {
        Host host = c.host();
        long others = 0;
        if (r.systemCopy && "yes".equals(r.copyControls.get(Attribute.PRESERVE_WPARS.key))) {
            for (Wpar o : c.all()) {
                for (Wpar.Mount m : o.mounts) {
                    others += m.hasLv() ? m.usedMb : 0;
                }
            }
        }
        for (Wpar.Mount m : mounts) {
            if (!m.hasLv()) {
                continue;
            }
            Host.FileSystem g = r.systemCopy ? global(host, m.directory) : null;
            if (g != null) {
                int used = (int) Math.min(Integer.MAX_VALUE / 2, g.sizeMb - g.freeMb + (m.directory.equals("/") ? others : 0));
                m.usedMb = Math.max(1, used);
                m.iused = g.iused;
                m.ipct = g.ipct;
                m.sizeMb = Math.max(m.sizeMb, m.usedMb + (m.usedMb + 3) / 4);
            }
            if ("yes".equals(r.imageOptions.get("shrink"))) {
                m.sizeMb = Math.max(1, m.usedMb);
            }
        }
    }

    private static Host.FileSystem global(Host host, String mount) {
        for (Host.FileSystem f : host.filesystems) {
            if (f.mount.equals(mount)) {
                return f;
            }
        }
        return null;
    }

    /** Gives the new WPAR the copy controls it was made with (kept for its specification). */
    static void copyControls(CreateRequest r, Wpar w) {
        for (Map.Entry<String, String> e : r.copyControls.entrySet()) {
            w.set(Attribute.of(Attribute.Section.COPY_CONTROLS, e.getKey()), e.getValue());
        }
    }

    /** After the creation: the customization scripts, which the simulated WPAR cannot run. */
    static void scripts(Console con, String prog, CreateRequest r) {
        for (String s : r.scripts) {
            con.warn("mk.script.notrun", prog, s);
        }
    }
}
