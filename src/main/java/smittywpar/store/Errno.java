package smittywpar.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

import smittywpar.msg.Messages;

/**
 * The reason of a failed file operation in the words of the catalogue ({@code errno.*}), the way
 * AIX commands print {@code strerror}: "No space left on device", "Read-only file system", ...
 */
public final class Errno {
    /** The C library's texts the JDK passes on (in the C locale), and their catalogue keys. */
    private static final String[][] OS_TEXTS = {
        {"No space left on device", "errno.ENOSPC"},
        {"Read-only file system", "errno.EROFS"},
        {"Permission denied", "errno.EACCES"},
        {"Operation not permitted", "errno.EPERM"},
        {"File name too long", "errno.ENAMETOOLONG"},
        {"Not a directory", "errno.ENOTDIR"},
        {"Is a directory", "errno.EISDIR"},
        {"Too many levels of symbolic links", "errno.ELOOP"},
        {"Disk quota exceeded", "errno.EDQUOT"},
        {"Input/output error", "errno.EIO"},
        {"No such file or directory", "errno.ENOENT"},
        {"Too many open files", "errno.EMFILE"},
        {"Directory not empty", "errno.ENOTEMPTY"},
        {"File exists", "errno.EEXIST"},
    };

    private Errno() {
    }

    /** The catalogue key for the reason of {@code e}, or null when it is none of the known ones. */
    public static String key(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "errno.ENOENT";
        }
        if (e instanceof AccessDeniedException) {
            return "errno.EACCES";
        }
        if (e instanceof NotDirectoryException) {
            return "errno.ENOTDIR";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "errno.ENOTEMPTY";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "errno.EEXIST";
        }
        if (e instanceof FileSystemLoopException) {
            return "errno.ELOOP";
        }
        String why = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        if (why != null) {
            for (String[] t : OS_TEXTS) {
                if (why.startsWith(t[0]) || why.endsWith(t[0])) {
                    return t[1];
                }
            }
        }
        return null;
    }

    /** The reason of {@code e} as a user reads it (the catalogue text, else the system's own). */
    public static String text(IOException e) {
        String key = key(e);
        if (key != null) {
            return Messages.get(key);
        }
        String why = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        return why == null || why.isBlank() ? Messages.get("errno.EIO") : why;
    }

    /** True when {@code e} says the file system or the directory cannot be written at all. */
    public static boolean readOnly(IOException e) {
        String key = key(e);
        return "errno.EROFS".equals(key) || "errno.EACCES".equals(key) || "errno.EPERM".equals(key);
    }

    /** An exception with the system's text for a catalogue key (the store's fault injection). */
    static FileSystemException simulated(String path, String errnoName) {
        for (String[] t : OS_TEXTS) {
            if (t[1].equals("errno." + errnoName)) {
                return new FileSystemException(path, null, t[0]);
            }
        }
        return new FileSystemException(path, null, errnoName);
    }
}
