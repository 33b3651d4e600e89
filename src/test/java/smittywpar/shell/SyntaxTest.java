package smittywpar.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class SyntaxTest {
    private static String shape(String line) {
        StringBuilder sb = new StringBuilder();
        for (Syntax.AndOr ao : Syntax.parse(line)) {
            sb.append('[');
            for (int i = 0; i < ao.pipelines().size(); i++) {
                if (i > 0) {
                    sb.append(' ').append(ao.ops().get(i - 1)).append(' ');
                }
                List<Syntax.Simple> pipe = ao.pipelines().get(i);
                for (int k = 0; k < pipe.size(); k++) {
                    if (k > 0) {
                        sb.append(" | ");
                    }
                    Syntax.Simple s = pipe.get(k);
                    sb.append(s.words().size()).append('w');
                    for (Syntax.Redirect r : s.redirects()) {
                        sb.append(' ').append(r.fd()).append(r.op()).append(r.target().plain());
                    }
                }
            }
            sb.append(']');
        }
        return sb.toString();
    }

    @Test
    void listsPipelinesAndRedirections() {
        assertThat(shape("ls -l /tmp | grep x | wc -l")).isEqualTo("[3w | 2w | 2w]");
        assertThat(shape("cd /tmp; ls && echo ok || echo no")).isEqualTo("[2w][1w && 2w || 2w]");
        assertThat(shape("cat < in > out 2>> err 2>&1")).isEqualTo("[1w 0<in 1>out 2>>err 2>&1]");
        assertThat(shape("echo a>b")).isEqualTo("[2w 1>b]");
        assertThat(shape("echo x # a comment | not a pipe")).isEqualTo("[2w]");
        assertThat(shape("")).isEmpty();
    }

    @Test
    void quotesAndExpansionsStayInTheirWord() {
        Syntax.Word w = Syntax.parse("echo 'a b'\"$HOME c\"\\ d$(hostname)").get(0).pipelines().get(0).get(0).words()
                .get(1);
        assertThat(w.parts()).extracting(Syntax.Part::kind).containsExactly('t', '$', 't', 't', 't', 'c');
        assertThat(w.parts().get(0)).isEqualTo(new Syntax.Part('t', "a b", true));
        assertThat(w.parts().get(5).text()).isEqualTo("hostname");
        assertThat(Syntax.parse("A=1 B=$A cmd").get(0).pipelines().get(0).get(0).words().get(1).assignment())
                .isEqualTo(1);
    }

    @Test
    void whatKshRefuses() {
        assertThatThrownBy(() -> Syntax.parse("ls |")).isInstanceOfSatisfying(Syntax.Error.class,
                e -> assertThat(e.token).isEqualTo("newline"));
        assertThatThrownBy(() -> Syntax.parse("sleep 1 &")).isInstanceOfSatisfying(Syntax.Error.class,
                e -> assertThat(e.token).isEqualTo("&"));
        assertThatThrownBy(() -> Syntax.parse("cat << EOF")).isInstanceOfSatisfying(Syntax.Error.class,
                e -> assertThat(e.token).isEqualTo("<<"));
        assertThatThrownBy(() -> Syntax.parse("(ls)")).isInstanceOf(Syntax.Error.class);
        assertThatThrownBy(() -> Syntax.parse("echo 'open")).isInstanceOfSatisfying(Syntax.Error.class,
                e -> assertThat(e.incomplete()).isTrue());
        assertThatThrownBy(() -> Syntax.parse("echo > ")).isInstanceOf(Syntax.Error.class);
    }

    @Test
    void patternsOfTheShell() {
        assertThat(Expansion.matches("*.conf", 0, "syslog.conf", 0)).isTrue();
        assertThat(Expansion.matches("*.conf", 0, "syslog.confx", 0)).isFalse();
        assertThat(Expansion.matches("h?sts", 0, "hosts", 0)).isTrue();
        assertThat(Expansion.matches("[a-c]*", 0, "csh.login", 0)).isTrue();
        assertThat(Expansion.matches("[!a-c]*", 0, "csh.login", 0)).isFalse();
        assertThat(Expansion.matches("a\\*", 0, "a*", 0)).isTrue();
        assertThat(Expansion.matches("a\\*", 0, "ab", 0)).isFalse();
    }

    @Test
    void grepsBasicExpressionsInJavasWords() {
        assertThat(TextUtilities.basic("a(b)+c|d")).isEqualTo("a\\(b\\)\\+c\\|d");
        assertThat(TextUtilities.basic("\\(ab\\)*[[:digit:]]$")).isEqualTo("(ab)*[\\d]$");
    }
}
