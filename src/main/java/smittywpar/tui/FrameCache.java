package smittywpar.tui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Map;

/**
 * The first frame, kept for the launcher to show at once the next time smitty starts the same way.
 *
 * <p>The launcher ({@code bin/smitty}) names everything that shapes the first frame in a key: the
 * program (jar and JVM), the terminal's size, {@code TERM}, the locale variables, the colour and
 * shell variables, the state directory and the arguments (a fast path, {@code --ascii}). When its
 * frame file holds the same key, is not older than the jar or the state directory (every change
 * of the state is a transaction whose journal passes through that directory), it prints the
 * frame before the JVM starts and says so. This class is the JVM's side: it holds back what the
 * screen loop writes for its first frame ({@link Output}); when the launcher showed a frame and it
 * is byte for byte the same, nothing is written (the terminal already shows it); otherwise the
 * frame is written as usual and stored under the launcher's key, with the file's time set to a
 * little before this start, so that a change made while it ran makes the copy out of date.
 *
 * <p>File format: the key's lines, a line {@code --frame--}, then the frame's bytes.
 */
final class FrameCache {
    static final String ENV_KEY = "SMITTY_WPAR_FRAME_KEY";
    static final String ENV_FILE = "SMITTY_WPAR_FRAME_FILE";
    static final String ENV_SHOWN = "SMITTY_WPAR_FRAME_SHOWN";
    static final String SEPARATOR = "--frame--\n";
    /** What the terminal gets when the screen is left: the private screen's end (Lanterna's bytes). */
    static final byte[] LEAVE = "\u001b[0m\u001b[?25h\u001b[?1049l".getBytes(StandardCharsets.US_ASCII);

    private final String key;
    private final Path file;
    private final boolean shown;
    private final long began;
    private String outcome = "none";

    private FrameCache(String key, Path file, boolean shown, long began) {
        this.key = key;
        this.file = file;
        this.shown = shown;
        this.began = began;
    }

    /**
     * The cache the launcher that started this JVM asks for, or null. Trusted only from that
     * launcher (the variables could be inherited from an outer one, by way of the F9 shell).
     */
    static FrameCache of(Map<String, String> env, long began) {
        String key = env.get(ENV_KEY);
        String file = env.get(ENV_FILE);
        if (key == null || key.isEmpty() || file == null || file.isEmpty() || !SmitTerminal.preparedByLauncher(env)) {
            return null;
        }
        return new FrameCache(key, Path.of(file), "1".equals(env.get(ENV_SHOWN)), began);
    }

    /** Whether the launcher has put a frame on the terminal. */
    boolean shown() {
        return shown;
    }

    /** What became of the first frame (for SMITTY_WPAR_TIMING): none, same, differed, stored. */
    String outcome() {
        return outcome;
    }

    /**
     * The first frame is complete in {@code out} (held back): drops it when the terminal shows
     * exactly that already, else sends it and keeps it for the next start.
     */
    void firstFrame(Output out) throws IOException {
        byte[] frame = out.held();
        if (shown && Arrays.equals(frame, stored())) {
            out.drop();
            outcome = "same";
            return;
        }
        out.release();
        outcome = shown ? "differed" : "none";
        if (store(frame)) {
            outcome = shown ? "differed, stored" : "stored";
        }
    }

    /** The frame in the file, or null when there is none or it is not the launcher's key's. */
    byte[] stored() {
        try {
            byte[] all = Files.readAllBytes(file);
            byte[] head = (key + "\n" + SEPARATOR).getBytes(StandardCharsets.UTF_8);
            if (all.length < head.length || !Arrays.equals(all, 0, head.length, head, 0, head.length)) {
                return null;
            }
            return Arrays.copyOfRange(all, head.length, all.length);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writes the file (whole, then renamed into place), dated two seconds before this start. */
    boolean store(byte[] frame) {
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = file.resolveSibling(file.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
            try (OutputStream o = Files.newOutputStream(tmp)) {
                o.write((key + "\n" + SEPARATOR).getBytes(StandardCharsets.UTF_8));
                o.write(frame);
            }
            Files.setLastModifiedTime(tmp, FileTime.fromMillis(began - 2000));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException | RuntimeException e) {
            try {
                if (tmp != null) {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException gone) {
                // nothing to clean up
            }
            return false; // a cache that cannot be written is no error
        }
    }

    /**
     * The terminal's output, able to hold back what is written (the first frame) until it is
     * known whether the terminal shows it already.
     */
    static final class Output extends OutputStream {
        private final OutputStream out;
        private ByteArrayOutputStream held;

        Output(OutputStream out) {
            this.out = out;
        }

        /** From now on, keeps what is written instead of sending it. */
        synchronized void hold() {
            if (held == null) {
                held = new ByteArrayOutputStream(8192);
            }
        }

        synchronized byte[] held() {
            return held == null ? new byte[0] : held.toByteArray();
        }

        /** Sends what was held, and everything from now on. */
        synchronized void release() throws IOException {
            if (held != null) {
                byte[] b = held.toByteArray();
                held = null;
                out.write(b);
                out.flush();
            }
        }

        /** Forgets what was held (the terminal shows it already); sends everything from now on. */
        synchronized void drop() {
            held = null;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            if (held != null) {
                held.write(b);
            } else {
                out.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            if (held != null) {
                held.write(b, off, len);
            } else {
                out.write(b, off, len);
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            if (held == null) {
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            release();
            out.close();
        }
    }
}
