package smittywpar.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.SortedMap;

import smittywpar.store.Errno;
import smittywpar.wpar.WparEngine;

/**
 * Builds a host away from the one in use: a fresh default host in a directory of the lab's own,
 * changed by a scenario (through the AIX commands and the engine, as a user would), then taken as
 * a set of files. The host in use is only ever replaced by such a set, in one transaction
 * ({@link Snapshots#restore}), so a scenario that fails half-way changes nothing.
 */
final class HostBuilder {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** What makes a fresh host into the wanted one. */
    @FunctionalInterface
    interface Recipe {
        void apply(LabContext ctx, Path dir);
    }

    private HostBuilder() {
    }

    /** The files of a fresh host changed by {@code recipe} (null: the default host as it is). */
    static SortedMap<String, byte[]> build(LabContext ctx, Recipe recipe) {
        Path home = ctx.home();
        // the host in use exists before the lab puts anything of its own in its directory
        ctx.engine().read(c -> c.host());
        Path dir = home.resolve(Snapshots.LAB).resolve("build." + ProcessHandle.current().pid());
        try {
            Snapshots.deleteTree(dir);
            Files.createDirectories(dir);
            WparEngine e = ctx.engine(dir);
            e.read(c -> c.host());
            if (recipe != null) {
                recipe.apply(ctx, dir);
            }
            return Snapshots.capture(e.store());
        } catch (IOException e) {
            throw LabException.of("lab.io", dir, Errno.text(e));
        } finally {
            try {
                Snapshots.deleteTree(dir);
            } catch (IOException e) {
                // left for the next build of this process id, which removes it first
            }
        }
    }

    /** The host clock's time now, as snapshots list it. */
    static String now(LabContext ctx) {
        return ctx.engine().read(c -> c.now()).format(DATE);
    }
}
