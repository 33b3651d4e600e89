package smittywpar.wpar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import smittywpar.host.Host;

/**
 * The engine without any command line: creation, the state machine (Defined, Active,
 * Maintenance), address and directory conflicts, device export, and the logical volumes of file
 * systems, each through {@link WparEngine} transactions on a fresh host.
 */
class EngineTest {
    @TempDir
    Path tmp;
    private Map<String, String> env;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void host() {
        env = Map.of("SMITTY_WPAR_HOME", tmp.resolve("state").toString(), "SMITTY_WPAR_CLOCK",
                "2026-11-26 10:00:00", "SMITTY_WPAR_SEED", "7");
    }

    private <T> T update(String prog, Function<Transaction, T> fn) {
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new WparEngine(prog, new Console(ps, ps), env).update(fn);
    }

    private <T> T read(Function<Transaction, T> fn) {
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new WparEngine("test", new Console(ps, ps), env).read(fn);
    }

    private static CreateRequest request(String name, String... network) {
        CreateRequest r = new CreateRequest();
        r.put(Attribute.NAME, name);
        for (String address : network) {
            r.networks.add(Map.of("address", address));
        }
        return r;
    }

    private Wpar create(CreateRequest r) {
        return update("mkwpar", c -> Creation.create(c, r));
    }

    private Wpar wpar(String name) {
        return read(c -> c.wpar(name));
    }

    @Test
    void aNewWparIsDefinedWithItsDefaultsAndLocalFileSystems() {
        Wpar w = create(request("w1", "192.168.20.50"));
        assertThat(w.state).isEqualTo(State.DEFINED);
        assertThat(List.of(w.hostname, w.directory, w.vg)).containsExactly("w1", "/wpars/w1", "rootvg");
        assertThat(w.uuid).matches("[0-9a-f-]{36}");
        assertThat(w.mounts).extracting(m -> m.directory).containsExactly("/", "/home", "/opt", "/proc", "/tmp",
                "/usr", "/var");
        assertThat(w.mounts).filteredOn(Wpar.Mount::hasLv).allSatisfy(m -> {
            assertThat(m.dev).startsWith("/dev/fslv");
            assertThat(m.sizeMb % 32).as("whole partitions of rootvg").isZero();
        });
        assertThat(wpar("w1").networks.get(0).iface).isEqualTo("en0");
        assertThat(this.<State>read(c -> c.entry("w1").state())).isEqualTo(State.DEFINED);
    }

    @Test
    void theStateMachine() {
        create(request("w1"));
        update("startwpar", c -> {
            Lifecycle.start(c, "w1", false, false, false);
            return null;
        });
        Wpar w = wpar("w1");
        assertThat(w.state).isEqualTo(State.ACTIVE);
        assertThat(w.pid).isPositive();
        assertThat(w.mounts).allMatch(m -> m.mounted);
        assertThatThrownBy(() -> update("startwpar", c -> {
            Lifecycle.start(c, "w1", false, false, false);
            return null;
        })).hasMessage("startwpar: 0960-246 Workload partition w1 is already active.");
        assertThatThrownBy(() -> update("rmwpar", c -> {
            Lifecycle.remove(c, "w1", false, false, false, false);
            return null;
        })).hasMessage("rmwpar: 0960-252 Workload partition w1 is active. Use -s to stop it before removal.");
        update("stopwpar", c -> {
            Lifecycle.stop(c, "w1", new Lifecycle.StopOptions(false, false, false, 600, false));
            return null;
        });
        w = wpar("w1");
        assertThat(List.of(w.state, w.pid, w.startTime)).containsExactly(State.DEFINED, 0, "");
        assertThat(w.mounts).noneMatch(m -> m.mounted);
        assertThatThrownBy(() -> update("stopwpar", c -> {
            Lifecycle.stop(c, "w1", new Lifecycle.StopOptions(false, false, false, 600, false));
            return null;
        })).hasMessage("stopwpar: 0960-254 Workload partition w1 is not currently active.");
        update("startwpar", c -> {
            Lifecycle.start(c, "w1", true, false, false);
            return null;
        });
        assertThat(wpar("w1").state).isEqualTo(State.MAINTENANCE);
        update("rmwpar", c -> {
            Lifecycle.remove(c, "w1", true, false, false, false);
            return null;
        });
        assertThat(this.<Boolean>read(c -> c.exists("w1"))).isFalse();
    }

    @Test
    void anAddressOrBaseDirectoryInUseIsRefusedOrWithAutoResolveLeftOut() {
        create(request("w1", "192.168.20.50"));
        assertThatThrownBy(() -> create(request("w2", "192.168.20.50"))).hasMessage(
                "mkwpar: 0960-041 Network address 192.168.20.50 is already in use by workload partition w1.");
        assertThatThrownBy(() -> create(request("w2", "192.168.20.13"))).hasMessage(
                "mkwpar: 0960-041 Network address 192.168.20.13 is already in use by the global environment.");
        CreateRequest r = request("w2", "192.168.20.50");
        r.autoResolve = true;
        assertThat(create(r).networks).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                "mkwpar: 0960-042 Network address 192.168.20.50 is in use by workload partition w1; it was not"
                        + " configured (-a).");
        CreateRequest d = request("w3");
        d.put(Attribute.DIRECTORY, "/wpars/w1");
        assertThatThrownBy(() -> create(d)).hasMessage(
                "mkwpar: 0960-063 The base directory /wpars/w1 is already used by workload partition w1.");
    }

    @Test
    void anExportedDiskBelongsToOneWparUntilItIsRemoved() {
        CreateRequest r = request("w1");
        r.devices.add(Map.of("devname", "hdisk1"));
        Wpar w = create(r);
        assertThat(w.devices).filteredOn(x -> x.devname.equals("hdisk1")).singleElement()
                .satisfies(x -> assertThat(x.devtype).isEqualTo("disk"));
        assertThat(this.<String>read(c -> c.host().disk("hdisk1").wpar)).isEqualTo("w1");
        CreateRequest again = request("w2");
        again.devices.add(Map.of("devname", "hdisk1"));
        assertThatThrownBy(() -> create(again)).hasMessage(
                "mkwpar: 0960-056 Device hdisk1 is already in use by workload partition w1.");
        CreateRequest rootvgDisk = request("w3");
        rootvgDisk.devices.add(Map.of("devname", "hdisk0"));
        assertThatThrownBy(() -> create(rootvgDisk)).hasMessage("mkwpar: 0960-057 Disk hdisk0 belongs to volume"
                + " group rootvg. Use -O to overwrite a volume group other than rootvg.");
        update("rmwpar", c -> {
            Lifecycle.remove(c, "w1", false, false, false, false);
            return null;
        });
        assertThat(this.<String>read(c -> c.host().disk("hdisk1").wpar)).isNull();
    }

    @Test
    void logicalVolumesAreWholePartitionsAndComeBackToTheVolumeGroup() {
        int before = read(c -> c.host().usedPps(c.host().vg("rootvg")));
        CreateRequest r = request("w1");
        r.mounts.add(Map.of("directory", "/data", "size", "100M"));
        Wpar w = create(r);
        Wpar.Mount data = w.mount("/data");
        assertThat(data.sizeMb).as("100 MB in 32 MB partitions").isEqualTo(128);
        int used = read(c -> c.host().usedPps(c.host().vg("rootvg")));
        int pps = 0;
        for (Wpar.Mount m : w.mounts) {
            pps += m.hasLv() ? m.sizeMb / 32 : 0;
        }
        assertThat(used - before).isEqualTo(pps);
        update("rmwpar", c -> {
            Lifecycle.remove(c, "w1", false, false, false, false);
            return null;
        });
        assertThat(this.<Integer>read(c -> c.host().usedPps(c.host().vg("rootvg")))).isEqualTo(before);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("rmlv: Logical volume fslv")
                .contains("rmwpar: Removing file system /wpars/w1/data.");
    }

    @Test
    void aVolumeGroupWithoutRoomRefusesAndAFileSystemNeverShrinks() throws Exception {
        Host h = read(Transaction::host);
        Host.VolumeGroup rootvg = h.vg("rootvg");
        Wpar w = new Wpar();
        w.name = "w1";
        w.directory = "/wpars/w1";
        Wpar.Mount m = new Wpar.Mount();
        m.directory = "/big";
        m.sizeMb = (h.totalPps(rootvg) - h.usedPps(rootvg) + 1) * 32;
        assertThatThrownBy(() -> LogicalVolumes.allocate("chwpar", h, w, m)).hasMessageStartingWith(
                "chwpar: 0960-069 Not enough free partitions in volume group rootvg: ");
        m.sizeMb = 40;
        LogicalVolumes.allocate("chwpar", h, w, m);
        assertThat(List.of(m.sizeMb, m.vg)).containsExactly(64, "rootvg");
        LogicalVolumes.grow("chwpar", h, w, m, 65);
        assertThat(m.sizeMb).isEqualTo(96);
        assertThatThrownBy(() -> LogicalVolumes.grow("chwpar", h, w, m, 10)).hasMessage(
                "chwpar: 0960-313 The file system /wpars/w1/big cannot be made smaller than its current size 96M.");
        int used = h.usedPps(rootvg);
        assertThat(LogicalVolumes.release(h, w, m)).isEqualTo(m.dev.substring(5));
        assertThat(h.usedPps(rootvg)).isEqualTo(used - 3);
    }
}
