package smittywpar.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The seed session typed into a real terminal (tmux) with the project's bin/ on PATH: aixsh, the
 * global root shell, then the session's commands one by one, clogin and the commands inside the
 * WPAR. The screen must show the session's lines (src/test/resources/seed/session.txt) one after
 * the other, process ids aside.
 */
class SeedSessionIT {
    static final Path PROJECT = Path.of(System.getProperty("smittywpar.project.dir", ".")).toAbsolutePath().normalize();
    /** The one line the simulation shows otherwise, and why: see the header of the session file. */
    static final Map<String, String> KNOWN = Map.of("Global 0.09 0.09 2% 21 1% /tmp",
            "Global 0.09 0.09 2% 22 1% /tmp");

    @Test
    void theSeedSessionLineForLine() throws IOException {
        assumeTrue(Tmux.available(), "tmux is not installed");
        String text = Files.readString(PROJECT.resolve("src/test/resources/seed/session.txt"));
        List<String> seed = List.of(text.substring(text.indexOf("=====\n") + 6).split("\n"));
        try (Tmux t = new Tmux(250, 300, Map.of("TERM", "xterm", "LANG", "C.UTF-8"))) {
            t.line("export PATH=" + PROJECT.resolve("bin") + ":$PATH HOME=$PWD SMITTY_WPAR_HOME=$PWD/state"
                    + " SMITTY_WPAR_CLOCK='2026-11-26 10:00:00'; clear; aixsh");
            int prompts = waitForPrompts(t, 1);
            for (String line : seed) {
                String typed = typedAt(line);
                if (typed == null) {
                    continue;
                }
                t.line(typed);
                prompts = waitForPrompts(t, prompts + 1);
            }
            List<String> screen = new ArrayList<>();
            for (String l : t.screen().split("\n")) {
                screen.add(norm(l));
            }
            int at = screen.indexOf(norm(seed.get(0)));
            assertThat(at).as("the first line of the session on the screen:\n%s", t.screen()).isGreaterThanOrEqualTo(0);
            for (int i = 0; i < seed.size(); i++) {
                String want = norm(seed.get(i));
                if (want.equals("...")) {
                    // lines the transcript left out: go on at the next line it shows
                    String next = i + 1 < seed.size() ? norm(seed.get(i + 1)) : null;
                    if (next == null || next.equals("...")) {
                        continue;
                    }
                    while (at < screen.size() && !matches(screen.get(at), next, i + 2 < seed.size()
                            && seed.get(i + 2).equals("..."))) {
                        at++;
                    }
                    continue;
                }
                String got = at < screen.size() ? screen.get(at) : "(end of the screen)";
                boolean cut = i + 1 < seed.size() && seed.get(i + 1).equals("...");
                assertThat(matches(got, KNOWN.getOrDefault(want, want), cut))
                        .as("line %d of the session, screen line %d:\n  seed:   %s\n  screen: %s\n%s", i + 1, at, want,
                                got, t.screen())
                        .isTrue();
                at++;
            }
        }
    }

    /** What was typed at a prompt line of the session, or null when the line is not a prompt. */
    static String typedAt(String line) {
        if (line.startsWith("indaixwpr01 / #")) {
            return line.substring("indaixwpr01 / #".length()).strip();
        }
        if (line.equals("#") || line.startsWith("# ")) {
            return line.substring(1).strip();
        }
        return null;
    }

    /** Lines compare with runs of blanks as one and process ids masked; a line the transcript cut before "..." as a prefix. */
    static boolean matches(String screen, String seed, boolean cut) {
        String a = mask(screen);
        String b = mask(seed);
        return cut ? a.startsWith(b) : a.equals(b);
    }

    static String mask(String s) {
        return s.replaceAll("PID is [0-9]+", "PID is N");
    }

    static String norm(String s) {
        return s.replace('\u00a0', ' ').strip().replaceAll("\\s+", " ");
    }

    /** Waits until the screen shows at least {@code n} prompts with nothing after the last one. */
    static int waitForPrompts(Tmux t, int n) throws IOException {
        t.waitFor(s -> prompts(s) >= n && lastLine(s).matches("(indaixwpr01 / )?#"), 120_000, n + " prompts");
        return prompts(t.screen());
    }

    static int prompts(String screen) {
        int n = 0;
        for (String l : screen.split("\n")) {
            if (l.startsWith("indaixwpr01 / #") || l.equals("#") || l.startsWith("# ")) {
                n++;
            }
        }
        return n;
    }

    static String lastLine(String screen) {
        String[] lines = screen.stripTrailing().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }
}
