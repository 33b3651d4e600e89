package smittywpar.wpar;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import smittywpar.host.HostCodec;
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
        files.put(Ctx.INDEX, IndexText.HEADER);
        return files;
    }

    public StateStore store() {
        return store;
    }

    public <T> T read(Function<Ctx, T> fn) {
        return store.read(v -> fn.apply(new Ctx(v, null, prog, con, env)));
    }

    public <T> T update(Function<Ctx, T> fn) {
        return store.update(tx -> {
            Ctx c = new Ctx(tx, tx, prog, con, env);
            T result = fn.apply(c);
            c.flush();
            return result;
        });
    }
}
