package smittywpar.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;

import org.junit.jupiter.api.Test;

/**
 * The clock's by-hand paths (no java.time) give what the java.time ones give: the time of a
 * fixed clock in seconds, the fall-back to the system clock for an invalid one, and date(1)'s
 * text, at every offset a host may have.
 */
class HostClockTest {
    private static Host host(String offset, String clock) {
        Host h = new Host();
        h.utcOffset = offset;
        h.timezone = "CDT";
        h.clock = clock;
        return h;
    }

    private static final String[] OFFSETS = {"+00:00", "-05:00", "+05:30", "-09:30", "+14:00", "-12:00", "+18:00",
        "-18:00", "Z"};

    @Test
    void aFixedClockGivesTheSameSecondsAsJavaTime() {
        String[] fixed = {"2026-11-26 10:00:00", "1970-01-01 00:00:00", "1969-12-31 23:59:59", "2000-02-29 12:34:56",
            "2024-02-29 23:59:59", "2100-12-31 00:00:01", "0001-01-01 00:00:00", "9999-12-31 23:59:59",
            "2026-03-08 02:30:00"};
        for (String off : OFFSETS) {
            for (String f : fixed) {
                Host h = host(off, f);
                assertThat(HostClock.nowEpoch(h, null)).as(off + " " + f)
                        .isEqualTo(HostClock.now(h, null).toEpochSecond());
                assertThat(HostClock.nowEpoch(host(off, "system"), f)).as("override " + off + " " + f)
                        .isEqualTo(HostClock.now(host(off, "system"), f).toEpochSecond());
            }
        }
    }

    @Test
    void anInvalidFixedTimeIsTheSystemClockAsWithJavaTime() {
        String[] invalid = {"2023-02-29 10:00:00", "2026-13-01 10:00:00", "2026-04-31 10:00:00", "2026-11-26 24:00:00",
            "2026-11-26 10:60:00", "2026-11-26 10:00:60", "2026-00-10 10:00:00", "2026-11-00 10:00:00",
            "2026-11-26T10:00:00", "2026-11-26 10:00", "2026-11-2x 10:00:00", "+026-11-26 10:00:00", "", "system"};
        for (String f : invalid) {
            Host h = host("-05:00", f);
            assertThat(HostClock.now(h, null).getYear()).as(f).isGreaterThanOrEqualTo(2025);
            long before = System.currentTimeMillis() / 1000;
            long got = HostClock.nowEpoch(h, null);
            long after = System.currentTimeMillis() / 1000;
            assertThat(got).as(f).isBetween(before, after);
        }
        assertThat(HostClock.nowEpoch(host("+01:00", "2026-11-26 10:00:00"), "  "))
                .isEqualTo(HostClock.now(host("+01:00", "2026-11-26 10:00:00"), "  ").toEpochSecond());
    }

    @Test
    void anOffsetJavaTimeRefusesIsRefusedTheSameWay() {
        for (String off : new String[] {"+19:00", "+05:60", "05:00", "+5:00"}) {
            assertThatThrownBy(() -> HostClock.now(host(off, "system"), null)).isInstanceOf(DateTimeException.class);
            assertThatThrownBy(() -> HostClock.nowEpoch(host(off, "system"), null))
                    .isInstanceOf(DateTimeException.class);
        }
    }

    @Test
    void dateTextIsTheSameAsJavaTimes() {
        long[] times = {0, -1, 86399, 86400, 951782400L, 951868799L, 1796246934L, 4102444799L, -62135596800L,
            253402300799L, 1709251199L, 1709164800L};
        for (String off : OFFSETS) {
            Host h = host(off, "system");
            for (long t : times) {
                for (long d = -2; d <= 2; d++) {
                    long e = t + d * 3607;
                    assertThat(HostClock.aixDate(h, e)).as(off + " " + e).isEqualTo(HostClock.aixDate(h,
                            HostClock.at(h, e)));
                }
            }
            for (long e = -400L * 86400 * 366; e < 400L * 86400 * 366; e += 86400L * 37 + 3671) {
                assertThat(HostClock.aixDate(h, e)).as(off + " " + e).isEqualTo(HostClock.aixDate(h,
                        HostClock.at(h, e)));
            }
        }
        assertThat(HostClock.aixDate(host("-05:00", "system"), 1796246934L)).isEqualTo("Wed Dec 02 16:28:54 CDT 2026");
    }
}
