package smittywpar.smit;

/**
 * A selector (SMIT sm_name_hdr): asks for one value, then opens the next screen.
 *
 * @param type how the next screen is found: {@code j} fixed {@code next}; {@code r} {@code next}
 *        followed by the value; {@code c} {@code next} followed by the output of {@code classify}
 * @param verify a command that accepts the value: run with it as {@code {_rawname}} on Enter, it
 *        must end well and print the value as the first word of a line; null: the value must be
 *        one of the field's F4 list (when it has one)
 * @param rawName name under which the value is passed on (default {@code _rawname})
 * @param cookedName name under which the classified value is passed on (default {@code _cookedname})
 */
public record Selector(String id, String title, String help, Field field, String next, char type, String classify,
        String verify, boolean ghost, boolean selectorOnly, String rawName, String cookedName, Mark mark)
        implements ScreenDef {
    @Override
    public boolean fastPathAllowed() {
        return !selectorOnly;
    }
}
