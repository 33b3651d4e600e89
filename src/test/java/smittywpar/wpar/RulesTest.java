package smittywpar.wpar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import smittywpar.host.Host;
import smittywpar.host.HostCodec;
import smittywpar.msg.AixException;

/**
 * The engine's rules for what a command asks, in plain JUnit on the default host: names, the
 * attribute words of -N -I -M -D, resource controls, privileges. The message is what the user
 * reads.
 */
class RulesTest {
    private final Host host;

    RulesTest() throws HostCodec.BadHost {
        host = HostCodec.parse(HostCodec.defaultHostText(1));
    }

    private static Map<String, String> words(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void workloadPartitionNames() {
        Names.check("mkwpar", "web01");
        Names.check("mkwpar", "a".repeat(25));
        assertThat(Names.valid("web_01-x")).isTrue();
        assertThatThrownBy(() -> Names.check("mkwpar", "")).hasMessage(
                "mkwpar: 0960-009 The workload partition name must not be empty.");
        assertThatThrownBy(() -> Names.check("mkwpar", "a".repeat(26))).hasMessage(
                "mkwpar: 0960-011 The workload partition name " + "a".repeat(26) + " is longer than 25 bytes.");
        assertThatThrownBy(() -> Names.check("mkwpar", "0web")).hasMessage(
                "mkwpar: 0960-012 The workload partition name 0web must not start with - or 0.");
        assertThatThrownBy(() -> Names.check("mkwpar", "web.1")).hasMessage(
                "mkwpar: 0960-013 The workload partition name web.1 contains a character that is not allowed: .");
        assertThatThrownBy(() -> Names.check("mkwpar", "w\u00e9b")).hasMessage(
                "mkwpar: 0960-010 Only ASCII characters are allowed in a workload partition name: w?b");
        assertThat(Names.valid("web 1")).isFalse();
    }

    @Test
    void aNetworkTakesInterfaceNetmaskAndBroadcastFromTheGlobalInterfaceOfItsNetwork() {
        Wpar.Network n = Attrs.network("mkwpar", words("address", "192.168.10.50"), host);
        assertThat(List.of(n.iface, n.netmask, n.broadcast)).containsExactly("en1", "255.255.255.0",
                "192.168.10.255");
        Wpar.Network v6 = Attrs.network("mkwpar", words("interface", "en0", "address6", "fe80::5"), host);
        assertThat(v6.prefixlen).isEqualTo("64");
        assertThatThrownBy(() -> Attrs.network("mkwpar", words("address", "10.9.9.9"), host)).hasMessage(
                "mkwpar: 0960-033 10.9.9.9 is not in the network of any global interface; name the interface with"
                        + " interface=.");
        assertThatThrownBy(() -> Attrs.network("mkwpar", words("interface", "lo0", "address", "127.0.0.5"), host))
                .hasMessage("mkwpar: 0960-034 The loopback interface lo0 cannot carry a workload partition address.");
        assertThatThrownBy(() -> Attrs.network("mkwpar", words("address", "192.168.10.300"), host))
                .hasMessage("mkwpar: 0960-035 192.168.10.300 is not a valid IPv4 address.");
        assertThatThrownBy(() -> Attrs.network("mkwpar", words("interface", "en0"), host))
                .hasMessage("mkwpar: 0960-031 The -N flag needs address= (IPv4) or address6= (IPv6).");
        assertThatThrownBy(() -> Attrs.network("mkwpar", words("interface", "en0", "address6", "fe80::5",
                "prefixlen", "129"), host)).hasMessage("mkwpar: 0960-039 129 is not a valid prefix length.");
    }

    @Test
    void routesNeedADestinationAndAGatewayOfTheirFamily() {
        Wpar.Route r = Attrs.route("chwpar", words("rtdest", "default", "rtgateway", "192.168.10.1"), host);
        assertThat(r.isDefault()).isTrue();
        assertThatThrownBy(() -> Attrs.route("chwpar", words("rtdest", "default"), host))
                .hasMessage("chwpar: 0960-043 A route needs both rtdest= and rtgateway=.");
        assertThatThrownBy(() -> Attrs.route("chwpar", words("rtdest", "default", "rtgateway", "192.168.10.1",
                "rttype", "bridge"), host)).hasMessage("chwpar: 0960-023 bridge is not a valid value for attribute rttype.");
        assertThatThrownBy(() -> Attrs.route("chwpar", words("rtdest", "default", "rtgateway", "192.168.10.1",
                "rtfamily", "ipx"), host)).hasMessage("chwpar: 0960-023 ipx is not a valid value for attribute rtfamily.");
    }

    @Test
    void fileSystemSizesAreBlocksOrUnitsAndOnlyLocalOnesHaveOne() {
        assertThat(Attrs.sizeMb("64M")).isEqualTo(64);
        assertThat(Attrs.sizeMb("2G")).isEqualTo(2048);
        assertThat(Attrs.sizeMb("1tb")).isEqualTo(1024 * 1024);
        assertThat(Attrs.sizeMb("131072")).isEqualTo(64);
        assertThat(Attrs.sizeMb("1")).isEqualTo(1);
        assertThat(Attrs.sizeMb("\u0666\u0664M")).isEqualTo(-1);
        assertThat(Attrs.sizeMb("-5M")).isEqualTo(-1);
        assertThat(Attrs.sizeMb("")).isEqualTo(-1);
        Wpar.Mount m = Attrs.mount("chwpar", words("directory", "/data", "size", "1G"), host);
        assertThat(List.of(m.vfs, String.valueOf(m.sizeMb))).containsExactly("jfs2", "1024");
        assertThatThrownBy(() -> Attrs.mount("chwpar", words("directory", "/n", "vfs", "nfs", "host", "h", "dev",
                "/x", "size", "1G"), host)).hasMessage(
                        "chwpar: 0960-050 size= applies only to local file systems (jfs2, jfs), not to nfs.");
        assertThatThrownBy(() -> Attrs.mount("chwpar", words("directory", "data"), host)).hasMessage(
                "chwpar: 0960-047 data is not a valid mount point; use an absolute path such as /data.");
        assertThatThrownBy(() -> Attrs.mount("chwpar", words("directory", "/d", "vfs", "ext4"), host)).hasMessage(
                "chwpar: 0960-048 ext4 is not a supported file system type (jfs2, jfs, nfs, namefs, directory).");
        assertThatThrownBy(() -> Attrs.mount("chwpar", words("directory", "/d", "mode", "0999"), host)).hasMessage(
                "chwpar: 0960-023 0999 is not a valid value for attribute mode.");
    }

    @Test
    void devicesAreTypedByWhatTheGlobalEnvironmentHas() {
        assertThat(Attrs.device("mkwpar", words("devname", "/dev/hdisk1"), host).devtype).isEqualTo("disk");
        assertThat(Attrs.device("mkwpar", words("devname", "fcs1"), host).devtype).isEqualTo("adapter");
        assertThat(Attrs.device("mkwpar", words("devname", "/dev/random"), host).devtype).isEqualTo("pseudo");
        assertThatThrownBy(() -> Attrs.device("mkwpar", words("devname", "hdisk9"), host)).hasMessage(
                "mkwpar: 0960-055 Device hdisk9 does not exist in the global environment.");
        assertThatThrownBy(() -> Attrs.device("mkwpar", words("devname", "fcs0", "rootvg", "yes"), host))
                .hasMessage("mkwpar: 0960-060 rootvg=yes needs a disk; fcs0 is not a disk.");
        assertThatThrownBy(() -> Attrs.device("mkwpar", words("devname", "hdisk1", "devtype", "tape"), host))
                .hasMessage("mkwpar: 0960-059 Device hdisk1 is of type disk, not tape.");
        assertThatThrownBy(() -> Attrs.device("mkwpar", words("devname", "hdisk1", "export", "maybe"), host))
                .hasMessage("mkwpar: 0960-023 maybe is not a valid value for attribute export.");
    }

    @Test
    void attributeWordsAreCheckedAgainstTheTable() {
        List<String> network = Attribute.words(Attribute.Section.NETWORK, 'c');
        assertThat(network).containsExactly("interface", "address", "netmask", "broadcast", "address6", "prefixlen");
        assertThat(Attrs.parse("chwpar", 'N', List.of("address=192.168.10.9", "interface=en1"), network))
                .containsExactly(Map.entry("address", "192.168.10.9"), Map.entry("interface", "en1"));
        assertThatThrownBy(() -> Attrs.parse("chwpar", 'N', List.of("ip=1.2.3.4"), network)).hasMessage(
                "chwpar: 0960-021 ip is not a valid attribute for the -N flag.\n"
                        + "chwpar: Hint: the IPv4 address is given with address=, for example address=192.168.10.50.");
        assertThatThrownBy(() -> Attrs.parse("chwpar", 'N', List.of("address=1", "address=2"), network))
                .hasMessage("chwpar: 0960-022 Attribute address is specified more than once for the -N flag.");
        assertThatThrownBy(() -> Attrs.parse("chwpar", 'N', List.of("address"), network))
                .hasMessage("chwpar: 0960-020 address is not of the form attribute=value (flag -N).");
        assertThatThrownBy(() -> Attrs.parse("chwpar", 'N', List.of("interface=\u00e9n0"), network))
                .hasMessage("chwpar: 0960-023 ?n0 is not a valid value for attribute interface.");
        assertThat(Attribute.words(Attribute.Section.EXTENSION, 'm')).as("mkwpar -X takes chwpar's words")
                .containsExactly("kext", "local", "major", "exportonly")
                .isEqualTo(Attribute.words(Attribute.Section.EXTENSION, 'c'));
        assertThat(Attribute.words(Attribute.Section.DEVICE, 'c')).contains("xfactor").doesNotContain("vdevname");
    }

    @Test
    void resourceControlsAreNormalisedAndRefusedWithTheirRange() {
        assertThat(Resources.parse("chwpar", List.of("shares_CPU=050", "CPU=10-50,80", "totalVirtMem=2048M",
                "pct_msgIDs=100%", "totalProcesses=unlimited", "active=no"))).containsExactly(
                        Map.entry("shares_CPU", "50"), Map.entry("CPU", "10%-50%,80%"),
                        Map.entry("totalVirtMem", "2GB"), Map.entry("pct_msgIDs", ""),
                        Map.entry("totalProcesses", ""), Map.entry("active", "no"));
        assertThatThrownBy(() -> Resources.parse("chwpar", List.of("shares_CPU=70000"))).hasMessage(
                "chwpar: 0960-025 The value 70000 of shares_CPU is out of range (1 to 65535).");
        assertThatThrownBy(() -> Resources.parse("chwpar", List.of("shares_CPU=\u0661\u0662"))).hasMessage(
                "chwpar: 0960-023 ?? is not a valid value for attribute shares_CPU.");
        assertThatThrownBy(() -> Resources.parse("chwpar", List.of("CPU=60%-50%,80%"))).hasMessage(
                "chwpar: 0960-028 The limits 60%-50%,80% of CPU must satisfy min <= softmax <= hardmax <= 100% and"
                        + " hardmax > 0%.");
        assertThatThrownBy(() -> Resources.parse("chwpar", List.of("pct_semIDs=0"))).hasMessage(
                "chwpar: 0960-026 The value 0 of pct_semIDs must be a percentage from 1% to 100%.");
        assertThatThrownBy(() -> Resources.checkCombination("chwpar", Map.of("totalProcesses", "100",
                "totalThreads", "50"))).hasMessage(
                        "chwpar: 0960-030 totalThreads (50) must not be less than totalProcesses (100).");
        assertThatThrownBy(() -> Resources.parse("chwpar", List.of("cpu=25"))).hasMessage(
                "chwpar: 0960-024 cpu is not a valid resource control attribute.\n"
                        + "chwpar: Hint: resource control names are case-sensitive; use CPU, for example -R"
                        + " CPU=0%-25%,25%");
    }

    @Test
    void privilegesAddAndRemoveFromTheDefaultSet() {
        Wpar w = new Wpar();
        List<String> defaults = WparDefaults.get().privileges();
        Lifecycle.applySecurity("chwpar", w, Map.of("privs-", defaults.get(0)));
        assertThat(w.privileges).hasSize(defaults.size() - 1).doesNotContain(defaults.get(0));
        Lifecycle.applySecurity("chwpar", w, Map.of("privs+", defaults.get(0)));
        assertThat(w.privileges).hasSameSizeAs(defaults).endsWith(defaults.get(0));
        Lifecycle.applySecurity("chwpar", w, Map.of("privs", String.join(",", defaults)));
        assertThat(w.privileges).as("the default set is stored as none").isEmpty();
        assertThatThrownBy(() -> Lifecycle.applySecurity("chwpar", w, Map.of("privs", "PV_OK,root")))
                .isInstanceOf(AixException.class)
                .hasMessage("chwpar: 0960-071 root is not a valid privilege name (privileges look like PV_FS_MOUNT).");
        assertThatThrownBy(() -> Lifecycle.applySecurity("chwpar", w, Map.of("secfile", "etc/x")))
                .hasMessage("chwpar: 0960-066 etc/x must be an absolute path.");
    }
}
