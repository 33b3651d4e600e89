package smittywpar.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import smittywpar.testkit.Sim;

/**
 * A simulated host for fuzzing, with something of everything: a defined WPAR (w1), an active one
 * with an address (w2), a rootvg WPAR (r1), preserved file systems (p1), a specification file
 * (/tmp/w.spec), and files made inside the global environment and inside w2 (so both file tree
 * indexes and w2's process table exist). Between cases the state directory is put back as it was, byte for byte.
 */
final class FuzzHost {
    final Sim sim;
    final Path home;
    final Map<String, String> baseline;

    FuzzHost(Path home) {
        this.home = home;
        sim = new Sim(home);
        for (String line : List.of("mkwpar -n w1", "mkwpar -n w2 -N address=192.168.10.50", "startwpar w2",
                "mkwpar -n r1 -D rootvg=yes devname=hdisk1", "mkwpar -n p1", "rmwpar -p p1",
                "mkwpar -w -n s1 -o /tmp/w.spec", "aixsh -c 'mkdir /tmp/gd; echo x > /tmp/gf'",
                "clogin w2 'mkdir /tmp/d; echo y > /tmp/f; echo in a numbered file > \"/tmp/" + "a ".repeat(90)
                        + "z\"'", "savewpar -f /tmp/w1.bk w1")) {
            Sim.Result r = sim.run(line);
            if (r.exit() != 0) {
                throw new IllegalStateException(line + ": " + r.err());
            }
        }
        baseline = sim.snapshot();
    }

    /** Puts the state directory back as it was after set-up (only the files that differ). */
    void restore() {
        Map<String, String> now = sim.snapshot();
        if (now.equals(baseline)) {
            return;
        }
        try {
            for (String f : changed(baseline, now)) {
                Path p = home.resolve(f);
                if (baseline.containsKey(f)) {
                    Files.createDirectories(p.getParent());
                    Files.writeString(p, baseline.get(f), StandardCharsets.ISO_8859_1);
                } else {
                    Files.delete(p);
                }
            }
            // what is not a regular file (a directory left empty, a link) does not count as state
            try (Stream<Path> s = Files.walk(home)) {
                for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                    if (!p.equals(home) && !Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                            && !(Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && hasFiles(p))) {
                        Files.delete(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isPresent();
        }
    }

    /**
     * A directory for the fuzz host: on a memory file system when there is one (fsync is free
     * there, and the fuzz cases commit hundreds of times), else under {@code fallback}.
     */
    static Path scratch(Path fallback, String name) {
        Path shm = Path.of("/dev/shm");
        try {
            if (Files.isDirectory(shm) && Files.isWritable(shm)) {
                return Files.createTempDirectory(shm, name);
            }
        } catch (IOException e) {
            // use the fallback
        }
        return fallback.resolve(name);
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files that differ between two snapshots (added, removed or changed). */
    static java.util.Set<String> changed(Map<String, String> a, Map<String, String> b) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (String k : a.keySet()) {
            if (!a.get(k).equals(b.get(k))) {
                out.add(k);
            }
        }
        for (String k : b.keySet()) {
            if (!a.containsKey(k)) {
                out.add(k);
            }
        }
        return out;
    }

    /** Text for a failure message: long lines cut. */
    static String shorten(String text) {
        StringBuilder sb = new StringBuilder();
        text.lines().limit(20).forEach(l -> sb.append(l.length() > 300 ? l.substring(0, 300) + "…" : l).append('\n'));
        return sb.toString();
    }

    /**
     * What no output may ever hold: a Java exception, a stack frame, an internal error, or 0960-617
     * (a value a command let through that the strict reading of WPAR files would refuse).
     */
    static String leak(String text) {
        for (String bad : new String[] {"Exception", "internal error", "\tat ", "java.", "Error:", "0960-617"}) {
            if (text.contains(bad)) {
                return bad;
            }
        }
        return null;
    }
}
