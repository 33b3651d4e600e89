package smittywpar.msg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class MessagesTest {
    @Test
    void substitutesNumberedPlaceholders() {
        assertThat(Messages.get("wpar.notfound", "lswpar", "nosuch"))
                .isEqualTo("lswpar: 0960-419 Could not find a workload partition called nosuch.");
        assertThat(Messages.format("{1} before {0}, {2} stays", "a", "b")).isEqualTo("b before a, {2} stays");
    }

    /** Every key reads exactly as java.util.Properties reads it (continuations, escapes, blanks). */
    @Test
    void everyValueIsWhatPropertiesReads() throws IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = Messages.class.getResourceAsStream("/smittywpar/messages.properties")) {
            p.load(in);
        }
        assertThat(p).hasSizeGreaterThan(100);
        for (String key : p.stringPropertyNames()) {
            assertThat(Messages.lookup(key)).as(key).isEqualTo(p.getProperty(key));
        }
        assertThat(Messages.has("usage.mkwpar")).isTrue();
        assertThat(Messages.has("mkwpar")).isFalse();
        assertThat(Messages.lookup("usage")).isNull();
    }

    @Test
    void unknownKeyIsAProgrammingError() {
        assertThatThrownBy(() -> Messages.get("no.such.key")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Every catalogue key the code names exists (so no user ever sees a missing-message crash). */
    @Test
    void everyKeyUsedInTheCodeIsInTheCatalogue() throws IOException {
        Pattern p = Pattern.compile(
                "(?:AixException\\.of|LabException\\.of|Messages\\.get|\\.say|\\.warn|usageError|failure)\\(\\s*\"([a-z0-9.]+)\"");
        Pattern usage = Pattern.compile("\"(usage\\.[a-z0-9]+)\"");
        TreeSet<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".java"))::iterator) {
                String src = Files.readString(f);
                for (Pattern pat : new Pattern[] {p, usage}) {
                    Matcher m = pat.matcher(src);
                    while (m.find()) {
                        if (!Messages.has(m.group(1))) {
                            missing.add(m.group(1) + " (" + f.getFileName() + ")");
                        }
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
