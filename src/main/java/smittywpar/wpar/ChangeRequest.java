package smittywpar.wpar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What chwpar (or a SMIT Change/Show dialog) asked for: the flag values as given, checked and
 * applied by {@link Changes}. With {@link #remove} (-K) the same fields name what to remove.
 */
public final class ChangeRequest extends WparRequest {
    public String name;
    /** -K: remove the characteristics named by the other flags. */
    public boolean remove;

    // General attributes by their chwpar flags: -n the new name, -u "" clears the script, -U
    // without a value "" for a new UUID; a yes/no flag given is "yes" (with -K: remove it); with -K
    // a value flag given (-u, -b) has the value "": clear it.

    /** -S given (with -K: restore the default privileges). */
    public boolean securityGiven;
    /** -R given (with -K and no names: reset every resource control). */
    public boolean resourcesGiven;
    /** The words of the -B flags: one boot set made of them all (with -K: bootset= of each to remove). */
    public final List<Map<String, String>> bootsets = new ArrayList<>();
}
