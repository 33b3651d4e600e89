package smittywpar.smit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compact copy of a validated tree is equal to the YAML tree and goes stale with any change. */
class TreeCacheTest {
    @TempDir
    Path cache;

    @Test
    void theCachedTreeEqualsTheLoadedOne() throws Exception {
        MenuTree loaded = TreeCache.load(MenuSource.packaged(), cache);
        try (var files = Files.list(cache)) {
            assertThat(files.toList()).singleElement().asString().matches(".*/menus-[0-9a-f]{8}\\.bin");
        }
        MenuTree again = TreeCache.load(MenuSource.packaged(), cache);
        assertThat(again.screens()).isEqualTo(loaded.screens());
        assertThat(again.aliases()).isEqualTo(loaded.aliases());
        assertThat(again.files()).isEqualTo(loaded.files());
        assertThat(again).isEqualTo(MenuLoader.load(MenuSource.packaged()));
    }

    @Test
    void aChangedMenuFileIsLoadedAndValidatedAgain(@TempDir Path menus) throws Exception {
        Files.writeString(menus.resolve("smit.yaml"), """
                include: [more.yaml]
                menus:
                  - {id: top_menu, title: System Management, items: [{text: A, next: m2}]}
                """);
        Files.writeString(menus.resolve("more.yaml"), """
                menus:
                  - {id: m2, title: Two, items: [{text: B, next: top_menu}]}
                """);
        MenuTree first = TreeCache.load(MenuSource.directory(menus), cache);
        assertThat(((Menu) first.screen("m2")).title()).isEqualTo("Two");
        Files.writeString(menus.resolve("more.yaml"), """
                menus:
                  - {id: m2, title: Deux, items: [{text: B, next: top_menu}]}
                """);
        assertThat(((Menu) TreeCache.load(MenuSource.directory(menus), cache).screen("m2")).title()).isEqualTo("Deux");
        Files.writeString(menus.resolve("more.yaml"), """
                menus:
                  - {id: m2, title: Deux, items: [{text: B, next: nowhere}]}
                """);
        assertThatThrownBy(() -> TreeCache.load(MenuSource.directory(menus), cache)).isInstanceOf(MenuException.class)
                .hasMessageEndingWith(menus.resolve("more.yaml")
                        + ":2:35: there is no menu, selector or dialog with the id 'nowhere'");
    }

    @Test
    void aDamagedCacheIsIgnored() throws Exception {
        TreeCache.load(MenuSource.packaged(), cache);
        Path f;
        try (var files = Files.list(cache)) {
            f = files.toList().get(0);
        }
        byte[] b = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(b, b.length / 2));
        assertThat(TreeCache.load(MenuSource.packaged(), cache).screens()).hasSize(
                MenuLoader.load(MenuSource.packaged()).screens().size());
        Files.write(f, List.of("garbage"));
        assertThat(TreeCache.load(MenuSource.packaged(), cache).screen("wpar")).isInstanceOf(Menu.class);
    }

    @Test
    void aCopyWithOneByteChangedIsIgnored() throws Exception {
        MenuTree yaml = MenuLoader.load(MenuSource.packaged());
        TreeCache.load(MenuSource.packaged(), cache);
        Path f;
        try (var files = Files.list(cache)) {
            f = files.toList().get(0);
        }
        byte[] b = Files.readAllBytes(f);
        // a letter of a screen's text, in the middle of the copy: still a copy that decodes, but not the menus
        int at = b.length / 2;
        while (!Character.isLetter(b[at])) {
            at++;
        }
        b[at] = (byte) (b[at] == 'x' ? 'y' : 'x');
        Files.write(f, b);
        MenuTree t = TreeCache.load(MenuSource.packaged(), cache);
        assertThat(t).isEqualTo(yaml);
        // and it was written again, whole
        assertThat(TreeCache.load(MenuSource.packaged(), cache)).isEqualTo(yaml);
        assertThat(Files.readAllBytes(f)).isNotEqualTo(b);
    }

    @Test
    void screensOfACopyAreTheSameObjectEachTimeAndUnknownIdsAreNone() {
        TreeCache.load(MenuSource.packaged(), cache);
        MenuTree t = TreeCache.load(MenuSource.packaged(), cache);
        assertThat(t.screen("simplewpar_sys")).isSameAs(t.fastPath("mkwpar", (char) 0)).isInstanceOf(Dialog.class);
        assertThat(t.screen("no_such_screen")).isNull();
        assertThat(t.screens().containsKey("wpar")).isTrue();
        assertThat(t.screens().keySet()).isEqualTo(MenuLoader.load(MenuSource.packaged()).screens().keySet());
        assertThatThrownBy(() -> t.screens().put("x", t.screen("wpar"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anUnwritableCacheDirectoryIsNoError() throws Exception {
        Path file = cache.resolve("notadir");
        Files.writeString(file, "x");
        assertThat(TreeCache.load(MenuSource.packaged(), file).screen("wpar")).isInstanceOf(Menu.class);
    }
}
