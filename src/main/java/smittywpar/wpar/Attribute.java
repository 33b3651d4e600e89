package smittywpar.wpar;

import static smittywpar.wpar.Attribute.Keep.ALWAYS;
import static smittywpar.wpar.Attribute.Keep.NEVER;
import static smittywpar.wpar.Attribute.Keep.NOT_DEFAULT;
import static smittywpar.wpar.Attribute.Keep.NOT_LV;
import static smittywpar.wpar.Attribute.Keep.SET;
import static smittywpar.wpar.Attribute.Section.BOOTSET;
import static smittywpar.wpar.Attribute.Section.COPY_CONTROLS;
import static smittywpar.wpar.Attribute.Section.DEVICE;
import static smittywpar.wpar.Attribute.Section.EXTENSION;
import static smittywpar.wpar.Attribute.Section.GENERAL;
import static smittywpar.wpar.Attribute.Section.MOUNT;
import static smittywpar.wpar.Attribute.Section.NETWORK;
import static smittywpar.wpar.Attribute.Section.RESOURCES;
import static smittywpar.wpar.Attribute.Section.ROUTE;
import static smittywpar.wpar.Attribute.Section.RUNTIME;
import static smittywpar.wpar.Attribute.Section.SECURITY;

import java.util.ArrayList;
import java.util.List;


/**
 * Every attribute of a workload partition, described once. A row gives:
 * <ul>
 * <li>the {@link Section} (the stanza of {@code wpars/NAME.cf} and of specification files) and
 * the {@code key} there, which is also the attribute name of the section's {@code -N -I -M -R -S
 * -D -X} flag words;</li>
 * <li>the value {@link Type} with its validation, and the {@code dflt} an absent key stands for
 * (null: none, or one that depends on other attributes, see {@link #contextDefault});</li>
 * <li>when the state file and a specification file write it ({@link Keep});</li>
 * <li>its lswpar colon name ({@code column}) and paragraph or table label ({@code label}), null
 * when lswpar does not show it;</li>
 * <li>the mkwpar and chwpar flag that sets it: a general attribute's own flag letter, or the
 * section's flag when that flag takes {@code key=value} words (blank: none).</li>
 * </ul>
 * The WPAR codec, attribute parsing, specification files, lswpar's views and the Change/Show
 * discovery columns are all driven by this table. The rows of a section are in the order of the
 * section in a WPAR file (and of the words lswpar and the usage lists show). Adding an attribute
 * is one row: without a field of its own in the model it is kept by {@link Attributed}.
 */
public enum Attribute {
    NAME(GENERAL, "name", ValueType.WPAR_NAME, null, ALWAYS, ALWAYS, "name", "Name", 'n', 'n'),
    HOSTNAME(GENERAL, "hostname", ValueType.HOSTNAME, null, ALWAYS, ALWAYS, "hostname", "Hostname", 'h', 'h'),
    DIRECTORY(GENERAL, "directory", ValueType.PATH, null, ALWAYS, ALWAYS, "directory", "Directory", 'd', 'd'),
    STATE(GENERAL, "state", ValueType.STATE, "D", ALWAYS, NEVER, "state", "State", ' ', ' '),
    TYPE(GENERAL, "type", ValueType.WPAR_TYPE, "S", ALWAYS, ALWAYS, "type", "Type", ' ', ' '),
    OWNER(GENERAL, "owner", ValueType.TEXT, "root", ALWAYS, ALWAYS, "owner", "Owner", ' ', ' '),
    SCRIPT(GENERAL, "script", ValueType.PATH, "", SET, SET, "script", "Start/Stop Script", 'u', 'u'),
    APPLICATION(GENERAL, "application", ValueType.TEXT, "", SET, SET, "application", "Application", ' ', ' '),
    /** the var=value words wparexec gives an application WPAR's tracked command [D: the key is chosen] */
    ENVIRONMENT(GENERAL, "environment", ValueType.TEXT, "", SET, SET, null, null, ' ', ' '),
    ROOTVG(GENERAL, "rootvgwpar", ValueType.YESNO, "no", ALWAYS, ALWAYS, "rootvgwpar", "RootVG WPAR", ' ', ' '),
    AUTO(GENERAL, "auto", ValueType.YESNO, "no", ALWAYS, ALWAYS, "auto", "Auto", 'A', 'A'),
    PRIVATEUSR(GENERAL, "privateusr", ValueType.YESNO, "no", ALWAYS, ALWAYS, "privateusr", "Private /usr", 'l', ' '),
    CHECKPOINTABLE(GENERAL, "checkpointable", ValueType.YESNO, "no", ALWAYS, ALWAYS, "checkpointable", "Checkpointable", 'c', 'c'),
    ROUTING(GENERAL, "routing", ValueType.YESNO, "no", ALWAYS, ALWAYS, "routing", "WPAR-Specific Routing", 'i', 'i'),
    XWPARIPC(GENERAL, "xwparipc", ValueType.YESNO, "no", ALWAYS, ALWAYS, "xwparipc", "Cross-WPAR IPC", ' ', 'x'),
    VIPWPAR(GENERAL, "vipwpar", ValueType.TEXT, "", SET, SET, "vipwpar", "Virtual IP WPAR", ' ', ' '),
    OSTYPE(GENERAL, "ostype", ValueType.TEXT, "0", ALWAYS, ALWAYS, "ostype", "OStype", ' ', ' '),
    ARCHITECTURE(GENERAL, "architecture", ValueType.ARCHITECTURE, "none", ALWAYS, ALWAYS, "architecture", "Architecture", 'H', 'H'),
    VG(GENERAL, "vg", ValueType.TEXT, "rootvg", ALWAYS, ALWAYS, null, null, 'g', ' '),
    DEVEXPORTS(GENERAL, "devices", ValueType.PATH, "/etc/wpars/devexports", ALWAYS, ALWAYS, null, null, 'b', ' '),
    BOOTLIST(GENERAL, "bootlist", ValueType.BOOTSETS, "", SET, SET, "bootlist", "Bootlist", ' ', 'b'),
    BOOTED(GENERAL, "booted", ValueType.DIGITS, "0", NOT_DEFAULT, NEVER, null, null, ' ', ' '),
    UUID(GENERAL, "uuid", ValueType.UUID, "", ALWAYS, SET, "uuid", "UUID", 'U', 'U'),
    /**
     * the fileset levels a system WPAR holds in its own file systems ({@code name=level} words):
     * the root parts of a shared WPAR, every fileset of a detached one (-l); absent in files
     * written before software synchronisation: the WPAR is then in step with the global
     * environment [D: the key is chosen]
     */
    SOFTWARE(GENERAL, "software", ValueType.LEVELS, null, SET, NEVER, null, null, ' ', ' '),

    INTERFACE(NETWORK, "interface", ValueType.TEXT, "", SET, SET, "interface", "Interface", 'N', 'N'),
    ADDRESS(NETWORK, "address", ValueType.IPV4, "", SET, SET, null, null, 'N', 'N'),
    NETMASK(NETWORK, "netmask", ValueType.NETMASK, "", SET, SET, null, null, 'N', 'N'),
    BROADCAST(NETWORK, "broadcast", ValueType.IPV4, "", SET, SET, "broadcast", "Broadcast", 'N', 'N'),
    ADDRESS6(NETWORK, "address6", ValueType.IPV6, "", SET, SET, null, null, 'N', 'N'),
    PREFIXLEN(NETWORK, "prefixlen", ValueType.PREFIX, "", SET, SET, null, null, 'N', 'N'),

    RTDEST(ROUTE, "rtdest", ValueType.ROUTE_DEST, "", SET, SET, null, null, 'I', 'I'),
    RTGATEWAY(ROUTE, "rtgateway", ValueType.ADDRESS, "", SET, SET, "rtgateway", "Gateway", 'I', 'I'),
    RTINTERFACE(ROUTE, "rtinterface", ValueType.TEXT, "", SET, SET, "rtinterface", "Interface", 'I', 'I'),
    RTNETMASK(ROUTE, "rtnetmask", ValueType.NETMASK, "", SET, SET, null, null, 'I', 'I'),
    RTPREFIXLEN(ROUTE, "rtprefixlen", ValueType.PREFIX, "", SET, SET, null, null, 'I', 'I'),
    RTTYPE(ROUTE, "rttype", ValueType.RTTYPE, "", SET, SET, "rttype", "Type", 'I', 'I'),
    RTFAMILY(ROUTE, "rtfamily", ValueType.RTFAMILY, "", SET, SET, "rtfamily", "Family", 'I', 'I'),

    MOUNT_DIRECTORY(MOUNT, "directory", ValueType.PATH, "", ALWAYS, ALWAYS, null, null, 'M', 'M'),
    VFS(MOUNT, "vfs", ValueType.VFS, "jfs2", ALWAYS, ALWAYS, "vfs", "Vfs", 'M', 'M'),
    DEV(MOUNT, "dev", ValueType.TEXT, "", SET, NOT_LV, "device", "Device", 'M', 'M'),
    HOST(MOUNT, "host", ValueType.TEXT, "", SET, SET, "nodename", "Nodename", 'M', 'M'),
    MOUNTOPTS(MOUNT, "mountopts", ValueType.TEXT, "", SET, SET, null, null, 'M', 'M'),
    SIZE(MOUNT, "size", ValueType.BLOCKS, "0", ALWAYS, ALWAYS, null, null, 'M', 'M'),
    MOUNT_VG(MOUNT, "vg", ValueType.TEXT, "", SET, SET, null, null, 'M', 'M'),
    LOGNAME(MOUNT, "logname", ValueType.TEXT, "", SET, SET, null, null, 'M', 'M'),
    CRFSOPTS(MOUNT, "crfsopts", ValueType.TEXT, "", SET, SET, null, null, 'M', 'M'),
    MODE(MOUNT, "mode", ValueType.MODE, "", SET, SET, null, null, 'M', 'M'),
    USED(MOUNT, "used", ValueType.DIGITS, "0", ALWAYS, NEVER, null, null, ' ', ' '),
    IUSED(MOUNT, "iused", ValueType.DIGITS, "0", ALWAYS, NEVER, null, null, ' ', ' '),
    IPCT(MOUNT, "ipct", ValueType.DIGITS, "0", ALWAYS, NEVER, null, null, ' ', ' '),
    MOUNTED(MOUNT, "mounted", ValueType.YESNO, null, NOT_DEFAULT, NEVER, null, null, ' ', ' '),
    MOUNTED_AT(MOUNT, "mounted_at", ValueType.TEXT, "", SET, NEVER, null, null, ' ', ' '),

    ACTIVE(RESOURCES, "active", ValueType.YESNO, "yes", ALWAYS, ALWAYS, "active", "Active", 'R', 'R'),
    RSET(RESOURCES, "rset", ValueType.RSET, "", SET, SET, "rset", "Resource Set", 'R', 'R'),
    SHARES_CPU(RESOURCES, "shares_CPU", ValueType.SHARES, "unlimited", SET, SET, "shares_CPU", "CPU Shares", 'R', 'R'),
    CPU(RESOURCES, "CPU", ValueType.LIMITS, "0%-100%,100%", SET, SET, "CPU", "CPU Limits", 'R', 'R'),
    SHARES_MEMORY(RESOURCES, "shares_memory", ValueType.SHARES, "unlimited", SET, SET, "shares_memory", "Memory Shares", 'R', 'R'),
    MEMORY(RESOURCES, "memory", ValueType.LIMITS, "0%-100%,100%", SET, SET, "memory", "Memory Limits", 'R', 'R'),
    PROC_VIRT_MEM(RESOURCES, "procVirtMem", ValueType.MEMSIZE, "unlimited", SET, SET, "procVirtMem", "Per-Process Virtual Memory Limit", 'R', 'R'),
    TOTAL_VIRT_MEM(RESOURCES, "totalVirtMem", ValueType.MEMSIZE, "unlimited", SET, SET, "totalVirtMem", "Total Virtual Memory Limit", 'R', 'R'),
    TOTAL_PROCESSES(RESOURCES, "totalProcesses", ValueType.COUNT, "unlimited", SET, SET, "totalProcesses", "Total Processes", 'R', 'R'),
    TOTAL_THREADS(RESOURCES, "totalThreads", ValueType.COUNT, "unlimited", SET, SET, "totalThreads", "Total Threads", 'R', 'R'),
    TOTAL_PTYS(RESOURCES, "totalPTYs", ValueType.COUNT, "unlimited", SET, SET, "totalPTYs", "Total PTYs", 'R', 'R'),
    TOTAL_LARGE_PAGES(RESOURCES, "totalLargePages", ValueType.COUNT, "unlimited", SET, SET, "totalLargePages", "Total Large Pages", 'R', 'R'),
    PCT_MSG_IDS(RESOURCES, "pct_msgIDs", ValueType.PERCENT, "100%", SET, SET, "pct_msgIDs", "Max Message Queue IDs", 'R', 'R'),
    PCT_SEM_IDS(RESOURCES, "pct_semIDs", ValueType.PERCENT, "100%", SET, SET, "pct_semIDs", "Max Semaphore IDs", 'R', 'R'),
    PCT_SHM_IDS(RESOURCES, "pct_shmIDs", ValueType.PERCENT, "100%", SET, SET, "pct_shmIDs", "Max Shared Memory IDs", 'R', 'R'),
    PCT_PIN_MEM(RESOURCES, "pct_pinMem", ValueType.PERCENT, "100%", SET, SET, "pct_pinMem", "Max Pinned Memory", 'R', 'R'),

    SECFILE(SECURITY, "secfile", ValueType.PATH, "/etc/wpars/secattrs", ALWAYS, ALWAYS, null, null, 'S', 'S'),
    PRIVS(SECURITY, "privs", ValueType.PRIVILEGES, null, SET, SET, "privs", "Privileges", 'S', 'S'),
    PRIVS_ADD(SECURITY, "privs+", ValueType.PRIVILEGES, null, NEVER, NEVER, null, null, 'S', 'S'),
    PRIVS_REMOVE(SECURITY, "privs-", ValueType.PRIVILEGES, null, NEVER, NEVER, null, null, 'S', 'S'),

    DEVNAME(DEVICE, "devname", ValueType.TEXT, "", ALWAYS, ALWAYS, "devname", "Device Name", 'D', 'D'),
    DEVTYPE(DEVICE, "devtype", ValueType.DEVTYPE, "", SET, SET, "devtype", "Type", 'D', 'D'),
    DEVID(DEVICE, "devid", ValueType.TEXT, "", SET, SET, null, null, 'D', 'D'),
    EXPORT(DEVICE, "export", ValueType.YESNO, "yes", NOT_DEFAULT, NOT_DEFAULT, null, null, 'D', 'D'),
    DEV_ROOTVG(DEVICE, "rootvg", ValueType.YESNO, "", SET, SET, "rootvg", "RootVG", 'D', 'D'),
    VDEVNAME(DEVICE, "vdevname", ValueType.TEXT, "", SET, SET, "vdevname", "Virtual Device", ' ', ' '),
    XFACTOR(DEVICE, "xfactor", ValueType.TEXT, null, NEVER, NEVER, null, null, 'D', 'D'),

    KEXT(EXTENSION, "kext", ValueType.TEXT, "", ALWAYS, ALWAYS, "kext", "Extension Name", 'X', 'X'),
    LOCAL(EXTENSION, "local", ValueType.YESNO, "no", ALWAYS, ALWAYS, "local", "Local", 'X', 'X'),
    MAJOR(EXTENSION, "major", ValueType.YESNO, "no", ALWAYS, ALWAYS, "major", "Major", 'X', 'X'),
    EXPORTONLY(EXTENSION, "exportonly", ValueType.YESNO, "no", ALWAYS, ALWAYS, null, null, 'X', 'X'),

    /**
     * mkwpar -T (the copy_controls stanza of a specification [V]): what a system copy WPAR (-t)
     * takes over from the system it copies
     */
    PRESERVE_PRIVATE(COPY_CONTROLS, "preserve_private", ValueType.YESNO, "no", SET, SET, null, null, 'T', ' '),
    PRESERVE_WPARS(COPY_CONTROLS, "preserve_wpars", ValueType.YESNO, "no", SET, SET, null, null, 'T', ' '),

    BOOTSET_ID(BOOTSET, "id", ValueType.DIGITS, "-1", ALWAYS, ALWAYS, "bootset", "Boot Set", ' ', ' '),
    /** the disks of a rootvg WPAR's boot set */
    BOOTSET_DISKS(BOOTSET, "devices", ValueType.DISKS, "", SET, SET, null, null, ' ', ' '),
    /** words of chwpar -B only: a disk of a rootvg WPAR's new boot set, the number of the new boot set */
    BOOTSET_DEVNAME(BOOTSET, "devname", ValueType.TEXT, null, NEVER, NEVER, null, null, ' ', 'B'),
    BOOTSET_NUMBER(BOOTSET, "bootset", ValueType.DIGITS, null, NEVER, NEVER, null, null, ' ', 'B'),
    /** the volume group of the boot set of a WPAR that is not a rootvg WPAR (chwpar -B vg=) */
    BOOTSET_VG(BOOTSET, "vg", ValueType.TEXT, "", SET, SET, null, null, ' ', 'B'),
    /**
     * that boot set's copies of the WPAR's file systems ({@code lv:MB:directory} words); not in a
     * specification: a WPAR made from one gets copies of its own
     */
    BOOTSET_LVS(BOOTSET, "lvs", ValueType.DISKS, "", SET, NEVER, null, null, ' ', ' '),

    PID(RUNTIME, "pid", ValueType.DIGITS, "0", ALWAYS, NEVER, null, null, ' ', ' '),
    START_TIME(RUNTIME, "start_time", ValueType.TEXT, "", ALWAYS, NEVER, null, null, ' ', ' '),
    OPERATION(RUNTIME, "operation", ValueType.TEXT, "none", ALWAYS, NEVER, "operation", "Operation", ' ', ' ');

    /** The stanzas of a WPAR file, in file order, with the mkwpar/chwpar flag of their words. */
    public enum Section {
        GENERAL("general", false, ' '),
        NETWORK("network", true, 'N'),
        ROUTE("route", true, 'I'),
        MOUNT("mount", true, 'M'),
        RESOURCES("resources", false, 'R'),
        SECURITY("security", false, 'S'),
        DEVICE("device", true, 'D'),
        EXTENSION("extension", true, 'X'),
        /** Written only while something in it is set. */
        COPY_CONTROLS("copy_controls", false, 'T'),
        BOOTSET("bootset", true, 'B'),
        /** Written only while something in it differs from its defaults. */
        RUNTIME("runtime", false, ' ');

        public final String stanza;
        /** True for stanzas a WPAR has one of per object (a network, a mount, ...). */
        public final boolean repeated;
        public final char flag;

        Section(String stanza, boolean repeated, char flag) {
            this.stanza = stanza;
            this.repeated = repeated;
            this.flag = flag;
        }

        /** The section whose stanza is called {@code name}, or null. */
        public static Section of(String name) {
            for (Section s : values()) {
                if (s.stanza.equals(name)) {
                    return s;
                }
            }
            return null;
        }

        /** The attributes of this section, in file order. */
        public List<Attribute> attributes() {
            return ROWS.get(ordinal());
        }
    }

    /** When an attribute is written to a state or specification file. */
    public enum Keep {
        /** always (its value, else its default; nothing when both are null) */
        ALWAYS,
        /** when not empty */
        SET,
        /** when not empty and not its default */
        NOT_DEFAULT,
        /** when not empty and not the logical volume of a local file system (left to mkwpar) */
        NOT_LV,
        /** never (a value of a flag word, or run-time data a specification leaves out) */
        NEVER
    }

    /** 512-byte blocks per megabyte: the unit of a mount's size in a WPAR file. */
    static final int BLOCKS_PER_MB = 2048;

    /** The rows of each section, by section ordinal. */
    private static final List<List<Attribute>> ROWS = rows();

    public final Section section;
    public final String key;
    public final ValueType type;
    public final String dflt;
    public final Keep keep;
    public final Keep spec;
    public final String column;
    public final String label;
    /** The mkwpar flag that sets it, or blank. */
    public final char mk;
    /** The chwpar flag that sets it, or blank. */
    public final char ch;

    Attribute(Section section, String key, ValueType type, String dflt, Keep keep, Keep spec, String column, String label,
            char mk, char ch) {
        this.section = section;
        this.key = key;
        this.type = type;
        this.dflt = dflt;
        this.keep = keep;
        this.spec = spec;
        this.column = column;
        this.label = label;
        this.mk = mk;
        this.ch = ch;
    }

    private static List<List<Attribute>> rows() {
        List<List<Attribute>> out = new ArrayList<>();
        for (Section s : Section.values()) {
            List<Attribute> rows = new ArrayList<>();
            for (Attribute a : values()) {
                if (a.section == s) {
                    rows.add(a);
                }
            }
            out.add(List.copyOf(rows));
        }
        return List.copyOf(out);
    }

    /** True when the attribute is stored in WPAR files (not only a word of a flag). */
    public boolean stored() {
        return keep != Keep.NEVER;
    }

    /**
     * True when a whole state file always has this attribute: it is written whatever its value
     * ({@link Keep#ALWAYS}), except the size and usage figures, which only a file system on a
     * logical volume has.
     */
    public boolean required() {
        return keep == Keep.ALWAYS && this != SIZE && this != USED && this != IUSED && this != IPCT;
    }

    /** The smallest number a numeric attribute takes in a state file. */
    public long min() {
        return this == BOOTSET_ID ? 1 : 0;
    }

    /** The largest number a numeric attribute takes in a state file (what its field can hold). */
    public long max() {
        return switch (this) {
            case BOOTED, BOOTSET_ID -> 9999;
            case IPCT -> 100;
            case PREFIXLEN, RTPREFIXLEN -> 128;
            case SIZE -> (long) Integer.MAX_VALUE * BLOCKS_PER_MB;
            case USED, PID -> Integer.MAX_VALUE;
            default -> 999_999_999_999_999_999L;
        };
    }

    /** True when {@code v}, a valid value of this attribute's type, is in its range (any value that is not a number is). */
    boolean inRange(String v) {
        if (!type.numeric()) {
            return true;
        }
        long n = Long.parseLong(v);
        return n >= min() && n <= max();
    }

    /** The attribute names the flag words of {@code section} take for mkwpar ('m') or chwpar ('c'). */
    public static List<String> words(Section section, char command) {
        List<String> out = new ArrayList<>();
        for (Attribute a : section.attributes()) {
            if ((command == 'm' ? a.mk : a.ch) == section.flag) {
                out.add(a.key);
            }
        }
        return out;
    }

    /** The row of {@code section} whose key is {@code key}, or null. */
    public static Attribute of(Section section, String key) {
        for (Attribute a : section.attributes()) {
            if (a.key.equals(key)) {
                return a;
            }
        }
        return null;
    }

    /** The row of the general section that mkwpar ('m') or chwpar ('c') sets with flag {@code flag}, or null. */
    public static Attribute byFlag(char command, char flag) {
        for (Attribute a : Section.GENERAL.attributes()) {
            if ((command == 'm' ? a.mk : a.ch) == flag) {
                return a;
            }
        }
        return null;
    }

    /**
     * The value an absent key stands for: {@link #dflt}, or for the attributes whose default
     * depends on the rest of the WPAR, that value (the host name and base directory follow the
     * name and type, a mount is mounted while its WPAR runs, no privileges are the default set).
     */
    public String contextDefault(Wpar w) {
        return switch (this) {
            case HOSTNAME -> w.name;
            case DIRECTORY -> w.name == null ? null : w.type == 'A' ? "/" : "/wpars/" + w.name;
            case MOUNTED -> yn(w.state.isRunning());
            case PRIVS -> String.join(",", WparDefaults.get().privileges());
            default -> dflt;
        };
    }

    /**
     * The value lswpar shows: the attribute's value, or when it is unset its default; for a route
     * made without rtinterface=, the interface it goes out of (see {@link Wpar#outInterface}).
     */
    public String shown(Attributed o, Wpar w) {
        String v = get(o);
        if (v != null && !v.isEmpty()) {
            return v;
        }
        return this == RTINTERFACE ? w.outInterface((Wpar.Route) o) : contextDefault(w);
    }

    /**
     * A resource control as lswpar's colon view prints it: the value set, empty when it is unset
     * or set to its default (no limit) [V: IBM's lswpar -cR example]; {@code active} is always
     * yes or no.
     */
    public String limit(Wpar w) {
        String v = get(w);
        return this == ACTIVE ? shown(w, w) : v == null || v.equals(dflt) ? "" : v;
    }

    /**
     * The value of this attribute of {@code o} (the WPAR, or the network, route, mount, device,
     * kernel extension or boot set of its section) in the form the WPAR file holds it; null when
     * the object has none (the size of a file system without one, the usage of a remote one).
     */
    String get(Attributed o) {
        return switch (this) {
            case NAME -> w(o).name;
            case HOSTNAME -> w(o).hostname;
            case DIRECTORY -> w(o).directory;
            case STATE -> String.valueOf(w(o).state.letter);
            case TYPE -> String.valueOf(w(o).type);
            case OWNER -> w(o).owner;
            case SCRIPT -> w(o).script;
            case APPLICATION -> w(o).application;
            case ROOTVG -> yn(w(o).rootvg);
            case AUTO -> yn(w(o).auto);
            case PRIVATEUSR -> yn(w(o).privateUsr);
            case CHECKPOINTABLE -> yn(w(o).checkpointable);
            case ROUTING -> yn(w(o).routing);
            case XWPARIPC -> yn(w(o).xwparipc);
            case VIPWPAR -> w(o).vipwpar;
            case OSTYPE -> w(o).ostype;
            case ARCHITECTURE -> w(o).architecture;
            case VG -> w(o).vg;
            case DEVEXPORTS -> w(o).devexports;
            case BOOTLIST -> w(o).bootlist;
            case BOOTED -> String.valueOf(w(o).booted);
            case UUID -> w(o).uuid;
            case INTERFACE -> net(o).iface;
            case ADDRESS -> net(o).address;
            case NETMASK -> net(o).netmask;
            case BROADCAST -> net(o).broadcast;
            case ADDRESS6 -> net(o).address6;
            case PREFIXLEN -> net(o).prefixlen;
            case RTDEST -> route(o).rtdest;
            case RTGATEWAY -> route(o).rtgateway;
            case RTINTERFACE -> route(o).rtinterface;
            case RTNETMASK -> route(o).rtnetmask;
            case RTPREFIXLEN -> route(o).rtprefixlen;
            case RTTYPE -> route(o).rttype;
            case RTFAMILY -> route(o).rtfamily;
            case MOUNT_DIRECTORY -> mount(o).directory;
            case VFS -> mount(o).vfs;
            case DEV -> mount(o).dev;
            case HOST -> mount(o).host;
            case MOUNTOPTS -> mount(o).mountopts;
            case SIZE -> mount(o).sizeMb > 0 ? String.valueOf((long) mount(o).sizeMb * BLOCKS_PER_MB) : null;
            case MOUNT_VG -> mount(o).vg;
            case LOGNAME -> mount(o).logname;
            case CRFSOPTS -> mount(o).crfsopts;
            case MODE -> mount(o).mode;
            case USED -> mount(o).hasLv() ? String.valueOf(mount(o).usedMb) : null;
            case IUSED -> mount(o).hasLv() ? String.valueOf(mount(o).iused) : null;
            case IPCT -> mount(o).hasLv() ? String.valueOf(mount(o).ipct) : null;
            case MOUNTED -> yn(mount(o).mounted);
            case MOUNTED_AT -> mount(o).mountedAt;
            case SECFILE -> w(o).secfile;
            case PRIVS -> String.join(",", w(o).privileges);
            case DEVNAME -> device(o).devname;
            case DEVTYPE -> device(o).devtype;
            case DEVID -> device(o).devid;
            case EXPORT -> device(o).export;
            case DEV_ROOTVG -> device(o).rootvg;
            case VDEVNAME -> device(o).vdevname;
            case KEXT -> kext(o).kext;
            case LOCAL -> kext(o).local;
            case MAJOR -> kext(o).major;
            case EXPORTONLY -> kext(o).exportonly;
            case BOOTSET_ID -> String.valueOf(bootset(o).id);
            case BOOTSET_DISKS -> String.join(" ", bootset(o).disks);
            case BOOTSET_VG -> bootset(o).vg;
            case BOOTSET_LVS -> bootset(o).copiesText();
            case ACTIVE -> w(o).resources.getOrDefault(key, dflt);
            case PID -> String.valueOf(w(o).pid);
            case START_TIME -> w(o).startTime;
            case OPERATION -> w(o).operation;
            default -> section == Section.RESOURCES ? w(o).resources.get(key) : o.more(this);
        };
    }

    /**
     * Sets this attribute of {@code o} from its file form; numbers must be ASCII digits (see
     * {@link Type#numeric()}), as the codec checks before.
     */
    void set(Attributed o, String v) {
        switch (this) {
            case NAME -> w(o).name = v;
            case HOSTNAME -> w(o).hostname = v;
            case DIRECTORY -> w(o).directory = v;
            case STATE -> w(o).state = State.ofLetter(v.charAt(0));
            case TYPE -> w(o).type = v.charAt(0);
            case OWNER -> w(o).owner = v;
            case SCRIPT -> w(o).script = v;
            case APPLICATION -> w(o).application = v;
            case ROOTVG -> w(o).rootvg = yes(v);
            case AUTO -> w(o).auto = yes(v);
            case PRIVATEUSR -> w(o).privateUsr = yes(v);
            case CHECKPOINTABLE -> w(o).checkpointable = yes(v);
            case ROUTING -> w(o).routing = yes(v);
            case XWPARIPC -> w(o).xwparipc = yes(v);
            case VIPWPAR -> w(o).vipwpar = v;
            case OSTYPE -> w(o).ostype = v;
            case ARCHITECTURE -> w(o).architecture = v;
            case VG -> w(o).vg = v;
            case DEVEXPORTS -> w(o).devexports = v;
            case BOOTLIST -> w(o).bootlist = v;
            case BOOTED -> w(o).booted = (int) Long.parseLong(v);
            case UUID -> w(o).uuid = v;
            case INTERFACE -> net(o).iface = v;
            case ADDRESS -> net(o).address = v;
            case NETMASK -> net(o).netmask = v;
            case BROADCAST -> net(o).broadcast = v;
            case ADDRESS6 -> net(o).address6 = v;
            case PREFIXLEN -> net(o).prefixlen = v;
            case RTDEST -> route(o).rtdest = v;
            case RTGATEWAY -> route(o).rtgateway = v;
            case RTINTERFACE -> route(o).rtinterface = v;
            case RTNETMASK -> route(o).rtnetmask = v;
            case RTPREFIXLEN -> route(o).rtprefixlen = v;
            case RTTYPE -> route(o).rttype = v;
            case RTFAMILY -> route(o).rtfamily = v;
            case MOUNT_DIRECTORY -> mount(o).directory = v;
            case VFS -> mount(o).vfs = v;
            case DEV -> mount(o).dev = v;
            case HOST -> mount(o).host = v;
            case MOUNTOPTS -> mount(o).mountopts = v;
            case SIZE -> mount(o).sizeMb = (int) (Long.parseLong(v) / BLOCKS_PER_MB);
            case MOUNT_VG -> mount(o).vg = v;
            case LOGNAME -> mount(o).logname = v;
            case CRFSOPTS -> mount(o).crfsopts = v;
            case MODE -> mount(o).mode = v;
            case USED -> mount(o).usedMb = (int) Long.parseLong(v);
            case IUSED -> mount(o).iused = Long.parseLong(v);
            case IPCT -> mount(o).ipct = (int) Long.parseLong(v);
            case MOUNTED -> mount(o).mounted = yes(v);
            case MOUNTED_AT -> mount(o).mountedAt = v;
            case SECFILE -> w(o).secfile = v;
            case PRIVS -> {
                w(o).privileges.clear();
                for (String p : v.split(",")) {
                    if (!p.isBlank()) {
                        w(o).privileges.add(p.strip());
                    }
                }
            }
            case DEVNAME -> device(o).devname = v;
            case DEVTYPE -> device(o).devtype = v;
            case DEVID -> device(o).devid = v;
            case EXPORT -> device(o).export = v;
            case DEV_ROOTVG -> device(o).rootvg = v;
            case VDEVNAME -> device(o).vdevname = v;
            case KEXT -> kext(o).kext = v;
            case LOCAL -> kext(o).local = v;
            case MAJOR -> kext(o).major = v;
            case EXPORTONLY -> kext(o).exportonly = v;
            case BOOTSET_ID -> bootset(o).id = (int) Long.parseLong(v);
            case BOOTSET_DISKS -> {
                bootset(o).disks.clear();
                for (String d : v.split(" ")) {
                    if (!d.isEmpty()) {
                        bootset(o).disks.add(d);
                    }
                }
            }
            case BOOTSET_VG -> bootset(o).vg = v;
            case BOOTSET_LVS -> {
                if (!bootset(o).copiesText(v)) {
                    throw new IllegalArgumentException(v);
                }
            }
            case PID -> w(o).pid = (int) Long.parseLong(v);
            case START_TIME -> w(o).startTime = v;
            case OPERATION -> w(o).operation = v;
            default -> {
                if (section == Section.RESOURCES) {
                    w(o).resources.put(key, v);
                } else {
                    o.more(this, v);
                }
            }
        }
    }

    static String yn(boolean b) {
        return b ? "yes" : "no";
    }

    private static boolean yes(String v) {
        return "yes".equals(v);
    }

    private static Wpar w(Attributed o) {
        return (Wpar) o;
    }

    private static Wpar.Network net(Attributed o) {
        return (Wpar.Network) o;
    }

    private static Wpar.Route route(Attributed o) {
        return (Wpar.Route) o;
    }

    private static Wpar.Mount mount(Attributed o) {
        return (Wpar.Mount) o;
    }

    private static Wpar.Device device(Attributed o) {
        return (Wpar.Device) o;
    }

    private static Wpar.Kext kext(Attributed o) {
        return (Wpar.Kext) o;
    }

    private static Wpar.Bootset bootset(Attributed o) {
        return (Wpar.Bootset) o;
    }
}
