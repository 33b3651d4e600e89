package smittywpar.tui;

/**
 * How the screen is decorated. {@link #MONO} is the default, like AIX: no colour at all, the
 * cursor item in reverse video. {@link #COLOR} only adds a little colour to titles and pop-up
 * borders; it is used when {@code SMITTY_WPAR_COLOR} is set and {@code NO_COLOR} is not.
 * Nothing ever depends on colour.
 */
public enum Theme {
    MONO, COLOR
}
