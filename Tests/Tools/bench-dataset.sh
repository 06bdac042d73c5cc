#!/usr/bin/env bash
# Benchmark: a dataset of ROWS rows (default 100,000) in a spreadsheet's shape (names of
# countries, "M/d/yyyy H:mm:ss" dates, value maps), mapped and built with the release binary.
# Prints the time of the load phase (reading and mapping the rows) and of the whole build.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${ROWS:-100000}
BIN=.build/release/blackout
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/site/content/datasets"
cat > "$work/site/site.yml" <<YML
title: Dataset benchmark
per_page: 1000
YML
cat > "$work/site/content/datasets/bench.yml" <<YML
source: bench.csv
id: "{ID}"
title: "{Country}: {Type} shutdown"
fields:
  start: { column: Start, formats: ["M/d/yyyy H:mm:ss"], timezone: UTC }
  end: { column: End, formats: ["M/d/yyyy H:mm:ss"], timezone: UTC }
  countries: { column: Country, match: name }
  cause: { column: Cause, map: { Government-ordered: government-ordered, Cable cut: cable-cut, "*": unknown } }
  asns: { column: AS, split: ";" }
  summary: { column: Notes }
on_invalid_row: skip
YML
awk -v rows="$ROWS" 'BEGIN {
  split("Iran, Islamic Republic of|Myanmar (Burma)|Ethiopia|India|Democratic Republic of the Congo|Türkiye|Sudan|Pakistan", c, "|")
  print "ID,Country,Type,Start,End,Cause,AS,Notes"
  for (i = 0; i < rows; i++) {
    d = 1 + i % 28; m = 1 + int(i / 28) % 12; y = 2010 + int(i / 336) % 14
    printf "b-%d,\"%s\",Mobile,%d/%d/%d %d:15:00,%d/%d/%d %d:45:00,%s,%d;%d,Row %d of the benchmark.\n", i, c[1 + i % 8], m, d, y, i % 12, m, d, y, 12 + i % 11, (i % 3 ? "Government-ordered" : ""), 1000 + i % 50000, 2000 + i % 700, i
  }
}' > "$work/site/content/datasets/bench.csv"
echo "dataset: $ROWS rows, $(du -k "$work/site/content/datasets/bench.csv" | cut -f1) KB"
"$BIN" build --site "$work/site" --verbose 2>&1 | grep -E "load [0-9]+ incidents|dataset bench|Built"
