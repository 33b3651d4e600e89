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

    /**
     * {@link #now}'s time in seconds since the epoch, by hand: java.time's zone and date classes
     * cost a young JVM one to three milliseconds of static initialisers (ZoneOffset's caches and
     * their VarHandles, LocalDate, LocalDateTime) that the commands needing only a time stamp
     * (savewpar, wparexec, startwpar's processes) need not pay. Same clock, same fixed times
     * (an invalid one falls back to the system clock, as {@link #now} does), same errors.
     */
    public static long nowEpoch(Host h, String override) {
        int off = offsetSeconds(h.utcOffset);
        String fixed = override != null && !override.isBlank() ? override : h.clock;
        if (!"system".equals(fixed)) {
            long t = fixedEpoch(fixed, off);
            if (t != Long.MIN_VALUE) {
                return t;
            }
        }
        return Math.floorDiv(System.currentTimeMillis(), 1000L);
    }

    /** Seconds east of UTC of an offset: "+hh:mm" or "-hh:mm" by hand, anything else as java.time reads it. */
    static int offsetSeconds(String off) {
        if (off.length() == 6 && (off.charAt(0) == '+' || off.charAt(0) == '-') && off.charAt(3) == ':'
                && digit(off, 1) && digit(off, 2) && digit(off, 4) && digit(off, 5)) {
            int hh = (off.charAt(1) - '0') * 10 + off.charAt(2) - '0';
            int mm = (off.charAt(4) - '0') * 10 + off.charAt(5) - '0';
            if (mm < 60 && hh * 60 + mm <= 18 * 60) {
                int sec = (hh * 60 + mm) * 60;
                return off.charAt(0) == '-' ? -sec : sec;
            }
        }
        return ZoneOffset.of(off).getTotalSeconds();
    }

    private static boolean digit(String s, int i) {
        return s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    /**
     * Seconds since the epoch of a "YYYY-MM-DD HH:MM:SS" local time at {@code off} seconds from
     * UTC, or Long.MIN_VALUE when it is not a valid one ({@link #parseFixed}'s rules, by hand).
     */
    static long fixedEpoch(String s, int off) {
        if (s == null || s.length() != 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != ' '
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return Long.MIN_VALUE;
        }
        for (int i = 0; i < 19; i++) {
            if (i != 4 && i != 7 && i != 10 && i != 13 && i != 16 && !digit(s, i)) {
                return Long.MIN_VALUE;
            }
        }
        int y = num(s, 0, 4);
        int m = num(s, 5, 7);
        int d = num(s, 8, 10);
        int hh = num(s, 11, 13);
        int mm = num(s, 14, 16);
        int ss = num(s, 17, 19);
        boolean leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
        int monthDays = m == 2 ? (leap ? 29 : 28) : m == 4 || m == 6 || m == 9 || m == 11 ? 30 : 31;
        if (m < 1 || m > 12 || d < 1 || d > monthDays || hh > 23 || mm > 59 || ss > 59) {
            return Long.MIN_VALUE;
        }
        return days(y, m, d) * 86400 + hh * 3600L + mm * 60L + ss - off;
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

    /** {@link #aixDate(Host, ZonedDateTime)} of a time in seconds since the epoch, by hand (see {@link #nowEpoch}). */
    public static String aixDate(Host h, long epochSeconds) {
        long local = epochSeconds + offsetSeconds(h.utcOffset);
        long days = Math.floorDiv(local, 86400L);
        int sec = (int) Math.floorMod(local, 86400L);
        // the civil date of a day number (H. Hinnant's civil_from_days)
        long z = days + 719468;
        long era = Math.floorDiv(z, 146097L);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        return DAYS[(int) Math.floorMod(days + 3, 7L)] + " " + MONTHS[month - 1] + " " + two(day) + " "
                + two(sec / 3600) + ":" + two(sec / 60 % 60) + ":" + two(sec % 60) + " " + h.timezone + " " + year;
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
