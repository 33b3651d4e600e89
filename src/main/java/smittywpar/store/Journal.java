package smittywpar.store;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import smittywpar.msg.AixException;
import smittywpar.msg.Messages;

/**
 * The transaction journal: which files a committed transaction replaces or removes, where their
 * new text waits ({@code .tx/fN}) and where the old file is kept until the end ({@code .tx/bN}, a
 * second name of it). With both at hand an interrupted transaction can always be finished (every
 * new text is there) or undone (every old file is there).
 *
 * <pre>
 * smitty-wpar journal 2
 * W wpars/w1.cf f0 b0      write: new text in .tx/f0, the old file kept as .tx/b0
 * W wpars.idx f1 -         write: a new file (nothing to keep)
 * D preserved/w2.cf - b2   delete: the old file kept as .tx/b2
 * end 6b7d3f0a             the CRC-32 of the lines before (a journal is never edited by hand)
 * </pre>
 *
 * Version 1 journals (no old files, no end line) can only be finished.
 *
 * <p>A small transaction ({@link StateStore}) writes a journal of version 3 instead, which holds
 * the new texts themselves: the journal alone redoes the whole change, so nothing else is written
 * before the commit point, and the files are then rewritten in place. Each new text follows its
 * line, exactly as many bytes as the line says, and a line break:
 *
 * <pre>
 * smitty-wpar journal 3
 * W wpars/w1.cf 2533       write: the next 2,533 bytes are the new text
 * (the text)
 * D preserved/w2.cf        delete
 * end 6b7d3f0a             the CRC-32 of all the bytes before
 * </pre>
 *
 * Finishing it again writes the same texts again (it may be run any number of times); it cannot
 * be undone by the next command (the old texts are kept only by the command that wrote it, which
 * puts them back itself when it fails).
 */
final class Journal {
    static final String HEADER = "smitty-wpar journal 2";
    static final String HEADER1 = "smitty-wpar journal 1";
    static final String HEADER3 = "smitty-wpar journal 3";
    static final String END = "end";

    /**
     * One file of the transaction; {@code tmp} and {@code backup} are null when there is none;
     * {@code text}: the new text carried by a journal of version 3 (null: a delete, or version 1-2).
     */
    record Entry(boolean write, String rel, String tmp, String backup, byte[] text) {
        Entry(boolean write, String rel, String tmp, String backup) {
            this(write, rel, tmp, backup, null);
        }
    }

    final List<Entry> entries;
    final boolean undoable;
    /** Version 3: the new texts are in the journal, the files are rewritten in place. */
    final boolean inline;

    Journal(List<Entry> entries, boolean undoable) {
        this(entries, undoable, false);
    }

    private Journal(List<Entry> entries, boolean undoable, boolean inline) {
        this.entries = entries;
        this.undoable = undoable;
        this.inline = inline;
    }

    /** A journal of version 3 for {@code pending} (a null text: delete). */
    static Journal inline(java.util.Map<String, String> pending) {
        List<Entry> out = new ArrayList<>(pending.size());
        for (var e : pending.entrySet()) {
            String t = e.getValue();
            out.add(new Entry(t != null, e.getKey(), null, null,
                    t == null ? null : t.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return new Journal(out, false, true);
    }

    /** The bytes of a journal of version 3. */
    byte[] bytes() {
        int size = HEADER3.length() + 16;
        for (Entry e : entries) {
            size += e.rel.length() * 3 + 16 + (e.text == null ? 0 : e.text.length);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(size);
        ascii(out, HEADER3 + "\n");
        for (Entry e : entries) {
            if (e.text != null) {
                out.writeBytes((("W " + e.rel + " " + e.text.length + "\n")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.writeBytes(e.text);
                out.write('\n');
            } else {
                out.writeBytes(("D " + e.rel + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        java.util.zip.CRC32 c = new java.util.zip.CRC32();
        byte[] body = out.toByteArray();
        c.update(body);
        ascii(out, END + " " + hex(c.getValue()) + "\n");
        return out.toByteArray();
    }

    private static void ascii(java.io.ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static String hex(long v) {
        String h = Long.toHexString(v);
        return "00000000".substring(h.length()) + h;
    }

    String text() {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Entry e : entries) {
            sb.append(e.write ? 'W' : 'D').append(' ').append(e.rel).append(' ').append(e.tmp == null ? "-" : e.tmp)
                    .append(' ').append(e.backup == null ? "-" : e.backup).append('\n');
        }
        String sum = crc(sb);
        return sb.append(END).append(' ').append(sum).append('\n').toString();
    }

    /** CRC-32 of the text before the end line, as eight hex digits: a journal is never edited by hand. */
    private static String crc(CharSequence text) {
        java.util.zip.CRC32 c = new java.util.zip.CRC32();
        c.update(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return hex(c.getValue());
    }

    /** The files of the transaction for a notice: the first three, then how many more. */
    String summary() {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (Entry e : entries) {
            if (n == 3) {
                return sb.append(' ').append(Messages.get("store.andmore", entries.size() - 3)).toString();
            }
            if (n++ > 0) {
                sb.append(", ");
            }
            sb.append(e.rel);
        }
        return sb.toString();
    }

    // ---- reading ------------------------------------------------------------------------------------

    /** Parses a journal; anything but a well-formed one is refused naming the line. */
    static Journal parse(String text, Path path, String program) {
        List<Entry> out = new ArrayList<>();
        Set<String> rels = new HashSet<>();
        Set<String> temps = new HashSet<>();
        if (text.startsWith(HEADER3 + "\n")) {
            return parse3(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), path, program);
        }
        String[] lines = text.split("\n", -1);
        boolean v2 = lines[0].equals(HEADER);
        if (!v2 && !lines[0].equals(HEADER1)) {
            throw bad(program, path, 1, Messages.get("store.why.jheader", HEADER));
        }
        if (!text.endsWith("\n")) {
            throw bad(program, path, lines.length, Messages.get("store.why.cut"));
        }
        int last = lines.length - 2; // the empty string after the final newline is not a line
        String endLine = v2 && last >= 1 && lines[last].startsWith(END + " ") ? lines[last] : null;
        if (endLine != null) {
            last--;
        }
        for (int i = 1; i <= last; i++) {
            String[] f = lines[i].split(" ", -1);
            boolean w = f.length > 0 && f[0].equals("W");
            boolean ok = v2 ? f.length == 4 && (w || f[0].equals("D"))
                    : w && f.length == 3 || f.length == 2 && f[0].equals("D");
            if (!ok) {
                throw bad(program, path, i + 1, Messages.get("store.why.jline"));
            }
            String rel = f[1];
            if (!StateFiles.validName(rel)) {
                throw bad(program, path, i + 1, Messages.get("store.why.jname", rel));
            }
            if (!rels.add(rel)) {
                throw bad(program, path, i + 1, Messages.get("store.why.jtwice", rel));
            }
            String tmp = f.length > 2 ? nameOrNone(f[2], 'f') : null;
            String backup = v2 ? nameOrNone(f[3], 'b') : null;
            boolean tmpOk = w ? tmp != null && !tmp.isEmpty() : tmp == null || tmp.isEmpty() && f[2].equals("-");
            if (!tmpOk || backup != null && backup.isEmpty() || tmp != null && !tmp.isEmpty() && !temps.add(tmp)
                    || backup != null && !temps.add(backup)) {
                throw bad(program, path, i + 1, Messages.get("store.why.jline"));
            }
            out.add(new Entry(w, rel, w ? tmp : null, backup));
        }
        if (v2 && endLine == null) {
            throw bad(program, path, last + 1, Messages.get("store.why.jend", END));
        }
        if (endLine != null && !endLine.equals(END + " " + crc(text.substring(0, text.length() - endLine.length() - 1)))) {
            throw bad(program, path, last + 2, Messages.get("store.why.jsum"));
        }
        return new Journal(out, v2);
    }

    /**
     * Parses a journal of version 3: the checksum first (over all the bytes before the end line),
     * then each line and the number of bytes of text it announces.
     */
    private static Journal parse3(byte[] b, Path path, String program) {
        int n = b.length;
        if (b[n - 1] != '\n') {
            throw bad(program, path, linesBefore(b, n) + 1, Messages.get("store.why.cut"));
        }
        int endStart = n - 1;
        while (endStart > 0 && b[endStart - 1] != '\n') {
            endStart--;
        }
        int endNo = linesBefore(b, endStart) + 1;
        String endLine = new String(b, endStart, n - 1 - endStart, java.nio.charset.StandardCharsets.UTF_8);
        if (endNo < 2 || !endLine.startsWith(END + " ")) {
            throw bad(program, path, endNo, Messages.get("store.why.jend", END));
        }
        java.util.zip.CRC32 c = new java.util.zip.CRC32();
        c.update(b, 0, endStart);
        if (!endLine.equals(END + " " + hex(c.getValue()))) {
            throw bad(program, path, endNo, Messages.get("store.why.jsum"));
        }
        List<Entry> out = new ArrayList<>();
        Set<String> rels = new HashSet<>();
        int pos = HEADER3.length() + 1;
        int line = 2;
        while (pos < endStart) {
            int eol = pos;
            while (eol < endStart && b[eol] != '\n') {
                eol++;
            }
            if (eol == endStart) {
                throw bad(program, path, line, Messages.get("store.why.j3line"));
            }
            String[] f = new String(b, pos, eol - pos, java.nio.charset.StandardCharsets.UTF_8).split(" ", -1);
            boolean w = f.length == 3 && f[0].equals("W");
            if (!w && !(f.length == 2 && f[0].equals("D"))) {
                throw bad(program, path, line, Messages.get("store.why.j3line"));
            }
            String rel = f[1];
            if (!StateFiles.validName(rel)) {
                throw bad(program, path, line, Messages.get("store.why.jname", rel));
            }
            if (!rels.add(rel)) {
                throw bad(program, path, line, Messages.get("store.why.jtwice", rel));
            }
            byte[] text = null;
            int next = eol + 1;
            if (w) {
                long len = f[2].length() > 9 ? -1 : StanzaFile.digits(f[2]);
                if (len < 0 || next + len >= endStart || b[next + (int) len] != '\n') {
                    throw bad(program, path, line, Messages.get("store.why.j3line"));
                }
                text = java.util.Arrays.copyOfRange(b, next, next + (int) len);
                for (byte x : text) {
                    if (x == '\n') {
                        line++;
                    }
                }
                next += (int) len + 1;
                line++;
            }
            out.add(new Entry(w, rel, null, null, text));
            line++;
            pos = next;
        }
        return new Journal(out, false, true);
    }

    private static int linesBefore(byte[] b, int end) {
        int lines = 0;
        for (int i = 0; i < end; i++) {
            if (b[i] == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /** "-" is none (null); {@code fN} / {@code bN} is a name; anything else is "" (wrong). */
    private static String nameOrNone(String s, char prefix) {
        if (s.equals("-")) {
            return null;
        }
        if (s.length() < 2 || s.length() > 10 || s.charAt(0) != prefix) {
            return "";
        }
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return "";
            }
        }
        return s;
    }

    private static AixException bad(String program, Path path, int line, String reason) {
        return AixException.of("store.badjournal", program, path, line, reason);
    }

    // ---- finishing and undoing -------------------------------------------------------------------

    /**
     * True when every new text is still waiting or already in place: a new text that is gone
     * while its file still is the old one (or is missing) was lost, and only undoing is left.
     */
    boolean canFinish(StateFiles files, Path txDir) throws IOException {
        for (Entry e : entries) {
            if (e.write && e.text == null && StateFiles.lstat(txDir.resolve(e.tmp)) == null && !applied(files, txDir, e)) {
                return false;
            }
        }
        return true;
    }

    private static boolean applied(StateFiles files, Path txDir, Entry e) throws IOException {
        Path target = files.path(e.rel);
        BasicFileAttributes t = StateFiles.lstat(target);
        if (t == null) {
            return false;
        }
        if (e.backup == null) {
            return true;
        }
        BasicFileAttributes b = StateFiles.lstat(txDir.resolve(e.backup));
        return b == null || t.fileKey() == null || !t.fileKey().equals(b.fileKey());
    }

    /** Puts every waiting new text in place and removes what is to be removed (again, when half done). */
    void finish(StateFiles files, Path txDir, Runnable afterFirst) throws IOException {
        if (inline) {
            finishInline(files, null, afterFirst);
            return;
        }
        Set<Path> dirs = new LinkedHashSet<>();
        int done = 0;
        for (Entry e : entries) {
            Path target = files.path(e.rel);
            if (e.write) {
                Path tmp = txDir.resolve(e.tmp);
                if (StateFiles.lstat(tmp) != null) {
                    if (files.makeParents(e.rel)) {
                        addParents(files, target, dirs);
                    }
                    files.move(tmp, target, "rename");
                }
            } else if (files.parentsExist(e.rel)) {
                files.delete(target, "rename");
            }
            dirs.add(target.getParent());
            if (++done == 1) {
                afterFirst.run();
            }
        }
        Forcer.dirs(new ArrayList<>(dirs)); // each directory once, all before the journal goes
    }

    /**
     * Version 3: writes every new text in place and removes what is to be removed, then forces the
     * files written and the directories whose entries changed (each once), files first. {@code olds}:
     * the texts before the change (null: not there), when known; else each file is looked at.
     */
    void finishInline(StateFiles files, java.util.Map<String, String> olds, Runnable afterFirst) throws IOException {
        Set<Path> dirs = new LinkedHashSet<>();
        List<Path> written = new ArrayList<>(entries.size());
        int done = 0;
        for (Entry e : entries) {
            Path target = files.path(e.rel);
            if (e.write) {
                if (files.makeParents(e.rel)) {
                    addParents(files, target, dirs);
                }
                boolean there = olds != null ? olds.get(e.rel) != null : StateFiles.lstat(target) != null;
                files.writeInPlace(target, e.text, "rename");
                written.add(target);
                if (!there) {
                    dirs.add(target.getParent());
                }
            } else if (files.parentsExist(e.rel) && (olds != null ? olds.get(e.rel) != null : StateFiles.lstat(target) != null)) {
                files.delete(target, "rename");
                dirs.add(target.getParent());
            }
            if (++done == 1) {
                afterFirst.run();
            }
        }
        Forcer.files(files, written);
        Forcer.dirs(new ArrayList<>(dirs));
    }

    /**
     * Version 3, in the command that wrote the journal: puts back the texts the files had
     * ({@code olds}, null: the file was not there), forced like the change.
     */
    void undoInline(StateFiles files, java.util.Map<String, String> olds) throws IOException {
        Set<Path> dirs = new LinkedHashSet<>();
        List<Path> written = new ArrayList<>(entries.size());
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            Path target = files.path(e.rel);
            String old = olds.get(e.rel);
            if (old == null) {
                if (files.parentsExist(e.rel) && StateFiles.lstat(target) != null) {
                    files.delete(target, "restore");
                    dirs.add(target.getParent());
                }
            } else {
                if (files.makeParents(e.rel)) {
                    addParents(files, target, dirs);
                }
                if (StateFiles.lstat(target) == null) {
                    dirs.add(target.getParent());
                }
                files.writeInPlace(target, old.getBytes(java.nio.charset.StandardCharsets.UTF_8), "restore");
                written.add(target);
            }
        }
        Forcer.files(files, written);
        Forcer.dirs(new ArrayList<>(dirs));
    }

    /** The directories above {@code target} inside the store, where made directories have their entries. */
    private static void addParents(StateFiles files, Path target, Set<Path> dirs) {
        for (Path d = target.getParent(); d != null && d.startsWith(files.dir) && !d.equals(files.dir); d = d.getParent()) {
            dirs.add(d.getParent());
        }
    }

    /** Puts every old file back and removes every file the transaction created. */
    void undo(StateFiles files, Path txDir) throws IOException {
        Set<Path> dirs = new LinkedHashSet<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            Path target = files.path(e.rel);
            if (e.backup != null) {
                Path b = txDir.resolve(e.backup);
                if (StateFiles.lstat(b) != null) {
                    if (files.makeParents(e.rel)) {
                        addParents(files, target, dirs);
                    }
                    files.move(b, target, "restore");
                }
            } else if (e.write && files.parentsExist(e.rel)) {
                files.delete(target, "restore");
            }
            dirs.add(target.getParent());
        }
        Forcer.dirs(new ArrayList<>(dirs));
    }
}
