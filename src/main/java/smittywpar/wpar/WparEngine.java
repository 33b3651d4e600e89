package smittywpar.wpar;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import smittywpar.host.HostCodec;
import smittywpar.msg.Messages;
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
        this.store = new StateStore(StateStore.locate(env), prog, con.err(), () -> initialFiles(env), env);
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
        files.put(Transaction.INDEX, IndexText.HEADER);
        return files;
    }

    public StateStore store() {
        return store;
    }

    /** Runs {@code fn} in a read-only transaction. */
    public <T> T read(Function<Transaction, T> fn) {
        return store.read(v -> within(new Transaction(v, null, prog, con, env), fn));
    }

    /** Runs {@code fn} in an update transaction: what it changed is written when it returns. */
    public <T> T update(Function<Transaction, T> fn) {
        return store.update(tx -> within(new Transaction(tx, tx, prog, con, env), fn));
    }

    private static <T> T within(Transaction t, Function<Transaction, T> fn) {
        try {
            T result = fn.apply(t);
            t.flush();
            return result;
        } catch (IndexText.BadLine e) {
            throw t.corrupt(Transaction.INDEX, e.line, Messages.get("corrupt.index"));
        }
    }
}
