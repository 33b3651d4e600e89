package smittywpar.smit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader reads well-formed menu files and refuses hostile or broken ones with file:line:column. */
class MenuLoaderTest {
    private static List<String> problems(String yaml) {
        try {
            Trees.load(yaml);
        } catch (MenuException e) {
            return e.problems();
        }
        throw new AssertionError("loaded without problems");
    }

    @Test
    void yesAndNoStayStrings() {
        MenuTree t = Trees.load("""
                dialogs:
                  - id: d
                    title: T
                    command: mkwpar
                    fields:
                      - label: Start?
                        ring: [no, yes]
                        values: ['', -s]
                        default: no
                """);
        Field f = ((Dialog) t.screen("d")).fields().get(0);
        assertThat(f.ring()).containsExactly("no", "yes");
        assertThat(f.values()).containsExactly("", "-s");
        assertThat(f.defaultValue()).isEqualTo("no");
        assertThat(f.mark()).isEqualTo(new Mark("test/smit.yaml", 6, 9));
    }

    @Test
    void duplicateKeysAreRefused() {
        assertThat(problems("""
                menus:
                  - id: m
                    title: One
                    title: Two
                    items:
                      - {text: A, next: m}
                """)).containsExactly("test/smit.yaml:4:5: duplicate key 'title' (first given on line 3)");
    }

    @Test
    void unknownKeysAreRefused() {
        assertThat(problems("""
                menus:
                  - id: m
                    titel: One
                    items:
                      - {text: A, next: m, hepl: x}
                """)).containsExactly(
                        "test/smit.yaml:2:5: missing menu key 'title'",
                        "test/smit.yaml:3:5: unknown menu key 'titel' (valid keys: id title help items)",
                        "test/smit.yaml:5:28: unknown item key 'hepl' (valid keys: text next help info installed)");
    }

    @Test
    void wrongTypesAreRefused() {
        assertThat(problems("""
                menus: {id: m}
                dialogs:
                  - id: d
                    title: [a, b]
                    command: x
                    ask: maybe
                    fields:
                      - label: F
                        ring: no
                        indent: -1
                        required: x
                """)).containsExactly(
                        "test/smit.yaml:1:8: menus must be a list",
                        "test/smit.yaml:4:12: title must be a single value",
                        "test/smit.yaml:6:10: 'ask' must be yes or no, not 'maybe'",
                        "test/smit.yaml:9:15: ring must be a list",
                        "test/smit.yaml:10:17: 'indent' must be a whole number from 0 to 8, not '-1'",
                        "test/smit.yaml:11:19: 'required' must be one of \"\" n y + ?, not 'x'");
    }

    @Test
    void syntaxErrorsCarryTheirPosition() {
        assertThat(problems("menus:\n  - id: m\n    items: [a,\n")).singleElement().asString()
                .startsWith("test/smit.yaml:4:1: YAML error: ");
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        String laughs = """
                a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                """;
        long t0 = System.nanoTime();
        List<String> p = problems(laughs);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
        assertThat(p).singleElement().asString()
                .matches("test/smit\\.yaml:4:\\d+: YAML error: Number of aliases for non-scalar nodes exceeds the specified max=20");
    }

    @Test
    void aTenMegabyteFileIsRefusedQuickly(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("smit.yaml"), "include: [big.yaml]\n");
        StringBuilder big = new StringBuilder(11 << 20);
        big.append("menus:\n");
        while (big.length() < 10 << 20) {
            big.append("  - {id: m").append(big.length()).append(", title: x, items: [{text: a, next: m}]}\n");
        }
        Files.writeString(dir.resolve("big.yaml"), big);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> MenuLoader.load(MenuSource.directory(dir))).isInstanceOf(MenuException.class)
                .hasMessage("smitty: 1800-001 The SMIT menu definitions are not valid:\n" + dir.resolve("big.yaml")
                        + ":1:1: the file is larger than 1048576 bytes");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void localTagsAndGlobalClassTagsAreRefused() {
        assertThat(problems("menus:\n  - !menu {id: m, title: t, items: [{text: a, next: m}]}\n"))
                .containsExactly("test/smit.yaml:2:5: tags such as !menu are not allowed");
        assertThat(problems("x: !!javax.script.ScriptEngineManager [a]\n")).singleElement().asString()
                .startsWith("test/smit.yaml:1:4: YAML error: Global tag is not allowed");
    }

    @Test
    void duplicateIdsAndAliasesNameBothPlaces() {
        MenuSource src = Trees.source("smit.yaml", """
                include: [b.yaml]
                menus:
                  - {id: m, title: t, items: [{text: a, next: m}]}
                aliases: {x: m}
                """, "b.yaml", """
                dialogs:
                  - {id: m, title: t, command: lswpar}
                aliases: {x: m}
                """);
        assertThatThrownBy(() -> MenuLoader.load(src)).isInstanceOf(MenuException.class).satisfies(e -> assertThat(
                ((MenuException) e).problems()).containsExactly(
                        "test/b.yaml:2:5: the id 'm' is already defined at test/smit.yaml:3:5",
                        "test/b.yaml:3:14: the fast path 'x' is already defined at test/smit.yaml:4:14"));
    }

    @Test
    void aMissingOrNonUtf8FileIsNamed(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> MenuLoader.load(MenuSource.directory(dir)))
                .hasMessageEndingWith(dir.resolve("smit.yaml") + ":1:1: the file does not exist");
        Files.write(dir.resolve("smit.yaml"), new byte[] {'a', ':', ' ', (byte) 0xff, '\n'});
        assertThatThrownBy(() -> MenuLoader.load(MenuSource.directory(dir)))
                .hasMessageEndingWith(dir.resolve("smit.yaml") + ":1:1: the file is not valid UTF-8 text");
    }

    /** smitty -o DIR: a FIFO, a directory or a device where a menu file belongs is refused at once, never opened. */
    @Test
    void aMenuFileThatIsNotARegularFileIsRefusedAtOnce(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("smit.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
        String notFile = ":1:1: not a regular file (a FIFO, a device or a directory is never read)";
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> MenuLoader.load(MenuSource.directory(dir)))
                        .hasMessageEndingWith(fifo + notFile));
        // an included file
        Files.delete(fifo);
        Files.writeString(fifo, "include:\n  - more.yaml\nmenus:\n  - id: top_menu\n    title: T\n    items: []\n");
        Files.createDirectory(dir.resolve("more.yaml"));
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> MenuLoader.load(MenuSource.directory(dir)))
                        .hasMessageContaining(dir.resolve("more.yaml") + notFile));
        // a "directory" that is a file
        assertThatThrownBy(() -> MenuLoader.load(MenuSource.directory(fifo)))
                .hasMessageEndingWith(fifo.resolve("smit.yaml") + ":1:1: the file cannot be read: Not a directory");
    }
}
