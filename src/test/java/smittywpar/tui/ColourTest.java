package smittywpar.tui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.googlecode.lanterna.TextColor;

/** Each colour is Lanterna's ANSI colour of the same number, escape sequences and all. */
class ColourTest {
    @Test
    void everyColourIsLanternasOwn() {
        for (TextColor.ANSI a : TextColor.ANSI.values()) {
            Colour c = Colour.of(a.ordinal());
            assertThat(c.ansi()).isSameAs(a);
            assertThat(c.getForegroundSGRSequence()).as(a.name()).isEqualTo(a.getForegroundSGRSequence());
            assertThat(c.getBackgroundSGRSequence()).as(a.name()).isEqualTo(a.getBackgroundSGRSequence());
            assertThat(new int[] {c.getRed(), c.getGreen(), c.getBlue()}).as(a.name())
                    .containsExactly(a.getRed(), a.getGreen(), a.getBlue());
        }
        assertThat(Colour.of(Colour.DEFAULT).ansi()).isSameAs(TextColor.ANSI.DEFAULT);
        assertThat(Colour.of(Colour.CYAN).ansi()).isSameAs(TextColor.ANSI.CYAN);
    }
}
