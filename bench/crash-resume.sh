#!/usr/bin/env bash
# Kills each trainer with SIGKILL at random moments, resumes it, and counts how the resumed runs
# ended: with exactly the vectors of an uninterrupted run (bit for bit), with other vectors, or
# refused (and why). One thread, so that a resumed run can be compared bit for bit.
#
# Usage: bench/crash-resume.sh [KILLS]     (default 20 kills per trainer)
#   CRASH_TRAINERS="cs224n fast" chooses the trainers; CRASH_SEED fixes the kill moments.
# Everything it writes goes to out/bench/crash/ (never committed).
set -euo pipefail
cd "$(dirname "$0")/.."

kills=${1:-20}
trainers=${CRASH_TRAINERS:-"cs224n fast"}
work=out/bench/crash
rm -rf "$work"
mkdir -p "$work"
RANDOM=${CRASH_SEED:-4242}

./w2v --version >/dev/null # builds the jar now, so that no timed run below pays for the build

# The fast trainer reads the SST sentences as plain text; the cs224n trainer the bundled file.
tail -n +2 data/sst/datasetSentences.txt | cut -f2 >"$work/sst.txt"

args() {
  case $1 in
    cs224n) echo "--set checkpoint-every=2000" ;;
    fast) echo "--trainer fast --corpus $work/sst.txt --set threads=1 --set epochs=20 --set checkpoint-seconds=1" ;;
  esac
}

for trainer in $trainers; do
  reference="$work/$trainer-reference"
  start=$(date +%s.%N)
  # shellcheck disable=SC2046
  ./w2v train $(args "$trainer") --out "$reference" >"$reference.log" 2>&1
  seconds=$(echo "$(date +%s.%N) - $start" | bc)
  exact=0
  fresh=0
  different=0
  refused=0
  reasons=()
  for i in $(seq "$kills"); do
    out="$work/$trainer-$i"
    # A moment anywhere in the run, start-up and output writing included.
    permille=$((RANDOM % 1000))
    delay=$(echo "scale=2; $seconds * $permille / 1000" | bc)
    # shellcheck disable=SC2046
    ./w2v train $(args "$trainer") --out "$out" >"$out.first.log" 2>&1 &
    launcher=$!
    sleep "$delay"
    # SIGKILL the JVM itself (not the launcher script), as the kernel's OOM killer would.
    pkill -KILL -f "w2v.jar train .*--out $out\$" 2>/dev/null || true
    wait "$launcher" 2>/dev/null || true
    # shellcheck disable=SC2046
    if ./w2v train $(args "$trainer") --out "$out" --resume >"$out.resume.log" 2>&1; then
      how=resumed
    elif grep -q '^w2v: nothing to resume' "$out.resume.log"; then
      # Killed before its first checkpoint: the user starts again, and must get the same vectors.
      # shellcheck disable=SC2046
      ./w2v train $(args "$trainer") --out "$out" >"$out.fresh.log" 2>&1 || true
      how=fresh
    else
      refused=$((refused + 1))
      reasons+=("kill $i at ${delay}s: $(grep -m1 '^w2v: ' "$out.resume.log" || tail -n1 "$out.resume.log")")
      continue
    fi
    if cmp -s "$reference/vectors.txt" "$out/vectors.txt" &&
      cmp -s "$reference/metrics.csv" "$out/metrics.csv"; then
      if [[ $how == resumed ]]; then exact=$((exact + 1)); else fresh=$((fresh + 1)); fi
    else
      different=$((different + 1))
      reasons+=("kill $i at ${delay}s: $how, but vectors or metrics.csv differ from the uninterrupted run's")
    fi
  done
  printf '%s: %d SIGKILLs at random moments of a %.1f s run: %d resumed bit-exact (vectors and metrics.csv), %d killed before the first checkpoint and bit-exact when run again, %d ended with other vectors, %d refused\n' \
    "$trainer" "$kills" "$seconds" "$exact" "$fresh" "$different" "$refused"
  for r in "${reasons[@]+"${reasons[@]}"}"; do
    echo "  - $r"
  done
done
