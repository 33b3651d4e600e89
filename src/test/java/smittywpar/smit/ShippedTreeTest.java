package smittywpar.smit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The menu tree shipped in menus/ loads and validates. */
class ShippedTreeTest {
    @Test
    void loadsAndValidates() {
        MenuTree t = MenuLoader.load(MenuSource.packaged());
        List<String> notes = Validator.validate(t);
        assertThat(notes).isEmpty();
    }
}
