package smittywpar.smit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The validator refuses trees whose references, commands or fields do not hold, naming file:line:col. */
class ValidatorTest {
    private static final String TOP = """
            menus:
              - {id: top_menu, title: System Management, items: [{text: W, next: w}]}
            """;

    private static List<String> problems(String yaml) {
        MenuTree t = Trees.load(TOP + yaml);
        try {
            Validator.validate(t);
        } catch (MenuException e) {
            return e.problems();
        }
        throw new AssertionError("valid");
    }

    @Test
    void everyNextAndAliasMustResolve() {
        assertThat(problems("""
                  - {id: w, title: W, items: [{text: A, next: nowhere}, {text: B, next: d}]}
                dialogs:
                  - {id: d, title: D, command: lswpar, selector_only: yes}
                aliases: {w: w, x: nothere, y: d}
                """)).containsExactly(
                        "test/smit.yaml:3:31: there is no menu, selector or dialog with the id 'nowhere'",
                        "test/smit.yaml:3:57: 'd' is reachable only through a selector (selector_only)",
                        "test/smit.yaml:6:14: the fast path 'w' is also the id of the screen at test/smit.yaml:3:5",
                        "test/smit.yaml:6:20: there is no menu, selector or dialog with the id 'nothere'",
                        "test/smit.yaml:6:32: 'd' is reachable only through a selector (selector_only)");
    }

    @Test
    void theTopMenuMustExist() {
        MenuTree t = Trees.load("dialogs: [{id: d, title: D, command: lswpar}]\n");
        try {
            Validator.validate(t);
            throw new AssertionError("valid");
        } catch (MenuException e) {
            assertThat(e.problems()).containsExactly(
                    "smit.yaml:1:1: the top menu 'top_menu' (System Management) is not defined");
        }
    }

    @Test
    void commandsMustBeRegisteredUnlessPending() {
        assertThat(problems("""
                  - {id: w, title: W, items: [{text: A, next: d1}, {text: B, next: d2}]}
                dialogs:
                  - {id: d1, title: D, command: mkwapr}
                  - {id: d2, title: D, command: savewpar, pending: yes}
                """)).containsExactly("test/smit.yaml:5:5: the command 'mkwapr' is not a command of smitty-wpar"
                        + " (mark the dialog 'pending: yes' if it is not implemented yet)");
    }

    @Test
    void everyFieldMustParseWithTheCommand() {
        assertThat(problems("""
                  - {id: w, title: W, items: [{text: A, next: d}]}
                dialogs:
                  - id: d
                    title: D
                    command: mkwpar
                    fields:
                      - {label: Name, required: +, prefix: '-n '}
                      - {label: Spec, prefix: '-Z '}
                      - {label: Net, prefix: '-N ', attr: interfce}
                      - {label: Quiet, ring: [no, yes], values: ['', -q]}
                """)).containsExactly(
                        "test/smit.yaml:10:9: the command line mkwpar -n 'x' -Z 'x' does not parse:"
                                + " mkwpar: Not a recognized flag: Z",
                        "test/smit.yaml:11:9: the command line mkwpar -n 'x' -N interfce='x' does not parse:"
                                + " mkwpar: 0960-021 interfce is not a valid attribute for the -N flag.",
                        "test/smit.yaml:12:9: the command line mkwpar -n 'x' -q does not parse:"
                                + " mkwpar: Not a recognized flag: q");
    }

    @Test
    void requiredFieldsAreFilledWhenTheLineIsChecked() {
        assertThat(problems("""
                  - {id: w, title: W, items: [{text: A, next: d}]}
                dialogs:
                  - {id: d, title: D, command: startwpar, fields: [{label: 'Resolve?', ring: [no, yes], values: ['', -a]}]}
                """)).containsExactly("test/smit.yaml:5:5: the command line startwpar does not parse:"
                        + " Usage: startwpar [-a] [-m] [-v] wparName");
    }

    @Test
    void listAndDiscoverCommandsMustParse() {
        assertThat(problems("""
                  - {id: w, title: W, items: [{text: A, next: s}]}
                selectors:
                  - {id: s, title: S, next: d, field: {label: N, list: lswpar -Z}}
                dialogs:
                  - id: d
                    title: D
                    command: startwpar
                    selector_only: yes
                    discover: lswpar -c -G -N {_rawname}
                    fields:
                      - {label: N, required: y, prefix: --, entry: none, discover: _rawname}
                      - {label: M, entry: none, list: 'lswpar -qca name {nosuch}'}
                      - {label: H, discover: hostname, prefix: '-h '}
                """)).containsExactly(
                        "test/smit.yaml:5:39: the command line lswpar -Z does not parse: lswpar: Not a recognized flag: Z",
                        "test/smit.yaml:7:5: the command line lswpar -c -G -N {_rawname} does not parse: "
                                + smittywpar.msg.Messages.get("usage.lswpar").split("\n")[0],
                        "test/smit.yaml:14:9: the variable 'nosuch' of lswpar -qca name {nosuch} is neither a field id"
                                + " of this dialog nor a selector value (_name)",
                        "test/smit.yaml:15:9: the command line startwpar -h 'x' x does not parse:"
                                + " startwpar: Not a recognized flag: h");
    }

    @Test
    void discoveredNamesMustBeColumnsOfTheDiscoverCommand() {
        assertThat(problems("""
                  - {id: w, title: W, items: [{text: A, next: s}]}
                selectors:
                  - {id: s, title: S, next: d, field: {label: N}}
                dialogs:
                  - id: d
                    title: D
                    command: chwpar
                    selector_only: yes
                    discover: lswpar -c -a name,hostname {_rawname}
                    fields:
                      - {label: N, required: y, prefix: --, entry: none, discover: _rawname}
                      - {label: H, discover: hostnmae, prefix: '-h '}
                      - {label: D, discover: directory, prefix: '-d '}
                      - {label: A, discover: hostname, prefix: '-u '}
                """)).containsExactly(
                        "test/smit.yaml:14:9: the field takes the discovered value 'hostnmae' but lswpar -c -a"
                                + " name,hostname {_rawname} prints no such field (it prints: name hostname)",
                        "test/smit.yaml:15:9: the field takes the discovered value 'directory' but lswpar -c -a"
                                + " name,hostname {_rawname} prints no such field (it prints: name hostname)");
    }

    @Test
    void ringsAndPrefixesMustBeWellFormed() {
        assertThat(problems("""
                  - {id: w, title: W, items: [{text: A, next: d}]}
                dialogs:
                  - id: d
                    title: D
                    command: lswpar
                    fields:
                      - {label: R, ring: [a, b, c], values: [-G, -N]}
                      - {label: I, ring: [a], ring_index: 3}
                      - {label: P, prefix: 'n '}
                      - {label: A, prefix: '-N ', attr: x, multi: m}
                      - {label: V, values: [-G]}
                      - {label: S, ring: [a, b], values: ['', '-q | rm']}
                """)).containsExactly(
                        "test/smit.yaml:9:9: the ring has 3 shown values but 2 real values",
                        "test/smit.yaml:10:9: ring_index 3 is outside the ring of 1 values",
                        "test/smit.yaml:11:9: the prefix 'n ' must be empty, --, --' or start with -",
                        "test/smit.yaml:12:9: an attribute field (attr) needs a flag prefix and cannot be positional"
                                + " or multi-select",
                        "test/smit.yaml:13:9: 'values' are the real values of a ring; this field has no ring",
                        "test/smit.yaml:14:9: '-q | rm' is not a plain list of shell words (quotes, pipes, variables and"
                                + " the like are not allowed here)");
    }

    @Test
    void aChangeDialogMayBeIncompleteUntilAFieldIsChanged() {
        // chwpar NAME alone changes nothing (a usage error); -a alone neither; -h completes it
        MenuTree t = Trees.load(TOP + """
                  - {id: w, title: W, items: [{text: A, next: d}]}
                dialogs:
                  - id: d
                    title: D
                    command: chwpar
                    fields:
                      - {label: N, required: y, prefix: --, default: w1, entry: none}
                      - {label: H, prefix: '-h '}
                      - {label: 'R?', ring: [no, yes], values: ['', -a]}
                """);
        assertThat(Validator.validate(t)).isEmpty();
        assertThat(problems("""
                  - {id: w, title: W, items: [{text: A, next: d}]}
                dialogs:
                  - id: d
                    title: D
                    command: chwpar
                    fields:
                      - {label: N, required: y, prefix: --, default: w1, entry: none}
                      - {label: H, prefix: '-Q '}
                      - {label: 'R?', ring: [no, yes], values: ['', -a]}
                """)).containsExactly(
                        "test/smit.yaml:5:5: the command line chwpar w1 does not parse: "
                                + smittywpar.msg.Messages.get("usage.chwpar").split("\n")[0],
                        "test/smit.yaml:10:9: the command line chwpar -Q 'x' w1 does not parse:"
                                + " chwpar: Not a recognized flag: Q");
    }

    @Test
    void aPendingDialogWhoseCommandChecksOutIsReported() {
        MenuTree t = Trees.load(TOP + """
                  - {id: w, title: W, items: [{text: A, next: d}]}
                dialogs:
                  - {id: d, title: D, command: lswpar -G, pending: yes}
                """);
        assertThat(Validator.validate(t)).containsExactly(
                "test/smit.yaml:5:5: dialog 'd' is marked pending, but its command now checks out: it is available");
    }

    @Test
    void unsetWordsNeedAnUnsetCommandAndListConditionsAList() {
        assertThat(problems("""
                  - {id: w, title: W, items: [{text: A, next: d}]}
                dialogs:
                  - id: d
                    title: D
                    command: chwpar
                    fields:
                      - {label: N, required: +, prefix: --}
                      - {label: S, prefix: '-u ', unset: -u}
                      - {label: I, prefix: '-N ', attr: interface, list: lsdev -Cc if, list_where: ['1!=lo0', 'x=y']}
                      - {label: J, prefix: '-N ', attr: address, list_where: ['2=None']}
                """)).containsExactly(
                        "test/smit.yaml:10:9: a field with 'unset' words needs a dialog with an 'unset_command'",
                        "test/smit.yaml:11:9: 'x=y' is not a list_where condition (N=word or N!=word on the N-th"
                                + " word of a list line; the field needs a list)",
                        "test/smit.yaml:12:9: '2=None' is not a list_where condition (N=word or N!=word on the N-th"
                                + " word of a list line; the field needs a list)");
        assertThat(problems("""
                  - {id: w, title: W, items: [{text: A, next: d}]}
                dialogs:
                  - id: d
                    title: D
                    command: chwpar
                    unset_command: chwpar -K -Z
                    fields:
                      - {label: N, required: +, prefix: --}
                      - {label: S, prefix: '-u ', unset: -u}
                """)).singleElement().asString().startsWith("test/smit.yaml:11:9: the command line chwpar -K -Z -u x"
                        + " does not parse: chwpar: Not a recognized flag: Z");
    }
}
