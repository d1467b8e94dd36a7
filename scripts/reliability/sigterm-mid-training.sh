#!/usr/bin/env bash
# Sends SIGTERM to an experiment's JVM N times in a row, each a few seconds into training
# (classification, cpu preset at width 1, on -Ddata), and counts the runs that died in native code
# instead of exiting with 143 (each such death leaves an hs_err log, kept under $work/rI/).
# With -Dll4al.exitGate=false as the second argument the JVM exits without waiting for the libtorch
# batch in progress, which reproduces the native crash of 2026-11-23 (docs/reliability.md).
# Usage: scripts/reliability/sigterm-mid-training.sh N [-Dll4al.exitGate=false]
# Needs ../shared/data/cifar10; builds the application into harness/target first.
set -uo pipefail
cd "$(dirname "$0")/../.."
n=${1:?usage: scripts/reliability/sigterm-mid-training.sh N [-Dll4al.exitGate=false]}
extra=${2:-}
data=${LL4AL_DATA:-../shared/data/cifar10}
[ -d "$data" ] || { echo "error: $data not found (CIFAR-10 batches, see docs/data.md)" >&2; exit 2; }
mvn -B -q -o package dependency:copy-dependencies -DskipTests -DincludeScope=runtime -pl harness -am >/dev/null || exit 2
cp="harness/target/dependency/*:$(ls harness/target/ll4al-harness-*.jar)"
read -r -a jvm < .mvn/jvm.config
work=$(mktemp -d)
crashed=0
for i in $(seq 1 "$n"); do
  d=$work/r$i; mkdir -p "$d"
  # shellcheck disable=SC2086
  java "${jvm[@]}" -XX:ErrorFile="$d/hs_err_%p.log" $extra -cp "$cp" -Dtask=classification -Dpreset=cpu \
    -Ddata="$data" -Dsupervise=false -Dwidth=1 -Dout="$d/out" org.ll4al.harness.Main > "$d/log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do grep -q "epoch" "$d/log" 2>/dev/null && break; sleep 0.1; done
  sleep "$((2 + RANDOM % 3)).$((RANDOM % 10))"
  kill -TERM "$pid"; wait "$pid" 2>/dev/null; rc=$?
  logs=$(ls "$d"/hs_err_* 2>/dev/null | wc -l)
  [ "$logs" -gt 0 ] && crashed=$((crashed + 1))
  echo "try $i: exit status $rc, native crash logs $logs $(grep -h -m1 -A1 'Problematic frame' "$d"/hs_err_* 2>/dev/null | tail -1)"
done
echo "$crashed of $n SIGTERMs ended in a native crash${extra:+ ($extra)}; logs under $work"
