package smittywpar.wpar;

import java.util.List;

import smittywpar.base.Text;
import smittywpar.host.HostNames;
import smittywpar.host.Ip;
import smittywpar.msg.Messages;

/**
 * The kinds of value of the WPAR {@link Attribute}s, each with its check of a value in the form
 * a WPAR file holds it (the strict reading of damaged files and the checks of typed values use
 * the same rules).
 */
public enum ValueType {
    /** printable ASCII */
    TEXT,
    YESNO("yes", "no"),
    /** ASCII digits only: a number, an id */
    DIGITS,
    /** a size: 512-byte blocks in a file (ASCII digits), blocks or 64M, 2G ... on a command line */
    BLOCKS,
    WPAR_NAME,
    HOSTNAME,
    /** an absolute path */
    PATH,
    /** the letter of a {@link State} */
    STATE,
    WPAR_TYPE("S", "A"),
    UUID,
    IPV4,
    NETMASK,
    IPV6,
    /** an IPv4 or IPv6 address */
    ADDRESS,
    /** an IPv6 prefix length, 0 to 128 */
    PREFIX,
    /** "default", or an IPv4 or IPv6 address */
    ROUTE_DEST,
    RTTYPE("net", "host"),
    RTFAMILY("inet", "inet6"),
    VFS("jfs2", "jfs", "nfs", "namefs", "directory"),
    DEVTYPE("clone", "pseudo", "disk", "tape", "cdrom", "adapter"),
    ARCHITECTURE("none", "pwr5", "pwr6", "pwr7", "pwr8", "pwr9", "pwr10"),
    /** octal permissions of a new file system's mount point, 3 or 4 digits */
    MODE,
    /** a comma-separated list of PV_ privileges */
    PRIVILEGES,
    /** blank-separated disk names */
    DISKS,
    /** boot set numbers separated by commas ("1,2,0"), each one to four ASCII digits */
    BOOTSETS,
    /** resource controls, in the form lswpar -R shows and the state file holds */
    RSET,
    SHARES,
    LIMITS,
    MEMSIZE,
    COUNT,
    PERCENT,
    /** blank-separated {@code fileset=level} words (levels such as 7.2.4.1) */
    LEVELS;

    private final List<String> choices;

    ValueType(String... choices) {
        this.choices = List.of(choices);
    }

    /** The values of a type that is a choice of words (empty for the others). */
    public List<String> choices() {
        return choices;
    }

    /** What a value of this type is, for the message that refuses one ("yes or no", "an IPv4 address"). */
    public String description() {
        if (!choices.isEmpty()) {
            return Messages.get("valuetype.choice", String.join(", ", choices));
        }
        // one key per type: valuetype.text, valuetype.digits, ... (WparCodecTest checks each is there)
        String key = "valuetype." + name().toLowerCase(java.util.Locale.ROOT);
        return Messages.get(key);
    }

    /** True for types whose file form is a number in ASCII digits. */
    public boolean numeric() {
        return this == DIGITS || this == BLOCKS || this == PREFIX;
    }

    /** True when {@code v} (not empty) is a well-formed value of this type in its file form. */
    public boolean valid(String v) {
        if (!choices.isEmpty()) {
            return choices.contains(v);
        }
        return switch (this) {
            case TEXT -> printable(v);
            case DIGITS, BLOCKS -> digits(v, 18);
            case WPAR_NAME -> Names.valid(v);
            case HOSTNAME -> HostNames.valid(v);
            case PATH -> v.startsWith("/") && printable(v);
            case STATE -> v.length() == 1 && State.ofLetter(v.charAt(0)) != null;
            case UUID -> uuid(v);
            case IPV4 -> Ip.isV4(v);
            case NETMASK -> Ip.isNetmask(v);
            case IPV6 -> Ip.isV6(v);
            case ADDRESS -> Ip.isV4(v) || Ip.isV6(v);
            case PREFIX -> digits(v, 3) && Integer.parseInt(v) <= 128;
            case ROUTE_DEST -> v.equals("default") || Ip.isV4(v) || Ip.isV6(v);
            case MODE -> (v.length() == 3 || v.length() == 4) && allOf(v, "01234567");
            case PRIVILEGES -> privileges(v);
            case DISKS, RSET -> printable(v) && v.indexOf('"') < 0;
            case BOOTSETS -> bootsets(v);
            case SHARES -> digits(v, 5) && Integer.parseInt(v) >= 1 && Integer.parseInt(v) <= 65535;
            case COUNT -> digits(v, 10) && Long.parseLong(v) >= 1 && Long.parseLong(v) <= Integer.MAX_VALUE;
            case PERCENT -> v.endsWith("%") && digits(v.substring(0, v.length() - 1), 3);
            case MEMSIZE -> (v.endsWith("MB") || v.endsWith("GB")) && digits(v.substring(0, v.length() - 2), 10);
            case LIMITS -> Resources.limits(v) != null;
            case LEVELS -> Software.parse(v) != null;
            default -> false;
        };
    }

    /** One to {@code max} ASCII digits (Character.isDigit also takes other scripts' digits). */
    public static boolean digits(String s, int max) {
        return Text.digits(s, max);
    }

    private static boolean bootsets(String v) {
        for (String n : v.split(",", -1)) {
            if (!digits(n, 4)) {
                return false;
            }
        }
        return true;
    }

    static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < 32 || s.charAt(i) > 126) {
                return false;
            }
        }
        return true;
    }

    private static boolean allOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean uuid(String v) {
        if (v.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = v.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : "0123456789abcdefABCDEF".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean privileges(String v) {
        for (String p : v.split(",", -1)) {
            if (!p.startsWith("PV_") || !allOf(p.substring(3), "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")) {
                return false;
            }
        }
        return true;
    }
}
