package smittywpar.cmd;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import smittywpar.host.Host;
import smittywpar.msg.Messages;
import smittywpar.base.Text;
import smittywpar.wpar.Software;
import smittywpar.wpar.Wpar;

/**
 * lslpp -l [fileset ...]: installed filesets, usr parts then root parts. Inside a system WPAR it
 * shows the WPAR's view: a shared WPAR's usr parts are the global environment's and its root
 * parts its own (a level apart when it is out of step); a detached WPAR's are all its own.
 */
final class LslppCommand extends ParsedCommand<Getopt> {
    /** The flags, in {@link Getopt}'s syntax (also the option table of the man page and the completion). */
    static final String OPTIONS = "l";

    @Override
    Getopt parse(List<String> args) {
        Getopt g = new Getopt("lslpp", OPTIONS, "usage.lslpp").parse(args);
        if (!g.has('l')) {
            throw g.usage();
        }
        return g;
    }

    /** A line of the listing: one part (usr or root) of a fileset. */
    record Part(String name, String level, String state, String description) {
        /** By name: a comparator of this class (the start-up cache does not keep the JDK's Comparator.comparing lambdas). */
        static final Comparator<Part> BY_NAME = (a, b) -> a.name.compareTo(b.name);
    }

    @Override
    int run(Invocation inv, Getopt g) {
        return HostCommand.read(inv, "lslpp", c -> {
            Host h = c.host();
            Wpar w = null;
            if (inv.wpar() != null) {
                Wpar in = c.wpar(inv.wpar());
                w = Software.synchronizable(in) ? in : null;
            }
            List<Part> usr = new ArrayList<>();
            List<Part> root = new ArrayList<>();
            if (w == null) {
                // the global environment (and an application WPAR, which shares it): installp keeps
                // the usr and root parts at one level
                for (Host.Fileset f : h.filesets) {
                    Part p = new Part(f.name, f.level, f.applied ? "APPLIED" : "COMMITTED", f.description);
                    usr.add(p);
                    if (f.root) {
                        root.add(p);
                    }
                }
            } else {
                Map<String, String> held = Software.held(w, h);
                if (!w.privateUsr) {
                    for (Host.Fileset f : h.filesets) {
                        usr.add(new Part(f.name, f.level, f.applied ? "APPLIED" : "COMMITTED", f.description));
                    }
                }
                for (Map.Entry<String, String> e : held.entrySet()) {
                    Host.Fileset f = h.fileset(e.getKey());
                    Part p = new Part(e.getKey(), e.getValue(), "COMMITTED", Software.description(h, e.getKey()));
                    if (w.privateUsr) {
                        usr.add(p);
                    }
                    if (!w.privateUsr || f == null || f.root) {
                        root.add(p);
                    }
                }
            }
            int rc = 0;
            if (!g.operands().isEmpty()) {
                java.util.Set<String> names = new java.util.HashSet<>();
                for (String name : g.operands()) {
                    boolean found = false;
                    for (Part p : usr) {
                        found |= Glob.matches(name, p.name());
                    }
                    for (Part p : root) {
                        found |= Glob.matches(name, p.name());
                    }
                    if (!found) {
                        inv.err().println(Messages.get("lslpp.notinstalled", name));
                        rc = 1;
                    }
                }
                usr.removeIf(p -> !matches(g.operands(), p.name()));
                root.removeIf(p -> !matches(g.operands(), p.name()));
            }
            if (usr.isEmpty() && root.isEmpty()) {
                return rc;
            }
            usr.sort(Part.BY_NAME);
            root.sort(Part.BY_NAME);
            PrintStream out = inv.out();
            out.println("  " + Text.left("Fileset", 26) + Text.right("Level", 8) + "  State      Description");
            out.println("  " + "-".repeat(76));
            if (!usr.isEmpty()) {
                out.println("Path: /usr/lib/objrepos");
                for (Part p : usr) {
                    print(out, p);
                }
            }
            if (!root.isEmpty()) {
                if (!usr.isEmpty()) {
                    out.println();
                }
                out.println("Path: /etc/objrepos");
                for (Part p : root) {
                    print(out, p);
                }
            }
            return rc;
        });
    }

    private static boolean matches(List<String> patterns, String name) {
        for (String p : patterns) {
            if (Glob.matches(p, name)) {
                return true;
            }
        }
        return false;
    }

    private static void print(PrintStream out, Part f) {
        List<String> desc = wrap(f.description(), 30);
        String name = f.name();
        if (name.length() > 26) {
            // a fileset name too long for its column stands on a line of its own
            out.println("  " + name);
            name = "";
        }
        out.println(("  " + Text.left(name, 26) + Text.right(f.level(), 8) + "  " + Text.left(f.state(), 9) + "  " + desc.get(0)).stripTrailing());
        for (int i = 1; i < desc.size(); i++) {
            out.println(" ".repeat(49) + desc.get(i));
        }
    }

    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        out.add(line.toString());
        return out;
    }
}
