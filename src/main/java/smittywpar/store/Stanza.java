package smittywpar.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stanza of an AIX-style stanza file: a header line {@code name:} followed by
 * tab-indented {@code attribute = "value"} lines. Attribute order is kept.
 */
public final class Stanza {
    private final String name;
    private final Map<String, String> attrs = new LinkedHashMap<>();
    private final int line;
    private Map<String, Integer> lines;

    public Stanza(String name) {
        this(name, 0);
    }

    Stanza(String name, int line) {
        this.name = name;
        this.line = line;
    }

    public String name() {
        return name;
    }

    /** Line of the header in the file it was read from (1-based), 0 when built in memory. */
    public int line() {
        return line;
    }

    /** Line of attribute {@code key} in the file it was read from, else the line of the header. */
    public int line(String key) {
        Integer l = lines == null ? null : lines.get(key);
        return l == null ? line : l;
    }

    void putRead(String key, String value, int lineNo) {
        attrs.put(key, value);
        if (lines == null) {
            lines = new java.util.HashMap<>();
        }
        lines.put(key, lineNo);
    }

    public Map<String, String> attrs() {
        return attrs;
    }

    public String get(String key) {
        return attrs.get(key);
    }

    public String get(String key, String dflt) {
        String v = attrs.get(key);
        return v == null ? dflt : v;
    }

    /** Sets {@code key}; a null value removes it. Returns this for chaining. */
    public Stanza put(String key, Object value) {
        if (value == null) {
            attrs.remove(key);
        } else {
            attrs.put(key, String.valueOf(value));
        }
        return this;
    }

    /** Sets {@code key} only when the value is neither null nor empty. */
    public Stanza putIfSet(String key, String value) {
        if (value != null && !value.isEmpty()) {
            attrs.put(key, value);
        }
        return this;
    }
}
