package smittywpar.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.Node;

import smittywpar.cmd.Commands;
import smittywpar.host.AixPath;
import smittywpar.host.Ip;
import smittywpar.msg.AixException;
import smittywpar.smit.ShellWords;
import smittywpar.yaml.StrictYaml;

/**
 * A scenario: a host to practise on, described in YAML (see {@code scenarios/README.md}): the
 * default host with additions (disks, volume groups, adapters, interfaces, fileset levels, host
 * name), AIX command lines run on it in order (so WPARs are exactly what mkwpar makes), files
 * written inside WPARs or the global environment, and faults. Read strictly: every problem of
 * the file is reported with file:line:col and nothing is built.
 */
record Scenario(String name, String title, String description, HostPart host, List<Line> commands,
        List<FileSpec> files, List<FaultSpec> faults) {

    /** Where a thing was written (file:line:col), for errors found while building. */
    record Line(List<String> argv, String text, String where) {
    }

    record FileSpec(String wpar, String path, String text, String where) {
    }

    record FaultSpec(String kind, String target, String where) {
    }

    record Disk(String name, int sizeMb, String location, String description, String where) {
    }

    record Vg(String name, int ppSizeMb, List<String> disks, String where) {
    }

    /** {@code writer}: a cdrom drive that writes discs (the default for a cdrom a scenario adds). */
    record Adapter(String name, String location, String description, String devClass, boolean writer, String where) {
    }

    record Iface(String name, String address, String netmask, String where) {
    }

    record Fileset(String name, String level, String description, boolean root, String where) {
    }

    /** What the scenario adds to or changes in the default host. */
    record HostPart(String hostname, List<Disk> disks, List<Vg> vgs, List<Adapter> adapters, List<Iface> interfaces,
            List<Fileset> filesets) {
        static final HostPart NONE = new HostPart(null, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static final List<String> TOP = List.of("title", "description", "host", "commands", "files", "faults");
    private static final List<String> HOST = List.of("hostname", "disks", "vgs", "adapters", "interfaces", "filesets");
    private static final List<String> DISK = List.of("name", "size", "location", "description");
    private static final List<String> VG = List.of("name", "ppsize", "disks");
    private static final List<String> ADAPTER = List.of("name", "class", "location", "description", "writer");
    /** What an adapter stanza of the host may be: an adapter, or a tape or optical drive. */
    static final List<String> CLASSES = List.of("adapter", "tape", "cdrom");
    private static final List<String> IFACE = List.of("name", "address", "netmask");
    private static final List<String> FILESET = List.of("name", "level", "description", "root");
    private static final List<String> FILE = List.of("wpar", "path", "text");
    private static final List<String> FAULT = List.of("kind", "target");
    static final Pattern DEVICE = Pattern.compile("[a-z][a-z0-9_]{0,14}");
    static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,62})");
    static final Pattern LEVEL = Pattern.compile("[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{1,3}\\.[0-9]{1,4}");
    static final Pattern FILESET_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]{0,63}");
    /** The largest text of a file a scenario writes inside a WPAR. */
    static final int MAX_TEXT = 64 * 1024;

    /** Reads a scenario file; every problem is in the exception, with file:line:col. */
    static Scenario parse(YamlFiles.Source src) {
        StrictYaml y = YamlFiles.reader(src);
        String text = y.decode(src.bytes());
        Node root = text == null ? null : y.compose(text);
        Scenario s = root == null ? null : new Reader(y, src.name()).scenario(root);
        if (!y.ok() || s == null) {
            throw new LabException(y.problems());
        }
        return s;
    }

    /** Reads the parts of a scenario, collecting problems in the strict reader. */
    static final class Reader {
        private final StrictYaml y;
        private final String name;

        Reader(StrictYaml y, String name) {
            this.y = y;
            this.name = name;
        }

        Scenario scenario(Node root) {
            Map<String, Node> k = y.keys(root, TOP, "scenario");
            if (k == null) {
                return null;
            }
            String title = y.required(k, root, "title", "scenario");
            String description = y.str(k, "description");
            HostPart host = k.get("host") == null ? HostPart.NONE : host(k.get("host"));
            List<Line> commands = commands(y, k.get("commands"), "commands");
            List<FileSpec> files = new ArrayList<>();
            for (Node n : y.items(k.get("files"), "files")) {
                FileSpec f = file(y, n);
                if (f != null) {
                    files.add(f);
                }
            }
            List<FaultSpec> faults = new ArrayList<>();
            for (Node n : y.items(k.get("faults"), "faults")) {
                Map<String, Node> f = y.keys(n, FAULT, "fault");
                if (f == null) {
                    continue;
                }
                String kind = y.required(f, n, "kind", "fault");
                String target = y.required(f, n, "target", "fault");
                if (kind != null && !Faults.KINDS.contains(kind)) {
                    y.error(f.get("kind"), "yaml.choice", "kind", String.join(" ", Faults.KINDS), kind);
                }
                faults.add(new FaultSpec(kind, target, y.where(n)));
            }
            return new Scenario(name, title, description == null ? "" : description.strip(), host, commands, files,
                    faults);
        }

        private HostPart host(Node n) {
            Map<String, Node> k = y.keys(n, HOST, "host");
            if (k == null) {
                return HostPart.NONE;
            }
            String hostname = y.str(k, "hostname");
            if (hostname != null && !HOSTNAME.matcher(hostname).matches()) {
                y.error(k.get("hostname"), "lab.yaml.bad", "hostname", hostname);
            }
            List<Disk> disks = new ArrayList<>();
            for (Node d : y.items(k.get("disks"), "disks")) {
                Map<String, Node> m = y.keys(d, DISK, "disk");
                if (m != null) {
                    disks.add(new Disk(device(m, d, "disk"), y.integer(m, "size", 1, 16 * 1024 * 1024, 20480),
                            y.str(m, "location"), y.str(m, "description"), y.where(d)));
                }
            }
            List<Vg> vgs = new ArrayList<>();
            for (Node d : y.items(k.get("vgs"), "vgs")) {
                Map<String, Node> m = y.keys(d, VG, "vg");
                if (m != null) {
                    List<String> members = y.strings(m.get("disks"), "disks");
                    for (String s : members) {
                        if (!DEVICE.matcher(s).matches()) {
                            y.error(m.get("disks"), "lab.yaml.bad", "disks", s);
                        }
                    }
                    vgs.add(new Vg(device(m, d, "vg"), y.integer(m, "ppsize", 1, 1024, 64), members, y.where(d)));
                }
            }
            List<Adapter> adapters = new ArrayList<>();
            for (Node d : y.items(k.get("adapters"), "adapters")) {
                Map<String, Node> m = y.keys(d, ADAPTER, "adapter");
                if (m != null) {
                    String cls = y.choice(m, "class", CLASSES, "adapter");
                    boolean writer = y.bool(m, "writer", cls.equals("cdrom"));
                    if (writer && !cls.equals("cdrom")) {
                        y.error(m.get("writer"), "lab.yaml.bad", "writer", "yes");
                    }
                    adapters.add(new Adapter(device(m, d, "adapter"), y.str(m, "location"), y.str(m, "description"),
                            cls, writer, y.where(d)));
                }
            }
            List<Iface> ifaces = new ArrayList<>();
            for (Node d : y.items(k.get("interfaces"), "interfaces")) {
                Map<String, Node> m = y.keys(d, IFACE, "interface");
                if (m != null) {
                    String a = y.required(m, d, "address", "interface");
                    String mask = y.required(m, d, "netmask", "interface");
                    if (a != null && !Ip.isV4(a)) {
                        y.error(m.get("address"), "lab.yaml.bad", "address", a);
                    }
                    if (mask != null && !Ip.isNetmask(mask)) {
                        y.error(m.get("netmask"), "lab.yaml.bad", "netmask", mask);
                    }
                    ifaces.add(new Iface(device(m, d, "interface"), a, mask, y.where(d)));
                }
            }
            List<Fileset> sets = new ArrayList<>();
            for (Node d : y.items(k.get("filesets"), "filesets")) {
                Map<String, Node> m = y.keys(d, FILESET, "fileset");
                if (m != null) {
                    String fs = y.required(m, d, "name", "fileset");
                    if (fs != null && !FILESET_NAME.matcher(fs).matches()) {
                        y.error(m.get("name"), "lab.yaml.bad", "name", fs);
                    }
                    String level = y.required(m, d, "level", "fileset");
                    if (level != null && !LEVEL.matcher(level).matches()) {
                        y.error(m.get("level"), "lab.yaml.bad", "level", level);
                    }
                    sets.add(new Fileset(fs, level, y.str(m, "description"), y.bool(m, "root", false), y.where(d)));
                }
            }
            return new HostPart(hostname, disks, vgs, adapters, ifaces, sets);
        }

        private String device(Map<String, Node> m, Node owner, String what) {
            String n = y.required(m, owner, "name", what);
            if (n != null && !DEVICE.matcher(n).matches()) {
                y.error(m.get("name"), "lab.yaml.bad", "name", n);
            }
            return n;
        }
    }

    /**
     * AIX command lines (sh quoting, as smit.script writes them): each must be a command of the
     * registry whose flags parse, checked before anything runs.
     */
    static List<Line> commands(StrictYaml y, Node list, String what) {
        List<Line> out = new ArrayList<>();
        for (Node n : y.items(list, what)) {
            Line l = command(y, n, what);
            if (l != null) {
                out.add(l);
            }
        }
        return out;
    }

    /** One command line, or null after a problem. */
    static Line command(StrictYaml y, Node n, String what) {
        String line = y.scalar(n, what);
        if (line == null) {
            return null;
        }
        List<String> argv;
        try {
            argv = ShellWords.splitUnmatchedPatterns(line);
        } catch (RuntimeException e) {
            y.error(n, "lab.yaml.cmdquote", line);
            return null;
        }
        if (argv.isEmpty() || !Commands.exists(argv.get(0))) {
            y.error(n, "lab.yaml.cmdunknown", argv.isEmpty() ? line : argv.get(0));
            return null;
        }
        try {
            Commands.check(argv);
        } catch (AixException e) {
            y.error(n, "lab.yaml.cmdbad", e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
        return new Line(argv, line, y.where(n));
    }

    /** A file to write: an absolute path that stays inside its WPAR (or the global environment). */
    static FileSpec file(StrictYaml y, Node n) {
        Map<String, Node> f = y.keys(n, FILE, "file");
        if (f == null) {
            return null;
        }
        String wpar = y.str(f, "wpar");
        String path = y.required(f, n, "path", "file");
        String text = y.str(f, "text");
        if (path != null && !insideTheHost(path)) {
            y.error(f.get("path"), "lab.yaml.escape", path);
            return null;
        }
        if (text != null && text.length() > MAX_TEXT) {
            y.error(f.get("text"), "lab.yaml.toolong", MAX_TEXT);
            return null;
        }
        return path == null ? null : new FileSpec(wpar, path, text == null ? "" : text, y.where(n));
    }

    /** An absolute AIX path without . or .. parts, NUL or line breaks: it names a file of the simulated host only. */
    static boolean insideTheHost(String path) {
        if (!path.startsWith("/") || path.length() > AixPath.PATH_MAX || path.indexOf('\0') >= 0
                || path.indexOf('\n') >= 0 || path.indexOf('\\') >= 0) {
            return false;
        }
        for (String part : path.substring(1).split("/", -1)) {
            if (part.equals("..") || part.equals(".") || part.isEmpty() && !path.equals("/")) {
                return false;
            }
        }
        return !path.equals("/");
    }
}
