package smittywpar.cmd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import smittywpar.msg.AixException;

/** The parts of Getopt that chwpar relies on: empty attribute lists, bare words, flags in between. */
class GetoptTest {
    private static Getopt k(String... args) {
        return ChwparCommand.grammar(List.of(args));
    }

    @Test
    void removeFormTakesBareResourceNamesAndNoneAtAll() {
        Getopt g = k("-K", "-R", "totalProcesses", "shares_CPU", "wpar1");
        assertThat(g.all('R')).containsExactly(List.of("totalProcesses", "shares_CPU"));
        assertThat(g.operands()).containsExactly("wpar1");

        g = k("-K", "-R", "wpar1");
        assertThat(g.all('R')).containsExactly(List.of());
        assertThat(g.operands()).containsExactly("wpar1");
    }

    @Test
    void removeFormReadsBAndSAndUWithoutArguments() {
        Getopt g = k("-K", "-b", "-S", "-u", "w");
        assertThat(g.has('b')).isTrue();
        assertThat(g.value('b')).isNull();
        assertThat(g.operands()).containsExactly("w");
    }

    @Test
    void changeFormReadsTheArgumentsOfBAndSAndU() {
        Getopt g = k("-b", "1,2", "-S", "privs+=PV_ROOT", "-u", "/x", "w");
        assertThat(g.has('K')).isFalse();
        assertThat(g.value('b')).isEqualTo("1,2");
        assertThat(g.all('S')).containsExactly(List.of("privs+=PV_ROOT"));
        assertThat(g.value('u')).isEqualTo("/x");
        assertThat(g.operands()).containsExactly("w");
    }

    @Test
    void plainFlagsBetweenAnAttributeFlagAndItsWords() {
        Getopt g = k("-N", "-K", "address=10.1.0.1", "w");
        assertThat(g.has('K')).isTrue();
        assertThat(g.all('N')).containsExactly(List.of("address=10.1.0.1"));
        assertThat(g.operands()).containsExactly("w");

        g = k("-N", "-a", "address=10.1.0.1", "netmask=255.255.255.0", "w");
        assertThat(g.has('a')).isTrue();
        assertThat(g.all('N')).containsExactly(List.of("address=10.1.0.1", "netmask=255.255.255.0"));
    }

    @Test
    void attributeWordsStopAtTheFirstWordWithoutEquals() {
        Getopt g = k("-M", "dev=/x", "directory=/var", "type=jfs2", "wpar=syswpar1");
        assertThat(g.all('M')).containsExactly(List.of("dev=/x", "directory=/var", "type=jfs2", "wpar=syswpar1"));
        assertThat(g.operands()).isEmpty();
    }

    @Test
    void unknownFlagsAreUsageErrorsInBothForms() {
        assertThatThrownBy(() -> k("-Z", "w")).isInstanceOf(AixException.class)
                .hasMessageStartingWith("chwpar: Not a recognized flag: Z\nUsage: chwpar");
        assertThatThrownBy(() -> k("-K", "-Z", "w")).isInstanceOf(AixException.class)
                .hasMessageStartingWith("chwpar: Not a recognized flag: Z\nUsage: chwpar");
    }
}
