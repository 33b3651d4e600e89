package smittywpar.yaml;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import smittywpar.msg.Messages;

/**
 * The strict YAML reading shared by every YAML file the project reads (the menu tree, lab
 * scenarios and exercises): SnakeYAML only <em>composes</em> a file into a node tree (no Java
 * object is ever constructed from YAML, which is stricter than a SafeConstructor), with limits on
 * size, nesting and aliases; tags other than the standard ones are refused; scalars are read as the
 * raw text (so {@code yes}/{@code no} stay strings). Typed access collects every problem (syntax,
 * duplicate or unknown key, wrong type, bad value) with its file, line and column instead of
 * stopping at the first.
 */
public final class StrictYaml {
    /** A problem: where (file number, line, column) and the message with its position in front. */
    public record Problem(int file, int line, int column, String text) {
    }

    /** No implicit typing: every scalar stays the text that was written (and no regex runs per scalar). */
    private static final Resolver RAW = new Resolver() {
        @Override
        protected void addImplicitResolvers() {
            // none
        }
    };

    private final int maxBytes;
    private final int maxAliases;
    private final int maxDepth;
    private final List<Problem> problems = new ArrayList<>();
    private String file = "";
    private int fileNumber;

    public StrictYaml(int maxBytes, int maxAliases, int maxDepth) {
        this.maxBytes = maxBytes;
        this.maxAliases = maxAliases;
        this.maxDepth = maxDepth;
    }

    /** Names the file the next problems belong to ({@code number} orders problems of several files). */
    public void file(String label, int number) {
        this.file = label;
        this.fileNumber = number;
    }

    /** The label of the current file. */
    public String file() {
        return file;
    }

    public int maxBytes() {
        return maxBytes;
    }

    // ---- reading and composing -------------------------------------------------------------------

    /** The text of a file's bytes (at most the size limit, UTF-8), or null after a problem. */
    public String decode(byte[] bytes) {
        if (bytes.length > maxBytes) {
            problem(1, 1, Messages.get("yaml.toolarge", maxBytes));
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problem(1, 1, Messages.get("yaml.encoding"));
            return null;
        }
    }

    /** The node tree of one document, or null after a problem (an empty file is one). */
    public Node compose(String text) {
        LoaderOptions o = new LoaderOptions();
        o.setAllowDuplicateKeys(false);
        o.setMaxAliasesForCollections(maxAliases);
        o.setNestingDepthLimit(maxDepth);
        o.setCodePointLimit(maxBytes);
        o.setAllowRecursiveKeys(false);
        ParserImpl parser = new ParserImpl(new StreamReader(new StringReader(text)), o);
        try {
            Node n = new Composer(parser, RAW, o).getSingleNode();
            if (n == null) {
                problem(1, 1, Messages.get("yaml.empty"));
            }
            return n;
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getContext();
            problem(m.getLine() + 1, m.getColumn() + 1, Messages.get("yaml.syntax", what));
        } catch (YAMLException e) {
            // limits (aliases, nesting, size) carry no mark: report where the parser stopped
            Mark m;
            try {
                m = parser.peekEvent().getStartMark();
            } catch (RuntimeException again) {
                m = null;
            }
            problem(m == null ? 1 : m.getLine() + 1, m == null ? 1 : m.getColumn() + 1,
                    Messages.get("yaml.syntax", e.getMessage()));
        }
        return null;
    }

    // ---- typed access with error collection --------------------------------------------------------

    /**
     * The keys of a mapping node (checked against {@code allowed} unless null), refusing
     * duplicates and non-scalar keys; null (after a problem) when the node is not a mapping.
     */
    public Map<String, Node> keys(Node n, List<String> allowed, String what) {
        if (!(n instanceof MappingNode m)) {
            error(n, "yaml.type", what, Messages.get("yaml.kind.map"));
            return null;
        }
        checkTag(n);
        Map<String, Node> out = new LinkedHashMap<>();
        Map<String, Node> keyNodes = new HashMap<>();
        for (NodeTuple t : m.getValue()) {
            Node kn = t.getKeyNode();
            if (!(kn instanceof ScalarNode ks)) {
                error(kn, "yaml.type", Messages.get("yaml.what.key"), Messages.get("yaml.kind.scalar"));
                continue;
            }
            String key = ks.getValue();
            Node first = keyNodes.get(key);
            if (first != null) {
                error(kn, "yaml.dupkey", key, first.getStartMark().getLine() + 1);
                continue;
            }
            keyNodes.put(key, kn);
            if (allowed != null && !allowed.contains(key)) {
                error(kn, "yaml.unknownkey", key, what, String.join(" ", allowed));
                continue;
            }
            out.put(key, t.getValueNode());
        }
        return out;
    }

    /** The items of a list node (none when {@code n} is null). */
    public List<Node> items(Node n, String what) {
        if (n == null) {
            return List.of();
        }
        if (!(n instanceof SequenceNode s)) {
            error(n, "yaml.type", what, Messages.get("yaml.kind.list"));
            return List.of();
        }
        checkTag(n);
        return s.getValue();
    }

    public String scalar(Node n, String what) {
        if (!(n instanceof ScalarNode s)) {
            error(n, "yaml.type", what, Messages.get("yaml.kind.scalar"));
            return null;
        }
        checkTag(n);
        return s.getValue();
    }

    public String str(Map<String, Node> k, String key) {
        Node n = k.get(key);
        return n == null ? null : scalar(n, key);
    }

    public String required(Map<String, Node> k, Node owner, String key, String what) {
        String v = str(k, key);
        if (v == null && !k.containsKey(key)) {
            error(owner, "yaml.missing", what, key);
        } else if (v != null && v.isBlank()) {
            error(k.get(key), "yaml.blank", key);
            return null;
        }
        return v;
    }

    public boolean bool(Map<String, Node> k, String key, boolean dflt) {
        String v = str(k, key);
        if (v == null) {
            return dflt;
        }
        switch (v) {
            case "yes", "true", "y" -> {
                return true;
            }
            case "no", "false", "n" -> {
                return false;
            }
            default -> {
                error(k.get(key), "yaml.bool", key, v);
                return dflt;
            }
        }
    }

    public int integer(Map<String, Node> k, String key, int min, int max, int dflt) {
        String v = str(k, key);
        if (v == null) {
            return dflt;
        }
        if (v.matches("[0-9]{1,9}") && Integer.parseInt(v) >= min && Integer.parseInt(v) <= max) {
            return Integer.parseInt(v);
        }
        error(k.get(key), "yaml.int", key, min, max, v);
        return dflt;
    }

    /** A value that must be one of {@code choices}. */
    public String choice(Map<String, Node> k, String key, List<String> choices, String dflt) {
        String v = str(k, key);
        if (v == null) {
            return dflt;
        }
        if (!choices.contains(v)) {
            error(k.get(key), "yaml.choice", key, String.join(" ", choices), v);
            return dflt;
        }
        return v;
    }

    public List<String> strings(Node n, String what) {
        if (n == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Node i : items(n, what)) {
            String s = scalar(i, what);
            if (s != null) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /** A value that may be one text or a list of texts. */
    public List<String> oneOrMore(Node n, String what) {
        if (n instanceof ScalarNode) {
            String v = scalar(n, what);
            return v == null ? List.of() : List.of(v);
        }
        return strings(n, what);
    }

    public void checkTag(Node n) {
        String tag = n.getTag().getValue();
        if (!tag.startsWith("tag:yaml.org,2002:")) {
            error(n, "yaml.tag", tag);
        }
    }

    // ---- problems -----------------------------------------------------------------------------------

    /** Where a node starts: {@code file:line:col}. */
    public String where(Node n) {
        Mark m = n.getStartMark();
        return file + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
    }

    public int line(Node n) {
        return n.getStartMark().getLine() + 1;
    }

    public int column(Node n) {
        return n.getStartMark().getColumn() + 1;
    }

    public void problem(int line, int column, String text) {
        problems.add(new Problem(fileNumber, line, column, file + ":" + line + ":" + column + ": " + text));
    }

    /** A problem at node {@code n}: the catalogue text of {@code key}. */
    public void error(Node n, String key, Object... args) {
        Mark m = n.getStartMark();
        problem(m.getLine() + 1, m.getColumn() + 1, Messages.get(key, args));
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** Every problem's text, by file, line and column. */
    public List<String> problems() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(Problem::file).thenComparingInt(Problem::line)
                .thenComparingInt(Problem::column));
        return sorted.stream().map(Problem::text).toList();
    }
}
