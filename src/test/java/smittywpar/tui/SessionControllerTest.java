package smittywpar.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.smit.CommandRunner;
import smittywpar.smit.MenuSource;
import smittywpar.smit.MenuTree;
import smittywpar.smit.Session;
import smittywpar.smit.SmitLog;
import smittywpar.smit.TreeCache;
import smittywpar.tui.Action.Kind;

/**
 * The adapter between the smit session and the screen, on the shipped menu tree against a fresh
 * simulated host: what a user sees after each key, on an 80x24 screen.
 */
class SessionControllerTest {
    private static MenuTree tree;

    @TempDir
    Path dir;

    /** Records bells and shell runs; the screen image is whatever the test last drew. */
    final class FakeUi implements Ui {
        int beeps;
        int shells;
        boolean shellWorks = true;

        @Override
        public String image() {
            return Screens.textOnly(lastScreen);
        }

        @Override
        public boolean shell() {
            shells++;
            return shellWorks;
        }

        @Override
        public void beep() {
            beeps++;
        }
    }

    private final FakeUi ui = new FakeUi();
    private String lastScreen = "";
    private Session session;
    private SessionController c;
    private Map<String, String> env;

    private static synchronized MenuTree tree() {
        if (tree == null) {
            tree = TreeCache.load(MenuSource.packaged(), null);
        }
        return tree;
    }

    private void start(String fastPath) {
        env = new LinkedHashMap<>();
        env.put("SMITTY_WPAR_HOME", dir.resolve("state").toString());
        env.put("SMITTY_WPAR_CLOCK", "2026-11-26 10:00:00");
        env.put("HOME", dir.toString());
        SmitLog log = new SmitLog(dir.resolve("smit.log"), dir.resolve("smit.script"), SmitLog.clock(env), false);
        session = new Session(tree(), new CommandRunner(env, dir), log, null);
        session.start(fastPath, (char) 0);
        c = new SessionController(session);
    }

    private void sh(String line) {
        new CommandRunner(env, dir).run(Arrays.asList(line.split(" ")));
    }

    /** Draws the frame, as the loop does before reading a key; returns the screen rows. */
    private String[] screen() {
        while (c.poll()) {
            // a command waited: it has run
        }
        lastScreen = Screens.render(c.scene(80, 24));
        return Screens.textOnly(lastScreen).split("\n", -1);
    }

    private String text() {
        return String.join("\n", screen());
    }

    private Controller.Outcome key(Kind k) {
        screen();
        return c.handle(Action.of(k), ui);
    }

    private void type(String s) {
        for (char ch : s.toCharArray()) {
            screen();
            c.handle(Action.ch(ch), ui);
        }
    }

    private int row(String[] rows, String startsWith) {
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].startsWith(startsWith)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void typingGoesIntoTheFieldAndTheCommand() {
        start("mkwpar");
        type("w1");
        assertThat(screen()[6]).isEqualTo("* Workload Partition Name                            [w1]");
        key(Kind.LEFT);
        type("x");
        key(Kind.END);
        key(Kind.BACKSPACE);
        assertThat(screen()[6]).isEqualTo("* Workload Partition Name                            [wx]");
        key(Kind.COMMAND);
        assertThat(text()).contains("SHOW COMMAND STRING").contains("mkwpar -n 'wx'");
        key(Kind.CANCEL);
        assertThat(text()).doesNotContain("SHOW COMMAND STRING");
        assertThat(ui.beeps).isZero();
    }

    /** Issue 11, item 7: Insert switches between inserting and overwriting; a field refuses more than its length. */
    @Test
    void insertTogglesOverwriteAndFieldsHaveALength() {
        start("mkwpar");
        type("w1x");
        key(Kind.LEFT);
        key(Kind.LEFT);
        key(Kind.INSERT);
        type("Z");
        assertThat(screen()[6]).isEqualTo("* Workload Partition Name                            [wZx]");
        key(Kind.INSERT);
        type("Y");
        assertThat(screen()[6]).isEqualTo("* Workload Partition Name                            [wZYx]");
        assertThat(ui.beeps).isZero();
        key(Kind.END);
        type("a".repeat(21));
        assertThat(ui.beeps).isZero();
        type("b");
        assertThat(ui.beeps).as("the 26th character of a workload partition name").isEqualTo(1);
        assertThat(session.command()).isEqualTo("mkwpar -n 'wZYx" + "a".repeat(21) + "'");
    }

    @Test
    void numericFieldsRefuseLettersWithTheBell() {
        start("mkwpar");
        for (int i = 0; i < 10; i++) {
            key(Kind.DOWN);
        }
        String[] s = screen();
        assertThat(s[row(s, "  Prefix Length")]).endsWith("[]                      #");
        type("6x4");
        s = screen();
        assertThat(s[row(s, "  Prefix Length")]).contains("[64]");
        assertThat(ui.beeps).isEqualTo(1);
    }

    @Test
    void tabCyclesRingsAndBeepsElsewhere() {
        start("mkwpar");
        key(Kind.TAB);
        assertThat(ui.beeps).as("the name field is not a ring").isEqualTo(1);
        for (int i = 0; i < 4; i++) {
            key(Kind.DOWN);
        }
        key(Kind.TAB);
        String[] s = screen();
        assertThat(s[row(s, "  Copy Global Name Resolution Settings?")]).contains(" yes ");
        key(Kind.BACKTAB);
        s = screen();
        assertThat(s[row(s, "  Copy Global Name Resolution Settings?")]).contains(" no ");
        type("y");
        assertThat(ui.beeps).as("a ring cannot be typed into").isEqualTo(2);
    }

    @Test
    void f4ListPicksIntoTheFieldAndEnterRunsTheCommand() {
        start("mkwpar");
        sh("mkwpar -n w1");
        start("startwpar");
        key(Kind.LIST);
        String t = text();
        assertThat(t).contains("Workload Partition Name").contains("│   w1").contains("/=Find");
        key(Kind.ENTER);
        assertThat(screen()[6]).isEqualTo("* Workload Partition Name                            [w1]                    +");
        key(Kind.ENTER);
        String[] s = screen();
        assertThat(s[0]).isEqualTo("                                 COMMAND STATUS");
        assertThat(s[2]).isEqualTo("Command: OK            stdout: yes           stderr: no");
        key(Kind.CANCEL);
        assertThat(screen()[6]).as("F3 goes back to the dialog with its values")
                .isEqualTo("* Workload Partition Name                            [w1]                    +");
    }

    @Test
    void commandStatusShowsRunningFirst() {
        start("mkwpar");
        type("w2");
        c.handle(Action.of(Kind.ENTER), ui);
        String[] s = Screens.textOnly(Screens.render(c.scene(80, 24))).split("\n", -1);
        assertThat(s[2]).startsWith("Command: running");
        assertThat(c.poll()).isTrue();
        assertThat(screen()[2]).startsWith("Command: OK");
    }

    /** Issue 12, item 4: an application WPAR created from its dialog, then stopped from Stop and Remove. */
    @Test
    void anApplicationWparIsCreatedAndStoppedFromItsScreens() {
        start("simplewpar_app");
        type("web1");
        key(Kind.DOWN);
        type("/opt/app/bin/server -p 80");
        key(Kind.COMMAND);
        assertThat(text()).contains("wparexec -n 'web1' -- /opt/app/bin/server -p 80");
        key(Kind.CANCEL);
        c.handle(Action.of(Kind.ENTER), ui);
        String[] created = screen();
        assertThat(created[0].strip()).isEqualTo("COMMAND STATUS");
        assertThat(created[2]).isEqualTo("Command: OK            stdout: yes           stderr: no");
        assertThat(List.of(created).subList(6, 10)).containsExactly("Starting workload partition web1.",
                "Mounting all workload partition file systems.", "Loading workload partition.", "");
        start("stopwpar_app");
        type("web1");
        c.handle(Action.of(Kind.ENTER), ui);
        String[] stopped = screen();
        assertThat(stopped[2]).isEqualTo("Command: OK            stdout: yes           stderr: no");
        assertThat(List.of(stopped).subList(6, 10)).containsExactly("Stopping workload partition web1.",
                "Shutting down all workload partition processes.", "Unmounting all workload partition file systems.",
                "");
        start("lswpar_app");
        assertThat(screen()[2]).isEqualTo("Command: OK            stdout: no            stderr: no");
    }

    /** Issue 11, item 8: F4 on a field without a list and a search for nothing ring the bell. */
    @Test
    void keysThatCannotDoAnythingRingTheBell() {
        start("mkwpar");
        key(Kind.LIST);
        assertThat(ui.beeps).as("F4 on the name, which has no list").isEqualTo(1);
        assertThat(text()).doesNotContain("┌");
        start(null);
        c.handle(Action.ch('/'), ui);
        key(Kind.ENTER);
        assertThat(ui.beeps).as("/ with nothing typed").isEqualTo(2);
        c.handle(Action.ch('n'), ui);
        assertThat(ui.beeps).as("n with nothing to find").isEqualTo(3);
    }

    /**
     * Issue 11, item 7: Page Down moves a whole page every time, also when it comes before the
     * dialog was drawn (keys typed ahead), and the cursor keeps its place on the screen.
     */
    @Test
    void pageDownMovesAPageEveryTime() {
        start("createwpar_sys");
        screen();
        c.handle(Action.of(Kind.DOWN), ui);
        c.handle(Action.of(Kind.ENTER), ui);
        c.handle(Action.of(Kind.PGDN), ui); // before any frame of the dialog
        String[] s = screen();
        assertThat(s[5]).startsWith("[MORE...13]");
        assertThat(s[6]).startsWith("  Device Exports File");
        assertThat(lastScreen).contains("~~~~ cursor 54,6");
        List<String> firstRows = new ArrayList<>(List.of(s[6]));
        for (int i = 0; i < 2; i++) {
            key(Kind.PGDN);
            s = screen();
            firstRows.add(s[6]);
            assertThat(lastScreen).as("the cursor stays on the first row").contains("~~~~ cursor 54,6");
        }
        assertThat(firstRows).containsExactly("  Device Exports File                                []                      /",
                "      Directory (mount point) in WPAR                []                      /",
                "      Memory Percentage Limits                       []");
        key(Kind.PGUP);
        assertThat(screen()[6]).isEqualTo("      Directory (mount point) in WPAR                []                      /");
    }

    @Test
    void menusMoveScrollAndFind() {
        start(null);
        String[] s = screen();
        assertThat(s[4]).isEqualTo("[TOP]");
        key(Kind.PGDN);
        s = screen();
        assertThat(s[4]).startsWith("[MORE...");
        key(Kind.HOME);
        key(Kind.END);
        assertThat(Screens.render(c.scene(80, 24))).contains("\"Using SMIT (information only)\"");
        key(Kind.HOME);
        c.handle(Action.ch('/'), ui);
        assertThat(text()).contains("FIND").contains("Type the text to find and press Enter.");
        type("workload");
        key(Kind.ENTER);
        assertThat(Screens.render(c.scene(80, 24))).contains("\"Workload Partition Administration\"");
        assertThat(ui.beeps).isZero();
        c.handle(Action.ch('/'), ui);
        type("nothing like this");
        key(Kind.ENTER);
        assertThat(ui.beeps).isEqualTo(1);
        key(Kind.ENTER);
        assertThat(screen()[0]).isEqualTo("                       Workload Partition Administration");
    }

    @Test
    void outputScrollsAndFindMarksTheLine() {
        start("mkwpar");
        type("w3");
        key(Kind.ENTER);
        // issue 11, item 3: the output of a finished command opens at its top, headings in view
        String[] s = screen();
        assertThat(s[6]).isEqualTo("[TOP]");
        assertThat(s[7]).isEqualTo("mkwpar: Creating file systems...");
        assertThat(s[19]).startsWith("[MORE...");
        key(Kind.END);
        assertThat(screen()[19]).isEqualTo("[BOTTOM]");
        key(Kind.HOME);
        assertThat(screen()[6]).isEqualTo("[TOP]");
        c.handle(Action.ch('/'), ui);
        type("created successfully");
        key(Kind.ENTER);
        String dump = Screens.render(c.scene(80, 24));
        assertThat(dump).contains("\"Workload partition w3 created successfully.\"");
        assertThat(ui.beeps).isZero();
        key(Kind.PGUP);
        c.handle(Action.ch('n'), ui);
        assertThat(Screens.render(c.scene(80, 24))).contains("\"Workload partition w3 created successfully.\"");
    }

    @Test
    void f7EditsALongValueInABox() {
        start("mkwpar");
        c.handle(Action.of(Kind.EDIT), ui);
        assertThat(text()).contains("Workload Partition Name").contains("Change the value and press Enter.");
        type("w4");
        key(Kind.ENTER);
        assertThat(screen()[6]).isEqualTo("* Workload Partition Name                            [w4]");
        for (int i = 0; i < 4; i++) {
            key(Kind.DOWN);
        }
        key(Kind.EDIT);
        assertThat(ui.beeps).as("F7 on a ring").isEqualTo(1);
    }

    @Test
    void helpScrollsAndClosesWithEnter() {
        start("mkwpar");
        key(Kind.HELP);
        assertThat(text()).contains("Workload Partition Name");
        key(Kind.DOWN);
        key(Kind.ENTER);
        assertThat(text()).doesNotContain("┌");
    }

    @Test
    void imageGoesToSmitLogAndNamesTheFastPath() throws IOException {
        start("wpar");
        key(Kind.IMAGE);
        assertThat(text()).contains("SCREEN IMAGE").contains("Fast path to this screen: wpar");
        String log = Files.readString(dir.resolve("smit.log"));
        assertThat(log).contains("                       Workload Partition Administration")
                .contains("F9=Shell            F10=Exit            Enter=Do");
    }

    @Test
    void shellOnlyFromAFullScreen() {
        start("mkwpar");
        key(Kind.SHELL);
        assertThat(ui.shells).isEqualTo(1);
        key(Kind.HELP);
        key(Kind.SHELL);
        assertThat(ui.shells).isEqualTo(1);
        assertThat(ui.beeps).isEqualTo(1);
        key(Kind.CANCEL);
        ui.shellWorks = false;
        key(Kind.SHELL);
        assertThat(ui.beeps).as("SMIT_SHELL=n: no shell").isEqualTo(2);
    }

    @Test
    void ctrlCCancelsF3FromTheFirstScreenAndF10Exit() throws IOException {
        start("wpar");
        key(Kind.DOWN);
        key(Kind.ENTER);
        assertThat(screen()[0]).isEqualTo("                     Administer SYSTEM Workload Partitions");
        assertThat(key(Kind.INTERRUPT)).isEqualTo(Controller.Outcome.CONTINUE);
        assertThat(screen()[0]).isEqualTo("                       Workload Partition Administration");
        assertThat(key(Kind.CANCEL)).isEqualTo(Controller.Outcome.EXIT);
        assertThat(c.exitCode()).isZero();
        start("wpar");
        assertThat(key(Kind.EXIT)).isEqualTo(Controller.Outcome.EXIT);
        assertThat(Files.readString(dir.resolve("smit.log"))).contains("Exiting SMIT");
    }

    @Test
    void unknownFastPathEndsWithStatusOne() {
        start("nosuch");
        String t = text();
        assertThat(t).contains("ERROR MESSAGE").contains("The fast path \"nosuch\" is not defined.");
        assertThat(key(Kind.ENTER)).isEqualTo(Controller.Outcome.EXIT);
        assertThat(c.exitCode()).isEqualTo(1);
    }

    @Test
    void theStartUpCacheTrainingDrivesEveryKindOfScreen() throws IOException {
        start(null);
        Tui.train(session, Map.of(), dir.resolve("frame"), Tui.TRAIN_MENUS);
        assertThat(session.finished()).isTrue();
        String log = Files.readString(dir.resolve("smit.log"));
        assertThat(log).contains("title    = \"List All Workload Partitions\"")
                .contains("title    = \"Create a System Workload Partition\"").contains("Exiting SMIT");
    }

    @Test
    void closeEndsTheSessionInTheLog() throws IOException {
        start("wpar");
        screen();
        c.close();
        assertThat(Files.readString(dir.resolve("smit.log"))).contains("Exiting SMIT");
    }
}
