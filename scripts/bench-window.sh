#!/usr/bin/env bash
# How long `./workbench` takes to show its window: starts it under Xvfb (or on $DISPLAY) and
# polls the window tree every 50 ms for a mapped window titled "DL4J Workbench". Warm
# machine: the jar is built (run ./workbench once before) and the OS caches hold the jars.
#   scripts/bench-window.sh [RUNS]      (default 3; prints one line per run, then JSON)
# Needs xwininfo (x11-utils) and Xvfb (xvfb) without a DISPLAY.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-3}
if [ -z "${DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null || { echo "bench-window: needs Xvfb (apt-get install -y xvfb)" >&2; exit 1; }
  exec xvfb-run -a -s "-screen 0 1280x860x24" "$0" "$@"
fi
times=()
for ((r = 1; r <= runs; r++)); do
  start=$(date +%s.%N)
  "$root/workbench" > /dev/null 2>&1 &
  pid=$!
  shown=""
  for ((i = 0; i < 600; i++)); do
    if xwininfo -root -tree 2>/dev/null | grep -q '"DL4J Workbench'; then
      shown=$(echo "$(date +%s.%N) - $start" | bc); break
    fi
    sleep 0.05
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ -n "$shown" ] || { echo "bench-window: no window within 30 s" >&2; exit 1; }
  printf 'run %d: window after %.2f s (load %s)\n' "$r" "$shown" "$(cut -d' ' -f1-3 /proc/loadavg)" >&2
  times+=("$shown")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "{\"window_seconds_median\":%.2f,\"runs\":%d}\n", a[int((NR+1)/2)], NR}'
