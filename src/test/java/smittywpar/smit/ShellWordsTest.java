package smittywpar.smit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** sh's word splitting as SMIT command lines and the tests' transcripts use it. */
class ShellWordsTest {
    @Test
    void quotesAndEscapesAreRemovedAsShDoes() {
        assertThat(ShellWords.split("chwpar -h 'it'\\''s' \"a \\\"b\\\" \\c\" x\\ y"))
                .containsExactly("chwpar", "-h", "it's", "a \"b\" \\c", "x y");
        assertThat(ShellWords.split("lswpar -N -d'|' w1")).containsExactly("lswpar", "-N", "-d|", "w1");
    }

    @Test
    void charactersTheShellWouldInterpretAreRefused() {
        for (String line : new String[] {"ls; rm", "a | b", "echo $HOME", "lslpp wio.*", "x > y", "'open"}) {
            assertThatThrownBy(() -> ShellWords.split(line)).as(line).isInstanceOf(ShellWords.SyntaxException.class);
        }
    }

    @Test
    void patternsThatMatchNoFileStayAsTyped() {
        assertThat(ShellWords.splitUnmatchedPatterns("lslpp -l bos.wpars wio.* a? [b]"))
                .containsExactly("lslpp", "-l", "bos.wpars", "wio.*", "a?", "[b]");
        assertThatThrownBy(() -> ShellWords.splitUnmatchedPatterns("a; b")).isInstanceOf(ShellWords.SyntaxException.class);
    }
}
