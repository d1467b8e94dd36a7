#!/usr/bin/env bash
# Runs a long experiment in the background from a frozen copy of the built application, so that
# rebuilding the project (mvn install) while it runs cannot change the code under it, and a
# re-run with the same NAME resumes it (same jars, same -Dout). One torch process at a time:
# the script refuses to start while another ll4al run is alive.
#
# Usage: scripts/long-run.sh NAME [-Dtask=... -Dpreset=... -Ddata=...]
#   first call:  freezes the current build into $LL4AL_RUNS/NAME/app and starts the run
#   later calls: resume with the frozen app and the options recorded at the first call
#   status:      tail $LL4AL_RUNS/NAME/run.log
#   from a published partial run (scripts/publish-run.sh of an unfinished run, e.g. on another
#   machine or after its results folder was lost):
#                LL4AL_FROM=docs/results/classification-cpu-long scripts/long-run.sh NAME [-Dname=value ...]
#                builds the app from the commit recorded there (APP_COMMIT, in a temporary git
#                worktree, so the resumed rows come from the same code), takes its OPTIONS (an option
#                given here replaces the line of the same name, e.g. -Ddata=DIR for a published
#                ${path}/... that names a folder of the machine that ran it), and seeds the results
#                folder with its cycles.csv, selections and run.json; the harness then skips the
#                finished (strategy, trial) pairs and runs the others, retraining a trial's shared
#                cycle 0 where its checkpoint is not there.
# OPTIONS keeps the options as given (this machine's paths, so that a re-run resumes);
# scripts/publish-run.sh publishes a copy without absolute paths.
# LL4AL_RUNS defaults to ../runs (outside the work tree, so a fresh checkout does not lose it).
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/long-run.sh NAME [-Doption=value ...]}
shift
runs=${LL4AL_RUNS:-$(cd .. && pwd)/runs}
home="$runs/$name"
if pgrep -f "org.ll4al.harness.Main" >/dev/null; then
  echo "error: another ll4al run is alive (pgrep -f org.ll4al.harness.Main); two torch processes slow each other 10x" >&2
  exit 2
fi
mkdir -p "$home"
from=${LL4AL_FROM:-}
if [ -n "$from" ]; then
  for f in APP_COMMIT OPTIONS cycles.csv run.json; do
    [ -f "$from/$f" ] || { echo "error: $from/$f not found (expected a run published by scripts/publish-run.sh)" >&2; exit 2; }
  done
  # the published options, each one given here replacing the line of the same name
  given=" ${*%%=*} "
  while IFS= read -r line || [ -n "$line" ]; do
    case "$given" in *" ${line%%=*} "*) ;; *) printf '%s\n' "$line" ;; esac
  done < "$from/OPTIONS" > "$home/OPTIONS.from"
  [ $# -eq 0 ] || printf '%s\n' "$@" >> "$home/OPTIONS.from"
  if grep -n '${path}' "$home/OPTIONS.from" >&2; then
    echo "error: $from/OPTIONS: the line(s) above name a folder of the machine that ran it (\${path}/ and its last" \
      "two names); give it here, e.g. LL4AL_FROM=$from scripts/long-run.sh $name -Ddata=DIR" >&2
    exit 2
  fi
fi
if [ ! -d "$home/app" ]; then
  src=.
  commit=$(git rev-parse HEAD)
  if [ -n "$from" ]; then
    commit=$(cat "$from/APP_COMMIT")
    src=$(mktemp -d)/src
    git worktree add -q --detach "$src" "$commit"
    # a failed build must not leave the temporary worktree registered
    trap 'git worktree remove --force "$src" 2>/dev/null || true' EXIT
  fi
  (cd "$src" && mvn -B -q package dependency:copy-dependencies -DskipTests -DincludeScope=runtime -pl harness -am)
  mkdir -p "$home/app.tmp"
  cp "$src"/harness/target/dependency/*.jar "$src"/harness/target/ll4al-harness-*.jar "$home/app.tmp/"
  echo "$commit" > "$home/app.tmp/COMMIT"
  if [ -n "$from" ]; then
    cp "$home/OPTIONS.from" "$home/app.tmp/OPTIONS"
  else
    printf '%s\n' "$@" > "$home/app.tmp/OPTIONS"
  fi
  mv "$home/app.tmp" "$home/app"
fi
if [ -n "$from" ] && [ ! -f "$home/out/cycles.csv" ]; then
  echo "$(date -u +%FT%TZ) $(scripts/seed-from-published.sh "$from" "$home/out")" >> "$home/run.log"
fi
mapfile -t opts < "$home/app/OPTIONS"
# tcmalloc made DJL's training 23% and its scoring 46% faster (docs/benchmarks.md). Frozen apps built since -Dmalloc
# preload it in their supervised child themselves; this line gives it to older frozen apps too.
tc=/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4
if [ -z "${LD_PRELOAD:-}" ] && [ -f "$tc" ]; then export LD_PRELOAD=$tc; fi
echo "$(date -u +%FT%TZ) start (commit $(cat "$home/app/COMMIT"))${LD_PRELOAD:+ LD_PRELOAD=$LD_PRELOAD}" >> "$home/run.log"
# shellcheck disable=SC2086
nohup nice -n 19 java $(cat .mvn/jvm.config) -cp "$home/app/*" "${opts[@]}" -Dout="$home/out" \
  org.ll4al.harness.Main >> "$home/run.log" 2>&1 &
echo "started pid $! (log: $home/run.log, results: $home/out)"
