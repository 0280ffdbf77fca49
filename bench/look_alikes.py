#!/usr/bin/env python3
"""`nkread check` on one document with many people (issue 25, item 4).

Usage: bench/look_alikes.py [BINARY] [SHAPE:COUNT ...]

BINARY defaults to target/release/nkread (build it first with
`cargo build --release`). Each SHAPE:COUNT is one corpus, generated once
under $NKREAD_BENCH_DIR (default /tmp/nkread-bench/look-alikes): one
document whose COUNT people are named in one of these shapes.

  syllables  "Kimpark Jongsu": two words of two syllables from 32, so
             that a name is a typo or two from many others
  numbered   "Signatory 123456": each a typo or two from hundreds
  letters24  two words of 12 random letters: 24-letter keys, the length
             with the most entries in the index (2-deletion variants and
             slices both)
  foundation "<word> <word> Foundation": a long slice every name shares
  long       one name of COUNT letters, and a few others

Without SHAPE:COUNT, each shape at the sizes of BENCHMARKS.md. For each
corpus it prints the wall-clock and CPU seconds (user + system) of
`check`, its peak resident memory (VmHWM, from /usr/bin/time) and the
number of warnings; with $NKREAD_BENCH_TIMEOUT (default 300) seconds at
most for a run.
"""
import os, random, subprocess, sys, tempfile

SIZES = [
    *(f"{shape}:{n}" for shape in ("syllables", "numbered", "letters24")
      for n in (25000, 50000, 100000, 200000)),
    "foundation:10000", "foundation:100000", "long:40000", "long:1000000",
]
SYLLABLES = ["kim", "lee", "park", "choi", "jong", "hyok", "chol", "min", "sung", "young",
             "ho", "su", "ok", "mi", "ae", "han", "seo", "yun", "kang", "cho", "jang", "lim",
             "shin", "oh", "kwon", "song", "ahn", "hong", "ko", "moon", "yang", "son"]


def names(shape, n):
    rng = random.Random(1)
    letters = "abcdefghijklmnopqrstuvwxyz"
    word = lambda k: "".join(rng.choice(letters) for _ in range(k)).title()
    if shape == "long":
        return ["A" + "b" * n, "Kim Jong Un", "Human Rights Watch"]
    if shape == "numbered":
        return [f"Signatory {i}" for i in range(n)]
    make = {
        "syllables": lambda: " ".join(
            "".join(rng.choice(SYLLABLES) for _ in range(2)).title() for _ in range(2)),
        "letters24": lambda: f"{word(12)} {word(12)}",
        "foundation": lambda: f"{word(rng.randint(4, 8))} {word(rng.randint(4, 8))} Foundation",
    }[shape]
    out, seen = [], set()
    while len(out) < n:
        name = make()
        if name not in seen:
            seen.add(name)
            out.append(name)
    return out


def corpus(base, spec):
    shape, n = spec.split(":")
    path = os.path.join(base, f"{shape}-{n}")
    if not os.path.exists(os.path.join(path, "d.toml")):
        os.makedirs(path, exist_ok=True)
        kind = "organization" if shape == "foundation" else "person"
        with open(os.path.join(path, "d.toml"), "w") as f:
            f.write('id = "d"\ntitle = "T"\nkind = "statement"\nparagraphs = ["x"]\n')
            for name in names(shape, int(n)):
                f.write(f'[[people]]\nname = "{name}"\nkind = "{kind}"\nrole = "signatory"\n')
    return path


def main():
    args = sys.argv[1:]
    binary = "target/release/nkread"
    if args and ":" not in args[0]:
        binary = args.pop(0)
    base = os.environ.get("NKREAD_BENCH_DIR", "/tmp/nkread-bench") + "/look-alikes"
    timeout = int(os.environ.get("NKREAD_BENCH_TIMEOUT", "300"))
    home = tempfile.mkdtemp()
    env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=home, XDG_DATA_HOME=home,
               XDG_CACHE_HOME=home)
    with open("/proc/loadavg") as f:
        print(f"load before: {' '.join(f.read().split()[:3])}")
    print(f"{'corpus':<20} {'wall s':>8} {'cpu s':>8} {'peak MB':>8} {'warnings':>9}")
    for spec in args or SIZES:
        path = corpus(base, spec)
        times = os.path.join(home, "time")
        command = ["/usr/bin/time", "-f", "%e %U %S %M", "-o", times,
                   binary, "--corpus", path, "check"]
        try:
            run = subprocess.run(command, env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, timeout=timeout)
        except subprocess.TimeoutExpired:
            print(f"{spec:<20} over {timeout} s")
            continue
        wall, user, system, peak = open(times).read().split()[-4:]
        warnings = run.stdout.count(b"\n")
        print(f"{spec:<20} {float(wall):8.2f} {float(user) + float(system):8.2f} "
              f"{int(peak) // 1024:8} {warnings:9}")
    with open("/proc/loadavg") as f:
        print(f"load after: {' '.join(f.read().split()[:3])}")


main()
