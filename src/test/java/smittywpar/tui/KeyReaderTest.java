package smittywpar.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.googlecode.lanterna.input.CharacterPattern;
import com.googlecode.lanterna.input.DefaultKeyDecodingProfile;
import com.googlecode.lanterna.input.InputDecoder;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/**
 * The keyboard reader decodes exactly as Lanterna's terminal does (the same decoder and patterns
 * reading a stream that delivers the same chunks), including the chunks it answers from memory.
 */
class KeyReaderTest {
    /** What Lanterna's terminal decoder makes of the chunks, each arriving once the previous one is decoded. */
    private static List<KeyStroke> lanterna(List<String> chunks) throws IOException {
        KeyMapTest.Feed feed = new KeyMapTest.Feed();
        InputDecoder d = new InputDecoder(feed);
        d.addProfile(new DefaultKeyDecodingProfile());
        KeyPatterns.install(d);
        List<KeyStroke> out = new ArrayList<>();
        for (String c : chunks) {
            feed.add(c);
            KeyStroke k;
            while ((k = d.getNextCharacter(false)) != null) {
                out.add(k);
            }
        }
        return out;
    }

    /** What the reader makes of the same chunks, one per read of the terminal, waiting for each. */
    private static List<KeyStroke> ours(List<String> chunks) throws IOException {
        List<InputStream> streams = new ArrayList<>();
        for (String c : chunks) {
            streams.add(new ByteArrayInputStream(c.getBytes(StandardCharsets.UTF_8)));
        }
        KeyReader r = new KeyReader(new SequenceInputStream(Collections.enumeration(streams)), StandardCharsets.UTF_8);
        List<KeyStroke> out = new ArrayList<>();
        KeyStroke k;
        while ((k = r.read(true)).getKeyType() != KeyType.EOF) {
            out.add(k);
        }
        return out;
    }

    private static void same(List<String> chunks) throws IOException {
        List<KeyStroke> expected = lanterna(chunks);
        assertThat(ours(chunks)).as("keys of %s", chunks).isEqualTo(expected);
        // twice over: the second time every chunk is answered from memory
        List<String> twice = new ArrayList<>(chunks);
        twice.addAll(chunks);
        List<KeyStroke> expectedTwice = new ArrayList<>(expected);
        expectedTwice.addAll(expected);
        assertThat(ours(twice)).as("keys of %s, remembered", chunks).isEqualTo(expectedTwice);
    }

    @Test
    void everySingleByteKeyAsLanterna() throws IOException {
        for (char c = 0; c < 0x80; c++) {
            same(List.of(String.valueOf(c), "x"));
        }
    }

    @Test
    void escapeSequencesAsLanterna() throws IOException {
        String[] seqs = {
            "\u001b[A", "\u001b[B", "\u001b[C", "\u001b[D", "\u001bOA", "\u001bOB", "\u001bOC", "\u001bOD",
            "\u001bOP", "\u001bOQ", "\u001bOR", "\u001bOS", "\u001b[11~", "\u001b[12~", "\u001b[15~", "\u001b[21~",
            "\u001b[24~", "\u001b[[A", "\u001b[[E", "\u001b[001q", "\u001b[004q", "\u001b[012q", "\u001b[013q",
            "\u001b[024q", "\u001b[5~", "\u001b[6~", "\u001b[H", "\u001b[F", "\u001b[1~", "\u001b[4~", "\u001b[7~",
            "\u001b[8~", "\u001b[2~", "\u001b[3~", "\u001b[Z", "\u001bOM", "\u001b[1;5B", "\u001b[1;2A",
            "\u001b1", "\u001b0", "\u001bx", "\u001b\u001b", "\u001b[", "\u001bO", "\u001b[1", "\u001b[12;34R",
        };
        for (String s : seqs) {
            same(List.of(s));
            same(List.of(s, "x"));
        }
    }

    @Test
    void loneEscThenTheRestLaterIsTwoKeys() throws IOException {
        same(List.of("\u001b", "4"));
        same(List.of("\u001b", "[B"));
        same(List.of("\u001b", "\u001b", "3"));
        assertThat(ours(List.of("\u001b", "4"))).containsExactly(new KeyStroke(KeyType.Escape),
                new KeyStroke('4', false, false));
    }

    @Test
    void typeAheadAndPastesAsLanterna() throws IOException {
        same(List.of("abc\u001b[Bdef", "\r"));
        same(List.of("\u001b[B\u001b[B\u001b[A", "w\u001b4x"));
        same(List.of("héllo wörld", "\u001b[21~"));
    }

    @Test
    void aCharacterSplitAcrossReadsIsOneKey() throws IOException {
        byte[] e = "é".getBytes(StandardCharsets.UTF_8);
        KeyReader r = new KeyReader(new SequenceInputStream(new ByteArrayInputStream(e, 0, 1),
                new ByteArrayInputStream(e, 1, 1)), StandardCharsets.UTF_8);
        assertThat(r.read(true)).isEqualTo(new KeyStroke('é', false, false));
        assertThat(r.read(true).getKeyType()).isEqualTo(KeyType.EOF);
        assertThat(r.read(false).getKeyType()).as("the end of input stays the end").isEqualTo(KeyType.EOF);
    }

    @Test
    void nothingTypedIsNullWithoutWaiting() throws IOException {
        InputStream none = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("read without waiting");
            }

            @Override
            public int available() {
                return 0;
            }
        };
        assertThat(new KeyReader(none, StandardCharsets.UTF_8).read(false)).isNull();
    }

    /**
     * What decoding a chunk at a time rests on: every character that may begin a longer sequence
     * is a key by itself, so the decoder never keeps characters back once it has nothing more to
     * read, and a chunk's keys depend on the chunk alone.
     */
    @Test
    void everyStartOfASequenceIsAKeyByItself() {
        List<CharacterPattern> patterns = new ArrayList<>(new DefaultKeyDecodingProfile().getPatterns());
        patterns.addAll(KeyPatterns.INSTANCE.getPatterns());
        for (int c = 0; c <= 0xFFFF; c++) {
            List<Character> seq = List.of((char) c);
            boolean partial = false;
            boolean full = false;
            for (CharacterPattern p : patterns) {
                CharacterPattern.Matching m = p.match(seq);
                if (m != null) {
                    partial |= m.partialMatch;
                    full |= m.fullMatch != null;
                }
            }
            assertThat(!partial || full).as("U+%04X starts a sequence but is no key", c).isTrue();
        }
    }
}
