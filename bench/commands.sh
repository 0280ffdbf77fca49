#!/usr/bin/env bash
# Times `nkread list`, `people` and `check` (hyperfine, medians of
# interleaved runs) and their peak memory (/usr/bin/time -v), for one or two
# builds side by side, on generated corpora; and the three inputs of issue 13
# item 12 whose error reports were quadratic. See BENCHMARKS.md.
#
#   bash bench/commands.sh                       # this tree's build only
#   NKREAD_BEFORE=/path/to/old/nkread bash bench/commands.sh
#   bash bench/commands.sh bundled 10000 names   # some of the corpora
#
# Corpora: bundled, 10000, 100000, 1000000 (paragraphs) and names (10,000
# paragraphs with 32,000 distinct person names, run once: the old check
# takes minutes on it). They are generated once
# under $NKREAD_BENCH_DIR (default /tmp/nkread-bench).
set -euo pipefail
cd "$(dirname "$0")/.."

dir=${NKREAD_BENCH_DIR:-/tmp/nkread-bench}
runs=${NKREAD_BENCH_RUNS:-5}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(bundled 10000 100000 names)
mkdir -p "$dir/home"

cargo build --release --bin nkread --example gen_corpus >&2
after=$PWD/target/release/nkread
gen=$PWD/target/release/examples/gen_corpus
builds=("after=$after")
[ -n "${NKREAD_BEFORE:-}" ] && builds=("before=$NKREAD_BEFORE" "${builds[@]}")

# No user configuration, bookmarks or cache.
export HOME=$dir/home XDG_CONFIG_HOME=$dir/home/config XDG_DATA_HOME=$dir/home/data \
    XDG_CACHE_HOME=$dir/home/cache

corpus_args() {
    case $1 in
        bundled) ;;
        names)
            [ -d "$dir/names" ] || "$gen" --paragraphs 10000 --names 32000 --out "$dir/names" >&2
            echo "--corpus $dir/names" ;;
        *)
            [ -d "$dir/c$1" ] || "$gen" --paragraphs "$1" --out "$dir/c$1" >&2
            echo "--corpus $dir/c$1" ;;
    esac
}

peak_kb() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {print $2}'; }

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for size in "${sizes[@]}"; do
    args=$(corpus_args "$size")
    echo
    echo "## $size"
    cmds=()
    for build in "${builds[@]}"; do
        name=${build%%=*} bin=${build#*=}
        for what in list people check; do
            cmds+=(-n "$name $what" "$bin $args $what")
        done
    done
    # The names corpus takes minutes a run before the fix: one run, no warm-up.
    r=$runs w=1
    [ "$size" = names ] && r=${NKREAD_BENCH_NAMES_RUNS:-1} w=0
    hyperfine -N -w "$w" -r "$r" -i --export-json "$dir/$size.json" "${cmds[@]}" >&2
    python3 - "$dir/$size.json" <<'EOF'
import json, statistics, sys
results = {r["command"]: statistics.median(r["times"]) for r in json.load(open(sys.argv[1]))["results"]}
for name in sorted({c.split()[0] for c in results}, key=lambda b: b != "before"):
    t = {w: results[f"{name} {w}"] for w in ("list", "people", "check")}
    print(f"{name}: list {t['list']*1000:.0f} ms, people {t['people']*1000:.0f} ms, "
          f"check {t['check']*1000:.0f} ms; people/list {t['people']/t['list']:.2f}, "
          f"check/list {t['check']/t['list']:.2f}")
EOF
    for build in "${builds[@]}"; do
        name=${build%%=*} bin=${build#*=}
        # shellcheck disable=SC2086
        echo "$name peak RSS (MB): list $(( $(peak_kb "$bin" $args list) / 1024 )), people $(( $(peak_kb "$bin" $args people) / 1024 )), check $(( $(peak_kb "$bin" $args check) / 1024 ))"
    done
    [ "$size" = bundled ] || echo "corpus bytes (MB): $(( $(du -sk "${args#--corpus }" | cut -f1) / 1024 ))"
done

# Issue 13 item 12: inputs whose error reports were quadratic.
echo
echo "## error reports"
e=$dir/errors
mkdir -p "$e/empty" "$e/names"
python3 - "$e" <<'EOF'
import sys
e = sys.argv[1]
head = 'id = "d"\ntitle = "T"\nkind = "statement"\n'
open(f"{e}/empty/d.toml", "w").write(head + "paragraphs = [\n" + '  "",\n' * 8000 + "]\n")
open(f"{e}/config.toml", "w").write("".join(f"[unknown{i}]\n" for i in range(100000)))
syl = ["kim", "lee", "park", "choi", "jong", "hyok", "chol", "min", "sung", "young"]
people = []
for i in range(10000):
    a, b, c, d = (i // 1000) % 10, (i // 100) % 10, (i // 10) % 10, i % 10
    name = f"{syl[a].title()}{syl[b]} {syl[c].title()}{syl[d]}"
    people.append(f'[[people]]\nname = "{name}"\nkind = "person"\nrole = "signatory"\n')
open(f"{e}/names/d.toml", "w").write(head + 'paragraphs = ["x"]\n' + "".join(people))
EOF
cmds=()
for build in "${builds[@]}"; do
    name=${build%%=*} bin=${build#*=}
    cmds+=(-n "$name 8000 empty paragraphs" "$bin --corpus $e/empty list"
        -n "$name 100k unknown config tables" "$bin --config $e/config.toml list"
        -n "$name check, 10k person names" "$bin --corpus $e/names check")
done
hyperfine -N -r "${NKREAD_BENCH_ERROR_RUNS:-1}" -i "${cmds[@]}" 2>&1 | grep -E "^Benchmark|Time \\("
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
