package smittywpar.tui;

/** What a {@link Controller} may ask of the terminal while it handles an action. */
public interface Ui {
    /** The screen exactly as shown now, one line per row, trailing blanks removed (F8 image). */
    String image();

    /**
     * Runs the user's shell (F9) on the normal screen with the terminal in its usual mode;
     * returns when the shell exits, and the loop then repaints everything. False when no shell
     * can be run here.
     */
    boolean shell();

    /** Rings the terminal bell (a key that means nothing here). */
    void beep();
}
