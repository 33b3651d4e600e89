package smittywpar.wpar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import smittywpar.msg.Messages;
import smittywpar.store.Stanza;
import smittywpar.store.StanzaFile;

/** The data of {@code wpar-defaults.cf}: default file systems, devices, privileges, skeleton. */
public final class WparDefaults {
    private static WparDefaults instance;

    private final List<Stanza> filesystems = new ArrayList<>();
    private final List<Wpar.Device> devices = new ArrayList<>();
    private final List<String> privileges;
    private final List<String> skeleton;
    private final List<String> rootvgInternal;
    private final List<String[]> insideDevices = new ArrayList<>();

    private WparDefaults(List<Stanza> stanzas) {
        List<String> privs = List.of();
        List<String> skel = List.of();
        List<String> internal = List.of();
        for (Stanza s : stanzas) {
            switch (s.name()) {
                case "filesystem" -> filesystems.add(s);
                case "device" -> {
                    Wpar.Device d = new Wpar.Device();
                    d.devname = s.get("devname");
                    d.devtype = s.get("devtype", "");
                    devices.add(d);
                }
                case "privileges" -> privs = Arrays.asList(s.get("privs", "").split(","));
                case "skeleton" -> skel = Arrays.asList(s.get("files", "").split(" "));
                case "rootvg" -> internal = Arrays.asList(s.get("internal", "").split(" "));
                case "wpardevice" -> insideDevices.add(new String[] {s.get("name"), s.get("status", "Available"),
                    s.get("class", ""), s.get("description", "")});
                default -> throw new IllegalStateException(Messages.get("internal.wpardefaults"));
            }
        }
        this.privileges = List.copyOf(privs);
        this.skeleton = List.copyOf(skel);
        this.rootvgInternal = List.copyOf(internal);
    }

    public static synchronized WparDefaults get() {
        if (instance == null) {
            try {
                byte[] text = smittywpar.base.Bundled.read("smittywpar/wpar-defaults.cf");
                instance = new WparDefaults(StanzaFile.parse(new String(text, StandardCharsets.UTF_8)));
            } catch (IOException | StanzaFile.SyntaxException | NullPointerException e) {
                throw new IllegalStateException(Messages.get("internal.wpardefaults"), e);
            }
        }
        return instance;
    }

    /** New mount entries of a file system set: "shared", "private" or "rootvg". */
    public List<Wpar.Mount> filesystems(String set) {
        List<Wpar.Mount> out = new ArrayList<>();
        for (Stanza s : filesystems) {
            if (!set.equals(s.get("set"))) {
                continue;
            }
            Wpar.Mount m = new Wpar.Mount();
            m.directory = s.get("directory");
            m.vfs = s.get("vfs");
            m.dev = s.get("dev", "");
            m.mountopts = s.get("mountopts", "");
            m.logname = s.get("logname", "");
            m.sizeMb = Integer.parseInt(s.get("size", "0"));
            m.usedMb = Integer.parseInt(s.get("used", "0"));
            m.iused = Long.parseLong(s.get("iused", "0"));
            m.ipct = Integer.parseInt(s.get("ipct", "0"));
            out.add(m);
        }
        return out;
    }

    /** The usage a fresh file system of this size shows (new -M file systems). */
    public static void freshUsage(Wpar.Mount m) {
        m.usedMb = Math.max(1, m.sizeMb / 64);
        m.iused = 4;
        m.ipct = 1;
    }

    public List<Wpar.Device> devices() {
        List<Wpar.Device> out = new ArrayList<>();
        for (Wpar.Device d : devices) {
            Wpar.Device c = new Wpar.Device();
            c.devname = d.devname;
            c.devtype = d.devtype;
            out.add(c);
        }
        return out;
    }

    public List<String> privileges() {
        return privileges;
    }

    public List<String> skeleton() {
        return skeleton;
    }

    /** The devices a system WPAR shows as its own: name, status, class, description. */
    public List<String[]> insideDevices() {
        return insideDevices;
    }

    public List<String> rootvgInternal() {
        return rootvgInternal;
    }
}
