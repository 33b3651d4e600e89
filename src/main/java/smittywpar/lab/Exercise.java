package smittywpar.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.yaml.snakeyaml.nodes.Node;

import smittywpar.wpar.Attribute;
import smittywpar.wpar.State;
import smittywpar.yaml.StrictYaml;

/**
 * A graded exercise (see {@code exercises/README.md}): a title, the task in a few lines, an
 * optional scenario to start from, hints, and checks. A check is either an AIX command line with
 * the lines it must print ({@code expect}, exact) or a line it must print ({@code pattern}, a
 * regular expression), or a predicate on the state of one WPAR ({@code wpar} with any of
 * {@code exists state address hostname resources mount file contains}).
 */
record Exercise(String name, String title, String task, String scenario, List<String> hints, List<Check> checks) {

    /** One check: what it says it checks, and either a command or a WPAR predicate. */
    record Check(String title, Scenario.Line command, List<String> expect, Pattern pattern, String wpar,
            Boolean exists, State state, String address, String hostname, Map<String, String> resources,
            String mount, String file, String contains, String where) {
    }

    private static final List<String> TOP = List.of("title", "task", "scenario", "hints", "checks");
    private static final List<String> CHECK = List.of("title", "command", "expect", "pattern", "wpar", "exists",
            "state", "address", "hostname", "resources", "mount", "file", "contains");

    static Exercise parse(YamlFiles.Source src) {
        StrictYaml y = YamlFiles.reader(src);
        String text = y.decode(src.bytes());
        Node root = text == null ? null : y.compose(text);
        Exercise e = root == null ? null : read(y, src.name(), root);
        if (!y.ok() || e == null) {
            throw new LabException(y.problems());
        }
        return e;
    }

    private static Exercise read(StrictYaml y, String name, Node root) {
        Map<String, Node> k = y.keys(root, TOP, "exercise");
        if (k == null) {
            return null;
        }
        String title = y.required(k, root, "title", "exercise");
        String task = y.required(k, root, "task", "exercise");
        String scenario = y.str(k, "scenario");
        if (scenario != null && !YamlFiles.validName(scenario)) {
            y.error(k.get("scenario"), "lab.file.badname", scenario, "scenarios");
        }
        List<String> hints = y.strings(k.get("hints"), "hints");
        List<Check> checks = new ArrayList<>();
        for (Node n : y.items(k.get("checks"), "checks")) {
            Check c = check(y, n);
            if (c != null) {
                checks.add(c);
            }
        }
        if (k.containsKey("checks") && checks.isEmpty() && y.ok()) {
            y.error(k.get("checks"), "yaml.blank", "checks");
        } else if (!k.containsKey("checks")) {
            y.error(root, "yaml.missing", "exercise", "checks");
        }
        return new Exercise(name, title, task == null ? "" : task.strip(), scenario, hints, checks);
    }

    private static Check check(StrictYaml y, Node n) {
        Map<String, Node> k = y.keys(n, CHECK, "check");
        if (k == null) {
            return null;
        }
        String title = y.required(k, n, "title", "check");
        Scenario.Line command = null;
        if (k.containsKey("command")) {
            command = Scenario.command(y, k.get("command"), "command");
        }
        List<String> expect = k.containsKey("expect") ? y.oneOrMore(k.get("expect"), "expect") : null;
        Pattern pattern = null;
        String p = y.str(k, "pattern");
        if (p != null) {
            try {
                pattern = Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                y.error(k.get("pattern"), "lab.yaml.bad", "pattern", p);
            }
        }
        String wpar = y.str(k, "wpar");
        boolean isCommand = k.containsKey("command");
        if (isCommand == (wpar != null)) {
            y.error(n, "lab.yaml.checkkind");
            return null;
        }
        if (isCommand && expect == null && pattern == null) {
            y.error(n, "yaml.missing", "check", "expect");
        }
        Boolean exists = k.containsKey("exists") ? y.bool(k, "exists", true) : null;
        State state = null;
        String s = y.str(k, "state");
        if (s != null) {
            for (State st : State.values()) {
                if (st.word.equalsIgnoreCase(s) || s.length() == 1 && st.letter == s.charAt(0)) {
                    state = st;
                }
            }
            if (state == null) {
                y.error(k.get("state"), "lab.yaml.bad", "state", s);
            }
        }
        Map<String, String> resources = new java.util.LinkedHashMap<>();
        if (k.containsKey("resources")) {
            Map<String, Node> r = y.keys(k.get("resources"), null, "resources");
            if (r != null) {
                for (var e : r.entrySet()) {
                    if (Attribute.of(Attribute.Section.RESOURCES, e.getKey()) == null) {
                        y.error(e.getValue(), "lab.yaml.bad", "resources", e.getKey());
                    }
                    String v = y.scalar(e.getValue(), e.getKey());
                    if (v != null) {
                        resources.put(e.getKey(), v);
                    }
                }
            }
        }
        String file = y.str(k, "file");
        if (file != null && !Scenario.insideTheHost(file)) {
            y.error(k.get("file"), "lab.yaml.escape", file);
            file = null;
        }
        String contains = y.str(k, "contains");
        if (contains != null && file == null && y.ok()) {
            y.error(n, "yaml.missing", "check", "file");
        }
        return new Check(title, command, expect, pattern, wpar, exists, state, y.str(k, "address"),
                y.str(k, "hostname"), resources, y.str(k, "mount"), file, contains, y.where(n));
    }
}
