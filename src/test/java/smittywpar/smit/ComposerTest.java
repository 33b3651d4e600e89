package smittywpar.smit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import smittywpar.msg.AixException;

/** SMIT's command-building rules, each with the exact command text it gives. */
class ComposerTest {
    /** A dialog of one test file, with fields given as YAML flow mappings. */
    private static Dialog dialog(String command, String... fields) {
        StringBuilder y = new StringBuilder("dialogs:\n  - id: d\n    title: T\n    command: " + command + "\n    fields:\n");
        for (String f : fields) {
            y.append("      - ").append(f).append('\n');
        }
        return (Dialog) Trees.load(y.toString()).screen("d");
    }

    /**
     * Composes with values given per field: null = the field's initial value unchanged;
     * a text = typed and changed; "#n" = ring position n, changed.
     */
    private static Composer.Line compose(Dialog d, String... typed) {
        List<Composer.Value> vs = new ArrayList<>();
        for (int i = 0; i < d.fields().size(); i++) {
            Field f = d.fields().get(i);
            String t = i < typed.length ? typed[i] : null;
            if (t == null) {
                vs.add(new Composer.Value(f, f.defaultValue(), f.ringIndex(), false));
            } else if (t.startsWith("#")) {
                int idx = Integer.parseInt(t.substring(1));
                vs.add(new Composer.Value(f, f.ring().get(idx), idx, idx != f.ringIndex()));
            } else {
                vs.add(new Composer.Value(f, t, 0, !t.equals(f.defaultValue())));
            }
        }
        List<Composer.Line> lines = Composer.compose(d, vs).lines();
        assertThat(lines).as("a dialog without unset fields composes one line").hasSize(1);
        return lines.get(0);
    }

    private static String text(Dialog d, String... typed) {
        return compose(d, typed).text();
    }

    @Test
    void requiredPlusIsAlwaysWrittenWithItsPrefixAndQuotes() {
        Dialog d = dialog("mkwpar", "{label: Name, required: +, prefix: '-n '}",
                "{label: HOSTNAME, prefix: '-h '}");
        assertThat(text(d, "wpar1")).isEqualTo("mkwpar -n 'wpar1'");
        assertThat(compose(d, "wpar1").argv()).containsExactly("mkwpar", "-n", "wpar1");
    }

    @Test
    void changedOnlyFieldsAreWrittenOnlyWhenChanged() {
        Dialog d = dialog("chwpar", "{label: HOSTNAME, prefix: '-h ', default: oldhost}",
                "{label: Script, prefix: '-u ', default: /s}", "{label: Name, required: y, prefix: '--', default: w1}");
        assertThat(text(d)).isEqualTo("chwpar w1");
        assertThat(text(d, "newhost")).isEqualTo("chwpar -h 'newhost' w1");
        // clearing a value is a change: the flag is written with an empty value
        assertThat(text(d, null, "")).isEqualTo("chwpar -u '' w1");
        assertThat(compose(d, null, "").argv()).containsExactly("chwpar", "-u", "", "w1");
    }

    @Test
    void questionMarkWritesNonEmptyValuesEvenWhenUnchanged() {
        Dialog d = dialog("restwpar", "{label: Device, required: '?', prefix: '-f ', default: /dev/rmt0}",
                "{label: Blocks, required: '?', prefix: '-b ', entry: numeric}");
        assertThat(text(d)).isEqualTo("restwpar -f '/dev/rmt0'");
        assertThat(text(d, null, "100")).isEqualTo("restwpar -f '/dev/rmt0' -b '100'");
        assertThat(text(d, "   ")).isEqualTo("restwpar");
    }

    @Test
    void requiredYWritesEvenAnEmptyValueAfterAFlag() {
        Dialog d = dialog("mkwpar", "{label: Name, required: +, prefix: '-n '}", "{label: Host, required: y, prefix: '-h '}");
        assertThat(text(d, "w1")).isEqualTo("mkwpar -n 'w1' -h ''");
    }

    @Test
    void aPrefixWithoutTrailingBlankIsJoinedToTheValue() {
        Dialog d = dialog("mkvg", "{label: VG, required: +, prefix: '-y'}", "{label: PP, required: '?', prefix: '-s'}");
        assertThat(text(d, "datavg", "64")).isEqualTo("mkvg -y'datavg' -s'64'");
        assertThat(compose(d, "datavg", "64").argv()).containsExactly("mkvg", "-ydatavg", "-s64");
    }

    @Test
    void anEmptyPrefixWritesTheValueAloneAndDropsItWhenEmpty() {
        Dialog d = dialog("chdev", "{label: Attr, required: '?', prefix: ''}", "{label: More, prefix: ''}");
        assertThat(text(d, "a=b", "")).isEqualTo("chdev 'a=b'");
    }

    @Test
    void positionalFieldsFollowAllFlags() {
        Dialog d = dialog("startwpar", "{label: Name, required: +, prefix: --}",
                "{label: 'Resolve?', prefix: '', ring: [no, yes], values: ['', -a]}",
                "{label: Quoted, required: +, prefix: \"--'\"}");
        assertThat(text(d, "w1", "#1", "x y")).isEqualTo("startwpar -a w1 'x y'");
        assertThat(compose(d, "w1", "#1", "x y").argv()).containsExactly("startwpar", "-a", "w1", "x y");
    }

    @Test
    void ringsWriteTheRealValueOfTheChosenPosition() {
        Dialog d = dialog("stopwpar", "{label: Name, required: +, prefix: --}",
                "{label: Type of STOP, ring: [normal, hard, force], values: ['', -h, -F]}",
                "{label: 'Copy?', ring: [no, yes], values: ['', -r], ring_index: 1, required: y}");
        assertThat(text(d, "w1")).isEqualTo("stopwpar -r w1");
        assertThat(text(d, "w1", "#1")).isEqualTo("stopwpar -h -r w1");
        assertThat(text(d, "w1", "#2", "#0")).isEqualTo("stopwpar -F w1");
    }

    @Test
    void aRingWithoutRealValuesWritesTheShownValueQuoted() {
        Dialog d = dialog("crfs", "{label: VFS, prefix: '-v ', ring: [jfs2, jfs, nfs]}");
        assertThat(text(d, "#2")).isEqualTo("crfs -v 'nfs'");
        assertThat(text(d)).isEqualTo("crfs");
    }

    @Test
    void multiSelectJoinsItemsByItsMode() {
        Dialog comma = dialog("x", "{label: Disks, prefix: '-D ', multi: ',', required: '?'}");
        assertThat(text(comma, "hdisk1,hdisk2")).isEqualTo("x -D 'hdisk1,hdisk2'");
        Dialog once = dialog("x", "{label: Disks, prefix: '-d ', multi: y, required: '?'}");
        assertThat(text(once, "hdisk1 hdisk2")).isEqualTo("x -d 'hdisk1' 'hdisk2'");
        assertThat(compose(once, "hdisk1 hdisk2").argv()).containsExactly("x", "-d", "hdisk1", "hdisk2");
        Dialog each = dialog("mkwpar", "{label: Disks, prefix: '-D devname=', multi: m, required: '?'}");
        assertThat(text(each, "hdisk1 hdisk2")).isEqualTo("mkwpar -D devname='hdisk1' -D devname='hdisk2'");
        assertThat(compose(each, "hdisk1 hdisk2").argv())
                .containsExactly("mkwpar", "-D", "devname=hdisk1", "-D", "devname=hdisk2");
        Dialog positional = dialog("syncwpar", "{label: Names, prefix: --, multi: y, required: +}");
        assertThat(text(positional, "w1 w2")).isEqualTo("syncwpar w1 w2");
    }

    @Test
    void attributeFieldsOfAGroupAreWrittenOnceAfterTheirFlag() {
        Dialog d = dialog("mkwpar", "{label: Name, required: +, prefix: '-n '}",
                "{label: INTERFACE, prefix: '-N ', attr: interface}",
                "{label: ADDRESS, prefix: '-N ', attr: address}",
                "{label: MASK, prefix: '-N ', attr: netmask}",
                "{label: Active, prefix: '-R ', attr: active, ring: [yes, no], values: [yes, no]}",
                "{label: Shares, prefix: '-R ', attr: shares_CPU, entry: numeric}");
        assertThat(text(d, "w1")).isEqualTo("mkwpar -n 'w1'");
        assertThat(text(d, "w1", "en0", "10.0.0.2", null, "#1", "20"))
                .isEqualTo("mkwpar -n 'w1' -N interface='en0' address='10.0.0.2' -R active=no shares_CPU='20'");
        assertThat(compose(d, "w1", null, "10.0.0.2", "255.0.0.0").argv())
                .containsExactly("mkwpar", "-n", "w1", "-N", "address=10.0.0.2", "netmask=255.0.0.0");
    }

    @Test
    void quotesInValuesAreEscapedAndRoundTrip() {
        Dialog d = dialog("chwpar", "{label: Host, prefix: '-h '}", "{label: Name, required: y, prefix: --, default: w1}");
        Composer.Line l = compose(d, "it's here");
        assertThat(l.text()).isEqualTo("chwpar -h 'it'\\''s here' w1");
        assertThat(l.argv()).containsExactly("chwpar", "-h", "it's here", "w1");
    }

    @Test
    void valuesAreStrippedExceptRawEntries() {
        Dialog d = dialog("x", "{label: A, prefix: '-a '}", "{label: B, prefix: '-b ', entry: raw}");
        assertThat(text(d, "  v  ", "  w  ")).isEqualTo("x -a 'v' -b '  w  '");
    }

    @Test
    void unquotedPositionalValuesMustBePlainWords() {
        Dialog d = dialog("wparexec", "{label: COMMAND, required: +, prefix: --}");
        assertThat(compose(d, "/usr/bin/sleep 100").argv()).containsExactly("wparexec", "/usr/bin/sleep", "100");
        assertThat(compose(d, "/bin/sh -c 'echo hi'").argv()).containsExactly("wparexec", "/bin/sh", "-c", "echo hi");
        assertThatThrownBy(() -> compose(d, "ls; rm -rf /")).isInstanceOf(AixException.class).hasMessage(
                "1800-021 The value of the entry field \"COMMAND\" contains the character ;, which the shell\n"
                        + "would interpret. Remove it, or put the value in single quotes.");
        assertThatThrownBy(() -> compose(d, "echo $HOME")).hasMessageContaining("contains the character $");
    }

    @Test
    void aCommandAndItsArgumentsComeAfterADoubleDash() {
        Dialog d = dialog("wparexec", "{label: NAME, prefix: '-n '}", "{label: ENV, prefix: '-- '}",
                "{label: COMMAND, required: +, prefix: '-- '}");
        assertThat(compose(d, "a1", "", "/usr/bin/sleep 100").argv()).containsExactly("wparexec", "-n", "a1", "--",
                "/usr/bin/sleep", "100");
        assertThat(text(d, "a1", "LANG=C", "/usr/bin/env")).isEqualTo("wparexec -n 'a1' -- LANG=C /usr/bin/env");
    }

    @Test
    void infoRowsAreNeverWritten() {
        Dialog d = dialog("x", "{label: 'WARNING: text', info: yes}", "{label: A, required: y, prefix: '-a '}");
        assertThat(text(d, null, "v")).isEqualTo("x -a 'v'");
    }

    /** Composes every line of a dialog given as YAML, as {@link #compose} does with values per field. */
    private static List<String> lines(Dialog d, String... typed) {
        List<Composer.Value> vs = new ArrayList<>();
        for (int i = 0; i < d.fields().size(); i++) {
            Field f = d.fields().get(i);
            String t = i < typed.length ? typed[i] : null;
            if (t == null) {
                vs.add(new Composer.Value(f, f.defaultValue(), Validator.initialRing(f), false));
            } else if (t.startsWith("#")) {
                int idx = Integer.parseInt(t.substring(1));
                vs.add(new Composer.Value(f, f.ring().get(idx), idx, idx != Validator.initialRing(f)));
            } else {
                vs.add(new Composer.Value(f, t, 0, !t.equals(f.defaultValue())));
            }
        }
        return Composer.compose(d, vs).lines().stream().map(Composer.Line::text).toList();
    }

    private static final Dialog CHANGE = (Dialog) Trees.load("""
            dialogs:
              - id: d
                title: T
                command: chwpar
                unset_command: chwpar -K
                fields:
                  - {label: Name, required: y, prefix: "--'", default: w1}
                  - {label: Host, prefix: '-h ', default: h1}
                  - {label: Script, prefix: '-u ', default: /s, unset: -u}
                  - {label: Boot, ring: [no, yes], values: ['', -A], default: yes, unset: -A}
                  - {label: Shares, prefix: '-R ', attr: shares_CPU, default: '20', unset: shares_CPU}
                  - {label: Procs, prefix: '-R ', attr: totalProcesses, default: '512', unset: totalProcesses}
                  - {label: CPU, prefix: '-R ', attr: CPU, unset: CPU}
            """).screen("d");

    @Test
    void clearedFieldsWithUnsetWordsGoIntoAnUnsetLineThatRunsFirst() {
        assertThat(lines(CHANGE)).containsExactly("chwpar 'w1'");
        assertThat(lines(CHANGE, null, "h2")).containsExactly("chwpar -h 'h2' 'w1'");
        // set and clear: the unset line first, then the others
        assertThat(lines(CHANGE, null, "h2", "", "#0")).containsExactly("chwpar -K -u -A 'w1'", "chwpar -h 'h2' 'w1'");
        // clear only: no empty set line after it
        assertThat(lines(CHANGE, null, null, null, "#0")).containsExactly("chwpar -K -A 'w1'");
        // a ring turned on is a change like any other
        assertThat(lines(CHANGE, null, null, "/t", "#1")).containsExactly("chwpar -u '/t' 'w1'");
    }

    @Test
    void clearedAttributeFieldsAreNamedOnceAfterTheirFlag() {
        assertThat(lines(CHANGE, null, null, null, null, "", "", "10%-50%,80%")).containsExactly(
                "chwpar -K -R shares_CPU totalProcesses 'w1'", "chwpar -R CPU='10%-50%,80%' 'w1'");
        assertThat(lines(CHANGE, null, null, null, null, "30", "")).containsExactly(
                "chwpar -K -R totalProcesses 'w1'", "chwpar -R shares_CPU='30' 'w1'");
    }
}
