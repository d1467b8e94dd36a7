#!/usr/bin/env bash
# Runs the cpu preset of each task named on the command line (default: all three) on the shared
# data, one after the other (never two torch processes at once: they slow each other 10x), and
# copies curves, summary and CSVs to docs/results/<task>-cpu/ with the wall time
# (scripts/publish-run.sh publishes a finished or unfinished results folder in full).
# Usage: scripts/cpu-presets.sh [classification] [pose] [detection]
set -euo pipefail
cd "$(dirname "$0")/.."
data_for() {
  case "$1" in
    classification) echo "-Ddata=../shared/data/cifar10" ;;
    detection) echo "-Ddata=../shared/data/voc" ;;
    pose) echo "" ;; # the cpu preset generates its synthetic set under target/
  esac
}
for task in "${@:-classification pose detection}"; do
  for t in $task; do
    out="results/$t-cpu"
    start=$(date +%s)
    # shellcheck disable=SC2046
    mvn -q -B exec:java -Dtask="$t" -Dpreset=cpu $(data_for "$t") -Dout="$out" | tee "/tmp/ll4al-$t-cpu.log"
    end=$(date +%s)
    mkdir -p "docs/results/$t-cpu"
    cp "$out"/cycles.csv "$out"/run.json "$out"/summary.md "$out"/learning_curve_"$t".png "docs/results/$t-cpu/"
    # summary.md links the diagnostics chart too, when the rows carry diagnostics
    [ ! -f "$out/selection_diagnostics_$t.png" ] || cp "$out/selection_diagnostics_$t.png" "docs/results/$t-cpu/"
    rm -f "docs/results/$t-cpu/selections.csv"
    gzip -n -9 < "$out"/selections.csv > "docs/results/$t-cpu/selections.csv.gz"
    echo "wall time: $((end - start)) s on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(date -u +%Y-%m-%d)" > "docs/results/$t-cpu/WALLTIME.txt"
  done
done
