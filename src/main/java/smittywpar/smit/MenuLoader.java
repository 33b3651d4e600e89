package smittywpar.smit;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

import smittywpar.msg.Messages;
import smittywpar.yaml.StrictYaml;

/**
 * Reads the menu files into a {@link MenuTree}. The root file {@value #ROOT} lists the other files
 * under {@code include}; every file may define {@code menus}, {@code selectors}, {@code dialogs}
 * and {@code aliases} (see {@code menus/README.md}).
 *
 * <p>Safety: the files are read by {@link StrictYaml} (composed into a node tree only, with limits
 * on size, nesting and aliases, no local tags, scalars as raw text). Every problem (syntax,
 * duplicate or unknown key, wrong type, bad value, duplicate id) is collected with its file, line
 * and column, and all are reported together.
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

    private final MenuSource source;
    private final StrictYaml y = new StrictYaml(MAX_BYTES, MAX_ALIASES, MAX_DEPTH);
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
        if (!l.y.ok()) {
            throw new MenuException(l.y.problems());
        }
        return new MenuTree(Map.copyOf(l.screens), Map.copyOf(l.aliases), List.copyOf(l.files));
    }

    // ---- reading and composing one file ---------------------------------------------------------

    private void loadFile(String name, boolean root) {
        file = source.label(name);
        files.add(name);
        y.file(file, files.size());
        String text = readText(name);
        if (text == null) {
            return;
        }
        Node node = y.compose(text);
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
            problem(1, 1, Messages.get("yaml.nofile"));
            return null;
        } catch (MenuSource.NotRegularFile e) {
            problem(1, 1, Messages.get("yaml.notfile"));
            return null;
        } catch (IOException e) {
            problem(1, 1, Messages.get("yaml.io", smittywpar.store.Errno.text(e)));
            return null;
        }
        return y.decode(bytes);
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
                error(in, "yaml.missing", "item", "next");
            }
            if (next != null && (info || !installed)) {
                error(ik.get("next"), "smit.yaml.nextwith", info ? "info" : "installed");
            }
            items.add(new Menu.Item(text, next, str(ik, "help"), info, installed, mark(in)));
        }
        if (k.get("items") == null) {
            error(n, "yaml.missing", "menu", "items");
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
            error(n, "yaml.missing", "selector", "field");
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
        error(k.get(key.yaml), "yaml.choice", key.yaml, String.join(" ", shown), v);
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

    // ---- typed access (see StrictYaml) ----------------------------------------------------------------

    private Map<String, Node> keys(Node n, List<String> allowed, String what) {
        return y.keys(n, allowed, what);
    }

    private List<Node> items(Node n, String what) {
        return y.items(n, what);
    }

    private String scalar(Node n, String what) {
        return y.scalar(n, what);
    }

    private String str(Map<String, Node> k, String key) {
        return y.str(k, key);
    }

    private String required(Map<String, Node> k, Node owner, String key, String what) {
        return y.required(k, owner, key, what);
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
        return y.bool(k, key, dflt);
    }

    private int integer(Map<String, Node> k, String key, int min, int max, int dflt) {
        return y.integer(k, key, min, max, dflt);
    }

    private char letter(Map<String, Node> k, String key, String allowed, char dflt) {
        String v = str(k, key);
        if (v == null) {
            return dflt;
        }
        if (v.length() != 1 || allowed.indexOf(v.charAt(0)) < 0) {
            error(k.get(key), "yaml.choice", key, String.join(" ", allowed.split("")), v);
            return dflt;
        }
        return v.charAt(0);
    }

    private List<String> strings(Node n, String what) {
        return y.strings(n, what);
    }

    private List<String> oneOrMore(Node n, String what) {
        return y.oneOrMore(n, what);
    }

    private static String def(String v, String dflt) {
        return v == null ? dflt : v;
    }

    private smittywpar.smit.Mark mark(Node n) {
        Mark m = n.getStartMark();
        return new smittywpar.smit.Mark(file, m.getLine() + 1, m.getColumn() + 1);
    }

    private void problem(int line, int column, String text) {
        y.problem(line, column, text);
    }

    private void error(Node n, String key, Object... args) {
        y.error(n, key, args);
    }
}
