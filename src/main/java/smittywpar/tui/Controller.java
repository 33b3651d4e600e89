package smittywpar.tui;

/**
 * What {@link TuiApp} drives: it asks for a {@link Scene} before every repaint and hands over
 * each decoded {@link Action}. Implemented over the {@code smit} session; knows nothing about
 * terminals.
 */
public interface Controller {
    /** What the loop does after an action. */
    enum Outcome { CONTINUE, EXIT }

    /** The frame to show on a screen of this size (called before every repaint). */
    Scene scene(int cols, int rows);

    /**
     * Reacts to one action. F2 and Ctrl-L never arrive (the loop repaints); the others do, F10
     * included, so the controller can log the exit before answering {@link Outcome#EXIT}. When
     * the terminal goes away (end of input) the controller gets F10.
     */
    Outcome handle(Action action, Ui ui);

    /**
     * Called before every pass over the waiting keys. True when the frame changed on its own (a
     * command that was waiting has run), so the loop repaints.
     */
    default boolean poll() {
        return false;
    }

    /**
     * Called once by the screen loop before the first frame: {@code wake} asks it (from any
     * thread) to call {@link #poll} and repaint soon, also while it waits for a key, e.g. when a
     * command that runs on a thread of its own wrote a line.
     */
    default void onChange(Runnable wake) {
    }

    /** True when {@link #poll} has work to do: the loop then does not wait for a key. */
    default boolean busy() {
        return false;
    }

    /** Called once the first frame is up, when the loop first waits for a key (work deferred at start-up may begin). */
    default void idle() {
    }

    /** Called once when the screen loop is over, however it ended (end the session, flush logs). */
    default void close() {
    }

    /** The exit status of the program once the session is over. */
    default int exitCode() {
        return 0;
    }
}
