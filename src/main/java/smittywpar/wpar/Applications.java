package smittywpar.wpar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import smittywpar.host.Host;
import smittywpar.host.HostClock;
import smittywpar.msg.AixException;

/**
 * Application workload partitions (wparexec): made from a {@link CreateRequest} whose
 * {@link Attribute#APPLICATION} is the tracked command, they share the global environment's file
 * systems (base directory {@code /}, no devices, no boot sets, only namefs and nfs mounts), and
 * live while their tracked command runs. The life cycle, each step a transaction of its own (which
 * wparexec joins into one while nothing waits, see {@link WparEngine#joint}): {@link #create}
 * (Transitional, or Defined with {@code -1}), {@link #load} (Active: the tracked process runs),
 * then {@link #finish} when the command ends, or stopwpar ({@link Lifecycle#stop}), both of which
 * remove the WPAR.
 */
public final class Applications {
    /** The tag of an application WPAR's tracked process in the process table. */
    public static final String TRACKED = "tracked";
    /** The process an application WPAR's tracked command runs under, its process 1 [V startwpar -I]. */
    static final String VINIT = "/usr/lib/wpars/vinit";

    private Applications() {
    }

    /** What runs in an Active application WPAR: its tracked process and command line. */
    public record Running(String name, int pid, String application, String environment) {
        /** The tracked command's program: the first word of the application. */
        public String program() {
            List<String> w = words(application);
            return w.isEmpty() ? "" : w.get(0);
        }
    }

    // ---- creation ------------------------------------------------------------------------------

    /**
     * wparexec's first step: checks everything, then writes the specification file (-o) and, unless
     * -w, saves the WPAR: Defined with -1 (and says how to start it), otherwise Transitional, with
     * the first progress line. {@code checkProgram} is shown the tracked command's path before
     * anything is written and may refuse it. Returns the WPAR to load, or null when there is none
     * (-w, -1).
     */
    public static Wpar create(Transaction c, CreateRequest r, Consumer<String> checkProgram) {
        String prog = c.prog;
        Host host = c.hostForUpdate();
        boolean dry = r.writeOnly;
        if (r.specOut != null) {
            c.checkWritable(r.specOut, SpecFiles.storePath(prog, r.specOut));
        }
        Wpar t = r.specIn != null ? SpecFiles.read(c, r.specIn)
                : r.existing != null ? SpecFiles.fromExisting(c, r.existing, true) : null;
        if (t != null) {
            template(t, r);
        }
        String app = r.get(Attribute.APPLICATION);
        if (app == null || words(app).isEmpty()) {
            throw AixException.of("app.nocommand", prog);
        }
        String path = words(app).get(0);
        if (!path.startsWith("/")) {
            throw AixException.of("path.relative", prog, path);
        }
        if (r.name() == null && t != null && !dry) {
            // an application WPAR without a name is named after its application [V create-app]
            r.put(Attribute.NAME, path.substring(path.lastIndexOf('/') + 1));
        }
        if (r.name() != null) {
            Names.check(prog, r.name());
        }
        if (!dry && c.exists(r.name())) {
            throw AixException.of("wpar.exists", prog, r.name());
        }
        checkProgram.accept(path);

        Wpar w = new Wpar();
        w.name = r.name();
        w.type = 'A';
        w.directory = "/";
        Creation.hostname(prog, r, w);
        w.checkpointable = r.yes(Attribute.CHECKPOINTABLE);
        if (w.checkpointable && host.fileset("mcr.rte") == null) {
            throw AixException.of("ckpt.nosoftware", prog);
        }
        Creation.architecture(prog, r, w);
        w.routing = r.yes(Attribute.ROUTING);
        w.xwparipc = r.yes(Attribute.XWPARIPC);
        w.script = r.get(Attribute.SCRIPT) == null ? "" : r.get(Attribute.SCRIPT);
        if (!w.script.isEmpty() && !w.script.startsWith("/")) {
            throw AixException.of("path.relative", prog, w.script);
        }
        w.application = app;
        String env = r.get(Attribute.ENVIRONMENT);
        if (env != null && !env.isEmpty()) {
            Attribute.ENVIRONMENT.set(w, env);
        }
        Creation.networks(c, r, w, dry, r.force);
        for (Map<String, String> a : r.routes) {
            w.routes.add(Attrs.route(prog, a, host));
        }
        w.resources.putAll(Resources.parse(prog, r.resources));
        w.resources.values().removeIf(String::isEmpty);
        Resources.checkCombination(prog, w.resources);
        for (Map<String, String> given : r.mounts) {
            Map<String, String> a = new LinkedHashMap<>(given);
            // the file systems of an application WPAR are the global environment's: a mount is namefs unless it says
            a.putIfAbsent(Attribute.VFS.key, "namefs");
            Wpar.Mount m = Attrs.mount(prog, a, host);
            if (!m.vfs.equals("namefs") && !m.vfs.equals("nfs")) {
                throw AixException.of("app.localfs", prog, m.vfs);
            }
            for (Wpar.Mount other : w.mounts) {
                if (other.directory.equals(m.directory)) {
                    throw AixException.of("attr.dup", prog, Attribute.MOUNT_DIRECTORY.key + "=" + m.directory, 'M');
                }
            }
            w.mounts.add(m);
        }
        w.mounts.sort(Wpar.Mount.BY_DIRECTORY);
        for (Wpar.Network n : w.networks) {
            if (Attrs.offNetwork(n, host)) {
                Lifecycle.warn125(c.con, prog, n);
            }
        }
        if (dry) {
            writeSpec(c, r, w);
            c.discardHostChanges();
            return null;
        }
        w.uuid = host.nextUuid();
        w.state = r.configOnly ? State.DEFINED : State.TRANSITIONAL;
        c.save(w);
        writeSpec(c, r, w);
        if (r.configOnly) {
            c.con.say("mk.created", w.name);
            c.con.say("mk.hint390", prog, w.name);
            return null;
        }
        c.con.say("start.starting", w.name);
        return w;
    }

    /**
     * Takes what an application WPAR can have from a specification file or existing WPAR: its
     * general settings, addresses, routes, resource controls, namefs and nfs mounts, and its
     * application (unless the command line gives one). A system WPAR's file systems (its own, under
     * its base directory), devices, boot sets and base directory stay out.
     */
    private static void template(Wpar t, CreateRequest r) {
        int given = r.mounts.size();
        boolean hostGiven = r.has(Attribute.HOSTNAME);
        SpecFiles.apply(t, r);
        // a host name that only follows the template's name follows the new name instead
        if (!hostGiven && t.name != null && t.name.equals(r.get(Attribute.HOSTNAME)) && !t.name.equals(r.name())) {
            r.put(Attribute.HOSTNAME, null);
        }
        int added = r.mounts.size() - given;
        for (int i = added - 1; i >= 0; i--) {
            String vfs = r.mounts.get(i).getOrDefault(Attribute.VFS.key, Attribute.VFS.dflt);
            if (t.type != 'A' || !vfs.equals("namefs") && !vfs.equals("nfs")) {
                r.mounts.remove(i);
            }
        }
        r.devices.clear();
        r.bootsets.clear();
        r.bootlist = null;
        r.copyControls.clear();
        r.security.clear();
        if (r.get(Attribute.APPLICATION) == null && !t.application.isEmpty()) {
            r.put(Attribute.APPLICATION, t.application);
            String env = Attribute.ENVIRONMENT.get(t);
            if (r.get(Attribute.ENVIRONMENT) == null && env != null && !env.isEmpty()) {
                r.put(Attribute.ENVIRONMENT, env);
            }
        }
    }

    private static void writeSpec(Transaction c, CreateRequest r, Wpar w) {
        if (r.specOut != null) {
            SpecFiles.write(c, r.specOut, WparCodec.format(w, true));
        }
    }

    // ---- running -------------------------------------------------------------------------------

    /**
     * The rest of the start of application WPAR {@code w} (wparexec's second step; startwpar after
     * its first line): file systems mounted, loaded, Active with its tracked process.
     */
    static Running load(Transaction c, Wpar w, boolean verbose) {
        Console con = c.con;
        con.say("start.mounting");
        if (verbose) {
            for (Wpar.Mount m : w.mounts) {
                con.say("start.mountone", w.globalPath(m.directory));
            }
        }
        con.say("start.loading");
        for (Wpar.Route r : w.routes) {
            con.say("start.route", r.rtgateway, r.rttype.equals("host") ? "host" : "net",
                    r.isDefault() ? "default" : r.rtdest, r.rtgateway);
        }
        w.state = State.ACTIVE;
        w.startTime = HostClock.aixDate(c.host(), c.epochNow());
        FileSystems.mountAll(c, w);
        int pid = Processes.bootApplication(c, w);
        c.save(w);
        return running(w, pid);
    }

    /** wparexec's second step: the Transitional WPAR it made is loaded. */
    public static Running load(Transaction c, String name, boolean verbose) {
        Wpar w = c.wpar(name);
        if (w.type != 'A' || w.state != State.TRANSITIONAL) {
            throw AixException.of("start.state", c.prog, name, w.state.word);
        }
        return load(c, w, verbose);
    }

    /** What runs in application WPAR {@code name}, or null when it is not an Active application WPAR. */
    public static Running running(Transaction c, String name) {
        IndexEntry e = c.entry(name);
        if (e == null || e.type() != 'A' || e.state() != State.ACTIVE) {
            return null;
        }
        int pid = Processes.tracked(c, name);
        return pid == 0 ? null : running(c.wpar(name), pid);
    }

    private static Running running(Wpar w, int pid) {
        String env = Attribute.ENVIRONMENT.get(w);
        return new Running(w.name, pid, w.application, env == null ? "" : env);
    }

    /**
     * The tracked command ended: the WPAR's processes are shut down and the WPAR is removed. False
     * when it is no longer there to end (stopwpar ended it first).
     */
    public static boolean finish(Transaction c, Running r, boolean verbose) {
        IndexEntry e = c.entry(r.name());
        if (e == null || e.type() != 'A' || !Processes.running(c, r.name(), r.pid())) {
            return false;
        }
        Wpar w = c.wpar(r.name());
        c.con.say("stop.shutdown");
        c.con.say("stop.unmounting");
        if (verbose) {
            for (int i = w.mounts.size() - 1; i >= 0; i--) {
                c.con.say("stop.umountone", w.globalPath(w.mounts.get(i).directory));
            }
        }
        FileSystems.unmountAll(c, w);
        Processes.halt(c, w);
        c.delete(w.name);
        return true;
    }

    // ---- command lines ---------------------------------------------------------------------------

    /**
     * A command line as an application WPAR keeps it: the words joined by blanks, a word with
     * anything but letters, digits and {@code / . _ - + = : , @ %} single-quoted (a quote in it
     * as {@code '\''}), so that the simulated shell reads the same words back.
     */
    public static String line(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            boolean plain = !w.isEmpty();
            for (int i = 0; i < w.length() && plain; i++) {
                char ch = w.charAt(i);
                plain = ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9'
                        || "/._-+=:,@%".indexOf(ch) >= 0;
            }
            sb.append(plain ? w : "'" + w.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }

    /** The words of a line made by {@link #line} (or written by hand: words separated by blanks). */
    public static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = null;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '\'') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == ' ' || ch == '\t') {
                if (cur != null) {
                    out.add(cur.toString());
                    cur = null;
                }
            } else {
                if (cur == null) {
                    cur = new StringBuilder();
                }
                if (ch == '\'') {
                    quoted = true;
                } else if (ch == '\\' && i + 1 < line.length()) {
                    cur.append(line.charAt(++i));
                } else {
                    cur.append(ch);
                }
            }
        }
        if (cur != null) {
            out.add(cur.toString());
        }
        return out;
    }
}
