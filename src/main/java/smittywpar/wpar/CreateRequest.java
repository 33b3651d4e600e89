package smittywpar.wpar;

/** What mkwpar (or the SMIT create dialogs) asked for: raw flag values, validated by {@link Lifecycle}. */
public final class CreateRequest extends WparRequest {
    /** Null: no -p. Empty: -p without a name (the new WPAR's own name). */
    public String preserve;
    public boolean copyNameResolution;
    public boolean start;
    public boolean overwriteVg;
    /** A specification file to read (-f) or an existing WPAR to copy (-e), and -W. */
    public String specIn;
    public String existing;
    public boolean copyIdentity;
    /** Write the specification to this file (-o); with -w only write it. */
    public String specOut;
    public boolean writeOnly;

    /** The WPAR's name: -n, or what -p, -f or -e gave. */
    public String name() {
        return get(Attribute.NAME);
    }
}
