package smittywpar.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AixPathTest {
    @Test
    void dotDotNeverClimbsAboveTheRootOfTheTree() {
        assertThat(AixPath.resolve("/", "../../etc/passwd")).isEqualTo("/etc/passwd");
        assertThat(AixPath.resolve("/home/guest", "../../../../tmp/./x")).isEqualTo("/tmp/x");
        assertThat(AixPath.resolve("/tmp", "/../../..")).isEqualTo("/");
        assertThat(AixPath.resolve("/a/b", "c//d/")).isEqualTo("/a/b/c/d");
        assertThat(AixPath.resolve("/a", "")).isEqualTo("/a");
    }

    @Test
    void pathsInsideAndAboveOthers() {
        assertThat(AixPath.under("/wpars/w1/etc", "/wpars/w1")).isTrue();
        assertThat(AixPath.under("/wpars/w10", "/wpars/w1")).isFalse();
        assertThat(AixPath.relativeTo("/wpars/w1/etc/hosts", "/wpars/w1")).isEqualTo("/etc/hosts");
        assertThat(AixPath.relativeTo("/wpars/w1", "/wpars/w1")).isEqualTo("/");
        assertThat(AixPath.join("/wpars/w1", "/")).isEqualTo("/wpars/w1");
        assertThat(AixPath.join("/", "/etc")).isEqualTo("/etc");
        assertThat(AixPath.parent("/etc")).isEqualTo("/");
        assertThat(AixPath.name("/etc/hosts")).isEqualTo("hosts");
    }

    @Test
    void encodingKeepsPlainNamesAndRoundTripsTheRest() {
        assertThat(AixPath.encode("/tmp/w1.spec")).isEqualTo("/tmp/w1.spec");
        for (String s : new String[] {"a b", "new\nline", "100%", "caf\u00e9", "tab\there", "%41"}) {
            String e = AixPath.encode(s);
            assertThat(e).doesNotContain(" ", "\n", "\t");
            assertThat(AixPath.decode(e)).isEqualTo(s);
        }
        assertThat(AixPath.decode("bad%4")).isNull();
        assertThat(AixPath.decode("bad%zz")).isNull();
    }

    @Test
    void epochSecondsOfAFixedTimeAsJavaTimeHasThem() {
        for (String t : new String[] {"1970-01-01 00:00:00", "2019-09-20 09:37:00", "2026-11-26 10:00:00",
            "2000-02-29 23:59:59", "2100-03-01 00:00:01", "1969-12-31 23:59:59"}) {
            long want = java.time.LocalDateTime.parse(t.replace(' ', 'T')).toEpochSecond(java.time.ZoneOffset.ofHours(-5));
            assertThat(HostClock.epoch(t, -5 * 3600)).as(t).isEqualTo(want);
        }
        assertThat(HostClock.epoch("2026-13-01 00:00:00", 0)).isZero();
        assertThat(HostClock.epoch("bad", 0)).isZero();
    }

    @Test
    void namesAndPathsTooLongForAix() {
        assertThat(AixPath.tooLong("/" + "a".repeat(255))).isFalse();
        assertThat(AixPath.tooLong("/" + "a".repeat(256))).isTrue();
        assertThat(AixPath.tooLong(("/" + "a".repeat(100)).repeat(11))).isTrue();
    }
}
