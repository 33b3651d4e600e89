package smittywpar.smit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import smittywpar.msg.AixException;
import smittywpar.msg.Messages;

/**
 * Builds a dialog's command lines by SMIT's rules. Each line is one text (what F6 shows and
 * smit.script records) and the words a shell would make of it (what runs through the registry).
 *
 * <ol>
 * <li>Start with the dialog's command and fixed options.</li>
 * <li>In field order, every non-positional field that qualifies is written as prefix + value:
 * a field qualifies when the user changed it ({@code required} "" / n), always ({@code y},
 * {@code +}) or when it is not empty ({@code ?}).</li>
 * <li>Typed values are stripped (except {@code entry: raw}) and single-quoted, directly after the
 * prefix ({@code "-n "} gives {@code -n 'wpar1'}; {@code "-y"} gives {@code -y'datavg'}). An empty
 * value is dropped unless its prefix is a flag ({@code -u ''}).</li>
 * <li>Ring fields write the real value ({@code values}) of the chosen position unquoted; an empty
 * real value writes nothing. Without {@code values} the shown value is written like a typed one.</li>
 * <li>Multi-select: {@code ","} one quoted value with the items joined by commas; {@code y} the
 * prefix once, then every item; {@code m} the prefix before every item.</li>
 * <li>Attribute fields ({@code attr}) of one group are written once, where the first of them
 * qualifies: prefix, then {@code attr='value'} for every qualifying member
 * ({@code -N interface='en0' address='10.0.0.2'}).</li>
 * <li>Positional fields ({@code --} unquoted, {@code --'} quoted, {@code "-- "} unquoted after a
 * {@code --} word written once before the first of them) follow all flags, in order.</li>
 * <li>A field with {@code unset} words that qualifies with a cleared value (a blank text, a ring
 * position whose real value is empty) removes a setting: it is left out of the line above and
 * its {@code unset} words go into a second line that starts with the dialog's
 * {@code unset_command} (attribute fields of one group after their prefix once:
 * {@code chwpar -K -R totalProcesses CPU}), followed by the same positional fields. That line
 * runs first; the line above runs after it unless it would carry no flag at all.</li>
 * </ol>
 */
public final class Composer {
    private Composer() {
    }

    /** The state of one field as the composer needs it. */
    public record Value(Field field, String text, int ringIndex, boolean changed) {
    }

    /** A composed command line: its text and the words that run. */
    public record Line(String text, List<String> argv) {
    }

    /** The command lines of one Enter, in the order they run (one, or the unset line and then the set line). */
    public record Run(List<Line> lines) {
        /** The lines as F6 shows them, one per row. */
        public String text() {
            StringBuilder sb = new StringBuilder();
            for (Line l : lines) {
                sb.append(sb.length() == 0 ? "" : "\n").append(l.text());
            }
            return sb.toString();
        }
    }

    /** Whether a field goes into the command line by its {@code required} rule. */
    public static boolean qualifies(Value v) {
        Field f = v.field();
        if (f.info()) {
            return false;
        }
        return switch (f.required()) {
            case CHANGED -> v.changed();
            case ALWAYS, NONBLANK -> true;
            case NONEMPTY -> !value(v).isEmpty();
        };
    }

    /** True when the field qualifies with a cleared value and has {@code unset} words: it goes into the unset line. */
    static boolean unsets(Value v) {
        Field f = v.field();
        if (f.unset() == null || f.positional() || !qualifies(v)) {
            return false;
        }
        if (f.isRing()) {
            return f.ringValue(v.ringIndex()).isEmpty();
        }
        return value(v).isEmpty();
    }

    /** The field's value as typed or shown (stripped unless entry raw). */
    static String value(Value v) {
        Field f = v.field();
        if (f.isRing()) {
            return f.ring().get(v.ringIndex());
        }
        return f.entry() == Field.Entry.RAW ? v.text() : v.text().strip();
    }

    /**
     * Composes the command lines of {@code dialog} from its field values (one per field, in order).
     *
     * @throws AixException (SMIT error text) when a value would be interpreted by the shell
     */
    public static Run compose(Dialog dialog, List<Value> values) {
        boolean unset = false;
        for (Value v : values) {
            unset |= unsets(v);
        }
        List<Line> out = new ArrayList<>(2);
        if (unset) {
            out.add(line(dialog.unsetCommand(), values, true).line);
        }
        Built set = line(dialog.command(), values, false);
        if (!unset || set.flags > 0) {
            out.add(set.line);
        }
        return new Run(List.copyOf(out));
    }

    /** A line and how many flag parts (not positional values) it has. */
    private record Built(Line line, int flags) {
    }

    /** The set line ({@code unset} false) or the unset line of the values, after {@code command}. */
    private static Built line(String command, List<Value> values, boolean unset) {
        List<String> parts = new ArrayList<>();
        Set<String> groupsDone = new LinkedHashSet<>();
        for (Value v : values) {
            Field f = v.field();
            if (f.positional() || !qualifies(v) || unsets(v) != unset) {
                continue;
            }
            if (f.attr() != null) {
                if (groupsDone.add(f.group())) {
                    String g = group(f.group(), values, unset);
                    if (g != null) {
                        parts.add(g);
                    }
                }
                continue;
            }
            String p = unset ? f.unset() : flagPart(v);
            if (p != null) {
                parts.add(p);
            }
        }
        int flags = parts.size();
        boolean separated = false;
        for (Value v : values) {
            Field f = v.field();
            if (!f.positional() || !qualifies(v)) {
                continue;
            }
            boolean quote = f.prefix().equals("--'");
            if (f.prefix().equals("-- ") && !separated && !value(v).isEmpty()) {
                // a command and its arguments come after a -- word, so that none of them is taken
                // for a flag or for an attribute word of the flag before them
                parts.add("--");
                separated = true;
            }
            String val = value(v);
            if (f.isRing() && !f.values().isEmpty()) {
                String real = f.values().get(v.ringIndex());
                if (!real.isEmpty()) {
                    parts.add(real);
                }
                continue;
            }
            if (val.isEmpty()) {
                continue;
            }
            List<String> items = f.multi() == Field.Multi.SINGLE || f.multi() == Field.Multi.COMMA ? List.of(val)
                    : items(val);
            List<String> shown = new ArrayList<>();
            for (String item : items) {
                if (!quote) {
                    checkRaw(f, item);
                }
                shown.add(quote ? ShellWords.quote(item) : item);
            }
            parts.add(String.join(" ", shown));
        }
        String text = parts.isEmpty() ? command : command + " " + String.join(" ", parts);
        List<String> argv;
        try {
            argv = ShellWords.split(text);
        } catch (ShellWords.SyntaxException e) {
            throw AixException.of("smit.compose.shell", command, e.offending() == 0 ? "'" : e.offending());
        }
        return new Built(new Line(text, List.copyOf(argv)), flags);
    }

    /** A raw (unquoted) positional value must be plain words for the shell. */
    private static void checkRaw(Field f, String item) {
        try {
            ShellWords.split(item);
        } catch (ShellWords.SyntaxException e) {
            throw new AixException(Messages.get("smit.compose.special", f.label(),
                    e.offending() == 0 ? "'" : String.valueOf(e.offending())), 1, true);
        }
    }

    private static String flagPart(Value v) {
        Field f = v.field();
        String prefix = f.prefix();
        if (f.isRing() && !f.values().isEmpty()) {
            String real = f.values().get(v.ringIndex());
            return real.isEmpty() ? null : prefix + real;
        }
        String val = value(v);
        if (val.isEmpty()) {
            return prefix.isEmpty() ? null : prefix + ShellWords.quote("");
        }
        switch (f.multi()) {
            case FLAG_ONCE -> {
                List<String> q = new ArrayList<>();
                for (String item : items(val)) {
                    q.add(ShellWords.quote(item));
                }
                return prefix + String.join(" ", q);
            }
            case FLAG_EACH -> {
                List<String> q = new ArrayList<>();
                for (String item : items(val)) {
                    q.add(prefix + ShellWords.quote(item));
                }
                return String.join(" ", q);
            }
            default -> {
                return prefix + ShellWords.quote(val);
            }
        }
    }

    /**
     * The attribute group {@code group}: prefix once, then attr=value of each qualifying member
     * (in the unset line: the {@code unset} words of each member that clears its value).
     */
    private static String group(String group, List<Value> values, boolean unset) {
        String prefix = null;
        List<String> attrs = new ArrayList<>();
        for (Value v : values) {
            Field f = v.field();
            if (f.attr() == null || !group.equals(f.group()) || !qualifies(v) || unsets(v) != unset) {
                continue;
            }
            if (prefix == null) {
                prefix = f.prefix();
            }
            if (unset) {
                attrs.add(f.unset());
            } else if (f.isRing() && !f.values().isEmpty()) {
                String real = f.values().get(v.ringIndex());
                if (!real.isEmpty()) {
                    attrs.add(f.attr() + "=" + real);
                }
            } else {
                attrs.add(f.attr() + "=" + ShellWords.quote(value(v)));
            }
        }
        if (attrs.isEmpty()) {
            return null;
        }
        return prefix + String.join(" ", attrs);
    }

    /** The items of a multi-select value (blank- or comma-separated). */
    static List<String> items(String value) {
        List<String> out = new ArrayList<>();
        for (String s : value.split("[\\s,]+")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
