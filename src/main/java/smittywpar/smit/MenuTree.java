package smittywpar.smit;

import java.util.List;
import java.util.Map;

/**
 * The loaded menu tree: every screen by id (menus, selectors and dialogs share one name space)
 * and the fast-path aliases. Built by {@link MenuLoader}, checked by {@link Validator}.
 */
public record MenuTree(Map<String, ScreenDef> screens, Map<String, Alias> aliases, List<String> files) {
    /** A fast path that only names another screen (SMIT's alias sm_menu_opt). */
    public record Alias(String name, String target, Mark mark) {
    }

    /** The id of the top menu ("System Management"), shown when smitty starts without a fast path. */
    public static final String TOP = "top_menu";

    /** Every fast path of the tree (aliases and screen ids that {@link #fastPath} resolves), sorted. */
    public List<String> fastPaths() {
        java.util.TreeSet<String> out = new java.util.TreeSet<>(aliases.keySet());
        for (String id : screens.keySet()) {
            if (fastPath(id, (char) 0) != null) {
                out.add(id);
            }
        }
        out.removeIf(n -> fastPath(n, (char) 0) == null);
        return List.copyOf(out);
    }

    public ScreenDef screen(String id) {
        return id == null ? null : screens.get(id);
    }

    /**
     * Resolves a fast path as SMIT does: an alias, then a screen id (screens reachable only
     * through a selector are not fast paths). {@code kind} restricts the result: 'm' menu,
     * 'n' selector, 'd' dialog, or 0 for any.
     *
     * @return the screen, or null when the fast path does not exist (for that kind)
     */
    public ScreenDef fastPath(String name, char kind) {
        Alias a = aliases.get(name);
        ScreenDef s = a != null ? screens.get(a.target()) : screens.get(name);
        if (s == null || !s.fastPathAllowed()) {
            return null;
        }
        boolean ok = switch (kind) {
            case 'm' -> s instanceof Menu;
            case 'n' -> s instanceof Selector;
            case 'd' -> s instanceof Dialog;
            default -> true;
        };
        return ok ? s : null;
    }
}
