package smittywpar.cmd;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import smittywpar.host.Host;
import smittywpar.msg.Messages;
import smittywpar.base.Text;

/** lslpp -l [fileset ...]: installed filesets, usr parts then root parts. */
final class LslppCommand extends ParsedCommand<Getopt> {
    @Override
    Getopt parse(List<String> args) {
        Getopt g = new Getopt("lslpp", "l", "usage.lslpp").parse(args);
        if (!g.has('l')) {
            throw g.usage();
        }
        return g;
    }

    @Override
    int run(Invocation inv, Getopt g) {
        return HostCommand.read(inv, "lslpp", c -> {
            List<Host.Fileset> sets = new ArrayList<>();
            int rc = 0;
            if (g.operands().isEmpty()) {
                sets.addAll(c.host().filesets);
            } else {
                for (String name : g.operands()) {
                    List<Host.Fileset> found = new ArrayList<>();
                    for (Host.Fileset f : c.host().filesets) {
                        if (Glob.matches(name, f.name)) {
                            found.add(f);
                        }
                    }
                    if (found.isEmpty()) {
                        inv.err().println(Messages.get("lslpp.notinstalled", name));
                        rc = 1;
                    }
                    for (Host.Fileset f : found) {
                        if (!sets.contains(f)) {
                            sets.add(f);
                        }
                    }
                }
            }
            if (sets.isEmpty()) {
                return rc;
            }
            sets.sort((a, b) -> a.name.compareTo(b.name));
            PrintStream out = inv.out();
            out.println("  " + Text.left("Fileset", 26) + Text.right("Level", 8) + "  State      Description");
            out.println("  " + "-".repeat(76));
            out.println("Path: /usr/lib/objrepos");
            for (Host.Fileset f : sets) {
                print(out, f);
            }
            boolean header = false;
            for (Host.Fileset f : sets) {
                if (f.root) {
                    if (!header) {
                        out.println();
                        out.println("Path: /etc/objrepos");
                        header = true;
                    }
                    print(out, f);
                }
            }
            return rc;
        });
    }

    private static void print(PrintStream out, Host.Fileset f) {
        List<String> desc = wrap(f.description, 30);
        String name = f.name;
        if (name.length() > 26) {
            // a fileset name too long for its column stands on a line of its own
            out.println("  " + name);
            name = "";
        }
        out.println(("  " + Text.left(name, 26) + Text.right(f.level, 8) + "  COMMITTED  " + desc.get(0)).stripTrailing());
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
