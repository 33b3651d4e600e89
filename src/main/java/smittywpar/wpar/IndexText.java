package smittywpar.wpar;

import java.util.ArrayList;
import java.util.List;

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

    private IndexText(String text) {
        this.text = text;
    }

    /** An index read from its file: the header first, the checksum line last and right. */
    static IndexText load(String raw) throws BadIndex {
        String body = raw.startsWith(HEADER) ? Crc.verify(raw) : null;
        if (body == null) {
            throw new BadIndex(Messages.get("store.why.idxsum"));
        }
        return new IndexText(body);
    }

    static IndexText of(List<IndexEntry> entries) {
        StringBuilder sb = new StringBuilder(HEADER);
        for (IndexEntry e : entries) {
            sb.append(e.line()).append('\n');
        }
        return new IndexText(sb.toString());
    }

    /** The file's text: the lines and their checksum. */
    String text() {
        return Crc.sign(text);
    }

    private int lineStart(String name) {
        String key = "\n" + name + "\t";
        int i = text.indexOf(key);
        return i < 0 ? -1 : i + 1;
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
            text = text.endsWith("\n") ? text + line : text + "\n" + line;
        } else {
            int e = text.indexOf('\n', s);
            text = text.substring(0, s) + line + (e < 0 ? "" : text.substring(e + 1));
        }
    }

    void remove(String name) {
        int s = lineStart(name);
        if (s >= 0) {
            int e = text.indexOf('\n', s);
            text = text.substring(0, s) + (e < 0 ? "" : text.substring(e + 1));
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
        return owner("\t" + dir + "\t", e -> e.directory().equals(dir));
    }

    /** Name of a WPAR whose base directory lies below {@code dir}, or null. */
    String ownerBelow(String dir) {
        String prefix = dir.equals("/") ? "/" : dir + "/";
        return owner("\t" + prefix, e -> e.directory().startsWith(prefix) && e.directory().length() > prefix.length());
    }

    /** Name of a WPAR configured with this IPv4 or IPv6 address, or null. */
    String addressOwner(String addr) {
        return owner("/" + addr + "/", e -> {
            for (Wpar.Network n : e.networks()) {
                if (n.address.equals(addr) || n.address6.equals(addr)) {
                    return true;
                }
            }
            return false;
        });
    }

    private String owner(String needle, java.util.function.Predicate<IndexEntry> test) {
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
