package smittywpar.lab;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import smittywpar.base.Text;
import smittywpar.msg.Messages;

/** {@code scenario}: list the scenarios, show one, check a scenario file without building it. */
@Command(name = "scenario", mixinStandardHelpOptions = true)
final class ScenarioCommand implements Callable<Integer> {
    private final LabContext ctx;

    @Spec
    CommandSpec spec;

    ScenarioCommand(LabContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        throw Lab.missingSubcommand(spec);
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    int list(@Option(names = "--path", paramLabel = "DIR", descriptionKey = "path") Path path) {
        YamlFiles files = Scenarios.files(ctx.resolve(path));
        for (String n : files.names()) {
            String title;
            try {
                title = Scenario.parse(files.find(n)).title();
            } catch (LabException e) {
                title = Messages.get("lab.scenario.broken");
            }
            ctx.out.println(Text.left(n, 24) + " " + title);
        }
        return 0;
    }

    @Command(name = "show", mixinStandardHelpOptions = true)
    int show(@Parameters(paramLabel = "NAME", descriptionKey = "name") String name,
            @Option(names = "--path", paramLabel = "DIR", descriptionKey = "path") Path path) {
        Scenario s = Scenario.parse(Scenarios.files(ctx.resolve(path)).find(name));
        ctx.out.println(s.title());
        if (!s.description().isEmpty()) {
            ctx.out.println();
            ctx.out.println(s.description());
        }
        return 0;
    }

    @Command(name = "check", mixinStandardHelpOptions = true)
    int check(@Parameters(paramLabel = "FILE", descriptionKey = "file") Path file) {
        Scenario s = Scenario.parse(YamlFiles.file(ctx.resolve(file)));
        ctx.out.println(Messages.get("lab.scenario.ok", file, s.title()));
        return 0;
    }
}
