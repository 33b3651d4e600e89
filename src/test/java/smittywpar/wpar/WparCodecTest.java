package smittywpar.wpar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** WPAR files and specification files as the attribute table describes them, and the table itself. */
class WparCodecTest {
    /** A WPAR with something in every section. */
    static Wpar sample() {
        Wpar w = new Wpar();
        w.name = "w1";
        w.hostname = "w1.lab";
        w.directory = "/wpars/w1";
        w.state = State.ACTIVE;
        w.script = "/etc/w1.sh";
        w.auto = true;
        w.uuid = "0b4e7a3c-1d2e-4f50-8a6b-7c8d9e0f1a2b";
        w.booted = 1;
        Wpar.Network n = new Wpar.Network();
        n.iface = "en0";
        n.address = "192.168.20.50";
        n.netmask = "255.255.255.0";
        n.broadcast = "192.168.20.255";
        w.networks.add(n);
        Wpar.Route r = new Wpar.Route();
        r.rtdest = "default";
        r.rtgateway = "192.168.20.1";
        w.routes.add(r);
        Wpar.Mount root = new Wpar.Mount();
        root.directory = "/";
        root.dev = "/dev/fslv00";
        root.sizeMb = 96;
        root.vg = "rootvg";
        root.logname = "INLINE";
        root.usedMb = 40;
        root.iused = 2000;
        root.ipct = 10;
        root.mounted = true;
        w.mounts.add(root);
        Wpar.Mount nfs = new Wpar.Mount();
        nfs.directory = "/share";
        nfs.vfs = "nfs";
        nfs.host = "filer";
        nfs.dev = "/export/share";
        nfs.mounted = false;
        w.mounts.add(nfs);
        w.resources.put("CPU", "10%-50%,80%");
        w.privileges.add("PV_FS_MOUNT");
        Wpar.Device d = new Wpar.Device();
        d.devname = "hdisk1";
        d.devtype = "disk";
        d.export = "no";
        w.devices.add(d);
        Wpar.Kext k = new Wpar.Kext();
        k.kext = "/usr/lib/drivers/x";
        w.kexts.add(k);
        Wpar.Bootset b = new Wpar.Bootset();
        b.id = 1;
        b.disks.add("hdisk2");
        w.bootsets.add(b);
        w.pid = 2345678;
        w.startTime = "Thu Nov 26 10:00:00 CDT 2026";
        return w;
    }

    @Test
    void aStateFileHoldsEverythingAndReadsBackTheSame() throws Exception {
        String text = WparCodec.format(sample(), false);
        assertThat(text).startsWith("general:\n\tname = \"w1\"\n\thostname = \"w1.lab\"\n\tdirectory = \"/wpars/w1\"\n"
                + "\tstate = \"A\"\n\ttype = \"S\"\n\towner = \"root\"\n\tscript = \"/etc/w1.sh\"\n")
                .contains("\tbooted = \"1\"\n\tuuid = \"0b4e7a3c-1d2e-4f50-8a6b-7c8d9e0f1a2b\"\n")
                .contains("mount:\n\tdirectory = \"/\"\n\tvfs = \"jfs2\"\n\tdev = \"/dev/fslv00\"\n\tsize = \"196608\"\n")
                .contains("\tused = \"40\"\n\tiused = \"2000\"\n\tipct = \"10\"\n\n")
                .contains("\thost = \"filer\"\n\tmounted = \"no\"\n")
                .contains("resources:\n\tactive = \"yes\"\n\tCPU = \"10%-50%,80%\"\n")
                .contains("device:\n\tdevname = \"hdisk1\"\n\tdevtype = \"disk\"\n\texport = \"no\"\n")
                .contains("bootset:\n\tid = \"1\"\n\tdevices = \"hdisk2\"\n")
                .endsWith("runtime:\n\tpid = \"2345678\"\n\tstart_time = \"Thu Nov 26 10:00:00 CDT 2026\"\n"
                        + "\toperation = \"none\"\n");
        assertThat(WparCodec.format(WparCodec.parse(text), false)).isEqualTo(text);
    }

    @Test
    void aSpecificationLeavesOutRunTimeDataAndTheNamesOfLogicalVolumes() throws Exception {
        String spec = WparCodec.format(sample(), true);
        assertThat(spec).doesNotContain("state =").doesNotContain("booted").doesNotContain("fslv00")
                .doesNotContain("used =").doesNotContain("mounted").doesNotContain("runtime:")
                .contains("\tdev = \"/export/share\"\n").contains("uuid = ");
        Wpar w = sample();
        w.uuid = "";
        w.name = null;
        assertThat(WparCodec.format(w, true)).doesNotContain("uuid").doesNotContain("\tname =");
        Wpar back = WparCodec.parse(WparCodec.format(w, true), true);
        assertThat(back.name).isNull();
        assertThat(back.hostname).isEqualTo("w1.lab");
    }

    @Test
    void absentKeysTakeTheirDefaultsSomeFollowingOtherAttributes() throws Exception {
        Wpar w = WparCodec.parse("general:\n\tname = \"a1\"\n\ttype = \"A\"\n\nmount:\n\tdirectory = \"/x\"\n");
        assertThat(w.hostname).isEqualTo("a1");
        assertThat(w.directory).as("an application WPAR shares /").isEqualTo("/");
        assertThat(w.state).isEqualTo(State.DEFINED);
        assertThat(w.mounts.get(0).mounted).as("not running, not mounted").isFalse();
        assertThat(w.mounts.get(0).vfs).isEqualTo("jfs2");
        assertThat(w.devexports).isEqualTo("/etc/wpars/devexports");
        Wpar s = WparCodec.parse("general:\n\tname = \"s1\"\n\tstate = \"A\"\n\nmount:\n\tdirectory = \"/\"\n");
        assertThat(s.directory).isEqualTo("/wpars/s1");
        assertThat(s.mounts.get(0).mounted).as("running, mounted").isTrue();
    }

    @Test
    void damagedFilesAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> WparCodec.parse("general:\n\tname = \"w1\"\n\tbooted = \"\u0661\"\n"))
                .isInstanceOf(WparCodec.BadWpar.class).hasMessage("'booted' of stanza 'general' is not a number: '\u0661'");
        assertThatThrownBy(() -> WparCodec.parse("general:\n\tname = \"w1\"\n\nmount:\n\tdirectory = \"/\"\n"
                + "\tsize = \"-2048\"\n")).hasMessage("'size' of stanza 'mount' is not a number: '-2048'");
        assertThatThrownBy(() -> WparCodec.parse("general:\n\tname = \"w1\"\n\tstate = \"Q\"\n"))
                .hasMessage("unknown state 'Q'");
        assertThatThrownBy(() -> WparCodec.parse("general:\n\tstate = \"D\"\n"))
                .hasMessage("the general stanza lacks 'name'");
        assertThatThrownBy(() -> WparCodec.parse("network:\n\taddress = \"1.2.3.4\"\n"))
                .hasMessage("the general stanza is missing");
        assertThatThrownBy(() -> WparCodec.parse("general:\n\tname = \"w1\"\n\nnetwrok:\n\taddress = \"1\"\n"))
                .hasMessage("unknown stanza 'netwrok'");
        assertThatThrownBy(() -> WparCodec.parse("general:\n\tname = \"w1\"\n\nbootset:\n\tid = \"0\"\n"))
                .hasMessage("'id' of stanza 'bootset' is 0, not a number from 1 to 9999");
    }

    @Test
    void aBootSetInAVolumeGroupKeepsItsCopiesInTheStateFileButNotInASpecification() throws Exception {
        Wpar w = sample();
        w.bootsets.clear();
        Wpar.Bootset b = new Wpar.Bootset();
        b.id = 5;
        b.vg = "rootvg";
        b.copies.add(new Wpar.Bootset.Copy("fslv07", 96, "/"));
        b.copies.add(new Wpar.Bootset.Copy("fslv08", 32, "/my data\\x"));
        w.bootsets.add(b);
        String text = WparCodec.format(w, false);
        assertThat(text).contains("bootset:\n\tid = \"5\"\n\tvg = \"rootvg\"\n"
                + "\tlvs = \"fslv07:96:/ fslv08:32:/my\\\\040data\\\\134x\"\n");
        Wpar back = WparCodec.parse(text);
        assertThat(back.bootsets.get(0).copies).isEqualTo(b.copies);
        assertThat(WparCodec.format(back, false)).isEqualTo(text);
        assertThat(WparCodec.format(w, true)).as("a WPAR made from a specification gets copies of its own")
                .contains("bootset:\n\tid = \"5\"\n\tvg = \"rootvg\"\n").doesNotContain("lvs");
        assertThatThrownBy(() -> WparCodec.parse("general:\n\tname = \"w1\"\n\nbootset:\n\tid = \"1\"\n\tlvs = \"fslv07\"\n"))
                .hasMessage("the lvs of a bootset stanza are not 'lv:MB:directory' words: 'fslv07'");
    }

    @Test
    void anApplicationWparKeepsTheEnvironmentOfItsTrackedCommand() throws Exception {
        Wpar w = sample();
        w.type = 'A';
        w.application = "/usr/bin/sleep 100";
        w.set(Attribute.ENVIRONMENT, "LANG=C TZ=UTC");
        String text = WparCodec.format(w, false);
        assertThat(text).contains("\tapplication = \"/usr/bin/sleep 100\"\n\tenvironment = \"LANG=C TZ=UTC\"\n");
        assertThat(WparCodec.parse(text).get(Attribute.ENVIRONMENT)).isEqualTo("LANG=C TZ=UTC");
        assertThat(WparCodec.parse(WparCodec.format(w, true), true).get(Attribute.ENVIRONMENT))
                .as("a specification file carries it").isEqualTo("LANG=C TZ=UTC");
        assertThat(WparCodec.format(sample(), false)).as("nothing written when there is none")
                .doesNotContain("environment");
        assertThat(WparCodec.parse(WparCodec.format(sample(), false)).get(Attribute.ENVIRONMENT)).isEmpty();
        assertThat(Attribute.ENVIRONMENT.column).as("lswpar does not show it").isNull();
    }

    @Test
    void everyRowOfTheTableIsOneKeyOfItsSectionAndTheFlagWordsAreStoredOnes() {
        for (Attribute.Section s : Attribute.Section.values()) {
            Set<String> keys = new HashSet<>();
            for (Attribute a : s.attributes()) {
                assertThat(keys.add(a.key)).as("key %s of %s once", a.key, s).isTrue();
                assertThat(a.section).isEqualTo(s);
                if (a.mk == s.flag && s.flag != ' ' || a.ch == s.flag && s.flag != ' ') {
                    assertThat(a.type.choices().isEmpty() || a.type.valid(a.type.choices().get(0))).isTrue();
                }
                if (a.column != null) {
                    assertThat(a.label).as("a column has a label: %s", a).isNotNull();
                }
            }
        }
        assertThat(Attribute.byFlag('m', 'h')).isEqualTo(Attribute.HOSTNAME);
        assertThat(Attribute.byFlag('c', 'b')).isEqualTo(Attribute.BOOTLIST);
        assertThat(Attribute.byFlag('m', 'b')).isEqualTo(Attribute.DEVEXPORTS);
        assertThat(Attribute.of(Attribute.Section.RESOURCES, "shares_CPU")).isEqualTo(Attribute.SHARES_CPU);
        assertThat(ValueType.DIGITS.valid("\u0661\u0662")).isFalse();
        assertThat(ValueType.DIGITS.valid("12")).isTrue();
        assertThat(ValueType.SHARES.valid("65536")).isFalse();
        assertThat(ValueType.LIMITS.valid("10%-50%,80%")).isTrue();
        assertThat(ValueType.UUID.valid("0b4e7a3c-1d2e-4f50-8a6b-7c8d9e0f1a2b")).isTrue();
        assertThat(ValueType.PRIVILEGES.valid("PV_FS_MOUNT,PV_KER_ACCT")).isTrue();
        assertThat(ValueType.PRIVILEGES.valid("PV_FS_MOUNT,root")).isFalse();
    }

    /** The strict reading of a state file refuses a value naming what its type takes: every type can say it. */
    @Test
    void everyValueTypeSaysWhatItTakes() {
        for (ValueType t : ValueType.values()) {
            assertThat(t.description()).as(t.name()).isNotBlank().doesNotContain("{");
        }
        assertThat(ValueType.YESNO.description()).isEqualTo("one of yes, no");
        for (Attribute a : Attribute.values()) {
            if (a.required()) {
                assertThat(a.stored()).as(a.name()).isTrue();
            }
            if (a.type.numeric()) {
                assertThat(a.min()).as(a.name()).isLessThanOrEqualTo(a.max());
            }
        }
    }

    @Test
    void aStateFileIsReadByTheTableAndASpecificationIsNot() throws Exception {
        String text = "general:\n\tname = \"w1\"\n\tcolour = \"red\"\n";
        assertThatThrownBy(() -> WparCodec.parse(text)).hasMessage("unknown attribute 'colour' in stanza 'general'");
        assertThat(WparCodec.parse(text, true).name).as("a specification file's unknown words are ignored").isEqualTo("w1");
        assertThatThrownBy(() -> WparCodec.parse("general:\n\tname = \"w1\"\n\tauto = \"\"\n"))
                .hasMessage("'auto' of stanza 'general' is not valid: '' (it must be one of yes, no)");
        assertThatThrownBy(() -> WparCodec.parse("general:\n\tname = \"w1\"\n\nmount:\n\tdirectory = \"/\"\n"
                + "\tipct = \"100000\"\n")).hasMessage("'ipct' of stanza 'mount' is 100000, not a number from 0 to 100");
    }
}
