package smittywpar.wpar;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of the WPAR index ({@code wpars.idx}): what listings and conflict checks need without
 * reading every WPAR file. Tab-separated: name, state, type, hostname, directory, rootvg, and the
 * networks as {@code interface/address/netmask/broadcast/address6/prefixlen} separated by blanks.
 */
public record IndexEntry(String name, State state, char type, String hostname, String directory, boolean rootvg,
        List<Wpar.Network> networks) {

    public static IndexEntry of(Wpar w) {
        return new IndexEntry(w.name, w.state, w.type, w.hostname, w.directory, w.rootvg, List.copyOf(w.networks));
    }

    public String line() {
        StringBuilder sb = new StringBuilder(96);
        sb.append(name).append('\t').append(state.letter).append('\t').append(type).append('\t').append(hostname)
                .append('\t').append(directory).append('\t').append(rootvg ? "yes" : "no").append('\t');
        boolean first = true;
        for (Wpar.Network n : networks) {
            if (!first) {
                sb.append(' ');
            }
            first = false;
            sb.append(n.iface).append('/').append(n.address).append('/').append(n.netmask).append('/')
                    .append(n.broadcast).append('/').append(n.address6).append('/').append(n.prefixlen);
        }
        return sb.toString();
    }

    /** Parses a line, or returns null when it is malformed. */
    public static IndexEntry parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 7 || f[0].isEmpty() || f[1].length() != 1 || f[2].length() != 1) {
            return null;
        }
        State st = State.ofLetter(f[1].charAt(0));
        char type = f[2].charAt(0);
        if (st == null || (type != 'S' && type != 'A')) {
            return null;
        }
        List<Wpar.Network> nets = new ArrayList<>();
        if (!f[6].isEmpty()) {
            for (String n : f[6].split(" ")) {
                String[] p = n.split("/", -1);
                if (p.length != 6) {
                    return null;
                }
                Wpar.Network net = new Wpar.Network();
                net.iface = p[0];
                net.address = p[1];
                net.netmask = p[2];
                net.broadcast = p[3];
                net.address6 = p[4];
                net.prefixlen = p[5];
                nets.add(net);
            }
        }
        return new IndexEntry(f[0], st, type, f[3], f[4], f[5].equals("yes"), nets);
    }
}
