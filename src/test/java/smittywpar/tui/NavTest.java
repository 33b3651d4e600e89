package smittywpar.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import smittywpar.tui.Action.Kind;

/** Moving, paging, typing and finding on each kind of screen, checked on the rendered screen. */
class NavTest {
    private static Action k(Kind kind) {
        return Action.of(kind);
    }

    private static void type(DialogNav nav, String s) {
        for (char c : s.toCharArray()) {
            nav.handle(Action.ch(c));
        }
    }

    private static String[] screen(Panel p, Popup... popups) {
        return Screens.textOnly(Screens.render(Frame.of(p, popups))).split("\n", -1);
    }

    // ---- menus -------------------------------------------------------------------------------

    @Test
    void menuCursorSkipsInfoLinesAndOpensWithEnter() {
        MenuNav nav = new MenuNav("Workload Partition Administration", Fixtures.wparMenu(0).items(), 0);
        nav.view(24);
        nav.handle(k(Kind.DOWN));
        assertThat(nav.cursor()).isEqualTo(1);
        nav.handle(k(Kind.DOWN));
        assertThat(nav.cursor()).as("the blank line 2 is skipped").isEqualTo(3);
        nav.handle(k(Kind.DOWN));
        assertThat(nav.cursor()).as("stays on the last item").isEqualTo(3);
        assertThat(nav.handle(k(Kind.ENTER))).isEqualTo(Intent.of(Intent.Kind.OPEN, 3));
        assertThat(nav.handle(k(Kind.CANCEL)).kind()).isEqualTo(Intent.Kind.PASS);
        assertThat(nav.handle(Action.ch('x')).kind()).isEqualTo(Intent.Kind.BEEP);
    }

    @Test
    void menuPagesAndScrolls() {
        MenuNav nav = new MenuNav("System Management", Fixtures.longMenu(0, 0).items(), 0);
        nav.view(24);
        nav.handle(k(Kind.PGDN));
        String[] s = screen(nav.view(24));
        assertThat(nav.cursor()).isEqualTo(15);
        assertThat(s[4]).isEqualTo("[MORE...4]");
        assertThat(s[20]).isEqualTo("[BOTTOM]");
        nav.handle(k(Kind.HOME));
        s = screen(nav.view(24));
        assertThat(nav.cursor()).isZero();
        assertThat(s[4]).isEqualTo("[TOP]");
        assertThat(s[5]).isEqualTo("  Software Installation and Maintenance");
        nav.handle(k(Kind.END));
        assertThat(nav.cursor()).isEqualTo(18);
    }

    @Test
    void menuFindMovesToTheNextMatchAndWraps() {
        MenuNav nav = new MenuNav("System Management", Fixtures.longMenu(0, 0).items(), 0);
        assertThat(nav.handle(Action.ch('/')).kind()).isEqualTo(Intent.Kind.FIND);
        assertThat(nav.find("workload")).isTrue();
        assertThat(nav.cursor()).isEqualTo(7);
        assertThat(nav.find("software")).isTrue();
        assertThat(nav.cursor()).as("wraps round to the top").isEqualTo(0);
        assertThat(nav.find("no such item")).isFalse();
        assertThat(nav.cursor()).isEqualTo(0);
    }

    // ---- dialogs -----------------------------------------------------------------------------

    @Test
    void typingEditsTheFieldAndReportsEveryChange() {
        DialogNav nav = new DialogNav("Create", false, Fixtures.createFields(), 0);
        List<Intent> seen = new ArrayList<>();
        for (char c : "w1".toCharArray()) {
            seen.add(nav.handle(Action.ch(c)));
        }
        assertThat(seen).containsExactly(new Intent(Intent.Kind.CHANGED, 0, "w"), new Intent(Intent.Kind.CHANGED, 0,
                "w1"));
        nav.handle(k(Kind.HOME));
        nav.handle(Action.ch('s'));
        nav.handle(k(Kind.END));
        nav.handle(k(Kind.BACKSPACE));
        nav.handle(k(Kind.LEFT));
        assertThat(nav.handle(k(Kind.DELETE))).isEqualTo(new Intent(Intent.Kind.CHANGED, 0, "s"));
        String[] s = screen(nav.view(24));
        assertThat(s[6]).isEqualTo("* Workload Partition Name                            [s]");
    }

    @Test
    void numericFieldsTakeDigitsAndOneLeadingSign() {
        DialogNav nav = new DialogNav("Create", false, Fixtures.createFields(), 12);
        assertThat(nav.cursor()).isEqualTo(12);
        assertThat(nav.handle(Action.ch('x')).kind()).isEqualTo(Intent.Kind.BEEP);
        assertThat(nav.handle(Action.ch('-')).kind()).isEqualTo(Intent.Kind.CHANGED);
        assertThat(nav.handle(Action.ch('-')).kind()).isEqualTo(Intent.Kind.BEEP);
        assertThat(nav.handle(Action.ch('6')).text()).isEqualTo("-6");
        assertThat(nav.handle(Action.ch('4')).text()).isEqualTo("-64");
        assertThat(nav.handle(Action.ch(' ')).kind()).isEqualTo(Intent.Kind.BEEP);
    }

    @Test
    void hexFieldsTakeHexDigitsOnly() {
        FieldView hex = new FieldView("MASK", 0, false, FieldView.Kind.HEX, "", "X", 4);
        DialogNav nav = new DialogNav("Hex", false, List.of(hex), 0);
        type(nav, "0fAgz9");
        assertThat(nav.view(24).fields().get(0).value()).isEqualTo("0fA9");
        assertThat(nav.handle(Action.ch('1')).kind()).as("size limit of 4").isEqualTo(Intent.Kind.BEEP);
    }

    @Test
    void ringAndDisplayOnlyFieldsAreNotTyped() {
        DialogNav nav = new DialogNav("Create", false, Fixtures.createFields(), 4);
        assertThat(nav.handle(Action.ch('y')).kind()).isEqualTo(Intent.Kind.BEEP);
        assertThat(nav.handle(k(Kind.TAB))).isEqualTo(Intent.of(Intent.Kind.RING_NEXT, 4));
        assertThat(nav.handle(k(Kind.BACKTAB))).isEqualTo(Intent.of(Intent.Kind.RING_PREV, 4));
        assertThat(nav.handle(k(Kind.LIST))).isEqualTo(Intent.of(Intent.Kind.LIST, 4));
        assertThat(nav.handle(k(Kind.ENTER)).kind()).isEqualTo(Intent.Kind.RUN);
        assertThat(nav.handle(k(Kind.LEFT)).kind()).isEqualTo(Intent.Kind.NONE);
    }

    @Test
    void cursorSkipsInfoRowsAndTheDialogScrolls() {
        DialogNav nav = new DialogNav("Create", false, Fixtures.createFields(), 5);
        nav.view(24);
        nav.handle(k(Kind.DOWN));
        assertThat(nav.cursor()).as("rows 6 and 7 are information rows").isEqualTo(8);
        for (int i = 0; i < 10; i++) {
            nav.handle(k(Kind.DOWN));
        }
        String[] s = screen(nav.view(24));
        assertThat(nav.cursor()).isEqualTo(18);
        assertThat(s[5]).startsWith("[MORE...");
        assertThat(s[17]).startsWith("  MAXIMUM NUMBER of PHYSICAL VOLUMES to use for      [32]");
        assertThat(s[18]).isEqualTo("  allocation in the group");
        nav.handle(k(Kind.PGUP));
        nav.handle(k(Kind.PGUP));
        assertThat(nav.cursor()).isZero();
        assertThat(screen(nav.view(24))[5]).startsWith("[TOP]");
    }

    @Test
    void longValuesScrollInsideTheBracketsWithOverflowMarks() {
        DialogNav nav = new DialogNav("Create", false, Fixtures.createFields(), 1);
        type(nav, "a-very-long-host-name.example.com");
        String[] s = screen(nav.view(24));
        assertThat(s[7]).isEqualTo("  HOSTNAME                                           <host-name.example.com]");
        nav.handle(k(Kind.HOME));
        s = screen(nav.view(24));
        assertThat(s[7]).isEqualTo("  HOSTNAME                                           [a-very-long-host-name.>");
        nav.handle(k(Kind.DOWN));
        s = screen(nav.view(24));
        assertThat(s[7]).as("a field without the cursor shows its start")
                .isEqualTo("  HOSTNAME                                           [a-very-long-host-name.>");
    }

    @Test
    void updateFromTheSessionKeepsTheCursor() {
        DialogNav nav = new DialogNav("Create", false, Fixtures.createFields(), 4);
        List<FieldView> changed = new ArrayList<>(Fixtures.createFields());
        changed.set(4, changed.get(4).withValue("yes"));
        nav.update(changed);
        String[] s = screen(nav.view(24));
        assertThat(nav.cursor()).isEqualTo(4);
        assertThat(s[10]).isEqualTo("  Copy Global Name Resolution Settings?               yes                    +");
    }

    // ---- lists -------------------------------------------------------------------------------

    @Test
    void singleSelectListPicksTheCursorItemAndSkipsHeadings() {
        ListNav nav = new ListNav("Workload Partition Name", false,
                List.of("#Name   State", "w1      D", "w2      A"), List.of());
        assertThat(nav.view(24).cursor()).as("the heading cannot be chosen").isEqualTo(1);
        nav.handle(k(Kind.UP));
        assertThat(nav.view(24).cursor()).isEqualTo(1);
        nav.handle(k(Kind.DOWN));
        assertThat(nav.handle(k(Kind.ENTER)).kind()).isEqualTo(Intent.Kind.PICK);
        assertThat(nav.chosen()).containsExactly(2);
        assertThat(nav.handle(k(Kind.EDIT)).kind()).as("F7 marks only in multi-select").isEqualTo(Intent.Kind.BEEP);
    }

    @Test
    void multiSelectMarksWithF7AndShowsTheMarks() {
        ListNav nav = new ListNav("Disks", true, List.of("hdisk1", "hdisk2", "hdisk3"), List.of(2));
        nav.handle(k(Kind.EDIT));
        String[] s = screen(Fixtures.createDialog(0, 0, 0, 0), nav.view(24));
        String joined = String.join("\n", s);
        assertThat(joined).contains(" │ > hdisk1", " │   hdisk2", " │ > hdisk3");
        assertThat(nav.chosen()).containsExactly(0, 2);
        nav.handle(k(Kind.EDIT));
        assertThat(nav.chosen()).containsExactly(2);
    }

    @Test
    void listFindAndFindNext() {
        List<String> items = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            items.add("wpar" + i);
        }
        ListNav nav = new ListNav("Workload Partition Name", false, items, List.of());
        assertThat(nav.handle(Action.ch('/')).kind()).isEqualTo(Intent.Kind.FIND);
        assertThat(nav.find("2")).isTrue();
        assertThat(nav.view(24).cursor()).isEqualTo(1);
        assertThat(nav.handle(Action.ch('n')).kind()).isEqualTo(Intent.Kind.FIND_NEXT);
        assertThat(nav.find("2")).isTrue();
        assertThat(nav.view(24).cursor()).isEqualTo(11);
        assertThat(nav.find("25")).isTrue();
        ListPopupView v = nav.view(24);
        assertThat(v.cursor()).isEqualTo(24);
        String[] s = screen(Fixtures.createDialog(0, 0, 0, 0), v);
        assertThat(String.join("\n", s)).contains("wpar25").contains("[MORE...");
    }

    // ---- output ------------------------------------------------------------------------------

    @Test
    void pagerFollowsTheOutputUntilTheUserScrolls() {
        Pager p = new Pager(true);
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            out.add("line " + i);
        }
        p.set(out);
        String[] s = screen(p.view(OutputView.Status.RUNNING, true, false, 80, 24));
        assertThat(s[2]).startsWith("Command: running");
        assertThat(s[18]).isEqualTo("line 30");
        assertThat(s[19]).isEqualTo("[BOTTOM]");
        p.handle(k(Kind.HOME));
        s = screen(p.view(OutputView.Status.OK, true, false, 80, 24));
        assertThat(s[6]).isEqualTo("[TOP]");
        assertThat(s[7]).isEqualTo("line 1");
        p.handle(k(Kind.PGDN));
        s = screen(p.view(OutputView.Status.OK, true, false, 80, 24));
        assertThat(s[7]).isEqualTo("line 13");
    }

    @Test
    void pagerFindShowsTheHitOnTheTopRowInReverseVideo() {
        Pager p = new Pager(false);
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            out.add(i == 15 || i == 38 ? "0960-419 Could not find " + i : "line " + i);
        }
        p.set(out);
        p.view(OutputView.Status.FAILED, true, true, 80, 24);
        assertThat(p.find("0960")).isTrue();
        String dump = Screens.render(Frame.of(p.view(OutputView.Status.FAILED, true, true, 80, 24)));
        assertThat(dump).contains("row 7: cols 0-25 \"0960-419 Could not find 15\"");
        assertThat(p.find("0960")).isTrue();
        dump = Screens.render(Frame.of(p.view(OutputView.Status.FAILED, true, true, 80, 24)));
        assertThat(dump).as("near the end the hit cannot be on the top row but is shown")
                .contains("row 16: cols 0-25 \"0960-419 Could not find 38\"").contains("[BOTTOM]");
        assertThat(p.find("nothing like this")).isFalse();
    }

    // ---- text and entry pop-ups --------------------------------------------------------------

    @Test
    void textPopupScrollsAndEnterIsDone() {
        List<String> body = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            body.add("help " + i);
        }
        TextNav nav = new TextNav("Help", body);
        assertThat(nav.view(24).top()).isZero();
        nav.handle(k(Kind.PGDN));
        assertThat(nav.view(24).top()).isEqualTo(15);
        nav.handle(k(Kind.END));
        assertThat(nav.view(24).top()).isEqualTo(25);
        assertThat(nav.handle(k(Kind.ENTER)).kind()).isEqualTo(Intent.Kind.DONE);
        assertThat(nav.handle(k(Kind.CANCEL)).kind()).isEqualTo(Intent.Kind.PASS);
    }

    @Test
    void entryPopupReturnsTheTypedText() {
        EntryNav nav = EntryNav.find();
        for (char c : "fs1x".toCharArray()) {
            nav.handle(Action.ch(c));
        }
        nav.handle(k(Kind.BACKSPACE));
        assertThat(nav.handle(k(Kind.ENTER))).isEqualTo(new Intent(Intent.Kind.DONE, -1, "fs1"));
        EntryNav num = EntryNav.edit(new FieldView("Timeout", 0, false, FieldView.Kind.NUMERIC, "600", "#", 0));
        assertThat(num.handle(Action.ch('s')).kind()).isEqualTo(Intent.Kind.BEEP);
        assertThat(num.view().value()).isEqualTo("600");
    }
}
