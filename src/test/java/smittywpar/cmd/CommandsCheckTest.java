package smittywpar.cmd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import smittywpar.msg.AixException;

/** Commands.check parses a command line as run would, without touching any state. */
class CommandsCheckTest {
    @TempDir
    Path home;

    private static List<String> words(String line) {
        return Arrays.asList(line.split(" "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mkwpar -n w1", "mkwpar -n w1 -N interface=en0 address=10.0.0.2 -R active=yes -s",
        "lswpar -qca name", "lswpar -c -G w1", "lswpar -c -q -N -a address w1", "lswpar -s DA -t S",
        "startwpar -m w1", "stopwpar -h -t 30 w1", "rebootwpar -N w1", "rmwpar -s -p w1", "lsdev -Cc if",
        "lsdev -C -c disk -F name", "lsvg", "lspv", "ifconfig -a", "df -g", "lslpp -l bos.wpars", "hostname",
        "oslevel -s", "chwpar -h newhost w1", "chwpar -K -A w1", "chwpar -K -N address=10.0.0.2 w1",
        "chwpar -M directory=/data vfs=jfs2 w1", "mount", "mount /wpars/w1/data", "umount -t w1",
        "mkwpar -w -e w1 -o /tmp/spec", "mkwpar -f /tmp/spec -n w2"})
    void acceptsValidLines(String line) {
        assertThat(Commands.check(words(line))).isTrue();
    }

    @Test
    void refusesBadLinesWithTheCommandsOwnUsage() {
        assertThatThrownBy(() -> Commands.check(words("mkwpar -n w1 -Z w2")))
                .isInstanceOf(AixException.class).hasMessageStartingWith("mkwpar: Not a recognized flag: Z\nUsage: mkwpar");
        assertThatThrownBy(() -> Commands.check(words("chwpar w1"))).hasMessageStartingWith("Usage: chwpar");
        assertThatThrownBy(() -> Commands.check(words("chwpar -K -h x w1"))).hasMessageStartingWith("Usage: chwpar");
        assertThatThrownBy(() -> Commands.check(words("umount"))).hasMessageStartingWith("Usage: umount");
        assertThatThrownBy(() -> Commands.check(words("mkwpar -h host")))
                .hasMessageStartingWith("mkwpar: 0960-008 Specify the workload partition name with -n.\nUsage: mkwpar");
        assertThatThrownBy(() -> Commands.check(words("mkwpar -n w1 -N interfce=en0")))
                .hasMessageStartingWith("mkwpar: 0960-021 interfce is not a valid attribute for the -N flag.");
        assertThatThrownBy(() -> Commands.check(words("mkwpar -n w1 -R cpu=10")))
                .hasMessageStartingWith("mkwpar: 0960-024 cpu is not a valid resource control attribute.");
        assertThatThrownBy(() -> Commands.check(words("lswpar -G -N"))).hasMessageStartingWith("Usage: lswpar");
        assertThatThrownBy(() -> Commands.check(words("lswpar -c -a nosuch"))).hasMessageStartingWith(
                "lswpar: 0960-420 nosuch is not a valid field name for this view.");
        assertThatThrownBy(() -> Commands.check(words("stopwpar -h -F w1"))).hasMessageStartingWith("Usage: stopwpar");
        assertThatThrownBy(() -> Commands.check(words("stopwpar -t 0 w1")))
                .hasMessageStartingWith("stopwpar: 0960-256 The timeout must be a positive number of seconds: 0");
        assertThatThrownBy(() -> Commands.check(words("startwpar"))).hasMessage("Usage: startwpar [-a] [-m] [-v] wparName");
        assertThatThrownBy(() -> Commands.check(words("nosuchcmd -x"))).hasMessage("nosuchcmd: not found");
    }

    @Test
    void checkingNeverTouchesTheStateDirectory() throws Exception {
        Path dir = home.resolve("state");
        assertThat(Commands.check(words("mkwpar -n w1 -s"))).isTrue();
        assertThat(Commands.check(words("rmwpar -F w1"))).isTrue();
        assertThat(Files.exists(dir)).isFalse();
        // and the lines that checked still run
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Commands.run(new Invocation("lsdev", words("-Cc if"), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("SMITTY_WPAR_HOME", dir.toString()), home));
        assertThat(rc).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                en0 Available  Standard Ethernet Network Interface
                en1 Available  Standard Ethernet Network Interface
                lo0 Available  Loopback Network Interface
                """);
    }
}
