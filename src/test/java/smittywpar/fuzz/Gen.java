package smittywpar.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import smittywpar.msg.Messages;

/**
 * Command lines for fuzzing, built from each command's real flags (read from its usage text in
 * the catalogue, so a new flag is fuzzed without touching this class), the real WPAR attribute
 * names, and values that are hostile (empty, 100,000 characters, non-ASCII, digits of other
 * scripts, numbers that overflow, "..", "/", blanks, leading "-", control characters) or
 * plausible (the fuzz host's WPARs, disks, addresses), so that deep paths are reached too.
 */
final class Gen {
    static final String HUGE = "x".repeat(100_000);
    /** A path that must never appear on the real machine: nothing leaves the state directory. */
    static final String CANARY = "/tmp/smitty-wpar-fuzz-canary";

    static final List<String> HOSTILE = List.of("", " ", HUGE, "é", "日本語", "\u202eevil", "\u0663\u0662",
            "\u0661\u0660\u0660", "\uff11\uff12", "99999999999999999999", "-1", "0", "2147483648", "9223372036854775808",
            "-9223372036854775809", "1e9", "0x10", "..", "/", "../../../etc/passwd", "/..", "a b", "a\tb", "a\nb", "\r",
            "\u0000", "-", "--", "-n", "-Z", "=", "a=b=c", "==", ",", ",,", "*", "?", "$(id)", "`id`", "%s%n", "{0}",
            "\\", "\"", "'", ";", "|", "&", "~", CANARY, CANARY + "/x.spec", "NaN", "Infinity", "-0", "+5", "1.5",
            "007", "00000000000000000000000001");
    static final List<String> PLAUSIBLE = List.of("w1", "w2", "r1", "p1", "s1", "nosuch", "/tmp/w.spec",
            "/tmp/out.spec", "/wpars/w1", "/wpars/new", "/data", "192.168.10.50", "192.168.10.77", "192.168.20.13",
            "255.255.255.0", "en0", "en1", "lo0", "hdisk1", "hdisk2", "hdisk9", "fcs0", "rootvg", "datavg", "yes", "no",
            "1", "2", "100", "64M", "1G", "2048", "jfs2", "namefs", "nfs", "/dev/fslv01", "/dev/null", "S", "A", "D",
            "name", "state", "name,state", "general", "1,2,0", "x,y", "10-50", "0-100%", "systemwpar", "pseudo");

    /** The attribute names of the flags that take attribute=value words. */
    static final Map<Character, List<String>> ATTRIBUTES = new LinkedHashMap<>();

    static {
        ATTRIBUTES.put('N', List.of("interface", "address", "netmask", "broadcast", "address6", "prefixlen"));
        ATTRIBUTES.put('I', List.of("rtdest", "rtgateway", "rtinterface", "rtnetmask", "rtprefixlen", "rttype",
                "rtfamily"));
        ATTRIBUTES.put('M', List.of("directory", "vfs", "dev", "host", "mountopts", "size", "vg", "logname",
                "crfsopts", "mode"));
        ATTRIBUTES.put('D', List.of("devname", "devtype", "devid", "export", "rootvg", "xfactor"));
        ATTRIBUTES.put('S', List.of("secfile", "privs", "privs+", "privs-"));
        ATTRIBUTES.put('X', List.of("kext", "local", "major", "exportonly", "exportfile"));
        ATTRIBUTES.put('R', List.of("active", "rset", "shares_CPU", "CPU", "shares_memory", "memory", "procVirtMem",
                "totalVirtMem", "totalProcesses", "totalThreads", "totalPTYs", "totalLargePages", "pct_msgIDs",
                "pct_semIDs", "pct_shmIDs", "pct_pinMem"));
        ATTRIBUTES.put('B', List.of("devname", "bootset"));
    }

    /** Command lines that work on the fuzz host; a case may take one and spoil one word of it. */
    static final Map<String, List<String>> VALID = Map.ofEntries(
            Map.entry("mkwpar", List.of("-n new", "-n new -N address=192.168.10.77", "-n new -M directory=/data size=64M",
                    "-n new -R active=yes totalProcesses=500 shares_CPU=10", "-w -n new -o /tmp/out.spec",
                    "-f /tmp/w.spec -n new", "-e w1 -n new", "-n new -D devname=hdisk2 rootvg=yes", "-p p1",
                    "-n new -h new.example.com -d /wpars/new", "-n new -S privs+=PV_ROOT",
                    "-n new -I rtdest=0.0.0.0 rtgateway=192.168.10.1", "-n new -l -r -A -s")),
            Map.entry("chwpar", List.of("-h newhost w1", "-N address=192.168.10.78 w1", "-R totalProcesses=600 w1",
                    "-M directory=/data size=64M w1", "-n renamed w1", "-A w1", "-K -A w1", "-D devname=hdisk2 w1",
                    "-B devname=hdisk2 r1", "-d /wpars/moved w1", "-S privs-=PV_ROOT w1", "-I rtdest=0.0.0.0 rtgateway=192.168.10.1 w1",
                    "-R shares_CPU=20 memory=5%-50%,90% w2", "-U w1", "-K -R totalProcesses w1")),
            Map.entry("lswpar", List.of("-L w1", "-c -a name,state", "-G w2", "-N", "-M w1", "-R", "-D r1", "-I", "-S",
                    "-X", "-t S", "-s A", "-c -q -a name,hostname w1", "-d : -N")),
            Map.entry("startwpar", List.of("w1", "-v w1", "-m w1", "r1")),
            Map.entry("stopwpar", List.of("w2", "-F w2", "-N w2", "-t 5 w2", "-h w2")),
            Map.entry("rebootwpar", List.of("w2", "-F w2", "-N w2")),
            Map.entry("rmwpar", List.of("w1", "-p w1", "-F w2", "-s r1")),
            Map.entry("mount", List.of("", "/wpars/w1", "-t wpar")),
            Map.entry("umount", List.of("/wpars/w2/home", "/wpars/w2/tmp")),
            Map.entry("lsdev", List.of("-C", "-Cc if", "-l en0", "-C -F name", "-Cc disk -H", "-Cc cdrom -t DVDRAM2 -F /dev/name", "-C -F name:type", "-t vdisk")),
            Map.entry("lsvg", List.of("", "-o", "rootvg", "-l rootvg")),
            Map.entry("lspv", List.of("", "hdisk0")),
            Map.entry("df", List.of("", "-g", "-m /wpars/w2")),
            Map.entry("ifconfig", List.of("-a", "en0")),
            Map.entry("lslpp", List.of("-l", "-l bos.wpars")),
            Map.entry("hostname", List.of("", "-s")),
            Map.entry("oslevel", List.of("", "-r", "-s")),
            Map.entry("clogin", List.of("w2", "w2 hostname", "w2 -l root df -g", "w2 ls /etc", "w1 hostname",
                    "w2 cat /etc/hosts", "w2 echo x > /tmp/f", "w2 rm /etc/motd", "w2 uname -a")),
            Map.entry("aixsh", List.of("", "-c hostname", "-c 'ls /wpars/w2/etc'", "-c 'echo x > /tmp/f'",
                    "-c 'cat /tmp/w.spec | grep name'", "-c 'rm -r /tmp'", "-c 'lswpar -L w1'", "-c 'ps -ef@'")),
            Map.entry("ps", List.of("-ef", "-ef@", "-@ w2", "-p 1", "-u root", "-e -f -@ w1")),
            Map.entry("lssrc", List.of("-a", "-s sshd", "-g tcpip", "-S", "-S -s inetd", "-S -d", "-l -s syslogd",
                    "-s cor_w2", "-h localhost -a")),
            Map.entry("startsrc", List.of("-s sendmail", "-g tcpip", "-s snmpd -a -x", "-s sshd", "-s cor_w1")),
            Map.entry("stopsrc", List.of("-s syslogd", "-g spooler", "-a", "-f -s inetd", "-s cor_w2")),
            Map.entry("refresh", List.of("-s inetd", "-g tcpip", "-s sshd")),
            Map.entry("mkssys", List.of("-s new -p /usr/bin/new -u 0", "-s new -p /x -u root -S -n 15 -f 9 -R -G g",
                    "-s new -p /x -u 0 -I 5 -m 1 -q -D -E 10 -w 5 -t syn", "-s sshd -p /x -u 0")),
            Map.entry("rmssys", List.of("-s lpd", "-s sshd", "-s cor_w1")),
            Map.entry("chssys", List.of("-s lpd -G g", "-s timed -s newname", "-s inetd -S -n 15 -f 9",
                    "-s xntpd -t syn -q")),
            Map.entry("syncwpar", List.of("w1", "-p w2", "-A", "-v -i w2", "-D w1", "-a w1 w2", "-f /tmp/w.spec",
                    "-D -d /usr/sys/inst.images -A", "-r -F w2", "-X -p -A")),
            Map.entry("syncroot", List.of("", "-p", "-v", "-i", "-r -F", "-a -X")),
            Map.entry("installp", List.of("-acgXd /usr/sys/inst.images bos.rte", "-l -d /usr/sys/inst.images",
                    "-c all", "-apd /usr/sys/inst.images all", "-ad /usr/sys/inst.images xlC.rte 16.1.0.7",
                    "-acgXYd /usr/sys/inst.images bos.wpars bos.perf.tools")),
            Map.entry("wparexec", List.of("-n new /usr/bin/echo hi", "-n new -h new.example.com /usr/bin/hostname",
                    "-n new -N address=192.168.10.77 /opt/app/bin/server", "-1 -n new /opt/app/bin/server",
                    "-w -o /tmp/out.spec -n new /usr/bin/echo x", "-f /tmp/w.spec -n new /usr/bin/true",
                    "-e w1 -n new /usr/bin/true", "-n new -R totalProcesses=500 -- LANG=C /usr/bin/ls /wpars",
                    "-n new -M directory=/data dev=/tmp /usr/bin/ls /data", "-n new -i -c -v -a -F -x /usr/bin/false",
                    "-n new -I rtdest=0.0.0.0 rtgateway=192.168.10.1 /usr/bin/uname -W", "-n new /usr/bin/ksh -c hostname",
                    "-n w1 /usr/bin/echo", "-n new -u /tmp/script /usr/bin/ps -ef")),
            Map.entry("mkwpardata", List.of("w1", "-m w2", "-X r1")),
            Map.entry("savewpar", List.of("-f /tmp/w1.bk w1", "w2", "-i -f /tmp/w2.bk w2", "-v -e -f /tmp/x.bk w1",
                    "-m -f /tmp/r1.bk r1", "-B -V w2")),
            Map.entry("restwpar", List.of("-f /tmp/w1.bk", "-n w9 -f /tmp/w1.bk", "-F -f /tmp/w1.bk -s",
                    "-n w8 -d /wpars/w8x -h w8host -f /tmp/w1.bk -a",
                    "-f /tmp/w.spec", "-U -v -f /tmp/w1.bk -n w7")),
            Map.entry("lssavewpar", List.of("-f /tmp/w1.bk", "-l -f /tmp/w1.bk", "-L -c -f /tmp/w1.bk", "-N -f /tmp/w1.bk",
                    "", "-V")),
            Map.entry("restwparfiles", List.of("-d /tmp/out -f /tmp/w1.bk", "-m -d /tmp/o -f /tmp/w1.bk",
                    "-d /tmp/out -f /tmp/w1.bk ./etc/hosts ./etc/motd", "-d /wpars/w2 -f /tmp/w1.bk ./etc/motd")),
            Map.entry("mkcd", List.of("-d /dev/cd0 -W w1", "-S -W w2 -R", "-d /dev/cd0 -W w1 -V rootvg -e -P",
                    "-W w1", "-d /dev/cd0 -w /tmp/w1.bk")),
            Map.entry("mkdvd", List.of("-d /dev/cd0 -W w1 -U", "-S -W w2", "-d cd0 -W w1 -C /tmp/fs -I /tmp/img")));

    /** A flag of a command's usage: its letter, and whether it takes a value or attribute words. */
    record Flag(char letter, boolean value, boolean attributes) {
    }

    /** The flags of a command, read from its usage text ({@code usage.NAME} in the catalogue). */
    static List<Flag> flags(String command) {
        String usage = Messages.get("usage." + command).replaceAll("[\\[\\]{}|]", " ");
        String[] t = usage.trim().split("\\s+");
        Map<Character, Flag> out = new LinkedHashMap<>();
        for (int i = 0; i < t.length; i++) {
            if (t[i].length() == 2 && t[i].charAt(0) == '-' && Character.isLetter(t[i].charAt(1))) {
                String next = i + 1 < t.length ? t[i + 1] : "";
                boolean value = !next.isEmpty() && Character.isLetter(next.charAt(0)) && !next.equals(command);
                out.merge(t[i].charAt(1), new Flag(t[i].charAt(1), value, next.contains("=")),
                        (a, b) -> new Flag(a.letter, a.value || b.value, a.attributes || b.attributes));
            }
        }
        return new ArrayList<>(out.values());
    }

    private final Random random;

    Gen(long seed) {
        random = new Random(seed);
    }

    <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    String value() {
        return random.nextBoolean() ? pick(HOSTILE) : pick(PLAUSIBLE);
    }

    String attribute(char flag) {
        List<String> names = ATTRIBUTES.getOrDefault(flag, List.of("name"));
        String name = random.nextInt(8) == 0 ? value() : pick(names);
        return random.nextInt(10) == 0 ? name : name + "=" + value();
    }

    /**
     * An argument vector for {@code command}: a working command line (one case in ten), the same
     * with one word spoiled (replaced, its value after '=' replaced, or a word added; six in ten),
     * or flags, values, attribute words and operands mixed at random (three in ten).
     */
    List<String> argv(String command, List<Flag> flags) {
        int mode = random.nextInt(10);
        if (mode < 7) {
            List<String> out = new ArrayList<>();
            for (String w : pick(VALID.get(command)).split(" ")) {
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
            if (mode == 0) {
                return out;
            }
            int at = out.isEmpty() ? 0 : random.nextInt(out.size());
            switch (out.isEmpty() ? 2 : random.nextInt(3)) {
                case 0 -> out.set(at, value());
                case 1 -> {
                    int eq = out.get(at).indexOf('=');
                    out.set(at, eq < 0 ? value() : out.get(at).substring(0, eq + 1) + value());
                }
                default -> out.add(random.nextInt(out.size() + 1), random.nextBoolean() ? value()
                        : attribute(pick(List.copyOf(ATTRIBUTES.keySet()))));
            }
            return out;
        }
        List<String> out = new ArrayList<>();
        int n = random.nextInt(7);
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(10);
            if (kind < 6 && !flags.isEmpty()) {
                Flag f = pick(flags);
                if (random.nextInt(8) == 0) {
                    out.add("-" + f.letter() + pick(flags).letter());
                    continue;
                }
                out.add("-" + f.letter());
                if (f.attributes()) {
                    for (int k = 1 + random.nextInt(3); k > 0; k--) {
                        out.add(attribute(f.letter()));
                    }
                } else if (f.value() && random.nextInt(10) > 0) {
                    out.add(value());
                }
            } else {
                out.add(value());
            }
        }
        if (random.nextInt(3) > 0) {
            out.add(pick(List.of("w1", "w2", "r1", "p1", "nosuch")));
        }
        return out;
    }

    /** A short, printable name for a test case. */
    static String label(String command, List<String> argv) {
        StringBuilder sb = new StringBuilder(command);
        for (String a : argv) {
            sb.append(' ');
            String shown = a.length() > 24 ? a.substring(0, 12) + "…(" + a.length() + ")" : a;
            sb.append('\'');
            for (char c : shown.toCharArray()) {
                sb.append(c < ' ' || c == 127 ? String.format("\\x%02x", (int) c) : String.valueOf(c));
            }
            sb.append('\'');
        }
        return sb.length() > 150 ? sb.substring(0, 150) + "…" : sb.toString();
    }
}
