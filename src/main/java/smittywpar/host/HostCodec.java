package smittywpar.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import smittywpar.base.Text;
import smittywpar.msg.Messages;
import smittywpar.store.Stanza;
import smittywpar.store.StanzaFile;

/** Converts {@link Host} to and from the stanza text of {@code host.cf}. */
public final class HostCodec {
    public static final String FILE = "host.cf";

    private HostCodec() {
    }

    /** A problem in host.cf: line (1-based, 0 when unknown) and reason. */
    public static final class BadHost extends Exception {
        private static final long serialVersionUID = 1L;
        public final int line;

        BadHost(int line, String reason) {
            super(reason, null, false, false);
            this.line = line;
        }
    }

    /** The text of the embedded default host, with the given id seed. */
    public static String defaultHostText(long seed) {
        try {
            String text = new String(smittywpar.base.Bundled.read("smittywpar/default-host.cf"), StandardCharsets.UTF_8);
            return text.replace("id_seed = \"0\"", "id_seed = \"" + seed + "\"");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException(Messages.get("internal.nodefaulthost"), e);
        }
    }

    public static Host parse(String text) throws BadHost {
        List<Stanza> stanzas;
        try {
            stanzas = StanzaFile.parse(text);
        } catch (StanzaFile.SyntaxException e) {
            throw new BadHost(e.line(), e.getMessage());
        }
        Host h = new Host();
        boolean sawFormat = false;
        boolean sawSystem = false;
        for (Stanza s : stanzas) {
            switch (s.name()) {
                case "format" -> {
                    if (!"1".equals(s.get("version"))) {
                        throw new BadHost(s.line(), Messages.get("corrupt.host.version", s.get("version")));
                    }
                    sawFormat = true;
                }
                case "system" -> {
                    sawSystem = true;
                    h.hostname = req(s, "hostname");
                    h.domain = s.get("domain", "");
                    h.oslevel = req(s, "oslevel");
                    h.oslevelS = req(s, "oslevel_s");
                    h.machineId = req(s, "machine_id");
                    h.timezone = s.get("timezone", "UTC");
                    h.utcOffset = s.get("utc_offset", "+00:00");
                    h.clock = s.get("clock", "system");
                    h.idSeed = num(s, "id_seed");
                    h.idSerial = num(s, "id_serial");
                    try {
                        java.time.ZoneOffset.of(h.utcOffset);
                    } catch (java.time.DateTimeException e) {
                        throw new BadHost(s.line(), Messages.get("corrupt.host.utcoffset", h.utcOffset));
                    }
                    if (!h.clock.equals("system") && HostClock.parseFixed(h.clock) == null) {
                        throw new BadHost(s.line(), Messages.get("corrupt.host.clock", h.clock));
                    }
                }
                case "interface" -> {
                    Host.Interface i = new Host.Interface();
                    i.name = req(s, "name");
                    i.address = req(s, "address");
                    i.netmask = req(s, "netmask");
                    if (!Ip.isV4(i.address) || !Ip.isNetmask(i.netmask)) {
                        throw new BadHost(s.line(), Messages.get("corrupt.host.interface", i.name));
                    }
                    i.address6 = s.get("address6");
                    i.flags = s.get("flags", "e084863,14c0<UP,BROADCAST,NOTRAILERS,RUNNING,SIMPLEX,MULTICAST,GROUPRT,64BIT,LARGESEND,CHAIN>");
                    i.tcp = s.get("tcp", "tcp_sendspace 262144 tcp_recvspace 262144 rfc1323 1");
                    h.interfaces.add(i);
                }
                case "hosts" -> h.hosts.add(new Host.HostsEntry(req(s, "address"), req(s, "names")));
                case "disk" -> {
                    Host.Disk d = new Host.Disk();
                    d.name = req(s, "name");
                    d.pvid = s.get("pvid", "none");
                    d.vg = s.get("vg", "None");
                    d.sizeMb = (int) num(s, "size");
                    d.location = s.get("location", "");
                    d.description = s.get("description", "Other FC SCSI Disk Drive");
                    d.wpar = s.get("wpar");
                    h.disks.add(d);
                }
                case "adapter" -> {
                    Host.Adapter a = new Host.Adapter();
                    a.name = req(s, "name");
                    a.location = s.get("location", "");
                    a.description = s.get("description", "");
                    a.wpar = s.get("wpar");
                    h.adapters.add(a);
                }
                case "vg" -> {
                    Host.VolumeGroup v = new Host.VolumeGroup();
                    v.name = req(s, "name");
                    v.identifier = s.get("identifier", "");
                    v.ppSizeMb = (int) num(s, "ppsize");
                    v.wparPps = (int) (s.get("wpar_pps") == null ? 0 : num(s, "wpar_pps"));
                    if (v.ppSizeMb <= 0) {
                        throw new BadHost(s.line(), Messages.get("corrupt.host.ppsize"));
                    }
                    h.vgs.add(v);
                }
                case "lv" -> {
                    Host.LogicalVolume lv = new Host.LogicalVolume();
                    lv.name = req(s, "name");
                    lv.vg = req(s, "vg");
                    lv.type = s.get("type", "jfs2");
                    lv.pps = (int) num(s, "pps");
                    lv.mount = s.get("mount", "N/A");
                    h.lvs.add(lv);
                    int n = Host.fslvNumber(lv.name);
                    if (n >= 0) {
                        h.fslvInUse.set(n);
                    }
                }
                case "fs" -> {
                    Host.FileSystem f = new Host.FileSystem();
                    f.dev = req(s, "dev");
                    f.mount = req(s, "mount");
                    f.vfs = s.get("vfs", "jfs2");
                    if (!f.vfs.equals("procfs")) {
                        f.sizeMb = (int) num(s, "size");
                        f.freeMb = (int) num(s, "free");
                        f.iused = num(s, "iused");
                        f.ipct = (int) (s.get("ipct") == null ? 1 : num(s, "ipct"));
                    }
                    h.filesystems.add(f);
                }
                case "fileset" -> {
                    Host.Fileset f = new Host.Fileset();
                    f.name = req(s, "name");
                    f.level = req(s, "level");
                    f.description = s.get("description", "");
                    f.root = "yes".equals(s.get("root"));
                    h.filesets.add(f);
                }
                case "lvnames" -> {
                    try {
                        h.fslvInUse.or(parseRanges(s.get("fslv", "")));
                    } catch (NumberFormatException e) {
                        throw new BadHost(s.line(), Messages.get("corrupt.host.fslv", s.get("fslv")));
                    }
                }
                case "wparmounts" -> {
                    for (String n : s.get("wpars", "").split(" ")) {
                        if (!n.isEmpty()) {
                            h.wparMounts.add(n);
                        }
                    }
                }
                default -> throw new BadHost(s.line(), Messages.get("corrupt.stanza", s.name()));
            }
        }
        if (!sawFormat || !sawSystem) {
            throw new BadHost(0, Messages.get("corrupt.host.nosystem"));
        }
        // A disk may name a volume group that is not defined (varied off or never imported):
        // lspv shows it without "active", and mkwpar needs -O to take the disk.
        return h;
    }

    private static String req(Stanza s, String key) throws BadHost {
        String v = s.get(key);
        if (v == null) {
            throw new BadHost(s.line(), Messages.get("corrupt.host.lacks", s.name(), key));
        }
        return v;
    }

    private static long num(Stanza s, String key) throws BadHost {
        String v = req(s, key);
        String digits = v.startsWith("-") ? v.substring(1) : v;
        try {
            // ASCII digits only: Long.parseLong also reads the digits of other scripts
            if (!Text.digits(digits, 19)) {
                throw new NumberFormatException(v);
            }
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new BadHost(s.line(), Messages.get("corrupt.host.number", key, s.name(), v));
        }
    }

    public static String format(Host h) {
        List<Stanza> out = new ArrayList<>();
        out.add(new Stanza("format").put("version", "1"));
        out.add(new Stanza("system").put("hostname", h.hostname).put("domain", h.domain).put("oslevel", h.oslevel)
                .put("oslevel_s", h.oslevelS).put("machine_id", h.machineId).put("timezone", h.timezone)
                .put("utc_offset", h.utcOffset).put("clock", h.clock).put("id_seed", h.idSeed)
                .put("id_serial", h.idSerial));
        for (Host.Interface i : h.interfaces) {
            out.add(new Stanza("interface").put("name", i.name).put("address", i.address).put("netmask", i.netmask)
                    .put("address6", i.address6).put("flags", i.flags).put("tcp", i.tcp));
        }
        for (Host.HostsEntry e : h.hosts) {
            out.add(new Stanza("hosts").put("address", e.address()).put("names", e.names()));
        }
        for (Host.Disk d : h.disks) {
            out.add(new Stanza("disk").put("name", d.name).put("pvid", d.pvid).put("vg", d.vg).put("size", d.sizeMb)
                    .put("location", d.location).put("description", d.description).put("wpar", d.wpar));
        }
        for (Host.Adapter a : h.adapters) {
            out.add(new Stanza("adapter").put("name", a.name).put("location", a.location)
                    .put("description", a.description).put("wpar", a.wpar));
        }
        for (Host.VolumeGroup v : h.vgs) {
            out.add(new Stanza("vg").put("name", v.name).put("identifier", v.identifier).put("ppsize", v.ppSizeMb)
                    .put("wpar_pps", v.wparPps));
        }
        BitSet wparLvs = (BitSet) h.fslvInUse.clone();
        for (Host.LogicalVolume lv : h.lvs) {
            out.add(new Stanza("lv").put("name", lv.name).put("vg", lv.vg).put("type", lv.type).put("pps", lv.pps)
                    .put("mount", lv.mount));
            int n = Host.fslvNumber(lv.name);
            if (n >= 0) {
                wparLvs.clear(n);
            }
        }
        for (Host.FileSystem f : h.filesystems) {
            Stanza s = new Stanza("fs").put("dev", f.dev).put("mount", f.mount);
            if (f.vfs.equals("procfs")) {
                s.put("vfs", f.vfs);
            } else {
                if (!f.vfs.equals("jfs2")) {
                    s.put("vfs", f.vfs);
                }
                s.put("size", f.sizeMb).put("free", f.freeMb).put("iused", f.iused).put("ipct", f.ipct);
            }
            out.add(s);
        }
        for (Host.Fileset f : h.filesets) {
            out.add(new Stanza("fileset").put("name", f.name).put("level", f.level).put("description", f.description)
                    .put("root", f.root ? "yes" : "no"));
        }
        out.add(new Stanza("lvnames").put("fslv", ranges(wparLvs)));
        if (!h.wparMounts.isEmpty()) {
            out.add(new Stanza("wparmounts").put("wpars", String.join(" ", h.wparMounts)));
        }
        return Messages.get("host.cf.header") + "\n\n" + StanzaFile.format(out);
    }

    static String ranges(BitSet b) {
        StringBuilder sb = new StringBuilder();
        int i = b.nextSetBit(0);
        while (i >= 0) {
            int end = b.nextClearBit(i) - 1;
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(i);
            if (end > i) {
                sb.append('-').append(end);
            }
            i = b.nextSetBit(end + 1);
        }
        return sb.toString();
    }

    static BitSet parseRanges(String s) {
        BitSet b = new BitSet();
        if (s.isBlank()) {
            return b;
        }
        for (String part : s.split(",")) {
            int dash = part.indexOf('-');
            if (dash < 0) {
                b.set(Integer.parseInt(part.strip()));
            } else {
                int from = Integer.parseInt(part.substring(0, dash).strip());
                int to = Integer.parseInt(part.substring(dash + 1).strip());
                if (to < from || to - from > 1_000_000) {
                    throw new NumberFormatException(part);
                }
                b.set(from, to + 1);
            }
        }
        return b;
    }
}
