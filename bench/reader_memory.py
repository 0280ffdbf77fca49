#!/usr/bin/env python3
"""Peak memory of the reader once its background indexes are built.

Usage: bench/reader_memory.py BINARY CORPUS_DIR

Starts `BINARY --corpus CORPUS_DIR` in a 120x40 pty (with its own empty
HOME, so no bookmarks or config), reads its output so it never blocks, and
polls /proc/PID: once the process has used under 2% of a core for 3 seconds
(the index threads are done) it prints the seconds since launch, VmHWM (peak
resident memory of the process itself, not of this script) and VmRSS, and
their ratio to the corpus's bytes (`du -sb`).
With NKREAD_BENCH_HOME=DIR the reader runs in DIR instead (its cache
included: a second open reads its copies).
"""
import fcntl, os, pty, select, struct, subprocess, sys, tempfile, termios, time

binary, corpus = sys.argv[1], sys.argv[2]
home = os.environ.get("NKREAD_BENCH_HOME") or tempfile.mkdtemp()
corpus_bytes = int(subprocess.run(["du", "-sb", corpus], capture_output=True, text=True,
                                  check=True).stdout.split()[0])
tick = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / tick  # utime + stime


def status(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1]) * 1024
    raise KeyError(key)


start = time.perf_counter()
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    os.environ.update(HOME=home, XDG_CONFIG_HOME=home + "/config",
                      XDG_DATA_HOME=home + "/data", XDG_CACHE_HOME=home + "/cache",
                      TERM="xterm-256color")
    os.execvp(binary, [binary, "--corpus", corpus])

samples = []  # (time, cpu seconds)
while True:
    ready, _, _ = select.select([fd], [], [], 0.5)
    if ready:
        try:
            os.read(fd, 1 << 16)
        except OSError:
            raise SystemExit("the reader exited")
    now = time.perf_counter() - start
    samples.append((now, cpu_seconds(pid)))
    old = [s for s in samples if s[0] <= now - 3]
    if old and now > 5 and samples[-1][1] - old[-1][1] < 0.02 * (now - old[-1][0]):
        break
    if now > 600:
        raise SystemExit("still busy after 600 s")

hwm, rss = status(pid, "VmHWM"), status(pid, "VmRSS")
os.kill(pid, 9)
os.waitpid(pid, 0)
print(f"corpus {corpus_bytes / 1e6:.0f} MB; idle after {now:.1f} s "
      f"(cpu {samples[-1][1]:.1f} s); VmHWM {hwm / 1e6:.0f} MB = {hwm / corpus_bytes:.2f}x; "
      f"VmRSS {rss / 1e6:.0f} MB = {rss / corpus_bytes:.2f}x")
