package smittywpar;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import smittywpar.msg.Messages;
import smittywpar.smit.SmitCli;
import smittywpar.smit.View;

/**
 * smitty: parses the command line and starts a SMIT session (package smit), then hands the
 * session to the full-screen interface.
 */
final class Smitty {
    private Smitty() {
    }

    static int main(List<String> argv, PrintStream out, PrintStream err) {
        SmitCli.Start st = SmitCli.prepare(argv, System.getenv(), Path.of("").toAbsolutePath(), out, err);
        if (st.done()) {
            return st.exitCode();
        }
        if (st.startError() != null) {
            err.println("smitty: " + st.startError());
            return st.exitCode();
        }
        // The full-screen interface (issue 5) takes st.session() from here. Until it is part of
        // this build, say honestly what the fast path leads to instead of pretending.
        View.Screen s = st.session().view().base();
        err.println(Messages.get("smit.notui", s.title(), st.fastPath() == null ? "" : st.fastPath()));
        st.session().exit();
        return 1;
    }
}
