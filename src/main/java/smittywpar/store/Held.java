package smittywpar.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.concurrent.locks.ReentrantLock;

/** The locks of a transaction, released once: at its end, or before when its joint settles. */
final class Held {
    private final ReentrantLock jvmLock;
    FileChannel ch;
    FileLock lock;
    private boolean released;

    Held(ReentrantLock jvmLock) {
        this.jvmLock = jvmLock;
    }

    void release() {
        if (released) {
            return;
        }
        released = true;
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
        } catch (IOException e) {
            // closing the channel releases it
        }
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // nothing was written through it
            }
        }
        StateStore.IN_TX.remove();
        jvmLock.unlock();
    }
}
