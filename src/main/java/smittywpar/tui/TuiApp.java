package smittywpar.tui;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.TerminalResizeListener;

/**
 * The screen loop: owns the {@link Display}, waits for keys (woken as well by a resize,
 * which is drawn without waiting for a key), decodes them into {@link Action}s for the
 * {@link Controller} and repaints; a command the controller has pending starts once its screen
 * is drawn, and what it writes is drawn as it comes, without waiting for a key (see
 * {@link Changed}). F2 and Ctrl-L repaint everything; the end of input leaves.
 */
public final class TuiApp implements Ui {
    /** Runs the F9 shell while the terminal is given back; blocks until it exits. */
    public interface ShellRunner {
        void run() throws IOException;
    }

    private final Display display;
    private final SmitTerminal tty;
    private final Controller controller;
    private final Renderer renderer;
    private final ShellRunner shellRunner;
    private final KeyMap keys = new KeyMap();
    private boolean dirty = true;
    private boolean complete = true;
    private boolean tooSmall;
    private int idle;
    private long firstPaintNanos;
    private boolean idled;
    private FirstFrame firstFrame;
    /** Held while the screen or the controller is in use: by the loop, or by a resize drawn while it waits. */
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean over;
    /** The controller asked for a repaint from another thread since the loop last polled it. */
    private volatile boolean changed;
    /** Draws those changes while the loop waits for a key (on a real terminal; started when first needed). */
    private Painter painter;

    /**
     * @param tty         the real terminal, to hand back around the shell (null on a virtual one)
     * @param shellRunner null when F9 is disabled
     */
    public TuiApp(Terminal terminal, SmitTerminal tty, Controller controller, Renderer renderer,
            ShellRunner shellRunner) throws IOException {
        this.display = new Display(terminal);
        this.tty = tty;
        this.controller = controller;
        this.renderer = renderer;
        this.shellRunner = shellRunner;
        controller.onChange(new Changed(this));
    }

    /** The shortest time between two frames drawn for changes that came from another thread. */
    static final long CHANGE_FRAME_MS = 20;

    /**
     * The controller's wake-up call (from a command's thread): the loop polls it and repaints at
     * its next pass; on a real terminal, where the loop sleeps in a read until a key comes, the
     * {@link Painter} draws the change unless the loop is busy (then the loop sees the flag after
     * it lets go of the lock). Many changes in a short time make one frame.
     */
    private record Changed(TuiApp app) implements Runnable {
        @Override
        public void run() {
            app.changed = true;
            if (app.tty != null && !app.over) {
                app.painter().signal();
            }
        }
    }

    private synchronized Painter painter() {
        if (painter == null) {
            painter = new Painter(this);
            painter.start();
        }
        return painter;
    }

    /** Draws the changes of another thread while the loop waits for a key, at most one frame per {@link #CHANGE_FRAME_MS}. */
    private static final class Painter extends Thread {
        private final TuiApp app;
        private boolean signalled;

        Painter(TuiApp app) {
            super("smitty-painter");
            setDaemon(true);
            this.app = app;
        }

        synchronized void signal() {
            signalled = true;
            notifyAll();
        }

        @Override
        public void run() {
            try {
                while (!app.over) {
                    synchronized (this) {
                        while (!signalled) {
                            wait();
                        }
                        signalled = false;
                    }
                    Thread.sleep(CHANGE_FRAME_MS);
                    app.paintChange();
                }
            } catch (InterruptedException e) {
                // the session is over
            }
        }
    }

    /** The painter's frame: only when the loop is not drawing or handling a key itself. */
    private void paintChange() {
        if (!lock.tryLock()) {
            return; // the loop holds it and looks at the flag once it lets go
        }
        try {
            if (!over) {
                changed = false;
                if (controller.poll()) {
                    dirty = true;
                }
                if (dirty) {
                    paint();
                }
            }
        } catch (IOException e) {
            // the loop meets the same failure at its next write or read
        } finally {
            lock.unlock();
        }
    }

    /** On the terminal of a Lanterna screen (which is then not used for drawing). */
    public TuiApp(TerminalScreen screen, SmitTerminal tty, Controller controller, Renderer renderer,
            ShellRunner shellRunner) throws IOException {
        this(screen.getTerminal(), tty, controller, renderer, shellRunner);
    }

    /**
     * Runs until the controller says EXIT or the input ends; the screen is stopped on every way out.
     * On the real terminal this thread sleeps in a blocking read between keys and handles each key
     * as soon as it arrives; a resize is drawn by the thread that reports it when this one waits
     * for a key, else by this one once it is done (see {@link Resized}). A virtual terminal (no
     * {@code tty}) is polled.
     */
    public void run() throws IOException {
        display.start();
        try {
            if (tty == null) {
                while (step()) {
                    idle();
                    pause();
                }
                return;
            }
            display.terminal().addResizeListener(new Resized(this));
            KeyStroke k = null;
            while (true) {
                lock.lock();
                try {
                    if (!step(k)) {
                        over = true;
                        return;
                    }
                } finally {
                    lock.unlock();
                }
                if (display.resizePending() || controller.busy() || changed) {
                    k = null;
                    continue;
                }
                idle();
                if (warmUp && !warmed) {
                    warmed = true;
                    warm();
                    if (display.resizePending() || controller.busy() || changed || over) {
                        k = null;
                        continue;
                    }
                }
                k = display.terminal().readInput();
            }
        } finally {
            over = true;
            Painter p = painter;
            if (p != null) {
                p.interrupt();
            }
            lock.lock(); // not while the painter draws
            try {
                display.stop();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Draws a resize at once when the loop is waiting for a key. When the loop is busy, it draws
     * the resize itself: the new size is recorded before the lock is tried, and the loop looks for
     * a recorded size after it lets go of the lock. (A class, not a lambda: no lambda machinery
     * at run time.)
     */
    private record Resized(TuiApp app) implements TerminalResizeListener {
        @Override
        public void onResized(Terminal terminal, TerminalSize newSize) {
            if (app.lock.tryLock()) {
                try {
                    if (!app.over && app.display.doResizeIfNecessary() != null) {
                        app.complete = true;
                        app.paint();
                    }
                } catch (IOException e) {
                    // the loop meets the same failure at its next write or read
                } finally {
                    app.lock.unlock();
                }
            }
        }
    }

    /** Enters the screen without running the loop (for {@link #step()} on a virtual terminal). */
    void start() throws IOException {
        display.start();
    }

    /** Leaves the screen entered by {@link #start()}. */
    void stop() throws IOException {
        display.stop();
    }

    /**
     * One pass of the loop: applies a pending resize, lets the controller poll, handles every key
     * that is waiting, repaints when anything changed. False once the session is over.
     */
    public boolean step() throws IOException {
        return step(null);
    }

    /** {@link #step()}, with {@code first} (when not null) handled before the keys that wait behind it. */
    private boolean step(KeyStroke first) throws IOException {
        if (display.doResizeIfNecessary() != null) {
            dirty = true;
            complete = true;
        }
        changed = false;
        if (controller.poll()) {
            dirty = true;
        }
        if (dirty) {
            paint();
        }
        KeyStroke k = first != null ? first : waiting();
        for (; k != null; k = waiting()) {
            idle = 0;
            Action a = keys.decode(k);
            if (a != null && !dispatch(a)) {
                return false;
            }
            if (display.doResizeIfNecessary() != null) {
                complete = true;
                dirty = true;
            }
        }
        if (dirty) {
            paint();
        }
        return true;
    }

    /** The first time the loop has nothing to do: the controller may start what it put off (see {@link Controller#idle}). */
    private void idle() {
        if (!idled) {
            idled = true;
            controller.idle();
        }
    }

    /** Frames at most drawn by {@link #warm}, and the time it may take at most. */
    static final int WARM_FRAMES = 400;
    static final long WARM_NANOS = 150_000_000L;
    private boolean warmed;
    private boolean warmUp;

    /** Warms the per-key path once when the loop first waits for a key (see {@link #warm}); a real start does, the training run does not. */
    void warmUp() {
        warmUp = true;
    }

    /**
     * Once, the first time the loop would wait for a key: builds the current screen's scene and
     * draws it on a canvas of its own, again and again, so that the JIT compiler has compiled what
     * a key runs before the first keys come (until then they run interpreted, while the compiler
     * works on the other core). Nothing is sent and no state of the session changes (the scene of
     * the same view and size is the one drawn last). Stops as soon as a key is there, and after
     * {@link #WARM_FRAMES} frames or {@link #WARM_NANOS}.
     */
    private void warm() throws IOException {
        long end = System.nanoTime() + WARM_NANOS;
        TerminalSize size = display.getTerminalSize();
        if (Layout.tooSmall(size.getColumns(), size.getRows())) {
            return;
        }
        Canvas scratch = new Canvas(size);
        for (int i = 0; i < WARM_FRAMES && System.nanoTime() < end; i++) {
            if (tty.inputReady() || changed || display.resizePending()) {
                return;
            }
            lock.lock();
            try {
                if (over || controller.busy()) {
                    return;
                }
                renderer.draw(scratch, controller.scene(size.getColumns(), size.getRows()));
            } finally {
                lock.unlock();
            }
        }
    }

    /** A key already typed, without waiting. */
    private KeyStroke waiting() throws IOException {
        return display.terminal().pollInput();
    }

    private boolean dispatch(Action a) {
        switch (a.kind()) {
            case REFRESH:
            case REDRAW:
                dirty = true;
                complete = true;
                return true;
            case EOF:
                controller.handle(Action.of(Action.Kind.EXIT), this);
                return false;
            default:
                break;
        }
        if (tooSmall && a.kind() != Action.Kind.EXIT) {
            beep();
            return true;
        }
        dirty = true;
        return controller.handle(a, this) == Controller.Outcome.CONTINUE;
    }

    /** Draws the controller's frame; a full repaint after a resize, F2, Ctrl-L or the shell. */
    void paint() throws IOException {
        TerminalSize size = display.getTerminalSize();
        tooSmall = Layout.tooSmall(size.getColumns(), size.getRows());
        Scene scene = tooSmall ? null : controller.scene(size.getColumns(), size.getRows());
        TerminalPosition cursor = renderer.draw(display.canvas(), scene);
        display.setCursorPosition(cursor);
        display.refresh(complete);
        if (firstPaintNanos == 0) {
            firstPaintNanos = System.nanoTime();
            if (firstFrame != null) {
                firstFrame.run();
            }
        }
        dirty = false;
        complete = false;
    }

    /** Runs once the first frame has been written to the terminal. */
    interface FirstFrame {
        void run() throws IOException;
    }

    /** What to do once the first frame is written (see {@link FrameCache}). */
    void onFirstFrame(FirstFrame f) {
        firstFrame = f;
    }

    /** {@link System#nanoTime()} when the first frame had been sent to the terminal (0: not yet). */
    long firstPaintNanos() {
        return firstPaintNanos;
    }

    /** Sleeps a little between polls of a virtual terminal: 10 ms just after a key, up to 40 ms when idle. */
    private void pause() {
        try {
            Thread.sleep(Math.min(40, 10 + 2 * idle++));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- Ui ----------------------------------------------------------------------------------------

    @Override
    public String image() {
        TerminalSize size = display.getTerminalSize();
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < size.getRows(); y++) {
            StringBuilder line = new StringBuilder();
            for (int x = 0; x < size.getColumns(); x++) {
                line.append(display.shown(x, y));
            }
            int n = line.length();
            while (n > 0 && line.charAt(n - 1) == ' ') {
                n--;
            }
            sb.append(line, 0, n).append('\n');
        }
        return sb.toString();
    }

    @Override
    public boolean shell() {
        if (shellRunner == null) {
            return false;
        }
        try {
            display.stop();
            if (tty != null) {
                tty.suspend();
            }
            try {
                shellRunner.run();
            } finally {
                if (tty != null) {
                    tty.resume();
                }
                display.start();
                dirty = true;
                complete = true;
            }
            return true;
        } catch (IOException e) {
            dirty = true;
            complete = true;
            return false;
        }
    }

    @Override
    public void beep() {
        try {
            display.terminal().bell();
        } catch (IOException | RuntimeException e) {
            // a bell that cannot ring is not worth failing for
        }
    }
}
