package smittywpar.cmd;

import java.util.List;

import smittywpar.msg.AixException;
import smittywpar.wpar.Console;
import smittywpar.wpar.OpticalBackup;

/**
 * mkcd and mkdvd (one command, as on AIX where mkdvd is mkcd under another name that makes
 * DVD-sized images): the backup of a workload partition ({@code -W WparName}, made by savewpar,
 * or an existing savewpar image {@code -w file}) on a CD or DVD writer ({@code -d device}), or
 * only prepared ({@code -S}). Every flag of AIX's syntax parses (the SMIT dialogs compose them);
 * the flags that make a system or volume group backup ({@code -m -s -v}, or none of the
 * sources) are answered with 0512-332, as this system backs up workload partitions only.
 *
 * <p>What runs: the log and parameter lines mkcd prints first, then the checks in AIX's order
 * (the source, the writer named by {@code -d} must be an optical drive of the host, the volume
 * group {@code -V} must exist), then the backup itself ({@link OpticalBackup}). The default
 * host has no CD or DVD writer (its cd0 is a read-only drive holding the AIX DVD), so
 * {@code -d /dev/cd0} is refused there (0512-331) and changes nothing; a drive host.cf marks
 * {@code writer = "yes"} (a lab adds one) gets the disc.
 */
final class MkcdCommand extends ParsedCommand<Getopt> {
    /** The flags of AIX's mkcd syntax; mkdvd has the same but -L (its images are DVD-sized anyway). */
    static final String CD_FLAGS = "r:d:Sm:M:s:v:w:W:C:I:V:Bp:Ri:u:f:ePl:Lb:z:DUYnaAcZGNx:T";
    /** mkdvd: mkcd's flags but -L (a literal: the registry names it without loading this class). */
    static final String DVD_FLAGS = "r:d:Sm:M:s:v:w:W:C:I:V:Bp:Ri:u:f:ePl:b:z:DUYnaAcZGNx:T";

    private final String prog;

    MkcdCommand(boolean dvd) {
        this.prog = dvd ? "mkdvd" : "mkcd";
    }

    @Override
    Getopt parse(List<String> args) {
        Getopt g = new Getopt(prog, prog.equals("mkdvd") ? DVD_FLAGS : CD_FLAGS, "usage." + prog).parse(args);
        if (!g.operands().isEmpty()) {
            throw g.usage();
        }
        int sources = 0;
        for (char c : "msvwW".toCharArray()) {
            sources += g.has(c) ? 1 : 0;
        }
        if (sources > 1 || g.has('r') && (sources > 0 || g.has('d')) || g.has('R') && g.has('S')
                || g.has('G') && g.has('N') || g.has('m') && g.has('M')) {
            throw g.usage();
        }
        return g;
    }

    /**
     * A line without -r, -d or -S is refused when it runs, with the usage (it parses: a SMIT
     * dialog whose writer field is left blank composes it, and smit.script records it).
     */
    @Override
    int run(Invocation inv, Getopt g) {
        if (!g.has('r') && !g.has('d') && !g.has('S')) {
            throw g.usage();
        }
        Console con = inv.console();
        con.say("mkcd.log");
        con.say("mkcd.verifying");
        if (!g.has('W') && !g.has('w')) {
            throw AixException.of("mkcd.wparonly", prog);
        }
        OpticalBackup.Options o = new OpticalBackup.Options(g.value('d'), g.value('W'), g.value('w'), g.value('M'),
                g.value('C'), g.value('I'), g.value('V'), g.has('S'), g.has('R'), g.has('P'), g.has('e'),
                g.value('i'), g.value('f'), g.has('U'));
        HostCommand.update(inv, prog, c -> {
            OpticalBackup.write(c, o);
            return null;
        });
        return 0;
    }
}
