#!/usr/bin/env python3
"""The benchmark of smitty-wpar: every figure of BENCHMARKS.md in one run.

    python3 bench/bench.py [--runs N] [--presses N] [--skip-8192]

From the project root (the launcher builds the jar when it is missing or stale). Measures, with
runs of the things compared interleaved so that the load of the machine hits them alike:

  * the floor: a bare-JVM hello world on the JVM the launcher uses, with the JVM's default flags;
  * smitty mkwpar's first complete frame on a fresh 80x24 pseudo-terminal (time from the start of
    the process to the byte that completes the last legend row), against hello world's output:
    as a user gets it (the launcher shows the frame smitty kept from its last start the same way),
    and with no frame kept (what the JVM draws itself: the first start after a change);
  * the first answered key: a Down written to the terminal as soon as the process starts, time
    until the cursor stands on the second field;
  * keystroke to redrawn frame in the dialog (Down/Up, and a letter typed into a field), time from
    the write of the key to the first and to the last byte of the answer, against dialog(1)'s
    --form (C, ncurses) when it is installed;
  * the AIX commands on the default host and on a host of 8,192 WPARs (made once through the real
    mkwpar by bench/Populate.java, about three minutes, kept in target/bench-8192), whole processes,
    against hello world;
  * peak resident memory (VmHWM of the process tree) of smitty showing the dialog, against a hello
    world that waits.

Every figure is the median of --runs (default 15) interleaved runs; keystrokes are --presses
(default 60) per kind. Nothing polls: the terminal's output is read with blocking reads, so the
measurement takes no CPU from the program under test. Prints the table with the ratios and the
targets, the machine, its load before and after, and hello world's own time.
"""
import argparse, fcntl, os, platform, pty, re, select, shutil, signal, statistics, struct, subprocess, sys
import termios, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "bin")
WORK = os.path.join(ROOT, "target", "bench")
BIG = os.path.join(ROOT, "target", "bench-8192")
DOWN, UP, F10 = b"\x1b[B", b"\x1b[A", b"\x1b[21~"
READY = b"Enter=Do"  # the last legend row of the mkwpar dialog: the frame is complete
CURSOR = re.compile(rb"\x1b\[\?25h\x1b\[(\d+);(\d+)H")  # cursor shown and placed: the end of a frame


def launcher_java():
    """The JVM bin/smitty picks under ENV (which has no JAVA_HOME): $SMITTY_WPAR_JAVA, else the
    newest JDK of the usual places (Temurin 25 on this project's machines), else PATH."""
    for j in (os.environ.get("SMITTY_WPAR_JAVA"), "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java",
              os.path.join(os.environ.get("JAVA_HOME", "/nonexistent"), "bin", "java")):
        if j and os.access(j, os.X_OK):
            return j
    return shutil.which("java")


JAVA = launcher_java()
ENV = {"PATH": BIN + ":/usr/bin:/bin", "TERM": "xterm-256color", "LANG": "C.UTF-8",
       "HOME": os.path.join(WORK, "home"), "SMITTY_WPAR_HOME": os.path.join(WORK, "state")}


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def per_round(xs, refs):
    """Each round's ratio (the load changes from round to round, and hits both alike within one)."""
    return [x / r for x, r in zip(xs, refs) if x and r]


# ---- processes on a pseudo-terminal ------------------------------------------------------------

class Pty:
    """ARGV on a fresh 80x24 pseudo-terminal; `early` is written before the program reads anything."""

    def __init__(self, argv, env=None, early=None):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(argv[0], argv, env or ENV)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.t0 = time.perf_counter()
        if early:
            os.write(self.fd, early)
        self.buf = b""

    def until(self, test, timeout=20.0):
        """Reads (blocking) until test(buffer) is true; the time since the start in ms, or None."""
        end = time.perf_counter() + timeout
        while not test(self.buf):
            left = end - time.perf_counter()
            if left <= 0 or not select.select([self.fd], [], [], left)[0]:
                return None
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                return None
            if not chunk:
                return None
            self.buf += chunk
        return (time.perf_counter() - self.t0) * 1000

    def drain(self, quiet=0.2):
        while select.select([self.fd], [], [], quiet)[0]:
            try:
                if not os.read(self.fd, 65536):
                    return
            except OSError:
                return

    def rss_kb(self):
        """Peak resident set of the process tree (the launcher's shell and its JVM)."""
        best, todo = 0, [self.pid]
        while todo:
            p = todo.pop()
            try:
                for line in open("/proc/%d/status" % p):
                    if line.startswith("VmHWM"):
                        best = max(best, int(line.split()[1]))
                todo += [int(c) for c in open("/proc/%d/task/%d/children" % (p, p)).read().split()]
            except OSError:
                pass
        return best

    def close(self, keys=None):
        if keys:
            try:
                os.write(self.fd, keys)
            except OSError:
                pass
        end = time.perf_counter() + 3
        while time.perf_counter() < end:
            if not select.select([self.fd], [], [], 0.1)[0]:
                done, _ = os.waitpid(self.pid, os.WNOHANG)
                if done:
                    break
                continue
            try:
                if not os.read(self.fd, 65536):
                    break
            except OSError:
                break
        try:
            os.kill(self.pid, signal.SIGKILL)
        except OSError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        os.close(self.fd)


def smitty():
    return [os.path.join(BIN, "smitty"), "mkwpar"]


def hello(kind="Hello"):
    return [JAVA, "-cp", os.path.join(WORK, "hello"), kind]


def dialog_argv():
    d = shutil.which("dialog")
    if not d:
        return None
    return [d, "--form", "Create a System Workload Partition", "24", "80", "16",
            "Workload Partition Name", "1", "1", "", "1", "30", "20", "0",
            "Hostname", "2", "1", "", "2", "30", "20", "0",
            "Base directory", "3", "1", "", "3", "30", "20", "0"]


# ---- set-up ------------------------------------------------------------------------------------

def prepare():
    os.makedirs(os.path.join(WORK, "hello"), exist_ok=True)
    os.makedirs(ENV["HOME"], exist_ok=True)
    src = os.path.join(WORK, "hello", "Hello.java")
    with open(src, "w") as f:
        f.write('public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n')
    with open(os.path.join(WORK, "hello", "HelloWait.java"), "w") as f:
        f.write('public class HelloWait { public static void main(String[] a) throws Exception {'
                ' System.out.println("hello"); System.out.flush(); Thread.sleep(3000); } }\n')
    javac = os.path.join(os.path.dirname(JAVA), "javac")
    if not os.access(javac, os.X_OK):
        javac = shutil.which("javac")
    subprocess.run([javac, "--release", "17", "-d", os.path.join(WORK, "hello"), src,
                    os.path.join(WORK, "hello", "HelloWait.java")], check=True)
    # the launcher builds the jar if needed, then makes its start-up caches in the background
    shutil.rmtree(ENV["SMITTY_WPAR_HOME"], ignore_errors=True)
    subprocess.run([os.path.join(BIN, "mkwpar"), "-n", "w00001", "-N", "address=192.168.20.21"],
                   env=dict(ENV), capture_output=True)
    wait_for_caches()  # (the launcher makes one cache at a time)
    p = Pty(smitty())
    p.until(lambda b: READY in b, 120)
    p.close(F10)
    wait_for_caches()
    # every command once (its start-up cache is made in the background the first time), then wait for them
    for _, _, argv, env in cli_cases(False):
        cli(argv, env)
        wait_for_caches()
    # smitty keeps its first frame dated two seconds before its start: let the state be older than that
    time.sleep(2.5)
    p = Pty(smitty())
    p.until(lambda b: READY in b, 60)
    p.close(F10)


def wait_for_caches(limit=180):
    """Waits while the launcher makes start-up caches in the background (their markers are there)."""
    end = time.time() + limit
    target = os.path.join(ROOT, "target")
    while time.time() < end and any(f.endswith(".training") for f in os.listdir(target)):
        time.sleep(0.5)


def populate(skip):
    if skip or os.path.exists(os.path.join(BIG, "wpars", "w08192.cf")):
        return
    shutil.rmtree(BIG, ignore_errors=True)
    print("making the host of 8,192 WPARs in %s (once; about three minutes) ..." % BIG, file=sys.stderr)
    subprocess.run([JAVA, "-cp", os.path.join(ROOT, "target", "smitty-wpar.jar"),
                    os.path.join(ROOT, "bench", "Populate.java"), BIG, "8192"], check=True)


# ---- the measurements --------------------------------------------------------------------------

def cli(argv, env):
    t = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return (time.perf_counter() - t) * 1000


def cli_cases(with_big):
    cmds = [["lswpar"], ["lswpar", "w00001"], ["lswpar", "-L", "w00001"], ["lswpar", "-c", "-q", "-a", "name,state"],
            ["startwpar", "w00001"], ["clogin", "w00001", "hostname"], ["stopwpar", "w00001"],
            ["mkwpar", "-n", "bench1"], ["rmwpar", "bench1"], ["df", "-g"], ["lslpp", "-l"], ["oslevel", "-s"]]
    # the commands of later issues, as soon as the launcher has them
    for extra in (["wparexec", "-n", "bench2", "/usr/bin/true"],
                  ["savewpar", "-f", "/tmp/w00001.bff", "w00001"]):
        if os.path.exists(os.path.join(BIN, extra[0])):
            cmds.append(extra)
    hosts = [("default host", ENV["SMITTY_WPAR_HOME"])] + ([("8,192 WPARs", BIG)] if with_big else [])
    cases = []
    for tag, home in hosts:
        env = dict(ENV, SMITTY_WPAR_HOME=home)
        for c in cmds:
            cases.append((" ".join(c), tag, [os.path.join(BIN, c[0])] + c[1:], env))
    return cases


BACKUP = os.path.join(ROOT, "target", "bench-backup")


def timed(argv, env):
    """Runs a whole process; returns (ms, peak resident MB of it: the launcher execs the JVM)."""
    t = time.perf_counter()
    p = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    ms = (time.perf_counter() - t) * 1000
    if status != 0:
        raise SystemExit("%s failed: %s" % (" ".join(argv), p.stderr.read().decode()))
    return ms, ru.ru_maxrss / 1024


def backup_wpar(env, name, files):
    """A WPAR with `files` changed files (10 per directory, copied tenfold per level), made once."""
    run = lambda *argv: subprocess.run([os.path.join(BIN, argv[0])] + list(argv[1:]), env=env, check=True,
                                       stdout=subprocess.DEVNULL)
    run("mkwpar", "-n", name, "-M", "directory=/home", "size=512M")
    run("startwpar", name)
    lines = ["mkdir /home/l0"] + ["echo file %d > /home/l0/f%d" % (i, i) for i in range(10)]
    level, have = 0, 10
    while have < files:
        lines.append("mkdir /home/l%d" % (level + 1))
        lines += ["cp -r /home/l%d /home/l%d/c%d" % (level, level + 1, i) for i in range(10)]
        level, have = level + 1, have * 10
    subprocess.run([os.path.join(BIN, "clogin"), name], input="\n".join(lines + ["exit"]) + "\n", text=True,
                   env=env, check=True, stdout=subprocess.DEVNULL)
    # only the last level stays: exactly `files` files
    subprocess.run([os.path.join(BIN, "clogin"), name, " ; ".join(
        "rm -r /home/l%d" % i for i in range(level))], env=env, check=True, stdout=subprocess.DEVNULL)


def backup_rows(runs):
    """savewpar and restwpar (-F over the WPAR) of WPARs with 1,000 and 10,000 changed files: medians of time and
    peak memory; the memory must not grow with the number of files."""
    rows = []
    for files in (1000, 10000):
        home = os.path.join(BACKUP, "h%d" % files)
        env = dict(ENV, SMITTY_WPAR_HOME=home)
        name = "bk%d" % files
        if not os.path.exists(os.path.join(home, "wpars", name + ".cf")):
            shutil.rmtree(home, ignore_errors=True)
            print("making a WPAR with %d changed files in %s (once) ..." % (files, home), file=sys.stderr)
            backup_wpar(env, name, files)
        image = "/tmp/%s.bk" % name
        save = [os.path.join(BIN, "savewpar"), "-f", image, name]
        rest = [os.path.join(BIN, "restwpar"), "-F", "-f", image]
        res = {"save": [], "save_mb": [], "rest": [], "rest_mb": []}
        for _ in range(runs):
            t, mb = timed(save, env)
            res["save"].append(t)
            res["save_mb"].append(mb)
            t, mb = timed(rest, env)
            res["rest"].append(t)
            res["rest_mb"].append(mb)
        rows.append(("savewpar, %d changed files (ms)" % files, median(res["save"])))
        rows.append(("savewpar, %d changed files: peak RSS (MB)" % files, median(res["save_mb"])))
        rows.append(("restwpar -F, %d changed files (ms)" % files, median(res["rest"])))
        rows.append(("restwpar -F, %d changed files: peak RSS (MB)" % files, median(res["rest_mb"])))
    return rows


def frame_round(res, target):
    """One round: hello world, smitty's first frame (and its memory), the same with no frame kept, the first
    answered key, a waiting hello's memory."""
    p = Pty(hello())
    res["hello"].append(p.until(lambda b: b"hello" in b, 20))
    p.close()
    time.sleep(0.2)
    p = Pty(smitty())
    res["frame"].append(p.until(lambda b: READY in b, 30))
    time.sleep(0.5)
    res["rss"].append(p.rss_kb() / 1024)
    p.close(F10)
    time.sleep(0.2)
    # no kept frame: as after a change of the state, the terminal or the program (smitty keeps it anew)
    try:
        os.remove(os.path.join(ENV["HOME"], ".cache", "smitty-wpar", "frame_mkwpar"))
    except OSError:
        pass
    p = Pty(smitty())
    res["frame_drawn"].append(p.until(lambda b: READY in b, 30))
    p.close(F10)
    time.sleep(0.2)
    p = Pty(smitty(), early=DOWN)
    res["firstkey"].append(p.until(lambda b: READY in b and target in b[b.index(READY):], 30))
    p.close(F10)
    time.sleep(0.2)
    p = Pty(hello("HelloWait"))
    p.until(lambda b: b"hello" in b, 20)
    time.sleep(0.5)
    res["hello_rss"].append(p.rss_kb() / 1024)
    p.close()
    time.sleep(0.2)


def second_field_cursor():
    """The bytes that place the cursor on the dialog's second field (learnt from one Down)."""
    p = Pty(smitty())
    if p.until(lambda b: READY in b, 60) is None:
        sys.exit("smitty mkwpar never showed its dialog")
    time.sleep(0.5)
    p.drain()
    p.buf = b""
    os.write(p.fd, DOWN)
    p.until(lambda b: CURSOR.search(b), 5)
    p.drain(0.1)
    p.close(F10)
    last = list(CURSOR.finditer(p.buf))
    if not last:
        sys.exit("smitty mkwpar did not answer Down")
    return last[-1].group(0)


class Session:
    """A program on its own pty, waiting for keys; press() times one key: first and last byte of the answer."""

    def __init__(self, argv, ready, keys):
        self.keys, self.n, self.first, self.last = keys, 0, [], []
        self.p = Pty(argv)
        self.ok = self.p.until(lambda b: ready in b, 60) is not None

    def settle(self):
        self.p.drain()

    def press(self):
        k = self.keys[(self.n // 5) % len(self.keys)]  # five one way, five back: the cursor stays on screen
        self.n += 1
        fd = self.p.fd
        t = time.perf_counter()
        os.write(fd, k)
        first = last = None
        while True:
            if not select.select([fd], [], [], 0.04 if first else 2)[0]:
                break  # 40 ms of quiet ends the answer
            try:
                if not os.read(fd, 65536):
                    break
            except OSError:
                break
            now = time.perf_counter()
            first = first or now
            last = now
        if first:
            self.first.append((first - t) * 1000)
            self.last.append((last - t) * 1000)

    def close(self):
        self.p.close(F10)


def keystrokes(presses, dlg):
    """The sessions side by side, their presses interleaved; each gets all its presses (as a user would)."""
    sessions = {"down": Session(smitty(), READY, [DOWN, UP]), "char": Session(smitty(), READY, [b"x"])}
    if dlg:
        sessions["dlg"] = Session(dlg, b"Workload", [b"\x1bOB", b"\x1bOA"])
    time.sleep(1.0)
    for s in sessions.values():
        s.settle()
    for _ in range(presses):
        for s in sessions.values():
            if s.ok:
                s.press()
                time.sleep(0.05)
    for s in sessions.values():
        s.close()
    return sessions


# ---- report ------------------------------------------------------------------------------------

def load():
    return " ".join(open("/proc/loadavg").read().split()[:3])


def machine():
    cpu = "?"
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    ver = subprocess.run([JAVA, "-version"], capture_output=True, text=True).stderr.splitlines()
    return "%d cores (%s), %s %s, %s" % (os.cpu_count(), cpu, platform.system(), platform.release(),
                                         ver[0] if ver else JAVA)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--presses", type=int, default=60)
    ap.add_argument("--skip-8192", action="store_true", help="leave out the host of 8,192 WPARs")
    ap.add_argument("--backup", action="store_true",
                    help="also savewpar and restwpar of WPARs with 1,000 and 10,000 changed files (time, peak memory)")
    ap.add_argument("--only-backup", action="store_true", help="only the backup case (implies --backup)")
    a = ap.parse_args()
    if a.only_backup:
        for row in backup_rows(max(3, a.runs // 3)):
            print("| %s | %.2f |" % row)
        return
    started = time.time()
    print("smitty-wpar benchmark, %s" % time.strftime("%Y-%m-%d %H:%M"))
    print("machine: %s" % machine())
    print("java: %s (hello world with the JVM's default flags)" % JAVA)
    print("load average before: %s" % load())
    prepare()
    populate(a.skip_8192)
    rows = []

    # first frame, first answered key, memory
    target = second_field_cursor()
    res = {k: [] for k in ("hello", "frame", "frame_drawn", "firstkey", "rss", "hello_rss")}
    for _ in range(a.runs):
        frame_round(res, target)
    h = median([x for x in res["hello"] if x])
    rows.append(("hello world on a pty (the floor)", h, None, None, None))
    rows.append(("smitty mkwpar: first complete frame", median([x for x in res["frame"] if x]), h, "hello", 1.3,
                 per_round(res["frame"], res["hello"])))
    rows.append(("smitty mkwpar: first frame when none is kept (drawn by the JVM)",
                 median([x for x in res["frame_drawn"] if x]), h, "hello", None,
                 per_round(res["frame_drawn"], res["hello"])))
    rows.append(("smitty mkwpar: first answered key (Down sent at start)",
                 median([x for x in res["firstkey"] if x]), h, "hello", 2.0,
                 per_round(res["firstkey"], res["hello"])))
    rows.append(("smitty mkwpar: peak RSS (MB)", median(res["rss"]), median(res["hello_rss"]), "hello", 1.3))

    # keystrokes, interleaved with dialog's
    dlg = dialog_argv()
    ss = keystrokes(a.presses, dlg)
    ks = {"down_f": ss["down"].first, "down_l": ss["down"].last, "char_f": ss["char"].first,
          "char_l": ss["char"].last, "dlg_f": ss["dlg"].first if dlg else [], "dlg_l": ss["dlg"].last if dlg else []}
    d_first, d_last = median(ks["dlg_f"]), median(ks["dlg_l"])
    anchor = "dialog" if dlg else "dialog (not installed)"
    rows.append(("keystroke Down/Up -> frame, first byte (ms)", median(ks["down_f"]), d_first if dlg else None, anchor,
                 "1 ms"))
    rows.append(("keystroke Down/Up -> frame, last byte (ms)", median(ks["down_l"]), d_last if dlg else None, anchor,
                 "1 ms"))
    rows.append(("keystroke letter -> frame, first byte (ms)", median(ks["char_f"]), d_first if dlg else None, anchor,
                 "1 ms"))
    rows.append(("keystroke letter -> frame, last byte (ms)", median(ks["char_l"]), d_last if dlg else None, anchor,
                 "1 ms"))

    # the commands, interleaved round by round with hello world
    cases = cli_cases(not a.skip_8192)
    for _, _, argv, env in cases:  # one run each first: caches of the file system, the state's indexes
        cli(argv, env)
    times = {("hello", ""): []}
    for c in cases:
        times[(c[0], c[1])] = []
    for _ in range(a.runs):
        times[("hello", "")].append(cli(hello(), dict(ENV)))
        for name, tag, argv, env in cases:
            times[(name, tag)].append(cli(argv, env))
    hc = median(times[("hello", "")])
    rows.append(("hello world, whole process (the floor)", hc, None, None, None))
    for name, tag, _, _ in cases:
        rows.append(("%s [%s]" % (name, tag), median(times[(name, tag)]), hc, "hello",
                     1.5 if tag == "default host" else None, per_round(times[(name, tag)], times[("hello", "")])))
    if not a.skip_8192:
        for name, tag, _, _ in cases:
            if tag != "default host":
                one = len(name.split()) > 1 and ("w00001" in name or "bench1" in name)
                limit = 1.2 if one else (2.0 if name == "lswpar" else None)
                rows.append(("%s: 8,192 WPARs vs default host" % name, median(times[(name, tag)]),
                             median(times[(name, "default host")]), "default host", limit,
                             per_round(times[(name, tag)], times[(name, "default host")])))

    if a.backup:
        rows.extend((label, v, None, None, None) for label, v in backup_rows(max(3, a.runs // 3)))

    print("load average after: %s; %.1f minutes" % (load(), (time.time() - started) / 60))
    print()
    print("| figure (ms, median of %d interleaved runs; keystrokes: %d presses each) | smitty-wpar | anchor "
          "| anchor ms | ratio (median of the rounds' ratios) | target | met |" % (a.runs, a.presses))
    print("|---|---|---|---|---|---|---|")
    for row in rows:
        label, v, ref, refname, limit = row[:5]
        if ref is None:
            extra = " | %s | | | | |" % (refname or "") if refname else " | | | | | |"
            print("| %s | %.2f%s" % (label, v, extra))
            continue
        ratio = median(row[5]) if len(row) > 5 and row[5] else (v / ref if ref else float("nan"))
        if isinstance(limit, str):
            met = "yes" if v <= 1.0 else "**no** (+%.2f ms)" % (v - 1.0)
            target_s = "<= %s" % limit
        elif limit is None:
            met, target_s = "", ""
        else:
            met = "yes" if ratio <= limit else "**no** (%.2fx)" % ratio
            target_s = "<= %.1fx" % limit
        print("| %s | %.2f | %s | %.2f | %.2fx | %s | %s |" % (label, v, refname, ref, ratio, target_s, met))
    print()
    print("hello world's own time: %.1f ms on a pty, %.1f ms as a whole process (a loaded machine shows here)" % (h, hc))


if __name__ == "__main__":
    main()
