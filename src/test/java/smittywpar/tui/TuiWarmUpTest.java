package smittywpar.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The warm-up of the per-key path while the loop first waits for a key, on a terminal of bytes:
 * it draws scenes on a canvas of its own, writes nothing, and the terminal gets the same bytes
 * for the same keys as without it.
 */
class TuiWarmUpTest {
    private static final String DOWN = "\u001b[B";
    private static final String F10 = "\u001b[21~";

    /** One menu; Down moves, Exit ends; counts the scenes it is asked for. */
    static final class Counting implements Controller {
        volatile int scenes;
        int cursor;

        @Override
        public Scene scene(int cols, int rows) {
            scenes++;
            MenuView v = Fixtures.longMenu(cursor, 0);
            return Scene.of(v);
        }

        @Override
        public Outcome handle(Action a, Ui ui) {
            switch (a.kind()) {
                case EXIT:
                    return Outcome.EXIT;
                case DOWN:
                    cursor = Math.min(cursor + 1, 18);
                    return Outcome.CONTINUE;
                default:
                    return Outcome.CONTINUE;
            }
        }
    }

    /** A session of two Downs and F10, typed once the first frame is up and the loop had time to warm; its bytes. */
    private static byte[] session(boolean warm, Counting controller, int[] scenesBeforeKeys, int[] bytesWhileIdle)
            throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("TERM", "xterm");
        env.put(SmitTerminal.ENV_SAVED, "500:5:bf:8a3b:3:1c:7f:15:4:0:1:0:11:13:1a:0:12:f:17:16:0:0:0");
        env.put(SmitTerminal.ENV_SIZE, "24 80");
        env.put(SmitTerminal.ENV_PID, Long.toString(SmitTerminal.parentPid()));
        PipedOutputStream typed = new PipedOutputStream();
        PipedInputStream keys = new PipedInputStream(typed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SmitTerminal term = SmitTerminal.open(keys, out, StandardCharsets.UTF_8, env);
        term.forget();
        TuiApp app = new TuiApp(term, term, controller, new Renderer(Glyphs.UNICODE, Theme.MONO), null);
        if (warm) {
            app.warmUp();
        }
        Thread t = new Thread(() -> {
            try {
                app.run();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "test-loop");
        t.start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (app.firstPaintNanos() == 0 && System.nanoTime() < end) {
            Thread.sleep(2);
        }
        int shown = out.size();
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(TuiApp.WARM_NANOS) + 300); // the warm-up is over
        bytesWhileIdle[0] = out.size() - shown;
        scenesBeforeKeys[0] = controller.scenes;
        typed.write((DOWN + DOWN + F10).getBytes(StandardCharsets.UTF_8));
        typed.flush();
        t.join(TimeUnit.SECONDS.toMillis(20));
        assertThat(t.isAlive()).as("the loop ended on F10").isFalse();
        return out.toByteArray();
    }

    @Test
    void warmingDrawsNothingAndTheKeysGetTheSameBytes() throws Exception {
        Counting cold = new Counting();
        int[] coldScenes = new int[1];
        int[] coldIdle = new int[1];
        byte[] without = session(false, cold, coldScenes, coldIdle);
        Counting warm = new Counting();
        int[] warmScenes = new int[1];
        int[] warmIdle = new int[1];
        byte[] with = session(true, warm, warmScenes, warmIdle);

        assertThat(coldScenes[0]).as("no warm-up: the first frame's scene only").isEqualTo(1);
        assertThat(warmScenes[0]).as("the warm-up built scenes").isGreaterThan(1)
                .isLessThanOrEqualTo(1 + TuiApp.WARM_FRAMES);
        assertThat(warmIdle[0]).as("nothing written while warming").isZero();
        assertThat(coldIdle[0]).isZero();
        assertThat(new String(with, StandardCharsets.UTF_8)).isEqualTo(new String(without, StandardCharsets.UTF_8))
                .contains("\u001b[?1049h"); // (the private screen: a real terminal's bytes)
        assertThat(warm.cursor).isEqualTo(2);
    }
}
