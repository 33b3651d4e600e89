package smittywpar.smit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import smittywpar.msg.Messages;

/** Every smit.* key the code names is in the one catalogue (file names such as smit.log aside). */
class SmitMessagesTest {
    @Test
    void everySmitKeyUsedInTheCodeIsInTheCatalogue() throws IOException {
        Set<String> files = Set.of("smit.log", "smit.script", "smit.yaml");
        Pattern key = Pattern.compile("\"(smit\\.[a-z0-9.]+)\"");
        TreeSet<String> missing = new TreeSet<>();
        int seen = 0;
        try (Stream<Path> s = Files.walk(Path.of("src/main/java"))) {
            for (Path f : (Iterable<Path>) s.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    seen++;
                    if (!files.contains(m.group(1)) && !Messages.has(m.group(1))) {
                        missing.add(m.group(1) + " (" + f.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(seen).isGreaterThan(50);
        assertThat(missing).isEmpty();
    }
}
