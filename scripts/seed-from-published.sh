#!/usr/bin/env bash
# Seeds a results folder with a run published by scripts/publish-run.sh (its cycles.csv,
# selections.csv or selections.csv.gz, and run.json), so that the harness, given that folder as -Dout, skips the
# published (strategy, trial) pairs and runs the rest. Refuses a folder that already has rows.
# Usage: scripts/seed-from-published.sh PUBLISHED_DIR OUT_DIR
set -euo pipefail
from=${1:?usage: scripts/seed-from-published.sh PUBLISHED_DIR OUT_DIR}
out=${2:?usage: scripts/seed-from-published.sh PUBLISHED_DIR OUT_DIR}
for f in cycles.csv run.json; do
  [ -f "$from/$f" ] || { echo "error: $from/$f not found (expected a run published by scripts/publish-run.sh)" >&2; exit 2; }
done
[ -f "$from/selections.csv.gz" ] || [ -f "$from/selections.csv" ] ||
  { echo "error: $from/selections.csv.gz not found (expected a run published by scripts/publish-run.sh)" >&2; exit 2; }
[ ! -f "$out/cycles.csv" ] || { echo "error: $out/cycles.csv exists; seed only an empty results folder" >&2; exit 2; }
mkdir -p "$out"
cp "$from/cycles.csv" "$from/run.json" "$out/"
if [ -f "$from/selections.csv.gz" ]; then
  gzip -dc "$from/selections.csv.gz" > "$out/selections.csv"
else
  cp "$from/selections.csv" "$out/"   # published before the picks were compressed
fi
echo "seeded $out from $from ($(($(wc -l < "$from/cycles.csv") - 1)) cycle rows)"
