package smittywpar.wpar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What chwpar (or a SMIT Change/Show dialog) asked for: the flag values as given, checked and
 * applied by {@link Changes}. With {@link #remove} (-K) the same fields name what to remove.
 */
public final class ChangeRequest {
    public String name;
    /** -K: remove the characteristics named by the other flags. */
    public boolean remove;

    public String newName;
    public String hostname;
    public String directory;
    /** -u script (null: not given; "" clears it); with -K: any non-null value removes the script. */
    public String userscript;
    public String architecture;
    /** -U: null not given, "" generate a new UUID. */
    public String uuid;
    /** -b boot list (null: not given); with -K: any non-null value clears the boot list. */
    public String bootlist;

    public boolean autoResolve;
    public boolean force;
    public boolean verbose;
    public boolean autostart;
    public boolean checkpointable;
    public boolean routing;
    public boolean xwparipc;
    public boolean password;
    /** -S given (with -K: restore the default privileges). */
    public boolean security;
    /** -R given (with -K and no names: reset every resource control). */
    public boolean resourcesGiven;

    public final List<Map<String, String>> networks = new ArrayList<>();
    public final List<Map<String, String>> routes = new ArrayList<>();
    public final List<Map<String, String>> mounts = new ArrayList<>();
    public final List<Map<String, String>> devices = new ArrayList<>();
    public final List<Map<String, String>> kexts = new ArrayList<>();
    public final List<Map<String, String>> bootsets = new ArrayList<>();
    /** -R words: attr=value, or with -K bare attribute names. */
    public final List<String> resources = new ArrayList<>();
    public final Map<String, String> securityAttrs = new LinkedHashMap<>();

    /** Asks for a line of input after showing a prompt (-P); returns null at end of input. */
    public Function<String, String> prompt = p -> null;
}
