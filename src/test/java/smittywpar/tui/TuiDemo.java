package smittywpar.tui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tiny controller over canned screens, to drive the real terminal layer in tmux tests: a menu;
 * Enter opens a two-field dialog; F4 there lists three names; Enter in the dialog shows COMMAND
 * STATUS; F3 goes back; F8 appends the screen to the file named by {@code tui.demo.image};
 * F9 runs the shell; F10 exits. Canned data only, no menu model.
 */
public final class TuiDemo implements Controller {
    private final MenuNav menu = new MenuNav("System Management", Fixtures.longMenu(0, 0).items(), 7);
    private DialogNav dialog;
    private ListNav list;
    private Pager pager;
    private final List<FieldView> fields = new ArrayList<>(List.of(
            new FieldView("Workload Partition Name", 0, true, FieldView.Kind.TEXT, "", "+", 25),
            new FieldView("Start Workload Partition?", 0, false, FieldView.Kind.FIXED, "no", "+", 0)));

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        boolean ascii = List.of(args).contains("--ascii");
        int rc = Tui.run(TuiDemo::new, new TuiOptions(ascii, env, Map.of("SMITTY_DEMO_SHELL", "yes"),
                Shell.defaultCommand(env), List.of(args).contains("-f")), System.err);
        System.out.println("demo exit " + rc);
        System.exit(rc);
    }

    @Override
    public Frame frame(int cols, int rows) {
        if (pager != null) {
            return Frame.of(pager.view(OutputView.Status.OK, true, false, cols, rows));
        }
        if (dialog != null) {
            DialogView d = dialog.view(rows);
            return list == null ? Frame.of(d) : Frame.of(d, list.view(rows));
        }
        return Frame.of(menu.view(rows));
    }

    @Override
    public Outcome handle(Action a, Ui ui) {
        switch (a.kind()) {
            case EXIT:
                return Outcome.EXIT;
            case SHELL:
                ui.shell();
                return Outcome.CONTINUE;
            case IMAGE:
                String file = System.getProperty("tui.demo.image");
                if (file != null) {
                    try {
                        Files.writeString(Path.of(file), ui.image(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                                StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        ui.beep();
                    }
                }
                return Outcome.CONTINUE;
            default:
                break;
        }
        if (pager != null) {
            if (a.kind() == Action.Kind.CANCEL) {
                pager = null;
            } else {
                pager.handle(a);
            }
            return Outcome.CONTINUE;
        }
        if (list != null) {
            Intent i = list.handle(a);
            if (i.kind() == Intent.Kind.PICK) {
                fields.set(0, fields.get(0).withValue(List.of("w1", "w2", "w3").get(list.chosen().get(0))));
                dialog.update(fields);
                list = null;
            } else if (a.kind() == Action.Kind.CANCEL) {
                list = null;
            }
            return Outcome.CONTINUE;
        }
        if (dialog != null) {
            Intent i = dialog.handle(a);
            switch (i.kind()) {
                case CHANGED:
                    fields.set(i.index(), fields.get(i.index()).withValue(i.text()));
                    break;
                case LIST:
                    list = new ListNav("Workload Partition Name", false, List.of("w1", "w2", "w3"), List.of());
                    break;
                case RING_NEXT:
                case RING_PREV:
                    if (i.index() == 1) {
                        fields.set(1, fields.get(1).withValue(fields.get(1).value().equals("no") ? "yes" : "no"));
                        dialog.update(fields);
                    }
                    break;
                case RUN:
                    pager = new Pager(true);
                    pager.set(List.of("demo " + fields.get(0).value() + " start=" + fields.get(1).value()));
                    break;
                case BEEP:
                    ui.beep();
                    break;
                default:
                    if (a.kind() == Action.Kind.CANCEL || a.kind() == Action.Kind.INTERRUPT) {
                        dialog = null;
                    }
            }
            return Outcome.CONTINUE;
        }
        Intent i = menu.handle(a);
        if (i.kind() == Intent.Kind.OPEN) {
            dialog = new DialogNav("Create a System Workload Partition", false, fields, 0);
        } else if (a.kind() == Action.Kind.CANCEL) {
            return Outcome.EXIT;
        }
        return Outcome.CONTINUE;
    }
}
