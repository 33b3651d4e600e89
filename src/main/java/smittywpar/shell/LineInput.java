package smittywpar.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Lines typed at a shell, read a byte at a time from the session's input: nothing is read ahead,
 * so a shell started from another ({@code clogin} typed in {@code aixsh}), or a command reading
 * its standard input, goes on exactly where this one stopped. In a terminal the line discipline
 * edits and echoes the line; at the end of the input (Ctrl-D) {@link #readLine} returns null.
 */
final class LineInput {
    /** The longest line kept (more is read and dropped, as a terminal's line buffer would). */
    static final int MAX_LINE = 64 * 1024;

    private final InputStream in;
    private boolean eof;

    LineInput(InputStream in) {
        this.in = in;
    }

    String readLine() {
        if (eof) {
            return null;
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream(128);
        try {
            while (true) {
                int b = in.read();
                if (b < 0) {
                    eof = true;
                    return buf.size() == 0 ? null : decode(buf);
                }
                if (b == '\n') {
                    return decode(buf);
                }
                if (buf.size() < MAX_LINE) {
                    buf.write(b);
                }
            }
        } catch (IOException e) {
            eof = true;
            return buf.size() == 0 ? null : decode(buf);
        }
    }

    private static String decode(ByteArrayOutputStream buf) {
        String s = buf.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
