package smittywpar.tui;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real terminal for end-to-end tests: a private tmux server (own socket, status line off)
 * running {@code sh} in a window of a given size. Keys go in with {@code send-keys}, the screen
 * comes back with {@code capture-pane}.
 */
public final class Tmux implements AutoCloseable {
    private static int counter;
    private final String socket;
    private final Path dir;

    public static boolean available() {
        try {
            Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Starts {@code sh} (prompt {@code $ }) in a cols x rows window with the given extra
     * environment, in a fresh temporary directory ({@link #dir()}).
     */
    public Tmux(int cols, int rows, Map<String, String> env) throws IOException {
        synchronized (Tmux.class) {
            socket = "smitty-test-" + ProcessHandle.current().pid() + "-" + counter++;
        }
        dir = Files.createTempDirectory("tmux-test");
        Path conf = dir.resolve("tmux.conf");
        Files.writeString(conf, "set -g status off\nset -g escape-time 0\nset -g history-limit 0\n");
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket, "-f", conf.toString(), "new-session", "-d",
                "-c", dir.toString(), "-s", "t", "-x", String.valueOf(cols), "-y", String.valueOf(rows)));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.command().add("env");
        pb.command().add("PS1=$ ");
        pb.command().add("ENV=");
        env.forEach((k, v) -> pb.command().add(k + "=" + v));
        pb.command().add("sh");
        run(pb.command());
        waitFor(s -> s.contains("$"), 10_000, "the shell prompt");
    }

    public Path dir() {
        return dir;
    }

    /** tmux key names: {@code Enter}, {@code Escape}, {@code F4}, {@code C-c} ... */
    public void keys(String... keys) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket, "send-keys", "-t", "t"));
        cmd.addAll(List.of(keys));
        run(cmd);
    }

    /** Text typed literally. */
    public void type(String text) throws IOException {
        run(List.of("tmux", "-L", socket, "send-keys", "-t", "t", "-l", text));
    }

    /** Raw bytes, as hex pairs ("1b 5b 31 31 7e" is PuTTY's F1). */
    public void bytes(String hex) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket, "send-keys", "-t", "t", "-H"));
        cmd.addAll(List.of(hex.split(" ")));
        run(cmd);
    }

    /** Types a shell command line and Enter. */
    public void line(String command) throws IOException {
        type(command);
        keys("Enter");
    }

    public String screen() throws IOException {
        return run(List.of("tmux", "-L", socket, "capture-pane", "-p", "-t", "t"));
    }

    public boolean alternateScreen() throws IOException {
        return run(List.of("tmux", "-L", socket, "display", "-p", "-t", "t", "#{alternate_on}")).trim().equals("1");
    }

    /** From now on, appends every byte the pane's programs write to {@code file}; null stops. */
    public void pipe(Path file) throws IOException {
        run(List.of("tmux", "-L", socket, "pipe-pane", "-t", "t"));
        if (file != null) {
            run(List.of("tmux", "-L", socket, "pipe-pane", "-t", "t", "cat >> '" + file + "'"));
        }
    }

    public void resize(int cols, int rows) throws IOException {
        run(List.of("tmux", "-L", socket, "resize-window", "-t", "t", "-x", String.valueOf(cols), "-y",
                String.valueOf(rows)));
    }

    /** Polls the screen until {@code test} holds; fails showing the screen after {@code millis}. */
    public String waitFor(Predicate<String> test, long millis, String what) throws IOException {
        long end = System.nanoTime() + millis * 1_000_000L;
        String s = "";
        while (System.nanoTime() < end) {
            s = screen();
            if (test.test(s)) {
                return s;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("waited " + millis + " ms for " + what + "; the screen shows:\n" + s);
    }

    public String waitFor(String text) throws IOException {
        return waitFor(s -> s.contains(text), 15_000, "\"" + text + "\"");
    }

    public String waitForGone(String text) throws IOException {
        return waitFor(s -> !s.contains(text), 15_000, "\"" + text + "\" to go away");
    }

    private static String run(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("tmux did not answer: " + cmd);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        run(List.of("tmux", "-L", socket, "kill-server"));
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
