package smittywpar.tui;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.googlecode.lanterna.input.DefaultKeyDecodingProfile;
import com.googlecode.lanterna.input.InputDecoder;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/**
 * Keys from the terminal, decoded by Lanterna's {@link InputDecoder} (its default profile and
 * {@link KeyPatterns}) exactly as its terminal decodes them, but a chunk at a time: everything
 * the terminal has sent so far is read at once (the read blocks for its first byte only when
 * asked to wait), and the decoder takes keys from it until it would have to wait for more, as it
 * does when the terminal has nothing more to give. A key is therefore never delayed, and an
 * escape sequence that arrives in one piece is one key; a lone Esc is a key of its own, whatever
 * comes later (see {@link KeyMap} for what Esc then a digit means).
 *
 * <p>A chunk the decoder has already seen (an arrow key, a letter: most of what is typed) is
 * answered from memory: the decoder starts and ends every chunk with nothing pending, so its
 * keys depend on the chunk alone. That saves Lanterna's pattern matching, a few hundred
 * microseconds per key for code that runs too seldom to be compiled.
 */
final class KeyReader {
    private static final int CHUNK = 4096;
    private static final int MEMO_MAX_CHARS = 16;
    private static final int MEMO_MAX_ENTRIES = 256;

    private final InputStream in;
    private final CharsetDecoder charset;
    private final ByteBuffer bytes = ByteBuffer.allocate(CHUNK);
    private final CharBuffer chars = CharBuffer.allocate(CHUNK);
    private final Chunk chunk = new Chunk();
    private final InputDecoder decoder = new InputDecoder(chunk);
    private final ArrayDeque<KeyStroke> queue = new ArrayDeque<>();
    private final Map<String, KeyStroke[]> memo = new HashMap<>();
    private boolean eof;

    KeyReader(InputStream in, Charset cs) {
        this.in = in;
        this.charset = cs.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        decoder.addProfile(new DefaultKeyDecodingProfile());
        KeyPatterns.install(decoder);
    }

    /** Whether {@link #read} would return at once (a key, or the end of input, is there); reads nothing. */
    boolean ready() throws IOException {
        return !queue.isEmpty() || eof || in.available() > 0;
    }

    /** The next key; null when none is there and {@code wait} is false. At the end of input: EOF, every time. */
    KeyStroke read(boolean wait) throws IOException {
        while (true) {
            KeyStroke k = queue.poll();
            if (k != null) {
                return k;
            }
            if (eof) {
                return new KeyStroke(KeyType.EOF);
            }
            if (!wait && in.available() <= 0) {
                return null;
            }
            String text = take();
            if (text == null) {
                eof = true;
                continue;
            }
            KeyStroke[] keys = memo.get(text);
            if (keys == null) {
                keys = decode(text);
                if (text.length() <= MEMO_MAX_CHARS && memo.size() < MEMO_MAX_ENTRIES) {
                    memo.put(text, keys);
                }
            }
            for (KeyStroke key : keys) {
                queue.add(key);
            }
        }
    }

    /** Every byte there is now (blocking for the first), as text; null at the end of input. */
    private String take() throws IOException {
        byte[] b = bytes.array();
        int n = bytes.position();
        int got = in.read(b, n, b.length - n);
        if (got < 0) {
            return null;
        }
        n += got;
        int more;
        while (n < b.length && in.available() > 0 && (more = in.read(b, n, b.length - n)) > 0) {
            n += more;
        }
        if (bytes.position() == 0 && ascii(b, n)) {
            return new String(b, 0, n, StandardCharsets.ISO_8859_1); // terminals' charsets all agree on ASCII
        }
        bytes.position(n);
        bytes.flip();
        chars.clear();
        charset.decode(bytes, chars, false);
        bytes.compact(); // an incomplete multi-byte character waits for the rest
        chars.flip();
        return chars.toString();
    }

    private static boolean ascii(byte[] b, int n) {
        for (int i = 0; i < n; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Lanterna's keys for one chunk: as many as it finds before it would have to wait. */
    private KeyStroke[] decode(String text) throws IOException {
        chunk.set(text);
        List<KeyStroke> keys = new ArrayList<>(2);
        KeyStroke k;
        while ((k = decoder.getNextCharacter(false)) != null) {
            keys.add(k);
        }
        return keys.toArray(new KeyStroke[0]);
    }

    /** The text the decoder reads: one chunk; "ready" while any of it is left. */
    private static final class Chunk extends Reader {
        private String text = "";
        private int pos;

        void set(String t) {
            text = t;
            pos = 0;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            if (pos >= text.length()) {
                return -1; // not reached: the decoder reads only while ready
            }
            int n = Math.min(len, text.length() - pos);
            text.getChars(pos, pos + n, buf, off);
            pos += n;
            return n;
        }

        @Override
        public boolean ready() {
            return pos < text.length();
        }

        @Override
        public void close() {
        }
    }
}
