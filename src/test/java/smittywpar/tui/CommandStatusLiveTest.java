package smittywpar.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;

import smittywpar.cmd.Commands;
import smittywpar.cmd.Invocation;
import smittywpar.smit.CommandRunner;
import smittywpar.smit.MenuSource;
import smittywpar.smit.MenuTree;
import smittywpar.smit.Session;
import smittywpar.smit.SmitLog;
import smittywpar.smit.TreeCache;

/**
 * COMMAND STATUS while a command runs, on Lanterna's virtual terminal through the real screen
 * loop: {@code Command: running} with the output growing as the command writes it, then
 * {@code OK} (or {@code failed}); the screen scrolls meanwhile, F3 and F10 are refused, Ctrl-C
 * interrupts the command. The command is the real mkwpar (dozens of lines) behind a slow
 * terminal: each line it writes waits for the test to let it go on.
 */
class CommandStatusLiveTest {
    private static MenuTree tree;

    @TempDir
    Path dir;

    private final Semaphore lines = new Semaphore(0);
    private Map<String, String> env;
    private DefaultVirtualTerminal term;
    private TuiApp app;
    private Session session;

    private static synchronized MenuTree tree() {
        if (tree == null) {
            tree = TreeCache.load(MenuSource.packaged(), null);
        }
        return tree;
    }

    /** Passes the bytes on; after each complete line, waits until the test lets one more line go. */
    private final class SlowTerminal extends OutputStream {
        private final PrintStream to;

        SlowTerminal(PrintStream to) {
            this.to = to;
        }

        @Override
        public void write(int b) {
            to.write(b);
            if (b == '\n') {
                to.flush();
                try {
                    if (!lines.tryAcquire(20, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never let the next line go");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** The command registry with mkwpar behind a slow terminal (other commands as they are). */
    private int launch(Invocation inv) {
        if (!inv.name().equals("mkwpar")) {
            return Commands.run(inv);
        }
        PrintStream out = new PrintStream(new SlowTerminal(inv.out()), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new SlowTerminal(inv.err()), true, StandardCharsets.UTF_8);
        return Commands.run(new Invocation(inv.name(), inv.args(), inv.in(), out, err, inv.env(), inv.cwd()));
    }

    @BeforeEach
    void environment() {
        env = new LinkedHashMap<>();
        env.put("SMITTY_WPAR_HOME", dir.resolve("state").toString());
        env.put("SMITTY_WPAR_CLOCK", "2026-11-26 10:00:00");
        env.put("HOME", dir.toString());
    }

    private void start(String fastPath) throws IOException {
        SmitLog log = new SmitLog(dir.resolve("smit.log"), dir.resolve("smit.script"), SmitLog.clock(env), false);
        session = new Session(tree(), new CommandRunner(env, dir, this::launch), log, null);
        session.start(fastPath, (char) 0);
        term = new DefaultVirtualTerminal(new TerminalSize(80, 24));
        TerminalScreen screen = new TerminalScreen(term);
        app = new TuiApp(screen, null, new SessionController(session), new Renderer(Glyphs.UNICODE, Theme.MONO),
                null);
        screen.startScreen();
        app.step();
    }

    @AfterEach
    void letItEnd() {
        lines.release(100_000);
        if (session != null) {
            session.exit();
        }
    }

    private String[] rows() {
        return Screens.textOnly(Screens.dump(term)).split("\n", -1);
    }

    private String text() {
        return String.join("\n", rows());
    }

    private void keys(KeyStroke... ks) throws IOException {
        for (KeyStroke k : ks) {
            term.addInput(k);
        }
        app.step();
    }

    private void type(String s) throws IOException {
        for (char c : s.toCharArray()) {
            keys(new KeyStroke(c, false, false));
        }
    }

    /** Steps the loop (as it runs on a virtual terminal) until the screen contains {@code what}. */
    private String[] until(String what) throws IOException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            app.step();
            if (text().contains(what)) {
                return rows();
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        fail("the screen never showed \"" + what + "\":\n" + text());
        return null;
    }

    /** The output rows of COMMAND STATUS (between the notice and the legend), without the markers. */
    private static List<String> output(String[] rows) {
        return Arrays.asList(rows).subList(6, 20);
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> out = new java.util.ArrayList<>(a);
        out.add(b);
        return out;
    }

    /** What mkwpar -n w1 prints (run on another host, all at once). */
    private List<String> mkwparOutput() {
        Map<String, String> other = new LinkedHashMap<>(env);
        other.put("SMITTY_WPAR_HOME", dir.resolve("other").toString());
        return new CommandRunner(other, dir).run(List.of("mkwpar", "-n", "w1")).stdout();
    }

    @Test
    void outputGrowsWhileRunningThenOkAndSmitLogHasItAll() throws IOException {
        List<String> all = mkwparOutput();
        assertThat(all.size()).as("mkwpar prints more lines than a screen shows").isGreaterThan(30);
        start("mkwpar");
        type("w1");
        keys(new KeyStroke(KeyType.Enter));
        String[] s = until(all.get(0));
        assertThat(s[0]).isEqualTo("                                 COMMAND STATUS");
        assertThat(s[2]).isEqualTo("Command: running       stdout: yes           stderr: no");
        assertThat(s[4]).isEqualTo("Before command completion, additional instructions may appear below.");
        assertThat(s[6]).isEqualTo(all.get(0));
        assertThat(output(s)).containsOnly(all.get(0), "");

        lines.release(3);
        s = until(all.get(3));
        assertThat(s[2]).startsWith("Command: running");
        assertThat(output(s).subList(0, 5)).containsExactlyElementsOf(concat(all.subList(0, 4), ""));

        // F3, Esc 3 and F10 do not leave a command that runs; the screen stays
        keys(new KeyStroke(KeyType.F3));
        keys(new KeyStroke(KeyType.Escape), new KeyStroke('3', false, false));
        keys(new KeyStroke(KeyType.F10));
        assertThat(session.finished()).isFalse();
        assertThat(rows()[0]).isEqualTo("                                 COMMAND STATUS");
        assertThat(rows()[2]).startsWith("Command: running");

        // more than a screen: the screen follows the end of the output
        lines.release(25);
        s = until(all.get(28));
        assertThat(s[2]).startsWith("Command: running");
        assertThat(s[6]).isEqualTo("[MORE...17]");
        assertThat(Arrays.asList(s).subList(7, 19)).containsExactlyElementsOf(all.subList(17, 29));
        assertThat(s[19]).isEqualTo("[BOTTOM]");
        // scrolling works while it runs: to the top, and the screen stays there as lines come
        keys(new KeyStroke(KeyType.Home));
        assertThat(rows()[6]).isEqualTo("[TOP]");
        assertThat(rows()[7]).isEqualTo(all.get(0));
        lines.release(1);
        until("[MORE...18]");
        assertThat(rows()[7]).isEqualTo(all.get(0));
        keys(new KeyStroke(KeyType.PageDown));
        assertThat(rows()[6]).isNotEqualTo("[TOP]");

        lines.release(100_000);
        s = until("Command: OK");
        assertThat(s[2]).isEqualTo("Command: OK            stdout: yes           stderr: no");
        // done: it opens at the top, as AIX shows a finished command
        assertThat(s[6]).isEqualTo("[TOP]");
        assertThat(s[7]).isEqualTo(all.get(0));
        String log = Files.readString(dir.resolve("smit.log"));
        assertThat(log).contains(String.join("\n", all));
        assertThat(new CommandRunner(env, dir).run(List.of("lswpar", "-qca", "name")).stdout()).containsExactly("w1");

        // now F3 goes back to the dialog
        keys(new KeyStroke(KeyType.F3));
        assertThat(rows()[0]).contains("Create a System Workload Partition");
    }

    /**
     * Bytes written to a terminal, readable while they are written; {@link #text()} plays them on
     * an 80x24 grid (cursor moves and clears; other control sequences are skipped).
     */
    private static final class Screen extends java.io.ByteArrayOutputStream {
        synchronized String text() {
            String in = toString(StandardCharsets.UTF_8);
            char[][] g = new char[24][80];
            for (char[] r : g) {
                Arrays.fill(r, ' ');
            }
            int row = 0;
            int col = 0;
            for (int i = 0; i < in.length(); i++) {
                char c = in.charAt(i);
                if (c == 27 && i + 1 < in.length() && in.charAt(i + 1) == '[') {
                    int j = i + 2;
                    while (j < in.length() && !Character.isLetter(in.charAt(j)) && in.charAt(j) != '~') {
                        j++;
                    }
                    String args = in.substring(i + 2, Math.min(j, in.length()));
                    char cmd = j < in.length() ? in.charAt(j) : ' ';
                    if (cmd == 'H') {
                        String[] rc = args.isEmpty() ? new String[] {"1", "1"} : args.split(";");
                        row = Integer.parseInt(rc[0]) - 1;
                        col = rc.length > 1 ? Integer.parseInt(rc[1]) - 1 : 0;
                    } else if (cmd == 'J' && args.equals("2")) {
                        for (char[] r : g) {
                            Arrays.fill(r, ' ');
                        }
                    }
                    i = j;
                } else if (c == 27) {
                    i++;
                } else if (c >= ' ' && row >= 0 && row < 24 && col >= 0 && col < 80) {
                    g[row][col++] = c;
                }
            }
            StringBuilder sb = new StringBuilder();
            for (char[] r : g) {
                sb.append(new String(r).stripTrailing()).append('\n');
            }
            return sb.toString();
        }

        /** Waits until the bytes written contain {@code what}; false after 20 s. */
        boolean waitFor(String what) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!text().contains(what)) {
                if (System.nanoTime() > end) {
                    return false;
                }
                Thread.sleep(5);
            }
            return true;
        }
    }

    /**
     * On a terminal the loop sleeps in a read until a key comes: the lines a command writes
     * meanwhile are drawn all the same (by the painter), and the loop goes on with the next key.
     */
    @Test
    void onATerminalLinesAreDrawnWhileTheLoopWaitsForAKey() throws Exception {
        List<String> all = mkwparOutput();
        SmitLog log = new SmitLog(dir.resolve("smit.log"), dir.resolve("smit.script"), SmitLog.clock(env), false);
        session = new Session(tree(), new CommandRunner(env, dir, this::launch), log, null);
        session.start("mkwpar", (char) 0);
        Map<String, String> tty = new java.util.HashMap<>(env);
        tty.put("TERM", "xterm");
        tty.put(SmitTerminal.ENV_SAVED, "500:5:bf:8a3b:3:1c:7f:15:4:0:1:0:11:13:1a:0:12:f:17:16:0:0:0");
        tty.put(SmitTerminal.ENV_SIZE, "24 80");
        tty.put(SmitTerminal.ENV_PID, Long.toString(SmitTerminal.parentPid()));
        java.io.PipedOutputStream typed = new java.io.PipedOutputStream();
        java.io.PipedInputStream keys = new java.io.PipedInputStream(typed);
        Screen screen = new Screen();
        SmitTerminal term = SmitTerminal.open(keys, screen, StandardCharsets.UTF_8, tty);
        term.forget();
        TuiApp loop = new TuiApp(term, term, new SessionController(session), new Renderer(Glyphs.UNICODE,
                Theme.MONO), null);
        Thread t = new Thread(() -> {
            try {
                loop.run();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "test-loop");
        t.start();
        assertThat(screen.waitFor("Create a System Workload Partition")).as(screen.text()).isTrue();
        typed.write("w1\r".getBytes(StandardCharsets.UTF_8));
        typed.flush();
        assertThat(screen.waitFor(all.get(0))).as("the first line, drawn while the loop waits").isTrue();
        assertThat(screen.text()).contains("Command: running").doesNotContain(all.get(2));
        lines.release(5);
        assertThat(screen.waitFor(all.get(5))).as("more lines, no key typed").isTrue();
        assertThat(t.getState()).isNotEqualTo(Thread.State.TERMINATED);
        lines.release(100_000);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (session.running() && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertThat(session.running()).isFalse();
        assertThat(screen.waitFor("OK")).isTrue();
        typed.write("\u001b[21~".getBytes(StandardCharsets.UTF_8)); // F10
        typed.flush();
        t.join(20_000);
        assertThat(t.isAlive()).isFalse();
        assertThat(session.finished()).isTrue();
    }

    @Test
    void ctrlCInterruptsTheCommandWhichFailsAndChangesNothing() throws IOException {
        List<String> all = mkwparOutput();
        start("mkwpar");
        type("w1");
        keys(new KeyStroke(KeyType.Enter));
        until(all.get(0));
        keys(new KeyStroke('c', true, false));
        assertThat(rows()[2]).as("it ends at its next line").startsWith("Command: running");
        lines.release(1);
        String[] s = until("Command: failed");
        assertThat(s[2]).isEqualTo("Command: failed        stdout: yes           stderr: no");
        assertThat(output(s).subList(0, 2)).containsExactly(all.get(0), "");
        // mkwpar wrote nothing: its transaction never committed
        CommandRunner.Result r = new CommandRunner(env, dir).run(List.of("lswpar", "w1"));
        assertThat(r.exitCode()).isNotZero();
        assertThat(String.join("\n", Files.readString(dir.resolve("smit.log")))).contains(all.get(0));
        // Ctrl-C is Cancel again once it has ended
        keys(new KeyStroke('c', true, false));
        assertThat(rows()[0]).contains("Create a System Workload Partition");
    }

    @Test
    void aSecondRunShowsItsOwnOutputAsItComes() throws IOException {
        List<String> all = mkwparOutput();
        start("mkwpar");
        type("w1");
        keys(new KeyStroke(KeyType.Enter));
        lines.release(100_000);
        until("Command: OK");
        keys(new KeyStroke(KeyType.F3));
        lines.drainPermits();
        // the same name again: mkwpar refuses it on its first line, on standard error
        keys(new KeyStroke(KeyType.Enter));
        String[] s = until("Command: ");
        assertThat(s[0]).isEqualTo("                                 COMMAND STATUS");
        lines.release(100_000);
        s = until("Command: failed");
        assertThat(s[2]).isEqualTo("Command: failed        stdout: no            stderr: yes");
        assertThat(output(s)).containsOnly("mkwpar: 0960-014 Workload partition w1 already exists.", "");
    }
}
