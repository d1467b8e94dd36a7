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
if [ ! -d "$home/app" ]; then
  mvn -B -q package dependency:copy-dependencies -DskipTests -DincludeScope=runtime -pl harness -am
  mkdir -p "$home/app.tmp"
  cp harness/target/dependency/*.jar harness/target/ll4al-harness-*.jar "$home/app.tmp/"
  git rev-parse HEAD > "$home/app.tmp/COMMIT"
  printf '%s\n' "$@" > "$home/app.tmp/OPTIONS"
  mv "$home/app.tmp" "$home/app"
fi
mapfile -t opts < "$home/app/OPTIONS"
# tcmalloc makes libtorch ~25-45% faster here (README, Benchmarks). Frozen apps built since -Dmalloc
# preload it in their supervised child themselves; this line gives it to older frozen apps too.
tc=/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4
if [ -z "${LD_PRELOAD:-}" ] && [ -f "$tc" ]; then export LD_PRELOAD=$tc; fi
echo "$(date -u +%FT%TZ) start (commit $(cat "$home/app/COMMIT"))${LD_PRELOAD:+ LD_PRELOAD=$LD_PRELOAD}" >> "$home/run.log"
# shellcheck disable=SC2086
nohup nice -n 19 java $(cat .mvn/jvm.config) -cp "$home/app/*" "${opts[@]}" -Dout="$home/out" \
  org.ll4al.harness.Main >> "$home/run.log" 2>&1 &
echo "started pid $! (log: $home/run.log, results: $home/out)"
