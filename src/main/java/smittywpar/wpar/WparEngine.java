package smittywpar.wpar;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import smittywpar.host.HostCodec;
import smittywpar.msg.AixException;
import smittywpar.store.StateStore;

/** Entry point to the WPAR engine: runs read or update transactions over the state directory. */
public final class WparEngine {
    /** Seed for the id sequence of a newly created host (tests fix it; default random). */
    public static final String ENV_SEED = "SMITTY_WPAR_SEED";

    private final StateStore store;
    public final String prog;
    public final Console con;
    private final Map<String, String> env;

    public WparEngine(String prog, Console con, Map<String, String> env) {
        this.prog = prog;
        this.con = con;
        this.env = env;
        this.store = new StateStore(StateStore.locate(env, prog), prog, con.err(), () -> initialFiles(env), env);
    }

    static Map<String, String> initialFiles(Map<String, String> env) {
        long seed;
        try {
            seed = env.containsKey(ENV_SEED) ? Long.parseLong(env.get(ENV_SEED)) : new SecureRandom().nextLong() >>> 1;
        } catch (NumberFormatException e) {
            seed = env.get(ENV_SEED).hashCode() & 0x7fffffffL;
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put(HostCodec.FILE, HostCodec.defaultHostText(seed));
        files.put(Transaction.INDEX, IndexText.of(java.util.List.of()).text());
        return files;
    }

    public StateStore store() {
        return store;
    }

    /**
     * Runs {@code fn} in a read-only transaction. When it found the WPAR index damaged and
     * rebuilt it in memory, the rebuilt index is written afterwards (see {@link #writeRepairedIndex}).
     */
    public <T> T read(Function<Transaction, T> fn) {
        Transaction[] t = new Transaction[1];
        try {
            return store.read(v -> {
                t[0] = new Transaction(v, null, prog, con, env);
                return fn.apply(t[0]);
            });
        } finally {
            writeRepairedIndex(t[0]);
        }
    }

    /** Runs {@code fn} in an update transaction: what it changed is written when it returns. */
    public <T> T update(Function<Transaction, T> fn) {
        Transaction[] t = new Transaction[1];
        try {
            return store.update(tx -> {
                t[0] = new Transaction(tx, tx, prog, con, env);
                T result = fn.apply(t[0]);
                t[0].flush();
                return result;
            });
        } catch (AixException e) {
            writeRepairedIndex(t[0]);
            throw e;
        }
    }

    /**
     * Runs {@code fn} as one transaction with every read and update of the state it makes, through
     * this engine or any other (a command run inside it, a shell): written once, when it ends, and
     * a process that dies before leaves the state as it was. See {@link StateStore#joint}; before
     * anything in it waits, {@link #settle()}.
     */
    public <T> T joint(java.util.function.Supplier<T> fn) {
        return store.joint(fn);
    }

    /**
     * Before this thread waits (a sleep, input, an application that goes on running): the
     * {@link #joint} it runs in, if any, is committed now and the state unlocked, so that other
     * commands see it and are not kept waiting.
     */
    public static void settle() {
        StateStore.settle();
    }

    /**
     * Writes the index a transaction rebuilt when the transaction did not (a read, or a command
     * that failed), unless another command changed the index meanwhile or the state cannot be
     * written: then it stays as it was, and the next command rebuilds it again.
     */
    private void writeRepairedIndex(Transaction t) {
        String[] repaired = t == null ? null : t.repairedIndex();
        if (repaired == null) {
            return;
        }
        try {
            store.update(tx -> {
                String now;
                try {
                    now = tx.read(Transaction.INDEX, IndexText.MAX_BYTES);
                } catch (StateStore.Damaged e) {
                    now = "";
                }
                if ((now == null ? "" : now).equals(repaired[0])) {
                    tx.write(Transaction.INDEX, repaired[1]);
                }
                return null;
            });
        } catch (AixException e) {
            // not writable now
        }
    }
}
