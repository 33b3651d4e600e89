package smittywpar.wpar;

import smittywpar.host.Host;
import smittywpar.msg.AixException;

/**
 * The logical volumes of the local (jfs2, jfs) file systems of workload partitions: allocated in
 * a volume group of the host in whole physical partitions, named with the lowest free fslvNN (as
 * mklv does), grown by chwpar and released by rmwpar and chwpar -K.
 */
final class LogicalVolumes {
    private LogicalVolumes() {
    }

    /** The volume group of a WPAR file system: its own vg=, else the WPAR's. */
    static Host.VolumeGroup vg(Host host, Wpar w, Wpar.Mount m) {
        return host.vg(m.vg.isEmpty() ? w.vg : m.vg);
    }

    /** Physical partitions of {@code vg} that {@code sizeMb} needs (rounded up). */
    static int pps(Host.VolumeGroup vg, int sizeMb) {
        return (sizeMb + vg.ppSizeMb - 1) / vg.ppSizeMb;
    }

    /**
     * Creates the logical volume of a new local file system: its size becomes whole physical
     * partitions, it gets the volume group and an fslvNN device.
     *
     * @throws AixException when the volume group has not enough free partitions
     */
    static void allocate(String prog, Host host, Wpar w, Wpar.Mount m) {
        allocate(prog, host, w, m, null);
    }

    /** As {@link #allocate(String, Host, Wpar, Wpar.Mount)}, named {@code lvName} when it is free (restwpar). */
    static void allocate(String prog, Host host, Wpar w, Wpar.Mount m, String lvName) {
        Host.VolumeGroup vg = vg(host, w, m);
        int pps = pps(vg, m.sizeMb);
        int free = host.totalPps(vg) - host.usedPps(vg);
        if (pps > free) {
            throw AixException.of("vg.nospace", prog, vg.name, pps, free);
        }
        vg.wparPps += pps;
        m.sizeMb = pps * vg.ppSizeMb;
        m.vg = vg.name;
        m.dev = "/dev/" + (lvName == null ? host.allocateFslv() : host.allocateFslv(lvName));
    }

    /**
     * Grows the logical volume of a local file system to {@code sizeMb} (rounded up to whole
     * partitions); a file system never shrinks.
     */
    static void grow(String prog, Host host, Wpar w, Wpar.Mount m, int sizeMb) {
        Host.VolumeGroup vg = vg(host, w, m);
        int have = pps(vg, m.sizeMb);
        int want = pps(vg, sizeMb);
        if (want < have) {
            throw AixException.of("mount.shrink", prog, w.globalPath(m.directory), m.sizeMb + "M");
        }
        int free = host.totalPps(vg) - host.usedPps(vg);
        if (want - have > free) {
            throw AixException.of("vg.nospace", prog, vg.name, want - have, free);
        }
        vg.wparPps += want - have;
        m.sizeMb = want * vg.ppSizeMb;
    }

    /**
     * Gives the partitions and the fslvNN name of a removed file system back to the host.
     *
     * @return the logical volume's name, or null when the file system has none
     */
    static String release(Host host, Wpar w, Wpar.Mount m) {
        if (!m.hasLv() || !m.dev.startsWith("/dev/")) {
            return null;
        }
        String lv = m.dev.substring(5);
        Host.VolumeGroup vg = vg(host, w, m);
        if (vg != null) {
            vg.wparPps = Math.max(0, vg.wparPps - pps(vg, m.sizeMb));
        }
        host.releaseLv(lv);
        return lv;
    }
}
