package smittywpar.wpar;

import smittywpar.msg.AixException;

/** The WPAR name rules of mkwpar, chwpar and wparexec. */
public final class Names {
    /** Characters a WPAR name may not contain (besides white space). */
    static final String FORBIDDEN = "=:/!;`'\"<>~&()*+[],.^{}|\\%";
    public static final int MAX_BYTES = 25;

    private Names() {
    }

    /** True when {@code name} follows every rule. */
    public static boolean valid(String name) {
        try {
            check("", name);
            return true;
        } catch (AixException e) {
            return false;
        }
    }

    /** Throws an AIX-style error naming the first rule {@code name} breaks. */
    public static void check(String prog, String name) {
        if (name == null || name.isEmpty()) {
            throw AixException.of("name.empty", prog);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c > 126 || c < 32) {
                throw AixException.of("name.ascii", prog, printable(name));
            }
        }
        if (name.length() > MAX_BYTES) {
            throw AixException.of("name.toolong", prog, name, MAX_BYTES);
        }
        if (name.charAt(0) == '-' || name.charAt(0) == '0') {
            throw AixException.of("name.badstart", prog, name);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ' ' || FORBIDDEN.indexOf(c) >= 0) {
                throw AixException.of("name.badchar", prog, name, c == ' ' ? "blank" : String.valueOf(c));
            }
        }
    }

    /** Replaces control and non-ASCII characters by '?' for safe display. */
    public static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c < 32 || c > 126 ? '?' : c);
        }
        return sb.toString();
    }
}
