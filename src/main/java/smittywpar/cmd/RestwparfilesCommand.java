package smittywpar.cmd;

import java.util.List;

import smittywpar.wpar.BackupDevice;
import smittywpar.wpar.BackupListing;
import smittywpar.wpar.Restore;
import smittywpar.wpar.WparEngine;

/**
 * restwparfiles: restores files of a WPAR backup into a directory (-n, no ACLs, -a and -D change
 * nothing on the simulated host); -V only checks that a tape backup reads.
 */
final class RestwparfilesCommand extends ParsedCommand<Getopt> {
    static final String PROG = "restwparfiles";
    /** The flags it takes (what bin/ completion and the man page list). */
    static final String OPTIONS = "ab:d:Df:mnV";

    @Override
    Getopt parse(List<String> args) {
        Getopt g = new Getopt(PROG, OPTIONS, "usage.restwparfiles").parse(args);
        if (g.has('m') && !g.operands().isEmpty() || g.has('V') && !g.has('f')) {
            throw g.usage();
        }
        SavewparCommand.blocks(g, PROG);
        return g;
    }

    @Override
    int run(Invocation inv, Getopt g) {
        WparEngine engine = new WparEngine(PROG, inv.console(), inv.env());
        int blocks = SavewparCommand.blocks(g, PROG);
        if (g.has('V')) {
            engine.read(c -> {
                BackupListing.list(c, new BackupListing.Options(g.value('f'), blocks, 'V', false));
                return null;
            });
            return 0;
        }
        engine.update(c -> {
            Restore.restwparfiles(c, new Restore.FilesOptions(g.value('f') == null ? BackupDevice.DEFAULT : g.value('f'),
                    blocks, g.value('d'), g.has('m'), g.operands()));
            return null;
        });
        return 0;
    }
}
