package smittywpar.smit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The shipped tree is valid and complete against the product's screen list: the screens of AIX's
 * {@code smitty wpar} that a user can reach, with their item texts as on AIX and their fast-path
 * ids (those marked (V) are AIX's own, the others chosen in AIX style). The list is test data in
 * this repository, {@code src/test/resources/smittywpar/smit/smitty-wpar-tree.txt}: one screen a
 * line, indented under its menu, then after two blanks its fast path or, in parentheses, what it
 * runs.
 */
class TreeCompletenessTest {
    private static final String COPY = "/smittywpar/smit/smitty-wpar-tree.txt";

    /** One line of the reference tree: its text, the fast path it names (or null), its children. */
    record Node(String text, String id, List<Node> children) {
    }

    static String reference() throws IOException {
        try (InputStream in = TreeCompletenessTest.class.getResourceAsStream(COPY)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Node parse(String text) {
        Node root = null;
        Deque<Node> parents = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int depth = line.length() - line.stripLeading().length();
            String[] parts = line.strip().split("\\s{2,}", 2);
            String id = null;
            if (parts.length > 1 && !parts[1].startsWith("(")) {
                id = parts[1].split("\\s")[0];
            }
            Node n = new Node(parts[0], id, new ArrayList<>());
            while (!depths.isEmpty() && depths.peek() >= depth) {
                depths.pop();
                parents.pop();
            }
            if (parents.isEmpty()) {
                root = n;
            } else {
                parents.peek().children().add(n);
            }
            parents.push(n);
            depths.push(depth);
        }
        return root;
    }

    @Test
    void theScreenListIsWellFormed() throws IOException {
        Node root = parse(reference());
        assertThat(root.text()).isEqualTo("Workload Partition Administration");
        List<String> ids = new ArrayList<>();
        Deque<Node> todo = new ArrayDeque<>(List.of(root));
        int screens = 0;
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            screens++;
            assertThat(n.text()).as("a screen has its item text").isNotBlank();
            if (n.id() != null) {
                ids.add(n.id());
            }
            todo.addAll(n.children());
        }
        assertThat(ids).as("fast paths are unique").doesNotHaveDuplicates().contains("wpar", "simplewpar_sys",
                "manage_syswpar", "manage_appwpar");
        assertThat(screens).as("the whole smitty wpar tree").isGreaterThan(50);
    }

    @Test
    void everyScreenOfTheReferenceIsInTheTreeInOrder() throws IOException {
        MenuTree t = Harness.shipped();
        Node root = parse(reference());
        assertThat(root.text()).isEqualTo("Workload Partition Administration");
        assertThat(root.id()).isEqualTo("wpar");
        Menu wpar = (Menu) t.screen("wpar");
        assertThat(wpar.title()).isEqualTo(root.text());
        List<String> missing = new ArrayList<>();
        check(t, wpar, root, "wpar", missing);
        assertThat(missing).isEmpty();
        Menu top = (Menu) t.screen(MenuTree.TOP);
        assertThat(top.items()).filteredOn(i -> "wpar".equals(i.next())).extracting(Menu.Item::text)
                .containsExactly("Workload Partition Administration");
    }

    private void check(MenuTree t, Menu menu, Node node, String path, List<String> missing) {
        int at = 0;
        for (Node child : node.children()) {
            int found = -1;
            for (int i = at; i < menu.items().size(); i++) {
                if (menu.items().get(i).text().equals(child.text())) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                missing.add(path + " > " + child.text() + " (missing or out of order)");
                continue;
            }
            at = found + 1;
            Menu.Item item = menu.items().get(found);
            ScreenDef next = t.screen(item.next());
            if (next == null) {
                missing.add(path + " > " + child.text() + " leads nowhere");
                continue;
            }
            if (child.id() != null && !child.id().equals(next.id())) {
                missing.add(path + " > " + child.text() + " has id " + next.id() + ", not " + child.id());
            }
            if (!child.children().isEmpty()) {
                if (next instanceof Menu m) {
                    check(t, m, child, path + " > " + child.text(), missing);
                } else {
                    missing.add(path + " > " + child.text() + " is not a menu");
                }
            }
        }
    }

    @Test
    void commandNamesAndReferenceIdsAreFastPaths() {
        MenuTree t = Harness.shipped();
        for (String fp : List.of("wpar", "manage_syswpar", "manage_appwpar", "simplewpar_sys", "advancewpar_sys",
                "mkwpar", "lswpar", "startwpar", "stopwpar", "rebootwpar", "chwpar", "rmwpar", "savewpar", "restwpar",
                "lssavewpar", "restwparfiles", "wparexec", "syncwpar")) {
            assertThat(t.fastPath(fp, (char) 0)).as(fp).isNotNull();
        }
        assertThat(t.fastPath("mkwpar", 'd').id()).isEqualTo("simplewpar_sys");
        assertThat(t.fastPath("chwpar", 'n').id()).isEqualTo("chwpar_sys");
        assertThat(t.fastPath("chgen_sys", (char) 0)).as("reachable only through its selector").isNull();
    }

    @Test
    void everyScreenIsReachableAndEveryItemAndFieldHasHelp() {
        MenuTree t = Harness.shipped();
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(MenuTree.TOP));
        List<String> noHelp = new ArrayList<>();
        while (!todo.isEmpty()) {
            String id = todo.pop();
            ScreenDef s = t.screen(id);
            if (s == null || !seen.add(id)) {
                continue;
            }
            if (s instanceof Menu m) {
                for (Menu.Item i : m.items()) {
                    if (!i.info() && (i.help() == null || i.help().isBlank())) {
                        noHelp.add(i.mark() + " " + i.text());
                    }
                    if (i.next() != null) {
                        todo.push(i.next());
                    }
                }
            } else if (s instanceof Selector sel) {
                fieldsHelp(List.of(sel.field()), noHelp);
                todo.push(sel.next());
            } else {
                Dialog d = (Dialog) s;
                if (d.help() == null || d.help().isBlank()) {
                    noHelp.add(d.mark() + " " + d.id());
                }
                fieldsHelp(d.fields(), noHelp);
            }
        }
        assertThat(noHelp).isEmpty();
        assertThat(new TreeSet<>(t.screens().keySet())).isEqualTo(new TreeSet<>(seen));
    }

    private static void fieldsHelp(List<Field> fields, List<String> noHelp) {
        for (Field f : fields) {
            if (!f.info() && (f.help() == null || f.help().isBlank())) {
                noHelp.add(f.mark() + " " + f.label());
            }
        }
    }

    @Test
    void everyMenuFileIsPartOfTheTree() throws IOException {
        Path menus = Path.of(System.getProperty("smittywpar.project.dir", "."), "menus");
        List<String> files;
        try (Stream<Path> s = Files.list(menus)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        }
        assertThat(new TreeSet<>(Harness.shipped().files())).containsExactlyElementsOf(files);
    }
}
