#!/usr/bin/env python3
"""How long a query pasted whole into the reader's search overlay takes to
show its hits, in a reader that has asked no query yet.

Usage: bench/pasted.py BINARY CORPUS_DIR [RUNS] [QUERY]

Each run starts `BINARY --corpus CORPUS_DIR` in a 120x40 tmux session (in
its own home, kept between runs, so that every open after the first reads
the cache the first one wrote), waits until the search index is ready
(the status line no longer says "indexing"), opens the search overlay and
pastes QUERY (default `crimes humanit`) as one bracketed paste (`tmux
paste-buffer -p`). The reader's output is piped (`tmux pipe-pane`) to a
small reader that notes when each piece of it arrives; while the query
runs, only that file is looked at, not the screen. A run's time is from just before the
paste to the arrival of the output that draws the count line under the
query ("1/counting…" or "1/<count>"): its hits shown. It includes tmux
passing the paste in and the frame out, a few milliseconds. The first
run, which may write the cache, is not counted. Prints each run and the
median. With NKREAD_BENCH_HOME=DIR the home is DIR, and is kept.
Needs tmux.
"""
import os, re, shutil, statistics, subprocess, sys, tempfile, time

binary, corpus = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 8
query = sys.argv[4] if len(sys.argv) > 4 else "crimes humanit"
home = os.environ.get("NKREAD_BENCH_HOME") or tempfile.mkdtemp()
work = tempfile.mkdtemp()
session = "nkread-pasted"

# Writes what the pane outputs to FILE, and to FILE.at, for each piece as it
# arrives, the time and the bytes so far.
STAMP = """
import os, sys, time
out, at, total = open(sys.argv[1], 'wb'), open(sys.argv[1] + '.at', 'w'), 0
while (piece := os.read(0, 65536)):
    total += len(piece)
    out.write(piece); out.flush()
    at.write(f'{time.time():.6f} {total}\\n'); at.flush()
"""


def sh(*args):
    return subprocess.run(args, capture_output=True, text=True).stdout


def screen():
    return sh("tmux", "capture-pane", "-p", "-t", session)


def wait(done, limit=300):
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if done(screen()):
            return
        time.sleep(0.01)
    sys.exit(f"gave up after {limit} s; the screen:\n{screen()}")


def once(run):
    sh("tmux", "kill-session", "-t", session)
    sh("tmux", "new", "-d", "-s", session, "-x", "120", "-y", "40",
       f"exec env HOME={home} XDG_DATA_HOME={home}/d XDG_CONFIG_HOME={home}/c"
       f" {binary} --corpus {corpus}")
    wait(lambda s: "Documents" in s)
    wait(lambda s: "indexing" not in s.splitlines()[-1])
    sh("tmux", "send-keys", "-t", session, "/")
    wait(lambda s: "Search all" in s)
    out = os.path.join(work, f"out{run}")
    stamp = os.path.join(work, "stamp.py")
    with open(stamp, "w") as f:
        f.write(STAMP)
    sh("tmux", "pipe-pane", "-t", session, f"python3 {stamp} {out}")
    time.sleep(0.3)
    sh("tmux", "set-buffer", "-b", "nkread-pasted", query)
    start = time.time()
    sh("tmux", "paste-buffer", "-p", "-b", "nkread-pasted", "-t", session)
    # The output file is read, not the screen: capture-pane would take
    # cores from the query.
    drawn = rb"\x1b\[\d+;\d+H(\x1b\[[\d;]*m)*1/(counting|\d)"
    waited = time.time()
    while not (os.path.exists(out) and re.search(drawn, open(out, "rb").read())):
        if time.time() - waited > 300:
            sys.exit(f"gave up after 300 s; the screen:\n{screen()}")
        time.sleep(0.01)
    sh("tmux", "pipe-pane", "-t", session)
    sh("tmux", "send-keys", "-t", session, "Escape")
    time.sleep(0.1)
    sh("tmux", "send-keys", "-t", session, "q")
    time.sleep(0.5)
    data = open(out, "rb").read()
    found = re.search(drawn, data)
    for line in open(out + ".at"):
        when, total = line.split()
        if int(total) > found.start():
            return float(when) - start
    sys.exit(f"run {run}: no time for the output")


try:
    once(0)
    times = []
    for run in range(1, runs + 1):
        took = once(run)
        times.append(took)
        print(f"run {run}: '{query}' pasted, its hits shown after {took * 1000:.1f} ms")
    print(f"median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms"
          f" of {runs}")
finally:
    sh("tmux", "kill-session", "-t", session)
    shutil.rmtree(work, ignore_errors=True)
    if "NKREAD_BENCH_HOME" not in os.environ:
        shutil.rmtree(home, ignore_errors=True)
