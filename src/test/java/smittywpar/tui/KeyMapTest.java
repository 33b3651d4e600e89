package smittywpar.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import com.googlecode.lanterna.input.DefaultKeyDecodingProfile;
import com.googlecode.lanterna.input.InputDecoder;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/**
 * Raw terminal bytes through the same decoder set-up the real terminal uses (Lanterna's default
 * profile plus {@link KeyPatterns}), then through {@link KeyMap}.
 */
class KeyMapTest {
    /** A reader that hands out only what was fed so far, like a tty between two key presses. */
    static final class Feed extends Reader {
        private final Deque<Character> chars = new ArrayDeque<>();

        void add(String s) {
            s.chars().forEach(c -> chars.add((char) c));
        }

        @Override
        public int read(char[] buf, int off, int len) {
            if (chars.isEmpty()) {
                return -1;
            }
            int n = 0;
            while (n < len && !chars.isEmpty()) {
                buf[off + n++] = chars.poll();
            }
            return n;
        }

        @Override
        public boolean ready() {
            return !chars.isEmpty();
        }

        @Override
        public void close() {
        }
    }

    private final Feed feed = new Feed();
    private final InputDecoder decoder = new InputDecoder(feed);
    private final KeyMap keys = new KeyMap();

    KeyMapTest() {
        decoder.addProfile(new DefaultKeyDecodingProfile());
        KeyPatterns.install(decoder);
    }

    /** Feeds bytes that arrive together and returns every action they decode to. */
    private List<String> type(String bytes) throws IOException {
        feed.add(bytes);
        List<String> out = new ArrayList<>();
        KeyStroke k;
        while ((k = decoder.getNextCharacter(false)) != null) {
            Action a = keys.decode(k);
            if (a != null) {
                out.add(a.toString());
            }
        }
        return out;
    }

    private static String esc(String spec) {
        return spec.replace("ESC", "\u001b").replace("^C", "\u0003").replace("^L", "\u000c")
                .replace("CR", "\r").replace("DEL", "\u007f").replace("TAB", "\t").replace("BS", "\b");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // F1 in every common encoding: vt220/PuTTY default, xterm/VT100 PF1, Linux console, aixterm
        "ESC[11~   | HELP", "ESCOP     | HELP", "ESC[[A    | HELP", "ESC[001q  | HELP", "ESC[1;2P  | HELP",
        "ESC[12~   | REFRESH", "ESCOQ | REFRESH", "ESC[[B | REFRESH", "ESC[002q | REFRESH",
        "ESC[13~   | CANCEL", "ESCOR | CANCEL", "ESC[[C | CANCEL", "ESC[003q | CANCEL",
        "ESC[14~   | LIST", "ESCOS | LIST", "ESC[[D | LIST", "ESC[004q | LIST",
        "ESC[15~   | RESET", "ESC[[E | RESET", "ESC[005q | RESET",
        "ESC[17~   | COMMAND", "ESC[006q | COMMAND",
        "ESC[18~   | EDIT", "ESC[007q | EDIT",
        "ESC[19~   | IMAGE", "ESC[008q | IMAGE",
        "ESC[20~   | SHELL", "ESC[009q | SHELL",
        "ESC[21~   | EXIT", "ESC[010q | EXIT", "ESC[013q | HELP",
        // Esc+digit arriving as one keystroke (Alt+digit)
        "ESC1 | HELP", "ESC2 | REFRESH", "ESC3 | CANCEL", "ESC4 | LIST", "ESC5 | RESET", "ESC6 | COMMAND",
        "ESC7 | EDIT", "ESC8 | IMAGE", "ESC9 | SHELL", "ESC0 | EXIT",
        // cursor and editing keys, normal and application mode, vt220 and rxvt Home/End
        "ESC[A | UP", "ESCOA | UP", "ESC[B | DOWN", "ESCOB | DOWN", "ESC[C | RIGHT", "ESC[D | LEFT",
        "ESC[5~ | PGUP", "ESC[6~ | PGDN", "ESC[H | HOME", "ESC[F | END", "ESCOH | HOME", "ESCOF | END",
        "ESC[1~ | HOME", "ESC[4~ | END", "ESC[7~ | HOME", "ESC[8~ | END", "ESC[3~ | DELETE", "ESC[2~ | INSERT",
        "CR | ENTER", "ESCOM | ENTER", "TAB | TAB", "ESC[Z | BACKTAB", "DEL | BACKSPACE", "BS | BACKSPACE",
        "^C | INTERRUPT", "^L | REDRAW",
    })
    void decodesRawSequences(String bytes, String action) throws IOException {
        assertThat(type(esc(bytes.strip()))).containsExactly(action.strip());
        assertThat(keys.escPending()).isFalse();
    }

    @Test
    void printableCharactersAreTyped() throws IOException {
        assertThat(type("a/n9 é")).containsExactly("CHAR 'a'", "CHAR '/'", "CHAR 'n'", "CHAR '9'", "CHAR ' '",
                "CHAR 'é'");
    }

    @Test
    void escThenDigitTypedSeparatelyIsAFunctionKey() throws IOException {
        assertThat(type("\u001b")).isEmpty();
        assertThat(keys.escPending()).isTrue();
        assertThat(type("4")).containsExactly("LIST");
        assertThat(type("\u001b")).isEmpty();
        assertThat(type("0")).containsExactly("EXIT");
        assertThat(keys.escPending()).isFalse();
    }

    @Test
    void escThenOtherKeyForgetsTheEsc() throws IOException {
        assertThat(type("\u001b")).isEmpty();
        assertThat(type("\r")).containsExactly("ENTER");
        assertThat(type("\u001b")).isEmpty();
        assertThat(type("\u001b")).isEmpty();
        assertThat(type("3")).containsExactly("CANCEL");
        assertThat(type("\u001b")).isEmpty();
        assertThat(type("x")).containsExactly("CHAR 'x'");
        assertThat(type("4")).containsExactly("CHAR '4'");
    }

    @Test
    void lanternaKeyStrokesMapDirectly() {
        assertThat(keys.decode(new KeyStroke(KeyType.F10))).isEqualTo(Action.of(Action.Kind.EXIT));
        assertThat(keys.decode(new KeyStroke('4', false, true))).isEqualTo(Action.of(Action.Kind.LIST));
        assertThat(keys.decode(new KeyStroke('c', true, false))).isEqualTo(Action.of(Action.Kind.INTERRUPT));
        assertThat(keys.decode(new KeyStroke('x', true, false))).isNull();
        assertThat(keys.decode(new KeyStroke(KeyType.F12))).isNull();
        assertThat(keys.decode(new KeyStroke(KeyType.EOF))).isEqualTo(Action.of(Action.Kind.EOF));
    }
}
