package smittywpar.base;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packaged files read from a jar by its central directory: deflated, stored, missing, and a jar it falls back on. */
class BundledTest {
    @TempDir
    Path tmp;

    @AfterEach
    void back() throws IOException {
        Bundled.use(null);
    }

    private static Map<String, byte[]> files() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            m.put("smittywpar/x/c" + i + ".class", ("class " + i).getBytes(StandardCharsets.UTF_8));
        }
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            big.append("key.").append(i).append("=Message ").append(i * 7919 % 1000).append(" for a WPAR\n");
        }
        m.put("smittywpar/messages.properties", big.toString().getBytes(StandardCharsets.ISO_8859_1));
        m.put("smittywpar/empty.cf", new byte[0]);
        m.put("smittywpar/stored.cf", "stored:\n\tname = t1\n".getBytes(StandardCharsets.UTF_8));
        m.put("smittywpar/menus/\u00e9t\u00e9.yaml", "id: x\n".getBytes(StandardCharsets.UTF_8));
        return m;
    }

    private Path jar(String comment) throws IOException {
        Path p = tmp.resolve("t.jar");
        try (OutputStream o = Files.newOutputStream(p); ZipOutputStream z = new ZipOutputStream(o)) {
            if (comment != null) {
                z.setComment(comment);
            }
            for (Map.Entry<String, byte[]> e : files().entrySet()) {
                ZipEntry ze = new ZipEntry(e.getKey());
                if (e.getKey().startsWith("smittywpar/stored")) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    ze.setMethod(ZipEntry.STORED);
                    ze.setSize(e.getValue().length);
                    ze.setCompressedSize(e.getValue().length);
                    ze.setCrc(crc.getValue());
                }
                z.putNextEntry(ze);
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return p;
    }

    private static void allRead() throws IOException {
        for (Map.Entry<String, byte[]> e : files().entrySet()) {
            assertArrayEquals(e.getValue(), Bundled.read(e.getKey()), e.getKey());
        }
        assertNull(Bundled.read("smittywpar/nosuch.cf"));
        assertNull(Bundled.read("smittywpar/messages.propertie"));
    }

    @Test
    void readsEveryEntryOfAJarByItsCentralDirectory() throws IOException {
        Bundled.use(jar(null));
        allRead();
    }

    @Test
    void aJarWithACommentIsReadAsWell() throws IOException {
        Bundled.use(jar("made by hand"));
        allRead();
    }
}
