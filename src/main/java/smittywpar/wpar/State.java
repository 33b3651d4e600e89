package smittywpar.wpar;

/** WPAR states: the letter lswpar prints in tables and colon output, and the word in -L headers. */
public enum State {
    DEFINED('D', "Defined"),
    LOADED('L', "Loaded"),
    ACTIVE('A', "Active"),
    FROZEN('F', "Frozen"),
    PAUSED('P', "Paused"),
    MAINTENANCE('M', "Maintenance"),
    BROKEN('B', "Broken"),
    TRANSITIONAL('T', "Transitional"),
    ERROR('E', "Error");

    public final char letter;
    public final String word;

    State(char letter, String word) {
        this.letter = letter;
        this.word = word;
    }

    public static State ofLetter(char c) {
        for (State s : values()) {
            if (s.letter == c) {
                return s;
            }
        }
        return null;
    }

    /** Active, Maintenance, Loaded, Frozen, Paused: the WPAR holds kernel resources and mounts. */
    public boolean isRunning() {
        return this == ACTIVE || this == MAINTENANCE || this == LOADED || this == FROZEN || this == PAUSED;
    }
}
