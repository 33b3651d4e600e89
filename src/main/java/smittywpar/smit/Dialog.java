package smittywpar.smit;

import java.util.List;

/**
 * A dialog (SMIT sm_cmd_hdr plus its sm_cmd_opt fields).
 *
 * @param command the command and its fixed options (cmd_to_exec)
 * @param ask ARE YOU SURE? before running
 * @param ghost no dialog is shown; the command runs as soon as the item is chosen
 * @param execMode SMIT exec_mode letter: p (default), n, i, e, E, P, N, I
 * @param discover commands whose colon output pre-fills the fields (cmd_to_discover), in order
 *        (a name printed by several takes the value of the first); empty for none
 * @param unsetCommand the command and fixed options of the line that removes settings whose
 *        fields were cleared (see {@link Composer}), or null
 * @param selectorOnly reachable only through a selector (has_name_select)
 * @param pending the command (or some of its flags) is not implemented in this build yet; the
 *        dialog is shown as not installed until {@code command} checks out against the registry
 */
public record Dialog(String id, String title, String help, String command, boolean ask, boolean ghost,
        char execMode, List<String> discover, String unsetCommand, boolean selectorOnly, boolean pending,
        List<Field> fields, Mark mark) implements ScreenDef {
    @Override
    public boolean fastPathAllowed() {
        return !selectorOnly;
    }

    /** The command name (first word of {@link #command}). */
    public String commandName() {
        int sp = command.indexOf(' ');
        return sp < 0 ? command : command.substring(0, sp);
    }

    /** True when exec_mode asks SMIT to back up past the dialog after a successful run (P, N, I). */
    public boolean backUpOnSuccess() {
        return execMode == 'P' || execMode == 'N' || execMode == 'I';
    }
}
