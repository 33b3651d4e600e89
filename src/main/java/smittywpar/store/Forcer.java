package smittywpar.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Forces a batch of files, or of directories, to the disk: one after the other for a small batch,
 * and from a few threads at once for a large one. On a journalling file system several forces
 * issued together share one journal commit, so 1,000 files take about as long as 15 forced one by
 * one (measured on ext4: 1,000 forces 1,058 ms one by one, 70 ms from 8 threads; 16 forces 12 ms
 * and 4.6 ms); threads cost about as much as a few forces to start, so a batch of up to
 * {@link #PARALLEL_AFTER} is forced in the calling thread, as it always was.
 *
 * <p>Either way the call returns only when every force of the batch has ended (the barrier the
 * commit protocol relies on: all of one step durable before the next begins), and a failure is
 * the one a forcing one by one would have met first: the failed force earliest in the batch.
 */
final class Forcer {
    /**
     * Batches larger than this are forced from several threads. The system property
     * {@code smittywpar.store.parallelAfter} changes it, for the crash test only (so that the
     * small commits of its churn take the threaded path too).
     */
    static final int PARALLEL_AFTER = Math.max(0, Integer.getInteger("smittywpar.store.parallelAfter", 16));
    /** The most threads one batch uses (the calling thread among them). */
    static final int THREADS = 8;

    private Forcer() {
    }

    /**
     * Forces the data of each file to the disk; the fault hook's {@code force} operation is
     * consulted for each file in the batch's order before any force starts.
     */
    static void files(StateFiles files, List<Path> paths) throws IOException {
        IOException[] injected = new IOException[paths.size()];
        for (int i = 0; i < injected.length; i++) {
            try {
                files.fault("force", paths.get(i));
            } catch (IOException e) {
                injected[i] = e;
            }
        }
        run(paths.size(), i -> {
            if (injected[i] != null) {
                throw injected[i];
            }
            // opened for reading: a backup copy may have kept a read-only file's mode, and an fsync
            // flushes the file whichever way it was opened
            try (FileChannel ch = FileChannel.open(paths.get(i), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                ch.force(true);
            }
        });
    }

    /** Forces each directory's entries to the disk (as {@link StateFiles#syncDir}: never fails). */
    static void dirs(List<Path> dirs) {
        try {
            run(dirs.size(), i -> StateFiles.syncDir(dirs.get(i)));
        } catch (IOException e) {
            throw new IllegalStateException(e); // syncDir throws none
        }
    }

    /** One force of the batch. */
    @FunctionalInterface
    interface Step {
        void force(int i) throws IOException;
    }

    /** Runs {@code step} for 0..n-1, concurrently when n is large; throws the earliest failure. */
    static void run(int n, Step step) throws IOException {
        if (n <= PARALLEL_AFTER) {
            for (int i = 0; i < n; i++) {
                step.force(i);
            }
            return;
        }
        Throwable[] failed = new Throwable[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger firstFailed = new AtomicInteger(n);
        Runnable worker = () -> {
            int i;
            while ((i = next.getAndIncrement()) < n && i < firstFailed.get()) {
                try {
                    step.force(i);
                } catch (IOException | RuntimeException | Error e) {
                    failed[i] = e;
                    firstFailed.accumulateAndGet(i, Math::min);
                }
            }
        };
        Thread[] threads = new Thread[Math.min(THREADS, (n + 3) / 4) - 1];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(worker, "smitty-wpar-force-" + t);
            threads[t].setDaemon(true);
            threads[t].start();
        }
        worker.run();
        boolean interrupted = false;
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // every force must have ended before the commit goes on
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        int first = firstFailed.get();
        if (first < n) {
            Throwable e = failed[first];
            if (e instanceof IOException io) {
                throw io;
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) e;
        }
    }
}
