#!/usr/bin/env python3
"""Time to the first full frame of `smitty mkwpar` on a real pseudo-terminal (80x24), beside a
bare-JVM hello world on the same kind of terminal.

Each run starts the program on a fresh pty and reads its output with blocking reads (nothing
polls, so the measurement takes no CPU from the program); the time is from the start of the
process to the byte that completes the awaited text: the last legend row of the dialog
("Enter=Do") for smitty, "hello" for hello world. Runs alternate; medians and the ratio are
printed. Usage (from the project root, after mvn package):
    python3 bench/first-frame.py [runs]
"""
import fcntl, os, pty, select, shutil, signal, statistics, struct, subprocess, sys, tempfile, termios, time

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 15
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAVA = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"
if not os.access(JAVA, os.X_OK):
    JAVA = shutil.which("java")
WORK = os.path.join(ROOT, "target", "bench", "pty")
os.makedirs(WORK, exist_ok=True)
with open(os.path.join(WORK, "Hello.java"), "w") as f:
    f.write('public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n')
subprocess.run(["javac", "--release", "17", "-d", WORK, os.path.join(WORK, "Hello.java")], check=True)

ENV = {"PATH": os.path.join(ROOT, "bin") + ":/usr/bin:/bin", "TERM": "xterm-256color", "LANG": "C.UTF-8",
       "HOME": WORK, "SMITTY_WPAR_HOME": os.path.join(WORK, "state")}


def run(argv, done, quit_keys):
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(argv[0], argv, ENV)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    t0 = time.perf_counter()
    buf = b""
    elapsed = None
    while True:
        r, _, _ = select.select([fd], [], [], 10)
        if not r:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        buf += chunk
        if elapsed is None and done in buf:
            elapsed = (time.perf_counter() - t0) * 1000
            if quit_keys:
                os.write(fd, quit_keys)
    os.close(fd)
    os.waitpid(pid, 0)
    return elapsed


smitty = [os.path.join(ROOT, "bin", "smitty"), "mkwpar"]
hello = [JAVA, "-cp", WORK, "Hello"]
F10 = b"\x1b[21~"
for _ in range(3):  # warm-up: the launcher makes its start-up caches after the first runs
    run(smitty, b"Enter=Do", F10)
    time.sleep(2)
time.sleep(10)
hs, ss = [], []
for _ in range(RUNS):
    hs.append(run(hello, b"hello", None))
    time.sleep(0.3)
    ss.append(run(smitty, b"Enter=Do", F10))
    time.sleep(0.3)
h, s = statistics.median(hs), statistics.median(ss)
print("hello world first output (ms): " + " ".join("%.0f" % x for x in hs) + "  median %.0f" % h)
print("smitty mkwpar first frame (ms): " + " ".join("%.0f" % x for x in ss) + "  median %.0f" % s)
print("ratio: %.2f" % (s / h))
