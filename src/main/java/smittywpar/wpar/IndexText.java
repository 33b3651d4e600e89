package smittywpar.wpar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import smittywpar.base.Crc;
import smittywpar.msg.Messages;

/**
 * The WPAR index held as text. Commands that name one WPAR find, replace or append its line
 * without parsing the others, so they stay fast with thousands of WPARs; listings parse all.
 *
 * <p>The index is derived data, never edited by hand: its last line is a CRC-32 of the rest, so
 * that any damage (a cut, a flipped bit, a stray line) is noticed and the index rebuilt from the
 * WPAR files instead of being believed.
 */
final class IndexText {
    static final String HEADER = "# smitty-wpar WPAR index (derived from wpars/*.cf): name state type hostname directory rootvg networks\n";
    /** The largest index read (8,192 WPARs take well under 1 MiB; a bigger file is rebuilt unread). */
    static final long MAX_BYTES = 16L << 20;

    /** The text is not an index as this program writes it; the reason goes into the notice. */
    static final class BadIndex extends Exception {
        private static final long serialVersionUID = 1L;

        BadIndex(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * A line that does not parse: its 1-based line number. Unchecked: {@link WparEngine} turns it
     * into the damaged-state message of the transaction it ends.
     */
    static final class BadLine extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;

        BadLine(int line) {
            super("malformed index line", null, false, false);
            this.line = line;
        }
    }

    /** Everything but the checksum line. */
    private String text;
    /** What was looked up in {@link #text}. */
    private Lookups lookups;
    /** The text as read (or first signed) and its body: written back as it was when nothing changed. */
    private Known origin;

    /**
     * The answers of the lookups made in one text, each of which scans the whole text: the several
     * transactions of one command (a {@link WparEngine#joint}) read the same text again and again,
     * and a change of one line leaves most answers true, so they are kept with the text and carried
     * over to the changed one (see {@link #carried}).
     */
    private static final class Lookups {
        /** Line starts by WPAR name (-1: none). */
        final Map<String, Integer> lines = new ConcurrentHashMap<>();
        /** Owners by kind of question ('d' directory, 'b' below a directory, 'a' address) and value ("": none). */
        final Map<String, String> owners = new ConcurrentHashMap<>();
        /**
         * The hash codes of the base directories of the lines, sorted (null: not made yet, or a
         * line without one): a directory whose hash is not there is nobody's, without a search.
         * A line changed adds its own; one removed leaves its hash (which only costs a search).
         */
        volatile int[] directories;
    }

    /**
     * A text this program signed or checked, its body and lookups: read back, it is not checked
     * again; {@code origin}: the text as read from the file that it was made from (null: itself).
     */
    private record Known(String raw, String body, Lookups lookups, Known origin) {
        Known first() {
            return origin == null ? this : origin;
        }
    }

    /** The text signed or checked last (the same string read back is the next transaction of a joint). */
    private static volatile Known last;

    private IndexText(String text, Lookups lookups, Known origin) {
        this.text = text;
        this.lookups = lookups;
        this.origin = origin;
    }

    /** An index read from its file: the header first, the checksum line last and right. */
    static IndexText load(String raw) throws BadIndex {
        Known k = last;
        if (k != null && k.raw == raw) {
            // the very string this program signed or checked: a later transaction of the same command
            return new IndexText(k.body, k.lookups, k.first());
        }
        String body = raw.startsWith(HEADER) ? Crc.verify(raw) : null;
        if (body == null) {
            throw new BadIndex(Messages.get("store.why.idxsum"));
        }
        k = new Known(raw, body, new Lookups(), null);
        last = k;
        return new IndexText(body, k.lookups, k);
    }

    /** The same lines, to change apart from these. */
    IndexText copy() {
        return new IndexText(text, lookups, origin);
    }

    static IndexText of(List<IndexEntry> entries) {
        StringBuilder sb = new StringBuilder(HEADER);
        for (IndexEntry e : entries) {
            sb.append(e.line()).append('\n');
        }
        return new IndexText(sb.toString(), new Lookups(), null);
    }

    /**
     * The file's text: the lines and their checksum; the very string read when the lines are
     * those read (so that writing it back is seen to change nothing).
     */
    String text() {
        Known o = origin;
        if (o != null && (o.body == text || o.body.length() == text.length() && o.body.equals(text))) {
            last = o;
            return o.raw;
        }
        Known k = last;
        if (k != null && k.body == text) {
            return k.raw;
        }
        String raw = Crc.sign(text);
        last = new Known(raw, text, lookups, origin);
        return raw;
    }

    private int lineStart(String name) {
        return lookups.lines.computeIfAbsent(name, n -> {
            int i = text.indexOf("\n" + n + "\t");
            return i < 0 ? -1 : i + 1;
        });
    }

    /**
     * The line of {@code name}, at {@code at} (-1: there was none) with entry {@code was}, is now
     * {@code line} of {@code entry} (both null: removed), and {@code now} the text.
     */
    private void change(String name, int at, IndexEntry was, String now, IndexEntry entry, String line) {
        int end = at < 0 ? -1 : text.indexOf('\n', at);
        int oldLength = at < 0 ? 0 : (end < 0 ? text.length() : end + 1) - at;
        int place = at >= 0 ? at : now.length() - line.length();
        int delta = (line == null ? 0 : line.length()) - oldLength;
        lookups = carried(lookups, name, place, delta, entry == null ? -1 : place, at < 0, at >= 0 && was == null, was,
                entry);
        text = now;
    }

    /**
     * The lookups of a text whose line of {@code name} changed at offset {@code at} by {@code delta}
     * characters, now at {@code nowAt} (-1: gone), {@code appended} at the end or in place: the
     * line starts after it move; an owner stays what it was, or becomes that line when no line
     * answered before, unless the order of the lines decides and is not known, or the old line did
     * not parse ({@code unknown}): then it is asked again.
     */
    private static Lookups carried(Lookups old, String name, int at, int delta, int nowAt, boolean appended,
            boolean unknown, IndexEntry was, IndexEntry now) {
        Lookups l = new Lookups();
        for (var e : old.lines.entrySet()) {
            int off = e.getValue();
            if (!e.getKey().equals(name)) {
                l.lines.put(e.getKey(), off <= at ? off : off + delta);
            }
        }
        l.lines.put(name, nowAt);
        if (unknown) {
            return l;
        }
        int[] dirs = old.directories;
        if (dirs != null) {
            l.directories = now == null ? dirs : withHash(dirs, now.directory().hashCode());
        }
        for (var e : old.owners.entrySet()) {
            String key = e.getKey();
            String owner = e.getValue();
            java.util.function.Predicate<IndexEntry> test = test(key.charAt(0), key.substring(1));
            boolean nowAnswers = now != null && test.test(now);
            String answer;
            if (owner.isEmpty()) {
                answer = nowAnswers ? name : ""; // no other line answers
            } else if (owner.equals(name)) {
                answer = nowAnswers && !appended ? name : null; // another line may answer too
            } else if (!nowAnswers) {
                answer = owner;
            } else {
                Integer ownerAt = old.lines.get(owner);
                answer = appended || ownerAt != null && ownerAt >= 0 && ownerAt < at ? owner
                        : ownerAt != null && ownerAt > at ? name : null;
            }
            if (answer != null) {
                l.owners.put(key, answer);
            }
        }
        return l;
    }

    boolean contains(String name) {
        return lineStart(name) >= 0;
    }

    IndexEntry get(String name) {
        int s = lineStart(name);
        if (s < 0) {
            return null;
        }
        int e = text.indexOf('\n', s);
        IndexEntry entry = IndexEntry.parse(text.substring(s, e < 0 ? text.length() : e));
        if (entry == null) {
            throw new BadLine(lineNumber(s));
        }
        return entry;
    }

    void put(IndexEntry entry) {
        int s = lineStart(entry.name());
        String line = entry.line() + "\n";
        if (s < 0) {
            change(entry.name(), -1, null, text.endsWith("\n") ? text + line : text + "\n" + line, entry, line);
        } else {
            IndexEntry was = parsedOrNull(entry.name());
            int e = text.indexOf('\n', s);
            String rest = e < 0 ? "" : text.substring(e + 1);
            change(entry.name(), s, was, new StringBuilder(s + line.length() + rest.length()).append(text, 0, s)
                    .append(line).append(rest).toString(), entry, line);
        }
    }

    /** The entry of a line that is there, or null when it does not parse. */
    private IndexEntry parsedOrNull(String name) {
        try {
            return get(name);
        } catch (BadLine e) {
            return null;
        }
    }

    void remove(String name) {
        int s = lineStart(name);
        if (s >= 0) {
            IndexEntry was = parsedOrNull(name);
            int e = text.indexOf('\n', s);
            change(name, s, was, e < 0 ? text.substring(0, s)
                    : new StringBuilder(text.length()).append(text, 0, s).append(text, e + 1, text.length()).toString(),
                    null, null);
        }
    }

    List<IndexEntry> all() {
        List<IndexEntry> out = new ArrayList<>();
        int pos = 0;
        int n = text.length();
        int lineNo = 0;
        while (pos < n) {
            int e = text.indexOf('\n', pos);
            if (e < 0) {
                e = n;
            }
            lineNo++;
            if (e > pos && text.charAt(pos) != '#') {
                IndexEntry entry = IndexEntry.parse(text.substring(pos, e));
                if (entry == null) {
                    throw new BadLine(lineNo);
                }
                out.add(entry);
            }
            pos = e + 1;
        }
        return out;
    }

    /** Name of a WPAR using this base directory, or null (a text search, then the line is checked). */
    String directoryOwner(String dir) {
        return owner('d', dir);
    }

    /** Name of a WPAR whose base directory lies below {@code dir}, or null. */
    String ownerBelow(String dir) {
        return owner('b', dir);
    }

    /** Name of a WPAR configured with this IPv4 or IPv6 address, or null. */
    String addressOwner(String addr) {
        return owner('a', addr);
    }

    /**
     * The first WPAR (in the index's order) that answers a question: {@code kind} 'd' its base
     * directory is {@code value}, 'b' it lies below directory {@code value}, 'a' it has address
     * {@code value}; looked up once in a text.
     */
    private String owner(char kind, String value) {
        String key = kind + value;
        String known = lookups.owners.get(key);
        if (known == null && kind == 'd' && !mayOwn(value)) {
            known = "";
            lookups.owners.put(key, known);
        }
        if (known == null) {
            String found = scan(needle(kind, value), test(kind, value));
            known = found == null ? "" : found;
            lookups.owners.put(key, known);
        }
        return known.isEmpty() ? null : known;
    }

    /** False when no line has base directory {@code dir} (true: one may have). */
    private boolean mayOwn(String dir) {
        int[] dirs = lookups.directories;
        if (dirs == null) {
            dirs = directoryHashes(text);
            if (dirs == null) {
                return true;
            }
            lookups.directories = dirs;
        }
        return java.util.Arrays.binarySearch(dirs, dir.hashCode()) >= 0;
    }

    /**
     * The hash codes of the base directories (the fifth field) of the lines of {@code text}, sorted,
     * made in one pass without a string for each; null when a line has no fifth field.
     */
    private static int[] directoryHashes(String text) {
        int[] out = new int[256];
        int n = 0;
        int len = text.length();
        int pos = 0;
        while (pos < len) {
            int eol = text.indexOf('\n', pos);
            if (eol < 0) {
                eol = len;
            }
            if (eol > pos && text.charAt(pos) != '#') {
                int f = pos;
                for (int k = 0; k < 4; k++) {
                    int tab = text.indexOf('\t', f);
                    if (tab < 0 || tab >= eol) {
                        return null;
                    }
                    f = tab + 1;
                }
                int h = 0;
                for (int i = f; i < eol && text.charAt(i) != '\t'; i++) {
                    h = 31 * h + text.charAt(i);
                }
                if (n == out.length) {
                    out = java.util.Arrays.copyOf(out, n * 2);
                }
                out[n++] = h;
            }
            pos = eol + 1;
        }
        out = java.util.Arrays.copyOf(out, n);
        java.util.Arrays.sort(out);
        return out;
    }

    private static int[] withHash(int[] sorted, int h) {
        int i = java.util.Arrays.binarySearch(sorted, h);
        if (i >= 0) {
            return sorted;
        }
        int at = -i - 1;
        int[] out = new int[sorted.length + 1];
        System.arraycopy(sorted, 0, out, 0, at);
        out[at] = h;
        System.arraycopy(sorted, at, out, at + 1, sorted.length - at);
        return out;
    }

    /** What the line of a WPAR that answers the question holds (the text is searched for it first). */
    private static String needle(char kind, String value) {
        return switch (kind) {
            case 'd' -> "\t" + value + "\t";
            case 'b' -> "\t" + below(value);
            default -> "/" + value + "/";
        };
    }

    private static String below(String dir) {
        return dir.equals("/") ? "/" : dir + "/";
    }

    private static java.util.function.Predicate<IndexEntry> test(char kind, String value) {
        return switch (kind) {
            case 'd' -> e -> e.directory().equals(value);
            case 'b' -> e -> e.directory().startsWith(below(value)) && e.directory().length() > below(value).length();
            default -> e -> {
                for (Wpar.Network n : e.networks()) {
                    if (n.address.equals(value) || n.address6.equals(value)) {
                        return true;
                    }
                }
                return false;
            };
        };
    }

    private String scan(String needle, java.util.function.Predicate<IndexEntry> test) {
        int from = 0;
        while (true) {
            int i = text.indexOf(needle, from);
            if (i < 0) {
                return null;
            }
            int s = text.lastIndexOf('\n', i) + 1;
            int e = text.indexOf('\n', i);
            if (text.charAt(s) != '#') {
                IndexEntry entry = IndexEntry.parse(text.substring(s, e < 0 ? text.length() : e));
                if (entry == null) {
                    throw new BadLine(lineNumber(s));
                }
                if (test.test(entry)) {
                    return entry.name();
                }
            }
            from = i + 1;
        }
    }

    private int lineNumber(int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
