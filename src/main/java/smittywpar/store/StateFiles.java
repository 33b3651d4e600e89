package smittywpar.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import smittywpar.msg.AixException;
import smittywpar.msg.Messages;

/**
 * The files of one state directory, reached without following a symbolic link anywhere below it:
 * every directory on the way to a file is checked to be a real directory, and the file itself is
 * opened only when it is a regular file. A link, or a file where a directory belongs, is refused
 * with a message naming it; nothing is read, written or deleted through it.
 *
 * <p>Test hook: {@code SMITTY_WPAR_FAULT=OP:ERRNO[:N|:*]} makes the Nth (default first, {@code *}
 * every) operation OP fail as the system would with ERRNO; OP is one of {@code lock mkdir write
 * link force journal rename delete restore} ({@code force}: forcing a transaction's text to the
 * disk; {@code rename}: putting a new text in place, by a rename or rewriting the file;
 * {@code write}: also the journal that carries the texts), or {@code readonly} alone for a
 * read-only file system.
 */
final class StateFiles {
    /** The longest file name (one path component) and path, in bytes, that Linux and AIX take. */
    static final int NAME_MAX = 255;
    static final int PATH_MAX = 4096;

    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    final Path dir;
    private final String program;
    private final Set<String> checkedDirs = new HashSet<>();
    /**
     * Directories found missing since the store last changed anything ({@link #fault} is called
     * before every change): while the lock is held nobody else makes them, so a walk of a tree
     * with nothing stored (a WPAR's files at their own paths) asks the system once, not once a
     * path, and throws no exception a path.
     */
    private final Set<String> missingDirs = new HashSet<>();
    private final List<Fault> faults = new ArrayList<>();

    /** One simulated failure: the {@code at}-th (every one when -1) operation {@code op} fails with {@code errno}. */
    private static final class Fault {
        final String op;
        final String errno;
        final int at;
        int count;

        Fault(String op, String errno, int at) {
            this.op = op;
            this.errno = errno;
            this.at = at;
        }
    }

    StateFiles(Path dir, String program, String fault) {
        this.dir = dir;
        this.program = program;
        for (String spec : fault == null ? new String[0] : fault.split(",")) {
            String[] f = spec.split(":");
            if (f.length == 1 && f[0].equals("readonly")) {
                faults.add(new Fault("readonly", "EROFS", -1));
            } else if (f.length >= 2) {
                faults.add(new Fault(f[0], f[1], f.length < 3 ? 1 : f[2].equals("*") ? -1 : parsePositive(f[2])));
            }
        }
    }

    private static int parsePositive(String s) {
        long n = StanzaFile.digits(s);
        return n < 1 || n > 1_000_000 ? 1 : (int) n;
    }

    /**
     * Fails like the system would when the fault hook names this operation. Called before every
     * change the store makes to the state directory (and so forgets the directories found missing).
     */
    void fault(String op, Path p) throws IOException {
        missingDirs.clear();
        for (Fault f : faults) {
            if (f.op.equals(op) || f.op.equals("readonly")) {
                f.count++;
                if (f.at < 0 || f.count == f.at) {
                    throw Errno.simulated(p.toString(), f.errno);
                }
            }
        }
    }

    Path path(String rel) {
        return dir.resolve(rel);
    }

    // ---- names ---------------------------------------------------------------------------------

    /**
     * True for a name the store may use: relative, no empty, "." or ".." part, no blank or line
     * break (the journal separates fields with blanks), and not one of the store's own files.
     */
    static boolean validName(String rel) {
        if (rel == null || rel.isEmpty() || rel.charAt(0) == '/' || rel.charAt(rel.length() - 1) == '/') {
            return false;
        }
        for (int i = 0; i < rel.length(); i++) {
            char c = rel.charAt(i);
            if (c == ' ' || c == '\n' || c == '\r' || c == '\0') {
                return false;
            }
        }
        int start = 0;
        while (start <= rel.length()) {
            int slash = rel.indexOf('/', start);
            int end = slash < 0 ? rel.length() : slash;
            String part = rel.substring(start, end);
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
            if (start == 0 && (part.equals(StateStore.TXDIR) || part.equals(StateStore.LOCK)
                    || part.equals(StateStore.JOURNAL) && slash < 0)) {
                return false;
            }
            if (slash < 0) {
                break;
            }
            start = slash + 1;
        }
        return true;
    }

    /** {@code errno.ENAMETOOLONG} when a part of the name, or the whole path, is too long; else null. */
    String lengthProblem(String rel) {
        int start = 0;
        while (true) {
            int slash = rel.indexOf('/', start);
            int end = slash < 0 ? rel.length() : slash;
            if (utf8Length(rel, start, end) > NAME_MAX) {
                return "errno.ENAMETOOLONG";
            }
            if (slash < 0) {
                break;
            }
            start = slash + 1;
        }
        if (utf8Length(dir.toString(), 0, dir.toString().length()) + 1 + utf8Length(rel, 0, rel.length()) >= PATH_MAX) {
            return "errno.ENAMETOOLONG";
        }
        return null;
    }

    private static int utf8Length(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    // ---- what is there -----------------------------------------------------------------------

    /** The attributes of {@code p} itself (a link is not followed), or null when nothing is there. */
    static BasicFileAttributes lstat(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * Checks the directories between the state directory and {@code rel}: each must be a real
     * directory. Returns false when one of them does not exist (nor, then, does {@code rel}).
     */
    boolean parentsExist(String rel) throws IOException {
        int slash = rel.indexOf('/');
        while (slash >= 0) {
            String d = rel.substring(0, slash);
            if (!checkedDirs.contains(d)) {
                if (missingDirs.contains(d)) {
                    return false;
                }
                BasicFileAttributes a = lstat(path(d));
                if (a == null) {
                    missingDirs.add(d);
                    return false;
                }
                refuseUnlessDirectory(d, a);
                checkedDirs.add(d);
            }
            slash = rel.indexOf('/', slash + 1);
        }
        return true;
    }

    /** Forgets the directories known to exist (after the store created or removed some). */
    void forgetDirectories() {
        checkedDirs.clear();
    }

    private void refuseUnlessDirectory(String rel, BasicFileAttributes a) {
        if (a.isSymbolicLink()) {
            throw symlink(rel);
        }
        if (!a.isDirectory()) {
            throw AixException.of("store.notdirectory", program, path(rel));
        }
    }

    /** The attributes of {@code rel}, or null when it does not exist; a link is refused. */
    BasicFileAttributes entry(String rel) throws IOException {
        if (!parentsExist(rel)) {
            return null;
        }
        BasicFileAttributes a = lstat(path(rel));
        if (a != null && a.isSymbolicLink()) {
            throw symlink(rel);
        }
        return a;
    }

    /** True when {@code rel} is a directory; false when it does not exist; refused when it is anything else. */
    boolean isDirectory(String rel) throws IOException {
        BasicFileAttributes a = entry(rel);
        if (a == null) {
            return false;
        }
        refuseUnlessDirectory(rel, a);
        return true;
    }

    /**
     * The later of the last change of {@code rel}'s content and of its inode (a rename changes
     * the latter, on Linux), in ns; where the system does not tell the inode's, the content's.
     */
    long changed(String rel) throws IOException {
        Path p = path(rel);
        long modified = Files.getLastModifiedTime(p, NOFOLLOW).to(java.util.concurrent.TimeUnit.NANOSECONDS);
        try {
            Object ctime = Files.getAttribute(p, "unix:ctime", NOFOLLOW);
            return ctime instanceof java.nio.file.attribute.FileTime t
                    ? Math.max(modified, t.to(java.util.concurrent.TimeUnit.NANOSECONDS)) : modified;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return modified;
        }
    }

    AixException symlink(String rel) {
        return AixException.of("store.symlink", program, path(rel));
    }

    StateStore.Damaged corrupt(String rel, String reason) {
        return new StateStore.Damaged(Messages.get("store.corrupt", program, path(rel), reason), reason, 0);
    }

    // ---- reading -------------------------------------------------------------------------------

    /**
     * The text of a regular file, or null when it does not exist. Refused: a link, anything but a
     * regular file, more than {@code limit} bytes (told by its size, before reading), and bytes
     * that are not UTF-8.
     */
    String read(String rel, long limit) throws IOException {
        BasicFileAttributes a = entry(rel);
        if (a == null) {
            return null;
        }
        if (!a.isRegularFile()) {
            throw AixException.of("store.notfile", program, path(rel));
        }
        if (a.size() > limit) {
            throw corrupt(rel, Messages.get("store.why.toolarge", limit));
        }
        byte[] bytes;
        try (FileChannel ch = FileChannel.open(path(rel), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = ch.size();
            if (size > limit) {
                throw corrupt(rel, Messages.get("store.why.toolarge", limit));
            }
            ByteBuffer buf = ByteBuffer.allocate((int) size);
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // until full or at the end
            }
            bytes = buf.position() == size ? buf.array() : java.util.Arrays.copyOf(buf.array(), buf.position());
        }
        return decode(rel, bytes);
    }

    /** Opens a regular file for reading (any size, any bytes), or null when it does not exist. */
    java.io.InputStream open(String rel) throws IOException {
        BasicFileAttributes a = entry(rel);
        if (a == null) {
            return null;
        }
        if (!a.isRegularFile()) {
            throw AixException.of("store.notfile", program, path(rel));
        }
        FileChannel ch = FileChannel.open(path(rel), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        return new java.io.BufferedInputStream(java.nio.channels.Channels.newInputStream(ch), 1 << 16);
    }

    private String decode(String rel, byte[] bytes) {
        // the common case in one pass: valid UTF-8 (mostly ASCII) has no replacement character
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
        java.nio.charset.CoderResult r = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, out, true);
        if (r.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            String why = Messages.get("corrupt.syntax.utf8");
            throw new StateStore.Damaged(Messages.get("store.corrupt", program,
                    Messages.get("store.where", path(rel), line), why), why, line);
        }
        return text; // a replacement character that is really in the file
    }

    /** The names in a directory of the store (unsorted, not checked one by one), empty when it does not exist. */
    List<String> names(String relDir) throws IOException {
        List<String> names = new ArrayList<>();
        if (!isDirectory(relDir)) {
            return names;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(path(relDir))) {
            for (Path p : ds) {
                names.add(p.getFileName().toString());
            }
        }
        return names;
    }

    // ---- writing -------------------------------------------------------------------------------

    /**
     * Why {@code rel} could not be written (a catalogue {@code errno.*} key), or null when it can:
     * its name fits, every directory on the way is a directory or can be made, and it is not
     * itself a directory. A link on the way is refused with its own message.
     */
    String writeProblem(String rel) throws IOException {
        String length = lengthProblem(rel);
        if (length != null) {
            return length;
        }
        int slash = rel.indexOf('/');
        while (slash >= 0) {
            String d = rel.substring(0, slash);
            if (!checkedDirs.contains(d)) {
                BasicFileAttributes a = lstat(path(d));
                if (a == null) {
                    return null; // from here on the commit makes the directories
                }
                if (a.isSymbolicLink()) {
                    throw symlink(d);
                }
                if (!a.isDirectory()) {
                    return "errno.ENOTDIR";
                }
                checkedDirs.add(d);
            }
            slash = rel.indexOf('/', slash + 1);
        }
        BasicFileAttributes a = lstat(path(rel));
        if (a != null && a.isSymbolicLink()) {
            throw symlink(rel);
        }
        return a != null && a.isDirectory() ? "errno.EISDIR" : null;
    }

    /** Writes a new file and forces it to the disk. */
    void writeNew(Path p, String text, String op) throws IOException {
        writeNew(p, text, op, true);
    }

    /** Writes a new file, and forces it to the disk when {@code force} (else the caller does, see {@link Forcer}). */
    void writeNew(Path p, String text, String op, boolean force) throws IOException {
        writeNew(p, text.getBytes(StandardCharsets.UTF_8), op, force);
    }

    /** Writes a new file of these bytes, and forces it to the disk when {@code force}. */
    void writeNew(Path p, byte[] bytes, String op, boolean force) throws IOException {
        fault(op, p);
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            if (force) {
                ch.force(true);
            }
        }
    }

    /**
     * Writes {@code bytes} as the whole content of {@code p}, made when it is not there, rewritten
     * in place when it is (never through a link); not forced to the disk (the caller does, see
     * {@link Forcer}). Only under a journal that can write it again: cut short, it is finished.
     */
    void writeInPlace(Path p, byte[] bytes, String op) throws IOException {
        fault(op, p);
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }
    }

    /**
     * Writes a new file from {@code writer}; returns its size. It is not forced to the disk here:
     * the commit forces every waiting text together ({@link Forcer}), and a transaction that
     * fails throws it away unforced.
     */
    long writeStream(Path p, StateStore.StreamWriter writer) throws IOException {
        fault("write", p);
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            java.io.OutputStream raw = java.nio.channels.Channels.newOutputStream(ch);
            java.io.BufferedOutputStream out = new java.io.BufferedOutputStream(new java.io.FilterOutputStream(raw) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    raw.write(b, off, len);
                }

                @Override
                public void close() {
                    // the channel is closed below
                }
            }, 1 << 16);
            writer.write(out);
            out.flush();
            return ch.size();
        }
    }

    /**
     * Makes the directories leading to {@code rel} (each checked: never through a link); true when
     * it made one (whose own parent then holds a new entry to force to the disk).
     */
    boolean makeParents(String rel) throws IOException {
        boolean made = false;
        int slash = rel.indexOf('/');
        while (slash >= 0) {
            String d = rel.substring(0, slash);
            if (!checkedDirs.contains(d)) {
                Path p = path(d);
                BasicFileAttributes a = lstat(p);
                if (a == null) {
                    fault("mkdir", p);
                    Files.createDirectory(p);
                    made = true;
                } else {
                    refuseUnlessDirectory(d, a);
                }
                checkedDirs.add(d);
            }
            slash = rel.indexOf('/', slash + 1);
        }
        return made;
    }

    /**
     * A second name for a file (a hard link), or a copy where links are not possible; true when
     * it is a copy (whose data the caller must force to the disk).
     */
    boolean linkOrCopy(Path link, Path existing) throws IOException {
        fault("link", link);
        try {
            Files.createLink(link, existing);
            return false;
        } catch (UnsupportedOperationException | IOException e) {
            if (e instanceof IOException io && Errno.key(io) != null && !"errno.EPERM".equals(Errno.key(io))) {
                throw io;
            }
            Files.copy(existing, link, LinkOption.NOFOLLOW_LINKS);
            return true;
        }
    }

    void move(Path from, Path to, String op) throws IOException {
        fault(op, to);
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    void delete(Path p, String op) throws IOException {
        fault(op, p);
        Files.deleteIfExists(p);
    }

    /** Removes a directory the store made and everything in it, following no link. */
    void deleteTree(Path d) throws IOException {
        BasicFileAttributes a = lstat(d);
        if (a == null) {
            return;
        }
        if (a.isDirectory()) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(d)) {
                for (Path p : ds) {
                    deleteTree(p);
                }
            }
        }
        delete(d, "delete");
    }

    /** Removes a directory the store made: at once when it is empty (as it is after a commit), else with what is in it. */
    void removeDir(Path d) throws IOException {
        try {
            delete(d, "delete");
        } catch (java.nio.file.DirectoryNotEmptyException e) {
            deleteTree(d);
        }
    }

    static void syncDir(Path d) {
        try (FileChannel ch = FileChannel.open(d, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some file systems cannot fsync a directory; the rename is still atomic.
        }
    }
}
