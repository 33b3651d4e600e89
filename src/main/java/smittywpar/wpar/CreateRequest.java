package smittywpar.wpar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    /** -B: the device or file holding a WPAR backup or system backup image to create it from. */
    public String backup;
    /** -C: a versioned WPAR (AIX 5.2/5.3); -E: the directory of its filesets. */
    public boolean versioned;
    public String versionedDir;
    /** -t: a system copy WPAR (a copy of the global system's root volume group). */
    public boolean systemCopy;
    /** -T words (the copy_controls of a system copy). */
    public final Map<String, String> copyControls = new LinkedHashMap<>();
    /** -k: post-installation customization scripts. */
    public final List<String> scripts = new ArrayList<>();
    /** -L words: image_data=, shrink=, ignore_maps=, ignore_lvs=. */
    public final Map<String, String> imageOptions = new LinkedHashMap<>();
    /** The boot sets and boot list a template gives the new WPAR (empty, null: none). */
    public final List<Wpar.Bootset> bootsets = new ArrayList<>();
    public String bootlist;
    /**
     * restwpar: the WPAR is re-created from a backup image, whose restore prints its files and
     * the end of the creation; mkwpar prints only the file systems it creates.
     */
    public boolean fromBackup;
    /** restwpar: the logical volume each file system had (by mount point), kept when it is free. */
    public final Map<String, String> lvNames = new LinkedHashMap<>();
    /** Write the specification to this file (-o); with -w only write it. */
    public String specOut;
    public boolean writeOnly;
    /** wparexec -1: only define the application WPAR (Defined); startwpar starts it. */
    public boolean configOnly;

    /** The WPAR's name: -n, or what -p, -f or -e gave. */
    public String name() {
        return get(Attribute.NAME);
    }
}
