package smittywpar.cmd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import smittywpar.smit.ShellWords;
import smittywpar.wpar.Attribute;

/** The colon fields lswpar says it prints (what the menu validator checks discover: names against). */
class LswparColumnsTest {
    private static List<String> columns(String line) {
        return Commands.columns(ShellWords.split(line));
    }

    @Test
    void theColumnsOfEachViewWithoutRunningIt() {
        assertThat(columns("lswpar -c x")).containsExactly("name", "state", "type", "hostname", "directory",
                "rootvgwpar");
        assertThat(columns("lswpar -c -G x")).containsExactly("name", "state", "type", "rootvgwpar", "hostname",
                "routing", "vipwpar", "directory", "owner", "script", "auto", "privateusr", "checkpointable",
                "application", "ostype", "xwparipc", "architecture", "uuid");
        assertThat(columns("lswpar -cN x")).containsExactly("name", "interface", "address", "mask_prefix",
                "broadcast");
        assertThat(columns("lswpar -cM x")).containsExactly("name", "mountpoint", "device", "vfs", "nodename",
                "options");
        assertThat(columns("lswpar -cR x")).hasSize(18).startsWith("name", "state", "active", "rset", "shares_CPU");
        assertThat(columns("lswpar -c -a name,HOSTNAME,uuid x")).containsExactly("name", "hostname", "uuid");
        assertThat(columns("lswpar -cBr x")).containsExactly("name", "bootset", "devname", "status");
        assertThatThrownBy(() -> columns("lswpar -c -a nosuch x")).hasMessageStartingWith("lswpar: ");
        assertThat(columns("startwpar x")).as("a command that prints no colon format says nothing").isNull();
    }

    @Test
    void everyGeneralAttributeWithAColumnIsShownByGOrItsOwnView() {
        List<Attribute> shown = new ArrayList<>(List.of(LswparCommand.GENERAL_COLUMNS));
        shown.add(Attribute.BOOTLIST);
        for (Attribute a : Attribute.Section.GENERAL.attributes()) {
            assertThat(shown.contains(a)).as("%s has column %s", a, a.column).isEqualTo(a.column != null);
        }
        for (Attribute a : LswparCommand.GENERAL_LINES) {
            assertThat(a.label).isNotNull();
        }
    }
}
