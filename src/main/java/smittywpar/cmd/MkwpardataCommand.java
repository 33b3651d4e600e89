package smittywpar.cmd;

import smittywpar.wpar.Backup;
import smittywpar.wpar.Transaction;

/** mkwpardata [-m] [-X] WparName: the information files savewpar and restwpar use. */
final class MkwpardataCommand extends OneWparCommand {
    /** The flags it takes (what bin/ completion and the man page list). */
    static final String OPTIONS = "mX";

    MkwpardataCommand() {
        super("mkwpardata", OPTIONS);
    }

    @Override
    void act(Transaction c, String name, Getopt g) {
        // -X (expand /tmp when needed): the simulated /tmp has the room or says so
        Backup.makeData(c, name, g.has('m'));
    }
}
