package smittywpar.base;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Files packaged with the program (the message catalogue, default host, WPAR defaults, menus),
 * read straight from the jar with {@link ZipFile}: {@code getResourceAsStream} goes through
 * URL and jar-connection machinery that costs a young JVM about ten milliseconds.
 */
public final class Bundled {
    private static final Object LOCK = new Object();
    private static Path code;
    private static ZipFile jar;

    private Bundled() {
    }

    /** The bytes of a packaged file ({@code "smittywpar/messages.properties"}), or null when there is none. */
    public static byte[] read(String name) throws IOException {
        synchronized (LOCK) {
            if (code == null) {
                try {
                    code = Path.of(Bundled.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                } catch (Exception e) {
                    code = Path.of("");
                }
                if (Files.isRegularFile(code)) {
                    jar = new ZipFile(code.toFile());
                }
            }
            if (jar != null) {
                ZipEntry e = jar.getEntry(name);
                if (e == null) {
                    return null;
                }
                try (InputStream in = jar.getInputStream(e)) {
                    return in.readAllBytes();
                }
            }
        }
        Path p = code.resolve(name);
        if (Files.isRegularFile(p)) {
            return Files.readAllBytes(p);
        }
        try (InputStream in = Bundled.class.getResourceAsStream("/" + name)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
