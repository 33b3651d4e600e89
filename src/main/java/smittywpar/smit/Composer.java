package smittywpar.smit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import smittywpar.msg.AixException;
import smittywpar.msg.Messages;

/**
 * Builds a dialog's command line by SMIT's rules. The result is one text (what F6 shows and
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
 * <li>Positional fields ({@code --} unquoted, {@code --'} quoted) follow all flags, in order.</li>
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

    /** The field's value as typed or shown (stripped unless entry raw). */
    static String value(Value v) {
        Field f = v.field();
        if (f.isRing()) {
            return f.ring().get(v.ringIndex());
        }
        return f.entry() == Field.Entry.RAW ? v.text() : v.text().strip();
    }

    /**
     * Composes the command line of {@code dialog} from its field values (one per field, in order).
     *
     * @throws AixException (SMIT error text) when a value would be interpreted by the shell
     */
    public static Line compose(Dialog dialog, List<Value> values) {
        List<String> parts = new ArrayList<>();
        Set<String> groupsDone = new LinkedHashSet<>();
        for (Value v : values) {
            Field f = v.field();
            if (f.positional() || !qualifies(v)) {
                continue;
            }
            if (f.attr() != null) {
                if (groupsDone.add(f.group())) {
                    String g = group(f.group(), values);
                    if (g != null) {
                        parts.add(g);
                    }
                }
                continue;
            }
            String p = flagPart(v);
            if (p != null) {
                parts.add(p);
            }
        }
        for (Value v : values) {
            Field f = v.field();
            if (!f.positional() || !qualifies(v)) {
                continue;
            }
            boolean quote = f.prefix().equals("--'");
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
        String text = parts.isEmpty() ? dialog.command() : dialog.command() + " " + String.join(" ", parts);
        List<String> argv;
        try {
            argv = ShellWords.split(text);
        } catch (ShellWords.SyntaxException e) {
            throw AixException.of("smit.compose.shell", dialog.command(), e.offending() == 0 ? "'" : e.offending());
        }
        return new Line(text, List.copyOf(argv));
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

    /** The attribute group {@code group}: prefix once, then attr=value of each qualifying member. */
    private static String group(String group, List<Value> values) {
        String prefix = null;
        List<String> attrs = new ArrayList<>();
        for (Value v : values) {
            Field f = v.field();
            if (f.attr() == null || !group.equals(f.group()) || !qualifies(v)) {
                continue;
            }
            if (prefix == null) {
                prefix = f.prefix();
            }
            if (f.isRing() && !f.values().isEmpty()) {
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
