package smittywpar.tui;

import java.util.Arrays;
import java.util.List;

import smittywpar.msg.Messages;

/** The TUI's fixed texts: the {@code tui.} block of the one message catalogue. */
final class Texts {
    private static final String PREFIX = "tui.";

    private Texts() {
    }

    static String get(String key, Object... args) {
        return Messages.get(PREFIX + key, args);
    }

    /** A text of several lines (separated by {@code \n} in the catalogue). */
    static List<String> lines(String key, Object... args) {
        return Arrays.asList(get(key, args).split("\n", -1));
    }
}
