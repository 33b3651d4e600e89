package smittywpar.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import smittywpar.msg.Messages;
import smittywpar.tui.FieldView.Kind;

/** Every panel and pop-up type on an 80x24 virtual terminal, compared with golden text dumps. */
class ScreenGoldenTest {
    private static void golden(String name, Scene scene) {
        Screens.assertGolden(name, Screens.render(scene));
    }

    @Test
    void menu() {
        golden("menu", Scene.of(Fixtures.wparMenu(1)));
    }

    @Test
    void menuScrollsWithMarkers() {
        golden("menu-top", Scene.of(Fixtures.longMenu(0, 0)));
        golden("menu-middle", Scene.of(Fixtures.longMenu(16, 0)));
        golden("menu-bottom", Scene.of(Fixtures.longMenu(18, 0)));
    }

    @Test
    void dialogWithEveryFieldKind() {
        golden("dialog", Scene.of(Fixtures.createDialog(0, 0, 0, 0)));
    }

    @Test
    void dialogScrolledToTheEndWithAnOverflowingValue() {
        DialogView d = Fixtures.createDialog(19, 30, 0, 0);
        golden("dialog-bottom", Scene.of(d));
    }

    @Test
    void selector() {
        golden("selector", Scene.of(Fixtures.selector()));
    }

    @Test
    void commandStatusRunningOkFailed() {
        golden("output-running", Scene.of(Fixtures.output("running", 1, 0, -1)));
        golden("output-ok-scrolled", Scene.of(Fixtures.output("ok", 40, 10, 14)));
        List<String> lines = new ArrayList<>(List.of("rmwpar: 0960-419 Could not find a workload partition called"
                + " nosuch, and this line is long enough to wrap at the right edge of the screen."));
        golden("output-failed", Scene.of(Fixtures.output("failed", false, true, lines, 0, -1)));
    }

    @Test
    void listPopups() {
        DialogView under = Fixtures.createDialog(0, 0, 0, 0);
        golden("list-single", Scene.of(under, Fixtures.wparList(false, 2, 0, 3)));
        golden("list-multi-scrolled", Scene.of(under, Fixtures.wparList(true, 14, 0, 20)));
    }

    @Test
    void messagePopups() {
        DialogView under = Fixtures.createDialog(0, 0, 0, 0);
        golden("confirm", Scene.of(under,
                Fixtures.message(Messages.get("smit.confirm.title"), Fixtures.lines("smit.confirm.text"), 0)));
        golden("command", Scene.of(under, Fixtures.message(Messages.get("smit.showcmd.title"), List.of(
                Messages.get("smit.popup.return"), "", "mkwpar -n 'syswpar1' -h 'syswpar1.example.com' -N"
                        + " interface='en1' address='192.168.10.20' netmask='255.255.255.0' -s"), 0)));
        golden("error", Scene.of(under, Fixtures.message(Messages.get("smit.error.title"), List.of(
                Messages.get("smit.required", "Workload Partition Name"), "", Messages.get("smit.popup.return")), 0)));
        golden("image", Scene.of(Fixtures.wparMenu(0), Fixtures.message(Messages.get("smit.image.title"),
                Fixtures.lines("smit.image.text", "/home/admin/smit.log", "wpar"), 0)));
    }

    @Test
    void helpPopupScrolls() {
        List<String> help = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            help.add("Help line " + i + ": the name of the workload partition to create; it must be unique.");
        }
        golden("help-scrolled", Scene.of(Fixtures.createDialog(0, 0, 0, 0),
                Fixtures.message("Workload Partition Name", help, 3)));
    }

    @Test
    void entryPopups() {
        golden("find", Scene.of(Fixtures.output("ok", 40, 0, -1), new EntryPopupView(Texts.get("find.title"),
                Texts.get("find.instruction"), "fs2", 3, 0, Fixtures.legend("popup"))));
        String longValue = "active=yes shares_CPU=10 CPU=5%-10%,20% memory=6%-20%,30% totalProcesses=1024 "
                + "totalThreads=2048";
        golden("edit", Scene.of(Fixtures.createDialog(19, 0, 0, 0), new EntryPopupView(
                "Resource control attributes", Texts.get("edit.instruction"), longValue, longValue.length(), 0,
                Fixtures.legend("popup"))));
    }

    @Test
    void popupOverPopup() {
        golden("help-over-list", Scene.of(Fixtures.createDialog(0, 0, 0, 0), Fixtures.wparList(false, 1, 0, 3),
                Fixtures.message("Workload Partition Name", List.of("Select the workload partition."), 0)));
    }

    @Test
    void blankScreenBehindAStartError() {
        golden("blank-error", Scene.of(new BlankView("", List.of()), Fixtures.message(Messages.get("smit.error.title"),
                List.of(Messages.get("smit.noentries"), Messages.get("smit.fastpath.unknown", "nosuch"), "",
                        Messages.get("smit.popup.return")), 0)));
    }

    @Test
    void asciiBoxes() {
        Screens.assertGolden("list-ascii", Screens.render(
                Scene.of(Fixtures.createDialog(0, 0, 0, 0), Fixtures.wparList(false, 1, 0, 3)), 80, 24,
                Glyphs.ASCII));
    }

    @Test
    void smallerAndLargerTerminals() {
        Screens.assertGolden("too-small-40x12", Screens.render(Scene.of(Fixtures.wparMenu(0)), 40, 12,
                Glyphs.UNICODE));
        Screens.assertGolden("menu-80x16", Screens.render(Scene.of(Fixtures.longMenu(3, 0)), 80, 16,
                Glyphs.UNICODE));
        Screens.assertGolden("dialog-100x30", Screens.render(Scene.of(Fixtures.createDialog(4, 0, 0, 0)), 100, 30,
                Glyphs.UNICODE));
    }

    /** The verbatim capture of a real AIX dialog (smit-ui.md section 2.4), field rows and legend. */
    @Test
    void matchesTheAixDialogCapture() {
        List<FieldView> fields = List.of(
                new FieldView("CULTURAL convention to install", 0, false, Kind.FIXED, "", "+", 0),
                new FieldView("LANGUAGE translation to install", 0, false, Kind.FIXED, "", "+", 0),
                new FieldView("INPUT device/directory for software", 0, true, Kind.TEXT, "/dev/cd0", "+", 0),
                new FieldView("EXTEND file systems if space needed?", 0, false, Kind.FIXED, "yes", "+", 0),
                FieldView.info(""),
                FieldView.info("WPAR Management"),
                new FieldView("Perform Operation in Global Environment", 1, false, Kind.FIXED, "yes", "+", 0),
                new FieldView("Perform Operation on Detached WPARs", 1, false, Kind.FIXED, "no", "+", 0),
                new FieldView("Detached WPAR Names", 2, false, Kind.TEXT, "_all_wpars", "+", 0),
                new FieldView("Remount Installation Device in WPARs", 1, false, Kind.FIXED, "yes", "+", 0),
                new FieldView("Alternate WPAR Installation Device", 1, false, Kind.TEXT, "", "", 0));
        String screen = Screens.textOnly(Screens.render(Scene.of(Fixtures.dialog(
                "Add Additional Language Environments", fields, 2, 0, 0, 0))));
        String capture = String.join("\n",
                "                      Add Additional Language Environments",
                "",
                "Type or select values in entry fields.",
                "Press Enter AFTER making all desired changes.",
                "",
                "                                                        [Entry Fields]",
                "  CULTURAL convention to install                                             +",
                "  LANGUAGE translation to install                                            +",
                "* INPUT device/directory for software                [/dev/cd0]              +",
                "  EXTEND file systems if space needed?                yes                    +",
                "",
                "  WPAR Management",
                "      Perform Operation in Global Environment         yes                    +",
                "      Perform Operation on Detached WPARs             no                     +",
                "          Detached WPAR Names                        [_all_wpars]            +",
                "      Remount Installation Device in WPARs            yes                    +",
                "      Alternate WPAR Installation Device             []",
                "", "", "", "",
                "F1=Help             F2=Refresh          F3=Cancel           F4=List",
                "F5=Reset            F6=Command          F7=Edit             F8=Image",
                "F9=Shell            F10=Exit            Enter=Do", "");
        // The capture's title sits 3 columns further left (its indentation was trimmed by hand);
        // the title here follows the centring rule measured on the other captures.
        assertThat(screen).isEqualTo(capture);
    }

    /** The verbatim COMMAND STATUS capture (smit-ui.md section 2.7): status columns, notice, markers, legend. */
    @Test
    void matchesTheAixCommandStatusCapture() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 54; i++) {
            lines.add("output line " + i);
        }
        String[] rows = Screens.textOnly(Screens.render(Scene.of(
                Fixtures.output("ok", true, false, lines, 0, -1)))).split("\n", -1);
        assertThat(rows[0]).isEqualTo("                                 COMMAND STATUS");
        assertThat(rows[2]).isEqualTo("Command: OK            stdout: yes           stderr: no");
        assertThat(rows[4]).isEqualTo("Before command completion, additional instructions may appear below.");
        assertThat(rows[6]).isEqualTo("[TOP]");
        assertThat(rows[19]).isEqualTo("[MORE...42]");
        assertThat(rows[21]).isEqualTo("F1=Help             F2=Refresh          F3=Cancel           F6=Command");
        assertThat(rows[22]).isEqualTo("F8=Image            F9=Shell            F10=Exit            /=Find");
        assertThat(rows[23]).isEqualTo("n=Find Next");
    }
}
