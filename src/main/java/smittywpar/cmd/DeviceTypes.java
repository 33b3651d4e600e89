package smittywpar.cmd;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The device type of every device lsdev shows ({@code -F type}) and selects ({@code -t Type}):
 * the one table of the types, as AIX's predefined devices give each kind of device a type that
 * fixes its description. The names are chosen after AIX's (docs/AIX-FACTS.md, "lsdev device
 * types"): an optical drive that writes discs is a DVD-RAM drive, every other one a DVD-ROM
 * drive, so that {@code lsdev -Cc cdrom -t DVDRAM2} lists the drives mkcd and mkdvd write to.
 */
final class DeviceTypes {
    /** The type of an optical drive that writes discs (host.cf: writer = "yes"). */
    static final String WRITER = "DVDRAM2";
    /** The type of an optical drive that only reads discs. */
    static final String READER = "DVDROM";

    /** Types by description (the description follows from the type on AIX). */
    private static final Map<String, String> BY_DESCRIPTION = Map.of(
            "Virtual SCSI Disk Drive", "vdisk",
            "MPIO IBM 2076 FC Disk", "2076",
            "Virtual Fibre Channel Client Adapter", "IBM,vfc-client",
            "Virtual Tape Drive", "vtape",
            "Internet Network Extension", "inet",
            "ACF/PKCS#11 Device", "pkcs11",
            "Asynchronous Pseudo-Terminal", "pty",
            "System Object", "chrp",
            "WPAR I/O Subsystem", "wio");

    /** Types of the other devices by class; a class not here: the device name without its number. */
    private static final Map<String, String> BY_CLASS = Map.of("disk", "osdisk", "tape", "ost");

    private DeviceTypes() {
    }

    /** The types of the table, and those of the network interfaces (en, lo), sorted: what -t completes to. */
    static List<String> known() {
        TreeSet<String> all = new TreeSet<>(BY_DESCRIPTION.values());
        all.addAll(BY_CLASS.values());
        all.addAll(List.of(WRITER, READER, "en", "lo"));
        return List.copyOf(all);
    }

    /** The type of the device {@code name} of class {@code cls} described as {@code description}. */
    static String of(String cls, String name, String description, boolean writer) {
        if (cls.equals("cdrom")) {
            return writer ? WRITER : READER;
        }
        String t = cls.equals("if") ? null : BY_DESCRIPTION.get(description);
        if (t == null) {
            t = BY_CLASS.get(cls);
        }
        return t != null ? t : name.replaceAll("[0-9]+$", "");
    }
}
