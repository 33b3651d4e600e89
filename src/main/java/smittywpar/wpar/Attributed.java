package smittywpar.wpar;

import java.util.Map;
import java.util.TreeMap;

/**
 * Something that holds the attributes of one stanza of a WPAR file: the WPAR itself (general,
 * resources, security, runtime) or one of its networks, routes, mounts, devices, kernel
 * extensions and boot sets. Attributes the model classes name as fields are read and written
 * through {@link Attribute#get} and {@link Attribute#set}; an attribute added to the table
 * without a field of its own is kept here, so that adding one is a row of the table.
 */
public abstract class Attributed {
    private Map<Attribute, String> more;

    /** The value of an attribute without a field of its own, or null. */
    final String more(Attribute a) {
        return more == null ? null : more.get(a);
    }

    final void more(Attribute a, String value) {
        if (more == null) {
            // (a TreeMap keeps the table's order as an EnumMap would, without the reflective call an
            // EnumMap makes to list the constants: the first such call costs a young JVM about a millisecond)
            more = new TreeMap<>();
        }
        more.put(a, value);
    }

    /** The value of {@code a} as the WPAR file holds it (see {@link Attribute#get}). */
    public final String get(Attribute a) {
        return a.get(this);
    }

    /** Sets {@code a} from its file form (see {@link Attribute#set}). */
    public final void set(Attribute a, String value) {
        a.set(this, value);
    }
}
