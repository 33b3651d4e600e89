package smittywpar.tui;

import java.util.ArrayList;
import java.util.List;

/** The cursor of a menu screen: arrows and paging move it, Enter opens, {@code /} and {@code n} find. */
public final class MenuNav {
    private final String title;
    private final List<MenuView.Item> items;
    private final ItemCursor cursor;

    public MenuNav(String title, List<MenuView.Item> items, int cursor) {
        this.title = title;
        this.items = List.copyOf(items);
        this.cursor = new ItemCursor(this.items.size(), i -> this.items.get(i).selectable(), cursor);
    }

    public int cursor() {
        return cursor.cursor();
    }

    public MenuView view(int rows) {
        cursor.shown(Layout.menuScroll(rows, items.size(), cursor.top(), cursor.cursor()));
        return new MenuView(title, items, cursor.cursor(), cursor.top());
    }

    public Intent handle(Action a) {
        if (cursor.move(a)) {
            return Intent.NONE;
        }
        switch (a.kind()) {
            case ENTER:
                return items.isEmpty() ? Intent.BEEP : Intent.of(Intent.Kind.OPEN, cursor.cursor());
            case HELP:
                return Intent.of(Intent.Kind.HELP, cursor.cursor());
            case CHAR:
                if (a.ch() == '/') {
                    return Intent.of(Intent.Kind.FIND);
                }
                return a.ch() == 'n' ? Intent.of(Intent.Kind.FIND_NEXT) : Intent.BEEP;
            default:
                return Intent.PASS;
        }
    }

    /** Moves to the next item containing {@code pattern}; false when none does. */
    public boolean find(String pattern) {
        List<String> texts = new ArrayList<>(items.size());
        items.forEach(i -> texts.add(i.text()));
        return cursor.find(texts, pattern);
    }
}
