#!/usr/bin/env python3
"""Is an address fit for the importer's development set?

    bench/devset_check.py URL [URL ...]

Prints `ok URL` or `refused URL: why` for each, and exits 1 if any is
refused. A page is refused when it is one of the held-out pages
(../shared/heldout-sources.txt), looks like a copy of one at another
address (its address's words mostly those of a held-out address), is one
of the bundled captures' pages, or is already in the development set
(tests/fixtures/import_real/set.tsv). The held-out addresses are compared,
never printed, so that nobody building the set reads them.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HELDOUT = os.path.join(ROOT, "..", "shared", "heldout-sources.txt")
SET = os.path.join(ROOT, "tests", "fixtures", "import_real", "set.tsv")
# The bundled corpus's own pages: tuned on already, so never in the set.
BUNDLED = [
    "hrw.org/news/2024/03/14/north-korea-states-should-support-resolution-human-rights-situation-north-korea",
]
STOP = {"www", "http", "https", "com", "org", "net", "html", "htm", "php", "aspx",
        "en", "ko", "kr", "news", "the", "and", "of", "to", "in", "on", "a", "for",
        "north", "korea", "korean", "human", "rights", "id", "bbs", "board", "view"}


def norm(url):
    u = url.strip().lower()
    u = re.sub(r"^[a-z]+://", "", u)
    u = re.sub(r"^www\.", "", u)
    u = u.split("#")[0].rstrip("/")
    return u


def words(url):
    path = norm(url).split("/", 1)[1] if "/" in norm(url) else ""
    return {w for w in re.split(r"[^a-z0-9]+", path) if len(w) > 2 and w not in STOP and not w.isdigit()}


def addresses(path, column=None):
    out = []
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                if column is not None:
                    cols = line.split("\t")
                    if len(cols) <= column:
                        continue
                    line = cols[column]
                m = re.search(r"https?://\S+", line)
                if m:
                    out.append(m.group(0))
    except FileNotFoundError:
        pass
    return out


def verdict(url, heldout, taken):
    n = norm(url)
    for h in heldout:
        if norm(h) == n:
            return "it is a held-out page"
        hw, uw = words(h), words(url)
        if len(hw) >= 3 and len(uw & hw) >= max(3, int(0.6 * len(hw))):
            return "its address reads like a held-out page's (a copy elsewhere?)"
    for b in BUNDLED:
        if b in n:
            return "it is a bundled capture's page"
    for t in taken:
        if norm(t) == n:
            return "it is in the development set already"
    return None


def main():
    if len(sys.argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    heldout = addresses(HELDOUT)
    if not heldout:
        print("cannot read the held-out list", file=sys.stderr)
        return 2
    taken = addresses(SET, column=1)
    bad = 0
    for url in sys.argv[1:]:
        why = verdict(url, heldout, taken)
        if why:
            bad += 1
            print(f"refused {url}: {why}")
        else:
            print(f"ok {url}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
