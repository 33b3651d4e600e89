package smittywpar.cmd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.testkit.Sim;
import smittywpar.testkit.Transcript;

/**
 * Runs every golden transcript under src/test/resources/golden against a fresh simulated host
 * with a fixed clock and id seed. A command that fails must leave the state byte-identical (but
 * for a wparexec whose application failed: its WPAR was made and removed).
 * Run with -Dgolden.update=true to rewrite the expected output after a deliberate change (then
 * read the diff: the transcripts are the specification).
 */
class GoldenTranscriptTest {
    static final Path DIR = Path.of("src/test/resources/golden");

    @TempDir
    Path tmp;

    /** Each transcript is NN-what.txt, and no two share a number (the number is how they are named in talk). */
    @Test
    void everyTranscriptHasANumberOfItsOwn() throws IOException {
        Map<String, List<String>> byNumber = new TreeMap<>();
        try (Stream<Path> s = Files.list(DIR)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                assertThat(name).as("a golden transcript's name").matches("[0-9]{2}-[a-z0-9][a-zA-Z0-9-]*\\.txt");
                byNumber.computeIfAbsent(name.substring(0, 2), k -> new ArrayList<>()).add(name);
            }
        }
        assertThat(byNumber).isNotEmpty().allSatisfy((n, names) -> assertThat(names).as("transcripts numbered " + n).hasSize(1));
    }

    @TestFactory
    Stream<DynamicTest> transcripts() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private void check(Path file) throws IOException {
        String text = Files.readString(file);
        Sim sim = new Sim(tmp.resolve(file.getFileName().toString()));
        sim.run("lswpar");
        boolean update = Boolean.getBoolean("golden.update");
        StringBuilder rewritten = new StringBuilder(text.substring(0, Math.max(0, text.indexOf("$ "))));
        List<String> failures = new ArrayList<>();
        for (Transcript.Step step : Transcript.parse(text)) {
            Map<String, String> before = sim.snapshot();
            String actual = Transcript.render(sim, step.command(), step.input());
            // a wparexec that started its WPAR exits with its application's status, the WPAR made and gone
            boolean ran = step.command().startsWith("wparexec") && actual.contains("Starting workload partition");
            if (!actual.endsWith("[exit 0]\n") && !ran) {
                assertThat(sim.snapshot()).as("state after failing command: %s", step.command()).isEqualTo(before);
            }
            rewritten.append("$ ").append(step.command()).append('\n');
            if (step.input() != null) {
                rewritten.append(Transcript.inputLines(step.input()));
            }
            rewritten.append(actual);
            if (!actual.equals(step.expected())) {
                failures.add("$ " + step.command() + "\n--- expected\n" + step.expected() + "--- actual\n" + actual);
            }
        }
        if (update) {
            Files.writeString(file, rewritten.toString());
            return;
        }
        assertThat(failures).as("transcript %s", file).isEmpty();
    }
}
