#!/usr/bin/env bash
# Checks that a run published unfinished (scripts/publish-run.sh) and resumed in a new results
# folder, without any checkpoint, gives exactly the rows and picks of the same run left alone:
# runs the classification smoke preset (2 strategies x 2 trials) to the end, publishes it as if
# its last (strategy, trial) had stopped before its last cycle, seeds a new folder with what was
# published and resumes there (the dropped pair restarts from cycle 0; every trial's shared cycle
# 0 is retrained, since no checkpoint travels). Compares cycles.csv (all but the seconds columns)
# and selections.csv. Prints "identical" and exits 0, or shows the differences and exits 1.
# Usage: scripts/reliability/resume-from-published.sh        (needs ../shared/data/cifar10)
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${LL4AL_DATA:-../shared/data/cifar10}
[ -d "$data" ] || { echo "error: $data not found (CIFAR-10 batches, see docs/data.md)" >&2; exit 2; }
mvn -B -q -o install -DskipTests >/dev/null
work=$(mktemp -d)
opts=(-Dtask=classification -Dpreset=smoke -Ddata="$data" -Dstrategies=random,lloss -Dtrials=2)
mvn -B -q -o exec:java "${opts[@]}" -Dout="$work/whole/out" > "$work/whole.log" 2>&1
# the same folder as an interrupted run would leave it: no end time, last pair one row short
mkdir -p "$work/cut/out"
python3 - "$work/whole/out/run.json" "$work/cut/out/run.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); d.pop("finished", None); json.dump(d, open(sys.argv[2], "w"), indent=2)
PY
head -n -1 "$work/whole/out/cycles.csv" > "$work/cut/out/cycles.csv"
cp "$work/whole/out/selections.csv" "$work/cut/out/"
LL4AL_DOCS="$work/docs" scripts/publish-run.sh "$work/cut/out" partial > "$work/publish.log"
scripts/seed-from-published.sh "$work/docs/partial" "$work/resumed" > "$work/seed.log"
mvn -B -q -o exec:java "${opts[@]}" -Dout="$work/resumed" > "$work/resumed.log" 2>&1
strip() { cut -d, -f1-9,12- "$1" | sort; }   # train_seconds and select_seconds differ run to run
if diff <(strip "$work/whole/out/cycles.csv") <(strip "$work/resumed/cycles.csv") &&
   diff <(sort "$work/whole/out/selections.csv") <(sort "$work/resumed/selections.csv"); then
  echo "identical: $(($(wc -l < "$work/resumed/cycles.csv") - 1)) cycle rows and $(($(wc -l < "$work/resumed/selections.csv") - 1)) picks after resuming from $(grep -c . "$work/docs/partial/cycles.csv") published lines ($work)"
else
  echo "differences above ($work)"; exit 1
fi
