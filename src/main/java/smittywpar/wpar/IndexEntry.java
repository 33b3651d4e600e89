package smittywpar.wpar;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of the WPAR index ({@code wpars.idx}): what listings and conflict checks need without
 * reading every WPAR file. Tab-separated: name, state, type, hostname, directory, rootvg, and the
 * networks as {@code interface/address/netmask/broadcast/address6/prefixlen} separated by blanks.
 */
public record IndexEntry(String name, State state, char type, String hostname, String directory, boolean rootvg,
        String nets) {

    public static IndexEntry of(Wpar w) {
        StringBuilder sb = new StringBuilder();
        for (Wpar.Network n : w.networks) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(n.iface).append('/').append(n.address).append('/').append(n.netmask).append('/')
                    .append(n.broadcast).append('/').append(n.address6).append('/').append(n.prefixlen);
        }
        return new IndexEntry(w.name, w.state, w.type, w.hostname, w.directory, w.rootvg, sb.toString());
    }

    /** The value of one of the attributes the index holds, as lswpar shows it (null for the others). */
    public String get(Attribute a) {
        return switch (a) {
            case NAME -> name;
            case STATE -> String.valueOf(state.letter);
            case TYPE -> String.valueOf(type);
            case HOSTNAME -> hostname;
            case DIRECTORY -> directory;
            case ROOTVG -> rootvg ? "yes" : "no";
            default -> null;
        };
    }

    /** The networks, parsed when asked for (a listing of thousands of WPARs does not need them). */
    public List<Wpar.Network> networks() {
        List<Wpar.Network> out = new ArrayList<>();
        if (nets.isEmpty()) {
            return out;
        }
        for (String n : nets.split(" ")) {
            String[] p = n.split("/", -1);
            Wpar.Network net = new Wpar.Network();
            net.iface = p[0];
            net.address = p[1];
            net.netmask = p[2];
            net.broadcast = p[3];
            net.address6 = p[4];
            net.prefixlen = p[5];
            out.add(net);
        }
        return out;
    }

    public String line() {
        return name + '\t' + state.letter + '\t' + type + '\t' + hostname + '\t' + directory + '\t'
                + (rootvg ? "yes" : "no") + '\t' + nets;
    }

    /** Parses a line, or returns null when it is malformed. */
    public static IndexEntry parse(String line) {
        String[] f = new String[7];
        int from = 0;
        for (int i = 0; i < 6; i++) {
            int tab = line.indexOf('\t', from);
            if (tab < 0) {
                return null;
            }
            f[i] = line.substring(from, tab);
            from = tab + 1;
        }
        f[6] = line.substring(from);
        if (f[6].indexOf('\t') >= 0 || f[0].isEmpty() || f[1].length() != 1 || f[2].length() != 1
                || !wellFormed(f[6])) {
            return null;
        }
        State st = State.ofLetter(f[1].charAt(0));
        char type = f[2].charAt(0);
        if (st == null || (type != 'S' && type != 'A')) {
            return null;
        }
        return new IndexEntry(f[0], st, type, f[3], f[4], f[5].equals("yes"), f[6]);
    }

    /** Blank-separated groups of exactly six '/'-separated fields (without splitting them). */
    private static boolean wellFormed(String nets) {
        if (nets.isEmpty()) {
            return true;
        }
        int slashes = 0;
        for (int i = 0; i < nets.length(); i++) {
            char c = nets.charAt(i);
            if (c == '/') {
                slashes++;
            } else if (c == ' ') {
                if (slashes != 5) {
                    return false;
                }
                slashes = 0;
            }
        }
        return slashes == 5;
    }
}
