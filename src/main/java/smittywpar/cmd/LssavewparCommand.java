package smittywpar.cmd;

import java.util.List;

import smittywpar.wpar.BackupListing;
import smittywpar.wpar.WparEngine;

/** lssavewpar: lists what a WPAR backup holds (-D, debug output, and -a change nothing). */
final class LssavewparCommand extends ParsedCommand<Getopt> {
    static final String PROG = "lssavewpar";
    /** The flags it takes (what bin/ completion and the man page list). */
    static final String OPTIONS = "ab:cDf:lLMNV";

    @Override
    Getopt parse(List<String> args) {
        Getopt g = new Getopt(PROG, OPTIONS, "usage.lssavewpar").parse(args);
        int views = 0;
        for (char v : new char[] {'l', 'L', 'M', 'N'}) {
            views += g.has(v) ? 1 : 0;
        }
        if (!g.operands().isEmpty() || views > 1 || g.has('c') && views == 0 || (g.has('l') || g.has('L')) && !g.has('f')
                || g.has('V') && views > 0) {
            throw g.usage();
        }
        SavewparCommand.blocks(g, PROG);
        return g;
    }

    @Override
    int run(Invocation inv, Getopt g) {
        char view = 'T';
        for (char v : new char[] {'l', 'L', 'M', 'N', 'V'}) {
            view = g.has(v) ? v : view;
        }
        BackupListing.Options o = new BackupListing.Options(g.value('f'), SavewparCommand.blocks(g, PROG), view,
                g.has('c'));
        new WparEngine(PROG, inv.console(), inv.env()).read(c -> {
            BackupListing.list(c, o);
            return null;
        });
        return 0;
    }
}
