package smittywpar.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One transaction made of several (see {@link StateStore#joint}): the reads and updates a thread
 * makes on one state directory while the joint is open run on the joint's pending writes, under
 * its locks, and are committed together at its end, or when it {@link #settle settles} before the
 * thread waits. A command whose whole life is a few steps that each used to be a transaction (an
 * application WPAR made, started, run and removed) so writes each file once, and a process killed
 * at any moment leaves the state before or after it, never between two steps.
 */
final class Joint {
    private static final ThreadLocal<Joint> CURRENT = new ThreadLocal<>();

    private final StateStore store;
    private final StateFiles files;
    private final StoreViews.PendingTx tx;
    private final Held held;
    /** Reads and updates of the joint running now (it cannot settle inside one). */
    private int depth;
    private boolean ended;

    private Joint(StateStore store, StateFiles files, Held held) {
        this.store = store;
        this.files = files;
        this.held = held;
        this.tx = new StoreViews.PendingTx(store, files);
        this.tx.joined = true;
    }

    /** The joint of this thread, or null. */
    static Joint current() {
        return CURRENT.get();
    }

    /** The joint of this thread on state directory {@code dir}, or null. */
    static Joint of(Path dir) {
        Joint j = CURRENT.get();
        return j != null && j.store.dir().equals(dir) ? j : null;
    }

    /** Runs {@code fn} as a joint, the exclusive lock of the directory held ({@code held}). */
    static <T> T run(StateStore store, StateFiles files, Held held, Supplier<T> fn) throws IOException {
        Joint j = new Joint(store, files, held);
        CURRENT.set(j);
        // transactions on other state directories stay possible meanwhile, as outside the joint
        StateStore.IN_TX.remove();
        T result;
        try {
            result = fn.get();
        } catch (RuntimeException e) {
            try {
                j.end();
            } catch (IOException | RuntimeException e2) {
                e.addSuppressed(e2);
            }
            throw e;
        } catch (Error e) {
            j.abandon();
            throw e;
        }
        j.end();
        return result;
    }

    <T> T read(Function<StateStore.View, T> fn) {
        depth++;
        try {
            return fn.apply(tx);
        } finally {
            depth--;
        }
    }

    <T> T update(Function<StateStore.Tx, T> fn) {
        StoreViews.PendingTx.Mark mark = tx.mark();
        depth++;
        try {
            return fn.apply(tx);
        } catch (RuntimeException | Error e) {
            tx.rollback(mark);
            throw e;
        } finally {
            depth--;
        }
    }

    /** Commits what the joint wrote and unlocks: what the thread does next is on its own. */
    void settle() {
        if (depth > 0 || ended) {
            return;
        }
        try {
            end();
        } catch (IOException e) {
            throw store.failure(store.dir(), e);
        } finally {
            held.release();
        }
    }

    private void end() throws IOException {
        if (ended) {
            return;
        }
        ended = true;
        CURRENT.remove();
        store.commit(files, tx.effective(), tx.spilled, tx.spills > 0, tx.originals());
    }

    private void abandon() {
        if (!ended) {
            ended = true;
            CURRENT.remove();
            tx.dropSpilled();
        }
    }
}
