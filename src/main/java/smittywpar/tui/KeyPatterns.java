package smittywpar.tui;

import java.util.Collection;
import java.util.List;

import com.googlecode.lanterna.input.BasicCharacterPattern;
import com.googlecode.lanterna.input.EscapeSequenceCharacterPattern;
import com.googlecode.lanterna.input.InputDecoder;
import com.googlecode.lanterna.input.KeyDecodingProfile;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/**
 * Key sequences Lanterna's default profile does not know, added on top of it. Lanterna 3.1.5
 * already decodes xterm ({@code ESC O P}), vt220/PuTTY ({@code ESC [ 11 ~}) and Linux console
 * ({@code ESC [ [ A}) function keys; this adds:
 * <ul>
 * <li>aixterm and the AIX console (hft): F1..F12 as {@code ESC [ 001 q} .. {@code ESC [ 012 q},
 * Shift+F1..F12 as {@code 013 q} .. {@code 024 q} (read as F1..F12);</li>
 * <li>rxvt Home and End: {@code ESC [ 7 ~} and {@code ESC [ 8 ~};</li>
 * <li>keypad Enter in application keypad mode: {@code ESC O M};</li>
 * <li>a bare carriage return as Enter (Lanterna waits for a following NUL and then drops both
 * when none comes; the terminal normally turns CR into LF, but not when {@code icrnl} is off).</li>
 * </ul>
 * SCO function keys ({@code ESC [ M} ...) are not added: {@code ESC [ P} means F1 on xterm and F4
 * in SCO mode, so one of the two would always be wrong; Esc+digit works on every terminal.
 */
final class KeyPatterns implements KeyDecodingProfile {
    static final KeyPatterns INSTANCE = new KeyPatterns();
    private static final KeyType[] F_KEYS = {KeyType.F1, KeyType.F2, KeyType.F3, KeyType.F4, KeyType.F5,
        KeyType.F6, KeyType.F7, KeyType.F8, KeyType.F9, KeyType.F10, KeyType.F11, KeyType.F12};

    private KeyPatterns() {
    }

    /** Adds these patterns to a decoder (the terminal's, or a test's). */
    static void install(InputDecoder decoder) {
        decoder.addProfile(INSTANCE);
    }

    @Override
    public Collection<com.googlecode.lanterna.input.CharacterPattern> getPatterns() {
        return List.of(new Extra(), new BasicCharacterPattern(new KeyStroke(KeyType.Enter), '\r'));
    }

    /** The escape-sequence state machine of Lanterna with more final characters and numbers. */
    private static final class Extra extends EscapeSequenceCharacterPattern {
        Extra() {
            stdMap.put(7, KeyType.Home);
            stdMap.put(8, KeyType.End);
        }

        @Override
        protected KeyStroke getKeyStrokeRaw(char first, int num1, int num2, char last, boolean bEsc) {
            if (first == '[' && last == 'q' && num1 >= 1 && num1 <= 24) {
                boolean shift = num1 > 12;
                return new KeyStroke(F_KEYS[(num1 - 1) % 12], false, bEsc, shift);
            }
            if (first == 'O' && last == 'M') {
                return new KeyStroke(KeyType.Enter, false, bEsc, false);
            }
            if (last == '~' && (num1 == 7 || num1 == 8)) {
                return super.getKeyStrokeRaw(first, num1, num2, last, bEsc);
            }
            // Everything else is Lanterna's own business; answering here too would only repeat it.
            return null;
        }
    }
}
