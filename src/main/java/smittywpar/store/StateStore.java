package smittywpar.store;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
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
 * <p>Every command runs one transaction: lock, load, validate, mutate, then commit. The commit
 * checks every file it is about to write (name length, no link, no file where a directory
 * belongs, no directory where a file belongs). A small transaction then writes a {@link Journal}
 * that carries its new texts (the commit point, see {@link #commitInline}) and rewrites the files
 * in place; a larger one writes each new text to a temporary file and forces it to disk, keeps a
 * second name of each file it replaces, and writes a journal naming them all (the commit point),
 * then renames the new texts into place. Either removes the journal and the temporary directory
 * and unlocks. When a step after the commit point fails the commit is undone at once; when the
 * process dies the next command finishes the transaction (every new text is there) or undoes it
 * (one is lost), and says so in one line. A crash before the journal exists loses the
 * transaction and nothing else.
 *
 * <p>Readers hold a shared lock, writers an exclusive one, so no command sees half of another's
 * change. No file is read, written or deleted through a symbolic link ({@link StateFiles}).
 *
 * <p>The store knows nothing of what the files mean; the first use fills an empty directory with
 * the files an {@link Initializer} provides.
 */
public final class StateStore {
    /** The environment variable naming the state directory. */
    public static final String ENV_HOME = "SMITTY_WPAR_HOME";
    /** Test hook: "temps", "journal" or "apply" halts the JVM at that commit step, like kill -9. */
    public static final String ENV_CRASH_AT = "SMITTY_WPAR_CRASH_AT";
    /** Test hook: make a file operation fail as the system would (see {@link StateFiles}). */
    public static final String ENV_FAULT = "SMITTY_WPAR_FAULT";
    /** The largest state file read, in bytes: a bigger one is refused before it is read. */
    public static final long MAX_FILE = 1 << 20;
    static final long MAX_JOURNAL = 16L << 20;
    static final String MARKER = "host.cf";
    static final String JOURNAL = "journal";
    static final String TXDIR = ".tx";
    static final String LOCK = ".lock";

    /** A state file that cannot be taken as it is (too large, not UTF-8): {@link #reason} says why. */
    public static final class Damaged extends AixException {
        private static final long serialVersionUID = 1L;
        public final String reason;
        /** The line of the damage, 0 when it is the whole file. */
        public final int line;

        Damaged(String text, String reason, int line) {
            super(text);
            this.reason = reason;
            this.line = line;
        }
    }

    /** Provides the files of a new state directory. */
    @FunctionalInterface
    public interface Initializer {
        Map<String, String> initialFiles();
    }

    /** Read access to the files of the store. */
    public interface View {
        /** The text of a file of at most {@link #MAX_FILE} bytes, or null when it does not exist. */
        default String read(String rel) {
            return read(rel, MAX_FILE);
        }

        /** The text of a file of at most {@code limit} bytes, or null when it does not exist. */
        String read(String rel, long limit);

        boolean exists(String rel);

        /** The names in a directory of the store (unsorted), empty when it does not exist. */
        List<String> list(String relDir);

        /** 'f' for a regular file, 'd' for a directory, 0 for nothing (or anything else, such as a link). */
        char kind(String rel);

        /** The names of the regular files and directories in a directory of the store (unsorted). */
        List<String> names(String relDir);

        /** The absolute path of a file of the store (for messages). */
        Path path(String rel);

        /**
         * The text of a file as {@link #read(String)} gives it, without keeping it for a later
         * read: for commands that read many files once (a backup), so that memory does not grow
         * with their number.
         */
        String readOnce(String rel);

        /** The size in bytes of a regular file, or -1 when it does not exist. */
        long size(String rel);

        /**
         * Opens a regular file of any size and content (a backup image), or returns null when it
         * does not exist; a link or anything but a regular file is refused.
         */
        java.io.InputStream open(String rel);

        /**
         * When a file or directory of the store last changed, its content or its place (renamed
         * into place), in ns since the epoch; -1 when it does not exist.
         */
        long changed(String rel);

        /**
         * What a pending write of {@code rel} in this transaction was made from (see
         * {@link Tx#writeMade}), or null: a later step of a joint takes it instead of reading the text.
         */
        default Object source(String rel) {
            return null;
        }
    }

    /** Writes the bytes of a file to a stream (see {@link Tx#writeStream}). */
    @FunctionalInterface
    public interface StreamWriter {
        void write(java.io.OutputStream out) throws IOException;
    }

    /** Read and write access inside an update. */
    public interface Tx extends View {
        void write(String rel, String text);

        /**
         * Writes a file of any size and content (a backup image) as {@code writer} produces it:
         * the bytes go at once to a temporary file of the transaction (never all in memory), which
         * the commit puts in place with the other files, or throws away when the transaction fails.
         *
         * @return the number of bytes written
         */
        long writeStream(String rel, StreamWriter writer);

        void delete(String rel);

        /**
         * Writes {@code rel} as {@code text} makes it from {@code source}, only when it is read or
         * committed: a file rewritten by several steps of a {@link StateStore#joint} (the WPAR index)
         * is made once; the steps after take {@code source} ({@link View#source}).
         */
        default void writeMade(String rel, Object source, java.util.function.Supplier<String> text) {
            write(rel, text.get());
        }

        /**
         * Why {@code rel} could not be written when the transaction commits, as a catalogue
         * {@code errno.*} key, or null when it can (a link on the way is refused at once).
         */
        String writeProblem(String rel);
    }

    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
    static final ThreadLocal<Boolean> IN_TX = new ThreadLocal<>();

    private final Path dir;
    private final String program;
    private final PrintStream err;
    private final Initializer initializer;
    private final String crashAt;
    private final String fault;

    public StateStore(Path dir, String program, PrintStream err, Initializer initializer, Map<String, String> env) {
        this.dir = dir.toAbsolutePath().normalize();
        this.program = program;
        this.err = err;
        this.initializer = initializer;
        this.crashAt = env.getOrDefault(ENV_CRASH_AT, "");
        this.fault = env.get(ENV_FAULT);
    }

    /** The state directory named by {@link #ENV_HOME}, else {@code ~/.smitty-wpar}. */
    public static Path locate(Map<String, String> env, String program) {
        String home = env.get(ENV_HOME);
        try {
            if (home != null && !home.isBlank()) {
                return Path.of(home);
            }
            String userHome = env.getOrDefault("HOME", System.getProperty("user.home"));
            return Path.of(userHome, ".smitty-wpar");
        } catch (InvalidPathException e) {
            throw AixException.of("store.badhome", program, ENV_HOME, Messages.get("errno.EINVAL"));
        }
    }

    public Path dir() {
        return dir;
    }

    /** The command using the store (for messages). */
    String program() {
        return program;
    }

    /**
     * Runs {@code fn} on a consistent view of the store (inside a {@link #joint} of this thread:
     * on the joint's, with what it wrote so far).
     */
    public <T> T read(Function<View, T> fn) {
        Joint j = Joint.of(dir);
        if (j != null) {
            return j.read(fn);
        }
        return locked(false, (files, held) -> fn.apply(new StoreViews.FileView(this, files)));
    }

    /**
     * Runs {@code fn} and commits its writes atomically when it returns normally (inside a
     * {@link #joint} of this thread: its writes join the joint's, or none of them when it fails).
     */
    public <T> T update(Function<Tx, T> fn) {
        Joint j = Joint.of(dir);
        if (j != null) {
            return j.update(fn);
        }
        return locked(true, (files, held) -> {
            StoreViews.PendingTx tx = new StoreViews.PendingTx(this, files);
            T result;
            try {
                result = fn.apply(tx);
            } catch (RuntimeException | Error e) {
                tx.dropSpilled();
                throw e;
            }
            commit(files, tx.effective(), tx.spilled, tx.spills > 0, tx.originals());
            return result;
        });
    }

    /**
     * Runs {@code fn} as one transaction with every read and update that this thread makes
     * meanwhile on this state directory, through this store or any other: they see what the
     * earlier ones wrote, an update that fails leaves none of its writes, and what they wrote
     * is committed at once when {@code fn} ends (also when it ends with an exception, as the
     * transactions would have been one by one); a process that dies before that leaves the state
     * as it was. The directory stays locked meanwhile, so {@code fn} must not wait: before it
     * waits (a sleep, input, an application that goes on running) it calls {@link #settle}.
     * Inside a joint, runs {@code fn} in that joint.
     */
    public <T> T joint(java.util.function.Supplier<T> fn) {
        if (Joint.of(dir) != null) {
            return fn.get();
        }
        return locked(true, (files, held) -> Joint.run(this, files, held, fn));
    }

    /**
     * Ends the {@link #joint} of this thread early, before the thread waits: what it wrote is
     * committed now, the state directory is unlocked, and the reads and updates that follow are
     * transactions of their own. Does nothing outside a joint, or inside one of its reads or
     * updates (which could not be cut in two).
     */
    public static void settle() {
        Joint j = Joint.current();
        if (j != null) {
            j.settle();
        }
    }

    interface Body<T> {
        T run(StateFiles files, Held held) throws IOException;
    }

    private <T> T locked(boolean exclusive, Body<T> body) {
        if (Boolean.TRUE.equals(IN_TX.get())) {
            throw new IllegalStateException(Messages.get("internal.nestedtx"));
        }
        ensureDirectory();
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(dir, d -> new ReentrantLock(true));
        jvmLock.lock();
        IN_TX.set(Boolean.TRUE);
        Held held = new Held(jvmLock);
        StateFiles files = new StateFiles(dir, program, fault);
        Path lockPath = dir.resolve(LOCK);
        try {
            String readOnly = null;
            BasicFileAttributes la = StateFiles.lstat(lockPath);
            if (la != null && la.isSymbolicLink()) {
                throw files.symlink(LOCK);
            }
            try {
                files.fault("lock", lockPath);
                held.ch = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                if (!Errno.readOnly(e)) {
                    throw e;
                }
                // a read-only state directory can still be read (a shared lock needs only read access)
                readOnly = Errno.text(e);
                try {
                    held.ch = FileChannel.open(lockPath, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException n) {
                    held.ch = null; // nobody can change it, so there is nothing to lock against
                }
            }
            if (exclusive && readOnly != null) {
                throw AixException.of("store.cantchange", program, dir, readOnly);
            }
            FileChannel ch = held.ch;
            held.lock = ch == null ? null : acquire(ch, exclusive);
            if (needsRecoveryOrInit(files, readOnly)) {
                if (!exclusive) {
                    held.lock.release();
                    held.lock = acquire(ch, true);
                }
                recover(files);
                initializeIfEmpty(files);
                if (!exclusive) {
                    held.lock.release();
                    held.lock = acquire(ch, false);
                }
            }
            return body.run(files, held);
        } catch (IOException e) {
            throw failure(dir.resolve(LOCK), e);
        } finally {
            held.release();
        }
    }

    private void ensureDirectory() {
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw AixException.of("store.notdir", program, dir);
        } catch (IOException e) {
            throw failure(dir, e);
        }
        if (!Files.isDirectory(dir)) {
            throw AixException.of("store.notdir", program, dir);
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

    /**
     * True when a journal waits, temporary files are left over, or the directory is still empty.
     * A link or a wrong kind of file in place of the journal, the temporary directory or the
     * marker is refused. A read-only directory is read as it is, unless a journal waits.
     */
    private boolean needsRecoveryOrInit(StateFiles files, String readOnly) throws IOException {
        BasicFileAttributes j = files.entry(JOURNAL);
        if (j != null && !j.isRegularFile()) {
            throw AixException.of("store.notfile", program, files.path(JOURNAL));
        }
        boolean leftover = files.isDirectory(TXDIR);
        boolean empty = files.entry(MARKER) == null;
        if (readOnly != null) {
            if (j != null) {
                throw AixException.of("store.pending", program, dir, readOnly);
            }
            if (empty) {
                throw AixException.of("store.cantchange", program, dir, readOnly);
            }
            return false;
        }
        return j != null || leftover || empty;
    }

    // ---- commit and recovery -------------------------------------------------------------

    /** The value of a pending write whose text waits in a temporary file (see {@link Tx#writeStream}). */
    static final String SPILLED = new String("\0spilled");
    /** The value of a pending write whose text is made when needed (see {@link Tx#writeMade}). */
    static final String MADE = new String("\0made");

    /**
     * A transaction takes the journal that carries its texts (version 3) when it has at most this
     * many bytes of new text (and at most {@link Forcer#PARALLEL_AFTER} files, none spilled). The
     * system property {@code smittywpar.store.inlineMax} changes it, for tests only (0: never).
     */
    static final long INLINE_MAX = Long.getLong("smittywpar.store.inlineMax", 1L << 20);

    private void commit(StateFiles files, Map<String, String> pending) throws IOException {
        commit(files, pending, Map.of(), false, Map.of());
    }

    /**
     * Commits {@code pending} (a null text: delete); the texts of {@code spilled} files already wait
     * in the temporary directory under the names given; {@code originals}: the texts of files this
     * transaction read before it changed them (null: not there).
     */
    void commit(StateFiles files, Map<String, String> pending, Map<String, String> spilled,
            boolean txDirMade, Map<String, String> originals) throws IOException {
        if (pending.isEmpty()) {
            if (txDirMade) {
                files.deleteTree(dir.resolve(TXDIR));
            }
            return;
        }
        for (String rel : pending.keySet()) {
            String problem = files.writeProblem(rel);
            if (problem != null) {
                if (txDirMade) {
                    files.deleteTree(dir.resolve(TXDIR));
                }
                throw AixException.of("store.cantwrite", program, files.path(rel), Messages.get(problem));
            }
        }
        Map<String, String> olds = txDirMade ? null : oldTexts(files, pending, originals);
        if (olds != null) {
            commitInline(files, pending, olds);
            return;
        }
        Path txDir = dir.resolve(TXDIR);
        Journal journal;
        try {
            if (!txDirMade) {
                files.fault("mkdir", txDir);
                Files.createDirectory(txDir);
            }
            List<Journal.Entry> entries = new ArrayList<>();
            // a large transaction forces its texts together after writing them all (Forcer); a
            // small one forces each as it writes it, as always; streamed texts wait unforced
            boolean large = pending.size() > Forcer.PARALLEL_AFTER;
            List<Path> toForce = new ArrayList<>();
            int i = 0;
            for (var e : pending.entrySet()) {
                String rel = e.getKey();
                String backup = null;
                if (files.entry(rel) != null) {
                    backup = "b" + i;
                    if (files.linkOrCopy(txDir.resolve(backup), files.path(rel))) {
                        toForce.add(txDir.resolve(backup));
                    }
                }
                String tmp = null;
                if (e.getValue() == SPILLED) {
                    tmp = spilled.get(rel);
                    toForce.add(txDir.resolve(tmp));
                } else if (e.getValue() != null) {
                    tmp = "f" + i;
                    files.writeNew(txDir.resolve(tmp), e.getValue(), "write", !large);
                    if (large) {
                        toForce.add(txDir.resolve(tmp));
                    }
                }
                entries.add(new Journal.Entry(e.getValue() != null, rel, tmp, backup));
                i++;
            }
            Forcer.files(files, toForce); // every text durable before the journal names it
            StateFiles.syncDir(txDir);
            crashPoint("temps");
            journal = new Journal(entries, true);
            Path jtmp = txDir.resolve("journal.tmp");
            files.writeNew(jtmp, journal.text(), "journal");
            files.move(jtmp, dir.resolve(JOURNAL), "journal");
            StateFiles.syncDir(dir);
        } catch (IOException e) {
            try {
                files.deleteTree(txDir);
            } catch (IOException left) {
                // the next command removes it: no journal, so nothing of it counts
            }
            throw AixException.of("store.cantchange", program, dir, Errno.text(e));
        }
        crashPoint("journal");
        try {
            journal.finish(files, txDir, () -> crashPoint("apply"));
        } catch (IOException | AixException e) {
            String why = reason(e);
            try {
                journal.undo(files, txDir);
                cleanUp(files, true);
            } catch (IOException | AixException e2) {
                throw AixException.of("store.stuck", program, where(e), why, reason(e2));
            }
            if (e instanceof AixException a) {
                throw a;
            }
            throw AixException.of("store.cantwrite", program, where(e), why);
        }
        try {
            cleanUp(files, false);
        } catch (IOException e) {
            // the change is made; the next command removes what is left of the journal
        }
    }

    /**
     * The texts the files of a small transaction have now (null: not there), for a commit through
     * a journal that carries the new texts; null when the transaction is not small (more than
     * {@link Forcer#PARALLEL_AFTER} files or {@link #INLINE_MAX} bytes of text, a text that waits
     * in a temporary file) or a file it replaces or removes is not a state text (larger than
     * {@link #MAX_FILE}, not UTF-8, not a regular file): it takes the journal of temporary files.
     */
    private Map<String, String> oldTexts(StateFiles files, Map<String, String> pending, Map<String, String> originals) {
        if (pending.size() > Forcer.PARALLEL_AFTER) {
            return null;
        }
        long bytes = 0;
        for (String t : pending.values()) {
            if (t == SPILLED || t == MADE) {
                return null;
            }
            bytes += t == null ? 0 : t.length();
        }
        if (bytes > INLINE_MAX) {
            return null;
        }
        Map<String, String> olds = new HashMap<>();
        for (String rel : pending.keySet()) {
            if (originals.containsKey(rel)) {
                olds.put(rel, originals.get(rel));
                continue;
            }
            try {
                olds.put(rel, files.read(rel, MAX_FILE));
            } catch (IOException | RuntimeException e) {
                return null; // the other journal keeps such a file as a second name
            }
        }
        return olds;
    }

    /**
     * The commit of a small transaction: its journal (version 3) carries the new texts, so that
     * writing it is all that comes before the commit point: written to {@code .tx/journal.tmp},
     * forced, renamed to {@code journal} and the state directory forced. Then every file is
     * rewritten in place (or made, or removed), the files written and the directories whose
     * entries changed are forced (each once), and the journal and {@code .tx} are removed without
     * a force: a journal that a power cut brings back is finished again, to the same texts, by
     * the next command, and the next commit's journal replaces it durably before anything else
     * changes. When a step after the commit point fails, the old texts ({@code olds}) are put back
     * at once.
     */
    private void commitInline(StateFiles files, Map<String, String> pending, Map<String, String> olds)
            throws IOException {
        Path txDir = dir.resolve(TXDIR);
        Journal journal = Journal.inline(pending);
        try {
            files.fault("mkdir", txDir);
            Files.createDirectory(txDir);
            Path jtmp = txDir.resolve("journal.tmp");
            files.fault("write", jtmp);
            files.writeNew(jtmp, journal.bytes(), "journal", true);
            crashPoint("temps");
            files.move(jtmp, dir.resolve(JOURNAL), "journal");
            StateFiles.syncDir(dir);
        } catch (IOException e) {
            try {
                files.deleteTree(txDir);
            } catch (IOException left) {
                // the next command removes it: no journal, so nothing of it counts
            }
            throw AixException.of("store.cantchange", program, dir, Errno.text(e));
        }
        crashPoint("journal");
        try {
            journal.finishInline(files, olds, () -> crashPoint("apply"));
        } catch (IOException | AixException e) {
            String why = reason(e);
            try {
                journal.undoInline(files, olds);
                cleanUp(files, true);
            } catch (IOException | AixException e2) {
                throw AixException.of("store.stuck", program, where(e), why, reason(e2));
            }
            if (e instanceof AixException a) {
                throw a;
            }
            throw AixException.of("store.cantwrite", program, where(e), why);
        }
        try {
            files.delete(dir.resolve(JOURNAL), "delete");
            files.removeDir(txDir); // empty: the journal was renamed out of it
        } catch (IOException e) {
            // the change is made; the next command removes what is left of the journal
        }
    }

    /**
     * Removes the journal and the temporary directory. The removal of the journal is forced only
     * when the change was undone ({@code durable}): after a finished change, a journal that a
     * power cut brings back only finishes it again.
     */
    private void cleanUp(StateFiles files, boolean durable) throws IOException {
        files.delete(dir.resolve(JOURNAL), "delete");
        if (durable) {
            StateFiles.syncDir(dir);
        }
        files.deleteTree(dir.resolve(TXDIR));
    }

    private Path where(Exception e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return Path.of(f.getFile());
        }
        return dir;
    }

    private static String reason(Exception e) {
        return e instanceof IOException io ? Errno.text(io) : e.getMessage();
    }

    private void crashPoint(String step) {
        if (crashAt.equals(step)) {
            err.flush();
            Runtime.getRuntime().halt(137);
        }
    }

    /**
     * Finishes a transaction whose journal was written (when every new text is there), else, or
     * when finishing fails, undoes it; says which in one line. Without a journal, throws away
     * the temporary files of a transaction that never reached its commit point.
     */
    private void recover(StateFiles files) throws IOException {
        Path txDir = dir.resolve(TXDIR);
        Path jpath = dir.resolve(JOURNAL);
        String text;
        try {
            text = files.read(JOURNAL, MAX_JOURNAL);
        } catch (Damaged d) {
            if (d.line == 0) {
                throw d;
            }
            throw AixException.of("store.badjournal", program, jpath, d.line, d.reason);
        }
        if (text == null) {
            files.deleteTree(txDir);
            return;
        }
        Journal journal = Journal.parse(text, jpath, program);
        String why;
        if (journal.canFinish(files, txDir)) {
            try {
                journal.finish(files, txDir, () -> { });
                cleanUp(files, false);
                notice("store.finished", journal.summary());
                return;
            } catch (IOException | AixException e) {
                why = reason(e);
            }
        } else {
            why = Messages.get("store.why.lost");
        }
        if (!journal.undoable) {
            throw AixException.of("store.pending", program, dir, why);
        }
        try {
            journal.undo(files, txDir);
            cleanUp(files, true);
        } catch (IOException | AixException e) {
            throw AixException.of("store.pending", program, dir, reason(e));
        }
        notice("store.undone", journal.summary(), why);
    }

    private void notice(String key, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = program;
        System.arraycopy(args, 0, all, 1, args.length);
        err.println(Messages.get(key, all));
        err.flush();
    }

    private void initializeIfEmpty(StateFiles files) throws IOException {
        if (files.entry(MARKER) != null) {
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
        commit(files, new LinkedHashMap<>(initializer.initialFiles()));
    }

    AixException failure(Path path, IOException e) {
        return AixException.of("store.io", program, path, Errno.text(e));
    }
}
