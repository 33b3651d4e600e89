package smittywpar.wpar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What mkwpar (or the SMIT create dialogs) asked for: raw flag values, validated by {@link Lifecycle}. */
public final class CreateRequest {
    public String name;
    public String hostname;
    public String directory;
    public String vg;
    public String userscript;
    public String devexports;
    /** Null: no -p. Empty: -p without a name (the new WPAR's own name). */
    public String preserve;
    public boolean autoResolve;
    public boolean autostart;
    public boolean checkpointable;
    public boolean routing;
    public boolean copyNameResolution;
    public boolean privateUsr;
    public boolean start;
    public boolean verbose;
    public boolean overwriteVg;
    public boolean force;
    /** A specification file to read (-f) or an existing WPAR to copy (-e), and -W. */
    public String specIn;
    public String existing;
    public boolean copyIdentity;
    /** Write the specification to this file (-o); with -w only write it. */
    public String specOut;
    public boolean writeOnly;
    public final List<Map<String, String>> networks = new ArrayList<>();
    public final List<Map<String, String>> routes = new ArrayList<>();
    public final List<Map<String, String>> mounts = new ArrayList<>();
    public final List<Map<String, String>> devices = new ArrayList<>();
    public final List<String> resources = new ArrayList<>();
    public final Map<String, String> security = new LinkedHashMap<>();
}
