package smittywpar.smit;

import java.util.ArrayList;
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
        if (d.discover() == null || skip) {
            return Map.of();
        }
        CommandRunner.Result r = run("Discover", d.discover(), values);
        if (r.exitCode() != 0) {
            throw failure(Messages.get("smit.discover.failed"), r);
        }
        return ColonFormat.read(r.stdout()).first();
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

    /** A failure with the output of the helper command that failed. */
    private static Failure failure(String text, CommandRunner.Result r) {
        StringBuilder sb = new StringBuilder(text);
        for (View.OutputLine l : r.lines()) {
            sb.append('\n').append(l.text());
        }
        return new Failure(sb.toString());
    }

    /** The lines of a list command: {@code #} lines are headings or comments; the mode picks what a choice copies. */
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
            String value = switch (f.listMode()) {
                case FIRST -> words[0];
                case SECOND -> words.length > 1 ? words[1] : null;
                default -> line.strip();
            };
            out.add(new PopupState.Entry(line, value));
        }
        return out;
    }
}
