package smittywpar.smit;

/**
 * A selector (SMIT sm_name_hdr): asks for one value, then opens the next screen.
 *
 * @param type how the next screen is found: {@code j} fixed {@code next}; {@code r} {@code next}
 *        followed by the value; {@code c} {@code next} followed by the output of {@code classify}
 * @param rawName name under which the value is passed on (default {@code _rawname})
 * @param cookedName name under which the classified value is passed on (default {@code _cookedname})
 */
public record Selector(String id, String title, String help, Field field, String next, char type, String classify,
        boolean ghost, boolean selectorOnly, String rawName, String cookedName, Mark mark) implements ScreenDef {
    @Override
    public boolean fastPathAllowed() {
        return !selectorOnly;
    }
}
