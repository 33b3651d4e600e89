package smittywpar.cmd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import smittywpar.testkit.Sim;

/**
 * The discovery contract of the Change/Show dialogs (docs/chwpar.md): every value a discovery
 * command shows can be fed back to chwpar unchanged, and doing so changes nothing, whether the
 * WPAR is Defined or Active. Each test composes the chwpar command lines a dialog would run from
 * the colon output, runs them and compares every state file byte for byte.
 */
class DiscoveryRoundTripTest {
    @TempDir
    Path tmp;

    Sim sim;

    @BeforeEach
    void setUp() {
        sim = new Sim(tmp.resolve("home"));
        ok("mkwpar -n dlg -h dlg.example.com -A -i -u /usr/local/bin/start.sh"
                + " -N interface=en1 address=192.168.10.70 netmask=255.255.255.0"
                + " -I rtdest=10.50.0.0 rtgateway=192.168.10.1 rtnetmask=255.255.0.0 rttype=net"
                + " -M directory=/data size=128M -M directory=/share vfs=namefs dev=/usr/share mountopts=ro"
                + " -R shares_CPU=20 CPU=5%-40%,70% totalProcesses=300 totalThreads=900 procVirtMem=1G"
                + " -S privs+=PV_ROOT -D devname=hdisk1");
        ok("chwpar -N interface=en1 address6=fe80::20 prefixlen=64 dlg");
        ok("chwpar -M directory=/nfs vfs=nfs host=nfssrv dev=/export/nfs mountopts=rw,bg dlg");
        ok("chwpar -x -X kext=/usr/lib/drivers/xdd local=yes -D devname=/dev/null export=no dlg");
        ok("chwpar -U 1b4e28ba-2fa1-11d2-883f-0016d3cca427 dlg");
        ok("mkwpar -n rvd -D devname=hdisk2 rootvg=yes");
        ok("chwpar -B devname=hdisk3 rvd");
        ok("chwpar -b 1,0 rvd");
    }

    private Sim.Result ok(String line) {
        Sim.Result r = sim.run(line);
        assertThat(r.exit()).as("%s\n%s", line, r.err()).isZero();
        return r;
    }

    /**
     * Runs discovery; returns the rows as field -> value maps (the header line names the fields; a
     * colon inside a value comes escaped as #!:, as SMIT reads colon format).
     */
    private List<Map<String, String>> discover(String line) {
        String out = ok(line).out();
        List<String> lines = List.of(out.split("\n"));
        assertThat(lines.get(0)).as("header of %s", line).startsWith("#");
        ColonFormat.Table t = ColonFormat.read(lines);
        assertThat(t.rows()).as("rows of %s", line).hasSize(lines.size() - 1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < t.rows().size(); i++) {
            List<String> v = t.rows().get(i);
            assertThat(v).as("row of %s: %s", line, lines.get(i + 1)).hasSameSizeAs(t.names());
            Map<String, String> row = new LinkedHashMap<>();
            for (int k = 0; k < v.size(); k++) {
                row.put(t.names().get(k), v.get(k));
            }
            rows.add(row);
        }
        return rows;
    }

    /** Runs chwpar with these arguments and checks that it succeeded without changing anything. */
    private void noEffect(List<String> args) {
        Map<String, String> before = sim.snapshot();
        Sim.Result r = sim.run("chwpar", args);
        assertThat(r.exit()).as("chwpar %s\n%s", String.join(" ", args), r.err()).isZero();
        assertThat(r.out()).as("chwpar %s", String.join(" ", args)).isEmpty();
        assertThat(sim.snapshot()).as("state after chwpar %s", String.join(" ", args)).isEqualTo(before);
    }

    private void inState(String state, String name) {
        if (state.equals("A")) {
            ok("startwpar " + name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"D", "A"})
    void generalCharacteristics(String state) {
        inState(state, "dlg");
        for (String name : new String[] {"dlg", "rvd"}) {
            Map<String, String> g = discover("lswpar -cG " + name).get(0);
            assertThat(g.get("state")).isEqualTo(name.equals("dlg") ? state : "D");
            List<String> set = new ArrayList<>(List.of("-h", g.get("hostname"), "-d", g.get("directory"), "-u",
                    g.get("script"), "-H", g.get("architecture"), "-U", g.get("uuid")));
            List<String> unset = new ArrayList<>(List.of("-K"));
            String[][] yesNo = {{"auto", "-A"}, {"routing", "-i"}, {"xwparipc", "-x"}, {"checkpointable", "-c"}};
            for (String[] f : yesNo) {
                (g.get(f[0]).equals("yes") ? set : unset).add(f[1]);
            }
            set.add(name);
            unset.add(name);
            noEffect(set);
            noEffect(unset);
        }
        // the example form of the issue: -a with the dialog's fields
        Map<String, String> a = discover("lswpar -c -a name,hostname,directory,script,auto dlg").get(0);
        assertThat(a).containsEntry("hostname", "dlg.example.com").containsEntry("auto", "yes")
                .containsEntry("script", "/usr/local/bin/start.sh");
    }

    @ParameterizedTest
    @ValueSource(strings = {"D", "A"})
    void networkInterfaces(String state) {
        inState(state, "dlg");
        List<String> args = new ArrayList<>();
        int loopback = 0;
        for (Map<String, String> n : discover("lswpar -cN dlg")) {
            if (n.get("interface").equals("lo0")) {
                loopback++;
                continue;
            }
            args.add("-N");
            args.add("interface=" + n.get("interface"));
            if (n.get("address").contains(":")) {
                args.add("address6=" + n.get("address"));
                args.add("prefixlen=" + n.get("mask_prefix"));
            } else {
                args.add("address=" + n.get("address"));
                args.add("netmask=" + n.get("mask_prefix"));
                args.add("broadcast=" + n.get("broadcast"));
            }
        }
        assertThat(loopback).as("the network views list the configured interfaces only, never lo0").isZero();
        assertThat(args).hasSize(9);
        args.add("dlg");
        noEffect(args);
        // the Remove dialog's list: addresses that -K -N accepts
        List<String> addresses = new ArrayList<>();
        for (Map<String, String> n : discover("lswpar -c -N -a name,address dlg")) {
            addresses.add(n.get("address"));
        }
        assertThat(addresses).contains("192.168.10.70", "fe80::20");
    }

    @ParameterizedTest
    @ValueSource(strings = {"D", "A"})
    void routes(String state) {
        inState(state, "dlg");
        List<String> args = new ArrayList<>();
        for (Map<String, String> r : discover("lswpar -cI dlg")) {
            args.addAll(List.of("-I", "rtdest=" + r.get("rtdest"), "rtgateway=" + r.get("rtgateway"),
                    "rtinterface=" + r.get("rtinterface"), "rttype=" + r.get("rttype"),
                    "rtfamily=" + r.get("rtfamily")));
        }
        assertThat(args).isNotEmpty();
        args.add("dlg");
        noEffect(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"D", "A"})
    void fileSystems(String state) {
        inState(state, "dlg");
        String base = discover("lswpar -c -a name,directory dlg").get(0).get("directory");
        List<String> args = new ArrayList<>();
        for (Map<String, String> m : discover("lswpar -cM dlg")) {
            String mp = m.get("mountpoint");
            String dir = mp.equals(base) ? "/" : mp.substring(base.length());
            String opts = m.get("options").replaceAll("(^|,)log=[^,]*", "");
            args.addAll(List.of("-M", "directory=" + dir, "vfs=" + m.get("vfs"), "dev=" + m.get("device"),
                    "host=" + m.get("nodename"), "mountopts=" + opts));
        }
        assertThat(args).hasSize(60);
        args.add("dlg");
        noEffect(args);
        // the mount point shown is what -K -M, mount and umount take
        Map<String, String> before = sim.snapshot();
        ok("chwpar -K -M directory=" + base + "/nfs dlg");
        assertThat(sim.snapshot()).isNotEqualTo(before);
        assertThat(ok("lswpar -c -q -M -a mountpoint dlg").out()).doesNotContain(base + "/nfs\n")
                .contains(base + "/data\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"D", "A"})
    void resourceControls(String state) {
        inState(state, "dlg");
        Map<String, String> r = discover("lswpar -cR dlg").get(0);
        assertThat(r).containsEntry("CPU", "5%-40%,70%").containsEntry("procVirtMem", "1GB")
                .containsEntry("totalVirtMem", "").containsEntry("pct_pinMem", "");
        // as the dialog does: the state is not a resource control, and an unset (empty) limit is not sent
        List<String> args = new ArrayList<>(List.of("-R"));
        for (var e : r.entrySet()) {
            if (!e.getKey().equals("name") && !e.getKey().equals("state") && !e.getValue().isEmpty()) {
                args.add(e.getKey() + "=" + e.getValue());
            }
        }
        args.add("dlg");
        noEffect(args);
        ok("chwpar -R active=no dlg");
        Map<String, String> off = discover("lswpar -cR dlg").get(0);
        assertThat(off).containsEntry("active", "no").containsEntry("CPU", "5%-40%,70%");
    }

    @ParameterizedTest
    @ValueSource(strings = {"D", "A"})
    void devicesSecurityKernelExtensions(String state) {
        inState(state, "dlg");
        List<String> args = new ArrayList<>();
        for (Map<String, String> d : discover("lswpar -cD dlg")) {
            args.addAll(List.of("-D", "devname=" + d.get("devname"), "devtype=" + d.get("devtype"),
                    "rootvg=" + d.get("rootvg"), "export=" + (d.get("devstatus").equals("UNEXPORTED") ? "no" : "yes")));
        }
        for (Map<String, String> x : discover("lswpar -cX dlg")) {
            args.addAll(List.of("-X", "kext=" + x.get("kext"), "local=" + x.get("local"), "major=" + x.get("major")));
        }
        args.addAll(List.of("-S", "privs=" + discover("lswpar -cS dlg").get(0).get("privs"), "dlg"));
        noEffect(args);
    }

    @Test
    void bootSets() {
        Map<String, String> b = discover("lswpar -cb rvd").get(0);
        assertThat(b).containsEntry("bootlist", "1,0");
        noEffect(List.of("-b", b.get("bootlist"), "rvd"));
        ok("chwpar -K -b rvd");
        noEffect(List.of("-b", discover("lswpar -cb rvd").get(0).get("bootlist"), "rvd"));
        assertThat(discover("lswpar -cBr rvd")).hasSize(2);
    }
}
