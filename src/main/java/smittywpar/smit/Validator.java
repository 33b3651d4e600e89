package smittywpar.smit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import smittywpar.cmd.Commands;
import smittywpar.msg.AixException;
import smittywpar.msg.Messages;

/**
 * Checks a loaded menu tree as a whole, before anything is shown: every {@code next} and alias
 * resolves, fast paths are unique, every command of a dialog is registered (or the dialog is
 * marked {@code pending}) and parses against the registry with each of its fields, every list,
 * discover and classify command is registered and parses, rings have as many real values as
 * shown values. Problems name the file, line and column of the definition.
 */
public final class Validator {
    private final MenuTree tree;
    /** Problems with where they are, sorted by file (in load order), line and column at the end. */
    private final List<Map.Entry<Mark, String>> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private Validator(MenuTree tree) {
        this.tree = tree;
    }

    /**
     * Validates {@code tree}.
     *
     * @return notes that are not errors (e.g. a pending dialog whose command now checks out)
     * @throws MenuException listing every problem
     */
    public static List<String> validate(MenuTree tree) {
        Validator v = new Validator(tree);
        v.run();
        if (!v.problems.isEmpty()) {
            List<String> files = tree.files();
            v.problems.sort(Comparator.comparingInt((Map.Entry<Mark, String> e) -> fileIndex(files, e.getKey()))
                    .thenComparingInt(e -> e.getKey().line()).thenComparingInt(e -> e.getKey().column()));
            throw new MenuException(v.problems.stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
        }
        return List.copyOf(v.notes);
    }

    private static int fileIndex(List<String> files, Mark m) {
        for (int i = 0; i < files.size(); i++) {
            if (m.file().endsWith(files.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private void run() {
        if (!(tree.screen(MenuTree.TOP) instanceof Menu)) {
            error(new Mark(MenuLoader.ROOT, 1, 1), "smit.check.notop", MenuTree.TOP);
        }
        for (MenuTree.Alias a : tree.aliases().values()) {
            ScreenDef s = tree.screen(a.target());
            if (s == null) {
                error(a.mark(), "smit.check.nonext", a.target());
            } else if (!s.fastPathAllowed()) {
                error(a.mark(), "smit.check.selectoronly", a.target());
            }
            if (tree.screens().containsKey(a.name())) {
                error(a.mark(), "smit.check.aliasclash", a.name(), tree.screen(a.name()).mark());
            }
        }
        for (ScreenDef s : tree.screens().values()) {
            if (s instanceof Menu m) {
                menu(m);
            } else if (s instanceof Selector sel) {
                selector(sel);
            } else {
                dialog((Dialog) s);
            }
        }
    }

    private void menu(Menu m) {
        for (Menu.Item it : m.items()) {
            if (it.next() == null) {
                continue;
            }
            ScreenDef s = tree.screen(it.next());
            if (s == null) {
                error(it.mark(), "smit.check.nonext", it.next());
            } else if (!s.fastPathAllowed()) {
                error(it.mark(), "smit.check.selectoronly", it.next());
            }
        }
    }

    private void selector(Selector s) {
        if (s.type() == 'j') {
            if (tree.screen(s.next()) == null) {
                error(s.mark(), "smit.check.nonext", s.next());
            }
        } else {
            boolean any = tree.screens().keySet().stream().anyMatch(id -> id.startsWith(s.next()));
            if (!any) {
                error(s.mark(), "smit.check.noprefix", s.next());
            }
        }
        if (s.type() == 'c') {
            if (s.classify() == null) {
                error(s.mark(), "smit.check.noclassify");
            } else {
                helper(s.mark(), s.classify(), Set.of());
            }
        }
        if (s.verify() != null) {
            helper(s.mark(), s.verify(), Set.of());
        }
        Field f = s.field();
        if (f.info()) {
            error(f.mark(), "smit.check.infoselector");
        }
        field(f, Set.of(), true);
    }

    private void dialog(Dialog d) {
        Set<String> ids = new HashSet<>();
        for (Field f : d.fields()) {
            if (f.id() != null && !ids.add(f.id())) {
                error(f.mark(), "smit.check.dupfield", f.id());
            }
        }
        boolean discoverable = true;
        for (String c : d.discover()) {
            discoverable &= helper(d.mark(), c, ids);
        }
        if (!d.discover().isEmpty() && discoverable) {
            discoverColumns(d);
        }
        boolean composable = true;
        for (Field f : d.fields()) {
            composable &= field(f, ids, !d.discover().isEmpty());
            if (f.unset() != null) {
                composable &= unset(d, f);
            }
        }
        if (!composable) {
            return; // the command lines of a dialog with broken rings cannot be built
        }
        Boolean registered = commandOf(d, d.command());
        if (registered != null && d.unsetCommand() != null) {
            Boolean unsetRegistered = commandOf(d, d.unsetCommand());
            registered = unsetRegistered == null ? null : registered && unsetRegistered;
        }
        if (registered == null || !registered) {
            return;
        }
        List<Map.Entry<Mark, String>> failures = probeAt(d);
        if (d.pending()) {
            if (failures.isEmpty()) {
                notes.add(d.mark() + ": " + Messages.get("smit.check.nowavailable", d.id()));
            }
        } else {
            problems.addAll(failures);
        }
    }

    /**
     * The command of a dialog line ({@code command} or {@code unset_command}): true when it is
     * registered, false when it is not but the dialog is pending, null when it is broken (reported).
     */
    private Boolean commandOf(Dialog d, String line) {
        List<String> fixed;
        try {
            fixed = ShellWords.split(line);
        } catch (ShellWords.SyntaxException e) {
            error(d.mark(), "smit.check.shell", line);
            return null;
        }
        if (fixed.isEmpty()) {
            return null;
        }
        boolean registered = Commands.exists(fixed.get(0));
        if (!registered && !d.pending()) {
            error(d.mark(), "smit.check.nocommand", fixed.get(0));
            return null;
        }
        return registered;
    }

    /** A field with unset words: its dialog has an unset command, the words are plain shell words. */
    private boolean unset(Dialog d, Field f) {
        boolean ok = true;
        if (d.unsetCommand() == null) {
            error(f.mark(), "smit.check.nounsetcommand");
            ok = false;
        }
        if (f.positional() || f.multi() != Field.Multi.SINGLE) {
            error(f.mark(), "smit.check.unsetpositional");
            ok = false;
        }
        try {
            if (ShellWords.split(f.unset()).isEmpty()) {
                error(f.mark(), "yaml.blank", "unset");
                ok = false;
            }
        } catch (ShellWords.SyntaxException e) {
            error(f.mark(), "smit.check.shell", f.unset());
            ok = false;
        }
        return ok;
    }

    /** Checks a field; false when its ring is too broken to build a command line with. */
    private boolean field(Field f, Set<String> ids, boolean canDiscover) {
        if (f.info()) {
            return true;
        }
        boolean composable = true;
        String p = f.prefix();
        if (!(p.isEmpty() || p.equals("--") || p.equals("-- ") || p.equals("--'") || p.startsWith("-") && !p.startsWith("--"))) {
            error(f.mark(), "smit.check.prefix", p);
        }
        if (f.attr() != null && (f.positional() || p.isEmpty() || f.multi() != Field.Multi.SINGLE)) {
            error(f.mark(), "smit.check.attr");
        }
        if (f.isRing() && !f.values().isEmpty() && f.values().size() != f.ring().size()) {
            error(f.mark(), "smit.check.ringsize", f.ring().size(), f.values().size());
            composable = false;
        }
        if (f.isRing()) {
            if (f.ringIndex() >= f.ring().size()) {
                error(f.mark(), "smit.check.ringindex", f.ringIndex(), f.ring().size());
                composable = false;
            }
            if (!f.defaultValue().isEmpty() && !f.ring().contains(f.defaultValue())) {
                error(f.mark(), "smit.check.ringdefault", f.defaultValue());
            }
            if (f.hasList() || f.multi() != Field.Multi.SINGLE) {
                error(f.mark(), "smit.check.ringlist");
            }
            for (String v : f.values()) {
                try {
                    ShellWords.split(v);
                } catch (ShellWords.SyntaxException e) {
                    error(f.mark(), "smit.check.shell", v);
                }
            }
        } else if (!f.values().isEmpty()) {
            error(f.mark(), "smit.check.valuesnoring");
        }
        if (f.discover() != null && !f.discover().startsWith("_") && !canDiscover) {
            error(f.mark(), "smit.check.nodiscover", f.discover());
        }
        if (f.hasList()) {
            helper(f.mark(), f.list(), ids);
        }
        for (String c : f.listWhere()) {
            if (!f.hasList() || !c.matches("[1-9][0-9]{0,2}!?=.*")) {
                error(f.mark(), "smit.check.where", c);
            }
        }
        return composable;
    }

    /**
     * Every {@code discover:} name of a dialog's fields (other than a passed-on value such as
     * {@code _rawname}) is a column its discover command prints: a typo would leave the field
     * silently empty.
     */
    private void discoverColumns(Dialog d) {
        List<String> columns = new ArrayList<>();
        for (String c : d.discover()) {
            List<String> printed;
            try {
                printed = Commands.columns(Template.words(c, v -> "x"));
            } catch (AixException e) {
                return; // reported by the parse check of the command
            }
            if (printed == null) {
                return;
            }
            columns.addAll(printed);
        }
        for (Field f : d.fields()) {
            if (f.discover() != null && !f.discover().startsWith("_") && !columns.contains(f.discover())) {
                error(f.mark(), "smit.check.nocolumn", f.discover(), String.join(", ", d.discover()),
                        String.join(" ", new java.util.LinkedHashSet<>(columns)));
            }
        }
    }

    /** A list, discover or classify command: registered, variables known, parses; false when it does not. */
    private boolean helper(Mark at, String template, Set<String> ids) {
        for (String v : Template.variables(template)) {
            if (!v.startsWith("_") && !ids.contains(v)) {
                error(at, "smit.check.novar", v, template);
            }
        }
        List<String> argv;
        try {
            argv = Template.words(template, v -> "x");
        } catch (ShellWords.SyntaxException e) {
            error(at, "smit.check.shell", template);
            return false;
        }
        if (argv.isEmpty() || !Commands.exists(argv.get(0))) {
            error(at, "smit.check.nocommand", argv.isEmpty() ? "" : argv.get(0));
            return false;
        }
        try {
            Commands.check(argv);
            return true;
        } catch (AixException e) {
            error(at, "smit.check.parse", template, firstLine(e.getMessage()));
            return false;
        }
    }

    /**
     * Checks that the dialog's command line parses with the registry: once with every required
     * field filled in, then once more for every other field (each ring position) set as well.
     *
     * @return the problems found (empty when every line parses or the command offers no check)
     */
    static List<String> probe(Dialog d) {
        return probeAt(d).stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
    }

    private static List<Map.Entry<Mark, String>> probeAt(Dialog d) {
        List<Map.Entry<Mark, String>> out = new ArrayList<>();
        List<Composer.Value> base = new ArrayList<>();
        for (Field f : d.fields()) {
            boolean needs = f.required() == Field.Required.NONBLANK || f.required() == Field.Required.ALWAYS;
            String v = f.defaultValue().isEmpty() && needs && !f.isRing() ? sample(f) : f.defaultValue();
            base.add(new Composer.Value(f, v, initialRing(f), false));
        }
        Problem first = check(d, base);
        // With nothing changed the line may be incomplete (chwpar NAME changes nothing and is a usage
        // error); then each field may give that same error, must give no other, and at least one
        // field must complete the line.
        boolean anyOk = first == null;
        for (int i = 0; i < d.fields().size(); i++) {
            Field f = d.fields().get(i);
            if (f.info() || !f.editable() && !f.isRing()) {
                continue; // rows that only show a value cannot change it
            }
            List<Composer.Value> vs = new ArrayList<>(base);
            // a text field that removes a setting when cleared is also tried cleared
            int tries = f.isRing() ? f.ring().size() : f.unset() != null ? 2 : 1;
            for (int r = 0; r < tries; r++) {
                if (f.isRing()) {
                    vs.set(i, new Composer.Value(f, f.ring().get(r), r, true));
                } else {
                    String v = r == 1 ? "" : f.defaultValue().isEmpty() ? sample(f) : f.defaultValue();
                    vs.set(i, new Composer.Value(f, v, 0, true));
                }
                Problem bad = check(d, vs);
                anyOk |= bad == null;
                if (bad != null && (first == null || !bad.error().equals(first.error()))) {
                    out.add(Map.entry(f.mark(), bad.text()));
                    break;
                }
            }
        }
        if (!anyOk) {
            out.add(0, Map.entry(d.mark(), first.text()));
        }
        return out;
    }

    /** A command line that does not parse: the command's first error line, and the whole message. */
    private record Problem(String error, String text) {
    }

    private static Problem check(Dialog d, List<Composer.Value> vs) {
        Composer.Run run;
        try {
            run = Composer.compose(d, vs);
        } catch (AixException e) {
            String text = Messages.get("smit.check.shell", d.command());
            return new Problem(text, text);
        }
        for (Composer.Line line : run.lines()) {
            try {
                Commands.check(line.argv());
            } catch (AixException e) {
                return new Problem(firstLine(e.getMessage()),
                        Messages.get("smit.check.parse", line.text(), firstLine(e.getMessage())));
            }
        }
        return null;
    }

    static int initialRing(Field f) {
        if (!f.isRing()) {
            return 0;
        }
        int i = f.ring().indexOf(f.defaultValue());
        return i >= 0 ? i : Math.min(f.ringIndex(), f.ring().size() - 1);
    }

    /** A value that any well-formed flag of the field's kind accepts syntactically. */
    private static String sample(Field f) {
        if (f.example() != null) {
            return f.example();
        }
        return f.entry() == Field.Entry.NUMERIC || f.entry() == Field.Entry.HEX ? "1" : "x";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private void error(Mark at, String key, Object... args) {
        problems.add(Map.entry(at, Messages.get(key, args)));
    }
}
