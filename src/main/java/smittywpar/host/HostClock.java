package smittywpar.host;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The host's clock: the system time, or a fixed time for tests and lab scenarios, and the few
 * ways AIX commands print a time. Formatted by hand: java.time's pattern formatters load locale
 * data that costs a young JVM tens of milliseconds.
 */
public final class HostClock {
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private HostClock() {
    }

    /** Parses "YYYY-MM-DD HH:MM:SS", or returns null. */
    public static LocalDateTime parseFixed(String s) {
        if (s == null || s.length() != 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != ' '
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        try {
            return LocalDateTime.of(num(s, 0, 4), num(s, 5, 7), num(s, 8, 10), num(s, 11, 13), num(s, 14, 16),
                    num(s, 17, 19));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static int num(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                throw new NumberFormatException(s);
            }
        }
        return Integer.parseInt(s, from, to, 10);
    }

    /**
     * The current local time of the host. {@code override} (from the environment, for tests)
     * takes precedence over the host's own clock setting.
     */
    public static ZonedDateTime now(Host h, String override) {
        ZoneOffset off = ZoneOffset.of(h.utcOffset);
        String fixed = override != null && !override.isBlank() ? override : h.clock;
        if (!"system".equals(fixed)) {
            LocalDateTime t = parseFixed(fixed);
            if (t != null) {
                return t.atZone(off);
            }
        }
        return ZonedDateTime.now(off).withNano(0);
    }

    /** Seconds since the epoch of a "YYYY-MM-DD HH:MM:SS" local time at {@code offsetSeconds} from UTC (0 when malformed). */
    public static long epoch(String fixed, int offsetSeconds) {
        // by hand: java.time's classes pull in its formatters and regular expressions, about ten
        // milliseconds of a young JVM, for a command (clogin NAME hostname) that needs no clock
        if (fixed == null || fixed.length() != 19) {
            return 0;
        }
        try {
            long y = num(fixed, 0, 4);
            int m = num(fixed, 5, 7);
            int d = num(fixed, 8, 10);
            if (m < 1 || m > 12 || d < 1 || d > 31) {
                return 0;
            }
            return days(y, m, d) * 86400 + num(fixed, 11, 13) * 3600L + num(fixed, 14, 16) * 60L + num(fixed, 17, 19)
                    - offsetSeconds;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
    private static long days(long year, int m, int d) {
        long y = year - (m <= 2 ? 1 : 0);
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    /**
     * Seconds since the epoch of {@code t}, as {@link ZonedDateTime#toEpochSecond} gives them. By
     * hand: java.time's leap-year test initialises {@code java.time.Year}, whose date formatter
     * costs a young JVM about two milliseconds (startwpar, every process it records).
     */
    public static long epochSecond(ZonedDateTime t) {
        return days(t.getYear(), t.getMonthValue(), t.getDayOfMonth()) * 86400 + t.getHour() * 3600L
                + t.getMinute() * 60L + t.getSecond() - t.getOffset().getTotalSeconds();
    }

    /** The day of the week of {@code t}, 0 for Monday to 6 for Sunday (as {@code getDayOfWeek().ordinal()}, by hand). */
    public static int weekday(ZonedDateTime t) {
        return (int) Math.floorMod(days(t.getYear(), t.getMonthValue(), t.getDayOfMonth()) + 3, 7L);
    }

    /** 06:00 of the day before {@code t}'s day, at {@code t}'s offset, in seconds since the epoch. */
    public static long dayBefore6(ZonedDateTime t) {
        return (days(t.getYear(), t.getMonthValue(), t.getDayOfMonth()) - 1) * 86400 + 6 * 3600L
                - t.getOffset().getTotalSeconds();
    }

    /** The host's local time of {@code epochSeconds}. */
    public static ZonedDateTime at(Host h, long epochSeconds) {
        return java.time.Instant.ofEpochSecond(epochSeconds).atZone(ZoneOffset.of(h.utcOffset));
    }

    /** The time as ls -l shows it: "Nov 26 10:00" within half a year of {@code now}, else "Nov 26  2025". */
    public static String lsDate(ZonedDateTime t, ZonedDateTime now) {
        long age = epochSecond(now) - epochSecond(t);
        String day = MONTHS[t.getMonthValue() - 1] + " " + (t.getDayOfMonth() < 10 ? " " : "") + t.getDayOfMonth();
        if (age >= 0 && age < 183L * 86400) {
            return day + " " + two(t.getHour()) + ":" + two(t.getMinute());
        }
        return day + "  " + t.getYear();
    }

    /** The STIME column of ps: "10:00:00" on the day of {@code now}, else "Nov 25". */
    public static String psTime(ZonedDateTime t, ZonedDateTime now) {
        if (t.toLocalDate().equals(now.toLocalDate())) {
            return two(t.getHour()) + ":" + two(t.getMinute()) + ":" + two(t.getSecond());
        }
        return MONTHS[t.getMonthValue() - 1] + " " + two(t.getDayOfMonth());
    }

    /** The time as AIX date(1) prints it: Thu Nov 26 10:00:00 CDT 2026. */
    public static String aixDate(Host h, ZonedDateTime t) {
        return DAYS[weekday(t)] + " " + MONTHS[t.getMonthValue() - 1] + " " + two(t.getDayOfMonth())
                + " " + two(t.getHour()) + ":" + two(t.getMinute()) + ":" + two(t.getSecond()) + " " + h.timezone + " "
                + t.getYear();
    }

    /** The time as mount lists it: Nov 26 10:00. */
    public static String mountDate(ZonedDateTime t) {
        return MONTHS[t.getMonthValue() - 1] + " " + two(t.getDayOfMonth()) + " " + two(t.getHour()) + ":"
                + two(t.getMinute());
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }
}
