package smittywpar.smit;

import java.util.List;

import smittywpar.msg.AixException;
import smittywpar.msg.Messages;

/** The menu definitions could not be loaded or are not valid: every problem, with file:line:column. */
public final class MenuException extends AixException {
    private static final long serialVersionUID = 1L;
    /** At most this many problems are printed; the rest are counted. */
    static final int SHOWN = 25;
    private final transient List<String> problems;

    public MenuException(List<String> problems) {
        super(text(problems), 1, true);
        this.problems = List.copyOf(problems);
    }

    /** The problems, each {@code file:line:column: text}. */
    public List<String> problems() {
        return problems;
    }

    private static String text(List<String> problems) {
        StringBuilder sb = new StringBuilder(Messages.get("smit.menus.invalid"));
        for (int i = 0; i < problems.size() && i < SHOWN; i++) {
            sb.append('\n').append(problems.get(i));
        }
        if (problems.size() > SHOWN) {
            sb.append('\n').append(Messages.get("smit.menus.more", problems.size() - SHOWN));
        }
        return sb.toString();
    }
}
