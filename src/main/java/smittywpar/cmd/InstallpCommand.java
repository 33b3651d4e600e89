package smittywpar.cmd;

import java.util.ArrayList;
import java.util.List;

import smittywpar.host.Host;
import smittywpar.msg.AixException;
import smittywpar.wpar.Installp;

/**
 * installp, for the global environment's software: {@code -a [-c] -d Device {Fileset [Level] ...
 * | all}} applies filesets from the installation images of an update source (the simulated host
 * keeps them in host.cf), {@code -c {Fileset ... | all}} commits applied ones, {@code -l -d
 * Device} lists a source. {@code -p} previews; -g, -N, -v, -X and -Y are taken and change
 * nothing here (requisites are always met, there is room enough, licenses are accepted).
 */
final class InstallpCommand extends ParsedCommand<InstallpCommand.Args> {
    /** The flags, in {@link Getopt}'s syntax (also the option table of the man page and the completion). */
    static final String OPTIONS = "acgNpvXYld:";

    static final String PROG = "installp";

    record Args(char action, String device, List<Installp.Selection> selections, List<String> names, boolean commit,
            boolean preview) {
    }

    @Override
    Args parse(List<String> args) {
        Getopt g = new Getopt(PROG, OPTIONS, "usage.installp").parse(args);
        List<String> ops = g.operands();
        boolean all = ops.size() == 1 && ops.get(0).equals("all");
        if (g.has('l')) {
            if (g.has('a') || g.has('c') || g.value('d') == null || !ops.isEmpty()) {
                throw g.usage();
            }
            return new Args('l', g.value('d'), List.of(), List.of(), false, false);
        }
        if (ops.isEmpty()) {
            throw g.usage();
        }
        if (g.has('a')) {
            if (g.value('d') == null) {
                throw g.usage();
            }
            return new Args('a', g.value('d'), all ? List.of() : selections(ops), List.of(), g.has('c'), g.has('p'));
        }
        if (!g.has('c') || g.has('d')) {
            throw g.usage();
        }
        for (String o : ops) {
            if (!all && (o.equals("all") || !o.matches("[A-Za-z0-9][A-Za-z0-9._+-]*"))) {
                throw g.usage();
            }
        }
        return new Args('c', null, List.of(), all ? List.of() : List.copyOf(ops), true, g.has('p'));
    }

    /**
     * Filesets with the level asked for: a level word follows its fileset's name, or shares its
     * word ("bos.rte 7.2.5.0", as SMIT passes it).
     */
    private static List<Installp.Selection> selections(List<String> ops) {
        List<String> words = new ArrayList<>();
        for (String o : ops) {
            for (String w : o.trim().split("\\s+")) {
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
        }
        List<Installp.Selection> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String name = words.get(i);
            if (name.equals("all") || Character.isDigit(name.charAt(0)) || !name.matches("[A-Za-z0-9._+-]+")) {
                throw AixException.of("installp.badname", name);
            }
            String level = null;
            if (i + 1 < words.size() && Character.isDigit(words.get(i + 1).charAt(0))) {
                level = words.get(++i);
                if (!Host.validLevel(level)) {
                    throw AixException.of("installp.badlevel", level);
                }
            }
            out.add(new Installp.Selection(name, level));
        }
        if (out.isEmpty()) {
            throw AixException.of("installp.nofileset");
        }
        return out;
    }

    @Override
    int run(Invocation inv, Args a) {
        return HostCommand.update(inv, PROG, c -> switch (a.action()) {
            case 'l' -> Installp.list(c, a.device());
            case 'a' -> Installp.apply(c, a.device(), a.selections(), a.commit(), a.preview());
            default -> Installp.commit(c, a.names(), a.preview());
        });
    }
}
