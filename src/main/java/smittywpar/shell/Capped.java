package smittywpar.shell;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import smittywpar.wpar.Vfs;

/** Bytes of a redirected output, up to one more than the largest file (more is a file too large). */
final class Capped extends OutputStream {
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    boolean overflow;

    @Override
    public void write(int b) {
        if (buf.size() > Vfs.MAX_FILE) {
            overflow = true;
        } else {
            buf.write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        int room = Vfs.MAX_FILE + 1 - buf.size();
        if (len > room) {
            overflow = true;
            len = Math.max(0, room);
        }
        buf.write(b, off, len);
    }

    String text() {
        return buf.toString(StandardCharsets.UTF_8);
    }
}
