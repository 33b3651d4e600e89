package smittywpar.host;

import smittywpar.base.Text;

/** IPv4/IPv6 address helpers (validation, networks, AIX notation). */
public final class Ip {
    private Ip() {
    }

    /** The 32-bit value of a dotted-decimal IPv4 address, or -1 when it is not one. */
    public static long v4(String s) {
        if (s == null || s.isEmpty() || s.length() > 15) {
            return -1;
        }
        long value = 0;
        int parts = 0;
        int i = 0;
        int n = s.length();
        while (i <= n) {
            int start = i;
            int octet = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                octet = octet * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == start || i - start > 3 || octet > 255) {
                return -1;
            }
            value = (value << 8) | octet;
            parts++;
            if (i == n) {
                break;
            }
            if (s.charAt(i) != '.') {
                return -1;
            }
            i++;
        }
        return parts == 4 ? value : -1;
    }

    public static boolean isV4(String s) {
        return v4(s) >= 0;
    }

    /** True for a contiguous netmask in dotted-decimal form. */
    public static boolean isNetmask(String s) {
        long m = v4(s);
        if (m < 0) {
            return false;
        }
        long inv = ~m & 0xFFFFFFFFL;
        return (inv & (inv + 1)) == 0;
    }

    public static String v4String(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }

    public static String broadcast(String address, String netmask) {
        long a = v4(address);
        long m = v4(netmask);
        return v4String((a & m) | (~m & 0xFFFFFFFFL));
    }

    /** The netmask of an IPv4 address's class (A, B, or C and above), as ifconfig defaults it. */
    public static String classMask(String address) {
        long first = v4(address) >> 24;
        return first < 128 ? "255.0.0.0" : first < 192 ? "255.255.0.0" : "255.255.255.0";
    }

    public static boolean sameNetwork(String a, String b, String netmask) {
        long m = v4(netmask);
        return (v4(a) & m) == (v4(b) & m);
    }

    /** The netmask as ifconfig prints it: 0xffffff00. */
    public static String hexMask(String netmask) {
        return "0x" + Text.hex(v4(netmask), 8);
    }

    /** A loose but safe IPv6 check: hex groups separated by colons, at most one "::". */
    public static boolean isV6(String s) {
        if (s == null || s.isEmpty() || s.length() > 45 || s.indexOf(':') < 0) {
            return false;
        }
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            return false;
        }
        String[] groups = s.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (g.isEmpty()) {
                continue;
            }
            if (i == groups.length - 1 && g.contains(".")) {
                if (!isV4(g)) {
                    return false;
                }
                count += 2;
                continue;
            }
            if (g.length() > 4) {
                return false;
            }
            for (int k = 0; k < g.length(); k++) {
                if (Character.digit(g.charAt(k), 16) < 0) {
                    return false;
                }
            }
            count++;
        }
        return dbl >= 0 ? count < 8 : count == 8;
    }
}
