package smittywpar.smit;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
 * Reads the menu files into a {@link MenuTree}. The root file {@value #ROOT} lists the other files
 * under {@code include}; every file may define {@code menus}, {@code selectors}, {@code dialogs}
 * and {@code aliases} (see {@code menus/README.md}).
 *
 * <p>Safety: SnakeYAML only <em>composes</em> the files into a node tree (no Java object is ever
 * constructed from YAML, which is stricter than a SafeConstructor), with limits on size, nesting
 * and aliases; local tags are refused. Scalars are read as the raw text, so {@code yes}/{@code no}
 * stay strings. Every problem (syntax, duplicate or unknown key, wrong type, bad value, duplicate
 * id) is collected with its file, line and column, and all are reported together.
 */
public final class MenuLoader {
    /** The root file of a menu directory. */
    public static final String ROOT = "smit.yaml";
    static final int MAX_BYTES = 1 << 20;
    static final int MAX_FILES = 64;
    static final int MAX_ALIASES = 20;
    static final int MAX_DEPTH = 20;
    private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");
    private static final Pattern FIELD_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*\\.yaml");

    private static final List<String> ROOT_KEYS = List.of("include", "menus", "selectors", "dialogs", "aliases");
    private static final List<String> FILE_KEYS = List.of("menus", "selectors", "dialogs", "aliases");
    private static final List<String> MENU_KEYS = List.of("id", "title", "help", "items");
    private static final List<String> ITEM_KEYS = List.of("text", "next", "help", "info", "installed");
    private static final List<String> SELECTOR_KEYS = List.of("id", "title", "help", "field", "next", "type",
            "classify", "verify", "ghost", "selector_only", "raw_name", "cooked_name");
    private static final List<String> DIALOG_KEYS = List.of("id", "title", "help", "command", "ask", "ghost",
            "exec_mode", "discover", "unset_command", "selector_only", "pending", "fields");
    private static final List<String> FIELD_KEYS = fieldKeys();

    private static List<String> fieldKeys() {
        List<String> out = new ArrayList<>();
        for (Field.Key k : Field.Key.values()) {
            out.add(k.yaml);
        }
        return List.copyOf(out);
    }

    /** No implicit typing: every scalar stays the text that was written (and no regex runs per scalar). */
    private static final Resolver RAW = new Resolver() {
        @Override
        protected void addImplicitResolvers() {
            // none
        }
    };

    private final MenuSource source;
    /** A problem: where (file number, line, column) and the message with its position. */
    private record Problem(int file, int line, int column, String text) {
    }

    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, ScreenDef> screens = new LinkedHashMap<>();
    private final Map<String, MenuTree.Alias> aliases = new LinkedHashMap<>();
    private final List<String> files = new ArrayList<>();
    private String file;

    private MenuLoader(MenuSource source) {
        this.source = source;
    }

    /**
     * Loads the menu tree.
     *
     * @throws MenuException listing every problem found
     */
    public static MenuTree load(MenuSource source) {
        MenuLoader l = new MenuLoader(source);
        l.loadFile(ROOT, true);
        if (!l.problems.isEmpty()) {
            List<Problem> sorted = new ArrayList<>(l.problems);
            sorted.sort(java.util.Comparator.comparingInt(Problem::file).thenComparingInt(Problem::line)
                    .thenComparingInt(Problem::column));
            throw new MenuException(sorted.stream().map(Problem::text).toList());
        }
        return new MenuTree(Map.copyOf(l.screens), Map.copyOf(l.aliases), List.copyOf(l.files));
    }

    // ---- reading and composing one file ---------------------------------------------------------

    private void loadFile(String name, boolean root) {
        file = source.label(name);
        files.add(name);
        String text = readText(name);
        if (text == null) {
            return;
        }
        Node node = compose(text);
        if (node == null) {
            return;
        }
        Map<String, Node> top = keys(node, root ? ROOT_KEYS : FILE_KEYS, Messages.get("smit.yaml.what.file"));
        if (top == null) {
            return;
        }
        for (Node n : items(top.get("menus"), "menus")) {
            menu(n);
        }
        for (Node n : items(top.get("selectors"), "selectors")) {
            selector(n);
        }
        for (Node n : items(top.get("dialogs"), "dialogs")) {
            dialog(n);
        }
        Node al = top.get("aliases");
        if (al != null) {
            Map<String, Node> m = keys(al, null, "aliases");
            if (m != null) {
                for (var e : m.entrySet()) {
                    alias(e.getKey(), e.getValue());
                }
            }
        }
        List<String> includes = new ArrayList<>();
        for (Node n : items(top.get("include"), "include")) {
            String f = scalar(n, "include");
            if (f == null) {
                continue;
            }
            if (!FILE.matcher(f).matches() || f.equals(ROOT)) {
                error(n, "smit.yaml.badinclude", f);
            } else if (files.contains(f) || includes.contains(f)) {
                error(n, "smit.yaml.dupinclude", f);
            } else if (files.size() + includes.size() >= MAX_FILES) {
                error(n, "smit.yaml.toomanyfiles", MAX_FILES);
            } else {
                includes.add(f);
            }
        }
        for (String f : includes) {
            loadFile(f, false);
        }
    }

    private String readText(String name) {
        byte[] bytes;
        try {
            bytes = source.read(name, MAX_BYTES);
        } catch (NoSuchFileException e) {
            problem(1, 1, Messages.get("smit.yaml.nofile"));
            return null;
        } catch (MenuSource.NotRegularFile e) {
            problem(1, 1, Messages.get("smit.yaml.notfile"));
            return null;
        } catch (IOException e) {
            problem(1, 1, Messages.get("smit.yaml.io", smittywpar.store.Errno.text(e)));
            return null;
        }
        if (bytes.length > MAX_BYTES) {
            problem(1, 1, Messages.get("smit.yaml.toolarge", MAX_BYTES));
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problem(1, 1, Messages.get("smit.yaml.encoding"));
            return null;
        }
    }

    private Node compose(String text) {
        LoaderOptions o = new LoaderOptions();
        o.setAllowDuplicateKeys(false);
        o.setMaxAliasesForCollections(MAX_ALIASES);
        o.setNestingDepthLimit(MAX_DEPTH);
        o.setCodePointLimit(MAX_BYTES);
        o.setAllowRecursiveKeys(false);
        ParserImpl parser = new ParserImpl(new StreamReader(new StringReader(text)), o);
        try {
            Node n = new Composer(parser, RAW, o).getSingleNode();
            if (n == null) {
                problem(1, 1, Messages.get("smit.yaml.empty"));
            }
            return n;
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getContext();
            problem(m.getLine() + 1, m.getColumn() + 1, Messages.get("smit.yaml.syntax", what));
        } catch (YAMLException e) {
            // limits (aliases, nesting, size) carry no mark: report where the parser stopped
            Mark m = null;
            try {
                m = parser.peekEvent().getStartMark();
            } catch (RuntimeException again) {
                m = null;
            }
            problem(m == null ? 1 : m.getLine() + 1, m == null ? 1 : m.getColumn() + 1,
                    Messages.get("smit.yaml.syntax", e.getMessage()));
        }
        return null;
    }

    // ---- the schema -------------------------------------------------------------------------------

    private void menu(Node n) {
        Map<String, Node> k = keys(n, MENU_KEYS, "menu");
        if (k == null) {
            return;
        }
        String id = id(k, n, "menu");
        String title = required(k, n, "title", "menu");
        List<Menu.Item> items = new ArrayList<>();
        List<Node> itemNodes = items(k.get("items"), "items");
        for (Node in : itemNodes) {
            Map<String, Node> ik = keys(in, ITEM_KEYS, "item");
            if (ik == null) {
                continue;
            }
            String text = required(ik, in, "text", "item");
            boolean info = bool(ik, "info", false);
            boolean installed = bool(ik, "installed", true);
            String next = str(ik, "next");
            if (next == null && !info && installed) {
                error(in, "smit.yaml.missing", "item", "next");
            }
            if (next != null && (info || !installed)) {
                error(ik.get("next"), "smit.yaml.nextwith", info ? "info" : "installed");
            }
            items.add(new Menu.Item(text, next, str(ik, "help"), info, installed, mark(in)));
        }
        if (k.get("items") == null) {
            error(n, "smit.yaml.missing", "menu", "items");
        } else if (itemNodes.isEmpty() && k.get("items") instanceof SequenceNode) {
            error(k.get("items"), "smit.yaml.emptylist", "items");
        }
        add(id, n, id == null ? null : new Menu(id, title, str(k, "help"), List.copyOf(items), mark(n)));
    }

    private void selector(Node n) {
        Map<String, Node> k = keys(n, SELECTOR_KEYS, "selector");
        if (k == null) {
            return;
        }
        String id = id(k, n, "selector");
        String title = required(k, n, "title", "selector");
        String next = required(k, n, "next", "selector");
        char type = letter(k, "type", "jrc", 'j');
        String classify = str(k, "classify");
        Field field = null;
        Node fn = k.get("field");
        if (fn == null) {
            error(n, "smit.yaml.missing", "selector", "field");
        } else {
            field = field(fn);
        }
        add(id, n, id == null || field == null ? null
                : new Selector(id, title, str(k, "help"), field, next, type, classify, str(k, "verify"),
                        bool(k, "ghost", false),
                        bool(k, "selector_only", false), def(str(k, "raw_name"), "_rawname"),
                        def(str(k, "cooked_name"), "_cookedname"), mark(n)));
    }

    private void dialog(Node n) {
        Map<String, Node> k = keys(n, DIALOG_KEYS, "dialog");
        if (k == null) {
            return;
        }
        String id = id(k, n, "dialog");
        String title = required(k, n, "title", "dialog");
        String command = required(k, n, "command", "dialog");
        char mode = letter(k, "exec_mode", "pnieEPNI", 'p');
        List<Field> fields = new ArrayList<>();
        for (Node fn : items(k.get("fields"), "fields")) {
            Field f = field(fn);
            if (f != null) {
                fields.add(f);
            }
        }
        add(id, n, id == null || command == null ? null
                : new Dialog(id, title, str(k, "help"), command.strip(), bool(k, "ask", false), bool(k, "ghost", false),
                        mode, oneOrMore(k.get("discover"), "discover"), str(k, "unset_command"),
                        bool(k, "selector_only", false), bool(k, "pending", false),
                        List.copyOf(fields), mark(n)));
    }

    private Field field(Node n) {
        Map<String, Node> k = keys(n, FIELD_KEYS, "field");
        if (k == null) {
            return null;
        }
        Object[] v = new Object[Field.Key.values().length];
        for (Field.Key key : Field.Key.values()) {
            if (key == Field.Key.LABEL) {
                String label = required(k, n, key.yaml, "field");
                v[key.ordinal()] = label == null ? "" : label;
                continue;
            }
            v[key.ordinal()] = switch (key.kind) {
                case TEXT -> def(str(k, key.yaml), (String) key.dflt);
                case BOOL -> bool(k, key.yaml, (Boolean) key.dflt);
                case INT -> integer(k, key.yaml, 0, key.max, (Integer) key.dflt);
                case CHOICE -> choice(k, key);
                case LIST -> strings(k.get(key.yaml), key.yaml);
            };
        }
        String id = (String) v[Field.Key.ID.ordinal()];
        if (id != null && !FIELD_ID.matcher(id).matches()) {
            error(k.get("id"), "smit.yaml.badfieldid", id);
        }
        String attr = (String) v[Field.Key.ATTR.ordinal()];
        if (v[Field.Key.GROUP.ordinal()] == null && attr != null) {
            v[Field.Key.GROUP.ordinal()] = ((String) v[Field.Key.PREFIX.ordinal()]).strip();
        }
        return new Field(v, mark(n));
    }

    /** The value of a choice key: the one whose spelling was written (entry: in any case). */
    private Object choice(Map<String, Node> k, Field.Key key) {
        String v = str(k, key.yaml);
        if (v == null) {
            return key.dflt;
        }
        List<String> shown = new ArrayList<>();
        Enum<?>[] choices = key.choices();
        for (int i = 0; i < choices.length; i++) {
            for (String s : key.spellings[i]) {
                if (key == Field.Key.ENTRY ? s.equalsIgnoreCase(v) : s.equals(v)) {
                    return choices[i];
                }
                shown.add(s.isEmpty() || s.equals(",") ? "\"" + s + "\"" : s);
            }
        }
        error(k.get(key.yaml), "smit.yaml.choice", key.yaml, String.join(" ", shown), v);
        return key.dflt;
    }

    private void alias(String name, Node value) {
        String target = scalar(value, "aliases");
        if (!ID.matcher(name).matches()) {
            error(value, "smit.yaml.badid", name);
            return;
        }
        if (target == null) {
            return;
        }
        MenuTree.Alias old = aliases.get(name);
        if (old != null) {
            error(value, "smit.yaml.dupalias", name, old.mark());
            return;
        }
        aliases.put(name, new MenuTree.Alias(name, target, mark(value)));
    }

    private void add(String id, Node n, ScreenDef s) {
        if (id == null || s == null) {
            return;
        }
        ScreenDef old = screens.get(id);
        if (old != null) {
            error(n, "smit.yaml.dupid", id, old.mark());
            return;
        }
        screens.put(id, s);
    }

    // ---- typed access with error collection --------------------------------------------------------

    /**
     * The keys of a mapping node (checked against {@code allowed} unless null), refusing
     * duplicates and non-scalar keys.
     */
    private Map<String, Node> keys(Node n, List<String> allowed, String what) {
        if (!(n instanceof MappingNode m)) {
            error(n, "smit.yaml.type", what, Messages.get("smit.yaml.kind.map"));
            return null;
        }
        checkTag(n);
        Map<String, Node> out = new LinkedHashMap<>();
        Map<String, Node> keyNodes = new HashMap<>();
        for (NodeTuple t : m.getValue()) {
            Node kn = t.getKeyNode();
            if (!(kn instanceof ScalarNode ks)) {
                error(kn, "smit.yaml.type", Messages.get("smit.yaml.what.key"), Messages.get("smit.yaml.kind.scalar"));
                continue;
            }
            String key = ks.getValue();
            Node first = keyNodes.get(key);
            if (first != null) {
                error(kn, "smit.yaml.dupkey", key, first.getStartMark().getLine() + 1);
                continue;
            }
            keyNodes.put(key, kn);
            if (allowed != null && !allowed.contains(key)) {
                error(kn, "smit.yaml.unknownkey", key, what, String.join(" ", allowed));
                continue;
            }
            out.put(key, t.getValueNode());
        }
        return out;
    }

    private List<Node> items(Node n, String what) {
        if (n == null) {
            return List.of();
        }
        if (!(n instanceof SequenceNode s)) {
            error(n, "smit.yaml.type", what, Messages.get("smit.yaml.kind.list"));
            return List.of();
        }
        checkTag(n);
        return s.getValue();
    }

    private String scalar(Node n, String what) {
        if (!(n instanceof ScalarNode s)) {
            error(n, "smit.yaml.type", what, Messages.get("smit.yaml.kind.scalar"));
            return null;
        }
        checkTag(n);
        return s.getValue();
    }

    private String str(Map<String, Node> k, String key) {
        Node n = k.get(key);
        return n == null ? null : scalar(n, key);
    }

    private String required(Map<String, Node> k, Node owner, String key, String what) {
        String v = str(k, key);
        if (v == null && !k.containsKey(key)) {
            error(owner, "smit.yaml.missing", what, key);
        } else if (v != null && v.isBlank()) {
            error(k.get(key), "smit.yaml.blank", key);
            return null;
        }
        return v;
    }

    private String id(Map<String, Node> k, Node owner, String what) {
        String id = required(k, owner, "id", what);
        if (id != null && !ID.matcher(id).matches()) {
            error(k.get("id"), "smit.yaml.badid", id);
            return null;
        }
        return id;
    }

    private boolean bool(Map<String, Node> k, String key, boolean dflt) {
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
                error(k.get(key), "smit.yaml.bool", key, v);
                return dflt;
            }
        }
    }

    private int integer(Map<String, Node> k, String key, int min, int max, int dflt) {
        String v = str(k, key);
        if (v == null) {
            return dflt;
        }
        if (v.matches("[0-9]{1,9}") && Integer.parseInt(v) >= min && Integer.parseInt(v) <= max) {
            return Integer.parseInt(v);
        }
        error(k.get(key), "smit.yaml.int", key, min, max, v);
        return dflt;
    }

    private char letter(Map<String, Node> k, String key, String allowed, char dflt) {
        String v = str(k, key);
        if (v == null) {
            return dflt;
        }
        if (v.length() != 1 || allowed.indexOf(v.charAt(0)) < 0) {
            error(k.get(key), "smit.yaml.choice", key, String.join(" ", allowed.split("")), v);
            return dflt;
        }
        return v.charAt(0);
    }

    private List<String> strings(Node n, String what) {
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
    private List<String> oneOrMore(Node n, String what) {
        if (n instanceof ScalarNode) {
            String v = scalar(n, what);
            return v == null ? List.of() : List.of(v);
        }
        return strings(n, what);
    }

    private void checkTag(Node n) {
        String tag = n.getTag().getValue();
        if (!tag.startsWith("tag:yaml.org,2002:")) {
            error(n, "smit.yaml.tag", tag);
        }
    }

    private static String def(String v, String dflt) {
        return v == null ? dflt : v;
    }

    private smittywpar.smit.Mark mark(Node n) {
        Mark m = n.getStartMark();
        return new smittywpar.smit.Mark(file, m.getLine() + 1, m.getColumn() + 1);
    }

    private void problem(int line, int column, String text) {
        problems.add(new Problem(files.size(), line, column, file + ":" + line + ":" + column + ": " + text));
    }

    private void error(Node n, String key, Object... args) {
        Mark m = n.getStartMark();
        problem(m.getLine() + 1, m.getColumn() + 1, Messages.get(key, args));
    }
}
