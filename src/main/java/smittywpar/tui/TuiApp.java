package smittywpar.tui;

import java.io.IOException;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;

/**
 * The screen loop: owns the Lanterna {@link Screen}, polls the keyboard (so a resize or a running
 * command's output is drawn without waiting for a key), decodes keys into {@link Action}s for the
 * {@link Controller} and repaints. F2 and Ctrl-L repaint everything; the end of input leaves.
 */
public final class TuiApp implements Ui {
    /** Runs the F9 shell while the terminal is given back; blocks until it exits. */
    public interface ShellRunner {
        void run() throws IOException;
    }

    private final TerminalScreen screen;
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

    /**
     * @param tty         the real terminal, to hand back around the shell (null on a virtual one)
     * @param shellRunner null when F9 is disabled
     */
    public TuiApp(TerminalScreen screen, SmitTerminal tty, Controller controller, Renderer renderer,
            ShellRunner shellRunner) {
        this.screen = screen;
        this.tty = tty;
        this.controller = controller;
        this.renderer = renderer;
        this.shellRunner = shellRunner;
    }

    /** Runs until the controller says EXIT or the input ends; the screen is stopped on every way out. */
    public void run() throws IOException {
        screen.startScreen();
        try {
            while (step()) {
                pause();
            }
        } finally {
            screen.stopScreen(false);
        }
    }

    /**
     * One pass of the loop: applies a pending resize, lets the controller poll, handles every key
     * that is waiting, repaints when anything changed. False once the session is over.
     */
    public boolean step() throws IOException {
        if (screen.doResizeIfNecessary() != null) {
            dirty = true;
            complete = true;
        }
        if (controller.poll()) {
            dirty = true;
        }
        if (dirty) {
            paint();
        }
        KeyStroke k;
        while ((k = screen.pollInput()) != null) {
            idle = 0;
            Action a = keys.decode(k);
            if (a != null && !dispatch(a)) {
                return false;
            }
            if (screen.doResizeIfNecessary() != null) {
                complete = true;
                dirty = true;
            }
        }
        if (dirty) {
            paint();
        }
        return true;
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
        TerminalSize size = screen.getTerminalSize();
        tooSmall = Layout.tooSmall(size.getColumns(), size.getRows());
        Scene scene = tooSmall ? null : controller.scene(size.getColumns(), size.getRows());
        TerminalPosition cursor = renderer.draw(screen.newTextGraphics(), size, scene);
        screen.setCursorPosition(cursor);
        screen.refresh(complete ? Screen.RefreshType.COMPLETE : Screen.RefreshType.AUTOMATIC);
        if (firstPaintNanos == 0) {
            firstPaintNanos = System.nanoTime();
        }
        dirty = false;
        complete = false;
    }

    /** {@link System#nanoTime()} when the first frame had been sent to the terminal (0: not yet). */
    long firstPaintNanos() {
        return firstPaintNanos;
    }

    /** Sleeps a little between polls: 10 ms just after a key, up to 40 ms when idle. */
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
        TerminalSize size = screen.getTerminalSize();
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < size.getRows(); y++) {
            StringBuilder line = new StringBuilder();
            for (int x = 0; x < size.getColumns(); x++) {
                TextCharacter c = screen.getFrontCharacter(x, y);
                line.append(c == null ? " " : c.getCharacterString());
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
            screen.stopScreen(false);
            if (tty != null) {
                tty.suspend();
            }
            try {
                shellRunner.run();
            } finally {
                if (tty != null) {
                    tty.resume();
                }
                screen.startScreen();
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
            screen.getTerminal().bell();
        } catch (IOException | RuntimeException e) {
            // a bell that cannot ring is not worth failing for
        }
    }
}
