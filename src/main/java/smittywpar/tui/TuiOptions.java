package smittywpar.tui;

import java.util.List;
import java.util.Map;

/**
 * How the TUI starts.
 *
 * @param ascii     draw pop-up borders with {@code + - |} even on a UTF-8 terminal ({@code --ascii})
 * @param env       the process environment (TERM, LANG/LC_*, NO_COLOR, SMITTY_WPAR_COLOR, SHELL)
 * @param shellEnv  variables the F9 shell gets on top of {@code env} (PATH with {@code bin/} first,
 *                  SMITTY_WPAR_HOME)
 * @param shell     the F9 shell command; empty when F9 is disabled
 * @param redirect  smitty {@code -f}: standard input and output may be redirected; the screen
 *                  then uses the controlling terminal ({@code /dev/tty}) directly
 */
public record TuiOptions(boolean ascii, Map<String, String> env, Map<String, String> shellEnv, List<String> shell,
        boolean redirect) {
    public TuiOptions {
        env = Map.copyOf(env);
        shellEnv = Map.copyOf(shellEnv);
        shell = List.copyOf(shell);
    }

    /** The locale's character set is UTF-8 (first non-empty of LC_ALL, LC_CTYPE, LANG). */
    public boolean utf8() {
        for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String v = env.get(name);
            if (v != null && !v.isEmpty()) {
                String s = v.toLowerCase(java.util.Locale.ROOT);
                return s.contains("utf-8") || s.contains("utf8");
            }
        }
        return false;
    }

    public Glyphs glyphs() {
        return ascii || !utf8() ? Glyphs.ASCII : Glyphs.UNICODE;
    }

    /** Monochrome unless asked for colour; NO_COLOR (any non-empty value) always wins. */
    public Theme theme() {
        String no = env.get("NO_COLOR");
        String yes = env.get("SMITTY_WPAR_COLOR");
        return (no == null || no.isEmpty()) && yes != null && !yes.isEmpty() && !yes.equals("0") ? Theme.COLOR
                : Theme.MONO;
    }

    /**
     * Why the TUI cannot start here, as the catalogue text to print, or null when it can.
     *
     * @param console whether standard input and output are a terminal
     */
    public String refusal(boolean console) {
        if (!console && !redirect) {
            return Texts.get("notty");
        }
        String term = env.get("TERM");
        if (term == null || term.isBlank()) {
            return Texts.get("noterm");
        }
        if (term.equals("dumb") || term.equals("unknown")) {
            return Texts.get("dumb", term);
        }
        return null;
    }
}
