#!/usr/bin/env python3
"""How far two curators agree: the ceiling of any importer's score.

tests/fixtures/import_real/second/ holds a second gold for some pages of the
development set, written from the page alone by a curator who had read
neither the first gold nor the importer. This scores the second gold against
the first exactly as tests/import_real.rs scores a draft:

- found: the first gold's issuers, signatories, members and quoted people
  that the second records with the same name, kind and role;
- right: the second's entries (every role) that the first has exactly;
- dates and titles: the same value in both.

    python3 bench/agreement.py
"""

import pathlib
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent / "tests/fixtures/import_real"


def key(p):
    return (p["name"], p.get("kind", "person"), p.get("role", "mentioned"))


def halves():
    out = {}
    for line in (ROOT / "set.tsv").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.strip() and not line.startswith("#") and len(cols) == 5:
            out[cols[0]] = cols[4]
    return out


def main():
    half = halves()
    seconds = sorted((ROOT / "second").glob("*.toml"))
    if not seconds:
        sys.exit(f"no second gold in {ROOT / 'second'}")
    totals = {}
    for path in seconds:
        stem = path.stem
        first = tomllib.loads((ROOT / "gold" / path.name).read_text(encoding="utf-8"))
        second = tomllib.loads(path.read_text(encoding="utf-8"))
        gold = [key(p) for p in first.get("people", [])]
        counted = [k for k in gold if k[2] != "mentioned"]
        written = [key(p) for p in second.get("people", [])]
        row = {
            "pages": 1,
            "found": sum(k in written for k in counted),
            "of": len(counted),
            "right": sum(k in gold for k in written),
            "written": len(written),
            "dates": int(first.get("date") == second.get("date")),
            "titles": int(first.get("title") == second.get("title")),
        }
        for name in (half.get(stem, "?"), "all"):
            t = totals.setdefault(name, dict.fromkeys(row, 0))
            for k, v in row.items():
                t[k] += v
        print(f"{half.get(stem, '?'):<6} {stem:<48} found {row['found']:>2}/{row['of']:<2} "
              f"right {row['right']:>2}/{row['written']:<2} date {'same' if row['dates'] else 'differs'}")
    for name, t in totals.items():
        print(f"{name.upper():<6} {t['pages']} pages: found {t['found']}/{t['of']} "
              f"({100 * t['found'] / max(t['of'], 1):.1f}%), right {t['right']}/{t['written']} "
              f"({100 * t['right'] / max(t['written'], 1):.1f}%), dates the same {t['dates']}/{t['pages']}, "
              f"titles the same {t['titles']}/{t['pages']}")


if __name__ == "__main__":
    main()
