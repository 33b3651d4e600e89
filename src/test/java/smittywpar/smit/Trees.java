package smittywpar.smit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Menu trees for tests, from YAML text held in memory. */
final class Trees {
    private Trees() {
    }

    /** A source whose files are the given name/text pairs. */
    static MenuSource source(String... nameText) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < nameText.length; i += 2) {
            files.put(nameText[i], nameText[i + 1]);
        }
        return new MenuSource() {
            @Override
            public String label(String file) {
                return "test/" + file;
            }

            @Override
            public byte[] read(String file, int limit) throws IOException {
                String t = files.get(file);
                if (t == null) {
                    throw new NoSuchFileException(file);
                }
                byte[] b = t.getBytes(StandardCharsets.UTF_8);
                return b.length > limit + 1 ? Arrays.copyOf(b, limit + 1) : b;
            }
        };
    }

    /** A tree whose root file smit.yaml has {@code yaml} as its text. */
    static MenuTree load(String yaml) {
        return MenuLoader.load(source(MenuLoader.ROOT, yaml));
    }
}
