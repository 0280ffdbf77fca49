#!/usr/bin/env python3
"""How long a query typed into the reader's search overlay takes to show.

Usage: bench/typing.py BINARY CORPUS_DIR

Starts `BINARY --corpus CORPUS_DIR` in a 120x40 tmux session (with its own
empty HOME), opens the search overlay and types `crimes` as soon as the list
is drawn, then polls the screen (`tmux capture-pane`, every 10 ms, so each
time includes up to ~20 ms of polling) and prints:
- when `crimes` had its hits shown (the count may still say "counting…")
  and when it was counted, after `/` and after the reader was started (its
  exec, timed by `date` just before);
- a query typed at once (as tmux sends it: every key in one burst), from
  the keys to its hits and to its count: first while the People passages are still found,
  then three times each for two queries once the reader is idle;
- a key typed after a query (`y` after `crimes humanit`), from the key to
  the key shown in the input line, and to its hits: medians of 10.
With NKREAD_BENCH_HOME=DIR the reader runs in that home, which is kept:
a second run then opens the corpus from the cache the first one wrote.
Needs tmux.
"""
import os, re, shutil, subprocess, sys, tempfile, time

binary, corpus = sys.argv[1], sys.argv[2]
home = os.environ.get("NKREAD_BENCH_HOME") or tempfile.mkdtemp()
session = "nkread-typing"


def sh(*args):
    return subprocess.run(args, capture_output=True, text=True).stdout


def screen():
    return sh("tmux", "capture-pane", "-p", "-t", session)


def keys(*k):
    sh("tmux", "send-keys", "-t", session, *k)


def wait(done, limit=300):
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        s = screen()
        if done(s):
            return time.perf_counter() - start, s
        time.sleep(0.01)
    sys.exit(f"gave up after {limit} s; the screen:\n{screen()}")


def status(s):
    return s.splitlines()[-1]


def hits(s):
    """The count line under the query shows hits: counted ("1/387,447")
    or still counting ("1/counting…"; builds before that showed "1/200")."""
    return re.search(r"│1/(counting…|\d)", s) is not None


def counted(s):
    return re.search(r"│1/\d", s) is not None


def typed(text, label):
    keys("C-u")
    wait(lambda s: "Words in any order" in s)
    start = time.perf_counter()
    keys(text)
    took, s = wait(lambda s: ("/" + text) in s and hits(s))
    count, s = wait(lambda s: ("/" + text) in s and counted(s))
    line = next((l for l in s.splitlines() if re.search(r"│1/\d", l)), "")
    print(f"{label}: '{text}', its hits shown after {took * 1000:.0f} ms,"
          f" counted after {(time.perf_counter() - start) * 1000:.0f} ms ({line[1:20].strip()})")


sh("tmux", "kill-session", "-t", session)
started = os.path.join(home, "started")
sh("tmux", "new", "-d", "-s", session, "-x", "120", "-y", "40",
   f"date +%s.%N > {started}; exec env HOME={home} XDG_DATA_HOME={home}/d"
   f" XDG_CONFIG_HOME={home}/c {binary} --corpus {corpus}")
try:
    wait(lambda s: "Documents" in s)
    keys("/")
    wait(lambda s: "Search all" in s)
    keys("crimes")
    shown, s = wait(hits)
    shown_at = time.time() - float(open(started).read())
    took, s = wait(counted)
    print(f"'crimes' had its hits shown {shown:.2f} s after '/', {shown_at:.2f} s after"
          f" the reader started; it was counted {took:.2f} s after '/',"
          f" {time.time() - float(open(started).read()):.2f} s after the reader started"
          f" (status: {status(s)[8:40].strip()})")
    typed("crimes humanit", "while the passages are found")
    wait(lambda s: "indexing" not in status(s))
    for run in range(3):
        typed("crimes humanit", f"idle, run {run + 1}")
        typed("secrty councl", f"idle, run {run + 1}")
    echoed, answered = [], []
    for _ in range(10):
        keys("C-u")
        wait(lambda s: "Words in any order" in s)
        keys("crimes humanit")
        wait(lambda s: "/crimes humanit " in s and counted(s))
        start = time.perf_counter()
        keys("y")
        took, _ = wait(lambda s: "/crimes humanity" in s)
        echoed.append(took)
        wait(lambda s: "/crimes humanity" in s and hits(s))
        answered.append(time.perf_counter() - start)
    echoed.sort()
    answered.sort()
    print(f"a key after a query: shown after {echoed[5] * 1000:.0f} ms (median of 10,"
          f" max {echoed[-1] * 1000:.0f}), its hits after {answered[5] * 1000:.0f} ms"
          f" (max {answered[-1] * 1000:.0f})")
    keys("Escape")
    time.sleep(0.2)
    keys("q")
    time.sleep(0.5)
finally:
    sh("tmux", "kill-session", "-t", session)
    if "NKREAD_BENCH_HOME" not in os.environ:
        shutil.rmtree(home, ignore_errors=True)
