package smittywpar.wpar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

/**
 * The image writer makes its tar records itself: the bytes must be those Commons Compress's
 * {@code TarArchiveOutputStream} wrote for the same members (as savewpar wrote its images until it
 * had a writer of its own), for every kind of member and every odd name, size and time.
 */
class BackupImageWriterTest {
    /** One member and how it is written: 'f' bytes, 's' a stream, 'd', 'x' a program, 'c'. */
    record Item(char how, BackupImage.Member m, byte[] data) {
    }

    private static BackupImage.Member m(String path, int mode, String owner, String group, long mtime, long size,
            String command) {
        return new BackupImage.Member(path, 'f', mode, owner, group, mtime, size, command);
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + i / 256);
        }
        return b;
    }

    /** The members of a WPAR's image, and the odd cases the format has rules for. */
    static List<Item> items() {
        List<Item> l = new ArrayList<>();
        long t = 1796246934L;
        l.add(new Item('f', m(BackupImage.IMAGE_DATA, 0644, "root", "system", t, 0, null),
                "image_data:\n\tIMAGE_TYPE= wpar\n".getBytes(StandardCharsets.UTF_8)));
        l.add(new Item('f', m(BackupImage.SPEC, 0644, "root", "system", t, 0, null), bytes(511)));
        l.add(new Item('d', m("./", 0755, "root", "system", t, 0, null), null));
        l.add(new Item('d', m("./etc", 0755, "root", "system", t, 0, null), null));
        l.add(new Item('d', m("./tmp/", 01777, "bin", "bin", t, 0, null), null));
        l.add(new Item('f', m("./etc/empty", 0600, "root", "system", 0, 0, null), new byte[0]));
        l.add(new Item('f', m("./etc/one", 04755, "guest", "usr", 1, 0, null), new byte[] {'x'}));
        l.add(new Item('f', m("./etc/512", 0644, "root", "system", t, 0, null), bytes(512)));
        l.add(new Item('f', m("./etc/513", 0644, "root", "system", t, 0, null), bytes(513)));
        l.add(new Item('s', m("./home/big.bin", 0640, "root", "system", t, 0, null), bytes((1 << 20) + 77)));
        l.add(new Item('x', m("./usr/bin/ls", 0555, "bin", "bin", t, 34560, "ls"), null));
        l.add(new Item('c', new BackupImage.Member("./dev/null", 'c', 0666, "root", "system", t, 0, null), null));
        // names of 98 to 101 bytes (100 and more: a pax path record), and far longer ones
        for (int n = 98; n <= 101; n++) {
            l.add(new Item('f', m("./" + "n".repeat(n - 2), 0644, "root", "system", t, 0, null), bytes(3)));
        }
        l.add(new Item('d', m("./" + "d".repeat(120), 0755, "root", "system", t, 0, null), null));
        l.add(new Item('f', m("./" + "a/".repeat(150) + "deep", 0644, "root", "system", t, 0, null), bytes(9)));
        // names outside ASCII (a pax path record), cut inside a character's bytes at 100
        l.add(new Item('f', m("./home/café", 0644, "root", "system", t, 0, null), bytes(5)));
        l.add(new Item('f', m("./home/日本語のファイル", 0644, "root", "system", t, 0, null), bytes(5)));
        l.add(new Item('f', m("./" + "x".repeat(97) + "é", 0644, "root", "system", t, 0, null), bytes(5)));
        l.add(new Item('f', m("./" + "x".repeat(96) + "日本", 0644, "root", "system", t, 0, null), bytes(5)));
        l.add(new Item('f', m("./" + "x".repeat(96) + "\ud83d\ude00", 0644, "root", "system", t, 0, null), bytes(5)));
        l.add(new Item('f', m("./" + "x".repeat(97) + "\ud83d\ude00", 0644, "root", "system", t, 0, null), bytes(5)));
        l.add(new Item('f', m("./" + "é".repeat(60), 0644, "root", "system", t, 0, null), bytes(5)));
        l.add(new Item('f', m("./a\\b\u0080c\u0100d", 0644, "root", "system", t, 0, null), bytes(5)));
        // owners and groups: long ones are cut to the 32 bytes of the field
        l.add(new Item('f', m("./home/o", 0644, "o".repeat(40), "g".repeat(33), t, 0, null), bytes(5)));
        l.add(new Item('f', m("./home/p", 0644, "ü".repeat(20), "grp", t, 0, null), bytes(5)));
        // times: the largest an ustar header holds, past it and before 1970 (pax mtime records)
        l.add(new Item('f', m("./home/t1", 0644, "root", "system", 077777777777L, 0, null), bytes(5)));
        l.add(new Item('f', m("./home/t2", 0644, "root", "system", 077777777777L + 1, 0, null), bytes(5)));
        l.add(new Item('d', m("./home/t3", 0755, "root", "system", -86400, 0, null), null));
        l.add(new Item('x', m("./home/prog", 0755, "root", "system", t, 123456789012L, "cat"), null));
        return l;
    }

    private static void write(BackupImage.Writer w, Item i) throws IOException {
        switch (i.how()) {
            case 'f' -> w.file(i.m(), i.data());
            case 's' -> w.file(i.m(), () -> new ByteArrayInputStream(i.data()));
            case 'd' -> w.dir(i.m());
            case 'x' -> w.program(i.m());
            default -> w.device(i.m());
        }
    }

    @Test
    void theBytesAreThoseOfCommonsCompressForEveryMember() throws IOException {
        List<Item> items = items();
        for (int blocks : new int[] {100, 1, 7, 2048}) {
            ByteArrayOutputStream ours = new ByteArrayOutputStream();
            BackupImage.Writer w = new BackupImage.Writer(ours, blocks, items.size());
            for (Item i : items) {
                write(w, i);
            }
            w.finish();
            ByteArrayOutputStream theirs = new ByteArrayOutputStream();
            Reference r = new Reference(theirs, blocks, items.size());
            for (Item i : items) {
                r.write(i);
            }
            r.finish();
            assertThat(ours.size()).as("blocks " + blocks).isEqualTo(theirs.size());
            assertThat(ours.size() % (blocks * 512)).isZero();
            for (int off = 0; off < ours.size(); off += 512) {
                assertThat(java.util.Arrays.copyOfRange(ours.toByteArray(), off, off + 512))
                        .as("record at %d, blocks %d", off, blocks)
                        .isEqualTo(java.util.Arrays.copyOfRange(theirs.toByteArray(), off, off + 512));
            }
        }
    }

    @Test
    void theImageReadsBackMemberForMember() throws Exception {
        List<Item> items = items();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BackupImage.Writer w = new BackupImage.Writer(out, 100, items.size())) {
            for (Item i : items) {
                write(w, i);
            }
        }
        BackupImage.Reader r = new BackupImage.Reader(new ByteArrayInputStream(out.toByteArray()));
        for (Item i : items) {
            BackupImage.Member got = r.next();
            assertThat(got.wparPath()).isEqualTo(i.m().wparPath());
            assertThat(got.mtime()).isEqualTo(i.m().mtime());
            if (i.m().owner().getBytes(StandardCharsets.UTF_8).length <= 32) {
                assertThat(got.owner()).isEqualTo(i.m().owner());
            }
            if (i.data() != null && i.data().length <= (1 << 20)) {
                assertThat(r.data()).isEqualTo(i.data());
            } else if (i.how() == 'x') {
                assertThat(got.command()).isEqualTo(i.m().command());
                assertThat(got.size()).isEqualTo(i.m().size());
            }
        }
        assertThat(r.next()).isNull();
    }

    @Test
    void aStreamThatChangesBetweenItsTwoReadingsIsRefused() {
        BackupImage.Writer w = new BackupImage.Writer(OutputStream.nullOutputStream(), 100, 1);
        int[] calls = {0};
        assertThatThrownBy(() -> w.file(m("./f", 0644, "root", "system", 1, 0, null),
                () -> new ByteArrayInputStream(bytes(calls[0]++ == 0 ? 100 : 50))))
                .isInstanceOf(IOException.class).hasMessageContaining("./f");
    }

    /** The writer savewpar used before (Commons Compress), as it was. */
    static final class Reference {
        private final TarArchiveOutputStream tar;
        private final long members;
        private boolean first = true;
        private final Map<String, String> words = new LinkedHashMap<>();

        Reference(OutputStream out, int blocks, long members) {
            this.tar = new TarArchiveOutputStream(out, blocks * 512, StandardCharsets.UTF_8.name());
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            this.members = members;
        }

        void write(Item i) throws IOException {
            BackupImage.Member m = i.m();
            switch (i.how()) {
                case 'f', 's' -> {
                    TarArchiveEntry e = entry(m.path(), m, TarConstants.LF_NORMAL);
                    e.setSize(i.data().length);
                    words.put("crc32", crc(i.data()));
                    put(e);
                    tar.write(i.data());
                }
                case 'd' -> {
                    TarArchiveEntry e = entry(m.path().endsWith("/") ? m.path() : m.path() + "/", m,
                            TarConstants.LF_DIR);
                    words.put("crc32", crc(new byte[0]));
                    put(e);
                }
                case 'x' -> {
                    TarArchiveEntry e = entry(m.path(), m, TarConstants.LF_NORMAL);
                    e.setSize(0);
                    words.put("crc32", crc(new byte[0]));
                    words.put("program", m.command());
                    words.put("size", String.valueOf(m.size()));
                    put(e);
                }
                default -> {
                    TarArchiveEntry e = entry(m.path(), m, TarConstants.LF_CHR);
                    e.setDevMajor(2);
                    e.setDevMinor(2);
                    words.put("crc32", crc(new byte[0]));
                    put(e);
                }
            }
            tar.closeArchiveEntry();
        }

        private TarArchiveEntry entry(String path, BackupImage.Member m, byte type) {
            TarArchiveEntry e = new TarArchiveEntry(path, type);
            e.setMode(m.mode() & 07777 | (type == TarConstants.LF_DIR ? 040000 : type == TarConstants.LF_CHR ? 020000
                    : 0100000));
            e.setUserName(m.owner());
            e.setGroupName(m.group());
            e.setModTime(m.mtime() * 1000L);
            if (first) {
                words.put("members", String.valueOf(members));
                first = false;
            }
            return e;
        }

        private void put(TarArchiveEntry e) throws IOException {
            StringBuilder sb = new StringBuilder("smitty-wpar");
            words.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
            words.clear();
            e.addPaxHeader("comment", sb.toString());
            tar.putArchiveEntry(e);
        }

        void finish() throws IOException {
            tar.finish();
            tar.flush();
        }

        private static String crc(byte[] b) {
            CRC32 c = new CRC32();
            c.update(b);
            String h = Long.toHexString(c.getValue());
            return "00000000".substring(h.length()) + h;
        }
    }
}
