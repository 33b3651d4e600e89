package smittywpar.cmd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import smittywpar.host.BaseTree;
import smittywpar.host.FileNode;
import smittywpar.wpar.WparDefaults;

/** The shipped file trees agree with the code: the programs and the commands, the skeleton mkwpar lists. */
class ShippedTreesTest {
    /** What the shell runs itself (utilities, built-ins, its extension and itself). */
    static final List<String> SHELL = List.of("ls", "cat", "mkdir", "rmdir", "rm", "touch", "cp", "mv", "grep", "wc",
            "head", "tail", "date", "id", "whoami", "who", "uname", "sleep", "echo", "pwd", "true", "false", "syncroot",
            "ksh", "sh");

    @Test
    void everyProgramIsACommandAndEveryCommandAProgram() {
        BaseTree g = BaseTree.globalRoot();
        List<String> programs = new ArrayList<>();
        for (String p : g.paths()) {
            BaseTree.Entry e = g.get(p);
            if (e.kind() == FileNode.Kind.PROGRAM) {
                assertThat(p).startsWith("/usr/");
                assertThat(p).endsWith("/" + e.command());
                programs.add(e.command());
            }
        }
        for (String c : programs) {
            assertThat(Commands.exists(c) || SHELL.contains(c)).as(c).isTrue();
        }
        for (String c : Commands.NAMES) {
            if (!c.equals("aixsh")) {
                assertThat(programs).as("a program for " + c).contains(c);
            }
        }
        assertThat(programs).containsAll(SHELL);
    }

    @Test
    void aNewWparHoldsTheSkeletonMkwparLists() {
        BaseTree w = BaseTree.wparRoot();
        for (String s : WparDefaults.get().skeleton()) {
            String p = s.substring(1);
            if (!p.equals("/etc/resolv.conf")) {
                assertThat(w.get(p)).as(p).isNotNull();
            }
        }
        assertThat(w.get("/etc/resolv.conf")).as("only with mkwpar -r").isNull();
        assertThat(w.get("/etc/motd").kind()).isEqualTo(FileNode.Kind.FILE);
        for (String d : List.of("/home", "/tmp", "/var/adm", "/usr", "/opt", "/proc")) {
            assertThat(w.get(d).kind()).as(d).isEqualTo(FileNode.Kind.DIR);
        }
    }
}
