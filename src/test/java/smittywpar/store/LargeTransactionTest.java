package smittywpar.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.msg.AixException;

/**
 * A transaction of many files: its texts are forced to the disk from several threads
 * ({@link Forcer}), and everything the commit protocol promises still holds: it commits and reads
 * back, and one failed force among hundreds fails it with the message a force one by one gives,
 * leaving every file as it was.
 */
class LargeTransactionTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private StateStore store(Map<String, String> env) {
        return new StateStore(dir, "mkwpar", new PrintStream(err, true, StandardCharsets.UTF_8),
                () -> Map.of("host.cf", "host\n"), env);
    }

    private static String name(int i) {
        return "big/d" + (i % 23) + "/f" + i;
    }

    /** Every file of the store (its own files aside), name to text. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = dir.relativize(p).toString();
                if (Files.isRegularFile(p) && !rel.equals(StateStore.LOCK)) {
                    all.put(rel, Files.readString(p));
                }
            }
        }
        return all;
    }

    private void noLeftovers() {
        assertFalse(Files.exists(dir.resolve(StateStore.TXDIR)), ".tx left");
        assertFalse(Files.exists(dir.resolve(StateStore.JOURNAL)), "journal left");
    }

    @Test
    void aLargeTransactionCommitsAndReadsBack() {
        StateStore s = store(Map.of());
        int n = 400;
        s.update(tx -> {
            for (int i = 0; i < n; i++) {
                tx.write(name(i), "text " + i + "\n");
            }
            // a streamed file among them (forced at the commit with the others)
            tx.writeStream("big/image", out -> out.write(new byte[] {0, 1, 2, (byte) 0xff}));
            return null;
        });
        noLeftovers();
        // change half, delete a quarter, in a second large transaction (backups of replaced files)
        s.update(tx -> {
            for (int i = 0; i < n; i += 2) {
                tx.write(name(i), "new " + i + "\n");
            }
            for (int i = 1; i < n; i += 4) {
                tx.delete(name(i));
            }
            return null;
        });
        noLeftovers();
        List<String> wrong = s.read(v -> {
            List<String> bad = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String want = i % 2 == 0 ? "new " + i + "\n" : i % 4 == 1 ? null : "text " + i + "\n";
                String got = v.read(name(i), 1 << 20);
                if (want == null ? got != null : !want.equals(got)) {
                    bad.add(name(i) + ": " + got);
                }
            }
            return bad;
        });
        assertEquals(List.of(), wrong);
        assertEquals(4L, (long) s.read(v -> v.size("big/image")));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void oneFailedForceAmongManyFailsTheCommitAndChangesNothing() throws IOException {
        int n = 300;
        store(Map.of()).update(tx -> {
            for (int i = 0; i < n; i += 3) {
                tx.write(name(i), "old " + i + "\n");
            }
            return null;
        });
        Map<String, String> before = snapshot();
        // the 157th forced file of the next commit fails, as a disk error would
        StateStore faulty = store(Map.of(StateStore.ENV_FAULT, "force:EIO:157"));
        AixException e = assertThrows(AixException.class, () -> faulty.update(tx -> {
            for (int i = 0; i < n; i++) {
                tx.write(name(i), "new " + i + "\n");
            }
            tx.delete("host.cf");
            return null;
        }));
        assertEquals("mkwpar: 0960-606 Cannot change the smitty-wpar state at " + dir.toAbsolutePath().normalize()
                + ": There is an input or output error. Nothing was changed.", e.getMessage());
        noLeftovers();
        assertEquals(before, snapshot());
        // the next command finds nothing to finish or undo
        assertEquals("host\n", store(Map.of()).read(v -> v.read("host.cf", 100)));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aForceThatFailsChangesNothingInEitherJournal() throws IOException {
        store(Map.of()).update(tx -> {
            for (int i = 0; i < Forcer.PARALLEL_AFTER; i++) {
                tx.write(name(i), "t\n");
            }
            return null;
        });
        noLeftovers();
        Map<String, String> before = snapshot();
        assertEquals(Forcer.PARALLEL_AFTER + 1, before.size());
        StateStore s = store(Map.of(StateStore.ENV_FAULT, "force:EIO:1"));
        // a small transaction (its texts in the journal) forces its files after the commit point:
        // the failure is undone at once, the old texts put back
        AixException small = assertThrows(AixException.class, () -> s.update(tx -> {
            tx.write(name(0), "changed\n");
            tx.write(name(200), "new\n");
            tx.delete(name(1));
            return null;
        }));
        assertTrue(small.getMessage().contains("0960-607 Cannot write "), small.getMessage());
        assertTrue(small.getMessage().endsWith("Nothing was changed."), small.getMessage());
        noLeftovers();
        assertEquals(before, snapshot());
        // one more file than the threshold: the batch (forced from threads, before the commit point)
        AixException large = assertThrows(AixException.class, () -> s.update(tx -> {
            for (int i = 0; i <= Forcer.PARALLEL_AFTER; i++) {
                tx.write(name(i + 100), "t\n");
            }
            return null;
        }));
        assertTrue(large.getMessage().contains("0960-606 Cannot change "), large.getMessage());
        noLeftovers();
        assertEquals(before, snapshot());
    }

    @Test
    void theEarliestFailureOfABatchIsTheOneThrownAndAllBeforeItRan() {
        int n = 500;
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Thread> threads = Collections.synchronizedMap(new HashMap<>());
        AtomicInteger calls = new AtomicInteger();
        IOException thrown = assertThrows(IOException.class, () -> Forcer.run(n, i -> {
            calls.incrementAndGet();
            threads.put(i, Thread.currentThread());
            sleep(); // a force takes a while: every thread gets some
            if (i == 90 || i == 311 || i == 77) {
                throw new IOException("force " + i);
            }
            ran.add(i);
        }));
        assertEquals("force 77", thrown.getMessage());
        for (int i = 0; i < 77; i++) {
            assertTrue(ran.contains(i), "force " + i + " did not run");
        }
        assertTrue(calls.get() < n, "forcing went on after a failure: " + calls.get());
        long others = threads.values().stream().filter(t -> t != Thread.currentThread()).distinct().count();
        assertTrue(others >= 1 && others < Forcer.THREADS, "threads besides the caller: " + others);
        assertTrue(threads.values().stream().filter(t -> t != Thread.currentThread()).allMatch(Thread::isDaemon));
    }

    private static void sleep() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aSmallBatchRunsInTheCallingThread() throws IOException {
        List<Thread> seen = new ArrayList<>();
        Forcer.run(Forcer.PARALLEL_AFTER, i -> seen.add(Thread.currentThread()));
        assertEquals(Forcer.PARALLEL_AFTER, seen.size());
        assertTrue(seen.stream().allMatch(t -> t == Thread.currentThread()));
    }
}
