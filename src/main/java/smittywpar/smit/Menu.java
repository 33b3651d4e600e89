package smittywpar.smit;

import java.util.List;

/** A menu (SMIT sm_menu_opt objects sharing one id): a title and its items in order. */
public record Menu(String id, String title, String help, List<Item> items, Mark mark) implements ScreenDef {
    /**
     * One line of a menu. {@code next} names the menu, selector or dialog it opens; an info line
     * ({@code info}) leads nowhere; an item that is not installed answers with SMIT's "no
     * additional SMIT screen entries" message.
     */
    public record Item(String text, String next, String help, boolean info, boolean installed, Mark mark) {
    }
}
