package smittywpar.tui;

import java.util.List;

/** Everything on screen: one panel and the pop-ups over it, the last one on top (it has the keys). */
public record Scene(Panel base, List<Popup> popups) {
    public Scene {
        popups = List.copyOf(popups);
    }

    public static Scene of(Panel base, Popup... popups) {
        return new Scene(base, List.of(popups));
    }
}
