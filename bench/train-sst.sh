#!/usr/bin/env bash
# Times the main job, `./w2v train` with its defaults (CS224n on the bundled SST corpus), from the
# command to the last file written, start-up and plots included. Prints one line per run and the
# median. Usage: bench/train-sst.sh [RUNS]   (default 3)
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

"$home/w2v" --version >/dev/null   # builds the jar first if needed, outside the timing

times=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  result=$("$home/w2v" train --out "$out/run$i" 2>/dev/null)
  end=$(date +%s.%N)
  seconds=$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}')
  times+=("$seconds")
  printf 'run %d: %.2f s  (%s)\n' "$i" "$seconds" "$(echo "$result" | grep -o 'final smoothed loss [0-9.]*')"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
printf 'median of %d runs: %.2f s on %s, %s cores, %s\n' "$runs" "$median" \
  "$(lscpu | sed -n 's/^Model name: *//p' | head -1)" "$(nproc)" "$(java -version 2>&1 | head -1)"
