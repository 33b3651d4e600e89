package smittywpar.smit;

/** A screen of the menu tree: a menu, a selector or a dialog. Ids share one name space. */
public sealed interface ScreenDef permits Menu, Selector, Dialog {
    String id();

    String title();

    String help();

    Mark mark();

    /** False for screens that can only be reached through a selector (SMIT's has_name_select). */
    default boolean fastPathAllowed() {
        return true;
    }
}
