package smittywpar.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import smittywpar.msg.Messages;
import smittywpar.store.Stanza;
import smittywpar.store.StanzaFile;

/**
 * Converts {@link Host} to and from the stanza text of {@code host.cf}, strictly: every stanza and
 * attribute must be known, every required one present, every number ASCII digits in its range,
 * every name unique, and nothing may appear twice. Users may edit the file by hand to build a
 * lab; an edit that breaks a rule is refused with its line, never half taken.
 *
 * <p>Format 2 (written since smitty-wpar checks for cut-short files) always ends with the
 * {@code lvnames} and {@code wparmounts} stanzas, so a copy cut at a line boundary lacks one of
 * them (or an attribute of the last stanza) and is refused. Format 1 files are still read; they
 * are written back as format 2.
 */
public final class HostCodec {
    public static final String FILE = "host.cf";
    static final String VERSION = "2";

    /** The attributes each stanza may have; the first ones up to '|' are required. */
    private static final Map<String, String[]> ATTRS = Map.ofEntries(
            Map.entry("format", new String[] {"version", "|"}),
            Map.entry("system", new String[] {"hostname", "oslevel", "oslevel_s", "machine_id", "id_seed",
                "id_serial", "|", "domain", "timezone", "utc_offset", "clock"}),
            Map.entry("interface", new String[] {"name", "address", "netmask", "|", "address6", "flags", "tcp"}),
            Map.entry("hosts", new String[] {"address", "names", "|"}),
            Map.entry("disk", new String[] {"name", "size", "|", "pvid", "vg", "location", "description", "wpar",
                "status"}),
            Map.entry("adapter", new String[] {"name", "|", "location", "description", "wpar", "class", "writer", "status"}),
            Map.entry("vg", new String[] {"name", "ppsize", "|", "identifier", "wpar_pps"}),
            Map.entry("lv", new String[] {"name", "vg", "pps", "type", "|", "mount"}),
            Map.entry("fs", new String[] {"dev", "mount", "|", "vfs", "size", "free", "iused", "ipct"}),
            Map.entry("fileset", new String[] {"name", "level", "|", "description", "root", "state"}),
            Map.entry("image", new String[] {"device", "name", "level", "|", "description", "root"}),
            Map.entry("lvnames", new String[] {"fslv", "|"}),
            Map.entry("wparmounts", new String[] {"wpars", "|"}));
    private static final Set<String> SINGLETONS = Set.of("format", "system", "lvnames", "wparmounts");
    private static final Map<String, String> KEYS = Map.of("interface", "name", "hosts", "address", "disk", "name",
            "adapter", "name", "vg", "name", "lv", "name", "fs", "mount", "fileset", "name");

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
            StanzaFile.checkUnique(stanzas, SINGLETONS, KEYS);
        } catch (StanzaFile.SyntaxException e) {
            throw new BadHost(e.line(), e.getMessage());
        }
        if (stanzas.isEmpty() || !stanzas.get(0).name().equals("format")) {
            throw new BadHost(stanzas.isEmpty() ? Math.max(1, lines(text)) : stanzas.get(0).line(),
                    Messages.get("corrupt.host.formatfirst"));
        }
        Host h = new Host();
        boolean v1 = false;
        Set<String> seen = new HashSet<>();
        for (Stanza s : stanzas) {
            String[] known = ATTRS.get(s.name());
            if (known == null) {
                throw new BadHost(s.line(), Messages.get("corrupt.stanza", s.name()));
            }
            checkAttributes(s, known);
            seen.add(s.name());
            switch (s.name()) {
                case "format" -> {
                    v1 = "1".equals(s.get("version"));
                    if (!v1 && !VERSION.equals(s.get("version"))) {
                        throw bad(s, "version", Messages.get("corrupt.host.version", s.get("version")));
                    }
                }
                case "system" -> system(h, s);
                case "interface" -> {
                    Host.Interface i = new Host.Interface();
                    i.name = name(s, "name");
                    i.address = req(s, "address");
                    i.netmask = req(s, "netmask");
                    if (!Ip.isV4(i.address)) {
                        throw bad(s, "address", Messages.get("corrupt.host.address", "address", i.address));
                    }
                    if (!Ip.isNetmask(i.netmask)) {
                        throw bad(s, "netmask", Messages.get("corrupt.host.address", "netmask", i.netmask));
                    }
                    i.address6 = s.get("address6");
                    i.flags = s.get("flags", "e084863,14c0<UP,BROADCAST,NOTRAILERS,RUNNING,SIMPLEX,MULTICAST,GROUPRT,64BIT,LARGESEND,CHAIN>");
                    i.tcp = s.get("tcp", "tcp_sendspace 262144 tcp_recvspace 262144 rfc1323 1");
                    h.interfaces.add(i);
                }
                case "hosts" -> {
                    String a = req(s, "address");
                    if (!Ip.isV4(a) && (a.indexOf(':') < 0 || !word(a))) {
                        throw bad(s, "address", Messages.get("corrupt.host.address", "address", a));
                    }
                    h.hosts.add(new Host.HostsEntry(a, words(s, "names")));
                }
                case "disk" -> {
                    Host.Disk d = new Host.Disk();
                    d.name = name(s, "name");
                    d.pvid = s.get("pvid", "none");
                    if (!d.pvid.equals("none") && !hex(d.pvid, 16)) {
                        throw bad(s, "pvid", Messages.get("corrupt.host.pvid", d.pvid));
                    }
                    d.vg = s.get("vg") == null ? "None" : name(s, "vg");
                    d.sizeMb = (int) num(s, "size", 1, Integer.MAX_VALUE);
                    d.location = s.get("location", "");
                    d.description = s.get("description", "Other FC SCSI Disk Drive");
                    d.wpar = s.get("wpar") == null ? null : name(s, "wpar");
                    d.status = status(s);
                    h.disks.add(d);
                }
                case "adapter" -> {
                    Host.Adapter a = new Host.Adapter();
                    a.name = name(s, "name");
                    a.location = s.get("location", "");
                    a.description = s.get("description", "");
                    a.wpar = s.get("wpar") == null ? null : name(s, "wpar");
                    a.devClass = s.get("class", "adapter");
                    if (!List.of("adapter", "cdrom", "tape").contains(a.devClass)) {
                        throw bad(s, "class", Messages.get("corrupt.host.class", printable(a.devClass)));
                    }
                    a.writer = yesNo(s, "writer", false);
                    if (a.writer && !a.devClass.equals("cdrom")) {
                        throw bad(s, "writer", Messages.get("corrupt.host.writer", a.devClass));
                    }
                    a.status = status(s);
                    h.adapters.add(a);
                }
                case "vg" -> {
                    Host.VolumeGroup v = new Host.VolumeGroup();
                    v.name = name(s, "name");
                    v.identifier = s.get("identifier", "");
                    if (!v.identifier.isEmpty() && !hex(v.identifier, -1)) {
                        throw bad(s, "identifier", Messages.get("corrupt.host.hex", "identifier", v.identifier));
                    }
                    v.ppSizeMb = (int) num(s, "ppsize", 1, 1 << 20);
                    v.wparPps = s.get("wpar_pps") == null ? 0 : (int) num(s, "wpar_pps", 0, Integer.MAX_VALUE);
                    h.vgs.add(v);
                }
                case "lv" -> {
                    Host.LogicalVolume lv = new Host.LogicalVolume();
                    lv.name = name(s, "name");
                    lv.vg = name(s, "vg");
                    lv.type = name(s, "type");
                    lv.pps = (int) num(s, "pps", 0, Integer.MAX_VALUE);
                    lv.mount = s.get("mount", "N/A");
                    h.lvs.add(lv);
                    int n = Host.fslvNumber(lv.name);
                    if (n >= 0) {
                        h.fslvInUse.set(n);
                    }
                }
                case "fs" -> fs(h, s);
                case "fileset" -> {
                    Host.Fileset f = new Host.Fileset();
                    f.name = name(s, "name");
                    f.level = level(s, "level");
                    f.description = s.get("description", "");
                    f.root = yesNo(s, "root", false);
                    String state = s.get("state", "COMMITTED");
                    if (!state.equals("COMMITTED") && !state.equals("APPLIED")) {
                        throw bad(s, "state", Messages.get("corrupt.host.fsstate", printable(state)));
                    }
                    f.applied = state.equals("APPLIED");
                    h.filesets.add(f);
                }
                case "image" -> {
                    Host.Image i = new Host.Image();
                    i.device = path(s, "device");
                    i.name = name(s, "name");
                    i.level = level(s, "level");
                    i.description = s.get("description", "");
                    i.root = yesNo(s, "root", false);
                    for (Host.Image other : h.images) {
                        if (other.device.equals(i.device) && other.name.equals(i.name) && other.level.equals(i.level)) {
                            throw bad(s, "level", Messages.get("corrupt.host.dupimage", i.device, i.name, i.level));
                        }
                    }
                    h.images.add(i);
                }
                case "lvnames" -> {
                    BitSet b = parseRanges(s.get("fslv"));
                    if (b == null) {
                        throw bad(s, "fslv", Messages.get("corrupt.host.fslv", s.get("fslv"), Host.MAX_FSLV));
                    }
                    h.fslvInUse.or(b);
                }
                case "wparmounts" -> {
                    for (String n : s.get("wpars").split(" ")) {
                        if (!n.isEmpty()) {
                            h.wparMounts.add(n);
                        }
                    }
                }
                default -> throw new IllegalStateException(s.name());
            }
        }
        if (!seen.contains("system")) {
            throw new BadHost(lines(text), Messages.get("corrupt.host.missingstanza", "system"));
        }
        if (!v1) {
            for (String last : new String[] {"lvnames", "wparmounts"}) {
                if (!seen.contains(last)) {
                    throw new BadHost(lines(text), Messages.get("corrupt.host.missingstanza", last));
                }
            }
            // a copy cut in the middle of its last line ("wpars = ") may still parse: it lacks the line's end
            if (!text.endsWith("\n")) {
                throw new BadHost(lines(text), Messages.get("corrupt.host.cut"));
            }
        }
        for (Host.LogicalVolume lv : h.lvs) {
            if (h.vg(lv.vg) == null) {
                Stanza s = find(stanzas, "lv", lv.name);
                throw bad(s, "vg", Messages.get("corrupt.host.novg", lv.name, lv.vg));
            }
        }
        for (Host.FileSystem f : h.filesystems) {
            if (!f.vfs.equals("procfs") && f.dev.startsWith("/dev/") && lv(h, f.dev.substring(5)) == null) {
                Stanza s = stanzas.get(0);
                for (Stanza t : stanzas) {
                    if (t.name().equals("fs") && f.mount.equals(t.get("mount"))) {
                        s = t;
                    }
                }
                throw bad(s, "dev", Messages.get("corrupt.host.nolv", f.mount, f.dev));
            }
        }
        // A disk may name a volume group that is not defined (varied off or never imported):
        // lspv shows it without "active", and mkwpar needs -O to take the disk.
        return h;
    }

    private static void system(Host h, Stanza s) throws BadHost {
        h.hostname = name(s, "hostname");
        h.domain = s.get("domain", "");
        if (!h.domain.isEmpty() && !word(h.domain)) {
            throw bad(s, "domain", Messages.get("corrupt.host.word", "domain", h.domain));
        }
        h.oslevel = level(s, "oslevel");
        h.oslevelS = name(s, "oslevel_s");
        h.machineId = req(s, "machine_id");
        if (!hex(h.machineId, -1)) {
            throw bad(s, "machine_id", Messages.get("corrupt.host.hex", "machine_id", h.machineId));
        }
        h.timezone = s.get("timezone", "UTC");
        if (!word(h.timezone)) {
            throw bad(s, "timezone", Messages.get("corrupt.host.word", "timezone", h.timezone));
        }
        h.utcOffset = s.get("utc_offset", "+00:00");
        if (!offset(h.utcOffset)) {
            throw bad(s, "utc_offset", Messages.get("corrupt.host.utcoffset", h.utcOffset));
        }
        h.clock = s.get("clock", "system");
        if (!h.clock.equals("system") && HostClock.parseFixed(h.clock) == null) {
            throw bad(s, "clock", Messages.get("corrupt.host.clock", h.clock));
        }
        h.idSeed = signed(s, "id_seed");
        h.idSerial = num(s, "id_serial", 0, Long.MAX_VALUE);
    }

    /** An absolute path of printable ASCII without blanks. */
    private static String path(Stanza s, String key) throws BadHost {
        String v = req(s, key);
        if (!v.startsWith("/") || !word(v)) {
            throw bad(s, key, Messages.get("corrupt.host.path", key, printable(v)));
        }
        return v;
    }

    private static void fs(Host h, Stanza s) throws BadHost {
        Host.FileSystem f = new Host.FileSystem();
        f.dev = req(s, "dev");
        f.mount = req(s, "mount");
        if (!f.mount.startsWith("/") || !word(f.mount)) {
            throw bad(s, "mount", Messages.get("corrupt.host.path", "mount", f.mount));
        }
        if (!word(f.dev)) {
            throw bad(s, "dev", Messages.get("corrupt.host.word", "dev", f.dev));
        }
        f.vfs = s.get("vfs") == null ? "jfs2" : name(s, "vfs");
        if (!f.vfs.equals("procfs")) {
            f.sizeMb = (int) num(s, "size", 0, Integer.MAX_VALUE);
            f.freeMb = (int) num(s, "free", 0, f.sizeMb);
            f.iused = num(s, "iused", 0, Long.MAX_VALUE);
            f.ipct = s.get("ipct") == null ? 1 : (int) num(s, "ipct", 0, 100);
        } else {
            for (String k : new String[] {"size", "free", "iused", "ipct"}) {
                if (s.get(k) != null) {
                    throw bad(s, k, Messages.get("corrupt.host.procfs", k));
                }
            }
        }
        h.filesystems.add(f);
    }

    private static Host.LogicalVolume lv(Host h, String name) {
        for (Host.LogicalVolume lv : h.lvs) {
            if (lv.name.equals(name)) {
                return lv;
            }
        }
        return null;
    }

    private static Stanza find(List<Stanza> stanzas, String kind, String name) {
        for (Stanza s : stanzas) {
            if (s.name().equals(kind) && name.equals(s.get("name"))) {
                return s;
            }
        }
        return stanzas.get(0);
    }

    private static int lines(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return text.endsWith("\n") ? n : n + 1;
    }

    private static void checkAttributes(Stanza s, String[] known) throws BadHost {
        boolean required = true;
        for (String k : known) {
            if (k.equals("|")) {
                required = false;
            } else if (required && s.get(k) == null) {
                throw new BadHost(s.line(), Messages.get("corrupt.host.lacks", s.name(), k));
            }
        }
        for (String k : s.attrs().keySet()) {
            boolean ok = false;
            for (String x : known) {
                ok |= x.equals(k);
            }
            if (!ok || k.equals("|")) {
                throw bad(s, k, Messages.get("corrupt.host.unknownattr", k, s.name()));
            }
        }
    }

    /** A device's status: Available (the default, not written) or Defined. */
    private static String status(Stanza s) throws BadHost {
        String v = s.get("status", Host.AVAILABLE);
        if (!v.equals(Host.AVAILABLE) && !v.equals(Host.DEFINED)) {
            throw bad(s, "status", Messages.get("corrupt.host.status", v));
        }
        return v;
    }

    private static BadHost bad(Stanza s, String key, String reason) {
        return new BadHost(s.line(key), reason);
    }

    private static String req(Stanza s, String key) throws BadHost {
        String v = s.get(key);
        if (v == null) {
            throw new BadHost(s.line(), Messages.get("corrupt.host.lacks", s.name(), key));
        }
        return v;
    }

    /** A name: printable ASCII without blanks or quotes, at most 255 characters. */
    private static String name(Stanza s, String key) throws BadHost {
        String v = req(s, key);
        if (v.isEmpty() || v.length() > 255 || !word(v) || v.indexOf('"') >= 0 || v.indexOf('/') >= 0) {
            throw bad(s, key, Messages.get("corrupt.host.name", key, s.name(), printable(v)));
        }
        return v;
    }

    /** Blank-separated words of printable ASCII. */
    private static String words(Stanza s, String key) throws BadHost {
        String v = req(s, key);
        for (String w : v.split(" ")) {
            if (!w.isEmpty() && !word(w)) {
                throw bad(s, key, Messages.get("corrupt.host.word", key, printable(v)));
            }
        }
        if (v.isBlank()) {
            throw bad(s, key, Messages.get("corrupt.host.word", key, v));
        }
        return v;
    }

    /** Printable ASCII, no blank. */
    private static boolean word(String v) {
        if (v.isEmpty()) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    private static boolean hex(String v, int length) {
        if (v.isEmpty() || length > 0 && v.length() != length || v.length() > 64) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    /** A software level: four dot-separated numbers (7.2.4.1). */
    private static String level(Stanza s, String key) throws BadHost {
        String v = req(s, key);
        if (!Host.validLevel(v)) {
            throw bad(s, key, Messages.get("corrupt.host.level", key, printable(v)));
        }
        return v;
    }

    /** +HH:MM or -HH:MM, at most 18 hours. */
    private static boolean offset(String v) {
        if (v.length() != 6 || (v.charAt(0) != '+' && v.charAt(0) != '-') || v.charAt(3) != ':') {
            return false;
        }
        long hh = StanzaFile.digits(v.substring(1, 3));
        long mm = StanzaFile.digits(v.substring(4, 6));
        return hh >= 0 && mm >= 0 && mm < 60 && hh * 60 + mm <= 18 * 60;
    }

    private static boolean yesNo(Stanza s, String key, boolean dflt) throws BadHost {
        String v = s.get(key);
        if (v == null) {
            return dflt;
        }
        if (!v.equals("yes") && !v.equals("no")) {
            throw bad(s, key, Messages.get("corrupt.host.yesno", key, printable(v)));
        }
        return v.equals("yes");
    }

    /** A number of ASCII digits with an optional minus sign (a seed from SMITTY_WPAR_SEED may be negative). */
    private static long signed(Stanza s, String key) throws BadHost {
        String v = req(s, key);
        if (v.equals(String.valueOf(Long.MIN_VALUE))) {
            return Long.MIN_VALUE;
        }
        long n = StanzaFile.digits(v.startsWith("-") ? v.substring(1) : v);
        if (n < 0) {
            throw bad(s, key, Messages.get("corrupt.host.number", key, s.name(), printable(v)));
        }
        return v.startsWith("-") ? -n : n;
    }

    private static long num(Stanza s, String key, long min, long max) throws BadHost {
        String v = req(s, key);
        long n = StanzaFile.digits(v);
        if (n < 0) {
            throw bad(s, key, Messages.get("corrupt.host.number", key, s.name(), printable(v)));
        }
        if (n < min || n > max) {
            throw bad(s, key, Messages.get("corrupt.host.range", key, s.name(), v, min, max));
        }
        return n;
    }

    private static String printable(String v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length() && sb.length() < 60; i++) {
            char c = v.charAt(i);
            sb.append(c < ' ' || c == 127 ? '?' : c);
        }
        return v.length() > 60 ? sb + "..." : sb.toString();
    }

    public static String format(Host h) {
        List<Stanza> out = new ArrayList<>();
        out.add(new Stanza("format").put("version", VERSION));
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
                    .put("location", d.location).put("description", d.description).put("wpar", d.wpar)
                    .put("status", Host.DEFINED.equals(d.status) ? Host.DEFINED : null));
        }
        for (Host.Adapter a : h.adapters) {
            Stanza st = new Stanza("adapter").put("name", a.name).put("location", a.location)
                    .put("description", a.description).put("wpar", a.wpar)
                    .put("status", Host.DEFINED.equals(a.status) ? Host.DEFINED : null);
            if (!a.devClass.equals("adapter")) {
                st.put("class", a.devClass);
            }
            if (a.writer) {
                st.put("writer", "yes");
            }
            out.add(st);
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
            Stanza st = new Stanza("fileset").put("name", f.name).put("level", f.level).put("description", f.description)
                    .put("root", f.root ? "yes" : "no");
            if (f.applied) {
                st.put("state", "APPLIED");
            }
            out.add(st);
        }
        for (Host.Image i : h.images) {
            out.add(new Stanza("image").put("device", i.device).put("name", i.name).put("level", i.level)
                    .put("description", i.description).put("root", i.root ? "yes" : "no"));
        }
        out.add(new Stanza("lvnames").put("fslv", ranges(wparLvs)));
        out.add(new Stanza("wparmounts").put("wpars", String.join(" ", h.wparMounts)));
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

    /** "1-4,7" as a set of fslv numbers (ASCII digits, at most {@link Host#MAX_FSLV}), or null. */
    static BitSet parseRanges(String s) {
        BitSet b = new BitSet();
        if (s.isBlank()) {
            return b;
        }
        for (String part : s.split(",", -1)) {
            int dash = part.indexOf('-');
            long from = StanzaFile.digits(dash < 0 ? part.strip() : part.substring(0, dash).strip());
            long to = dash < 0 ? from : StanzaFile.digits(part.substring(dash + 1).strip());
            if (from < 0 || to < from || to > Host.MAX_FSLV) {
                return null;
            }
            b.set((int) from, (int) to + 1);
        }
        return b;
    }
}
