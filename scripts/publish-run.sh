#!/usr/bin/env bash
# Copies a finished run's results (CSVs, run.json, summary, charts) from its results folder into
# docs/<name>/, redrawing the report first with the current code, and records where and how long
# it ran (from run.json's start and end times) in docs/<name>/WALLTIME.txt.
# Usage: scripts/publish-run.sh RESULTS_DIR NAME      e.g. scripts/publish-run.sh ../runs/cls/out classification-cpu
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:?usage: scripts/publish-run.sh RESULTS_DIR NAME}
name=${2:?usage: scripts/publish-run.sh RESULTS_DIR NAME}
[ -f "$src/cycles.csv" ] || { echo "error: $src/cycles.csv not found (expected a results folder)" >&2; exit 2; }
mvn -q -B -o exec:java -Dreport="$src" >/dev/null
dst="docs/$name"
mkdir -p "$dst"
cp "$src"/cycles.csv "$src"/selections.csv "$src"/run.json "$src"/summary.md "$dst/"
cp "$src"/learning_curve_*.png "$dst/"
cp "$src"/selection_diagnostics_*.png "$dst/" 2>/dev/null || true
started=$(grep -o '"started": "[^"]*"' "$src/run.json" | cut -d'"' -f4)
finished=$(grep -o '"finished": "[^"]*"' "$src/run.json" | cut -d'"' -f4)
secs=$(awk -F, 'NR > 1 && $12 == "ok" { t += $10 + $11 } END { printf "%.0f", t }' "$src/cycles.csv")
{
  echo "started $started, finished ${finished:-(not finished)}"
  echo "training + scoring time summed over cycles.csv rows: $secs s (a cycle 0 shared by the strategies of a trial is counted once per strategy)"
  echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), published $(date -u +%Y-%m-%d)"
} > "$dst/WALLTIME.txt"
echo "published $src -> $dst"
