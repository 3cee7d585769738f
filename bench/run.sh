#!/usr/bin/env bash
# Whole-process benchmark: ReportLint's native binary against markdownlint-cli2 on the same generated corpus, in one run.
#
#   bash bench/run.sh            # 1,000 reports of ~10 KB (and 10,000 for the scaling check)
#   RUNS=5 COUNT=200 bash bench/run.sh
#
# Prints medians with min-max over RUNS runs (hyperfine; RUNS10, default 3, for the 10x corpus), MB/s, the ratio against markdownlint-cli2, peak RSS
# (/usr/bin/time), how 10x the corpus scales (from RUNS10 runs of the corpus and 10x taken in turn), each timed run after an untimed read of its files, and a second run with --cache against the first.
# The ratio is also given from RATIO_PAIRS runs of the two tools taken in turn. Needs hyperfine and
# GNU time (Debian: apt-get install hyperfine time), node/npm, python3 and the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${RUNS:-10}
COUNT=${COUNT:-1000}
SIZE=${SIZE:-10000}
BIN=${BIN:-$ROOT/artifacts/aot/reportlint}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/reportlint-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

for tool in hyperfine python3 npm node; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is needed (hyperfine: apt-get install hyperfine)" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "bench: GNU time is needed (apt-get install time)" >&2; exit 2; }

if [ ! -x "$BIN" ]; then
  echo "== building the native binary (Native AOT)"
  dotnet publish src/ReportLint.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$(dirname "$BIN")" >/dev/null
fi

echo "== corpus: $COUNT reports of ~$SIZE bytes, and $((COUNT * 10)) for scaling (deterministic seed)"
python3 bench/make_corpus.py "$WORK/corpus" --count "$COUNT" --size "$SIZE"
python3 bench/make_corpus.py "$WORK/corpus10x" --count "$((COUNT * 10))" --size "$SIZE"
head -c 11000 seeds/internet-micro-drama-report.txt > "$WORK/one.md"
BYTES=$(du -sb --apparent-size "$WORK/corpus" | cut -f1)

echo "== markdownlint-cli2 from npm into $WORK/mdl"
npm install --prefix "$WORK/mdl" --no-audit --no-fund --loglevel=error markdownlint-cli2@0.24.1 >/dev/null
MDL="$WORK/mdl/node_modules/.bin/markdownlint-cli2"

cat > "$WORK/fmt.py" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(f"{sys.argv[2]:<46} median {r['median'] * 1000:9.1f} ms  (min {r['min'] * 1000:.1f} - max {r['max'] * 1000:.1f}, {len(r['times'])} runs)")
PY
# Before each timed run, the files it reads are read once (untimed), so that each run finds them in the page cache:
# some VMs (here, DAMON's proactive reclaim) drop file pages not read for a few seconds, and a run that reads its
# files from disk measures the disk. (The 10,000 reports went unread for the 75 s markdownlint-cli2 takes.)
cat > "$WORK/warm.sh" <<'SH'
find "$1" -type f -exec cat {} + > /dev/null
SH
run() { # runs name json folder-to-warm command...
  local runs=$1 name=$2 json=$3 warm=$4; shift 4
  hyperfine -N -i --warmup "${WARMUP:-2}" --runs "$runs" --prepare "bash $WORK/warm.sh $warm" --export-json "$json" "$*" >/dev/null 2>&1
  python3 "$WORK/fmt.py" "$json" "$name"
}
peak() { /usr/bin/time -f %M "$@" >/dev/null 2>"$WORK/time.txt" || true; tail -1 "$WORK/time.txt"; }

# The corpora (about 110 MB) and node_modules are still in the page cache, dirty: written back now rather than by the
# kernel 30 s later, in the middle of a timing.
sync
echo "== results (hyperfine, $RUNS runs each; $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))"
# The native binary asks for huge pages for its heap where the kernel offers them (README, Performance): say whether it
# can, as figures from a machine without them are not comparable.
thp=$(sed -n 's/.*\[\(.*\)\].*/\1/p' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null || true)
echo "   transparent huge pages: ${thp:-unavailable}${REPORTLINT_HUGE_PAGES:+, REPORTLINT_HUGE_PAGES=$REPORTLINT_HUGE_PAGES}"
cd "$WORK"
run "$RUNS" "one 11 KB report (native)" one.json one.md "$BIN" lint one.md
run "$RUNS" "ReportLint, $COUNT reports" rl.json corpus "$BIN" lint corpus
run "$RUNS" "markdownlint-cli2, same $COUNT files" mdl.json corpus "$MDL" "corpus/**/*.md"
run "${RUNS10:-3}" "ReportLint, $((COUNT * 10)) reports (10x)" rl10.json corpus10x "$BIN" lint corpus10x
rm -f results.cache; "$BIN" lint corpus --cache-location results.cache >/dev/null || true
run "$RUNS" "ReportLint --cache, second run, no change" cached.json corpus "$BIN" lint corpus --cache-location results.cache
RSS=$(peak "$BIN" lint corpus)
# The scaling ratio from runs taken in turn (the corpus, then 10x, RUNS10 times): this machine's speed drifts by a
# fifth from minute to minute, and the two medians above come from different minutes.
python3 - "$BIN" "${RUNS10:-3}" > scaling.txt <<'PY'
import statistics, subprocess, sys, time
binary, pairs = sys.argv[1], int(sys.argv[2])
def once(folder):
    subprocess.run(["bash", "warm.sh", folder])
    t = time.perf_counter()
    subprocess.run([binary, "lint", folder], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t
one, ten = [], []
for _ in range(pairs):
    one.append(once("corpus"))
    ten.append(once("corpus10x"))
print(statistics.median(one), statistics.median(ten), min(t / o for o, t in zip(one, ten)), max(t / o for o, t in zip(one, ten)))
PY

# The ratio against markdownlint-cli2 from runs taken in turn too (RATIO_PAIRS, default 5: one run of each, again and
# again), for the same reason: its ten runs take over a minute, and the two medians come from different minutes.
python3 - "$BIN" "$MDL" "${RATIO_PAIRS:-5}" > ratio.txt <<'PY'
import statistics, subprocess, sys, time
binary, mdl, pairs = sys.argv[1], sys.argv[2], int(sys.argv[3])
def once(command):
    subprocess.run(["bash", "warm.sh", "corpus"])
    t = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t
ratios = []
for _ in range(pairs):
    rl = once([binary, "lint", "corpus"])
    ratios.append(once([mdl, "corpus/**/*.md"]) / rl)
print(statistics.median(ratios), min(ratios), max(ratios))
PY

python3 - "$BYTES" "$RSS" <<'EOF'
import json, sys
b, rss = int(sys.argv[1]), int(sys.argv[2])
m = lambda f: json.load(open(f))["results"][0]["median"]
rl, mdl, rl10, cached, one = m("rl.json"), m("mdl.json"), m("rl10.json"), m("cached.json"), m("one.json")
mb = b / 1e6
print(f"corpus: {mb:.1f} MB")
print(f"ReportLint throughput:        {mb / rl:8.1f} MB/s   (target >= 25)")
print(f"markdownlint-cli2 throughput: {mb / mdl:8.1f} MB/s")
print(f"ratio ReportLint / markdownlint-cli2: {mdl / rl:.1f}x   (target >= 35x)")
ratio, rlo, rhi = map(float, open("ratio.txt").read().split())
print(f"   from runs taken in turn: {ratio:.1f}x ({rlo:.1f}-{rhi:.1f} per pair)")
print(f"one 11 KB report: {one * 1000:.1f} ms   (target <= 30 ms)")
print(f"peak RSS on the corpus: {rss / 1024:.1f} MiB   (target <= 150 MiB)")
one, ten, lo, hi = map(float, open("scaling.txt").read().split())
print(f"10x corpus / corpus time: {ten / one:.2f}x from runs in turn ({lo:.2f}-{hi:.2f} per pair; medians {one * 1000:.0f} ms and {ten:.2f} s)   (target <= 11x)")
print(f"   (the medians above, from different minutes: {rl10 / rl:.2f}x)")
print(f"cached run / first run: {100 * cached / rl:.1f} %   (target <= 10 %)")
EOF
