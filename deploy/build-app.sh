#!/usr/bin/env bash
# Builds the ll4al app for cluster nodes: every runtime jar of the harness in one folder, run with
#   java -cp "APP_DIR/*" -Dtask=... org.ll4al.harness.Main
# (what deploy/slurm/ll4al-array.sbatch does when APP is set). Nodes then need only Java 17.
#
# Usage: deploy/build-app.sh APP_DIR [cpu|gpu]
#   cpu (default): includes PyTorch's CPU libtorch jar; runs offline on any x86-64 Linux node.
#   gpu: built with -Pgpu, without that jar; DJL downloads its CUDA libtorch on first use into
#        DJL_CACHE_DIR (see docs/cluster.md, "GPU").
# Needs the Maven repository used by `mvn -B install -DskipTests` (network on a fresh machine).
# APP_DIR is replaced as a whole, so a finished build never mixes with an older one.
set -euo pipefail
dir=${1:?usage: deploy/build-app.sh APP_DIR [cpu|gpu]}
device=${2:-cpu}
case "$device" in
  cpu) profile=() ;;
  gpu) profile=(-Pgpu) ;;
  *) echo "error: device must be cpu or gpu, not '$device'" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/.."
rm -rf harness/target/dependency # a cpu build's libtorch jar must not stay in a gpu app
mvn -B -q "${profile[@]}" package dependency:copy-dependencies -DskipTests -DincludeScope=runtime -pl harness -am
mkdir -p "$(dirname "$dir")"
tmp=$(mktemp -d "$dir.tmp.XXXXXX")
cp harness/target/dependency/*.jar harness/target/ll4al-harness-*.jar "$tmp/"
{ git rev-parse HEAD 2>/dev/null || echo unknown; } > "$tmp/COMMIT"
echo "$device" > "$tmp/DEVICE"
rm -rf "$dir"
mv "$tmp" "$dir"
chmod 755 "$dir"
echo "app ($device) in $dir: $(ls "$dir"/*.jar | wc -l) jars"
