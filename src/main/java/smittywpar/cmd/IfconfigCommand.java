package smittywpar.cmd;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import smittywpar.host.Host;
import smittywpar.host.Ip;
import smittywpar.msg.Messages;
import smittywpar.wpar.IndexEntry;
import smittywpar.wpar.State;
import smittywpar.wpar.Wpar;

/**
 * ifconfig -a | ifconfig IF: global interfaces, with the addresses of active WPARs as aliases;
 * inside a WPAR, only the interfaces that carry its addresses (and the loopback).
 */
final class IfconfigCommand extends ParsedCommand<Getopt> {
    /** The flags, in {@link Getopt}'s syntax (also the option table of the man page and the completion). */
    static final String OPTIONS = "a";

    @Override
    Getopt parse(List<String> args) {
        Getopt g = new Getopt("ifconfig", OPTIONS, "usage.ifconfig").parse(args);
        if (g.has('a') == !g.operands().isEmpty() || g.operands().size() > 1) {
            throw g.usage();
        }
        return g;
    }

    @Override
    int run(Invocation inv, Getopt g) {
        return HostCommand.read(inv, "ifconfig", c -> {
            Host h = c.host();
            List<IndexEntry> active = new ArrayList<>();
            if (inv.wpar() != null) {
                active.add(c.entry(inv.wpar()));
            } else {
                for (IndexEntry e : c.entries()) {
                    if (e.state() == State.ACTIVE) {
                        active.add(e);
                    }
                }
            }
            List<Host.Interface> shown = new ArrayList<>();
            for (Host.Interface i : h.interfaces) {
                if (inv.wpar() == null || i.name.startsWith("lo") || carries(active.get(0), i)) {
                    shown.add(i);
                }
            }
            if (!g.has('a')) {
                String name = g.operands().get(0);
                shown.removeIf(i -> !i.name.equals(name));
                if (shown.isEmpty()) {
                    inv.err().println(Messages.get("ifconfig.nodev", name));
                    return 1;
                }
            }
            PrintStream out = inv.out();
            for (Host.Interface i : shown) {
                out.println(i.name + ": flags=" + i.flags);
                boolean own = inv.wpar() == null || i.name.startsWith("lo");
                if (own) {
                    printInet(out, i.address, i.netmask);
                    if (i.address6 != null && !i.address6.isEmpty()) {
                        out.println("        inet6 " + i.address6);
                    }
                }
                for (IndexEntry e : active) {
                    if (i.name.startsWith("lo")) {
                        if (e.type() == 'S' && inv.wpar() == null) {
                            printInet(out, i.address, i.netmask);
                            if (i.address6 != null && !i.address6.isEmpty()) {
                                out.println("        inet6 " + i.address6);
                            }
                        }
                        continue;
                    }
                    for (Wpar.Network n : e.networks()) {
                        if (n.iface.equals(i.name)) {
                            if (!n.address.isEmpty()) {
                                printInet(out, n.address, n.netmask);
                            }
                            if (!n.address6.isEmpty()) {
                                out.println("        inet6 " + n.address6 + "/" + n.prefixlen);
                            }
                        }
                    }
                }
                out.println("         " + i.tcp);
            }
            return 0;
        });
    }

    /** True when a WPAR has an address on interface {@code i}. */
    private static boolean carries(IndexEntry e, Host.Interface i) {
        for (Wpar.Network n : e.networks()) {
            if (n.iface.equals(i.name)) {
                return true;
            }
        }
        return false;
    }

    private static void printInet(PrintStream out, String address, String netmask) {
        out.println("        inet " + address + " netmask " + Ip.hexMask(netmask) + " broadcast "
                + Ip.broadcast(address, netmask));
    }
}
