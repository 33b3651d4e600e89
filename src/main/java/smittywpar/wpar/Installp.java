package smittywpar.wpar;

import java.util.ArrayList;
import java.util.List;

import smittywpar.host.Host;
import smittywpar.msg.AixException;

/**
 * installp in the global environment: applies (and commits) filesets from the installation
 * images of an update source ({@link Host.Image}), commits applied ones, lists a source. The
 * global environment's usr and root parts move together; the root parts kept in shared WPARs do
 * not (see {@link Software}). A run that cannot install every selected fileset installs none.
 */
public final class Installp {
    private Installp() {
    }

    /** A fileset named on the command line, with the level asked for (null: the newest on the source). */
    public record Selection(String name, String level) {
        @Override
        public String toString() {
            return level == null ? name : name + " " + level;
        }
    }

    /**
     * installp -a [-c] -d DEVICE {selections | all}: verification, then the run; exit status 1
     * (nothing changed) when a selection is not on the source.
     */
    public static int apply(Transaction c, String device, List<Selection> selections, boolean commit,
            boolean preview) {
        Host host = preview ? c.host() : c.hostForUpdate();
        List<Host.Image> images = host.images(device);
        if (images.isEmpty()) {
            throw AixException.of("installp.nodevice", device);
        }
        List<Host.Image> chosen = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if (selections.isEmpty()) {
            for (Host.Image i : images) {
                Host.Image best = newest(images, i.name, null);
                if (!chosen.contains(best)) {
                    chosen.add(best);
                }
            }
        } else {
            for (Selection s : selections) {
                Host.Image best = newest(images, s.name(), s.level());
                if (best == null) {
                    missing.add(s.toString());
                } else if (!chosen.contains(best)) {
                    chosen.add(best);
                }
            }
        }
        List<InstallpReport.Item> selected = new ArrayList<>();
        List<InstallpReport.Item> already = new ArrayList<>();
        List<Host.Image> toApply = new ArrayList<>();
        for (Host.Image i : chosen) {
            Host.Fileset f = host.fileset(i.name);
            InstallpReport.Item item = new InstallpReport.Item(i.name, i.level, i.description, true, i.root, false);
            if (f != null && Host.compareLevels(i.level, f.level) <= 0) {
                already.add(item);
            } else {
                selected.add(item);
                toApply.add(i);
            }
        }
        InstallpReport.verification(c.con, new InstallpReport.Verification(selected, missing, already), preview);
        if (!missing.isEmpty()) {
            throw AixException.of("installp.failed", missing.size());
        }
        if (preview || selected.isEmpty()) {
            return 0;
        }
        InstallpReport.run(c.con, selected, commit, true);
        for (Host.Image i : toApply) {
            Host.Fileset f = host.fileset(i.name);
            if (f == null) {
                f = new Host.Fileset();
                f.name = i.name;
                host.filesets.add(f);
            }
            f.level = i.level;
            f.description = i.description;
            f.root = i.root;
            f.applied = !commit;
        }
        return 0;
    }

    /** The newest image of {@code name} on a source, or the one of level {@code level}; null when none. */
    private static Host.Image newest(List<Host.Image> images, String name, String level) {
        Host.Image best = null;
        for (Host.Image i : images) {
            if (i.name.equals(name) && (level == null ? best == null || Host.compareLevels(i.level, best.level) > 0
                    : i.level.equals(level))) {
                best = i;
            }
        }
        return best;
    }

    /** installp -c {names | all}: commits the applied filesets named (all: every applied one). */
    public static int commit(Transaction c, List<String> names, boolean preview) {
        Host host = preview ? c.host() : c.hostForUpdate();
        List<InstallpReport.Item> items = new ArrayList<>();
        List<Host.Fileset> sets = new ArrayList<>();
        for (Host.Fileset f : host.filesets) {
            if (f.applied && (names.isEmpty() || names.contains(f.name))) {
                items.add(new InstallpReport.Item(f.name, f.level, f.description, true, f.root, false));
                sets.add(f);
            }
        }
        if (items.isEmpty()) {
            c.con.say("installp.noapplied");
            return 0;
        }
        if (preview) {
            InstallpReport.verification(c.con, new InstallpReport.Verification(items, List.of(), List.of()), true);
            return 0;
        }
        InstallpReport.commit(c.con, items);
        for (Host.Fileset f : sets) {
            f.applied = false;
        }
        return 0;
    }

    /** installp -l -d DEVICE: the filesets a source holds. */
    public static int list(Transaction c, String device) {
        List<Host.Image> images = c.host().images(device);
        if (images.isEmpty()) {
            throw AixException.of("installp.nodevice", device);
        }
        c.con.say("installp.listhead");
        for (Host.Image i : images) {
            c.con.outln("  " + smittywpar.base.Text.left(i.name, 27) + " " + smittywpar.base.Text.left(i.level, 26)
                    + " I  N " + (i.root ? "usr,root" : "usr"));
            c.con.outln("  #   " + i.description);
        }
        c.con.outln("");
        return 0;
    }
}
