package smittywpar.tui;

import java.util.List;

/**
 * A pop-up of text: ARE YOU SURE?, SHOW COMMAND STRING, ERROR MESSAGE, help, the F8 box.
 *
 * @param title centred on the first row
 * @param body  lines of text; long lines wrap, and the body scrolls when it does not fit
 * @param top   first body row shown after wrapping (clamped when drawn)
 */
public record MessagePopupView(String title, List<String> body, int top, List<String> legend) implements Popup {
    public MessagePopupView {
        body = List.copyOf(body);
        legend = List.copyOf(legend);
    }
}
