#!/usr/bin/env bash
# Real Slurm test of deploy/slurm/ll4al-array.sbatch (run by .ci/run; about 2-5 minutes).
#
# Starts a single-node Slurm cluster on localhost (munged, slurmctld, slurmd as plain background
# processes with their own munge key and slurm.conf in a temporary folder: no systemd, nothing in
# /etc), submits the shipped sbatch file and checks what docs/cluster.md claims:
#   A. an array of 2 shards of the classification smoke experiment (random,lloss x 2 trials) on
#      the real CIFAR-10 subset, run from an app built by deploy/build-app.sh and merged with
#      -Dreport, has the same cycles.csv outcomes (every column but the wall times) and the same
#      selections.csv as the unsharded run with the same seed;
#   B. the same array run with mvn exec:java in the repository (offline, -o), with array task 0
#      cancelled (scancel) after its first cycle row: re-submitting that index alone
#      (SHARDS=2 sbatch --array=0) resumes it, and the merge is still identical.
# Prints the shard count and "identical" on success; exits 1 on any difference or failed job.
# Always stops the daemons it started and cancels its jobs.
#
# Slurm: uses slurmctld/slurmd/munge from PATH; when missing, installs Debian's packages
# (slurmctld slurmd slurm-client munge) with apt-get as root, without starting their services.
# Where that is impossible (not root, no apt-get, no package repository), or the CIFAR-10 data
# is absent, it prints "skipped: <why>" and exits 0.
#
# Environment: LL4AL_CIFAR (default ../shared/data/cifar10), SLURM_TEST_PORT (first of two TCP
# ports on 127.0.0.1, default 16817), SLURM_TEST_KEEP=1 keeps the temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
export PATH="$PATH:/usr/sbin:/sbin"
t0=$(date +%s)
say() { echo "slurm-test: $*"; }
skip() { say "skipped: $*"; exit 0; }
die() { say "FAILED: $*" >&2; exit 1; }

data=${LL4AL_CIFAR:-$repo/../shared/data/cifar10}
[ -f "$data/data_batch_1.bin" ] || skip "no CIFAR-10 data in $data (set LL4AL_CIFAR)"
data=$(cd "$data" && pwd)

# --- Slurm and munge -----------------------------------------------------------------------------
have_slurm() {
  local c
  for c in munged munge slurmctld slurmd sbatch squeue scontrol scancel sinfo; do
    command -v "$c" >/dev/null 2>&1 || return 1
  done
}
if ! have_slurm; then
  [ "$(id -u)" = 0 ] || skip "Slurm is not installed, and installing it needs root"
  command -v apt-get >/dev/null 2>&1 || skip "Slurm is not installed, and there is no apt-get"
  say "installing slurmctld slurmd slurm-client munge with apt-get"
  made_policy=
  if [ ! -e /usr/sbin/policy-rc.d ]; then # keep the packages from starting their system services
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && made_policy=1
  fi
  apt_log=$(mktemp)
  if DEBIAN_FRONTEND=noninteractive apt-get update -qq; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      slurmctld slurmd slurm-client munge > "$apt_log" 2>&1 || true
    tail -n 3 "$apt_log"
  fi
  rm -f "$apt_log"
  [ -z "$made_policy" ] || rm -f /usr/sbin/policy-rc.d
  have_slurm || skip "could not install Slurm with apt-get (update or install failed, see above)"
fi
version=$(slurmd -V | awk '{print $NF}')

# --- temporary cluster ---------------------------------------------------------------------------
T=$(mktemp -d "${TMPDIR:-/tmp}/ll4al-slurm.XXXXXX")
chmod 755 "$T"
mkdir -p "$T/logs" "$T/state" "$T/spool"
mkdir -m 755 "$T/munge"
munged_pid= ctld_pid= slurmd_pid=
submitted=()
stop() {
  local rc=$? j i
  set +e
  trap - EXIT INT TERM
  if [ -n "$ctld_pid" ] && [ ${#submitted[@]} -gt 0 ]; then
    for j in "${submitted[@]}"; do scancel "$j" 2>/dev/null; done
    for i in $(seq 60); do # slurmstepd ends the jobs' processes
      [ -z "$(squeue -h 2>/dev/null)" ] && break
      sleep 1
    done
  fi
  for j in "$slurmd_pid" "$ctld_pid" "$munged_pid"; do
    [ -n "$j" ] || continue
    kill "$j" 2>/dev/null
    for i in $(seq 20); do kill -0 "$j" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$j" 2>/dev/null
    wait "$j" 2>/dev/null
  done
  if [ "$rc" != 0 ]; then
    for f in "$T"/slurmctld.log "$T"/slurmd.log "$T"/logs/*; do
      [ -f "$f" ] && { echo "--- tail of $f"; tail -n 25 "$f"; }
    done
    say "daemons stopped; logs kept in $T"
  elif [ "${SLURM_TEST_KEEP:-}" = 1 ]; then
    say "daemons stopped; kept $T"
  else
    rm -rf "$T"
  fi
  exit "$rc"
}
trap stop EXIT
trap 'exit 130' INT TERM

key="$T/munge/munge.key"
if command -v mungekey >/dev/null 2>&1; then
  mungekey --create --keyfile="$key" >/dev/null
else
  dd if=/dev/urandom of="$key" bs=1024 count=1 2>/dev/null
fi
chmod 400 "$key"
sock="$T/munge/munge.socket"
munged --foreground --force --socket="$sock" --key-file="$key" --pid-file="$T/munge/munged.pid" \
  --log-file="$T/munge/munged.log" --seed-file="$T/munge/munged.seed" > "$T/munge/munged.out" 2>&1 &
munged_pid=$!
for i in $(seq 100); do [ -S "$sock" ] && break; sleep 0.1; done
munge -n -S "$sock" | unmunge -S "$sock" >/dev/null || die "munged does not answer on $sock"

cpus=$(nproc)
mem=$(awk '/^MemTotal/ {printf "%d", $2 / 1024 * 0.8}' /proc/meminfo)
port=${SLURM_TEST_PORT:-16817}
in_use() { (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }
while in_use "$port" || in_use $((port + 1)); do port=$((port + 2)); done
cat > "$T/slurm.conf" <<EOF
# single-node test cluster of scripts/slurm-test.sh (Slurm $version)
ClusterName=ll4altest
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$sock
StateSaveLocation=$T/state
SlurmdSpoolDir=$T/spool
SlurmctldPidFile=$T/slurmctld.pid
SlurmdPidFile=$T/slurmd.pid
SlurmctldLogFile=$T/slurmctld.log
SlurmdLogFile=$T/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
AccountingStorageType=accounting_storage/none
MailProg=/bin/true
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SlurmdParameters=config_overrides
PropagatePrioProcess=0
ReturnToService=2
MinJobAge=3600
KillWait=5
InactiveLimit=0
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$T/slurm.conf"
slurmctld -D -i > "$T/slurmctld.out" 2>&1 &
ctld_pid=$!
# jobs inherit slurmd's niceness (PropagatePrioProcess=0): keep them below interactive work
nice -n 10 slurmd -D -N localhost > "$T/slurmd.out" 2>&1 &
slurmd_pid=$!
state=
for i in $(seq 120); do
  state=$(sinfo -h -n localhost -o %t 2>/dev/null || true)
  [ "$state" = idle ] && break
  kill -0 "$ctld_pid" 2>/dev/null || die "slurmctld exited: $(tail -n 5 "$T/slurmctld.out" "$T/slurmctld.log" 2>/dev/null)"
  kill -0 "$slurmd_pid" 2>/dev/null || die "slurmd exited: $(tail -n 5 "$T/slurmd.out" "$T/slurmd.log" 2>/dev/null)"
  sleep 0.5
done
[ "$state" = idle ] || die "node localhost is '$state', not idle, after 60 s"
say "Slurm $version: single-node cluster on localhost ($cpus CPUs, ${mem} MB) from $T/slurm.conf"

# --- build (as docs/cluster.md sets up), and the unsharded reference run ------------------------------
build="$T/logs/build.log"
{ mvn -B -q install -DskipTests &&
  mvn -B -q exec:java -Dhelp && # fetches the exec plugin: mvn -o exec:java works in the jobs
  deploy/build-app.sh "$T/app" cpu; } > "$build" 2>&1 || { tail -n 30 "$build"; die "build failed, see $build"; }
seed=1
extra="-Dstrategies=random,lloss -Dtrials=2" # grid of 4 (strategy, trial) runs, 2 cycles each
jopts="-Xmx2g -XX:MaxDirectMemorySize=256m"
say "unsharded reference run (classification smoke, $extra, seed $seed)"
# shellcheck disable=SC2086
nice -n 10 java $jopts -Dai.djl.offline=true -cp "$T/app/*" -Dtask=classification -Dpreset=smoke \
  -Ddata="$data" -Dout="$T/whole" -Dseed="$seed" -Ddevice=cpu $extra org.ll4al.harness.Main \
  > "$T/logs/whole.log" 2>&1 || die "reference run failed, see $T/logs/whole.log"
rows_total=$(tail -n +2 "$T/whole/cycles.csv" | wc -l)
[ "$rows_total" -eq 8 ] || die "reference run has $rows_total rows, not 8"

# --- helpers -------------------------------------------------------------------------------------
submit() { # OUT APP SHARDS sbatch-options...: prints the job id
  local out=$1 app=$2 shards=$3 id
  shift 3
  id=$(env TASK=classification PRESET=smoke DATA="$data" SEED="$seed" EXTRA="$extra" JAVA_OPTS="$jopts" \
    DEVICE=cpu OUT="$out" APP="$app" SHARDS="$shards" \
    sbatch --parsable --job-name=ll4al-test --cpus-per-task="$cpus" --mem=1G --time=00:20:00 \
    --output="$T/logs/%A_%a.log" "$@" deploy/slurm/ll4al-array.sbatch) || die "sbatch refused the job"
  echo "${id%%;*}"
}
wait_gone() { # JOB TIMEOUT_S
  local end=$(($(date +%s) + $2))
  while [ -n "$(squeue -h -j "$1" 2>/dev/null)" ]; do
    [ "$(date +%s)" -lt "$end" ] || die "job $1 still queued or running after $2 s"
    sleep 1
  done
}
task_state() { # JOB INDEX: JobState of that array task
  scontrol -o show job "$1" | tr ' ' '\n' | awk -v want="$2" '
    /^ArrayTaskId=/ {split($0, a, "="); task = a[2]}
    /^JobState=/ {split($0, a, "="); if (task == want) print a[2]}'
}
expect_state() { # JOB INDEX STATE
  local s
  s=$(task_state "$1" "$2")
  [ "$s" = "$3" ] || die "array task $1_$2 is ${s:-gone}, expected $3 (log: $T/logs/$1_$2.log)"
}
rows() { # shard folder: data rows in cycles.csv
  if [ -f "$1/cycles.csv" ]; then tail -n +2 "$1/cycles.csv" | wc -l; else echo 0; fi
}
outcomes() { # folder: cycles.csv without the wall-time columns, rows sorted
  awk -F, 'NR == 1 {for (i = 1; i <= NF; i++) keep[i] = ($i != "train_seconds" && $i != "select_seconds")}
    {s = ""; for (i = 1; i <= NF; i++) if (keep[i]) s = s (s == "" ? "" : ",") $i; print s}' "$1/cycles.csv" \
    | { IFS= read -r h; echo "$h"; sort; }
}
picks() { { IFS= read -r h; echo "$h"; sort; } < "$1/selections.csv"; }
compare() { # merged-folder label
  local f
  for f in outcomes picks; do
    "$f" "$T/whole" > "$T/$f.whole"
    "$f" "$1" > "$T/$f.merged"
    if ! diff "$T/$f.whole" "$T/$f.merged" > "$T/$f.diff"; then
      head -n 20 "$T/$f.diff" >&2
      die "$2: merged $f differ from the unsharded run (diff above)"
    fi
  done
  say "$2: $(($(wc -l < "$T/outcomes.merged") - 1)) cycle rows and $(($(wc -l < "$T/picks.merged") - 1)) picks" \
    "identical to the unsharded run"
}
merge() { # OUT
  java $jopts -cp "$T/app/*" -Dreport="$1" org.ll4al.harness.Main > "$T/logs/merge-$(basename "$1").log" 2>&1 \
    || die "-Dreport=$1 failed, see $T/logs/merge-$(basename "$1").log"
  grep -q "merged 2 folders" "$T/logs/merge-$(basename "$1").log" || die "-Dreport=$1 did not merge 2 shard folders"
}

# --- A: array of 2 shards from the app -----------------------------------------------------------
a=$(submit "$T/a" "$T/app" "" --array=0-1%1)
submitted+=("$a")
say "A: submitted job array $a (--array=0-1%1, APP mode)"
wait_gone "$a" 600
expect_state "$a" 0 COMPLETED
expect_state "$a" 1 COMPLETED
for i in 0 1; do
  [ "$(rows "$T/a/shard-$i-of-2")" -eq 4 ] || die "A: shard $i has $(rows "$T/a/shard-$i-of-2") rows, not 4"
done
merge "$T/a"
compare "$T/a/merged" "A: 2 shards"

# --- B: mvn mode, array task 0 cancelled mid-run, then re-submitted alone -------------------------
b=$(submit "$T/b" "" "" --array=0-1%1)
submitted+=("$b")
say "B: submitted job array $b (--array=0-1%1, mvn -o exec:java in the repository)"
end=$(($(date +%s) + 300))
until [ "$(rows "$T/b/shard-0-of-2")" -ge 1 ]; do
  s=$(task_state "$b" 0)
  case "$s" in PENDING | RUNNING | CONFIGURING | "") ;; *) die "B: array task ${b}_0 is $s before its first row" ;; esac
  [ "$(date +%s)" -lt "$end" ] || die "B: no row from array task ${b}_0 after 300 s"
  sleep 0.1
done
before=$(rows "$T/b/shard-0-of-2")
[ "$before" -lt 4 ] || die "B: array task ${b}_0 finished before it could be cancelled"
scancel "${b}_0" || true # a shard that has just finished stays COMPLETED: reported below
say "B: scancel ${b}_0 after $before of its 4 rows"
wait_gone "$b" 600
expect_state "$b" 0 CANCELLED
expect_state "$b" 1 COMPLETED
left=$(rows "$T/b/shard-0-of-2")
[ "$left" -lt 4 ] || die "B: the cancelled shard has all 4 rows: it was not stopped mid-run"
c=$(submit "$T/b" "" 2 --array=0)
submitted+=("$c")
say "B: re-submitted index 0 as job $c (SHARDS=2 --array=0) over $left rows"
wait_gone "$c" 600
expect_state "$c" 0 COMPLETED
grep -q -E "resuming at cycle|already in .*skipped" "$T/logs/${c}_0.log" \
  || die "B: the re-submitted shard did not resume (log: $T/logs/${c}_0.log)"
[ "$(rows "$T/b/shard-0-of-2")" -eq 4 ] || die "B: resumed shard 0 has $(rows "$T/b/shard-0-of-2") rows, not 4"
merge "$T/b"
compare "$T/b/merged" "B: 2 shards, task 0 cancelled and resumed"

say "passed in $(($(date +%s) - t0)) s (Slurm $version): 2 shards, merged results identical to the unsharded run"
