package smittywpar;

import java.io.PrintStream;
import java.util.List;

import smittywpar.cmd.Commands;

/** smitty: until the menu runtime and TUI land, says what this build offers. */
final class Smitty {
    private Smitty() {
    }

    static int main(List<String> argv, PrintStream out, PrintStream err) {
        out.println("smitty-wpar: the SMIT screens are not in this build yet.");
        out.println("These AIX commands work now (put bin/ on your PATH): " + String.join(" ", Commands.NAMES));
        return 0;
    }

    /** Exercises the smitty code paths for the start-up cache (see {@link Train}). */
    static void train(PrintStream sink) {
        sink.println();
    }
}
