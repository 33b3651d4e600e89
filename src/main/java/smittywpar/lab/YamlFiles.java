package smittywpar.lab;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

import smittywpar.base.Bundled;
import smittywpar.msg.Messages;
import smittywpar.store.Errno;
import smittywpar.yaml.StrictYaml;

/**
 * The lab's YAML files of one kind (scenarios, exercises): the ones shipped with the program (the
 * project's {@code scenarios/} and {@code exercises/} folders, packaged in the jar) and those of a
 * folder named on the command line. A name is a file name without {@code .yaml} (no slash: a name
 * never leads out of its folder). Files are read with a size limit, never through a FIFO or device.
 */
final class YamlFiles {
    static final int MAX_BYTES = 256 * 1024;
    static final int MAX_ALIASES = 20;
    static final int MAX_DEPTH = 20;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");

    /** One file: its name, how errors show where it is, and its bytes (at most the limit + 1). */
    record Source(String name, String label, byte[] bytes) {
    }

    private final String kind;
    private final Path extra;

    /** @param kind "scenarios" or "exercises"; @param extra a folder of more files, or null */
    YamlFiles(String kind, Path extra) {
        this.kind = kind;
        this.extra = extra;
    }

    static boolean validName(String name) {
        return NAME.matcher(name).matches() && !name.endsWith(".yaml");
    }

    /** Every name, the extra folder's first (a shipped file of the same name is hidden by it). */
    List<String> names() {
        TreeSet<String> out = new TreeSet<>();
        if (extra != null) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(extra, "*.yaml")) {
                for (Path p : ds) {
                    String n = p.getFileName().toString();
                    n = n.substring(0, n.length() - 5);
                    if (validName(n)) {
                        out.add(n);
                    }
                }
            } catch (IOException e) {
                throw LabException.of("lab.io", extra, Errno.text(e));
            }
        }
        out.addAll(shipped());
        return new ArrayList<>(out);
    }

    /** The file called {@code name}, or an error naming what exists. */
    Source find(String name) {
        if (!validName(name)) {
            throw LabException.of("lab.file.badname", name, kind);
        }
        if (extra != null) {
            Path p = extra.resolve(name + ".yaml");
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                return new Source(name, p.toString(), readFile(p));
            }
        }
        byte[] b;
        try {
            b = Bundled.read("smittywpar/" + kind + "/" + name + ".yaml");
        } catch (IOException e) {
            b = null;
        }
        if (b == null) {
            throw LabException.of("lab.file.none", kind, name, String.join(" ", names()));
        }
        return new Source(name, kind + "/" + name + ".yaml", b);
    }

    /** A file named by its path (exercise check FILE, scenario check FILE). */
    static Source file(Path p) {
        String n = p.getFileName() == null ? p.toString() : p.getFileName().toString();
        return new Source(n.endsWith(".yaml") ? n.substring(0, n.length() - 5) : n, p.toString(), readFile(p));
    }

    /** At most the limit + 1 bytes of a regular file (a FIFO would block the open: looked at first). */
    static byte[] readFile(Path p) {
        try {
            if (!Files.readAttributes(p, BasicFileAttributes.class).isRegularFile()) {
                throw new LabException(List.of(p + ":1:1: " + Messages.get("yaml.notfile")));
            }
            try (InputStream in = Files.newInputStream(p)) {
                return in.readNBytes(MAX_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw new LabException(List.of(p + ":1:1: " + Messages.get("yaml.nofile")));
        } catch (IOException e) {
            throw new LabException(List.of(p + ":1:1: " + Messages.get("yaml.io", Errno.text(e))));
        }
    }

    /** A reader for one file of this kind, its problems labelled with the file. */
    static StrictYaml reader(Source s) {
        StrictYaml y = new StrictYaml(MAX_BYTES, MAX_ALIASES, MAX_DEPTH);
        y.file(s.label(), 1);
        return y;
    }

    /** The names of the shipped files: from the jar, or the class directory tests run from. */
    private List<String> shipped() {
        List<String> out = new ArrayList<>();
        String prefix = "smittywpar/" + kind + "/";
        try {
            Path where = Path.of(YamlFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(where)) {
                Path d = where.resolve(prefix);
                if (Files.isDirectory(d)) {
                    try (DirectoryStream<Path> ds = Files.newDirectoryStream(d, "*.yaml")) {
                        for (Path p : ds) {
                            String n = p.getFileName().toString();
                            out.add(n.substring(0, n.length() - 5));
                        }
                    }
                }
            } else {
                try (JarFile jar = new JarFile(where.toFile())) {
                    for (Enumeration<JarEntry> en = jar.entries(); en.hasMoreElements();) {
                        String n = en.nextElement().getName();
                        if (n.startsWith(prefix) && n.endsWith(".yaml") && n.indexOf('/', prefix.length()) < 0) {
                            out.add(n.substring(prefix.length(), n.length() - 5));
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // nothing shipped can be listed: only the extra folder's files are
        }
        out.removeIf(n -> !validName(n));
        return out;
    }
}
