package smittywpar.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import smittywpar.cmd.Commands;
import smittywpar.cmd.Invocation;
import smittywpar.smit.ShellWords;

/**
 * A simulated host for tests: a fresh state directory with a fixed clock and id seed, and a way
 * to run commands in-process exactly as bin/NAME would, capturing stdout, stderr (interleaved in
 * order, tagged) and the exit status. {@code smitty-wpar} (the lab command) runs as bin/smitty-wpar would.
 */
public final class Sim {
    public static final String CLOCK = "2026-11-26 10:00:00";
    public static final String SEED = "20261126";

    private final Path home;
    private final Map<String, String> env = new HashMap<>();

    public Sim(Path home) {
        this.home = home;
        env.put("SMITTY_WPAR_HOME", home.toString());
        env.put("SMITTY_WPAR_CLOCK", CLOCK);
        env.put("SMITTY_WPAR_SEED", SEED);
        env.put("HOME", home.toString());
    }

    public Path home() {
        return home;
    }

    public Map<String, String> env() {
        return env;
    }

    /** One line of output: from stderr or stdout. */
    public record Line(boolean err, String text) {
    }

    /** What a command printed and returned. */
    public record Result(int exit, List<Line> lines) {
        public String out() {
            return join(false);
        }

        public String err() {
            return join(true);
        }

        private String join(boolean err) {
            StringBuilder sb = new StringBuilder();
            for (Line l : lines) {
                if (l.err == err) {
                    sb.append(l.text).append('\n');
                }
            }
            return sb.toString();
        }
    }

    /**
     * Runs a command line (sh's quoting; patterns match no file) in-process. A line ending in
     * {@code &} runs as the shell runs a background command: what it leaves running (a wparexec
     * application) goes on, and the command returns once it has started it.
     */
    public Result run(String commandLine) {
        String line = commandLine.strip();
        boolean background = line.endsWith(" &");
        List<String> words = ShellWords.splitUnmatchedPatterns(
                background ? line.substring(0, line.length() - 2) : commandLine);
        if (background) {
            return run(words.get(0), words.subList(1, words.size()), new byte[0], env, true);
        }
        return run(words.get(0), words.subList(1, words.size()));
    }

    public Result run(String name, List<String> args) {
        return run(name, args, new byte[0], env);
    }

    /** Runs a command in the background (see {@link Commands#runInBackground}). */
    public Result runInBackground(String name, List<String> args) {
        return run(name, args, new byte[0], env, true);
    }

    /**
     * Runs a command line that reads {@code input} on a test terminal ({@code SMITTY_WPAR_TTY=echo}):
     * the screen shows each prompt with the line typed after it; standard output and error are
     * one screen (every line is reported as standard output).
     */
    public Result runOnTerminal(String commandLine, String input) {
        List<String> words = ShellWords.splitUnmatchedPatterns(commandLine);
        Map<String, String> e = new HashMap<>(env);
        e.put("SMITTY_WPAR_TTY", "echo");
        List<Line> lines = new ArrayList<>();
        LineSink screen = new LineSink(lines, false);
        PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
        int rc = Commands.run(new Invocation(words.get(0), List.copyOf(words.subList(1, words.size())),
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, out, Map.copyOf(e), home));
        out.flush();
        screen.close();
        return new Result(rc, lines);
    }

    /** Runs a command with {@code input} as its standard input and environment {@code e}. */
    public Result run(String name, List<String> args, byte[] input, Map<String, String> e) {
        return run(name, args, input, e, false);
    }

    private Result run(String name, List<String> args, byte[] input, Map<String, String> e, boolean background) {
        List<Line> lines = new ArrayList<>();
        LineSink outSink = new LineSink(lines, false);
        LineSink errSink = new LineSink(lines, true);
        PrintStream out = new PrintStream(outSink, false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errSink, true, StandardCharsets.UTF_8);
        Invocation inv = new Invocation(name, List.copyOf(args), new ByteArrayInputStream(input), out, err,
                Map.copyOf(e), home);
        int rc = name.equals("smitty-wpar")
                ? smittywpar.lab.Lab.run(List.copyOf(args), new ByteArrayInputStream(input), out, err, Map.copyOf(e), home)
                : background ? Commands.runInBackground(inv) : Commands.run(inv);
        out.flush();
        err.flush();
        outSink.close();
        errSink.close();
        return new Result(rc, lines);
    }

    /** Edits host.cf of this (already created) state directory, as a trainer building a scenario would. */
    public void editHost(java.util.function.UnaryOperator<String> edit) {
        run("lswpar");
        Path host = home.resolve("host.cf");
        try {
            Files.writeString(host, edit.apply(Files.readString(host)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Appends lines to the WPAR index of a state directory as if the program had written them
     * (the index ends with a CRC-32 line of the rest; a hand edit without it is taken as damage).
     */
    public static void appendToIndex(Path home, String lines) {
        Path idx = home.resolve("wpars.idx");
        try {
            String text = Files.readString(idx);
            String body = text.substring(0, text.lastIndexOf("#crc32 ")) + lines;
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(body.getBytes(StandardCharsets.UTF_8));
            Files.writeString(idx, body + String.format("#crc32 %08x%n", crc.getValue()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file of the state directory with its bytes (for "state unchanged" checks). */
    public Map<String, String> snapshot() {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(home)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p) && !p.getFileName().toString().equals(".lock")) {
                    files.put(home.relativize(p).toString(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Collects whole lines into a shared, ordered list. */
    static final class LineSink extends OutputStream {
        private final List<Line> lines;
        private final boolean err;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

        LineSink(List<Line> lines, boolean err) {
            this.lines = lines;
            this.err = err;
        }

        @Override
        public void write(int b) {
            if (b == '\n') {
                emit();
            } else {
                buf.write(b);
            }
        }

        private void emit() {
            synchronized (lines) {
                lines.add(new Line(err, buf.toString(StandardCharsets.UTF_8)));
            }
            buf.reset();
        }

        @Override
        public void close() {
            if (buf.size() > 0) {
                emit();
            }
        }
    }
}
