#!/usr/bin/env bash
# Benchmarks `nkread search` against `fzf --filter` on generated corpora and
# prints Markdown tables for BENCHMARKS.md.
#
#   bench/search.sh [SIZE...]        default sizes: 1000 10000 100000 500000
#
# Needs fzf and hyperfine (apt-get install -y fzf hyperfine) and python3.
# Corpora are generated once under $NKREAD_BENCH_DIR (default
# /tmp/nkread-bench): the 500k one is about 300 MB. fzf takes most of the
# time (minutes a query at 500k); NKREAD_BENCH_FZF=reuse keeps the fzf
# results of an earlier run, since they do not depend on nkread's code.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${NKREAD_BENCH_DIR:-/tmp/nkread-bench}
if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(1000 10000 100000 500000); fi
queries=("accountability" "human rights violations" "secrty councl" "a" "crimes humanity")
mkdir -p "$work"
cargo build --release --quiet --example gen_corpus --example bench_search
./target/release/examples/bench_search --runs 200 "${queries[@]}" >"$work/nkread-bundled.tsv"

for n in "${sizes[@]}"; do
  if [ ! -d "$work/c$n" ]; then
    ./target/release/examples/gen_corpus --paragraphs "$n" --out "$work/c$n" --lines "$work/p$n.txt"
  fi
  ./target/release/examples/bench_search --corpus "$work/c$n" --runs 50 "${queries[@]}" >"$work/nkread-$n.tsv"
  # fzf reads and scores every line; a few runs are enough at large sizes.
  runs=10
  [ "$n" -ge 100000 ] && runs=3
  [ "$n" -ge 500000 ] && runs=2
  for i in "${!queries[@]}"; do
    q=${queries[$i]}
    if [ "${NKREAD_BENCH_FZF:-}" = reuse ] && [ -f "$work/fzf-$n-$i.count" ]; then
      continue
    fi
    hyperfine --style none --runs "$runs" --export-json "$work/fzf-$n-$i.json" \
      "fzf --filter '$q' < '$work/p$n.txt' > /dev/null" >/dev/null
    fzf --filter "$q" <"$work/p$n.txt" | wc -l >"$work/fzf-$n-$i.count"
  done
done

python3 - "$work" "${sizes[@]}" <<'PY'
import json, sys
work, sizes = sys.argv[1], sys.argv[2:]
queries = ["accountability", "human rights violations", "secrty councl", "a", "crimes humanity"]
print("Bundled corpus:\n")
print("| query | median | p99 |")
print("|---|---|---|")
for line in open(f"{work}/nkread-bundled.tsv"):
    f = line.rstrip("\n").split("\t")
    if f[0] == "query":
        print(f"| `{f[1]}` | {float(f[2]):.3f} ms | {float(f[3]):.3f} ms |")
print()
print("| paragraphs | build | peak memory (index) | query | median | p99 | CPU median | CPU p99 | fzf median | fzf / nkread | paragraphs matched: nkread / fzf |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for n in sizes:
    meta, rows = {}, {}
    for line in open(f"{work}/nkread-{n}.tsv"):
        f = line.rstrip("\n").split("\t")
        if f[0] == "query":
            rows[f[1]] = f[2:]
        else:
            meta[f[0]] = f[1]
    for i, q in enumerate(queries):
        med, p99, cmed, cp99, matched = rows[q]
        fzf = json.load(open(f"{work}/fzf-{n}-{i}.json"))["results"][0]["median"] * 1000
        count = int(open(f"{work}/fzf-{n}-{i}.count").read())
        total = int(meta["paragraphs"])
        first = i == 0
        print("| {} | {} | {} | `{}` | {:.2f} ms | {:.2f} ms | {:.2f} ms | {:.2f} ms | {:.0f} ms | {:.0f}× | {:.0%} / {:.0%} |".format(
            f"{total:,}" if first else "",
            f"{int(meta['build_ms']):,} ms" if first else "",
            f"{meta['peak_mb']} MB ({meta['rss_index_mb']} MB)" if first else "",
            q, float(med), float(p99), float(cmed), float(cp99), fzf, fzf / float(med),
            int(matched) / total, count / total))
PY
