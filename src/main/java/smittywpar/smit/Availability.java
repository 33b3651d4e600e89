package smittywpar.smit;

import java.util.HashMap;
import java.util.Map;

import smittywpar.cmd.Commands;

/**
 * Which screens of a tree lead somewhere in this build: a menu always; a dialog when its command
 * is registered and, when it is marked pending, its command lines now check out (SMIT answers
 * 1800-109 for the others); a selector when the screen it leads to does (or when it classifies).
 */
final class Availability {
    private final MenuTree tree;
    private final Map<String, Boolean> dialogs = new HashMap<>();

    Availability(MenuTree tree) {
        this.tree = tree;
    }

    boolean of(ScreenDef s) {
        if (s instanceof Menu) {
            return true;
        }
        if (s instanceof Selector sel) {
            return sel.type() != 'j' || of(tree.screen(sel.next()));
        }
        if (s instanceof Dialog d) {
            return dialogs.computeIfAbsent(d.id(),
                    k -> Commands.exists(d.commandName()) && (!d.pending() || Validator.probe(d).isEmpty()));
        }
        return false;
    }
}
