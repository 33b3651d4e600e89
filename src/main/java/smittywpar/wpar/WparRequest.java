package smittywpar.wpar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a command asked a WPAR to have, as given on its command line: the general attributes by
 * their flags, and the {@code attribute=value} words of the flags of the repeated sections (one
 * map per flag given). The base of {@link CreateRequest} (mkwpar) and {@link ChangeRequest}
 * (chwpar); the engine checks and applies them.
 */
public abstract class WparRequest {
    /**
     * The general attributes given by their flags: the value as typed, or "yes" for a yes/no
     * attribute whose flag was given.
     */
    private final Map<Attribute, String> general = new TreeMap<>(); // (the table's order; see Attributed#more)
    /** -a: resolve conflicting settings (an address or directory in use) instead of failing. */
    public boolean autoResolve;
    /** -F */
    public boolean force;
    /** -v */
    public boolean verbose;
    public final List<Map<String, String>> networks = new ArrayList<>();
    public final List<Map<String, String>> routes = new ArrayList<>();
    public final List<Map<String, String>> mounts = new ArrayList<>();
    public final List<Map<String, String>> devices = new ArrayList<>();
    public final List<Map<String, String>> kexts = new ArrayList<>();
    /** -P: set the root password of the WPAR (read twice through {@link #prompt}). */
    public boolean password;
    /** Asks for a line of input after showing a prompt (-P); returns null at end of input. Null: no input. */
    public Function<String, String> prompt;
    /** -R words: attr=value (with chwpar -K, bare attribute names). */
    public final List<String> resources = new ArrayList<>();
    /** -S words by attribute name. */
    public final Map<String, String> security = new LinkedHashMap<>();

    /** The value given for a general attribute, or null when its flag was not given. */
    public String get(Attribute a) {
        return general.get(a);
    }

    /** True when the flag of {@code a} was given. */
    public boolean has(Attribute a) {
        return general.containsKey(a);
    }

    /** True when a yes/no attribute was asked for. */
    public boolean yes(Attribute a) {
        return "yes".equals(general.get(a));
    }

    /** Sets a general attribute (null: as if its flag was not given). */
    public void put(Attribute a, String value) {
        if (value == null) {
            general.remove(a);
        } else {
            general.put(a, value);
        }
    }

    /** The word maps of a repeated section's flag (-N, -I, -M, -D, -X). */
    public List<Map<String, String>> words(Attribute.Section section) {
        return switch (section) {
            case NETWORK -> networks;
            case ROUTE -> routes;
            case MOUNT -> mounts;
            case DEVICE -> devices;
            case EXTENSION -> kexts;
            default -> throw new IllegalArgumentException(section.stanza);
        };
    }
}
