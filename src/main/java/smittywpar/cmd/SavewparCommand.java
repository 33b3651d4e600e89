package smittywpar.cmd;

import smittywpar.base.Text;
import smittywpar.wpar.Backup;
import smittywpar.wpar.BackupImage;
import smittywpar.wpar.Transaction;

/**
 * savewpar: backs up a system WPAR to a tape or a file. -a -A -N -p -T -X -Z -P are taken and
 * change nothing on the simulated host (no extended attributes, DMAPI, NFS content, packing,
 * snapshots, EFS); docs/AIX-FACTS.md says so.
 */
final class SavewparCommand extends OneWparCommand {
    /** The flags it takes (what bin/ completion and the man page list). */
    static final String OPTIONS = "aABb:ef:imNpTvVXZP";

    SavewparCommand() {
        super("savewpar", OPTIONS);
    }

    /**
     * -i and -m together are taken (-m makes the data files with maps, so it implies -i): the
     * SMIT dialog writes -i by default and -m when map files are asked for, as mksysb's does.
     */
    @Override
    void check(Getopt g) {
        blocks(g, prog);
    }

    /** -b: 512-byte blocks per write (default 100). */
    static int blocks(Getopt g, String prog) {
        if (!g.has('b')) {
            return BackupImage.DEFAULT_BLOCKS;
        }
        String b = g.value('b');
        if (!Text.digits(b, 4) || Integer.parseInt(b) < 1 || Integer.parseInt(b) > 2048) {
            throw g.usageError("save.badblocks", b);
        }
        return Integer.parseInt(b);
    }

    @Override
    void act(Transaction c, String name, Getopt g) {
        Backup.save(c, name, new Backup.SaveOptions(g.value('f'), blocks(g, prog), g.has('i'), g.has('m'), g.has('e'),
                g.has('B'), g.has('v'), g.has('V')));
    }
}
