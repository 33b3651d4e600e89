package smittywpar.store;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import smittywpar.msg.AixException;
import smittywpar.msg.Messages;

/**
 * The state directory: a set of small text files changed only in transactions.
 *
 * <p>Every command runs one transaction: lock, load, validate, mutate, write each changed file to
 * a temporary file and fsync it, write a journal naming the renames (the commit point), rename
 * the files into place, remove the journal, unlock. A crash before the journal exists loses the
 * transaction; a crash after it is completed by the next command that opens the store. Readers
 * hold a shared lock, writers an exclusive one, so no command sees half of another's change.
 *
 * <p>The store knows nothing of what the files mean; the first use fills an empty directory with
 * the files an {@link Initializer} provides.
 */
public final class StateStore {
    /** The environment variable naming the state directory. */
    public static final String ENV_HOME = "SMITTY_WPAR_HOME";
    /** Test hook: "temps", "journal" or "apply" halts the JVM at that commit step, like kill -9. */
    public static final String ENV_CRASH_AT = "SMITTY_WPAR_CRASH_AT";
    static final String MARKER = "host.cf";
    static final String JOURNAL = "journal";
    static final String TXDIR = ".tx";
    static final String LOCK = ".lock";

    /** Provides the files of a new state directory. */
    @FunctionalInterface
    public interface Initializer {
        Map<String, String> initialFiles();
    }

    /** Read access to the files of the store. */
    public interface View {
        /** The text of a file, or null when it does not exist. */
        String read(String rel);

        boolean exists(String rel);

        /** The names of the regular files in a directory of the store (unsorted), empty when absent. */
        List<String> list(String relDir);

        /** The absolute path of a file of the store (for messages). */
        Path path(String rel);
    }

    /** Read and write access inside an update. */
    public interface Tx extends View {
        void write(String rel, String text);

        void delete(String rel);
    }

    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
    private static final ThreadLocal<Boolean> IN_TX = new ThreadLocal<>();

    private final Path dir;
    private final String program;
    private final PrintStream err;
    private final Initializer initializer;
    private final String crashAt;

    public StateStore(Path dir, String program, PrintStream err, Initializer initializer, Map<String, String> env) {
        this.dir = dir.toAbsolutePath().normalize();
        this.program = program;
        this.err = err;
        this.initializer = initializer;
        this.crashAt = env.getOrDefault(ENV_CRASH_AT, "");
    }

    /** The state directory named by {@link #ENV_HOME}, else {@code ~/.smitty-wpar}. */
    public static Path locate(Map<String, String> env) {
        String home = env.get(ENV_HOME);
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        String userHome = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(userHome, ".smitty-wpar");
    }

    public Path dir() {
        return dir;
    }

    /** Runs {@code fn} on a consistent view of the store. */
    public <T> T read(Function<View, T> fn) {
        return locked(false, () -> fn.apply(new FileView()));
    }

    /** Runs {@code fn} and commits its writes atomically when it returns normally. */
    public <T> T update(Function<Tx, T> fn) {
        return locked(true, () -> {
            PendingTx tx = new PendingTx();
            T result = fn.apply(tx);
            commit(tx.pending);
            return result;
        });
    }

    private interface Body<T> {
        T run();
    }

    private <T> T locked(boolean exclusive, Body<T> body) {
        if (Boolean.TRUE.equals(IN_TX.get())) {
            throw new IllegalStateException("nested state transaction");
        }
        ensureDirectory();
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(dir, d -> new ReentrantLock(true));
        jvmLock.lock();
        IN_TX.set(Boolean.TRUE);
        try (FileChannel ch = openLockFile()) {
            FileLock lock = acquire(ch, exclusive);
            try {
                if (needsRecoveryOrInit()) {
                    if (!exclusive) {
                        lock.release();
                        lock = acquire(ch, true);
                    }
                    recover();
                    initializeIfEmpty();
                    if (!exclusive) {
                        lock.release();
                        lock = acquire(ch, false);
                    }
                }
                return body.run();
            } finally {
                if (lock.isValid()) {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw failure("store.io", dir.resolve(LOCK), e);
        } finally {
            IN_TX.remove();
            jvmLock.unlock();
        }
    }

    private void ensureDirectory() {
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw AixException.of("store.notdir", program, dir);
        } catch (IOException e) {
            throw failure("store.io", dir, e);
        }
        if (!Files.isDirectory(dir)) {
            throw AixException.of("store.notdir", program, dir);
        }
    }

    private FileChannel openLockFile() throws IOException {
        try {
            return FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (AccessDeniedException e) {
            // A read-only state directory can still be read (shared lock needs only read access).
            return FileChannel.open(dir.resolve(LOCK), StandardOpenOption.READ);
        }
    }

    private FileLock acquire(FileChannel ch, boolean exclusive) throws IOException {
        FileLock lock = ch.tryLock(0, Long.MAX_VALUE, !exclusive);
        if (lock != null) {
            return lock;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (System.nanoTime() < deadline) {
            sleep(20);
            lock = ch.tryLock(0, Long.MAX_VALUE, !exclusive);
            if (lock != null) {
                return lock;
            }
        }
        err.println(Messages.get("store.waiting", program, dir));
        err.flush();
        return ch.lock(0, Long.MAX_VALUE, !exclusive);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean needsRecoveryOrInit() {
        return Files.exists(dir.resolve(JOURNAL)) || Files.isDirectory(dir.resolve(TXDIR))
                || !Files.exists(dir.resolve(MARKER));
    }

    // ---- commit and recovery -------------------------------------------------------------

    private void commit(Map<String, String> pending) {
        if (pending.isEmpty()) {
            return;
        }
        Path txDir = dir.resolve(TXDIR);
        try {
            Files.createDirectories(txDir);
            StringBuilder journal = new StringBuilder("smitty-wpar journal 1\n");
            int i = 0;
            for (var e : pending.entrySet()) {
                checkRelative(e.getKey());
                if (e.getValue() == null) {
                    journal.append("D ").append(e.getKey()).append('\n');
                } else {
                    String tmpName = "f" + (i++);
                    writeDurably(txDir.resolve(tmpName), e.getValue());
                    journal.append("W ").append(e.getKey()).append(' ').append(tmpName).append('\n');
                }
            }
            crashPoint("temps");
            Path jtmp = txDir.resolve("journal.tmp");
            writeDurably(jtmp, journal.toString());
            Files.move(jtmp, dir.resolve(JOURNAL), StandardCopyOption.ATOMIC_MOVE);
            syncDir(dir);
            crashPoint("journal");
            replay();
        } catch (IOException e) {
            throw failure("store.io", dir, e);
        }
    }

    private void crashPoint(String step) {
        if (crashAt.equals(step)) {
            err.flush();
            Runtime.getRuntime().halt(137);
        }
    }

    /** Completes a committed transaction, or throws away one that never reached its commit point. */
    private void recover() throws IOException {
        if (Files.exists(dir.resolve(JOURNAL))) {
            replay();
        } else {
            deleteTree(dir.resolve(TXDIR));
        }
    }

    private void replay() throws IOException {
        Path journal = dir.resolve(JOURNAL);
        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals("smitty-wpar journal 1")) {
            throw AixException.of("store.badjournal", program, journal);
        }
        Path txDir = dir.resolve(TXDIR);
        List<Path> touchedDirs = new ArrayList<>();
        int applied = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(" ");
            if (f.length < 2 || !(f[0].equals("W") && f.length == 3 || f[0].equals("D") && f.length == 2)) {
                throw AixException.of("store.badjournal", program, journal);
            }
            checkRelative(f[1]);
            Path target = dir.resolve(f[1]);
            Files.createDirectories(target.getParent());
            if (f[0].equals("W")) {
                Path tmp = txDir.resolve(f[2]);
                if (Files.exists(tmp)) {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            } else {
                Files.deleteIfExists(target);
            }
            if (!touchedDirs.contains(target.getParent())) {
                touchedDirs.add(target.getParent());
            }
            if (++applied == 1) {
                crashPoint("apply");
            }
        }
        for (Path d : touchedDirs) {
            syncDir(d);
        }
        Files.delete(journal);
        deleteTree(txDir);
        syncDir(dir);
    }

    private void initializeIfEmpty() throws IOException {
        if (Files.exists(dir.resolve(MARKER))) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (!n.equals(LOCK)) {
                    throw AixException.of("store.nomarker", program, dir, MARKER);
                }
            }
        }
        commit(new LinkedHashMap<>(initializer.initialFiles()));
    }

    private void checkRelative(String rel) {
        Path p = dir.resolve(rel).normalize();
        if (!p.startsWith(dir) || p.equals(dir) || rel.contains(" ") || rel.contains("\n")) {
            throw new IllegalArgumentException("bad state file name: " + rel);
        }
    }

    private static void writeDurably(Path p, String text) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            var buf = java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    private static void syncDir(Path d) {
        try (FileChannel ch = FileChannel.open(d, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some file systems cannot fsync a directory; the rename is still atomic.
        }
    }

    private static void deleteTree(Path d) throws IOException {
        if (!Files.isDirectory(d)) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(d)) {
            for (Path p : ds) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(d);
    }

    private AixException failure(String key, Path path, IOException e) {
        String reason = e instanceof NoSuchFileException ? "No such file or directory"
                : e instanceof AccessDeniedException ? "Permission denied"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return AixException.of(key, program, path, reason);
    }

    // ---- views ---------------------------------------------------------------------------

    private class FileView implements View {
        private final Map<String, String> cache = new HashMap<>();

        @Override
        public String read(String rel) {
            if (cache.containsKey(rel)) {
                return cache.get(rel);
            }
            Path p = path(rel);
            String text;
            try {
                text = Files.readString(p, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                text = null;
            } catch (java.nio.charset.MalformedInputException e) {
                throw AixException.of("store.corrupt", program, p, "not UTF-8 text");
            } catch (IOException e) {
                throw failure("store.io", p, e);
            }
            cache.put(rel, text);
            return text;
        }

        @Override
        public boolean exists(String rel) {
            if (cache.containsKey(rel)) {
                return cache.get(rel) != null;
            }
            return Files.exists(path(rel));
        }

        @Override
        public List<String> list(String relDir) {
            List<String> names = new ArrayList<>();
            Path d = path(relDir);
            if (!Files.isDirectory(d)) {
                return names;
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(d)) {
                for (Path p : ds) {
                    if (Files.isRegularFile(p)) {
                        names.add(p.getFileName().toString());
                    }
                }
            } catch (IOException e) {
                throw failure("store.io", d, e);
            }
            return names;
        }

        @Override
        public Path path(String rel) {
            return dir.resolve(rel);
        }

        void remember(String rel, String text) {
            cache.put(rel, text);
        }
    }

    private final class PendingTx extends FileView implements Tx {
        final Map<String, String> pending = new LinkedHashMap<>();

        @Override
        public List<String> list(String relDir) {
            List<String> names = super.list(relDir);
            String prefix = relDir.endsWith("/") ? relDir : relDir + "/";
            for (var e : pending.entrySet()) {
                String k = e.getKey();
                if (k.startsWith(prefix) && k.indexOf('/', prefix.length()) < 0) {
                    String n = k.substring(prefix.length());
                    if (e.getValue() == null) {
                        names.remove(n);
                    } else if (!names.contains(n)) {
                        names.add(n);
                    }
                }
            }
            return names;
        }

        @Override
        public void write(String rel, String text) {
            checkRelative(rel);
            pending.put(rel, text);
            remember(rel, text);
        }

        @Override
        public void delete(String rel) {
            checkRelative(rel);
            pending.put(rel, null);
            remember(rel, null);
        }
    }
}
