package smittywpar.wpar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import smittywpar.host.Ip;

/**
 * A workload partition: its configuration (what a specification file holds) and its run-time
 * state. Saved one file per WPAR by {@link WparCodec}; what each field means in the file and in
 * lswpar is described by its row of {@link Attribute}.
 */
public final class Wpar extends Attributed {
    public String name;
    public State state = State.DEFINED;
    /** 'S' system, 'A' application. */
    public char type = 'S';
    public String hostname;
    public String directory;
    public String owner = "root";
    public String script = "";
    public String application = "";
    public boolean rootvg;
    public boolean auto;
    public boolean privateUsr;
    public boolean checkpointable;
    public boolean routing;
    public boolean xwparipc;
    public String vipwpar = "";
    public String ostype = "0";
    public String architecture = "none";
    public String uuid = "";
    public String vg = "rootvg";
    public String devexports = "/etc/wpars/devexports";
    public String secfile = "/etc/wpars/secattrs";
    public String bootlist = "";

    public final List<Network> networks = new ArrayList<>();
    public final List<Route> routes = new ArrayList<>();
    public final List<Mount> mounts = new ArrayList<>();
    /** Resource controls that differ from the defaults, by attribute name. */
    public final Map<String, String> resources = new LinkedHashMap<>();
    public final List<String> privileges = new ArrayList<>();
    public final List<Device> devices = new ArrayList<>();
    public final List<Kext> kexts = new ArrayList<>();
    /** Boot sets of a rootvg WPAR besides boot set 0 (whose disks are the rootvg=yes devices). */
    public final List<Bootset> bootsets = new ArrayList<>();
    /** The boot set a rootvg WPAR last started from (0 until a boot list says otherwise). */
    public int booted;

    // run time
    public int pid;
    public String startTime = "";
    public String operation = "none";

    public static final class Network extends Attributed {
        public String iface = "";
        public String address = "";
        public String netmask = "";
        public String broadcast = "";
        public String address6 = "";
        public String prefixlen = "";

        public boolean isV6() {
            return !address6.isEmpty();
        }
    }

    public static final class Route extends Attributed {
        public String rtdest = "";
        public String rtgateway = "";
        public String rtinterface = "";
        public String rtnetmask = "";
        public String rtprefixlen = "";
        public String rttype = "";
        public String rtfamily = "";

        public boolean isDefault() {
            return rtdest.equals("default") || rtdest.equals("0.0.0.0") || rtdest.equals("0") || rtdest.equals("::");
        }
    }

    public static final class Mount extends Attributed {
        /**
         * Mount points in alphabetical order. A lambda of this class, not {@code Comparator.comparing}:
         * the start-up cache does not keep the JDK's own lambdas, which a young JVM spins at run time
         * (about 5 ms of every mkwpar).
         */
        public static final Comparator<Mount> BY_DIRECTORY = (a, b) -> a.directory.compareTo(b.directory);

        /** Mount point inside the WPAR ("/", "/home", ...). */
        public String directory = "";
        public String vfs = "jfs2";
        public String dev = "";
        public String host = "";
        public String mountopts = "";
        /** Size in megabytes (local file systems only). */
        public int sizeMb;
        public String vg = "";
        public String logname = "";
        public String crfsopts = "";
        public String mode = "";
        /** Mounted in the global environment (all are while the WPAR runs, unless unmounted). */
        public boolean mounted;
        /** When it was mounted by the mount command ("Nov 26 10:00"); empty: with the WPAR's start. */
        public String mountedAt = "";
        // simulated usage
        public int usedMb;
        public long iused;
        public int ipct;

        public boolean hasLv() {
            return vfs.equals("jfs2") || vfs.equals("jfs");
        }
    }

    public static final class Device extends Attributed {
        public String devname = "";
        public String devtype = "";
        public String export = "yes";
        public String rootvg = "";
        public String vdevname = "";
        public String devid = "";
    }

    public static final class Kext extends Attributed {
        public String kext = "";
        public String local = "no";
        public String major = "no";
        public String exportonly = "no";
    }

    /**
     * A boot set besides boot set 0: for a rootvg WPAR an alternate copy of its rootvg on its own
     * disks, for another WPAR a copy of its local file systems on logical volumes of {@link #vg}.
     */
    public static final class Bootset extends Attributed {
        public int id;
        public final List<String> disks = new ArrayList<>();
        public String vg = "";
        public final List<Copy> copies = new ArrayList<>();

        /** The copy of one file system: its logical volume, size in megabytes, mount point in the WPAR. */
        public record Copy(String lv, int sizeMb, String directory) {
        }

        /** The copies as a WPAR file holds them: {@code lv:MB:directory} words, a blank in a directory as \040. */
        String copiesText() {
            StringBuilder sb = new StringBuilder();
            for (Copy x : copies) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(x.lv).append(':').append(x.sizeMb).append(':')
                        .append(x.directory.replace("\\", "\\134").replace(" ", "\\040"));
            }
            return sb.toString();
        }

        /** Reads {@link #copiesText()}; false when a word is not {@code lv:MB:directory}. */
        boolean copiesText(String v) {
            copies.clear();
            for (String word : v.split(" ")) {
                if (word.isEmpty()) {
                    continue;
                }
                int a = word.indexOf(':');
                int b = a < 0 ? -1 : word.indexOf(':', a + 1);
                if (a <= 0 || b < 0 || !smittywpar.base.Text.digits(word.substring(a + 1, b), 9)
                        || !word.startsWith("/", b + 1)) {
                    return false;
                }
                copies.add(new Copy(word.substring(0, a), Integer.parseInt(word.substring(a + 1, b)),
                        word.substring(b + 1).replace("\\040", " ").replace("\\134", "\\")));
            }
            return true;
        }
    }

    /** The global path of a WPAR-relative mount point. */
    public String globalPath(String inWpar) {
        if (inWpar.equals("/")) {
            return directory;
        }
        return directory.equals("/") ? inWpar : directory + inWpar;
    }

    /**
     * The interface a route goes out of: its rtinterface, else the interface of this WPAR's
     * address on the gateway's network (for an IPv6 gateway, of its first IPv6 address); empty
     * when no address of the WPAR reaches the gateway.
     */
    public String outInterface(Route r) {
        if (!r.rtinterface.isEmpty()) {
            return r.rtinterface;
        }
        boolean v6 = Ip.isV6(r.rtgateway);
        for (Network n : networks) {
            if (v6 ? n.isV6() : !n.address.isEmpty() && Ip.isV4(r.rtgateway) && Ip.isNetmask(n.netmask)
                    && Ip.sameNetwork(n.address, r.rtgateway, n.netmask)) {
                return n.iface;
            }
        }
        return "";
    }

    public Mount mount(String directory) {
        for (Mount m : mounts) {
            if (m.directory.equals(directory)) {
                return m;
            }
        }
        return null;
    }
}
