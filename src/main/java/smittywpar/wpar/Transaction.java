package smittywpar.wpar;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import smittywpar.host.Host;
import smittywpar.host.HostClock;
import smittywpar.host.HostCodec;
import smittywpar.msg.AixException;
import smittywpar.msg.Messages;
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

    private Host host;
    private boolean hostDirty;
    private IndexText index;
    private boolean indexDirty;

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
        }
        return host;
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

    private IndexText index() {
        if (index == null) {
            String text = view.read(INDEX);
            if (text == null) {
                index = IndexText.of(rebuildEntries());
                if (tx != null && !view.list(WPAR_DIR).isEmpty()) {
                    indexDirty = true;
                }
            } else {
                index = new IndexText(text);
            }
        }
        return index;
    }

    private List<IndexEntry> rebuildEntries() {
        List<IndexEntry> out = new ArrayList<>();
        for (String f : view.list(WPAR_DIR)) {
            if (f.endsWith(".cf")) {
                out.add(IndexEntry.of(load(f.substring(0, f.length() - 3))));
            }
        }
        return out;
    }

    /** All index entries, sorted by name. */
    public List<IndexEntry> entries() {
        List<IndexEntry> all = index().all();
        all.sort((a, b) -> a.name().compareTo(b.name()));
        return all;
    }

    public IndexEntry entry(String name) {
        return index().get(name);
    }

    public boolean exists(String name) {
        return index().contains(name);
    }

    public String directoryOwner(String dir) {
        return index().directoryOwner(dir);
    }

    public String addressOwner(String addr) {
        return index().addressOwner(addr);
    }

    /** The WPAR called {@code name}; the AIX "could not find" error when there is none. */
    public Wpar wpar(String name) {
        if (!exists(name)) {
            throw AixException.of("wpar.notfound", prog, name);
        }
        return load(name);
    }

    private Wpar load(String name) {
        String rel = WPAR_DIR + "/" + name + ".cf";
        String text = view.read(rel);
        if (text == null) {
            throw AixException.of("store.missing", prog, view.path(rel));
        }
        try {
            Wpar w = WparCodec.parse(text);
            if (!name.equals(w.name)) {
                throw corrupt(rel, 0, Messages.get("corrupt.othername", w.name));
            }
            return w;
        } catch (WparCodec.BadWpar e) {
            throw corrupt(rel, e.line, e.getMessage());
        }
    }

    /** Writes a WPAR record and its index line. */
    public void save(Wpar w) {
        requireTx();
        tx.write(WPAR_DIR + "/" + w.name + ".cf", WparCodec.format(w, false));
        index().put(IndexEntry.of(w));
        indexDirty = true;
    }

    public void delete(String name) {
        requireTx();
        tx.delete(WPAR_DIR + "/" + name + ".cf");
        index().remove(name);
        indexDirty = true;
    }

    /** The preserved file systems of a WPAR removed with rmwpar -p, or null. */
    public Wpar preserved(String name) {
        String rel = PRESERVED_DIR + "/" + name + ".cf";
        String text = view.read(rel);
        if (text == null) {
            return null;
        }
        try {
            return WparCodec.parse(text);
        } catch (WparCodec.BadWpar e) {
            throw corrupt(rel, e.line, e.getMessage());
        }
    }

    public void savePreserved(Wpar w) {
        requireTx();
        tx.write(PRESERVED_DIR + "/" + w.name + ".cf", WparCodec.format(w, false));
    }

    public void deletePreserved(String name) {
        requireTx();
        tx.delete(PRESERVED_DIR + "/" + name + ".cf");
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

    /** A file of the simulated host's file tree (a store path from HostFiles), or null. */
    public String readFile(String storePath) {
        return view.read(storePath);
    }

    public void writeFile(String storePath, String text) {
        requireTx();
        tx.write(storePath, text);
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
            out.add(load(e.name()));
        }
        return out;
    }

    void flush() {
        if (tx == null) {
            return;
        }
        if (hostDirty) {
            tx.write(HostCodec.FILE, HostCodec.format(host));
        }
        if (indexDirty) {
            tx.write(INDEX, index.text());
        }
    }

    private void requireTx() {
        if (tx == null) {
            throw new IllegalStateException(Messages.get("internal.readonly"));
        }
    }

    public AixException corrupt(String rel, int line, String reason) {
        String where = line > 0 ? view.path(rel) + ", line " + line : view.path(rel).toString();
        return AixException.of("store.corrupt", prog, where, reason);
    }

    public String env(String key) {
        return env.get(key);
    }
}
