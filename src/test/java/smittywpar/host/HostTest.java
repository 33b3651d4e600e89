package smittywpar.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The simulated global environment's own rules, on the default host, without any command. */
class HostTest {
    private static Host host() throws HostCodec.BadHost {
        return HostCodec.parse(HostCodec.defaultHostText(42));
    }

    @Test
    void thingsAreFoundByName() throws Exception {
        Host h = host();
        assertThat(h.iface("en1").address).isEqualTo("192.168.10.13");
        assertThat(h.disk("hdisk1").vg).isEqualTo("None");
        assertThat(h.adapter("fcs0")).isNotNull();
        assertThat(h.vg("rootvg").ppSizeMb).isEqualTo(32);
        assertThat(h.fileset("bos.wpars")).isNotNull();
        assertThat(h.iface("en9")).isNull();
        assertThat(h.disk("hdisk0 ")).isNull();
        assertThat(h.vg("datavg")).isNull();
    }

    @Test
    void anAddressBelongsToTheInterfaceWhoseNetworkHoldsItNeverTheLoopback() throws Exception {
        Host h = host();
        assertThat(h.interfaceFor("192.168.20.77").name).isEqualTo("en0");
        assertThat(h.interfaceFor("192.168.10.1").name).isEqualTo("en1");
        assertThat(h.interfaceFor("10.1.1.1")).isNull();
        assertThat(h.interfaceFor("127.0.0.2")).isNull();
        assertThat(h.resolve("indaixwpr01")).isEqualTo("192.168.20.13");
        assertThat(h.resolve("localhost")).isEqualTo("127.0.0.1");
        assertThat(h.resolve("nosuch")).isNull();
    }

    @Test
    void logicalVolumeNamesAreTheLowestFreeAndComeBackWhenReleased() throws Exception {
        Host h = host();
        String first = h.allocateFslv();
        String second = h.allocateFslv();
        assertThat(Host.fslvNumber(second)).isEqualTo(Host.fslvNumber(first) + 1);
        h.releaseLv(first);
        assertThat(h.allocateFslv()).isEqualTo(first);
        h.releaseLv("hd4");
        assertThat(Host.fslvNumber("hd4")).isEqualTo(-1);
        assertThat(Host.fslvNumber("fslv7")).isEqualTo(-1);
        assertThat(Host.fslvNumber("fslv07")).isEqualTo(7);
    }

    @Test
    void partitionsOfAVolumeGroupCountItsDisksAndItsLogicalVolumes() throws Exception {
        Host h = host();
        Host.VolumeGroup rootvg = h.vg("rootvg");
        int total = h.totalPps(rootvg);
        assertThat(total).isEqualTo(30720 / 32 - 1);
        int used = h.usedPps(rootvg);
        rootvg.wparPps += 10;
        assertThat(h.usedPps(rootvg)).isEqualTo(used + 10);
    }

    @Test
    void exportedDevicesMoveToAnotherWparOrBackToTheGlobalEnvironment() throws Exception {
        Host h = host();
        h.disk("hdisk1").wpar = "w1";
        h.adapter("fcs0").wpar = "w1";
        h.disk("hdisk2").wpar = "w2";
        h.moveDevices("w1", "w3");
        assertThat(h.disk("hdisk1").wpar).isEqualTo("w3");
        assertThat(h.adapter("fcs0").wpar).isEqualTo("w3");
        assertThat(h.disk("hdisk2").wpar).isEqualTo("w2");
        h.moveDevices("w3", null);
        assertThat(h.disk("hdisk1").wpar).isNull();
        assertThat(h.adapter("fcs0").wpar).isNull();
    }

    @Test
    void identifiersFollowTheSeedSoTestsCanFixThem() throws Exception {
        Host a = host();
        Host b = host();
        assertThat(a.nextPid()).isEqualTo(b.nextPid()).isEven().isBetween(2_000_000, 8_000_000);
        assertThat(a.nextUuid()).isEqualTo(b.nextUuid()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(HostCodec.parse(HostCodec.defaultHostText(43)).nextPid()).isNotEqualTo(host().nextPid());
    }

    @Test
    void theHostFileRoundTripsAndRefusesNumbersThatAreNotAsciiDigits() throws Exception {
        String text = HostCodec.format(host());
        assertThat(HostCodec.format(HostCodec.parse(text))).isEqualTo(text);
        assertThat(HostCodec.parse(HostCodec.defaultHostText(-7)).idSeed).isEqualTo(-7);
        String arabic = text.replace("ppsize = \"32\"", "ppsize = \"\u0663\u0662\"");
        assertThatThrownBy(() -> HostCodec.parse(arabic)).isInstanceOf(HostCodec.BadHost.class)
                .hasMessage("'ppsize' of stanza 'vg' is not a number: '\u0663\u0662'");
    }

    @Test
    void hostNamesFollowOneRule() {
        assertThat(HostNames.valid("indaixwpr01")).isTrue();
        assertThat(HostNames.valid("web-01.lab.example.com")).isTrue();
        assertThat(HostNames.valid("a")).isTrue();
        assertThat(HostNames.valid("a".repeat(255))).isTrue();
        assertThat(HostNames.valid("a".repeat(256))).isFalse();
        assertThat(HostNames.valid("")).isFalse();
        assertThat(HostNames.valid("-web")).isFalse();
        assertThat(HostNames.valid("web.")).isFalse();
        assertThat(HostNames.valid("bad host")).isFalse();
        assertThat(HostNames.valid("h\u00f6st")).isFalse();
    }

    @Test
    void addressesAndMasks() {
        assertThat(Ip.isV4("192.168.10.5")).isTrue();
        assertThat(Ip.isV4("192.168.10.256")).isFalse();
        assertThat(Ip.isV4("192.168.10")).isFalse();
        assertThat(Ip.isNetmask("255.255.255.0")).isTrue();
        assertThat(Ip.isNetmask("255.0.255.0")).isFalse();
        assertThat(Ip.broadcast("192.168.10.5", "255.255.255.0")).isEqualTo("192.168.10.255");
        assertThat(Ip.sameNetwork("192.168.10.5", "192.168.10.200", "255.255.255.0")).isTrue();
        assertThat(Ip.sameNetwork("192.168.10.5", "192.168.11.5", "255.255.255.0")).isFalse();
        assertThat(Ip.isV6("fe80::1")).isTrue();
        assertThat(Ip.isV6("fe80::g")).isFalse();
    }
}
