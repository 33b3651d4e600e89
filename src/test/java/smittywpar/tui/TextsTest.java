package smittywpar.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import smittywpar.msg.Messages;

/** Every {@code tui.} key the TUI names is in the catalogue (no missing-message crash on screen). */
class TextsTest {
    @Test
    void everyTuiKeyIsInTheCatalogue() throws IOException {
        TreeSet<String> missing = new TreeSet<>();
        for (String k : new String[] {"menu", "dialog", "output", "popup"}) {
            if (!Messages.has("smit.legend." + k)) {
                missing.add("smit.legend." + k + " (SessionController)");
            }
        }
        Pattern p = Pattern.compile("Texts\\.(?:get|lines)\\(\\s*\"([a-z0-9.]+)\"\\s*[,)]");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/smittywpar/tui"))) {
            for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".java"))::iterator) {
                Matcher m = p.matcher(Files.readString(f));
                while (m.find()) {
                    if (!Messages.has("tui." + m.group(1))) {
                        missing.add("tui." + m.group(1) + " (" + f.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
