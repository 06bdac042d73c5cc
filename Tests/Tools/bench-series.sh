#!/usr/bin/env bash
# Benchmark: one incident whose series has ROWS rows (default 10,000,000, 3 signals, 1-second
# steps, a one-sample drop to zero), built with the release binary. Prints the build time and
# peak memory (GNU time), the chart's size, and whether the one-sample drop survived.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${ROWS:-10000000}
BIN=.build/release/blackout
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/site/content/incidents/2020-01-01-bench"
start=1577836800   # 2020-01-01T00:00:00Z
cat > "$work/site/content/incidents/2020-01-01-bench/index.md" <<MD
---
title: Benchmark series
start: 2020-01-05T00:00:00Z
end: 2020-01-05T06:00:00Z
---
MD
# The CSV is written by awk: about 330 MB for 10 M rows.
awk -v rows="$ROWS" -v t0="$start" 'BEGIN {
  print "time,a,b,c"
  drop = int(rows / 2) + 17   # a single sample at zero, in the middle of the series
  for (i = 0; i < rows; i++) {
    v = (i == drop) ? 0 : 100 + (i % 7)
    printf "%d,%d,%d,%d\n", t0 + i, v, 50 + (i % 5), 20
  }
}' > "$work/site/content/incidents/2020-01-01-bench/series.csv"
echo "series: $ROWS rows, $(du -m "$work/site/content/incidents/2020-01-01-bench/series.csv" | cut -f1) MB"
if command -v /usr/bin/time >/dev/null; then
  /usr/bin/time -f "build: %e s, peak memory %M KB" "$BIN" build --site "$work/site" --quiet
else
  echo "(install GNU time for the peak memory figure: apt-get install -y time)"
  time "$BIN" build --site "$work/site" --quiet
fi
svg="$work/site/public/incidents/bench/series.svg"
echo "chart: $(wc -c < "$svg") bytes"
# Signal a is 100…106 except for one sample: a 0 among the plotted numbers (the chart's table)
# means the one-sample drop survived the reduction to charts.max_points.
if grep -q '<td>0</td>' "$work/site/public/incidents/bench/index.html"; then
  echo "one-sample drop to 0 among the plotted points: kept"
else
  echo "one-sample drop to 0 among the plotted points: LOST"
  exit 1
fi
