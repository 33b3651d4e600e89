package smittywpar.wpar;

import java.util.ArrayList;
import java.util.List;

/** What mkwpar (or the SMIT create dialogs) asked for: raw flag values, validated by {@link Lifecycle}. */
public final class CreateRequest extends WparRequest {
    /** Null: no -p. Empty: -p without a name (the new WPAR's own name). */
    public String preserve;
    public boolean copyNameResolution;
    public boolean start;
    public boolean overwriteVg;
    /** A specification file to read (-f) or an existing WPAR to copy (-e). */
    public String specIn;
    public String existing;
    /** -W: leave out the boot set information of the WPAR copied with -e. */
    public boolean noBootsets;
    /** The boot sets and boot list a template gives the new WPAR (empty, null: none). */
    public final List<Wpar.Bootset> bootsets = new ArrayList<>();
    public String bootlist;
    /** Write the specification to this file (-o); with -w only write it. */
    public String specOut;
    public boolean writeOnly;

    /** The WPAR's name: -n, or what -p, -f or -e gave. */
    public String name() {
        return get(Attribute.NAME);
    }
}
