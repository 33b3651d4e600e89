package smittywpar.lab;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import smittywpar.msg.Messages;

/** {@code fault}: put the host into a situation to troubleshoot, and take it out again. */
@Command(name = "fault", mixinStandardHelpOptions = true)
final class FaultCommand implements Callable<Integer> {
    private final LabContext ctx;

    @Spec
    CommandSpec spec;

    FaultCommand(LabContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        throw Lab.missingSubcommand(spec);
    }

    @Command(name = "inject", mixinStandardHelpOptions = true)
    int inject(@Parameters(index = "0", paramLabel = "KIND", descriptionKey = "kind",
                    completionCandidates = Kinds.class) String kind,
            @Parameters(index = "1", paramLabel = "TARGET", descriptionKey = "target") String target) {
        Faults.inject(ctx.engine(), kind, target);
        ctx.out.println(Messages.get("lab.fault.injected", kind, target, Faults.describe(kind)));
        return 0;
    }

    @Command(name = "clear", mixinStandardHelpOptions = true)
    int clear(@Parameters(index = "0", arity = "0..1", paramLabel = "KIND", descriptionKey = "kind",
                    completionCandidates = Kinds.class) String kind,
            @Parameters(index = "1", arity = "0..1", paramLabel = "TARGET", descriptionKey = "target") String target) {
        int n = Faults.clear(ctx.engine(), kind, target);
        ctx.out.println(Messages.get("lab.fault.cleared", n));
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    int list() {
        List<String> all = Faults.list(ctx.engine());
        if (all.isEmpty()) {
            ctx.out.println(Messages.get("lab.fault.none"));
        }
        all.forEach(ctx.out::println);
        return 0;
    }

    /** The fault kinds, for completion and help. */
    static final class Kinds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Faults.KINDS.iterator();
        }
    }
}
