package smittywpar.tui;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import smittywpar.smit.Session;

/**
 * Starts the full-screen session on the process's terminal, or says in one line why there is no
 * usable terminal (no tty on standard input and output, a TERM that cannot address the screen).
 */
public final class Tui {
    private Tui() {
    }

    /** The F9 shell: {@code $SHELL}, else {@code /bin/sh}; none when {@code SMIT_SHELL=n}. */
    public static List<String> defaultShell(Map<String, String> env) {
        return SubShell.defaultCommand(env);
    }

    /**
     * The terminal being taken over on a second thread (two {@code stty} runs, Lanterna's terminal
     * classes), so that it overlaps with work the caller still has to do, such as loading the
     * menus. {@link #close()} gives it back when it is not used after all.
     */
    public static final class Setup extends Thread implements AutoCloseable {
        private final TuiOptions options;
        private final boolean console;
        private final FrameCache frames;
        private FrameCache.Output output;
        private final long started = System.nanoTime();
        private volatile long ready;
        private SmitTerminal terminal;
        private Exception failure;
        private boolean ran;

        /** (A thread of its own, not a FutureTask of a lambda: no lambda machinery on the way to the first frame.) */
        private Setup(TuiOptions options, boolean console, FrameCache frames) {
            super("smitty-terminal");
            setDaemon(true);
            this.options = options;
            this.console = console;
            this.frames = frames;
        }

        @Override
        public void run() {
            try {
                Charset cs = options.utf8() ? StandardCharsets.UTF_8 : Charset.defaultCharset();
                // smitty -f with redirected standard input or output: the screen is the controlling terminal
                boolean devTty = !console;
                output = new FrameCache.Output(devTty ? new FileOutputStream("/dev/tty")
                        : new FileOutputStream(FileDescriptor.out));
                if (frames != null) {
                    output.hold(); // the first frame, until it is known whether the launcher showed it
                }
                terminal = SmitTerminal.open(
                        devTty ? new FileInputStream("/dev/tty") : new FileInputStream(FileDescriptor.in),
                        new BufferedOutputStream(output, 1 << 14), cs, options.env());
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
            ready = System.nanoTime();
            // while the session starts on the main thread: the time zone its log's time stamps need
            // (reading the zone data costs a young JVM several milliseconds)
            java.util.TimeZone.getDefault();
        }

        private synchronized SmitTerminal await() throws IOException {
            if (!ran) {
                ran = true;
                if (getState() == State.NEW) {
                    run(); // taken over here and now
                } else {
                    try {
                        join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException(Texts.get("ttyinterrupted"), e);
                    }
                }
            }
            if (failure instanceof IOException io) {
                throw io;
            }
            if (failure != null) {
                throw (RuntimeException) failure;
            }
            return terminal;
        }

        /**
         * When the launcher put a frame on the terminal and the screens never started after all:
         * leaves the private screen it entered.
         */
        void leaveShownFrame() {
            if (frames != null && frames.shown()) {
                try {
                    FileOutputStream out = new FileOutputStream(FileDescriptor.out);
                    out.write(FrameCache.LEAVE);
                    out.flush();
                } catch (IOException e) {
                    // the terminal is gone
                }
            }
        }

        /** Gives the terminal back (when the screens are not shown after all). */
        @Override
        public void close() {
            try {
                await().close();
            } catch (IOException | RuntimeException e) {
                // it was never taken over, or is already gone
            }
        }
    }

    /** Hands the first frame to the cache (a class, not a lambda: no lambda machinery at start). */
    private record FirstFrameKept(FrameCache frames, FrameCache.Output output) implements TuiApp.FirstFrame {
        @Override
        public void run() throws IOException {
            frames.firstFrame(output);
        }
    }

    /**
     * Starts taking over the terminal on a second thread; null when the screens cannot be shown
     * here at all (then {@link #run} says why) or when standard input or output is redirected
     * (smitty {@code -f}: the terminal is opened later, when it is known that it is wanted).
     */
    public static Setup setUp(TuiOptions options) {
        return setUp(options, 0);
    }

    /**
     * {@link #setUp(TuiOptions)}, with the first frame kept for the launcher when it asks for that
     * (see {@link FrameCache}).
     *
     * @param began {@link System#currentTimeMillis()} when this start began (the session's state
     *              is read after it)
     */
    public static Setup setUp(TuiOptions options, long began) {
        boolean console = console(options.env());
        if (!console || options.refusal(true) != null) {
            return null;
        }
        Setup s = new Setup(options, true, began == 0 ? null : FrameCache.of(options.env(), began));
        s.start();
        return s;
    }

    /**
     * Whether standard input and output are a terminal. When the launcher prepared the terminal it
     * checked just that; asking {@link System#console()} would load a console provider through a
     * service-loader scan (JLine and JShell's among the candidates).
     */
    static boolean console(Map<String, String> env) {
        return SmitTerminal.preparedByLauncher(env) || System.console() != null;
    }

    /** {@link #run(Controller, TuiOptions, PrintStream, Setup)} with the terminal taken over now. */
    public static int run(Controller controller, TuiOptions options, PrintStream err) {
        return run(controller, options, err, null);
    }

    /**
     * Runs the session until the controller ends it; returns the controller's exit status, or 1
     * when the terminal cannot be used (said in one line on {@code err}). The terminal is given
     * back on every way out.
     *
     * @param setup the terminal from {@link #setUp}, or null to take it over here
     */
    public static int run(Controller controller, TuiOptions options, PrintStream err, Setup setup) {
        long t0 = System.nanoTime();
        boolean console = console(options.env());
        String refusal = options.refusal(console);
        if (refusal != null) {
            if (setup != null) {
                setup.close();
                setup.leaveShownFrame();
            }
            err.println(refusal);
            controller.close();
            return 1;
        }
        if (setup == null) {
            setup = new Setup(options, console, null);
        }
        SmitTerminal term;
        try {
            term = setup.await();
        } catch (IOException e) {
            setup.leaveShownFrame();
            err.println(Texts.get("ttyfail", e.getMessage()));
            controller.close();
            return 1;
        }
        long tTerminal = System.nanoTime();
        TuiApp app = null;
        try {
            Renderer renderer = new Renderer(options.glyphs(), options.theme());
            TuiApp.ShellRunner shell = options.shell().isEmpty() ? null : new SubShell(options.shell(), options.shellEnv());
            app = new TuiApp(term, term, controller, renderer, shell);
            if (setup.frames != null) {
                app.onFirstFrame(new FirstFrameKept(setup.frames, setup.output));
            }
            app.warmUp();
            app.run();
            return controller.exitCode();
        } catch (IOException e) {
            // the terminal went away or failed (hang-up): nothing more can be shown on it
            err.println(Texts.get("ttyfail", e.getMessage()));
            return 1;
        } finally {
            if (app == null || app.firstPaintNanos() == 0) {
                setup.leaveShownFrame();
            }
            controller.close();
            try {
                term.close();
            } catch (IOException e) {
                // the terminal is already gone; the shutdown hook has nothing left to restore either
            }
            timing(options, t0, setup, tTerminal, app == null ? 0 : app.firstPaintNanos());
        }
    }

    private static final String DOWN = "\u001b[B";
    private static final String UP = "\u001b[A";
    private static final String F1 = "\u001bOP";
    private static final String F3 = "\u001b[13~";
    private static final String F10 = "\u001b[21~";
    /**
     * Keys for {@link #train} from the top menu: Workload Partition Administration, a listing
     * (COMMAND STATUS), a create dialog with typing and help, back, find, Exit.
     */
    public static final String[] TRAIN_MENUS = {DOWN, DOWN, DOWN, DOWN, DOWN, DOWN, DOWN, "\r", "\r", "\r", F3, DOWN,
        "\r", DOWN, "\r", "\r", "w", "\u007f", DOWN, UP, F1, F3, F3, F3, F3, "/", "s", "\r", "n", F10};
    /** Keys for {@link #train}: a dialog's fields, typing, help, Exit. */
    public static final String[] TRAIN_DIALOG = {DOWN, DOWN, UP, UP, "w", "p", "\u007f", "\u001b[D", "\u001b[C", "\t",
        F1, F3, "\u001b[6~", "\u001b[5~", "\u001b", "2", F10};

    /**
     * The training run of the start-up cache (see {@code smittywpar.train.Train}): a session started
     * as a real start does, driven by {@code keys} (raw terminal bytes, each read on its own)
     * through the same screen loop, key decoding, drawing and kept first frame as on a
     * terminal, on a terminal made of memory; the session ends with the keys.
     */
    public static void train(Session session, Map<String, String> shellEnv, java.nio.file.Path kept, String... keys)
            throws IOException {
        new SubShell(List.of("sh"), shellEnv);
        java.nio.file.Files.deleteIfExists(kept);
        try {
            Map<String, String> env = new java.util.HashMap<>(System.getenv());
            env.put("TERM", "xterm");
            env.put("LANG", "C.UTF-8");
            env.put(SmitTerminal.ENV_SAVED, "500:5:bf:8a3b:3:1c:7f:15:4:0:1:0:11:13:1a:0:12:f:17:16:0:0:0");
            env.put(SmitTerminal.ENV_SIZE, "24 80");
            env.put(SmitTerminal.ENV_PID, Long.toString(SmitTerminal.parentPid()));
            env.put(FrameCache.ENV_KEY, "training");
            env.put(FrameCache.ENV_FILE, kept.toString());
            env.put(FrameCache.ENV_SHOWN, "1"); // shown, found to differ (the file is empty), drawn and kept
            TuiOptions options = new TuiOptions(false, env, Map.of(), List.of("/bin/sh"), false);
            if (!console(env) || options.refusal(true) != null) {
                return;
            }
            Setup setup = new Setup(options, true, FrameCache.of(env, System.currentTimeMillis()));
            if (setup.frames == null) {
                return;
            }
            // as Setup.run does
            setup.output = new FrameCache.Output(java.io.OutputStream.nullOutputStream());
            setup.output.hold();
            List<java.io.InputStream> reads = new java.util.ArrayList<>();
            for (String k : keys) {
                reads.add(new java.io.ByteArrayInputStream(k.getBytes(StandardCharsets.UTF_8)));
            }
            SmitTerminal term = SmitTerminal.open(
                    new java.io.SequenceInputStream(java.util.Collections.enumeration(reads)),
                    new BufferedOutputStream(setup.output, 1 << 14),
                    options.utf8() ? StandardCharsets.UTF_8 : Charset.defaultCharset(), env);
            term.forget(); // never a real stty: this is no terminal
            SessionController controller = new SessionController(session, false);
            TuiApp app = new TuiApp(term, term, controller, new Renderer(options.glyphs(), options.theme()), null);
            app.onFirstFrame(new FirstFrameKept(setup.frames, setup.output));
            app.run();
            controller.close();
        } finally {
            java.nio.file.Files.deleteIfExists(kept);
        }
    }

    /**
     * With {@code SMITTY_WPAR_TIMING=file}, appends one line of start-up times in milliseconds
     * to that file: JVM start to {@code Tui.run}, terminal ready, first frame on the terminal
     * (the last two counted from the start of {@code Tui.run}).
     */
    private static void timing(TuiOptions options, long t0, Setup setup, long tTerminal, long tFrame) {
        String file = options.env().get("SMITTY_WPAR_TIMING");
        if (file == null || file.isEmpty()) {
            return;
        }
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        long toRun = System.currentTimeMillis() - (System.nanoTime() - t0) / 1_000_000 - jvmStart;
        String line = String.format("jvm start %d, jvm->run %d ms, terminal +%d ms, first frame +%d ms"
                + " (terminal set-up took %d ms, started %d ms before run), kept frame: %s%n", jvmStart, toRun,
                (tTerminal - t0) / 1_000_000, tFrame == 0 ? -1 : (tFrame - t0) / 1_000_000,
                (setup.ready - setup.started) / 1_000_000, (t0 - setup.started) / 1_000_000,
                setup.frames == null ? "not asked" : setup.frames.outcome());
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of(file), line, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            // timing is a diagnostic; never fail the session for it
        }
    }
}
