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
        HostTime t = new HostTime(env);
        t.read();
        return t;
    }

    /**
     * {@link #clock}, with the host's clock settings read only when a time stamp is first wanted or
     * when the session first waits for a key (see {@link #hold}): smitty's first screen and the
     * first keys typed do not share the processor with that reading.
     */
    public static Supplier<LocalDateTime> clockLater(Map<String, String> env) {
        return new HostTime(env);
    }

    /**
     * The host's time: its clock settings read once, on a thread of their own, then asked at each
     * time stamp. (A class, not lambdas: no lambda machinery on the way to the first frame.)
     */
    private static final class HostTime extends Thread implements Supplier<LocalDateTime> {
        private final Map<String, String> env;
        private final LocalDateTime fixed;
        private Host host;
        private boolean started;
        private boolean done;
        /** The log whose held entries are written as soon as the settings are read (see {@link SmitLog#releaseSoon}). */
        private SmitLog waiting;

        HostTime(Map<String, String> env) {
            super("smit-clock");
            setDaemon(true);
            this.env = env;
            String f = env.get(ENV_CLOCK);
            this.fixed = f == null ? null : HostClock.parseFixed(f.strip());
            if (fixed != null) {
                done = true;
                started = true;
            }
        }

        /** Starts reading the settings (once). */
        synchronized void read() {
            if (!started) {
                started = true;
                start();
            }
        }

        @Override
        public void run() {
            Host h = null;
            try {
                h = host(env);
            } finally {
                // whatever happened, a time stamp waiting for this gets one (this machine's time without a host)
                SmitLog log;
                synchronized (this) {
                    host = h;
                    done = true;
                    log = waiting;
                    waiting = null;
                    notifyAll();
                }
                if (log != null) {
                    log.release();
                }
            }
        }

        /** Writes the held entries of {@code log} once the settings are read: now when they are, else on this thread. */
        void then(SmitLog log) {
            synchronized (this) {
                if (!done) {
                    waiting = log;
                    read();
                    return;
                }
            }
            log.release();
        }

        @Override
        public LocalDateTime get() {
            if (fixed != null) {
                return fixed;
            }
            Host h;
            synchronized (this) {
                read();
                boolean interrupted = false;
                while (!done) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                h = host;
            }
            return h != null ? HostClock.now(h, null).toLocalDateTime() : machineTime();
        }
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

    /** [Mon DD YYYY, HH:MM:SS]; what {@link #hold} kept is written first (it is older). */
    String stamp() {
        release();
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

    /** The entries that wait for the first time stamp (see {@link #hold}), or null. */
    private StringBuilder held;
    private boolean startHeld;

    /**
     * From now until {@link #release}, the session's start and the screens shown are kept in
     * memory instead of being appended at once, so that the first screen does not wait for the
     * host's clock (their time stamp); any entry that needs a time stamp of its own writes them
     * first, so smit.log keeps its order. smitty's screens hold from the start and release when
     * the session first waits for a key ({@link #releaseSoon}).
     */
    public synchronized void hold() {
        if (held == null) {
            held = new StringBuilder();
        }
    }

    /** Appends what {@link #hold} kept (the start with its time stamp, then the screens). */
    public synchronized void release() {
        if (held == null) {
            return;
        }
        String rest = held.toString();
        boolean start = startHeld;
        held = null;
        startHeld = false;
        append(log, (start ? startEntry() : "") + rest);
    }

    /**
     * {@link #release}, without waiting for the host's clock: on the clock's own thread once it
     * is read (it is started now if it was not).
     */
    public void releaseSoon() {
        synchronized (this) {
            if (held == null) {
                return;
            }
        }
        if (clock instanceof HostTime t) {
            t.then(this);
        } else {
            release();
        }
    }

    /** An entry of smit.log: kept when it may wait ({@link #hold}), else written after what is kept. */
    private synchronized void log(String text, boolean mayWait) {
        if (held != null) {
            if (mayWait) {
                held.append(text);
                return;
            }
            release();
        }
        append(log, text);
    }

    private String startEntry() {
        return stamp() + "\n" + Messages.get("smit.log.start") + "\n\n";
    }

    public void start() {
        synchronized (this) {
            if (held != null) {
                startHeld = true;
                return;
            }
        }
        log(startEntry(), false);
    }

    public void exit() {
        log(stamp() + "\n" + Messages.get("smit.log.exit") + "\n\n", false);
    }

    /** A screen was shown: {@code kind} is smit.log.menu, smit.log.selector or smit.log.dialog. */
    public void screen(String kindKey, String fastPath, String id, String next, String title) {
        log(Messages.get(kindKey, fastPath, id, next, title) + "\n\n", true);
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
        log(sb.append('\n').toString(), false);
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
        log(sb.append('\n').toString(), false);
    }

    /** F8: the screen as displayed. */
    public void image(String fastPath, List<String> lines) {
        StringBuilder sb = new StringBuilder(stamp()).append('\n');
        sb.append(Messages.get("smit.log.image", fastPath)).append('\n');
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        sb.append(Messages.get("smit.log.end")).append('\n');
        log(sb.append('\n').toString(), false);
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
