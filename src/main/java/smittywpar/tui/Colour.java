package smittywpar.tui;

import java.nio.charset.StandardCharsets;

import com.googlecode.lanterna.TextColor;

/**
 * The sixteen ANSI colours and the terminal's default, as Lanterna's {@link TextColor.ANSI} with
 * the same numbers (its ordinals) and the same escape sequences, without its class initialiser,
 * which formats each colour's sequences with {@code String.format} and cost a young JVM some
 * ten milliseconds before the first frame.
 */
final class Colour implements TextColor {
    static final int CYAN = 6;
    static final int DEFAULT = 8;
    /** Red, green, blue of each colour, as Lanterna gives them. */
    private static final int[][] RGB = {{0, 0, 0}, {170, 0, 0}, {0, 170, 0}, {170, 85, 0}, {0, 0, 170},
        {170, 0, 170}, {0, 170, 170}, {170, 170, 170}, {0, 0, 0}, {85, 85, 85}, {255, 85, 85}, {85, 255, 85},
        {255, 255, 85}, {85, 85, 255}, {255, 85, 255}, {85, 255, 255}, {255, 255, 255}};
    private static final Colour[] ALL = new Colour[RGB.length];

    static {
        for (int i = 0; i < ALL.length; i++) {
            ALL[i] = new Colour(i);
        }
    }

    private final int index;
    private final byte[] foreground;
    private final byte[] background;

    private Colour(int index) {
        this.index = index;
        boolean bright = index > DEFAULT;
        int n = index == DEFAULT ? 9 : bright ? index - DEFAULT - 1 : index;
        foreground = ((bright ? "9" : "3") + n).getBytes(StandardCharsets.US_ASCII);
        background = ((bright ? "10" : "4") + n).getBytes(StandardCharsets.US_ASCII);
    }

    /** The colour with Lanterna's ordinal {@code index}. */
    static Colour of(int index) {
        return ALL[index];
    }

    /** Lanterna's own constant (for its text graphics and in-memory terminals). */
    TextColor.ANSI ansi() {
        return TextColor.ANSI.values()[index];
    }

    @Override
    public byte[] getForegroundSGRSequence() {
        return foreground.clone();
    }

    @Override
    public byte[] getBackgroundSGRSequence() {
        return background.clone();
    }

    @Override
    public int getRed() {
        return RGB[index][0];
    }

    @Override
    public int getGreen() {
        return RGB[index][1];
    }

    @Override
    public int getBlue() {
        return RGB[index][2];
    }

    @Override
    public java.awt.Color toColor() {
        return ansi().toColor();
    }
}
