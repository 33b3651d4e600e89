package smittywpar.tui;

import com.googlecode.lanterna.input.KeyStroke;

import smittywpar.tui.Action.Kind;

/**
 * Turns Lanterna key strokes into SMIT {@link Action}s, including SMIT's Esc+digit convention:
 * Esc then 1..9 is F1..F9 and Esc then 0 is F10, for terminals whose function keys do not arrive.
 * Both forms work: the two bytes arriving together (Lanterna reports Alt+digit) and Esc typed on
 * its own followed by the digit at any later time.
 *
 * <p>A lone Esc does nothing by itself, as in AIX smitty, where Esc is only the first half of a
 * function-key substitute: it waits for the next key without a time limit. If that key is not a
 * digit, the Esc is forgotten and the key does what it always does (so Esc then Enter is Enter,
 * Esc Esc then 3 is F3). F3 is Cancel; Esc alone never cancels.
 */
public final class KeyMap {
    private boolean escPending;

    /** True after a lone Esc, until the next key. */
    public boolean escPending() {
        return escPending;
    }

    /** The action for one key stroke, or null when the key means nothing (yet). */
    public Action decode(KeyStroke k) {
        if (k == null) {
            return null;
        }
        boolean afterEsc = escPending;
        escPending = false;
        switch (k.getKeyType()) {
            case Escape:
                escPending = true;
                return null;
            case Character:
                return character(k, afterEsc);
            case F1: return fkey(0);
            case F2: return fkey(1);
            case F3: return fkey(2);
            case F4: return fkey(3);
            case F5: return fkey(4);
            case F6: return fkey(5);
            case F7: return fkey(6);
            case F8: return fkey(7);
            case F9: return fkey(8);
            case F10: return fkey(9);
            case Enter: return Action.of(Kind.ENTER);
            case ArrowUp: return Action.of(Kind.UP);
            case ArrowDown: return Action.of(Kind.DOWN);
            case ArrowLeft: return Action.of(Kind.LEFT);
            case ArrowRight: return Action.of(Kind.RIGHT);
            case PageUp: return Action.of(Kind.PGUP);
            case PageDown: return Action.of(Kind.PGDN);
            case Home: return Action.of(Kind.HOME);
            case End: return Action.of(Kind.END);
            case Tab: return Action.of(Kind.TAB);
            case ReverseTab: return Action.of(Kind.BACKTAB);
            case Backspace: return Action.of(Kind.BACKSPACE);
            case Delete: return Action.of(Kind.DELETE);
            case Insert: return Action.of(Kind.INSERT);
            case EOF: return Action.of(Kind.EOF);
            default:
                return null;
        }
    }

    private static Action fkey(int index) {
        return Action.of(Action.FUNCTION_KEYS[index]);
    }

    private static Action character(KeyStroke k, boolean afterEsc) {
        char c = k.getCharacter();
        if (k.isCtrlDown() && !k.isAltDown()) {
            switch (Character.toLowerCase(c)) {
                case 'c': return Action.of(Kind.INTERRUPT);
                case 'l': return Action.of(Kind.REDRAW);
                default: return null;
            }
        }
        if ((k.isAltDown() || afterEsc) && c >= '0' && c <= '9') {
            return fkey(c == '0' ? 9 : c - '1');
        }
        if (k.isCtrlDown() || Character.isISOControl(c)) {
            return null;
        }
        return Action.ch(c);
    }
}
