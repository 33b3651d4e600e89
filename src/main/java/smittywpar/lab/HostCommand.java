package smittywpar.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import smittywpar.base.Text;
import smittywpar.msg.Messages;

/**
 * {@code host}: make the simulated host (from a scenario), take and restore snapshots of it, and
 * see what changed.
 */
@Command(name = "host", mixinStandardHelpOptions = true)
final class HostCommand implements Callable<Integer> {
    private final LabContext ctx;

    @Spec
    CommandSpec spec;

    HostCommand(LabContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        throw Lab.missingSubcommand(spec);
    }

    @Command(name = "init", mixinStandardHelpOptions = true)
    int init(@Option(names = "--scenario", paramLabel = "NAME", descriptionKey = "scenario") String scenario,
            @Option(names = "--path", paramLabel = "DIR", descriptionKey = "path") Path path,
            @Option(names = "--force", descriptionKey = "force") boolean force) {
        Path home = ctx.home();
        if (!force && Files.exists(home.resolve("host.cf"))) {
            throw LabException.of("lab.init.exists", home);
        }
        HostBuilder.Recipe recipe = scenario == null ? null : Scenarios.recipe(ctx, scenario, ctx.resolve(path));
        SortedMap<String, byte[]> files = HostBuilder.build(ctx, recipe);
        Snapshots.restore(ctx.engine().store(), files);
        Snapshots.save(home, Snapshots.INIT, files, HostBuilder.now(ctx));
        ctx.out.println(scenario == null ? Messages.get("lab.init.done", home)
                : Messages.get("lab.init.scenario", home, scenario));
        return 0;
    }

    @Command(name = "reset", mixinStandardHelpOptions = true)
    int reset() {
        Path home = ctx.home();
        SortedMap<String, byte[]> files = Snapshots.exists(home, Snapshots.INIT) ? Snapshots.load(home, Snapshots.INIT)
                : HostBuilder.build(ctx, null);
        Snapshots.restore(ctx.engine().store(), files);
        ctx.out.println(Messages.get("lab.reset.done", home));
        return 0;
    }

    @Command(name = "snapshot", mixinStandardHelpOptions = true)
    int snapshot(@Parameters(paramLabel = "NAME", descriptionKey = "name") String name) {
        Snapshots.checkName(name);
        String date = HostBuilder.now(ctx);
        SortedMap<String, byte[]> files = Snapshots.capture(ctx.engine().store());
        Snapshots.save(ctx.home(), name, files, date);
        ctx.out.println(Messages.get("lab.snap.done", name, files.size()));
        return 0;
    }

    @Command(name = "restore", mixinStandardHelpOptions = true)
    int restore(@Parameters(paramLabel = "NAME", descriptionKey = "name") String name) {
        Snapshots.checkName(name);
        SortedMap<String, byte[]> files = Snapshots.load(ctx.home(), name);
        int changed = Snapshots.restore(ctx.engine().store(), files);
        ctx.out.println(Messages.get("lab.restore.done", name, changed));
        return 0;
    }

    @Command(name = "snapshots", mixinStandardHelpOptions = true)
    int snapshots() {
        List<Snapshots.Info> all = Snapshots.list(ctx.home());
        if (all.isEmpty()) {
            ctx.out.println(Messages.get("lab.snap.nonelisted"));
            return 0;
        }
        int w = 16;
        for (Snapshots.Info i : all) {
            w = Math.max(w, i.name().length());
        }
        ctx.out.println(Text.left(Messages.get("lab.snap.h.name"), w) + "  " + Text.left(Messages.get("lab.snap.h.date"), 19)
                + "  " + Text.right(Messages.get("lab.snap.h.files"), 6) + "  " + Text.right(Messages.get("lab.snap.h.size"), 10));
        for (Snapshots.Info i : all) {
            ctx.out.println(Text.left(i.name(), w) + "  " + Text.left(i.date(), 19) + "  " + Text.right(String.valueOf(i.files()), 6)
                    + "  " + Text.right(String.valueOf(i.bytes()), 10));
        }
        return 0;
    }

    @Command(name = "diff", mixinStandardHelpOptions = true)
    int diff(@Parameters(paramLabel = "SNAPSHOT", arity = "0..1", descriptionKey = "snapshot") String name) {
        Path home = ctx.home();
        SortedMap<String, byte[]> before;
        if (name != null) {
            Snapshots.checkName(name);
            before = Snapshots.load(home, name);
        } else if (Snapshots.exists(home, Snapshots.INIT)) {
            before = Snapshots.load(home, Snapshots.INIT);
        } else {
            before = HostBuilder.build(ctx, null);
        }
        SortedMap<String, byte[]> now = Snapshots.capture(ctx.engine().store());
        List<String> lines = HostDiff.between(before, now);
        if (lines.isEmpty()) {
            ctx.out.println(Messages.get("lab.diff.none"));
        }
        for (String l : lines) {
            ctx.out.println(l);
        }
        return 0;
    }
}
