package smittywpar.tui;

import java.util.ArrayList;
import java.util.List;

/**
 * The F4 list pop-up: cursor, marks ({@code >}, toggled with F7 in a multi-select list) and find.
 * Enter answers {@link Intent.Kind#PICK}; {@link #chosen()} then says which items.
 */
public final class ListNav {
    private final String title;
    private final boolean multi;
    private final List<String> texts;
    private final boolean[] selectable;
    private final boolean[] marked;
    private final ItemCursor cursor;

    /**
     * @param items  the list lines; lines starting with {@code #} are headings and cannot be chosen
     * @param marked lines marked at the start (values already in a multi-select field)
     */
    public ListNav(String title, boolean multi, List<String> items, List<Integer> marked) {
        this.title = title;
        this.multi = multi;
        this.texts = List.copyOf(items);
        this.selectable = new boolean[texts.size()];
        this.marked = new boolean[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            selectable[i] = !texts.get(i).startsWith("#");
        }
        int first = 0;
        if (multi) {
            for (int i : marked) {
                if (i >= 0 && i < texts.size() && selectable[i]) {
                    this.marked[i] = true;
                }
            }
        } else if (!marked.isEmpty()) {
            first = marked.get(0);
        }
        this.cursor = new ItemCursor(texts.size(), i -> selectable[i], first);
    }

    public boolean isEmpty() {
        for (boolean s : selectable) {
            if (s) {
                return false;
            }
        }
        return true;
    }

    public ListPopupView view(int rows) {
        List<ListPopupView.Item> items = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            items.add(new ListPopupView.Item(texts.get(i), selectable[i], marked[i]));
        }
        cursor.shown(Layout.listPopupScroll(rows, Texts.lines(multi ? "list.multi" : "list.single").size(), multi,
                texts.size(), cursor.top(), cursor.cursor()));
        return new ListPopupView(title, multi, items, cursor.cursor(), cursor.top());
    }

    public Intent handle(Action a) {
        if (cursor.move(a)) {
            return Intent.NONE;
        }
        switch (a.kind()) {
            case ENTER:
                return isEmpty() ? Intent.BEEP : Intent.of(Intent.Kind.PICK, cursor.cursor());
            case EDIT:
                if (!multi || isEmpty()) {
                    return Intent.BEEP;
                }
                marked[cursor.cursor()] = !marked[cursor.cursor()];
                return Intent.NONE;
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

    /**
     * The chosen items, in list order: the marked ones in a multi-select list (the item under
     * the cursor when none is marked), else the one under the cursor.
     */
    public List<Integer> chosen() {
        List<Integer> out = new ArrayList<>();
        if (multi) {
            for (int i = 0; i < marked.length; i++) {
                if (marked[i]) {
                    out.add(i);
                }
            }
        }
        if (out.isEmpty() && !isEmpty()) {
            out.add(cursor.cursor());
        }
        return out;
    }

    public boolean find(String pattern) {
        return cursor.find(texts, pattern);
    }
}
