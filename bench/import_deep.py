#!/usr/bin/env python3
"""Time and memory of `nkread import` on pages of 1,000 to 1,000,000 elements.

Usage: bench/import_deep.py BINARY [SIZES...]   (default 1000 10000 100000 1000000)
       NKREAD_BENCH_LIMIT=S  stops an import after S seconds (default 600)

For each size N and each shape below, writes a saved page holding a short
letter and N elements, imports it with BINARY (in an empty HOME, draft to
/dev/null) three times, and prints the median wall-clock seconds, the CPU
seconds (user + system) of that run, its peak resident memory (GNU time's
%M), and the CPU time per 1,000 elements beyond that of the letter alone
(starting nkread and loading its corpus). Growth is linear where that last
column stays flat as N grows tenfold.

Shapes:
  nested    N <div>s, each inside the last, the letter innermost
  siblings  N empty <div>s one after another, then the letter
  copies    N/2 times <p><b id=I></p>: the parser copies every <b> still
            listed into each new <p>, a tree quadratic in the page
"""
import os, statistics, subprocess, sys, tempfile, time

binary = sys.argv[1]
sizes = [int(n) for n in sys.argv[2:]] or [1_000, 10_000, 100_000, 1_000_000]
work = tempfile.mkdtemp(prefix="nkread-import-deep-")
home = os.path.join(work, "home")
LIMIT = float(os.environ.get("NKREAD_BENCH_LIMIT", "600"))
os.mkdir(home)

LETTER = (
    "<h1>Open Letter on Human Rights in North Korea</h1>"
    "<p>We, the undersigned organizations, call on the Human Rights Council "
    "to renew the mandate of the Special Rapporteur.</p>"
)

SHAPES = {
    "nested": lambda n: "<div>" * n + LETTER + "</div>" * n,
    "siblings": lambda n: "<div></div>" * n + LETTER,
    "copies": lambda n: "".join(f"<p><b id={i}></p>" for i in range(n // 2)) + LETTER,
}


def run(page):
    """Wall seconds, CPU seconds and peak RSS in MB of one import."""
    env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=home, XDG_DATA_HOME=home,
               XDG_CACHE_HOME=home)
    # GNU time, not this script's wait4: a child forked from Python counts
    # Python's own peak memory in its ru_maxrss.
    usage = os.path.join(work, "usage")
    start = time.perf_counter()
    try:
        done = subprocess.run(["/usr/bin/time", "-o", usage, "-f", "%U %S %M", binary,
                               "import", page], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, timeout=LIMIT)
    except subprocess.TimeoutExpired:
        return f"over {LIMIT} s"
    wall = time.perf_counter() - start
    if done.returncode != 0:
        return f"failed after {wall:.1f} s: {done.stderr.decode().strip().splitlines()[-1]}"
    with open(usage) as f:
        user, system, rss_kb = f.read().split()[-3:]
    return wall, float(user) + float(system), int(rss_kb) / 1024


def measure(shape, n, body):
    """The median of three imports of a page holding `body`, or why one
    did not finish."""
    page = os.path.join(work, f"{shape}-{n}.html")
    html = f"<!doctype html><html><head><title>Letter</title></head><body>{body}</body></html>"
    with open(page, "w") as f:
        f.write(html)
    runs = []
    for _ in range(3):
        runs.append(run(page))
        if isinstance(runs[-1], str):
            break
    os.remove(page)
    failed = [r for r in runs if isinstance(r, str)]
    return len(html), failed[0] if failed else sorted(runs)[1]


print("| shape | elements | page MB | wall s | CPU s | peak MB | CPU ms per 1,000 elements |")
print("|---|---:|---:|---:|---:|---:|---:|")
_, (_, letter_cpu, _) = measure("letter", 0, LETTER)  # a letter always imports
print(f"| the letter alone | 0 | 0.0 | | {letter_cpu:.2f} | | |")
for shape, make in SHAPES.items():
    for n in sizes:
        size, result = measure(shape, n, make(n))
        if isinstance(result, str):
            print(f"| {shape} | {n:,} | {size / 1e6:.1f} | {result} | | | |", flush=True)
            continue
        wall, cpu, rss = result
        per = max(cpu - letter_cpu, 0) / n * 1e6
        print(f"| {shape} | {n:,} | {size / 1e6:.1f} | {wall:.2f} | {cpu:.2f} | {rss:.0f} | "
              f"{per:.2f} |", flush=True)
