import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import smittywpar.cmd.Commands;
import smittywpar.cmd.Invocation;

/**
 * Fills a state directory with N system WPARs through the real mkwpar command (in one JVM, for
 * speed), on a host whose rootvg disk is made large enough. Usage (from the project root):
 *   java -cp target/smitty-wpar.jar bench/Populate.java STATE_DIR N
 */
public class Populate {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("SMITTY_WPAR_HOME", dir.toString());
        env.put("SMITTY_WPAR_SEED", "8192");
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        run(env, sink, "lswpar");
        Path host = dir.resolve("host.cf");
        Files.writeString(host, Files.readString(host).replace("size = \"30720\"", "size = \"8388608\""));
        long t0 = System.nanoTime();
        for (int i = 1; i <= n; i++) {
            String name = String.format("w%05d", i);
            int rc = run(env, sink, "mkwpar", "-n", name, "-N",
                    "address=10." + (i / 65536) + "." + (i / 256 % 256) + "." + (i % 256), "interface=en0",
                    "netmask=255.0.0.0");
            if (rc != 0) {
                throw new IllegalStateException("mkwpar " + name + " failed");
            }
            if (i % 1024 == 0) {
                System.err.printf("%d WPARs, %.1f s%n", i, (System.nanoTime() - t0) / 1e9);
            }
        }
    }

    static int run(Map<String, String> env, PrintStream sink, String name, String... args) {
        return Commands.run(new Invocation(name, List.of(args), System.in, sink, sink, env, Path.of("")));
    }
}
