package smittywpar.host;

/**
 * The one rule for host names, of the global environment ({@code hostname NAME}) and of workload
 * partitions ({@code mkwpar -h}, {@code chwpar -h}): 1 to 255 characters (AIX's MAXHOSTNAMELEN is
 * 256 with the terminating byte), letters, digits, {@code . - _}, beginning and ending with a
 * letter or digit.
 */
public final class HostNames {
    public static final int MAX = 255;

    private HostNames() {
    }

    public static boolean valid(String h) {
        int n = h.length();
        if (n == 0 || n > MAX || !letterOrDigit(h.charAt(0)) || !letterOrDigit(h.charAt(n - 1))) {
            return false;
        }
        for (int i = 1; i < n - 1; i++) {
            char c = h.charAt(i);
            if (!letterOrDigit(c) && c != '.' && c != '-' && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean letterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
