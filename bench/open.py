#!/usr/bin/env python3
"""Opening a corpus: today's first open against the corpus cache (issue 29).

Usage: bench/open.py TARGET_DIR RUNS CORPUS_DIR...
  TARGET_DIR holds release/nkread and release/examples/bench_open
  (cargo build --release --bin nkread --example bench_open).

Per corpus, interleaved run by run (RUNS rounds), each a process of its own:
  - bench_open's phases: read the files, load (read + parse + check), open
    from the cache, what a first frame reads of the cache (the glimpse),
    build the search index, write the cache (ms, peak MB);
  - the reader's first frame in a 120x40 pty (until the status bar's "quit"
    hint), with --no-cache (today's first open), with the cache on but no
    copy yet (quit at once: how long 'q' takes to stop the unfinished copy;
    then kept open until the copy is written), and from a current copy (the
    second open).
With NKREAD_BEFORE=OTHER_TARGET_DIR, OTHER_TARGET_DIR/release/nkread's
second open is timed too, in a home of its own, interleaved round by round
with this build's: before and after a change.
Prints one markdown row per measurement: the median and the spread.
"""
import fcntl, os, pty, select, shutil, statistics, struct, subprocess, sys, tempfile, termios, time

target, runs, dirs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
nkread = os.path.join(target, "release/nkread")
bench = os.path.join(target, "release/examples/bench_open")


def phase(name, corpus, cache):
    out = subprocess.run([bench, name, corpus, cache], capture_output=True, text=True, check=True)
    _, ms, peak = out.stdout.split()
    return float(ms), float(peak)


# Seconds to wait for the corpus copy once the first frame is out: far
# more than a million paragraphs' copy takes.
COPY_WAIT = 120


def copies(home):
    try:
        return [f for f in os.listdir(home + "/cache/nkread") if f.endswith(".nkc")]
    except OSError:
        return []


before = os.environ.get("NKREAD_BEFORE")
before = before and os.path.join(before, "release/nkread")


def first_frame(corpus, home, args, wait_copy=False, binary=nkread):
    """ms to the first frame; with wait_copy, also ms until the copy is
    written; always ms from 'q' to the process's exit."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        os.environ.update(HOME=home, XDG_CONFIG_HOME=home + "/config",
                          XDG_DATA_HOME=home + "/data", XDG_CACHE_HOME=home + "/cache",
                          TERM="xterm-256color")
        os.execv(binary, [binary, *args, "--corpus", corpus])
    seen = b""
    while b"quit" not in seen:
        ready, _, _ = select.select([fd], [], [], 30)
        if not ready:
            os.kill(pid, 9)
            raise SystemExit("no frame within 30 s")
        try:
            seen += os.read(fd, 65536)
        except OSError:
            break
    elapsed = (time.perf_counter() - start) * 1000
    copied = None
    # A writer that never finishes (it failed, or another held the lock)
    # would hang the bench: give up, as for the first frame.
    deadline = time.perf_counter() + COPY_WAIT
    while wait_copy and not copies(home):
        if time.perf_counter() > deadline:
            os.kill(pid, 9)
            raise SystemExit(f"no corpus copy in {home}/cache within {COPY_WAIT} s of the first frame")
        # Keep the pty drained while the reader works.
        if select.select([fd], [], [], 0.005)[0]:
            try:
                os.read(fd, 65536)
            except OSError:
                break
    if wait_copy:
        copied = (time.perf_counter() - start) * 1000
    asked = time.perf_counter()
    os.write(fd, b"q")
    # Drain until the child exits (a copy being written is stopped).
    while True:
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
    os.waitpid(pid, 0)
    quit_ms = (time.perf_counter() - asked) * 1000
    os.close(fd)
    return elapsed, copied, quit_ms


for corpus in dirs:
    home = tempfile.mkdtemp(prefix="nkread-open-")
    cache = os.path.join(home, "cache/nkread")
    results = {}
    def add(key, value):
        results.setdefault(key, []).append(value)
    phase("write", corpus, cache)  # a current copy, and the files in the page cache
    if before:
        home_before = tempfile.mkdtemp(prefix="nkread-open-before-")
        first_frame(corpus, home_before, [], wait_copy=True, binary=before)
    for _ in range(runs):
        for name in ["read", "load", "open", "glimpse", "index", "write"]:
            ms, peak = phase(name, corpus, cache)
            add(f"phase: {name}", (ms, peak))
        add("first frame: --no-cache (today)", (first_frame(corpus, home, ["--no-cache"])[0], 0))
        shutil.rmtree(cache, ignore_errors=True)
        frame, _, quit_ms = first_frame(corpus, home, [])
        add("first frame: cache on, no copy yet, quit at once", (frame, 0))
        add("  q to exit, the copy unfinished (stopped)", (quit_ms, 0))
        frame, copied, _ = first_frame(corpus, home, [], wait_copy=True)
        add("first frame: cache on, no copy yet, kept open", (frame, 0))
        add("  the copy written, after the start", (copied, 0))
        add("first frame: from the copy (second open)", (first_frame(corpus, home, [])[0], 0))
        if before:
            frame = first_frame(corpus, home_before, [], binary=before)[0]
            add("first frame: from the copy (second open), NKREAD_BEFORE's build", (frame, 0))
    size = sum(os.path.getsize(os.path.join(cache, f)) for f in os.listdir(cache) if f.endswith(".nkc"))
    print(f"\n{corpus}: {runs} rounds, cache file {size / 1e6:.0f} MB, load average {os.getloadavg()[0]:.1f}\n")
    print("| measurement | median ms | min–max ms | peak RSS MB (median) |")
    print("|---|---:|---:|---:|")
    for key, values in results.items():
        times = [v[0] for v in values]
        peaks = [v[1] for v in values]
        peak = f"{statistics.median(peaks):.0f}" if any(peaks) else ""
        print(f"| {key} | {statistics.median(times):.1f} | {min(times):.1f}–{max(times):.1f} | {peak} |")
    shutil.rmtree(home, ignore_errors=True)
    if before:
        shutil.rmtree(home_before, ignore_errors=True)
