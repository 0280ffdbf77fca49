#!/usr/bin/env python3
"""The first frame of nkread against less and fzf on the same text, in a pty.

Usage: bench/first_frame_vs.py BINARY RUNS [CORPUS_DIR[:LINES_FILE]...]   ("bundled" for none)

For each corpus the paragraphs are written one per line to a file beside it
(from the corpus's JSON files; the bundled corpus through `nkread show
--json`), or read from LINES_FILE when given (as `gen_corpus --lines`
writes it: at 1M paragraphs parsing 520 MB of JSON in Python costs
gigabytes). Then, interleaved run by run, it times in a 120x40 pty:
- nkread: until the status bar's "quit" hint is written (the first frame,
  drawn before the indexes are built);
- less FILE: until its prompt (the file's name) follows the first screen;
- fzf < FILE: until its first counter is drawn (first screen), then until
  the counter says every line is read.
Each process's peak resident memory comes from wait4. Prints medians.
"""
import json, os, pty, re, select, statistics, struct, subprocess, sys, tempfile, time
import fcntl, termios, glob

binary, runs, corpora = sys.argv[1], int(sys.argv[2]), sys.argv[3:] or ["bundled"]
home = tempfile.mkdtemp()


def lines_of(corpus):
    if ":" in corpus:
        corpus, given = corpus.split(":", 1)
        with open(given, "rb") as f:
            return corpus, given, sum(1 for _ in f)
    out = os.path.join(home, os.path.basename(corpus.rstrip("/")) + ".txt")
    if corpus == "bundled":
        ids = subprocess.run([binary, "list", "--json"], capture_output=True, text=True, check=True)
        docs = [json.loads(subprocess.run([binary, "show", d["id"], "--json"], capture_output=True,
                                          text=True, check=True).stdout)
                for d in json.loads(ids.stdout)]
    else:
        docs = [d for f in sorted(glob.glob(os.path.join(corpus, "*.json")))
                for d in json.load(open(f))]
    with open(out, "w") as f:
        for d in docs:
            for p in d["paragraphs"]:
                p = p["text"] if isinstance(p, dict) else p
                f.write(p.replace("\n", " ") + "\n")
    return corpus, out, sum(len(d["paragraphs"]) for d in docs)


def run(argv, stdin=None, marks=()):
    """Times from fork to each (name, predicate on the screen bytes seen)."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        os.environ.update(HOME=home, XDG_CONFIG_HOME=home, XDG_DATA_HOME=home,
                          TERM="xterm-256color", LESS="", FZF_DEFAULT_OPTS="")
        if stdin:
            os.dup2(os.open(stdin, os.O_RDONLY), 0)
        os.execvp(argv[0], argv)
    seen, times = b"", {}
    for name, done in marks:
        while not done(seen):
            ready, _, _ = select.select([fd], [], [], 60)
            if not ready:
                os.kill(pid, 9)
                raise SystemExit(f"{argv[0]}: no {name} within 60 s")
            try:
                chunk = os.read(fd, 1 << 16)
            except OSError:
                chunk = b""
            seen += chunk
            # Only the tail matters for what is on screen now.
            seen = seen[-200_000:]
        times[name] = (time.perf_counter() - start) * 1000
    os.kill(pid, 9)
    _, _, usage = os.wait4(pid, 0)
    os.close(fd)
    times["peak MB"] = usage.ru_maxrss / 1024
    return times


def main():
    print(f"load average before: {os.getloadavg()}")
    for corpus in corpora:
        corpus, text, paragraphs = lines_of(corpus)
        size = os.path.getsize(text)
        args = [] if corpus == "bundled" else ["--corpus", corpus]
        total = str(paragraphs).encode()
        results = {"nkread": [], "less": [], "fzf": []}
        for _ in range(runs):
            results["nkread"].append(run([binary, *args], marks=[
                ("first frame", lambda s: b"quit" in s),
            ]))
            name = os.path.basename(text).encode()
            results["less"].append(run(["less", text], marks=[
                ("first screen", lambda s: name in s),
            ]))
            results["fzf"].append(run(["fzf"], stdin=text, marks=[
                ("first screen", lambda s: re.search(rb"\d+/\d+", s) is not None),
                ("all lines", lambda s: re.search(rb"(?<!\d)" + total + rb"/" + total + rb"(?!\d)", s)),
            ]))
        print(f"\n{corpus}: {paragraphs} paragraphs, {size / 1e6:.1f} MB of text, {runs} runs")
        for tool, rs in results.items():
            cols = ", ".join(f"{k} {statistics.median(r[k] for r in rs):.1f}" for k in rs[0])
            print(f"  {tool}: {cols}")
    print(f"\nload average after: {os.getloadavg()}")


main()
