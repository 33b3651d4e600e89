package smittywpar.tui;

/**
 * The characters of a pop-up's border: Unicode box drawing when the locale's character set is
 * UTF-8, otherwise (or with {@code --ascii}) plain {@code + - |} as on an ASCII terminal.
 */
public record Glyphs(char horizontal, char vertical, char topLeft, char topRight, char bottomLeft,
        char bottomRight) {
    public static final Glyphs UNICODE = new Glyphs('\u2500', '\u2502', '\u250c', '\u2510', '\u2514', '\u2518');
    public static final Glyphs ASCII = new Glyphs('-', '|', '+', '+', '+', '+');
}
