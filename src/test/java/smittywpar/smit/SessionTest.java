package smittywpar.smit;

import static org.assertj.core.api.Assertions.assertThat;
import static smittywpar.smit.Harness.dialog;
import static smittywpar.smit.Harness.enterAndRun;
import static smittywpar.smit.Harness.field;
import static smittywpar.smit.Harness.fieldLine;
import static smittywpar.smit.Harness.output;
import static smittywpar.smit.Harness.outputText;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.cmd.Commands;

/** The session model driven headless through the screens a user would go through. */
class SessionTest {
    @TempDir
    Path dir;
    Harness h;

    @BeforeEach
    void setUp() {
        h = new Harness(dir);
    }

    // ---- acceptance: smitty mkwpar -> name -> Enter -> OK ------------------------------------------

    @Test
    void fastPathMkwparCreatesAWorkloadPartition() throws Exception {
        Session s = h.start("mkwpar");
        View v = s.view();
        assertThat(v.kind()).isEqualTo(View.Kind.DIALOG);
        assertThat(dialog(s).title()).isEqualTo("Create a System Workload Partition");
        assertThat(dialog(s).instructions()).containsExactly("Type or select values in entry fields.",
                "Press Enter AFTER making all desired changes.");
        assertThat(dialog(s).header()).isEqualTo("[Entry Fields]");
        assertThat(v.legend()).containsExactly("F1=Help", "F2=Refresh", "F3=Cancel", "F4=List", "F5=Reset",
                "F6=Command", "F7=Edit", "F8=Image", "F9=Shell", "F10=Exit", "Enter=Do");
        View.FieldLine name = dialog(s).fields().get(0);
        assertThat(name).isEqualTo(new View.FieldLine("Workload Partition Name", 0, true, View.Entry.TEXT, true, "",
                "", false, false, 25));
        assertThat(fieldLine(s, "Default Volume group name").marker()).isEqualTo("+");
        assertThat(fieldLine(s, "Base Directory").marker()).isEqualTo("/");
        assertThat(fieldLine(s, "Prefix Length").marker()).isEqualTo("#");
        assertThat(fieldLine(s, "Start Workload Partition?")).isEqualTo(new View.FieldLine(
                "Start Workload Partition?", 0, false, View.Entry.RING, false, "+", "no", false, false, 0));

        assertThat(s.setValue("w1")).isTrue();
        assertThat(s.command()).isEqualTo("mkwpar -n 'w1'");
        s.enter();
        assertThat(s.pending()).isTrue();
        assertThat(output(s).statusWord()).isEqualTo("running");
        s.runPending();
        View.OutputScreen o = output(s);
        assertThat(o.title()).isEqualTo("COMMAND STATUS");
        assertThat(o.status()).isEqualTo(View.Status.OK);
        assertThat(o.statusWord()).isEqualTo("OK");
        assertThat(o.stdout()).isTrue();
        assertThat(o.stderr()).isFalse();
        assertThat(o.instructions()).isEqualTo("Before command completion, additional instructions may appear below.");
        assertThat(outputText(s)).contains("Workload partition w1 created successfully.");
        assertThat(o.command()).isEqualTo("mkwpar -n 'w1'");
        assertThat(h.sh("lswpar -cqa name,state,hostname")).isEqualTo("w1:D:w1\n");
        assertThat(h.file(h.script)).isEqualTo("#\n#  [Nov 26 2026, 10:00:00]\n#\nmkwpar -n 'w1'\n\n");
        // F3 returns to the dialog with its values
        s.cancel();
        assertThat(dialog(s).fields().get(0).value()).isEqualTo("w1");
        assertThat(dialog(s).fields().get(0).changed()).isTrue();
    }

    @Test
    void enteringWithoutARequiredValueShowsAnErrorAndRunsNothing() {
        Session s = h.start("mkwpar");
        s.enter();
        View v = s.view();
        assertThat(v.kind()).isEqualTo(View.Kind.MESSAGE);
        assertThat(v.popup().title()).isEqualTo("ERROR MESSAGE");
        assertThat(((View.MessagePopup) v.popup()).lines()).containsExactly(
                "1800-102 Entry field \"Workload Partition Name\" requires a value.", "",
                "Press Enter or Cancel to return to the application.");
        assertThat(s.pending()).isFalse();
        s.enter();
        assertThat(s.view().kind()).isEqualTo(View.Kind.DIALOG);
        assertThat(h.sh("lswpar")).isEmpty();
    }

    @Test
    void aFailingCommandShowsFailedWithItsMessages() {
        Session s = h.start("mkwpar");
        s.setValue("w1");
        field(s, "Internet ADDRESS (dotted decimal)");
        s.setValue("10.9.9.9");
        assertThat(s.command()).isEqualTo("mkwpar -n 'w1' -N address='10.9.9.9'");
        enterAndRun(s);
        assertThat(output(s).status()).isEqualTo(View.Status.FAILED);
        assertThat(output(s).statusWord()).isEqualTo("failed");
        assertThat(output(s).stderr()).isTrue();
        assertThat(output(s).lines()).contains(new View.OutputLine(
                "mkwpar: 0960-033 10.9.9.9 is not in the network of any global interface; name the interface with interface=.",
                true));
        assertThat(h.sh("lswpar")).isEmpty();
    }

    // ---- acceptance: chwpar selector -> F4 -> pre-filled hostname -> change -> only that changes -----

    @Test
    void changeShowGeneralCharacteristicsWithChwpar() {
        Assumptions.assumeTrue(Commands.exists("chwpar"), "chwpar is not in this build yet");
        h.sh("mkwpar -n w1");
        h.sh("mkwpar -n w2");
        Session s = h.start("chwpar");
        assertThat(s.view().kind()).isEqualTo(View.Kind.SELECTOR);
        s.list();
        View.ListPopup list = (View.ListPopup) s.view().popup();
        assertThat(list.items()).extracting(View.ListLine::text).containsExactly("w1", "w2");
        s.enter();
        assertThat(dialog(s).fields().get(0).value()).isEqualTo("w1");
        s.enter();
        assertThat(dialog(s).title()).isEqualTo("Change / Show General Characteristics");
        assertThat(fieldLine(s, "Workload Partition Name").value()).isEqualTo("w1");
        assertThat(fieldLine(s, "HOSTNAME").value()).isEqualTo("w1");
        field(s, "HOSTNAME");
        s.setValue("newhost");
        assertThat(s.command()).isEqualTo("chwpar -h 'newhost' 'w1'");
        enterAndRun(s);
        assertThat(output(s).status()).as("%s", outputText(s)).isEqualTo(View.Status.OK);
        assertThat(h.sh("lswpar -cqa name,hostname")).isEqualTo("w1:newhost\nw2:w2\n");
    }

    /** Opens Change / Show General Characteristics of {@code name} through its selector. */
    private Session changeShow(String name) {
        Session s = h.start("chwpar");
        s.setValue(name);
        s.enter();
        assertThat(dialog(s).title()).isEqualTo("Change / Show General Characteristics");
        return s;
    }

    /**
     * Issue 11, item 1: fields that set and fields that clear run as two commands (chwpar cannot
     * mix -K with other changes): the -K line first, then the other changes; F6 shows both, both
     * are recorded, COMMAND STATUS shows each line before its output.
     */
    @Test
    void settingAndClearingTogetherRunAsAnUnsetLineThenASetLine() throws Exception {
        h.sh("mkwpar -n web01 -h webprod.lab -i");
        Session s = changeShow("web01");
        assertThat(fieldLine(s, "WPAR-Specific Routing?").value()).isEqualTo("yes");
        field(s, "Start at system boot?");
        s.ringNext();
        field(s, "WPAR-Specific Routing?");
        s.ringNext();
        field(s, "User Script");
        s.setValue("/etc/rc.web");
        assertThat(s.command()).isEqualTo("chwpar -K -i 'web01'\nchwpar -u '/etc/rc.web' -A 'web01'");
        s.showCommand();
        assertThat(((View.MessagePopup) s.view().popup()).lines()).containsExactly(
                "Press Enter or Cancel to return to the application.", "", "chwpar -K -i 'web01'",
                "chwpar -u '/etc/rc.web' -A 'web01'");
        s.cancel();
        enterAndRun(s);
        assertThat(output(s).status()).as("%s", outputText(s)).isEqualTo(View.Status.OK);
        assertThat(outputText(s)).containsExactly(">> chwpar -K -i 'web01'", ">> chwpar -u '/etc/rc.web' -A 'web01'");
        assertThat(output(s).stdout()).as("the command lines are smitty's, not output").isFalse();
        assertThat(output(s).command()).isEqualTo("chwpar -K -i 'web01'\nchwpar -u '/etc/rc.web' -A 'web01'");
        assertThat(h.sh("lswpar -cqa routing,auto,script web01")).isEqualTo("no:yes:/etc/rc.web\n");
        assertThat(h.file(h.script)).isEqualTo("#\n#  [Nov 26 2026, 10:00:00]\n#\nchwpar -K -i 'web01'\n\n"
                + "#\n#  [Nov 26 2026, 10:00:00]\n#\nchwpar -u '/etc/rc.web' -A 'web01'\n\n");
        assertThat(h.file(h.log)).contains(">> chwpar -K -i 'web01'\n").contains(">> chwpar -u '/etc/rc.web' -A 'web01'\n");
        // clearing only: one chwpar -K line, no empty chwpar after it
        s.cancel();
        s.cancel();
        Session again = changeShow("web01");
        field(again, "User Script");
        again.setValue("");
        field(again, "Start at system boot?");
        again.ringNext();
        assertThat(again.command()).isEqualTo("chwpar -K -u -A 'web01'");
        enterAndRun(again);
        assertThat(outputText(again)).isEmpty();
        assertThat(h.sh("lswpar -cqa auto,script web01")).isEqualTo("no:\n");
    }

    /** The repro of item 1 on a running WPAR: the -K line runs, the other fails; both are reported. */
    @Test
    void whenTheFirstLineRunsAndTheSecondFailsBothAreReported() {
        h.sh("mkwpar -n web01 -h webprod.lab -i");
        h.sh("startwpar web01");
        Session s = changeShow("web01");
        field(s, "Start at system boot?");
        s.ringNext();
        field(s, "WPAR-Specific Routing?");
        s.ringNext();
        field(s, "Checkpointable?");
        s.ringNext();
        assertThat(s.command()).isEqualTo("chwpar -K -i 'web01'\nchwpar -A -c 'web01'");
        enterAndRun(s);
        assertThat(output(s).status()).isEqualTo(View.Status.FAILED);
        assertThat(outputText(s)).startsWith(">> chwpar -K -i 'web01'", ">> chwpar -A -c 'web01'",
                "chwpar: 0960-301 Workload partition web01 must be in the Defined state to change whether it is checkpointable.");
        assertThat(h.sh("lswpar -cqa routing,auto,checkpointable web01")).isEqualTo("no:no:no\n");
    }

    /** A line that fails its command's own usage check runs nothing and is not recorded as run. */
    @Test
    void aCommandRefusedByItsUsageCheckIsNotRecordedInSmitScript() throws Exception {
        h.sh("mkwpar -n w1");
        h.sh("startwpar w1");
        Session s = h.start("stopwpar");
        s.setValue("w1");
        field(s, "Timeout (seconds)");
        s.setValue("30");
        field(s, "No timeout?");
        s.ringNext();
        enterAndRun(s);
        assertThat(output(s).status()).isEqualTo(View.Status.FAILED);
        assertThat(output(s).stderr()).isTrue();
        assertThat(outputText(s)).contains("Usage: stopwpar [-h | -F] [-r] [-t seconds | -N] [-v] wparName");
        assertThat(h.sh("lswpar -cqa state w1")).isEqualTo("A\n");
        assertThat(h.file(h.script)).isEmpty();
        assertThat(h.file(h.log)).contains(">> stopwpar -t '30' -N 'w1'\n")
                .contains("Usage: stopwpar [-h | -F] [-r] [-t seconds | -N] [-v] wparName\n---- end ----");
    }

    /**
     * Issue 11, item 2: the resource controls in Change / Show General Characteristics, as in the
     * Advanced create dialog, pre-filled from lswpar -cR; changed ones go out as -R attr=value,
     * cleared ones as chwpar -K -R attr.
     */
    @Test
    void resourceControlsAreShownAndChangedInTheGeneralDialog() {
        h.sh("mkwpar -n w1 -R shares_CPU=20 totalProcesses=512");
        Session s = changeShow("w1");
        List<String> labels = dialog(s).fields().stream().map(View.FieldLine::label).toList();
        Session adv = h.start("advancewpar_sys");
        List<String> advLabels = dialog(adv).fields().stream().map(View.FieldLine::label).toList();
        List<String> resources = advLabels.subList(advLabels.indexOf("Resource Controls"), advLabels.indexOf("Devices"));
        assertThat(resources).hasSize(17);
        assertThat(labels.subList(labels.indexOf("Resource Controls"), labels.indexOf("Resource Controls") + 17))
                .isEqualTo(resources);
        assertThat(fieldLine(s, "Active?").value()).isEqualTo("yes");
        assertThat(fieldLine(s, "CPU Shares").value()).isEqualTo("20");
        assertThat(fieldLine(s, "Total Processes").value()).isEqualTo("512");
        assertThat(fieldLine(s, "Total Threads").value()).isEmpty();
        assertThat(fieldLine(s, "CPU Percentage Limits").value()).isEmpty();
        assertThat(s.command()).as("nothing changed").isEqualTo("chwpar 'w1'");
        field(s, "CPU Percentage Limits");
        s.setValue("10%-50%,80%");
        field(s, "Total Processes");
        s.setValue("");
        field(s, "Active?");
        s.ringNext();
        assertThat(s.command()).isEqualTo("chwpar -K -R totalProcesses 'w1'\nchwpar -R active=no CPU='10%-50%,80%' 'w1'");
        enterAndRun(s);
        assertThat(output(s).status()).as("%s", outputText(s)).isEqualTo(View.Status.OK);
        assertThat(h.sh("lswpar -cqR -a active,shares_CPU,CPU,totalProcesses w1")).isEqualTo("no:20:10%-50%,80%:\n");
    }

    /** Item 2 on the application side: the resource controls wparexec takes, as the system dialog shows them. */
    @Test
    void theApplicationGeneralDialogShowsAndChangesResourceControlsToo() throws Exception {
        h.sh("wparexec -n app1 -R CPU=0%-30%,50% /opt/app/bin/server");
        Session s = h.start("chwpar_app");
        s.setValue("app1");
        s.enter();
        assertThat(dialog(s).title()).isEqualTo("Change / Show General Characteristics");
        assertThat(fieldLine(s, "CPU Percentage Limits").value()).isEqualTo("0%-30%,50%");
        assertThat(fieldLine(s, "Total Processes").value()).isEmpty();
        field(s, "CPU Percentage Limits");
        s.setValue("");
        field(s, "Total Processes");
        s.setValue("200");
        assertThat(s.command()).isEqualTo("chwpar -K -R CPU 'app1'\nchwpar -R totalProcesses='200' 'app1'");
        enterAndRun(s);
        assertThat(output(s).status()).as("%s", outputText(s)).isEqualTo(View.Status.OK);
        assertThat(h.sh("lswpar -cqR -a CPU,totalProcesses app1")).isEqualTo(":200\n");
    }

    /** Issue 11, item 5: a selector refuses a name that is not one of its own, at the selector. */
    @Test
    void selectorsCheckTheNameAgainstTheirOwnList() {
        h.sh("mkwpar -n web01");
        Session s = h.start("addfs_sys_sel");
        s.setValue("web01web01");
        s.enter();
        assertThat(s.view().kind()).isEqualTo(View.Kind.MESSAGE);
        assertThat(((View.MessagePopup) s.view().popup()).lines()).startsWith(
                "lswpar: 0960-419 Could not find a workload partition called web01web01.");
        s.enter();
        assertThat(s.view().kind()).as("back at the selector, the value kept").isEqualTo(View.Kind.SELECTOR);
        assertThat(dialog(s).fields().get(0).value()).isEqualTo("web01web01");
        s.setValue("web01");
        s.enter();
        assertThat(dialog(s).title()).isEqualTo("Add a File System to the Mount List");
        // the APPLICATION selector refuses a system workload partition
        Session a = h.start("chwpar_app");
        a.setValue("web01");
        a.enter();
        assertThat(((View.MessagePopup) a.view().popup()).lines()).startsWith(
                "1800-114 \"web01\" is not one of the values of the entry field \"Workload Partition Name\".",
                "Press F4 to list them.");
        a.enter();
        assertThat(a.view().kind()).isEqualTo(View.Kind.SELECTOR);
    }

    /** A selector without a verify command accepts only a value of its F4 list. */
    @Test
    void aSelectorWithoutVerifyTakesOnlyAValueOfItsList() {
        MenuTree t = MenuLoader.load(Trees.source("smit.yaml", """
                selectors:
                  - {id: sel, title: T, next: dlg, field: {label: Disk, required: +, list: lspv, list_mode: 1,
                     list_where: ['3=None']}}
                dialogs:
                  - {id: dlg, title: D, command: lspv, selector_only: yes}
                """));
        Session s = h.session(t, null);
        s.start("sel", (char) 0);
        s.setValue("hdisk0");
        s.enter();
        assertThat(((View.MessagePopup) s.view().popup()).lines()).startsWith(
                "1800-114 \"hdisk0\" is not one of the values of the entry field \"Disk\".");
        s.cancel();
        s.setValue("hdisk1");
        s.enter();
        assertThat(s.view().base().title()).isEqualTo("D");
    }

    /**
     * Issue 11, item 8: no silent no-ops. After a selector the cursor starts on the first field that
     * can be changed; F4 without a list and a search without a match say so (the front end beeps).
     */
    @Test
    void keysThatCannotDoAnythingSaySo() {
        h.sh("mkwpar -n w1");
        Session s = changeShow("w1");
        assertThat(dialog(s).fields().get(dialog(s).cursor()).label()).isEqualTo("NEW Workload Partition Name");
        assertThat(s.setValue("w2")).isTrue();
        assertThat(s.list()).as("F4 on a field without a list").isFalse();
        assertThat(s.view().popup()).isNull();
        field(s, "Start at system boot?");
        assertThat(s.list()).as("F4 on a ring").isTrue();
        s.cancel();
        Session m = h.start(null);
        assertThat(m.find("workload")).isTrue();
        assertThat(m.find("no such item")).isFalse();
        assertThat(m.find("")).isFalse();
        assertThat(m.findNext()).isFalse();
    }

    /** Issue 11, item 7: an entry field takes at most its AIX length; beyond it the value is refused. */
    @Test
    void entryFieldsHaveTheirAixLength() {
        Session s = h.start("mkwpar");
        assertThat(s.setValue("w".repeat(25))).isTrue();
        assertThat(s.setValue("w".repeat(26))).isFalse();
        assertThat(dialog(s).fields().get(0).value()).hasSize(25);
        field(s, "HOSTNAME");
        assertThat(s.setValue("h".repeat(255))).isTrue();
        assertThat(s.setValue("h".repeat(5000))).isFalse();
        field(s, "Internet ADDRESS (dotted decimal)");
        assertThat(s.setValue("192.168.100.100")).isTrue();
        assertThat(s.setValue("192.168.100.1000")).isFalse();
    }

    /**
     * Issue 11, item 10: smit.log and smit.script are stamped with the simulated host's clock and
     * time zone, as mount and lswpar -T show it, not with this machine's.
     */
    @Test
    void logsAreStampedWithTheHostsClockAndZone() throws Exception {
        h.env.remove("SMITTY_WPAR_CLOCK");
        h.sh("lswpar");
        Path hostFile = dir.resolve("state/host.cf");
        String host = java.nio.file.Files.readString(hostFile);
        assertThat(host).contains("\tclock = \"system\"").contains("\tutc_offset = \"-05:00\"");
        java.nio.file.Files.writeString(hostFile, host.replace("\tclock = \"system\"", "\tclock = \"2027-03-01 08:30:00\""));
        Session s = new Session(Harness.shipped(), new CommandRunner(h.env, dir),
                new SmitLog(h.log, h.script, SmitLog.clock(h.env), false), null);
        s.start("mkwpar", (char) 0);
        s.setValue("w1");
        enterAndRun(s);
        assertThat(h.file(h.script)).startsWith("#\n#  [Mar 01 2027, 08:30:00]\n#\nmkwpar -n 'w1'\n");
        assertThat(h.file(h.log)).startsWith("[Mar 01 2027, 08:30:00]\n        Starting SMIT");
        assertThat(new CommandRunner(h.env, dir).run(List.of("mount")).stdout()).as("mount shows the same clock")
                .contains("         /dev/hd4         /                jfs2   Mar 01 08:30 rw,log=/dev/hd8");
        // the host's own clock running: its zone (-05:00), whatever the zone of this machine
        java.nio.file.Files.writeString(hostFile, host);
        java.util.TimeZone saved = java.util.TimeZone.getDefault();
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Tokyo"));
            java.time.LocalDateTime before = java.time.OffsetDateTime.now(java.time.ZoneOffset.of("-05:00"))
                    .toLocalDateTime().withNano(0);
            java.time.LocalDateTime stamp = SmitLog.clock(h.env).get();
            assertThat(java.time.Duration.between(before, stamp).abs().toSeconds()).isLessThan(60);
        } finally {
            java.util.TimeZone.setDefault(saved);
        }
    }

    /**
     * smitty's screens start with smit.log held (the first screen does not wait for the host's
     * clock): nothing is written until the session first waits, then the same entries in the same
     * order as a session that wrote them at once; an entry with a time stamp of its own writes
     * what is held first.
     */
    @Test
    void aHeldLogWritesTheSameEntriesInTheSameOrder() throws Exception {
        h.env.remove("SMITTY_WPAR_CLOCK");
        h.sh("lswpar");
        Path hostFile = dir.resolve("state/host.cf");
        String host = java.nio.file.Files.readString(hostFile);
        java.nio.file.Files.writeString(hostFile, host.replace("\tclock = \"system\"", "\tclock = \"2027-03-01 08:30:00\""));
        Session plain = new Session(Harness.shipped(), new CommandRunner(h.env, dir),
                new SmitLog(h.log, h.script, SmitLog.clock(h.env), false), null);
        plain.start("wpar", (char) 0);
        plain.moveCursor(1);
        plain.enter();
        String expected = h.file(h.log);
        assertThat(expected).startsWith("[Mar 01 2027, 08:30:00]\n        Starting SMIT").contains("wpar");
        java.nio.file.Files.delete(h.log);

        SmitLog held = new SmitLog(h.log, h.script, SmitLog.clockLater(h.env), false);
        held.hold();
        Session s = new Session(Harness.shipped(), new CommandRunner(h.env, dir), held, null);
        s.start("wpar", (char) 0);
        s.moveCursor(1);
        s.enter();
        assertThat(h.log).doesNotExist();
        s.idle();
        long end = System.nanoTime() + 10_000_000_000L;
        while (!java.nio.file.Files.exists(h.log) && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertThat(h.file(h.log)).isEqualTo(expected);
        s.idle(); // nothing more
        assertThat(h.file(h.log)).isEqualTo(expected);

        // held again, ended before it ever waited: the exit (stamped) writes what is held first
        java.nio.file.Files.delete(h.log);
        Session plain2 = new Session(Harness.shipped(), new CommandRunner(h.env, dir),
                new SmitLog(h.log, h.script, SmitLog.clock(h.env), false), null);
        plain2.start("wpar", (char) 0);
        plain2.exit();
        String expected2 = h.file(h.log);
        assertThat(expected2).contains("Exiting SMIT");
        java.nio.file.Files.delete(h.log);
        SmitLog again = new SmitLog(h.log, h.script, SmitLog.clockLater(h.env), false);
        again.hold();
        Session t = new Session(Harness.shipped(), new CommandRunner(h.env, dir), again, null);
        t.start("wpar", (char) 0);
        t.exit();
        assertThat(h.file(h.log)).isEqualTo(expected2);
    }

    /** The same flow through a registered command: selector, F4, discovery, changed-only, state. */
    @Test
    void changeShowFlowWithDiscoveryOverARegisteredCommand() throws Exception {
        MenuTree t = MenuLoader.load(Trees.source("smit.yaml", """
                menus:
                  - {id: top_menu, title: System Management, items: [{text: Start, next: startsel}]}
                selectors:
                  - id: startsel
                    title: Start a Workload Partition
                    next: startdlg
                    field:
                      label: Workload Partition Name
                      required: +
                      list: lswpar -qca name
                dialogs:
                  - id: startdlg
                    title: Start a Workload Partition
                    command: startwpar
                    selector_only: yes
                    discover: lswpar -c -a name,state,hostname {_rawname}
                    fields:
                      - {label: Workload Partition Name, entry: none, required: y, prefix: --, discover: _rawname}
                      - {label: HOSTNAME, entry: none, discover: hostname}
                      - {label: State, entry: none, discover: state}
                      - {label: 'Start in MAINTENANCE mode?', ring: [no, yes], values: ['', -m]}
                      - {label: 'VERBOSE output?', ring: [no, yes], values: ['', -v]}
                """));
        Validator.validate(t);
        h.sh("mkwpar -n w1 -h host1");
        h.sh("mkwpar -n w2 -h host2");
        Session s = h.session(t, null);
        s.start("startsel", (char) 0);
        s.list();
        assertThat(s.view().kind()).isEqualTo(View.Kind.LIST);
        assertThat(((View.ListPopup) s.view().popup()).instructions())
                .containsExactly("Move cursor to desired item and press Enter.");
        s.moveCursor(1);
        s.enter();
        assertThat(dialog(s).fields().get(0).value()).isEqualTo("w2");
        s.enter();
        assertThat(dialog(s).fields()).extracting(View.FieldLine::value)
                .containsExactly("w2", "host2", "D", "no", "no");
        assertThat(dialog(s).fields()).extracting(View.FieldLine::changed)
                .containsExactly(false, false, false, false, false);
        assertThat(s.command()).isEqualTo("startwpar w2");
        field(s, "Start in MAINTENANCE mode?");
        s.ringNext();
        assertThat(fieldLine(s, "Start in MAINTENANCE mode?").value()).isEqualTo("yes");
        assertThat(s.command()).isEqualTo("startwpar -m w2");
        enterAndRun(s);
        assertThat(output(s).status()).as("%s", outputText(s)).isEqualTo(View.Status.OK);
        assertThat(h.sh("lswpar -cqa name,state")).isEqualTo("w1:D\nw2:M\n");
        assertThat(h.file(h.log)).contains("Command_to_Discover follows below:\n>> lswpar -c -a name,state,hostname w2\n"
                + "---- start ----\n#name:state:hostname\nw2:D:host2\n---- end ----");
    }

    @Test
    void discoveryFailureIsShownAndTheDialogIsNotOpened() {
        MenuTree t = MenuLoader.load(Trees.source("smit.yaml", """
                selectors:
                  - {id: sel, title: T, next: dlg, field: {label: Name, required: +}}
                dialogs:
                  - id: dlg
                    title: D
                    command: startwpar
                    selector_only: yes
                    discover: lswpar -c -G {_rawname}
                    fields: [{label: Name, entry: none, required: y, prefix: --, discover: _rawname}]
                """));
        Session s = h.session(t, null);
        s.start("sel", (char) 0);
        s.setValue("ghost");
        s.enter();
        assertThat(((View.MessagePopup) s.view().popup()).lines()).startsWith(
                "1800-112 The current values could not be found:",
                "lswpar: 0960-419 Could not find a workload partition called ghost.");
        s.cancel();
        assertThat(s.view().kind()).isEqualTo(View.Kind.SELECTOR);
    }

    // ---- dry runs --------------------------------------------------------------------------------

    @Test
    void dryRunRecordsTheCommandWithoutChangingState() throws Exception {
        Session s = h.session(Harness.shipped(), "-x");
        s.start("mkwpar", (char) 0);
        s.setValue("w1");
        enterAndRun(s);
        assertThat(output(s).status()).isEqualTo(View.Status.OK);
        assertThat(outputText(s)).containsExactly("(smitty -x: the command was recorded in smit.script and not run.)");
        assertThat(h.file(h.script)).isEqualTo("#\n#  [Nov 26 2026, 10:00:00]\n#\nmkwpar -n 'w1'\n\n");
        assertThat(h.sh("lswpar")).isEmpty();
        assertThat(h.file(h.log)).contains(">> mkwpar -n 'w1'\n(not run: smitty -x or -X)");
    }

    @Test
    void noCommandsAtAllWithCapitalX() throws Exception {
        h.sh("mkwpar -n w1");
        Session s = h.session(Harness.shipped(), "-X");
        s.start("startwpar", (char) 0);
        s.list();
        assertThat(((View.MessagePopup) s.view().popup()).lines()).startsWith(
                "(smitty -X: list and discover commands are not run.)");
        s.cancel();
        s.setValue("w1");
        enterAndRun(s);
        assertThat(h.sh("lswpar -cqa name,state")).isEqualTo("w1:D\n");
        assertThat(h.file(h.script)).contains("\nstartwpar 'w1'\n");
    }

    // ---- ARE YOU SURE? -----------------------------------------------------------------------------

    @Test
    void removeAsksFirstAndCancelKeepsTheValues() {
        h.sh("mkwpar -n w1");
        Session s = h.start("rmwpar");
        s.setValue("w1");
        s.enter();
        View v = s.view();
        assertThat(v.kind()).isEqualTo(View.Kind.CONFIRM);
        assertThat(v.popup().title()).isEqualTo("ARE YOU SURE?");
        assertThat(((View.ConfirmPopup) v.popup()).lines()).containsExactly(
                "Continuing may delete information you may want", "to keep.  This is your last chance to stop",
                "before continuing.", "    Press Enter to continue.", "    Press Cancel to return to the application.");
        s.cancel();
        assertThat(s.view().kind()).isEqualTo(View.Kind.DIALOG);
        assertThat(dialog(s).fields().get(0).value()).isEqualTo("w1");
        assertThat(h.sh("lswpar -cqa name")).isEqualTo("w1\n");
        s.enter();
        enterAndRun(s);
        assertThat(output(s).status()).isEqualTo(View.Status.OK);
        assertThat(output(s).command()).isEqualTo("rmwpar 'w1'");
        assertThat(h.sh("lswpar")).isEmpty();
    }

    // ---- menus, fast paths, not installed ----------------------------------------------------------------

    @Test
    void menusLeadDownAndF3LeadsBackUpAndOut() {
        Session s = h.start(null);
        View.MenuScreen top = (View.MenuScreen) s.view().base();
        assertThat(top.title()).isEqualTo("System Management");
        assertThat(top.instructions()).containsExactly("Move cursor to desired item and press Enter.");
        assertThat(s.view().legend()).containsExactly("F1=Help", "F2=Refresh", "F3=Cancel", "F8=Image", "F9=Shell",
                "F10=Exit", "Enter=Do");
        assertThat(top.items()).hasSize(19);
        s.find("workload");
        assertThat(((View.MenuScreen) s.view().base()).cursor()).isEqualTo(7);
        s.enter();
        View.MenuScreen wpar = (View.MenuScreen) s.view().base();
        assertThat(wpar.title()).isEqualTo("Workload Partition Administration");
        assertThat(wpar.items()).extracting(View.MenuLine::text).containsExactly("List All Workload Partitions",
                "Administer SYSTEM Workload Partitions", "Administer APPLICATION Workload Partitions");
        s.moveCursor(1);
        s.enter();
        assertThat(s.view().base().title()).isEqualTo("Administer SYSTEM Workload Partitions");
        assertThat(s.fastPath()).isEqualTo("manage_syswpar");
        s.cancel();
        s.cancel();
        assertThat(s.view().base().title()).isEqualTo("System Management");
        s.cancel();
        assertThat(s.finished()).isTrue();
        assertThat(s.exitCode()).isZero();
    }

    @Test
    void itemsOfSoftwareThatIsNotInstalledAnswerAsSmitDoes() {
        Session s = h.start(null);
        s.enter();
        assertThat(s.view().kind()).isEqualTo(View.Kind.MESSAGE);
        assertThat(((View.MessagePopup) s.view().popup()).lines()).startsWith(
                "1800-109 There are currently no additional SMIT screen entries available",
                "for this item.  This item may require installation of additional software",
                "before it can be accessed.");
        s.enter();
        assertThat(s.view().kind()).isEqualTo(View.Kind.MENU);
        assertThat(s.finished()).isFalse();
    }

    @Test
    void aPendingDialogIsOfferedOnlyOnceItsCommandLinesParse() {
        MenuTree t = MenuLoader.load(Trees.source("smit.yaml", """
                menus:
                  - {id: top_menu, title: System Management, items: [{text: A, next: a}, {text: B, next: b}]}
                dialogs:
                  - id: a
                    title: Spec file
                    command: mkwpar -w
                    pending: yes
                    fields: [{label: From, required: +, prefix: '-e '}, {label: To, required: +, prefix: '-o '}]
                  - id: b
                    title: Something newer
                    command: mkwpar
                    pending: yes
                    fields: [{label: Name, required: +, prefix: '-n '}, {label: Q, prefix: '-Z '}]
                """));
        Session s = h.session(t, null);
        s.start(null, (char) 0);
        assertThat(s.available(t.screen("a"))).isTrue();
        assertThat(s.available(t.screen("b"))).isFalse();
        s.enter();
        assertThat(s.view().base().title()).isEqualTo("Spec file");
        s.cancel();
        s.moveCursor(1);
        s.enter();
        assertThat(s.view().kind()).isEqualTo(View.Kind.MESSAGE);
        assertThat(((View.MessagePopup) s.view().popup()).lines()).startsWith(
                "1800-109 There are currently no additional SMIT screen entries available");
    }

    @Test
    void anUnknownFastPathIsAnErrorThatEndsSmitty() {
        Session s = h.session(Harness.shipped(), null);
        String err = s.start("nosuch", (char) 0);
        assertThat(err).endsWith("The fast path \"nosuch\" is not defined.");
        assertThat(s.view().kind()).isEqualTo(View.Kind.MESSAGE);
        s.cancel();
        assertThat(s.finished()).isTrue();
        assertThat(s.exitCode()).isEqualTo(1);
        // -d accepts dialogs only
        Session d = h.session(Harness.shipped(), null);
        assertThat(d.start("wpar", 'd')).isNotNull();
        Session m = h.session(Harness.shipped(), null);
        assertThat(m.start("wpar", 'm')).isNull();
        assertThat(m.view().base().title()).isEqualTo("Workload Partition Administration");
    }

    @Test
    void findingInAnEmptyOutputFindsNothing() {
        Session s = h.start("lswpar");
        s.runPending();
        assertThat(output(s).lines()).isEmpty();
        assertThat(output(s).stdout()).isFalse();
        s.find("x");
        assertThat(output(s).found()).isEqualTo(-1);
    }

    @Test
    void aGhostDialogRunsAtOnce() {
        h.sh("mkwpar -n w1");
        Session s = h.start("wpar");
        s.enter();
        assertThat(s.pending()).isTrue();
        s.runPending();
        assertThat(outputText(s)).containsExactly("Name  State  Type  Hostname  Directory  RootVG WPAR",
                "---------------------------------------------------", "w1    D      S     w1        /wpars/w1  no");
        assertThat(s.view().legend()).containsExactly("F1=Help", "F2=Refresh", "F3=Cancel", "F6=Command",
                "F8=Image", "F9=Shell", "F10=Exit", "/=Find", "n=Find Next");
        s.find("w1");
        assertThat(output(s).found()).isEqualTo(2);
        s.find("nothing like this");
        assertThat(output(s).found()).isEqualTo(-1);
        s.cancel();
        assertThat(s.view().base().title()).isEqualTo("Workload Partition Administration");
    }

    // ---- fields: rings, lists, multi-select, reset, typing ------------------------------------------

    @Test
    void ringsCycleAndResetAndOpenAsAList() {
        Session s = h.start("stopwpar");
        field(s, "Type of STOP");
        s.ringNext();
        assertThat(fieldLine(s, "Type of STOP").value()).isEqualTo("hard");
        assertThat(fieldLine(s, "Type of STOP").changed()).isTrue();
        s.ringNext();
        assertThat(fieldLine(s, "Type of STOP").value()).isEqualTo("force");
        s.ringNext();
        assertThat(fieldLine(s, "Type of STOP").value()).isEqualTo("normal");
        s.ringPrev();
        s.reset();
        assertThat(fieldLine(s, "Type of STOP").value()).isEqualTo("normal");
        s.list();
        View.ListPopup l = (View.ListPopup) s.view().popup();
        assertThat(l.title()).isEqualTo("Type of STOP");
        assertThat(l.items()).extracting(View.ListLine::text).containsExactly("normal", "hard", "force");
        s.help();
        assertThat(s.view().popup().title()).isEqualTo("Type of STOP");
        assertThat(((View.MessagePopup) s.view().popup()).lines().get(0)).startsWith(
                "normal runs the shutdown of the workload partition; hard (-h) stops its processes at once");
        s.cancel();
        assertThat(s.view().kind()).as("F1 over a list returns to the list").isEqualTo(View.Kind.LIST);
        s.moveCursor(1);
        s.enter();
        assertThat(fieldLine(s, "Type of STOP").value()).isEqualTo("hard");
        assertThat(s.setValue("x")).isFalse();
        field(s, "Timeout (seconds)");
        assertThat(s.setValue("30")).isTrue();
        assertThat(s.setValue("3x")).isFalse();
        s.setCursor(0);
        s.setValue("w1");
        assertThat(s.command()).isEqualTo("stopwpar -h -t '30' 'w1'");
    }

    /** Issue 11, item 4: stop and reboot offer one ring normal / hard / force, never -h and -F together. */
    @Test
    void stopAndRebootOfferOneTypeOfStopAndNeverHardWithForce() {
        for (String fastPath : List.of("stopwpar", "rebootwpar")) {
            Session s = h.start(fastPath);
            s.setValue("w1");
            field(s, "Type of STOP");
            List<String> commands = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                commands.add(s.command());
                s.ringNext();
            }
            assertThat(commands).containsExactly(fastPath + " 'w1'", fastPath + " -h 'w1'", fastPath + " -F 'w1'");
            assertThat(dialog(s).fields()).extracting(View.FieldLine::label).doesNotContain("HARD stop?", "FORCE stop?");
        }
    }

    @Test
    void multiSelectListsJoinTheMarkedItems() {
        Session s = h.start("advancewpar_sys");
        s.setValue("w9");
        field(s, "Storage DEVICES to export");
        s.list();
        View.ListPopup l = (View.ListPopup) s.view().popup();
        assertThat(l.multi()).isTrue();
        assertThat(l.instructions()).containsExactly("Move cursor to desired item and press F7.",
                "    ONE OR MORE items can be selected.", "Press Enter AFTER making all selections.");
        // issue 11, item 6: the disks mkwpar can take, not hdisk0 of the global rootvg
        assertThat(l.items()).extracting(View.ListLine::text).containsExactly(
                "hdisk1          none                                None",
                "hdisk2          none                                None",
                "hdisk3          none                                None",
                "hdisk4          none                                None");
        s.toggleMark();
        s.moveCursor(2);
        s.toggleMark();
        assertThat(((View.ListPopup) s.view().popup()).items()).extracting(View.ListLine::marked)
                .containsExactly(true, false, true, false);
        s.enter();
        assertThat(fieldLine(s, "Storage DEVICES to export").value()).isEqualTo("hdisk1 hdisk3");
        assertThat(s.command()).isEqualTo("mkwpar -n 'w9' -D devname='hdisk1' -D devname='hdisk3'");
        enterAndRun(s);
        assertThat(output(s).status()).as("%s", outputText(s)).isEqualTo(View.Status.OK);
        assertThat(h.sh("lswpar -cqD -a devname w9")).contains("hdisk1\n").contains("hdisk3\n");
    }

    @Test
    void helpAndShowCommandAndImage() throws Exception {
        Session s = h.start("mkwpar");
        s.help();
        View.MessagePopup help = (View.MessagePopup) s.view().popup();
        assertThat(help.title()).isEqualTo("Workload Partition Name");
        assertThat(help.lines().get(0)).startsWith("The name of the new workload partition");
        s.cancel();
        s.setValue("it's");
        s.showCommand();
        View.MessagePopup cmd = (View.MessagePopup) s.view().popup();
        assertThat(cmd.title()).isEqualTo("SHOW COMMAND STRING");
        assertThat(cmd.lines()).containsExactly("Press Enter or Cancel to return to the application.", "",
                "mkwpar -n 'it'\\''s'");
        s.enter();
        s.image(List.of("   Create a System Workload Partition", "", "* Workload Partition Name   [it's]"));
        assertThat(((View.MessagePopup) s.view().popup()).lines()).containsExactly(
                "The screen image was added to " + h.log + ".", "Fast path to this screen: simplewpar_sys");
        assertThat(h.file(h.log)).contains("Screen image (FastPath = \"simplewpar_sys\"):\n---- start ----\n"
                + "   Create a System Workload Partition\n\n* Workload Partition Name   [it's]\n---- end ----\n");
    }

    @Test
    void smitLogRecordsTheSessionAndIsAppendedTo() throws Exception {
        java.nio.file.Files.writeString(h.log, "earlier\n");
        Session s = h.start("mkwpar");
        s.setValue("w1");
        enterAndRun(s);
        s.exit();
        assertThat(s.finished()).isTrue();
        String log = h.file(h.log);
        assertThat(log).startsWith("earlier\n[Nov 26 2026, 10:00:00]\n        Starting SMIT\n\n"
                + "(Dialogue screen selected,\n        FastPath = \"mkwpar\",\n        id       = \"simplewpar_sys\",\n"
                + "        title    = \"Create a System Workload Partition\".)\n\n"
                + "[Nov 26 2026, 10:00:00]\nCommand_to_Execute follows below:\n>> mkwpar -n 'w1'\n\n"
                + "Output from Command_to_Execute follows below:\n---- start ----\n");
        assertThat(log).contains("Workload partition w1 created successfully.\n"
                + "mkwpar: 0960-390 To start the workload partition, execute the following as root: startwpar [-v] w1\n"
                + "---- end ----\n\n");
        assertThat(log).endsWith("[Nov 26 2026, 10:00:00]\n        Exiting SMIT\n\n");
    }

    @Test
    void logsThatCannotBeWrittenAreSkipped() {
        Session s = new Session(Harness.shipped(), h.runner, new SmitLog(dir.resolve("no/such/smit.log"),
                dir.resolve("no/such/smit.script"), SmitLog.clock(h.env), false), null);
        s.start("mkwpar", (char) 0);
        s.setValue("w1");
        enterAndRun(s);
        assertThat(output(s).status()).isEqualTo(View.Status.OK);
        assertThat(dir.resolve("no")).doesNotExist();
    }

    @Test
    void smitScriptIsRunnable() throws Exception {
        Session s = h.start("mkwpar");
        s.setValue("w1");
        field(s, "HOSTNAME");
        s.setValue("host one's");
        enterAndRun(s);
        s.cancel();
        s.exit();
        Session r = h.start("startwpar");
        r.setValue("w1");
        enterAndRun(r);
        assertThat(h.file(h.script)).isEqualTo("#\n#  [Nov 26 2026, 10:00:00]\n#\nmkwpar -n 'w1' -h 'host one'\\''s'\n\n"
                + "#\n#  [Nov 26 2026, 10:00:00]\n#\nstartwpar 'w1'\n\n");
        // every non-comment line splits into the words that ran
        List<String> lines = h.file(h.script).lines().filter(l -> !l.startsWith("#") && !l.isEmpty()).toList();
        assertThat(ShellWords.split(lines.get(0))).containsExactly("mkwpar", "-n", "w1", "-h", "host one's");
    }

    @Test
    void execModeUpperCaseBacksUpPastTheDialogAndClearFieldsAreCleared() {
        MenuTree t = MenuLoader.load(Trees.source("smit.yaml", """
                menus:
                  - {id: top_menu, title: System Management, items: [{text: Make, next: mk}]}
                dialogs:
                  - id: mk
                    title: Make
                    command: mkwpar
                    exec_mode: P
                    fields:
                      - {label: Name, required: +, prefix: '-n ', clear: yes}
                      - {label: Host, prefix: '-h '}
                """));
        Session s = h.session(t, null);
        s.start(null, (char) 0);
        s.enter();
        s.setValue("w5");
        enterAndRun(s);
        assertThat(output(s).status()).isEqualTo(View.Status.OK);
        s.cancel();
        assertThat(s.view().base().title()).isEqualTo("System Management");
        // a failed run stays: F3 goes back to the dialog
        s.enter();
        s.setValue("w5");
        enterAndRun(s);
        assertThat(output(s).status()).isEqualTo(View.Status.FAILED);
        s.cancel();
        assertThat(dialog(s).fields().get(0).value()).isEqualTo("w5");
    }

    @Test
    void selectorTypeRPicksTheNextScreenByValue() {
        MenuTree t = MenuLoader.load(Trees.source("smit.yaml", """
                selectors:
                  - {id: pick, title: Pick, next: show_, type: r, field: {label: Which, required: +, ring: [a, b]}}
                dialogs:
                  - {id: show_a, title: Show A, command: lswpar, selector_only: yes}
                  - {id: show_b, title: Show B, command: lsvg, selector_only: yes}
                """));
        Session s = h.session(t, null);
        s.start("pick", (char) 0);
        s.ringNext();
        s.enter();
        assertThat(s.view().base().title()).isEqualTo("Show B");
    }

    @Test
    void colonOutputWithEscapedColons() {
        assertThat(smittywpar.cmd.ColonFormat.read(List.of("#name:path:x", "w1:/a#!:b:", "w2:ignored:y")).first())
                .containsExactly(java.util.Map.entry("name", "w1"), java.util.Map.entry("path", "/a:b"),
                        java.util.Map.entry("x", ""));
    }
}
