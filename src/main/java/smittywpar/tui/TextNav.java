package smittywpar.tui;

import java.util.List;

/**
 * A text pop-up (help, command string, error, ARE YOU SURE?, the F8 box): scrolls when its text
 * does not fit; Enter answers {@link Intent.Kind#DONE}, everything else passes to the controller
 * (F3 closes it, F10 leaves ...).
 */
public final class TextNav {
    private final String title;
    private final List<String> body;
    private int top;
    private int page = 1;

    public TextNav(String title, List<String> body) {
        this.title = title;
        this.body = List.copyOf(body);
    }

    public MessagePopupView view(int rows) {
        Layout.Scroll s = Layout.messagePopupScroll(rows, Layout.popupBody(body).size(), top);
        top = s.top();
        page = Math.max(1, s.visible());
        return new MessagePopupView(title, body, top);
    }

    public Intent handle(Action a) {
        switch (a.kind()) {
            case UP:
                top = Math.max(0, top - 1);
                return Intent.NONE;
            case DOWN:
                top++;
                return Intent.NONE;
            case PGUP:
                top = Math.max(0, top - page);
                return Intent.NONE;
            case PGDN:
                top += page;
                return Intent.NONE;
            case HOME:
                top = 0;
                return Intent.NONE;
            case END:
                top = Integer.MAX_VALUE;
                return Intent.NONE;
            case ENTER:
                return Intent.of(Intent.Kind.DONE);
            case CHAR:
                return Intent.BEEP;
            default:
                return Intent.PASS;
        }
    }
}
