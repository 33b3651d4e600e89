package smittywpar.smit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import smittywpar.cmd.ColonFormat;
import smittywpar.msg.Messages;

/**
 * The lists and discovery of a session: the F4 list, discover and classify commands of the menus,
 * built from their templates with the values gathered so far, run through the command registry
 * ({@link CommandRunner}), recorded in smit.log and read back (list lines, colon format, the
 * cooked name). With -X none of them runs.
 */
final class HelperCommands {
    /** A helper command did not give what was asked: the text of the error to show. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String text) {
            super(text, null, false, false);
        }
    }

    private final CommandRunner runner;
    private final SmitLog log;
    private final boolean skip;

    /** @param noRunFlag the session's -x / -X flag, or null; "-X" runs no helper at all */
    HelperCommands(CommandRunner runner, SmitLog log, String noRunFlag) {
        this.runner = runner;
        this.log = log;
        this.skip = "-X".equals(noRunFlag);
    }

    /**
     * The values a dialog's discover command prints, by field name (its first line of colon
     * output); none when the dialog has no discover command or helpers do not run.
     */
    Map<String, String> discover(Dialog d, UnaryOperator<String> values) throws Failure {
        if (skip) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String c : d.discover()) {
            CommandRunner.Result r = run("Discover", c, values);
            if (r.exitCode() != 0) {
                throw failure(Messages.get("smit.discover.failed"), r);
            }
            ColonFormat.read(r.stdout()).first().forEach(out::putIfAbsent);
        }
        return out;
    }

    /** The F4 list of a field with a list command: its output lines, at least one of them choosable. */
    List<PopupState.Entry> list(Field f, UnaryOperator<String> values) throws Failure {
        requireRun();
        CommandRunner.Result r = run("List", f.list(), values);
        if (r.exitCode() != 0) {
            throw failure(Messages.get("smit.list.failed", f.label()), r);
        }
        List<PopupState.Entry> entries = entries(f, r.stdout());
        for (PopupState.Entry e : entries) {
            if (e.value() != null) {
                return entries;
            }
        }
        throw new Failure(Messages.get("smit.list.empty"));
    }

    /** What a selector of type c classifies {@code value} as: the first line of its classify command. */
    /**
     * Enter on selector {@code sel} with {@code value}: checks the value ({@link #verify}), adds
     * the values it passes on to {@code vars} (the raw value; for type c the classification) and
     * returns the id of the screen that follows (for types r and c built from them).
     */
    String next(Selector sel, String value, java.util.Map<String, String> vars, UnaryOperator<String> values)
            throws Failure {
        verify(sel, value, values);
        vars.put(sel.rawName(), value);
        if (sel.type() == 'r') {
            return sel.next() + value;
        }
        if (sel.type() == 'c') {
            String cooked = classify(sel, value, values);
            vars.put(sel.cookedName(), cooked);
            return sel.next() + cooked.split(":")[0];
        }
        return sel.next();
    }

    String classify(Selector sel, String value, UnaryOperator<String> values) throws Failure {
        requireRun();
        CommandRunner.Result r = run("Classify", sel.classify(), name -> name.equals(sel.rawName()) ? value
                : values.apply(name));
        List<String> out = r.stdout();
        if (r.exitCode() != 0 || out.isEmpty()) {
            throw failure(Messages.get("smit.classify.failed", value), r);
        }
        return out.get(0).strip();
    }

    private void requireRun() throws Failure {
        if (skip) {
            throw new Failure(Messages.get("smit.helperskipped"));
        }
    }

    private CommandRunner.Result run(String kind, String template, UnaryOperator<String> values) {
        List<String> argv = Template.words(template, values);
        CommandRunner.Result r = runner.run(argv);
        log.helper(kind, Template.text(argv), r);
        return r;
    }

    /** A failure with the output of the helper command that failed (after {@code text}, unless null). */
    private static Failure failure(String text, CommandRunner.Result r) {
        StringBuilder sb = new StringBuilder(text == null ? "" : text);
        for (View.OutputLine l : r.lines()) {
            sb.append(sb.length() == 0 ? "" : "\n").append(l.text());
        }
        return new Failure(sb.toString());
    }

    /**
     * The lines of a list command: {@code #} lines are headings or comments; other lines are
     * offered when they meet the field's {@code list_where} conditions; the mode picks what a
     * choice copies.
     */
    static List<PopupState.Entry> entries(Field f, List<String> lines) {
        List<PopupState.Entry> out = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#") || f.listMode() == Field.ListMode.RANGE) {
                out.add(new PopupState.Entry(line, null));
                continue;
            }
            String[] words = line.strip().split("\\s+");
            if (!where(f.listWhere(), words)) {
                continue;
            }
            String value = switch (f.listMode()) {
                case FIRST -> words[0];
                case SECOND -> words.length > 1 ? words[1] : null;
                default -> line.strip();
            };
            out.add(new PopupState.Entry(line, value));
        }
        return out;
    }

    /**
     * True when the words of a list line meet every condition: {@code N=word} (the N-th word, from
     * 1, is that word) or {@code N!=word} (it is not, or the line is shorter).
     */
    static boolean where(List<String> conditions, String[] words) {
        for (String c : conditions) {
            int eq = c.indexOf('=');
            boolean not = eq > 0 && c.charAt(eq - 1) == '!';
            int n = Integer.parseInt(c.substring(0, not ? eq - 1 : eq));
            String word = n <= words.length ? words[n - 1] : null;
            if (c.substring(eq + 1).equals(word) == not) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a selector accepts {@code value}: its verify command, run with the value, must end
     * well and print the value as the first word of a line; without one, the value must be one of
     * the field's F4 list (a selector without a list accepts anything).
     *
     * @throws Failure with the command's own error lines, or smit.notlisted
     */
    void verify(Selector sel, String value, UnaryOperator<String> values) throws Failure {
        if (skip || sel.verify() == null && !sel.field().hasList()) {
            return;
        }
        List<String> accepted = new ArrayList<>();
        if (sel.verify() != null) {
            CommandRunner.Result r = run("Verify", sel.verify(), name -> name.equals(sel.rawName()) ? value
                    : values.apply(name));
            if (r.exitCode() != 0) {
                throw failure(null, r);
            }
            for (String line : r.stdout()) {
                String[] w = line.strip().split("\\s+");
                accepted.add(w[0]);
            }
        } else {
            for (PopupState.Entry e : list(sel.field(), values)) {
                accepted.add(e.value());
            }
        }
        if (!accepted.contains(value)) {
            throw new Failure(Messages.get("smit.notlisted", value, sel.field().label()));
        }
    }
}
