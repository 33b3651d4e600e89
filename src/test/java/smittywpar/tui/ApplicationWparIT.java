package smittywpar.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * wparexec typed into a real terminal (tmux) with the project's bin/ on PATH: in the global root
 * shell aixsh a long-running application keeps wparexec waiting, Ctrl-C stops the wait (status
 * 130) and leaves the application running; from the user's own shell, wparexec in the background
 * returns when stopwpar ends its application (status 143).
 */
class ApplicationWparIT {
    static final Path PROJECT = SeedSessionIT.PROJECT;

    @Test
    void ctrlCStopsWaitingAndStopwparEndsTheApplication() throws IOException {
        assumeTrue(Tmux.available(), "tmux is not installed");
        try (Tmux t = new Tmux(120, 50, Map.of("TERM", "xterm", "LANG", "C.UTF-8"))) {
            t.line("export PS1='sh> ' PATH=" + PROJECT.resolve("bin") + ":$PATH HOME=$PWD SMITTY_WPAR_HOME=$PWD/state"
                    + " SMITTY_WPAR_CLOCK='2026-11-26 10:00:00'; clear; aixsh");
            t.waitFor("indaixwpr01 / #");
            t.line("wparexec -n web1 /opt/app/bin/server");
            t.waitFor("Loading workload partition.");
            t.keys("C-c");
            t.line("echo status=$?; lswpar -cqa name,state,type");
            t.waitFor("web1:A:A");
            assertThat(t.screen()).contains("status=130");
            t.line("exit");
            t.waitFor(s -> s.strip().endsWith("sh>"), 30_000, "the user's shell again");
            t.line("clear; (wparexec -n web2 /opt/app/bin/server >/dev/null; echo wparexec-status=$?) &");
            // (the background wparexec takes a JVM start to make web2 Active: wait for it, then stop it)
            t.line("until lswpar -cqa name,state 2>/dev/null | grep -q '^web2:A'; do sleep 0.2; done;"
                    + " lswpar -cqa name,state; stopwpar web2 >/dev/null; stopwpar web1; lswpar -cqa name");
            t.waitFor("wparexec-status=143");
            t.waitFor("Stopping workload partition web1.");
        }
    }
}
