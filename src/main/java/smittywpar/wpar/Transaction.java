package smittywpar.wpar;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import smittywpar.host.Host;
import smittywpar.host.HostClock;
import smittywpar.host.HostCodec;
import smittywpar.msg.AixException;
import smittywpar.msg.Messages;
import smittywpar.store.Stanza;
import smittywpar.store.StanzaFile;
import smittywpar.store.StateStore;

/**
 * One command's transaction over the state: the host, the WPAR index and WPAR records, loaded
 * lazily and written back by {@link #flush()} when changed (a read-only transaction writes
 * nothing). {@link WparEngine} opens one per command.
 */
public final class Transaction {
    public static final String INDEX = "wpars.idx";
    public static final String WPAR_DIR = "wpars";
    public static final String PRESERVED_DIR = "preserved";
    /** Test/lab override of the host clock: "YYYY-MM-DD HH:MM:SS". */
    public static final String ENV_CLOCK = "SMITTY_WPAR_CLOCK";

    private final StateStore.View view;
    private final StateStore.Tx tx;
    public final String prog;
    public final Console con;
    private final Map<String, String> env;

    /** The stanzas a WPAR file has once at most, and the attribute no two stanzas of a kind share. */
    private static final Set<String> WPAR_SINGLETONS = Set.of("general", "resources", "security");
    private static final Map<String, String> WPAR_KEYS = Map.of("mount", "directory", "device", "devname",
            "extension", "kext", "bootset", "id");

    private Host host;
    private boolean hostDirty;
    private IndexText index;
    private boolean indexDirty;
    /** The index was rebuilt from the WPAR files in this transaction. */
    private boolean rebuilt;
    /** The text of a damaged index a read rebuilt ("" when it was missing or unreadable). */
    private String damagedIndex;
    private String rebuiltIndex;
    private final Map<String, smittywpar.host.FileTree> trees = new java.util.LinkedHashMap<>();
    private smittywpar.host.FileTree.Store treeStore;
    /** The WPAR and preserved files this transaction writes, by name in the state directory. */
    private final Map<String, List<Stanza>> saved = new java.util.LinkedHashMap<>();
    /** What the WPAR files read so far name of the host, to check once the host is read. */
    private final List<HostRefs.Ref> unchecked = new ArrayList<>();
    private Host pristine;

    Transaction(StateStore.View view, StateStore.Tx tx, String prog, Console con, Map<String, String> env) {
        this.view = view;
        this.tx = tx;
        this.prog = prog;
        this.con = con;
        this.env = env;
    }

    public Host host() {
        if (host == null) {
            String text = view.read(HostCodec.FILE);
            if (text == null) {
                throw AixException.of("store.missing", prog, view.path(HostCodec.FILE));
            }
            try {
                host = HostCodec.parse(text);
            } catch (HostCodec.BadHost e) {
                throw corrupt(HostCodec.FILE, e.line, e.getMessage());
            }
            check(unchecked);
            unchecked.clear();
        }
        return host;
    }

    /**
     * Checks what a state file names of the host (its logical volumes, disks, interfaces) against
     * the host as read; until the host is read, keeps them for then. After this transaction
     * changed the host nothing more is checked: what it changed is what a command decided.
     */
    private void hostRefs(List<HostRefs.Ref> refs) {
        if (host == null) {
            unchecked.addAll(refs);
        } else if (!hostDirty) {
            check(refs, host);
        } else if (!refs.isEmpty() && !saved.containsKey(refs.get(0).rel())) {
            // the host may have changed in this transaction: a file as stored goes with host.cf as stored
            check(refs, pristine());
        }
    }

    private void check(List<HostRefs.Ref> refs) {
        check(refs, host);
    }

    private void check(List<HostRefs.Ref> refs, Host h) {
        for (HostRefs.Ref r : refs) {
            String why = HostRefs.problem(h, r);
            if (why != null) {
                throw corrupt(r.rel(), r.line(), why);
            }
        }
    }

    /** The host as host.cf holds it, whatever this transaction changed. */
    private Host pristine() {
        if (pristine == null) {
            try {
                pristine = HostCodec.parse(view.read(HostCodec.FILE));
            } catch (HostCodec.BadHost e) {
                throw corrupt(HostCodec.FILE, e.line, e.getMessage());
            }
        }
        return pristine;
    }

    /** Marks the host as changed, to be written at the end of the transaction. */
    public Host hostForUpdate() {
        requireTx();
        hostDirty = true;
        return host();
    }

    public ZonedDateTime now() {
        return HostClock.now(host(), env.get(ENV_CLOCK));
    }

    /** {@link #now} in seconds since the epoch, without java.time (see {@link HostClock#nowEpoch}). */
    public long epochNow() {
        return HostClock.nowEpoch(host(), env.get(ENV_CLOCK));
    }

    private IndexText index() {
        if (index == null && view.source(INDEX) instanceof IndexText made) {
            // written by an earlier step of this joint: its lines as they are, the text not made
            index = made.copy();
        }
        if (index == null) {
            String text;
            try {
                text = view.read(INDEX, IndexText.MAX_BYTES);
            } catch (StateStore.Damaged e) {
                damagedIndex = "";
                return rebuild(e.reason);
            }
            if (text == null) {
                damagedIndex = "";
                return rebuild(view.list(WPAR_DIR).isEmpty() ? null : Messages.get("store.why.idxnone"));
            }
            try {
                index = IndexText.load(text);
            } catch (IndexText.BadIndex e) {
                damagedIndex = text;
                return rebuild(e.getMessage());
            }
        }
        return index;
    }

    /**
     * Builds the index again from the WPAR files (the index is derived data: when it disagrees
     * with them it is rebuilt, never believed nor refused), with a notice when {@code reason} is
     * given. Inside an update the new index is written with the change; a read leaves it to
     * {@link WparEngine} to write afterwards.
     */
    private IndexText rebuild(String reason) {
        List<IndexEntry> out = new ArrayList<>();
        for (String f : view.list(WPAR_DIR)) {
            if (f.endsWith(".cf") && f.length() > 3) {
                out.add(IndexEntry.of(loadFile(f.substring(0, f.length() - 3))));
            }
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        index = IndexText.of(out);
        rebuilt = true;
        if (reason != null) {
            con.warn("store.index", prog, view.path(INDEX), reason);
        }
        if (tx != null) {
            indexDirty = true;
        }
        if (damagedIndex == null) {
            damagedIndex = view.read(INDEX, IndexText.MAX_BYTES);
        }
        rebuiltIndex = index.text();
        return index;
    }

    /**
     * The index text this transaction rebuilt and the text it replaces, else null: for
     * {@link WparEngine} to write when the transaction itself writes nothing (a read, a failed
     * command).
     */
    String[] repairedIndex() {
        return rebuilt ? new String[] {damagedIndex == null ? "" : damagedIndex, rebuiltIndex} : null;
    }

    /**
     * All index entries, sorted by name. When {@code wpars/} changed after the index was put in
     * place (every command that adds or removes a WPAR file renames the index into place after
     * it, so only a hand at work in {@code wpars/} makes it newer), the index is first checked
     * against the names there.
     */
    public List<IndexEntry> entries() {
        List<IndexEntry> all = allChecked();
        if (!rebuilt && view.changed(WPAR_DIR) > view.changed(INDEX)) {
            java.util.Set<String> files = new java.util.HashSet<>();
            for (String f : view.list(WPAR_DIR)) {
                if (f.endsWith(".cf") && f.length() > 3) {
                    files.add(f.substring(0, f.length() - 3));
                }
            }
            String reason = null;
            for (IndexEntry e : all) {
                if (!files.remove(e.name()) && reason == null) {
                    reason = Messages.get("store.why.idxmissing", e.name(), WPAR_DIR + "/" + e.name() + ".cf");
                }
            }
            if (reason == null && !files.isEmpty()) {
                reason = Messages.get("store.why.idxextra", WPAR_DIR + "/" + files.iterator().next() + ".cf");
            }
            if (reason != null) {
                rebuild(reason);
                all = allChecked();
            }
        }
        all.sort((a, b) -> a.name().compareTo(b.name()));
        return all;
    }

    private List<IndexEntry> allChecked() {
        while (true) {
            try {
                List<IndexEntry> all = index().all();
                java.util.Set<String> names = new java.util.HashSet<>();
                for (int i = 0; i < all.size(); i++) {
                    if (!names.add(all.get(i).name())) {
                        if (rebuilt) {
                            throw new IllegalStateException(Messages.get("internal.rebuiltindex"));
                        }
                        rebuild(Messages.get("store.why.idxdup", i + 2, all.get(i).name()));
                        break;
                    }
                }
                if (names.size() == all.size()) {
                    return all;
                }
            } catch (IndexText.BadLine e) {
                if (rebuilt) {
                    throw new IllegalStateException(Messages.get("internal.rebuiltindex"));
                }
                rebuild(Messages.get("store.why.idxbad", e.line));
            }
        }
    }

    public IndexEntry entry(String name) {
        try {
            return index().get(name);
        } catch (IndexText.BadLine e) {
            rebuild(Messages.get("store.why.idxbad", e.line));
            return entry(name);
        }
    }

    /** True when the WPAR exists (a WPAR file the index does not list makes the index be rebuilt). */
    public boolean exists(String name) {
        if (index().contains(name)) {
            return true;
        }
        String rel = WPAR_DIR + "/" + name + ".cf";
        if (!rebuilt && view.exists(rel)) {
            rebuild(Messages.get("store.why.idxextra", rel));
            return index().contains(name);
        }
        return false;
    }

    public String directoryOwner(String dir) {
        try {
            return index().directoryOwner(dir);
        } catch (IndexText.BadLine e) {
            rebuild(Messages.get("store.why.idxbad", e.line));
            return directoryOwner(dir);
        }
    }

    /** Name of a WPAR whose base directory lies below directory {@code dir}, or null. */
    public String ownerBelow(String dir) {
        return index().ownerBelow(dir);
    }

    public String addressOwner(String addr) {
        try {
            return index().addressOwner(addr);
        } catch (IndexText.BadLine e) {
            rebuild(Messages.get("store.why.idxbad", e.line));
            return addressOwner(addr);
        }
    }

    /** The WPAR called {@code name}; the AIX "could not find" error when there is none. */
    public Wpar wpar(String name) {
        if (!exists(name)) {
            throw AixException.of("wpar.notfound", prog, name);
        }
        String rel = WPAR_DIR + "/" + name + ".cf";
        if (!rebuilt && view.read(rel) == null) {
            rebuild(Messages.get("store.why.idxmissing", name, rel));
            if (!exists(name)) {
                throw AixException.of("wpar.notfound", prog, name);
            }
        }
        Wpar w = loadFile(name);
        if (!rebuilt) {
            IndexEntry listed = entry(name);
            if (listed == null || !IndexEntry.of(w).line().equals(listed.line())) {
                rebuild(Messages.get("store.why.idxline", name, rel));
            }
        }
        return w;
    }

    /** Reads and checks a WPAR file (its name must match the file's). */
    private Wpar loadFile(String name) {
        String rel = WPAR_DIR + "/" + name + ".cf";
        Wpar w = parseStateFile(rel, view.read(rel));
        if (w == null) {
            throw AixException.of("store.missing", prog, view.path(rel));
        }
        if (!name.equals(w.name)) {
            throw corrupt(rel, 0, Messages.get("corrupt.othername", w.name));
        }
        String line = IndexEntry.of(w).line();
        IndexEntry back = IndexEntry.parse(line);
        if (back == null || !back.line().equals(line)) {
            throw corrupt(rel, 0, Messages.get("store.why.unindexable"));
        }
        return w;
    }

    /**
     * A WPAR file (or preserved file systems) as read: whole (not cut short), no stanza twice
     * where one is allowed, no two mounts of one directory or two devices of one name, then
     * decoded; null when there is no text.
     */
    private Wpar parseStateFile(String rel, String text) {
        if (text == null) {
            return null;
        }
        List<Stanza> stanzas;
        try {
            StanzaFile.checkSealed(text);
            stanzas = StanzaFile.parse(text);
            StanzaFile.checkUnique(stanzas, WPAR_SINGLETONS, WPAR_KEYS);
        } catch (StanzaFile.SyntaxException e) {
            throw corrupt(rel, e.line(), e.getMessage());
        }
        Wpar w;
        try {
            w = WparCodec.parse(stanzas, StanzaFile.isSealed(text) ? WparCodec.Strictness.WHOLE
                    : WparCodec.Strictness.STATE);
        } catch (WparCodec.BadWpar e) {
            // what is missing (line 0) would have come at the end
            throw corrupt(rel, e.line > 0 ? e.line : (int) text.lines().count(), e.getMessage());
        }
        hostRefs(HostRefs.of(rel, stanzas, w.name, rel.startsWith(PRESERVED_DIR + "/")));
        return w;
    }

    /** Writes a WPAR record and its index line. */
    public void save(Wpar w) {
        requireTx();
        String rel = WPAR_DIR + "/" + w.name + ".cf";
        tx.write(rel, sealed(rel, w));
        index().put(IndexEntry.of(w));
        indexDirty = true;
    }

    public void delete(String name) {
        requireTx();
        tx.delete(WPAR_DIR + "/" + name + ".cf");
        saved.remove(WPAR_DIR + "/" + name + ".cf");
        index().remove(name);
        indexDirty = true;
    }

    /** The preserved file systems of a WPAR removed with rmwpar -p, or null. */
    public Wpar preserved(String name) {
        String rel = PRESERVED_DIR + "/" + name + ".cf";
        return parseStateFile(rel, view.read(rel));
    }

    public void savePreserved(Wpar w) {
        requireTx();
        String rel = PRESERVED_DIR + "/" + w.name + ".cf";
        tx.write(rel, sealed(rel, w));
    }

    /**
     * The text of a WPAR file, checked as the next command will read it: a value that a command
     * let through but the strict reading refuses would make the WPAR unusable, so it is refused
     * now, with nothing written.
     */
    private String sealed(String rel, Wpar w) {
        String text = StanzaFile.seal(WparCodec.format(w, false));
        try {
            List<Stanza> stanzas = StanzaFile.parse(text);
            WparCodec.parse(stanzas, WparCodec.Strictness.WHOLE);
            saved.put(rel, stanzas);
        } catch (StanzaFile.SyntaxException | WparCodec.BadWpar e) {
            throw AixException.of("store.badsave", prog, w.name, e.getMessage());
        }
        return text;
    }

    public void deletePreserved(String name) {
        requireTx();
        tx.delete(PRESERVED_DIR + "/" + name + ".cf");
        saved.remove(PRESERVED_DIR + "/" + name + ".cf");
    }

    /** Names of the WPARs whose file systems are preserved. */
    public List<String> preservedNames() {
        List<String> out = new ArrayList<>();
        for (String f : view.list(PRESERVED_DIR)) {
            if (f.endsWith(".cf")) {
                out.add(f.substring(0, f.length() - 3));
            }
        }
        return out;
    }

    /** The size in bytes of a file of the state directory, -1 when there is none. */
    public long fileSize(String storePath) {
        return view.size(storePath);
    }

    /** Opens a file of the state directory of any size and content (a tape), or null. */
    public java.io.InputStream openFile(String storePath) {
        return view.open(storePath);
    }

    /** Writes a file of the state directory of any size and content (a tape) from a stream. */
    public long writeFileStream(String storePath, StateStore.StreamWriter writer) {
        requireTx();
        return tx.writeStream(storePath, writer);
    }

    /** A file of the simulated host's file tree (a store path from HostFiles), or null. */
    public String readFile(String storePath) {
        return view.read(storePath);
    }

    public void writeFile(String storePath, String text) {
        requireTx();
        tx.write(storePath, text);
    }

    /**
     * Refuses at once, naming the AIX path, a file of the host's file tree that the commit could
     * not write: a name too long, a file where a directory belongs, a directory in its place.
     */
    public void checkWritable(String aixPath, String storePath) {
        requireTx();
        String problem = tx.writeProblem(storePath);
        if (problem != null) {
            throw AixException.of("spec.cantwrite", prog, aixPath, Messages.get(problem));
        }
    }

    public void deleteFile(String storePath) {
        requireTx();
        tx.delete(storePath);
    }

    /** Forgets changes made to the host in this transaction (a dry run that only writes a file). */
    public void discardHostChanges() {
        host = null;
        hostDirty = false;
    }

    /** Loads every WPAR (listings that need more than the index), sorted by name. */
    public List<Wpar> all() {
        List<Wpar> out = new ArrayList<>();
        for (IndexEntry e : entries()) {
            out.add(wpar(e.name()));
        }
        return out;
    }

    /** The file tree cached under {@code key} in this transaction, made by {@code make} on first use. */
    smittywpar.host.FileTree tree(String key, java.util.function.Supplier<smittywpar.host.FileTree> make) {
        smittywpar.host.FileTree t = trees.get(key);
        if (t == null) {
            t = make.get();
            trees.put(key, t);
        }
        return t;
    }

    /** The state directory as file trees use it (writes only in an update transaction). */
    smittywpar.host.FileTree.Store treeStore() {
        if (treeStore == null) {
            treeStore = new smittywpar.host.FileTree.Store() {
                @Override
                public String read(String rel) {
                    return view.read(rel);
                }

                @Override
                public String read(String rel, long limit) {
                    return view.read(rel, limit);
                }

                @Override
                public void write(String rel, String text) {
                    requireTx();
                    tx.write(rel, text);
                }

                @Override
                public void delete(String rel) {
                    requireTx();
                    tx.delete(rel);
                }

                @Override
                public char kind(String rel) {
                    return view.kind(rel);
                }

                @Override
                public List<String> names(String relDir) {
                    return view.names(relDir);
                }

                @Override
                public RuntimeException corrupt(String rel, int line, String reason) {
                    return Transaction.this.corrupt(rel, line, reason);
                }

                @Override
                public String content(String rel) {
                    return view.readOnce(rel);
                }

                @Override
                public long size(String rel) {
                    return view.size(rel);
                }

                @Override
                public java.io.InputStream open(String rel) {
                    return view.open(rel);
                }

                @Override
                public long writeStream(String rel, StateStore.StreamWriter writer) {
                    requireTx();
                    return tx.writeStream(rel, writer);
                }
            };
        }
        return treeStore;
    }

    /** Moves every file stored under directory {@code from} of the state to {@code to}. */
    void moveStored(String from, String to) {
        requireTx();
        char k = view.kind(from);
        if (k == 'f') { // any size and content: a large tree index, a file restored from a backup
            tx.writeStream(to, out -> {
                try (java.io.InputStream in = view.open(from)) {
                    in.transferTo(out);
                }
            });
            tx.delete(from);
        } else if (k == 'd') {
            for (String n : view.names(from)) {
                moveStored(from + "/" + n, to + "/" + n);
            }
        }
        trees.clear();
    }

    /** True in an update transaction (a read-only one cannot write files). */
    public boolean writable() {
        return tx != null;
    }

    void flush() {
        if (tx == null) {
            return;
        }
        checkSaved();
        for (smittywpar.host.FileTree t : trees.values()) {
            t.flush();
        }
        if (hostDirty) {
            tx.write(HostCodec.FILE, HostCodec.format(host));
        }
        if (indexDirty) {
            // made (with its checksum) once, when read or committed: the steps of a joint take the lines
            IndexText written = index.copy();
            tx.writeMade(INDEX, written, written::text);
        }
    }

    /**
     * The WPAR files this transaction writes checked against the host it leaves (when it read
     * the host): what the next command would refuse as contradicting host.cf is refused now.
     */
    private void checkSaved() {
        if (host == null) {
            return;
        }
        for (Map.Entry<String, List<Stanza>> e : saved.entrySet()) {
            String rel = e.getKey();
            String name = rel.substring(rel.indexOf('/') + 1, rel.length() - 3);
            for (HostRefs.Ref r : HostRefs.of(rel, e.getValue(), name, rel.startsWith(PRESERVED_DIR + "/"))) {
                String why = HostRefs.problem(host, r);
                if (why != null) {
                    throw AixException.of("store.badsave", prog, name, why);
                }
            }
        }
    }

    private void requireTx() {
        if (tx == null) {
            throw new IllegalStateException(Messages.get("internal.readonly"));
        }
    }

    public AixException corrupt(String rel, int line, String reason) {
        String where = line > 0 ? Messages.get("store.where", view.path(rel), line) : view.path(rel).toString();
        return AixException.of("store.corrupt", prog, where, reason);
    }

    public String env(String key) {
        return env.get(key);
    }
}
