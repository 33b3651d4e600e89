package smittywpar.host;

import smittywpar.base.Text;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The simulated global environment: identity, clock, network interfaces, disks, volume groups,
 * logical volumes, global file systems, adapters and installed filesets. Loaded from and saved
 * to {@code host.cf} by {@link HostCodec}.
 */
public final class Host {
    public String hostname;
    public String domain = "";
    public String oslevel;
    public String oslevelS;
    public String machineId;
    public String timezone;
    public String utcOffset;
    /** "system", or a fixed local time "YYYY-MM-DD HH:MM:SS". */
    public String clock;
    public long idSeed;
    public long idSerial;

    public final List<Interface> interfaces = new ArrayList<>();
    public final List<HostsEntry> hosts = new ArrayList<>();
    public final List<Disk> disks = new ArrayList<>();
    public final List<Adapter> adapters = new ArrayList<>();
    public final List<VolumeGroup> vgs = new ArrayList<>();
    public final List<LogicalVolume> lvs = new ArrayList<>();
    public final List<FileSystem> filesystems = new ArrayList<>();
    public final List<Fileset> filesets = new ArrayList<>();
    /** Installation images of the update sources (installp -d DEVICE), see {@link Image}. */
    public final List<Image> images = new ArrayList<>();
    /** Numbers NN of the fslvNN logical volumes that exist (global or WPAR). */
    public final BitSet fslvInUse = new BitSet();
    /**
     * Workload partitions that are not running but have file systems mounted in the global
     * environment (with mount); the file systems of running WPARs are found through the index.
     */
    public final java.util.SortedSet<String> wparMounts = new java.util.TreeSet<>();

    /** A thing of the host known by its name (an interface, disk, adapter, volume group, ...). */
    public abstract static class Named {
        public String name;
    }

    public static final class Interface extends Named {
        public String address;
        public String netmask;
        public String address6;
        public String flags;
        public String tcp;
    }

    public record HostsEntry(String address, String names) {
    }

    public static final class Disk extends Named {
        public String pvid;
        public String vg;
        public int sizeMb;
        public String location;
        public String description;
        /** Name of the WPAR this disk is exported to, or null. */
        public String wpar;
        /** Available, or Defined: known to the system but not there (gone from the SAN, cable pulled). */
        public String status = AVAILABLE;
    }

    public static final class Adapter extends Named {
        public String location;
        public String description;
        public String wpar;
        /** The lsdev class (and the devtype of an export): adapter, or cdrom / tape for such a drive. */
        public String devClass = "adapter";
        /** A cdrom drive that writes discs (a DVD-RAM drive: mkcd and mkdvd write to it); false: read only. */
        public boolean writer;
        /** Available, or Defined (see {@link Disk#status}). */
        public String status = AVAILABLE;
    }

    /** A device's status as lsdev shows it. */
    public static final String AVAILABLE = "Available";
    public static final String DEFINED = "Defined";

    public static final class VolumeGroup extends Named {
        public String identifier;
        public int ppSizeMb;
        /** Physical partitions used by WPAR logical volumes (the host's own LVs are listed as lv). */
        public int wparPps;
    }

    public static final class LogicalVolume extends Named {
        public String vg;
        public String type;
        public int pps;
        public String mount;
    }

    public static final class FileSystem {
        public String dev;
        public String mount;
        public String vfs = "jfs2";
        public int sizeMb;
        public int freeMb;
        public long iused;
        public int ipct;
    }

    /**
     * An installed fileset: the level of its shared (usr) part, which the global environment's
     * root part follows (installp applies both), its description and whether it has a root part.
     * {@code applied}: installed with installp -a and not committed yet (lslpp shows APPLIED).
     */
    public static final class Fileset extends Named {
        public String level;
        public String description;
        public boolean root;
        public boolean applied;
    }

    /**
     * An installation image an update source holds: {@code device} is the device or directory
     * installp -d names (/usr/sys/inst.images, /dev/cd0), with the fileset's name, level,
     * description and whether it has a root part.
     */
    public static final class Image extends Named {
        public String device;
        public String level;
        public String description;
        public boolean root;
    }

    /** True for a fileset level of four dot-separated numbers of at most four ASCII digits (7.2.4.1). */
    public static boolean validLevel(String v) {
        String[] p = v.split("\\.", -1);
        if (p.length != 4) {
            return false;
        }
        for (String part : p) {
            if (part.isEmpty() || part.length() > 4 || smittywpar.store.StanzaFile.digits(part) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Compares two valid levels number by number (7.2.10.0 is above 7.2.9.0). */
    public static int compareLevels(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    /** The images update source {@code device} holds, in the order host.cf lists them. */
    public List<Image> images(String device) {
        List<Image> out = new ArrayList<>();
        for (Image i : images) {
            if (i.device.equals(device)) {
                out.add(i);
            }
        }
        return out;
    }

    public Interface iface(String name) {
        return named(interfaces, name);
    }

    public Disk disk(String name) {
        return named(disks, name);
    }

    public Adapter adapter(String name) {
        return named(adapters, name);
    }

    public VolumeGroup vg(String name) {
        return named(vgs, name);
    }

    public Fileset fileset(String name) {
        return named(filesets, name);
    }

    /** The element of {@code list} called {@code name}, or null. */
    private static <T extends Named> T named(List<T> list, String name) {
        for (T t : list) {
            if (t.name.equals(name)) {
                return t;
            }
        }
        return null;
    }

    /**
     * Hands every disk and adapter exported to WPAR {@code from} over to WPAR {@code to}, or back
     * to the global environment when {@code to} is null (the WPAR was renamed or removed).
     */
    public void moveDevices(String from, String to) {
        for (Disk d : disks) {
            if (from.equals(d.wpar)) {
                d.wpar = to;
            }
        }
        for (Adapter a : adapters) {
            if (from.equals(a.wpar)) {
                a.wpar = to;
            }
        }
    }

    /** The global (non-loopback) interface whose network contains {@code address}, or null. */
    public Interface interfaceFor(String address) {
        for (Interface i : interfaces) {
            if (!i.name.startsWith("lo") && Ip.isV4(i.address) && Ip.sameNetwork(i.address, address, i.netmask)) {
                return i;
            }
        }
        return null;
    }

    /** The address a name resolves to through the host's /etc/hosts table, or null. */
    public String resolve(String name) {
        for (HostsEntry e : hosts) {
            for (String n : e.names().split("\\s+")) {
                if (n.equals(name)) {
                    return e.address();
                }
            }
        }
        return null;
    }

    /** Total physical partitions of a volume group (its disks' sizes over the PP size). */
    public int totalPps(VolumeGroup vg) {
        int total = 0;
        for (Disk d : disks) {
            if (vg.name.equals(d.vg)) {
                total += Math.max(0, d.sizeMb / vg.ppSizeMb - 1);
            }
        }
        return total;
    }

    public int usedPps(VolumeGroup vg) {
        int used = vg.wparPps;
        for (LogicalVolume lv : lvs) {
            if (vg.name.equals(lv.vg)) {
                used += lv.pps;
            }
        }
        return used;
    }

    /** True when logical volume {@code name} exists: an fslvNN in use, or one of the host's own. */
    public boolean hasLv(String name) {
        int n = fslvNumber(name);
        if (n >= 0) {
            return fslvInUse.get(n);
        }
        for (LogicalVolume lv : lvs) {
            if (lv.name.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Allocates the lowest free fslvNN name, as mklv does. */
    public String allocateFslv() {
        int n = fslvInUse.nextClearBit(0);
        fslvInUse.set(n);
        return "fslv" + Text.zeros(n, 2);
    }

    /** Allocates {@code lvName} (an fslvNN name) when it is free, else the lowest free one. */
    public String allocateFslv(String lvName) {
        int n = fslvNumber(lvName);
        if (n < 0 || fslvInUse.get(n)) {
            return allocateFslv();
        }
        for (LogicalVolume lv : lvs) {
            if (lv.name.equals(lvName)) {
                return allocateFslv();
            }
        }
        fslvInUse.set(n);
        return lvName;
    }

    /** Releases an fslvNN name (no effect for other LV names). */
    public void releaseLv(String lvName) {
        int n = fslvNumber(lvName);
        if (n >= 0) {
            fslvInUse.clear(n);
        }
    }

    /** The highest fslvNN number (AIX logical volume names have at most 15 characters). */
    public static final int MAX_FSLV = 99_999;

    public static int fslvNumber(String lvName) {
        if (lvName == null || !lvName.startsWith("fslv") || lvName.length() < 6) {
            return -1;
        }
        long n = smittywpar.store.StanzaFile.digits(lvName.substring(4));
        return n < 0 || n > MAX_FSLV ? -1 : (int) n;
    }

    /** Next value of the host's deterministic id sequence (PIDs, UUIDs). */
    public long nextId() {
        long z = idSeed + 0x9E3779B97F4A7C15L * (++idSerial);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A process id that looks like AIX's (large, even). */
    public int nextPid() {
        return pidOf(nextId());
    }

    /** The process id {@link #nextPid} would give, without taking it (a command that only looks). */
    public int peekPid() {
        long serial = idSerial;
        int pid = nextPid();
        idSerial = serial;
        return pid;
    }

    /**
     * A fixed process id of this host for the {@code n}th process of the global environment (init
     * is 1): not from the sequence, so that listing them changes nothing.
     */
    public int fixedPid(int n) {
        if (n == 0) {
            return 1;
        }
        long z = (idSeed ^ 0x5851F42D4C957F2DL) + 0x9E3779B97F4A7C15L * (1_000_003L + n);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return pidOf(z ^ (z >>> 31)) / 4;
    }

    /**
     * The id of the {@code n}th process started together with process {@code parent} (the boot
     * processes of a WPAR, after its cor_NAME subsystem's id from {@link #nextPid}): derived, so
     * that starting a WPAR takes one id of the sequence as it always did.
     */
    public static int derivedPid(int parent, int n) {
        long z = 0x632BE59BD9B4E019L * parent + 0x9E3779B97F4A7C15L * (n + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return pidOf(z ^ (z >>> 31));
    }

    private static int pidOf(long id) {
        long r = Math.floorMod(id, 6_000_000L);
        return (int) (2_000_000 + (r & ~1L));
    }

    public String nextUuid() {
        long hi = nextId();
        long lo = nextId();
        hi = (hi & ~0xF000L) | 0x4000L;
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        // java.util.UUID's toString sets up a byte-array VarHandle (about a millisecond of a young
        // JVM); the same 8-4-4-4-12 lower-case hex digits, by hand
        char[] c = new char[36];
        hex(c, 0, hi >>> 32, 8);
        c[8] = '-';
        hex(c, 9, hi >>> 16, 4);
        c[13] = '-';
        hex(c, 14, hi, 4);
        c[18] = '-';
        hex(c, 19, lo >>> 48, 4);
        c[23] = '-';
        hex(c, 24, lo, 12);
        return new String(c);
    }

    /** The {@code n} lowest hex digits of {@code v} into {@code c} at {@code at}. */
    private static void hex(char[] c, int at, long v, int n) {
        for (int i = at + n - 1; i >= at; i--) {
            c[i] = "0123456789abcdef".charAt((int) (v & 0xF));
            v >>>= 4;
        }
    }
}
