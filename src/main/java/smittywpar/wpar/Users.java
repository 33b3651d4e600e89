package smittywpar.wpar;

import java.util.ArrayList;
import java.util.List;

/**
 * The users and groups of a file tree, read from its {@code /etc/passwd} and {@code /etc/group}
 * (so a user added there inside a WPAR can log in with {@code clogin NAME -l user}).
 */
public final class Users {
    /** A user: name, ids, home directory, login shell. */
    public record User(String name, long uid, long gid, String home, String shell) {
    }

    /** A group: name, id, members. */
    public record Group(String name, long gid, List<String> members) {
    }

    private final List<User> users = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();

    public Users(String passwd, String group) {
        for (String line : passwd.split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length >= 7 && !f[0].isEmpty()) {
                long uid = number(f[2]);
                long gid = number(f[3]);
                if (uid >= 0 && gid >= 0) {
                    users.add(new User(f[0], uid, gid, f[5].isEmpty() ? "/" : f[5], f[6]));
                }
            }
        }
        for (String line : group.split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length >= 4 && !f[0].isEmpty()) {
                long gid = number(f[2]);
                if (gid >= 0) {
                    List<String> members = new ArrayList<>();
                    for (String m : f[3].split(",")) {
                        if (!m.isBlank()) {
                            members.add(m.strip());
                        }
                    }
                    groups.add(new Group(f[0], gid, members));
                }
            }
        }
    }

    private static long number(String s) {
        if (s.isEmpty() || s.length() > 10) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(s);
    }

    public User user(String name) {
        for (User u : users) {
            if (u.name().equals(name)) {
                return u;
            }
        }
        return null;
    }

    /** The user with id {@code uid} (the first such line), or null. */
    public User byUid(long uid) {
        for (User u : users) {
            if (u.uid() == uid) {
                return u;
            }
        }
        return null;
    }

    public Group group(long gid) {
        for (Group g : groups) {
            if (g.gid() == gid) {
                return g;
            }
        }
        return null;
    }

    /** The name of group {@code gid}, or the number when there is no such group. */
    public String groupName(long gid) {
        Group g = group(gid);
        return g == null ? String.valueOf(gid) : g.name();
    }

    /** The groups that list {@code user} as a member, other than its primary group, in file order. */
    public List<Group> supplementary(User user) {
        List<Group> out = new ArrayList<>();
        for (Group g : groups) {
            if (g.gid() != user.gid() && g.members().contains(user.name())) {
                out.add(g);
            }
        }
        return out;
    }

    /** The names of every group {@code user} belongs to (primary first). */
    public List<String> groupNames(User user) {
        List<String> out = new ArrayList<>();
        out.add(groupName(user.gid()));
        for (Group g : supplementary(user)) {
            out.add(g.name());
        }
        return out;
    }
}
