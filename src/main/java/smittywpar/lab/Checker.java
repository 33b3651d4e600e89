package smittywpar.lab;

import java.util.List;

import smittywpar.msg.Messages;
import smittywpar.wpar.Attribute;
import smittywpar.host.FileNode;
import smittywpar.host.FileTree;
import smittywpar.wpar.Inside;
import smittywpar.wpar.Wpar;

/**
 * Runs one check of an exercise on the host now: null when it passes, else what was found
 * (the text a learner reads after FAIL). Commands run through the registry; predicates read the
 * state through the engine. Nothing is changed.
 */
final class Checker {
    private final LabContext ctx;

    Checker(LabContext ctx) {
        this.ctx = ctx;
    }

    String check(Exercise.Check c) {
        return c.command() != null ? command(c) : wpar(c);
    }

    private String command(Exercise.Check c) {
        LabContext.Ran r = ctx.aix(c.command().argv());
        List<String> out = r.outLines();
        if (r.exit() != 0) {
            List<String> err = r.errLines();
            return Messages.get("lab.check.exit", c.command().text(), r.exit(), err.isEmpty() ? "" : err.get(err.size() - 1));
        }
        if (c.expect() != null && !out.equals(c.expect())) {
            return Messages.get("lab.check.lines", c.command().text(), shown(out));
        }
        if (c.pattern() != null && out.stream().noneMatch(l -> c.pattern().matcher(l).find())) {
            return Messages.get("lab.check.nomatch", c.command().text(), c.pattern().pattern(), shown(out));
        }
        return null;
    }

    private static String shown(List<String> lines) {
        if (lines.isEmpty()) {
            return Messages.get("lab.check.nothing");
        }
        List<String> first = lines.size() > 3 ? lines.subList(0, 3) : lines;
        return "'" + String.join("' '", first) + "'" + (lines.size() > 3 ? " ..." : "");
    }

    private String wpar(Exercise.Check c) {
        return ctx.engine().read(t -> {
            if (!t.exists(c.wpar())) {
                return Boolean.FALSE.equals(c.exists()) ? null : Messages.get("lab.check.nowpar", c.wpar());
            }
            if (Boolean.FALSE.equals(c.exists())) {
                return Messages.get("lab.check.stillthere", c.wpar());
            }
            Wpar w = t.wpar(c.wpar());
            if (c.state() != null && w.state != c.state()) {
                return Messages.get("lab.check.state", c.wpar(), w.state.word, c.state().word);
            }
            if (c.hostname() != null && !c.hostname().equals(w.hostname)) {
                return Messages.get("lab.check.hostname", c.wpar(), w.hostname);
            }
            if (c.address() != null && w.networks.stream().noneMatch(n -> c.address().equals(n.address)
                    || c.address().equals(n.address6))) {
                List<String> have = w.networks.stream().map(n -> n.address.isEmpty() ? n.address6 : n.address).toList();
                return Messages.get("lab.check.address", c.wpar(), have.isEmpty() ? Messages.get("lab.check.none")
                        : String.join(" ", have));
            }
            for (var e : c.resources().entrySet()) {
                Attribute a = Attribute.of(Attribute.Section.RESOURCES, e.getKey());
                String v = w.resources.getOrDefault(e.getKey(), a == null || a.dflt == null ? "" : a.dflt);
                if (!v.equals(e.getValue())) {
                    return Messages.get("lab.check.resource", c.wpar(), e.getKey(), v.isEmpty() ? "\"\"" : v);
                }
            }
            if (c.mount() != null && w.mounts.stream().noneMatch(m -> c.mount().equals(m.directory))) {
                return Messages.get("lab.check.mount", c.wpar(), c.mount());
            }
            if (c.file() != null) {
                // the WPAR's own files, whether or not its file systems are mounted now
                FileTree tree = w.type == 'S' ? Inside.of(t, w) : null;
                FileNode n = tree == null ? null : tree.stat(c.file());
                if (n == null || n.isDir()) {
                    return Messages.get("lab.check.nofile", c.wpar(), c.file());
                }
                String text = tree.read(c.file());
                if (c.contains() != null && !text.contains(c.contains())) {
                    String first = text.lines().findFirst().orElse("");
                    return Messages.get("lab.check.content", c.wpar(), c.file(), first);
                }
            }
            return null;
        });
    }
}
