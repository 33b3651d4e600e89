package smittywpar.tui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import smittywpar.msg.Messages;
import smittywpar.tui.FieldView.Kind;

/**
 * Sample view records for screen tests: SMIT-looking data, not a menu model. The fixed texts
 * (instructions, legends, titles) come from the catalogue, as the smit session hands them over.
 */
final class Fixtures {
    private Fixtures() {
    }

    static List<String> lines(String key, Object... args) {
        return Arrays.asList(Messages.get(key, args).split("\n", -1));
    }

    static List<String> legend(String kind) {
        return Arrays.asList(Messages.get("smit.legend." + kind).split("\\|"));
    }

    static MessagePopupView message(String title, List<String> body, int top) {
        return new MessagePopupView(title, body, top, legend("popup"));
    }

    static MenuView wparMenu(int cursor) {
        return new MenuView("Workload Partition Administration", lines("smit.menu.instructions"), List.of(
                MenuView.Item.of("Administer SYSTEM Workload Partitions"),
                MenuView.Item.of("Administer APPLICATION Workload Partitions"),
                MenuView.Item.info(""),
                MenuView.Item.of("Work with Workload Partition Backups")), cursor, 0, legend("menu"));
    }

    static MenuView longMenu(int cursor, int top) {
        String[] texts = {"Software Installation and Maintenance", "Software License Management",
            "Manage Editions", "Devices", "System Storage Management (Physical & Logical Storage)",
            "Security & Users", "Communications Applications and Services", "Workload Partition Administration",
            "Print Spooling", "Advanced Accounting", "Problem Determination",
            "Performance & Resource Scheduling", "System Environments", "Processes & Subsystems", "Applications",
            "Installation Assistant", "Electronic Service Agent", "Cluster Systems Management",
            "Using SMIT (information only)"};
        List<MenuView.Item> items = new ArrayList<>();
        for (String t : texts) {
            items.add(MenuView.Item.of(t));
        }
        return new MenuView("System Management", lines("smit.menu.instructions"), items, cursor, top, legend("menu"));
    }

    static FieldView text(String label, String value, String marker) {
        return new FieldView(label, 0, false, Kind.TEXT, value, marker, 0);
    }

    static FieldView ring(String label, String value) {
        return new FieldView(label, 0, false, Kind.FIXED, value, "+", 0);
    }

    /** A create dialog long enough to scroll on 80x24. */
    static List<FieldView> createFields() {
        return List.of(
                new FieldView("Workload Partition Name", 0, true, Kind.TEXT, "", "", 25),
                text("HOSTNAME", "", ""),
                text("Base Directory", "", "/"),
                text("Default Volume group name", "", "+"),
                ring("Copy Global Name Resolution Settings?", "no"),
                text("User Script", "", "/"),
                FieldView.info(""),
                FieldView.info("Network INTERFACE and ADDRESS"),
                new FieldView("Network INTERFACE", 1, false, Kind.TEXT, "", "+", 0),
                new FieldView("Internet ADDRESS (dotted decimal)", 1, false, Kind.TEXT, "", "", 0),
                new FieldView("Network MASK", 1, false, Kind.TEXT, "", "", 0),
                new FieldView("IPv6 ADDRESS (colon delimited)", 1, false, Kind.TEXT, "", "", 0),
                new FieldView("Prefix Length", 1, false, Kind.NUMERIC, "", "#", 0),
                ring("WPAR-Specific Routing?", "no"),
                ring("Start Workload Partition?", "no"),
                ring("Start at system boot?", "no"),
                ring("Automatically RESOLVE conflicts?", "no"),
                ring("Checkpointable?", "no"),
                new FieldView("MAXIMUM NUMBER of PHYSICAL VOLUMES to use for allocation in the group", 0, false,
                        Kind.NUMERIC, "32", "#", 0),
                new FieldView("Resource control attributes (CPU shares, memory limits and more)", 0, false,
                        Kind.TEXT, "active=yes shares_CPU=10 CPU=5%-10%,20% memory=6%-20%,30%", "", 0));
    }

    static DialogView createDialog(int cursor, int caret, int hscroll, int top) {
        return dialog("Create a System Workload Partition", createFields(), cursor, top, caret, hscroll);
    }

    static DialogView dialog(String title, List<FieldView> fields, int cursor, int top, int caret, int hscroll) {
        return new DialogView(title, lines("smit.dialog.instructions"), Messages.get("smit.entryfields"), fields,
                cursor, top, caret, hscroll, legend("dialog"));
    }

    static DialogView selector() {
        return new DialogView("Change / Show System Workload Partition Characteristics",
                lines("smit.selector.instructions"), Messages.get("smit.entryfields"),
                List.of(new FieldView("Workload Partition Name", 0, true, Kind.TEXT, "syswpar1", "+", 0)), 0, 0, 8, 0,
                legend("dialog"));
    }

    static OutputView output(String status, boolean stdout, boolean stderr, List<String> lines, int top, int mark) {
        return new OutputView(Messages.get("smit.output.title"), Messages.get("smit.status." + status), stdout, stderr,
                lines("smit.output.instructions"), lines, top, mark, legend("output"));
    }

    static OutputView output(String status, int lineCount, int top, int mark) {
        List<String> lines = new ArrayList<>();
        lines.add("mkwpar: Creating file systems...");
        for (int i = 1; i < lineCount; i++) {
            lines.add(String.format("    /wpars/syswpar1/fs%02d", i));
        }
        return output(status, true, false, lines, top, mark);
    }

    static ListPopupView wparList(boolean multi, int cursor, int top, int count) {
        List<ListPopupView.Item> items = new ArrayList<>();
        items.add(new ListPopupView.Item("#Name        State  Type", false, false));
        for (int i = 1; i <= count; i++) {
            items.add(new ListPopupView.Item(String.format("syswpar%-5d D      S", i), true, multi && i % 3 == 1));
        }
        return new ListPopupView("Workload Partition Name",
                lines(multi ? "smit.list.multi.instructions" : "smit.list.instructions"), items, cursor, top,
                legend(multi ? "listmulti" : "list"));
    }
}
