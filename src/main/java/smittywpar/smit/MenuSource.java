package smittywpar.smit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Where the menu files are read from: the copy packaged in the jar, or a directory (smitty -o). */
public interface MenuSource {
    /** The name of {@code file} as error messages show it. */
    String label(String file);

    /**
     * Reads at most {@code limit} + 1 bytes of {@code file} (so that an oversized file is noticed
     * without reading all of it).
     *
     * @throws NoSuchFileException when the file does not exist
     */
    byte[] read(String file, int limit) throws IOException;

    /** The file is there but is not a regular file (a FIFO, a device, a directory): never opened. */
    final class NotRegularFile extends IOException {
        private static final long serialVersionUID = 1L;

        public NotRegularFile(String file) {
            super(file);
        }
    }

    /** True for the menus packaged with the program (they change only when the program does). */
    default boolean changesWithProgram() {
        return false;
    }

    /** The menus packaged with smitty-wpar (the project's {@code menus/} directory). */
    static MenuSource packaged() {
        return new MenuSource() {
            @Override
            public String label(String file) {
                return "menus/" + file;
            }

            @Override
            public boolean changesWithProgram() {
                return true;
            }

            @Override
            public byte[] read(String file, int limit) throws IOException {
                byte[] b = smittywpar.base.Bundled.read("smittywpar/menus/" + file);
                if (b == null) {
                    throw new NoSuchFileException(label(file));
                }
                return b.length > limit + 1 ? java.util.Arrays.copyOf(b, limit + 1) : b;
            }
        };
    }

    /** The menu files of a directory. */
    static MenuSource directory(Path dir) {
        return new MenuSource() {
            @Override
            public String label(String file) {
                return dir.resolve(file).toString();
            }

            @Override
            public byte[] read(String file, int limit) throws IOException {
                Path p = dir.resolve(file);
                // a FIFO would block the open until a writer comes: look at what it is first
                if (!Files.readAttributes(p, BasicFileAttributes.class).isRegularFile()) {
                    throw new NotRegularFile(p.toString());
                }
                try (InputStream in = Files.newInputStream(p)) {
                    return in.readNBytes(limit + 1);
                }
            }
        };
    }
}
