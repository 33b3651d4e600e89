package smittywpar.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The first frame the launcher shows before the JVM starts (see {@code FrameCache} and
 * {@code bin/smitty}), with the real launcher and jar in a real terminal (tmux): the frame shown
 * is byte for byte the frame the JVM draws, the JVM then takes the screen over without writing
 * it again, and no frame is shown when anything that shapes it differs from the start that kept
 * it. What became of the frame is read from {@code SMITTY_WPAR_TIMING}: "stored" (drawn by the
 * JVM and kept), "same" (shown by the launcher and found identical), "differed" (must never be).
 */
class KeptFrameIT {
    private static final Path PROJECT = Path.of(System.getProperty("smittywpar.project.dir", ".")).toAbsolutePath()
            .normalize();
    private static final String LEGEND = "F9=Shell            F10=Exit            Enter=Do";

    private static Tmux shell() throws IOException {
        assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
        Tmux t = new Tmux(80, 24, Map.of("LANG", "C.UTF-8", "TERM", "xterm"));
        t.line("export PATH=" + PROJECT.resolve("bin") + ":$PATH HOME=$PWD SMITTY_WPAR_HOME=$PWD/state"
                + " SMITTY_WPAR_TIMING=$PWD/timing; unset XDG_CACHE_HOME; mkwpar -n w1 > /dev/null; clear");
        settle(t);
        return t;
    }

    /**
     * Waits until the state directory is more than two seconds old: a frame is kept dated two
     * seconds before its start (so that no file system's time stamps are too coarse to see a
     * later change), and a state changed since is newer.
     */
    private static void settle(Tmux t) throws IOException {
        t.line("clear; echo settled");
        t.waitFor(s -> s.startsWith("settled"), 15_000, "the commands before to end");
        TerminalE2ETest.sleep(2100);
    }

    /**
     * Resizes the window and waits until the shell's terminal has the new size: tmux applies it to
     * the pane's pty a moment later, and a smitty started before then keys its frame on the old size.
     */
    private static void resized(Tmux t, int cols, int rows) throws IOException {
        t.resize(cols, rows);
        String want = "size " + rows + " " + cols;
        for (int i = 0; i < 50; i++) {
            t.line("clear; echo size $(stty size)");
            try {
                t.waitFor(sc -> sc.startsWith(want), 2_000, "the terminal to be " + cols + "x" + rows);
                return;
            } catch (AssertionError e) {
                // not yet: ask again
            }
        }
        throw new AssertionError("the terminal never became " + cols + "x" + rows);
    }

    /** Runs {@code smitty mkwpar} (with {@code prefix} before it, {@code args} after), leaves with F10; what became of the frame. */
    private static String run(Tmux t, String prefix, String args) throws IOException {
        Path timing = t.dir().resolve("timing");
        int before = Files.exists(timing) ? Files.readAllLines(timing).size() : 0;
        t.line("clear; " + prefix + " smitty " + args + " mkwpar; echo rc=$?");
        t.waitFor(LEGEND);
        t.keys("F10");
        t.waitFor("rc=0");
        List<String> lines = Files.readAllLines(timing);
        assertThat(lines).as("one start more").hasSize(before + 1);
        String last = lines.get(lines.size() - 1);
        return last.substring(last.indexOf("kept frame: ") + "kept frame: ".length());
    }

    private static String run(Tmux t) throws IOException {
        return run(t, "", "");
    }

    private static byte[] keptFrame(Tmux t) throws IOException {
        byte[] all = Files.readAllBytes(t.dir().resolve(".cache/smitty-wpar/frame_mkwpar"));
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\n--frame--\n") + "\n--frame--\n".length();
        return text.substring(at).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void theKeptFrameIsTheJvmsFrameByteForByteAndIsNotDrawnTwice() throws IOException {
        try (Tmux t = shell()) {
            Path drawn = t.dir().resolve("drawn.raw");
            t.pipe(drawn);
            t.line("clear; smitty mkwpar; echo rc=$?");
            String screenDrawn = t.waitFor(LEGEND);
            t.keys("F10");
            t.waitFor("rc=0");
            t.pipe(null);
            List<String> first = Files.readAllLines(t.dir().resolve("timing"));
            assertThat(first.get(first.size() - 1)).endsWith("kept frame: stored");
            String raw = Files.readString(drawn, StandardCharsets.ISO_8859_1);
            String kept = new String(keptFrame(t), StandardCharsets.ISO_8859_1);
            assertThat(kept).startsWith("\u001b[?1049h").contains("Create a System Workload Partition".split(" ")[0]);
            assertThat(raw).as("what the JVM wrote for its first frame, kept as it was written").contains(kept);

            Path shown = t.dir().resolve("shown.raw");
            t.pipe(shown);
            t.line("clear; smitty mkwpar; echo rc=$?");
            String screenShown = t.waitFor(LEGEND);
            t.type("x");
            t.waitFor("* Workload Partition Name                            [x]");
            t.keys("F10");
            t.waitFor("rc=0");
            t.pipe(null);
            List<String> lines = Files.readAllLines(t.dir().resolve("timing"));
            assertThat(lines.get(lines.size() - 1)).endsWith("kept frame: same");
            String raw2 = Files.readString(shown, StandardCharsets.ISO_8859_1);
            assertThat(raw2).as("the launcher showed the kept frame").contains(kept);
            assertThat(count(raw2, "\u001b[?1049h")).as("the screen entered once: the JVM did not draw it again").isEqualTo(1);
            assertThat(screenShown).isEqualTo(screenDrawn);
        }
    }

    @Test
    void noFrameIsShownWhenAnythingThatShapesItDiffers() throws IOException {
        try (Tmux t = shell()) {
            assertThat(run(t)).isEqualTo("stored");
            assertThat(run(t)).as("the same start again: shown").isEqualTo("same");
            String[][] variations = {
                {"TERM=xterm-256color", ""}, {"LANG=C", ""}, {"LC_ALL=C.UTF-8", ""}, {"LC_CTYPE=C.UTF-8", ""},
                {"NO_COLOR=1", ""}, {"SMITTY_WPAR_COLOR=1", ""}, {"SMIT_SHELL=n", ""}, {"SHELL=/bin/false", ""},
                {"LINES=30", ""}, {"COLUMNS=100", ""}, {"", "--ascii"}, {"SMITTY_WPAR_HOME=$PWD/other", ""},
                {"SMITTY_WPAR_JAVA=$PWD/java", ""},
            };
            // the same JVM by another name: another key (the launcher's choice when it is installed)
            Path temurin = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
            Files.createSymbolicLink(t.dir().resolve("java"), Files.isExecutable(temurin) ? temurin
                    : Path.of(ProcessHandle.current().info().command().orElse("/usr/bin/java")));
            // each time with the frame the first start kept, as it kept it
            Path file = t.dir().resolve(".cache/smitty-wpar/frame_mkwpar");
            byte[] kept = Files.readAllBytes(file);
            FileTime keptAt = Files.getLastModifiedTime(file);
            for (String[] v : variations) {
                Files.write(file, kept);
                Files.setLastModifiedTime(file, keptAt);
                assertThat(run(t, v[0], v[1])).as("%s %s", v[0], v[1]).isEqualTo("stored");
            }
            // the terminal's size
            Files.write(file, kept);
            Files.setLastModifiedTime(file, keptAt);
            resized(t, 100, 30);
            assertThat(run(t)).as("another size").isEqualTo("stored");
            resized(t, 80, 24);
            Files.write(file, kept);
            Files.setLastModifiedTime(file, keptAt);
            assertThat(run(t)).as("the frame the first start kept, for the same start").isEqualTo("same");
            // the state changed (a transaction passes through the state directory)
            t.line("mkwpar -n w2 > /dev/null");
            assertThat(run(t)).as("after mkwpar").isEqualTo("stored");
            settle(t);
            assertThat(run(t)).isEqualTo("stored");
            assertThat(run(t)).isEqualTo("same");
            // the jar is newer than the kept frame (a rebuild)
            Files.setLastModifiedTime(file, FileTime.fromMillis(0));
            assertThat(run(t)).as("kept before the jar was made").isEqualTo("stored");
            assertThat(run(t)).isEqualTo("same");
            // a damaged file, another key
            Files.writeString(file, "smitty-wpar frame 1\nsomething else\n--frame--\nGARBAGE");
            assertThat(run(t)).isEqualTo("stored");
            assertThat(t.screen()).doesNotContain("GARBAGE");
            // options other than a fast path and --ascii: nothing kept or shown at all
            assertThat(run(t, "", "-x")).isEqualTo("not asked");
            // no launcher at all: nothing kept or shown
            assertThat(Files.readAllLines(t.dir().resolve("timing"))).noneMatch(l -> l.contains("differed"));
        }
    }
}
