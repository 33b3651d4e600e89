package smittywpar.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import smittywpar.store.Errno;

/**
 * {@code exercise}: graded exercises. {@code start} builds the exercise's host (its scenario, or
 * a fresh default host) and prints the task; {@code check} runs every check on the host now and
 * says, for a check that fails, what it found; {@code hint} gives the next hint. The exercise in
 * progress is remembered in the lab's directory.
 */
@Command(name = "exercise", mixinStandardHelpOptions = true)
final class ExerciseCommand implements Callable<Integer> {
    private final LabContext ctx;

    @Spec
    CommandSpec spec;

    ExerciseCommand(LabContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        throw Lab.missingSubcommand(spec);
    }

    static YamlFiles files(Path extra) {
        return new YamlFiles("exercises", extra);
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    int list(@Option(names = "--path", paramLabel = "DIR", descriptionKey = "path") Path path) {
        YamlFiles files = files(ctx.resolve(path));
        for (String n : files.names()) {
            String title;
            try {
                title = Exercise.parse(files.find(n)).title();
            } catch (LabException e) {
                title = Messages.get("lab.scenario.broken");
            }
            ctx.out.println(Text.left(n, 24) + " " + title);
        }
        return 0;
    }

    @Command(name = "start", mixinStandardHelpOptions = true)
    int start(@Parameters(paramLabel = "NAME", descriptionKey = "name") String name,
            @Option(names = "--path", paramLabel = "DIR", descriptionKey = "path") Path path) {
        Exercise e = Exercise.parse(files(ctx.resolve(path)).find(name));
        HostBuilder.Recipe recipe = e.scenario() == null ? null : Scenarios.recipe(ctx, e.scenario(), ctx.resolve(path));
        SortedMap<String, byte[]> files = HostBuilder.build(ctx, recipe);
        Snapshots.restore(ctx.engine().store(), files);
        Snapshots.save(ctx.home(), Snapshots.INIT, files, HostBuilder.now(ctx));
        remember(e.name(), ctx.resolve(path), 0);
        ctx.out.println(Messages.get("lab.ex.title", e.name(), e.title()));
        ctx.out.println();
        ctx.out.println(e.task());
        ctx.out.println();
        ctx.out.println(Messages.get("lab.ex.started", e.scenario() == null ? Messages.get("lab.ex.defaulthost")
                : e.scenario()));
        return 0;
    }

    @Command(name = "check", mixinStandardHelpOptions = true)
    int check(@Parameters(paramLabel = "NAME", arity = "0..1", descriptionKey = "name") String name,
            @Option(names = "--path", paramLabel = "DIR", descriptionKey = "path") Path path) {
        Exercise e = name != null ? Exercise.parse(files(ctx.resolve(path)).find(name)) : current();
        ctx.out.println(Messages.get("lab.ex.title", e.name(), e.title()));
        int failed = 0;
        for (Exercise.Check c : e.checks()) {
            String found = new Checker(ctx).check(c);
            if (found == null) {
                ctx.out.println(Messages.get("lab.ex.pass", c.title()));
            } else {
                failed++;
                ctx.out.println(Messages.get("lab.ex.fail", c.title(), found));
            }
        }
        ctx.out.println(failed == 0 ? Messages.get("lab.ex.allpassed", e.checks().size())
                : Messages.get("lab.ex.somefailed", e.checks().size(), e.checks().size() - failed, failed));
        return failed == 0 ? 0 : 1;
    }

    @Command(name = "hint", mixinStandardHelpOptions = true)
    int hint() {
        Exercise e = current();
        String[] now = state();
        int given = Integer.parseInt(now[2]);
        if (given >= e.hints().size()) {
            ctx.out.println(Messages.get(e.hints().isEmpty() ? "lab.ex.nohints" : "lab.ex.nomorehints"));
            return 0;
        }
        ctx.out.println(Messages.get("lab.ex.hint", given + 1, e.hints().size(), e.hints().get(given)));
        remember(now[0], now[1].isEmpty() ? null : Path.of(now[1]), given + 1);
        return 0;
    }

    // ---- the exercise in progress ------------------------------------------------------------------

    private Path stateFile() {
        return ctx.home().resolve(Snapshots.LAB).resolve("exercise");
    }

    private void remember(String name, Path path, int hints) {
        Path f = stateFile();
        try {
            Files.createDirectories(f.getParent());
            Path tmp = f.resolveSibling("exercise.new");
            Files.writeString(tmp, name + "\n" + (path == null ? "" : path.toAbsolutePath()) + "\n" + hints + "\n",
                    StandardCharsets.UTF_8);
            Files.move(tmp, f, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw LabException.of("lab.io", f, Errno.text(e));
        }
    }

    /** name, path ("" for none), hints given. */
    private String[] state() {
        Path f = stateFile();
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(f, StandardCharsets.UTF_8));
            while (lines.size() < 3) {
                lines.add(lines.size() == 2 ? "0" : "");
            }
            if (!lines.get(2).matches("[0-9]{1,4}")) {
                lines.set(2, "0");
            }
            return lines.subList(0, 3).toArray(new String[0]);
        } catch (IOException e) {
            throw LabException.of("lab.ex.none");
        }
    }

    private Exercise current() {
        String[] s = state();
        return Exercise.parse(files(s[1].isEmpty() ? null : Path.of(s[1])).find(s[0]));
    }
}
