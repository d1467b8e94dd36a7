#!/usr/bin/env bash
# Runs COMMAND with every background ll4al run paused (SIGSTOP) and resumes them (SIGCONT) after,
# even when COMMAND fails, so that a build, a test or a throughput measurement never shares the
# 2 cores with a long run (two torch processes slow each other ~10x). The paused runs lose only
# wall time; their train_seconds for the cycle in progress include the pause.
# Usage: scripts/paused.sh COMMAND [ARG ...]
set -uo pipefail
pids=$(pgrep -f "org.ll4al.harness.Main" || true)
[ -n "$pids" ] && kill -STOP $pids
trap '[ -n "$pids" ] && kill -CONT $pids 2>/dev/null' EXIT
"$@"
