package smittywpar.train;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import smittywpar.Main;
import smittywpar.Smitty;
import smittywpar.cmd.Commands;
import smittywpar.cmd.Invocation;
import smittywpar.smit.SmitCli;
import smittywpar.tui.Tui;

/**
 * The training workloads for the JVM's start-up caches (Java 25 AOT cache or JDK 17 AppCDS). An
 * AOT cache loads every class it holds when the JVM starts, so each kind of run has a cache of
 * its own, trained on its own work only: each AIX command, and smitty. The launcher runs them in
 * the background the first time a cache is missing, each in two JVMs: the first makes what the
 * training needs (a host, a menu cache), so that its classes stay out of the cache the second
 * makes. Users never call it. (No temporary-file calls: they load the security providers.)
 */
public final class Train {
    /**
     * The host the commands are trained on: t1 defined with a file system of its own, t2 active,
     * and files written in the global environment (t1's backup information in /tmp/wpardata), as
     * on a host in use: the commands that read the global file tree (df, wparexec, savewpar ...)
     * load its index and shipped tree in training too, not from the jar at every run.
     */
    private static final String[][] STATE = {
        {"mkwpar", "-n", "t1", "-N", "address=192.168.20.99", "-R", "CPU=1%-2%,3%"}, {"mkwpar", "-n", "t2"},
        {"chwpar", "-h", "t1.example.com", "-M", "directory=/data", "-R", "shares_CPU=5", "t1"},
        {"startwpar", "t2"}, {"mkwpardata", "t1"},
    };

    /** What each command does in its training (besides its usage message). */
    private static final Map<String, String[][]> STEPS = Map.ofEntries(
        Map.entry("lswpar", new String[][] {{"lswpar"}, {"lswpar", "-c"}, {"lswpar", "-L", "t1"},
            {"lswpar", "-N", "t1"}, {"lswpar", "-M"}, {"lswpar", "-D", "-q"}, {"lswpar", "-G", "t1"},
            {"lswpar", "-cR", "t1"}, {"lswpar", "-c", "-q", "-a", "name,state"}, {"lswpar", "nosuch"}}),
        Map.entry("mkwpar", new String[][] {{"mkwpar", "-n", "t3", "-N", "address=192.168.20.98", "-R",
            "CPU=1%-2%,3%"}, {"mkwpar", "-n", "t4", "-Z"}, {"mkwpar", "-n", "t5"}, {"mkwpar", "-n", "t1"}}),
        Map.entry("startwpar", new String[][] {{"startwpar", "t1"}, {"startwpar", "nosuch"}}),
        Map.entry("stopwpar", new String[][] {{"stopwpar", "t2"}, {"stopwpar", "t1"}}),
        Map.entry("rebootwpar", new String[][] {{"rebootwpar", "t2"}, {"rebootwpar", "t1"}}),
        Map.entry("rmwpar", new String[][] {{"rmwpar", "t1"}, {"rmwpar", "nosuch"}}),
        Map.entry("chwpar", new String[][] {{"chwpar", "-h", "t1b.example.com", "-R", "shares_CPU=6", "t1"},
            {"chwpar", "-K", "-R", "t1"}, {"chwpar", "-n", "t1c", "t1"}}),
        Map.entry("mount", new String[][] {{"mount"}, {"mount", "/wpars/t1/data"}}),
        Map.entry("umount", new String[][] {{"umount", "/wpars/t1/data"}, {"umount", "/nosuch"}}),
        Map.entry("df", new String[][] {{"df", "-g"}, {"df"}}),
        Map.entry("ifconfig", new String[][] {{"ifconfig", "-a"}}),
        Map.entry("lslpp", new String[][] {{"lslpp", "-l"}}),
        Map.entry("lsdev", new String[][] {{"lsdev"}}),
        Map.entry("lspv", new String[][] {{"lspv"}}),
        Map.entry("lsvg", new String[][] {{"lsvg", "rootvg"}, {"lsvg", "-l", "rootvg"}}),
        Map.entry("hostname", new String[][] {{"hostname"}}),
        Map.entry("oslevel", new String[][] {{"oslevel", "-s"}}),
        // the shells: clogin as scripts run it (one command; an AOT cache loads every class it holds
        // at start, so a session's utilities stay out), aixsh through a session's worth of commands
        Map.entry("clogin", new String[][] {{"clogin", "t2", "hostname"}, {"clogin", "t1", "hostname"}}),
        Map.entry("aixsh", new String[][] {{"aixsh", "-c", "ls /wpars/t2; cat /wpars/t2/etc/hosts; clogin t2 hostname;"
            + " ps -ef@ | grep -c t2; lswpar"}}),
        Map.entry("ps", new String[][] {{"ps", "-ef@"}, {"ps", "-@", "t2"}}),
        Map.entry("lssrc", new String[][] {{"lssrc", "-s", "sshd"}, {"lssrc", "-a"}, {"lssrc", "-s", "nosuch"}}),
        Map.entry("startsrc", new String[][] {{"startsrc", "-s", "sendmail"}, {"startsrc", "-s", "sendmail"}}),
        Map.entry("stopsrc", new String[][] {{"stopsrc", "-s", "syslogd"}, {"stopsrc", "-s", "syslogd"}}),
        Map.entry("refresh", new String[][] {{"refresh", "-s", "inetd"}, {"refresh", "-s", "sshd"}}),
        Map.entry("mkssys", new String[][] {{"mkssys", "-s", "t1d", "-p", "/usr/bin/t1d", "-u", "0"}}),
        Map.entry("rmssys", new String[][] {{"rmssys", "-s", "lpd"}, {"rmssys", "-s", "nosuch"}}),
        Map.entry("chssys", new String[][] {{"chssys", "-s", "lpd", "-G", "printing"}}),
        Map.entry("syncwpar", new String[][] {{"syncwpar", "-p", "t1"}, {"syncwpar", "-A"}}),
        Map.entry("installp", new String[][] {{"installp", "-l", "-d", "/usr/sys/inst.images"},
            {"installp", "-acgXd", "/usr/sys/inst.images", "bos.wpars"}}),
        Map.entry("syncroot", new String[][] {{"syncroot"}}),
        // an application that ends (a long-running one would wait for stopwpar), and a name in use
        Map.entry("wparexec", new String[][] {{"wparexec", "-n", "a1", "/usr/bin/hostname"},
            {"wparexec", "-n", "t1", "/usr/bin/hostname"}}),
        Map.entry("mkwpardata", new String[][] {{"mkwpardata", "t1"}}),
        Map.entry("savewpar", new String[][] {{"savewpar", "-f", "/tmp/t1.bk", "t1"}, {"savewpar", "t2"}}),
        Map.entry("lssavewpar", new String[][] {{"savewpar", "-f", "/tmp/t1.bk", "t1"},
            {"lssavewpar", "-f", "/tmp/t1.bk"}, {"lssavewpar", "-l", "-f", "/tmp/t1.bk"}}),
        Map.entry("restwpar", new String[][] {{"savewpar", "-f", "/tmp/t1.bk", "t1"},
            {"restwpar", "-n", "t9", "-f", "/tmp/t1.bk"}, {"restwpar", "-f", "/tmp/t1.bk"}}),
        Map.entry("restwparfiles", new String[][] {{"savewpar", "-f", "/tmp/t1.bk", "t1"},
            {"restwparfiles", "-d", "/tmp", "-f", "/tmp/t1.bk", "./etc/motd"}}));

    private Train() {
    }

    /**
     * {@code --state DIR} makes the host in DIR/state; {@code --cli NAME DIR} trains NAME on a
     * copy of it (DIR/run); {@code --menus DIR} reads the menus into a tree cache in DIR/cache
     * (the YAML parser stays out of smitty's start-up cache, as it stays out of a real start);
     * {@code --smitty DIR} trains smitty with that tree cache.
     */
    public static void main(String[] args) throws IOException {
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        Path dir = args.length >= 2 ? Path.of(args[args.length - 1]) : null;
        if (dir == null) {
            return;
        }
        Main.class.getName(); // the entry point of every real run, for the cache
        switch (args[0]) {
            case "--state" -> run(STATE, dir.resolve("state"), sink);
            case "--cli" -> {
                Path state = dir.resolve("run");
                copy(dir.resolve("state"), state);
                run(STEPS.getOrDefault(args[1], new String[0][]), state, sink);
                run(new String[][] {{args[1], "-?"}}, state, sink);
                delete(state);
            }
            case "--menus" -> SmitCli.prepare(List.of(), env(dir), dir, sink, sink);
            case "--smitty" -> smitty(dir, sink);
            default -> {
            }
        }
    }

    /**
     * smitty as real starts go, on a terminal made of memory: the top menu and a dialog's fast
     * path drawn and driven by keys (menus, a listing, typing, help, find, Exit), and an unknown
     * fast path. Only that: classes used later (lists, commands run from a dialog) are loaded
     * when they are first needed.
     */
    static void smitty(Path dir, PrintStream sink) throws IOException {
        Map<String, String> env = env(dir);
        Path frame = dir.resolve("frame");
        Tui.train(SmitCli.prepare(List.of("-x"), env, dir, sink, sink, true).session(), Smitty.shellEnv(env), frame,
                Tui.TRAIN_MENUS);
        Tui.train(SmitCli.prepare(List.of("mkwpar"), env, dir, sink, sink, true).session(), Smitty.shellEnv(env), frame,
                Tui.TRAIN_DIALOG);
        Tui.train(SmitCli.prepare(List.of("nosuch"), env, dir, sink, sink, true).session(), Smitty.shellEnv(env), frame);
    }

    private static Map<String, String> env(Path dir) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("HOME", dir.resolve("home").toString());
        env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        env.put("SMITTY_WPAR_HOME", dir.resolve("state").toString());
        return env;
    }

    private static void run(String[][] steps, Path state, PrintStream sink) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("SMITTY_WPAR_HOME", state.toString());
        for (String[] s : steps) {
            // (the argument list of the type Main makes: its methods, subList's among them, are in the cache)
            Commands.run(new Invocation(s[0], Arrays.asList(Arrays.copyOfRange(s, 1, s.length)), System.in, sink, sink, env,
                    state.getParent()));
        }
    }

    /** A copy of a directory tree (with the plain file calls every command uses anyway). */
    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        File[] entries = from.toFile().listFiles();
        for (File f : entries == null ? new File[0] : entries) {
            Path target = to.resolve(f.getName());
            if (f.isDirectory()) {
                copy(f.toPath(), target);
            } else {
                Files.copy(f.toPath(), target);
            }
        }
    }

    private static void delete(Path p) throws IOException {
        File[] entries = p.toFile().listFiles();
        for (File f : entries == null ? new File[0] : entries) {
            delete(f.toPath());
        }
        Files.deleteIfExists(p);
    }
}
