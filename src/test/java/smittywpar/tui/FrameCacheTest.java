package smittywpar.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;

/**
 * The JVM's side of the kept first frame: the first frame is held back, dropped when the launcher
 * showed exactly those bytes, else sent and kept under the launcher's key; the bytes kept are the
 * bytes the screen loop writes.
 */
class FrameCacheTest {
    @TempDir
    Path dir;

    /** The variables the launcher sets when it starts the JVM on a terminal (this JVM's parent as its pid). */
    private Map<String, String> launcherEnv(String key, boolean shown) {
        Map<String, String> env = new HashMap<>();
        env.put(SmitTerminal.ENV_SAVED, "500:5:bf:8a3b");
        env.put(SmitTerminal.ENV_SIZE, "24 80");
        env.put(SmitTerminal.ENV_PID, Long.toString(SmitTerminal.parentPid()));
        env.put(FrameCache.ENV_KEY, key);
        env.put(FrameCache.ENV_FILE, dir.resolve("cache/frame_mkwpar").toString());
        env.put(FrameCache.ENV_SHOWN, shown ? "1" : "0");
        return env;
    }

    /** One start of the screen loop on an 80x24 ANSI terminal writing into {@code tty}; returns what became of the frame. */
    private String start(Map<String, String> env, String title, ByteArrayOutputStream tty) throws IOException {
        FrameCache cache = FrameCache.of(env, System.currentTimeMillis());
        assertThat(cache).isNotNull();
        FrameCache.Output out = new FrameCache.Output(tty);
        out.hold();
        ANSITerminal t = new ANSITerminal(new ByteArrayInputStream(new byte[0]), out, StandardCharsets.UTF_8) {
            @Override
            protected TerminalSize findTerminalSize() {
                return new TerminalSize(80, 24);
            }
        };
        TuiAppTest.Recorder controller = new TuiAppTest.Recorder();
        controller.title = title;
        TuiApp app = new TuiApp(t, null, controller, new Renderer(Glyphs.UNICODE, Theme.MONO), null);
        app.onFirstFrame(() -> cache.firstFrame(out));
        app.start();
        app.step();
        return cache.outcome();
    }

    @Test
    void keptBytesAreTheFrameAsWrittenAndAShownFrameIsNotWrittenAgain() throws IOException {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        assertThat(start(launcherEnv("k1", false), "System Management", first)).isEqualTo("stored");
        String written = first.toString(StandardCharsets.UTF_8);
        assertThat(written).startsWith("\u001b[?1049h").contains("\u001b[1;32HSystem\u001b[1;39HManagement").contains("F10=Exit");
        byte[] file = Files.readAllBytes(dir.resolve("cache/frame_mkwpar"));
        assertThat(new String(file, StandardCharsets.UTF_8)).isEqualTo("k1\n--frame--\n" + written);

        // the launcher showed it: the same frame is not written again
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        assertThat(start(launcherEnv("k1", true), "System Management", second)).isEqualTo("same");
        assertThat(second.size()).isZero();
    }

    @Test
    void aShownFrameThatDiffersIsRedrawnAndKeptAnew() throws IOException {
        start(launcherEnv("k1", false), "System Management", new ByteArrayOutputStream());
        ByteArrayOutputStream tty = new ByteArrayOutputStream();
        assertThat(start(launcherEnv("k1", true), "Another Title", tty)).isEqualTo("differed, stored");
        assertThat(tty.toString(StandardCharsets.UTF_8)).startsWith("\u001b[?1049h").contains("Another\u001b[1;42HTitle");
        assertThat(Files.readString(dir.resolve("cache/frame_mkwpar"))).contains("Another\u001b[1;42HTitle");
    }

    @Test
    void aFrameKeptUnderAnotherKeyIsNotTheLaunchersFrame() throws IOException {
        start(launcherEnv("k1", false), "System Management", new ByteArrayOutputStream());
        assertThat(FrameCache.of(launcherEnv("k1", true), 0).stored()).isNotNull();
        assertThat(FrameCache.of(launcherEnv("k2", true), 0).stored()).isNull();
        assertThat(FrameCache.of(launcherEnv("k", true), 0).stored()).isNull();
    }

    @Test
    void theFileIsDatedBeforeTheStartSoThatAChangeDuringTheRunMakesItOld() throws IOException {
        long began = System.currentTimeMillis();
        FrameCache c = FrameCache.of(launcherEnv("k1", false), began);
        assertThat(c.store("frame".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(Files.getLastModifiedTime(dir.resolve("cache/frame_mkwpar")).toMillis()).isEqualTo(began - 2000);
        try (var s = Files.list(dir.resolve("cache"))) {
            assertThat(s.toList()).as("no temporary file left").hasSize(1);
        }
    }

    @Test
    void onlyTheLauncherThatStartedThisJvmIsTrusted() {
        Map<String, String> env = launcherEnv("k1", true);
        env.put(SmitTerminal.ENV_PID, "1");
        assertThat(FrameCache.of(env, 0)).as("variables inherited from another launcher").isNull();
        env = launcherEnv("k1", true);
        env.remove(FrameCache.ENV_KEY);
        assertThat(FrameCache.of(env, 0)).isNull();
        assertThat(FrameCache.of(Map.of(), 0)).isNull();
    }

    @Test
    void heldOutputIsSentOnceReleasedAndNotAtAllWhenDropped() throws IOException {
        ByteArrayOutputStream tty = new ByteArrayOutputStream();
        FrameCache.Output out = new FrameCache.Output(tty);
        out.write('a');
        out.hold();
        out.write("bc".getBytes(StandardCharsets.US_ASCII), 0, 2);
        out.flush();
        assertThat(tty.toString(StandardCharsets.US_ASCII)).isEqualTo("a");
        assertThat(out.held()).isEqualTo("bc".getBytes(StandardCharsets.US_ASCII));
        out.release();
        out.write('d');
        assertThat(tty.toString(StandardCharsets.US_ASCII)).isEqualTo("abcd");
        out.hold();
        out.write('e');
        out.drop();
        out.write('f');
        assertThat(tty.toString(StandardCharsets.US_ASCII)).isEqualTo("abcdf");
        assertThat(List.of(FrameCache.LEAVE.length)).containsExactly(18);
    }
}
