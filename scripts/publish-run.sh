#!/usr/bin/env bash
# Copies a run's results (CSVs, run.json, summary, charts) from its results folder into
# docs/results/<name>/, redrawing the report with the current code, and records where and how long
# it ran (from run.json's start and end times) in docs/results/<name>/WALLTIME.txt. Each published
# run gets a README.md written by hand (command, machine, what it shows; see docs/results/).
#
# An unfinished run (run.json without "finished") is published as a partial run: only the
# (strategy, trial) pairs with all their cycles, so that `LL4AL_FROM=docs/results/<name>
# scripts/long-run.sh NAME` can resume it elsewhere without the checkpoints of the pairs in
# progress (those restart from their cycle 0). Its PARTIAL.txt says what is in and what is not;
# APP_COMMIT and OPTIONS (from the frozen app of scripts/long-run.sh, the folder beside
# RESULTS_DIR) say which code and options produced it. The picks are stored gzip-compressed
# (selections.csv.gz: ResultsReader and scripts/seed-from-published.sh read it), and so are the
# per-sample losses of a run with -DsampleLosses=true (sample_losses.csv.gz: scripts/analysis/loss_ranking.py). The path options of
# run.json and OPTIONS are rewritten without this machine's absolute paths (-Dportable: relative to
# the repository, ${dataCache}/..., or ${path}/ and the last two names; docs/results-folder.md).
# Usage: scripts/publish-run.sh RESULTS_DIR NAME      e.g. scripts/publish-run.sh ../runs/cls/out classification-cpu
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:?usage: scripts/publish-run.sh RESULTS_DIR NAME}
name=${2:?usage: scripts/publish-run.sh RESULTS_DIR NAME}
[ -f "$src/cycles.csv" ] || { echo "error: $src/cycles.csv not found (expected a results folder)" >&2; exit 2; }
[ -f "$src/run.json" ] || { echo "error: $src/run.json not found (expected a results folder)" >&2; exit 2; }
dst="${LL4AL_DOCS:-docs/results}/$name"   # LL4AL_DOCS: another root, e.g. for a check outside the repository
mkdir -p "$dst"
rm -f "$dst"/PARTIAL.txt "$dst"/learning_curve_*.* "$dst"/selection_diagnostics_*.* "$dst"/selections.csv "$dst"/selections.csv.gz \
  "$dst"/sample_losses.csv.gz
started=$(grep -o '"started": "[^"]*"' "$src/run.json" | cut -d'"' -f4)
finished=$(grep -o '"finished": "[^"]*"' "$src/run.json" | cut -d'"' -f4 || true)
app="$src/../app"
if [ -f "$app/COMMIT" ]; then
  cp "$app/COMMIT" "$dst/APP_COMMIT"
  cp "$app/OPTIONS" "$dst/OPTIONS"
fi
cp "$src/run.json" "$dst/"
if [ -n "$finished" ]; then
  cp "$src/cycles.csv" "$dst/"
  gzip -n -9 < "$src/selections.csv" > "$dst/selections.csv.gz"
  if [ -f "$src/sample_losses.csv" ]; then gzip -n -9 < "$src/sample_losses.csv" > "$dst/sample_losses.csv.gz"; fi
else
  cycles=$(grep -o '"cycles": "[0-9]*"' "$src/run.json" | cut -d'"' -f4)
  # columns: task,strategy,trial,...; status is the 12th (a failure's quoted message may hold commas
  # further right, never left of it); a pair is complete when it has an ok row for every cycle
  done_pairs=$(awk -F, -v n="$cycles" 'NR > 1 && $12 == "ok" { c[$2 "," $3]++ }
      END { for (k in c) if (c[k] >= n) print k }' "$src/cycles.csv" | sort)
  # keep FILE [STRATEGY_COLUMN]: the header and the rows of complete pairs (the trial is the next column)
  keep() { awk -F, -v pairs="$done_pairs" -v s="${2:-2}" 'BEGIN { n = split(pairs, p, "\n"); for (i = 1; i <= n; i++) ok[p[i]] = 1 }
      NR == 1 || ($s "," $(s + 1)) in ok' "$1"; }
  keep "$src/cycles.csv" > "$dst/cycles.csv"
  keep "$src/selections.csv" | gzip -n -9 > "$dst/selections.csv.gz"
  if [ -f "$src/sample_losses.csv" ]; then keep "$src/sample_losses.csv" 1 | gzip -n -9 > "$dst/sample_losses.csv.gz"; fi
  {
    echo "unfinished run, published $(date -u +%FT%TZ): the (strategy, trial) pairs with all $cycles cycles"
    echo "complete: $(echo "$done_pairs" | tr '\n' ' ')"
    echo "rows kept: $(($(wc -l < "$dst/cycles.csv") - 1)) of $(($(wc -l < "$src/cycles.csv") - 1)) in the results folder"
    echo "resume: LL4AL_FROM=$dst scripts/long-run.sh NAME (code of APP_COMMIT, options of OPTIONS)"
  } > "$dst/PARTIAL.txt"
fi
log=$(mktemp)
if ! mvn -q -B -o exec:java -Dportable="$dst" > "$log" 2>&1; then
  tail -20 "$log" >&2
  echo "error: making the paths of $dst/run.json and OPTIONS portable failed (output above; on a fresh checkout run mvn -o install -DskipTests first)" >&2
  rm -f "$log"; exit 2
fi
if ! mvn -q -B -o exec:java -Dreport="$dst" > "$log" 2>&1; then
  tail -20 "$log" >&2
  echo "error: the report for $dst failed (output above; on a fresh checkout run mvn -o install -DskipTests first)" >&2
  rm -f "$log"; exit 2
fi
rm -f "$log"
secs=$(awk -F, 'NR > 1 && $12 == "ok" { t += $10 + $11 } END { printf "%.0f", t }' "$dst/cycles.csv")
{
  echo "started $started, finished ${finished:-(not finished)}"
  echo "training + scoring time summed over cycles.csv rows: $secs s (a cycle 0 shared by the strategies of a trial is counted once per strategy)"
  echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), published $(date -u +%Y-%m-%d)"
} > "$dst/WALLTIME.txt"
echo "published $src -> $dst${finished:+ (finished)}"
[ -n "$finished" ] || cat "$dst/PARTIAL.txt"
