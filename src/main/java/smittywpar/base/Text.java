package smittywpar.base;

/**
 * Padding and number layouts for AIX output, by hand: java.util.Formatter parses its format
 * strings with regular expressions, which costs a young JVM milliseconds per command.
 */
public final class Text {
    private Text() {
    }

    /**
     * True when {@code s} is 1 to {@code max} ASCII digits. Not Character.isDigit, nor what
     * Long.parseLong accepts: both take the digits of other scripts too.
     */
    public static boolean digits(String s, int max) {
        if (s.isEmpty() || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code s} padded with blanks on the right to {@code width} (like %-Ns). */
    public static String left(String s, int width) {
        int pad = width - s.length();
        return pad <= 0 ? s : s + " ".repeat(pad);
    }

    /** {@code s} padded with blanks on the left to {@code width} (like %Ns). */
    public static String right(String s, int width) {
        int pad = width - s.length();
        return pad <= 0 ? s : " ".repeat(pad) + s;
    }

    /** {@code n} with leading zeros to {@code width} digits (like %0Nd). */
    public static String zeros(long n, int width) {
        String s = Long.toString(n);
        int pad = width - s.length();
        return pad <= 0 ? s : "0".repeat(pad) + s;
    }

    /** {@code n} in lower-case hexadecimal with leading zeros to {@code width} digits (like %0Nx). */
    public static String hex(long n, int width) {
        String s = Long.toHexString(n);
        int pad = width - s.length();
        return pad <= 0 ? s : "0".repeat(pad) + s;
    }

    /** {@code x} with two decimals, rounded half up (like %.2f for the sizes df prints). */
    public static String fixed2(double x) {
        long cents = Math.round(x * 100);
        String sign = cents < 0 ? "-" : "";
        cents = Math.abs(cents);
        return sign + (cents / 100) + "." + zeros(cents % 100, 2);
    }
}
