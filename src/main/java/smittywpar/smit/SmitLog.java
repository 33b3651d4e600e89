package smittywpar.smit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Supplier;

import smittywpar.host.Host;
import smittywpar.host.HostClock;
import smittywpar.msg.Messages;
import smittywpar.wpar.Console;
import smittywpar.wpar.Transaction;
import smittywpar.wpar.WparEngine;

/**
 * smit.log and smit.script. Both are only ever appended to (opened, written and closed for
 * each entry, so nothing is lost when smitty ends abruptly) and never overwritten; when a file
 * cannot be written it is silently skipped, as SMIT does.
 *
 * <p>smit.script gets every command that runs (or would run, with {@code -x} or {@code -X})
 * exactly as F6 shows it, after a comment block with the time, so the file can be run as a
 * shell script with smitty-wpar's bin/ on PATH. smit.log records the session: start, screens
 * shown, commands with their output, F8 screen images, exit; with {@code -v} also the list and
 * discover commands and their output.
 */
public final class SmitLog {
    /** Environment variable that fixes the clock (YYYY-MM-DD HH:MM:SS), shared with the host simulation. */
    public static final String ENV_CLOCK = "SMITTY_WPAR_CLOCK";
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private final Path log;
    private final Path script;
    private final Supplier<LocalDateTime> clock;
    private final boolean verbose;

    /**
     * @param log smit.log, or null for none
     * @param script smit.script, or null for none
     */
    public SmitLog(Path log, Path script, Supplier<LocalDateTime> clock, boolean verbose) {
        this.log = log;
        this.script = script;
        this.clock = clock;
        this.verbose = verbose;
    }

    /**
     * The clock of the simulated host, as {@code mount}, {@code lswpar -T} and the WPAR shell show
     * it: the host's own time (its fixed clock, or the system time) in its time zone; {@value
     * #ENV_CLOCK} when set and valid fixes it, as it does for the commands. The host's clock
     * settings are read from its state on a thread of their own, started here, so that smitty's
     * first screen does not wait for them; the first time stamp waits. When they cannot be read (a
     * damaged state) the local time of this machine is used.
     */
    public static Supplier<LocalDateTime> clock(Map<String, String> env) {
        String fixed = env.get(ENV_CLOCK);
        LocalDateTime t = fixed == null ? null : HostClock.parseFixed(fixed.strip());
        if (t != null) {
            return () -> t;
        }
        Host[] host = new Host[1];
        Thread reader = new Thread(() -> host[0] = host(env), "smit-clock");
        reader.setDaemon(true);
        reader.start();
        return () -> {
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return host[0] != null ? HostClock.now(host[0], null).toLocalDateTime() : machineTime();
        };
    }

    /** The host of the state directory of {@code env}, or null when it cannot be read. */
    private static Host host(Map<String, String> env) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try {
            return new WparEngine("smitty", new Console(quiet, quiet), env).read(Transaction::host);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The local time of this machine, without java.time's zone database (it costs a cold JVM 30-40 ms). */
    private static LocalDateTime machineTime() {
        long ms = System.currentTimeMillis();
        long local = ms + TimeZone.getDefault().getOffset(ms);
        return LocalDateTime.ofEpochSecond(Math.floorDiv(local, 1000), 0, ZoneOffset.UTC);
    }

    public Path logFile() {
        return log;
    }

    public Path scriptFile() {
        return script;
    }

    public boolean verbose() {
        return verbose;
    }

    /** [Mon DD YYYY, HH:MM:SS] */
    String stamp() {
        LocalDateTime t = clock.get();
        StringBuilder sb = new StringBuilder(24).append('[').append(MONTHS[t.getMonthValue() - 1]).append(' ');
        two(sb, t.getDayOfMonth()).append(' ').append(t.getYear()).append(", ");
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        return two(sb, t.getSecond()).append(']').toString();
    }

    private static StringBuilder two(StringBuilder sb, int n) {
        return sb.append(n < 10 ? "0" : "").append(n);
    }

    public void start() {
        append(log, stamp() + "\n" + Messages.get("smit.log.start") + "\n\n");
    }

    public void exit() {
        append(log, stamp() + "\n" + Messages.get("smit.log.exit") + "\n\n");
    }

    /** A screen was shown: {@code kind} is smit.log.menu, smit.log.selector or smit.log.dialog. */
    public void screen(String kindKey, String fastPath, String id, String next, String title) {
        append(log, Messages.get(kindKey, fastPath, id, next, title) + "\n\n");
    }

    /** The task command: the line that ran (or would run) and its output (null when not run). */
    public void command(String line, CommandRunner.Result result) {
        StringBuilder sb = new StringBuilder(stamp()).append('\n');
        sb.append(Messages.get("smit.log.exec", line)).append('\n');
        if (result != null) {
            sb.append('\n').append(Messages.get("smit.log.output")).append('\n');
            for (View.OutputLine l : result.lines()) {
                sb.append(l.text()).append('\n');
            }
            sb.append(Messages.get("smit.log.end")).append('\n');
        } else {
            sb.append(Messages.get("smit.log.notrun")).append('\n');
        }
        append(log, sb.append('\n').toString());
    }

    /** A list, discover or classify command (logged with -v only): kind is List, Discover or Classify. */
    public void helper(String kind, String line, CommandRunner.Result result) {
        if (!verbose) {
            return;
        }
        StringBuilder sb = new StringBuilder(stamp()).append('\n');
        sb.append(Messages.get("smit.log.helper", kind, line)).append('\n');
        if (result != null) {
            for (View.OutputLine l : result.lines()) {
                sb.append(l.text()).append('\n');
            }
            sb.append(Messages.get("smit.log.end")).append('\n');
        }
        append(log, sb.append('\n').toString());
    }

    /** F8: the screen as displayed. */
    public void image(String fastPath, List<String> lines) {
        StringBuilder sb = new StringBuilder(stamp()).append('\n');
        sb.append(Messages.get("smit.log.image", fastPath)).append('\n');
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        sb.append(Messages.get("smit.log.end")).append('\n');
        append(log, sb.append('\n').toString());
    }

    /** A command in smit.script: the comment block with the time, then the line. */
    public void script(String line) {
        append(script, "#\n#  " + stamp() + "\n#\n" + line + "\n\n");
    }

    private static void append(Path file, String text) {
        if (file == null) {
            return;
        }
        // a FIFO would block the open until a reader comes, a device is no log: only a regular file (or none)
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            return;
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            w.write(text);
        } catch (IOException | RuntimeException e) {
            // not writable: SMIT runs on without its log
        }
    }
}
