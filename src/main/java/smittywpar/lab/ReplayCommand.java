package smittywpar.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import smittywpar.cmd.Commands;
import smittywpar.cmd.Invocation;
import smittywpar.msg.AixException;
import smittywpar.msg.Messages;
import smittywpar.smit.ShellWords;
import smittywpar.store.Errno;

/**
 * {@code replay FILE}: runs a smit.script (or any file of AIX command lines) on the current host,
 * line by line, through the command registry: never a shell. Comments and blank lines are
 * skipped; a line that is not a plain command of ours (another program, shell syntax such as a
 * pipe or a variable) is reported and not run. Each command is shown with its output and status.
 */
@Command(name = "replay", mixinStandardHelpOptions = true)
final class ReplayCommand implements Callable<Integer> {
    /** The largest file replayed. */
    static final int MAX_BYTES = 4 << 20;

    private final LabContext ctx;

    @Parameters(paramLabel = "FILE", descriptionKey = "file")
    Path file;

    @Option(names = "--dry-run", descriptionKey = "dryrun")
    boolean dryRun;

    @Option(names = "--stop-on-error", descriptionKey = "stop")
    boolean stopOnError;

    ReplayCommand(LabContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        String text = read(ctx.resolve(file));
        String[] lines = text.split("\n", -1);
        int ran = 0;
        int failed = 0;
        int refused = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int no = i + 1;
            List<String> argv;
            try {
                argv = ShellWords.splitUnmatchedPatterns(line);
            } catch (ShellWords.SyntaxException e) {
                refused++;
                ctx.out.println(Messages.get("lab.replay.shell", no, line));
                if (stopOnError) {
                    break;
                }
                continue;
            }
            if (argv.isEmpty() || !Commands.exists(argv.get(0))) {
                refused++;
                ctx.out.println(Messages.get("lab.replay.notours", no, argv.isEmpty() ? line : argv.get(0)));
                if (stopOnError) {
                    break;
                }
                continue;
            }
            ctx.out.println(Messages.get("lab.replay.line", no, line));
            int rc;
            if (dryRun) {
                try {
                    Commands.check(argv);
                    rc = 0;
                } catch (AixException e) {
                    ctx.out.flush();
                    ctx.err.println(e.getMessage());
                    rc = e.exitCode();
                }
                ctx.out.println(Messages.get(rc == 0 ? "lab.replay.wouldrun" : "lab.replay.status", no, rc));
            } else {
                ctx.out.flush();
                rc = Commands.run(new Invocation(argv.get(0), List.copyOf(argv.subList(1, argv.size())),
                        InputStream.nullInputStream(), ctx.out, ctx.err, ctx.env, ctx.cwd));
                ctx.out.flush();
                ctx.err.flush();
                ctx.out.println(Messages.get("lab.replay.status", no, rc));
                ran++;
            }
            if (rc != 0) {
                failed++;
                if (stopOnError) {
                    break;
                }
            }
        }
        ctx.out.println(Messages.get(dryRun ? "lab.replay.summary.dry" : "lab.replay.summary", ran, failed, refused));
        return failed + refused == 0 ? 0 : 1;
    }

    private static String read(Path p) {
        byte[] bytes;
        try {
            if (!Files.readAttributes(p, BasicFileAttributes.class).isRegularFile()) {
                throw LabException.of("lab.io", p, Messages.get("yaml.notfile"));
            }
            try (InputStream in = Files.newInputStream(p)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw LabException.of("lab.io", p, Messages.get("yaml.nofile"));
        } catch (IOException e) {
            throw LabException.of("lab.io", p, Errno.text(e));
        }
        if (bytes.length > MAX_BYTES) {
            throw LabException.of("lab.io", p, Messages.get("yaml.toolarge", MAX_BYTES));
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw LabException.of("lab.io", p, Messages.get("yaml.encoding"));
        }
    }
}
