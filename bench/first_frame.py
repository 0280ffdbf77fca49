#!/usr/bin/env python3
"""Time from launch to the reader's first complete frame, in a pseudo-terminal.

Usage: bench/first_frame.py [BINARY] [RUNS] [NKREAD ARGS...]
Prints the median and the slowest run in milliseconds. The first frame is
complete when the status bar's last key hint ("quit") has been written.
"""
import fcntl, os, pty, select, statistics, struct, sys, tempfile, termios, time

binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/nkread"
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 30
args = sys.argv[3:]
home = tempfile.mkdtemp()

def once():
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        os.environ.update(HOME=home, XDG_CONFIG_HOME=home, TERM="xterm-256color")
        os.execv(binary, [binary, *args])
    seen = b""
    while b"quit" not in seen:
        ready, _, _ = select.select([fd], [], [], 5)
        if not ready:
            os.kill(pid, 9)
            raise SystemExit("no frame within 5 s")
        seen += os.read(fd, 65536)
    elapsed = (time.perf_counter() - start) * 1000
    os.write(fd, b"q")
    os.waitpid(pid, 0)
    os.close(fd)
    return elapsed

times = [once() for _ in range(runs)]
print(f"first frame: median {statistics.median(times):.1f} ms, "
      f"slowest {max(times):.1f} ms over {runs} runs")
