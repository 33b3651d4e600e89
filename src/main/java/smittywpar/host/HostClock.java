package smittywpar.host;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The host's clock: the system time, or a fixed time for tests and lab scenarios. */
public final class HostClock {
    private static final DateTimeFormatter FIXED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    /** AIX date(1) default: Thu Nov 26 10:00:00 CDT 2026 (zone name supplied separately). */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss", Locale.ROOT);

    private HostClock() {
    }

    static LocalDateTime parseFixed(String s) {
        try {
            return LocalDateTime.parse(s, FIXED);
        } catch (DateTimeParseException e) {
            return null;
        }
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

    /** The time as AIX date(1) prints it. */
    public static String aixDate(Host h, ZonedDateTime t) {
        return DATE.format(t) + " " + h.timezone + " " + t.getYear();
    }
}
