#!/usr/bin/env bash
# How fast `w2v explore` answers on a vocabulary of real size: 100,000 random words x 300 dimensions
# (word2vec binary), the server started as a user starts it (./w2v explore), every request sent over
# HTTP on loopback with curl, through the same handlers the page uses. Prints the median, 90th
# percentile and worst of the time curl waited for each answer, and the server's own time for it
# (its Server-Timing header), for:
#   - 200 neighbour queries (k = 10) of random words, after 30 to warm the JIT up;
#   - the neighbourhood map the page draws on each search (50 neighbours), PCA and t-SNE;
#   - maps of 500 random words, PCA and t-SNE, each repetition a different set (no cache hits).
# Usage: bench/explore-speed.sh [WORDS] [DIM]
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
words="${1:-100000}"
dim="${2:-300}"
work="$(mktemp -d)"
server=""
java_pid=""
cleanup() {
  # The launcher's JVM runs under its pipeline: end it too, not only the launcher's shell.
  if [ -n "$java_pid" ]; then kill "$java_pid" 2>/dev/null || true; fi
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

java "$home/bench/RandomVectors.java" "$words" "$dim" "$work/vectors.bin"
"$home/w2v" --version >/dev/null # builds the jar first if needed, outside the measurement

start=$(date +%s.%N)
"$home/w2v" explore --vectors "$work/vectors.bin" --port 0 >"$work/out.txt" 2>"$work/err.txt" &
server=$!
url=""
for _ in $(seq 1 1200); do
  url="$(grep -o 'http://[^ ]*' "$work/out.txt" || true)"
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$work/err.txt" >&2; exit 2; }
  sleep 0.1
done
[ -n "$url" ] || { echo "explore printed no address" >&2; exit 2; }
ready=$(date +%s.%N)
# The JVM under the launcher's pipeline, for its CPU time: wall times on a shared machine depend on
# what else runs, CPU seconds per answer much less.
for child in $(ps -o pid= --ppid "$server") $server; do
  for p in $child $(ps -o pid= --ppid "$child"); do
    if [ "$(ps -o comm= -p "$p" 2>/dev/null)" = "java" ]; then java_pid=$p; fi
  done
done
cpu_ticks() { [ -n "$java_pid" ] && awk '{ print $14 + $15 }' "/proc/$java_pid/stat" || echo 0; }

# N random word names, reproducibly (awk's generator, seeded).
pick() { awk -v n="$1" -v max="$words" -v seed="$2" 'BEGIN { srand(seed); for (i = 0; i < n; i++) print "w" int(rand() * max) }'; }
join() { paste -sd, -; }

# curl reuses one connection for all URLs of one call; one line per answer: status, total seconds,
# the server's own milliseconds.
timed() {
  local args=()
  for u in "$@"; do args+=(-o /dev/null "$u"); done
  curl -s -w '%{http_code} %{time_total} %header{server-timing}\n' "${args[@]}"
}

report() { # label, file of "status seconds app;dur=ms" lines, CPU ticks used for them
  awk -v label="$1" -v ticks="${3:-0}" -v hz="$(getconf CLK_TCK)" '
    $1 != 200 { bad++ }
    { total[NR] = $2 * 1000; sub(/.*dur=/, "", $3); app[NR] = $3 + 0 }
    function pct(a, n, p,   i, j, t, s) { for (i = 1; i <= n; i++) s[i] = a[i]
      for (i = 2; i <= n; i++) { t = s[i]; for (j = i - 1; j >= 1 && s[j] > t; j--) s[j + 1] = s[j]; s[j + 1] = t }
      return s[int((n - 1) * p) + 1] }
    END { n = NR
      printf "%-34s n=%-4d median %7.1f ms  p90 %7.1f ms  max %7.1f ms  (server: median %7.1f ms; CPU %6.1f ms per answer)%s\n",
        label, n, pct(total, n, 0.5), pct(total, n, 0.9), pct(total, n, 1), pct(app, n, 0.5), 1000 * ticks / hz / n,
        bad ? "  " bad " FAILED" : "" }' "$2"
}

export -f timed # xargs runs it in a shell of its own

pick 30 1 | sed "s|^|${url}api/neighbors?k=10\&word=|" | xargs bash -c 'timed "$@"' _ >/dev/null
declare -A used
measure() { # name, then the command that writes its lines
  local name=$1 before
  shift
  before=$(cpu_ticks)
  "$@" >"$work/$name.txt"
  used[$name]=$(($(cpu_ticks) - before))
}
urls() { pick "$1" "$2" | sed "s|^|${url}api/${3//&/\\&}|"; }
run_urls() { urls "$1" "$2" "$3" | xargs bash -c 'timed "$@"' _; }
measure neighbors run_urls 200 2 'neighbors?k=10&word='
measure hood-pca run_urls 20 3 'neighborhood?k=50&method=pca&word='
measure hood-tsne run_urls 20 4 'neighborhood?k=50&method=tsne&word='
maps() { # method, seed base
  for rep in 1 2 3 4 5; do timed "${url}api/projection?method=$1&words=$(pick 500 $(($2 + rep)) | join)"; done
}
measure map-pca maps pca 100
measure map-tsne maps tsne 200

cpu="$(lscpu | sed -n 's/^Model name: *//p' | head -1)"
java_version="$(java -version 2>&1 | head -1)"
printf 'w2v explore on %s x %s random vectors; %s, %s cores, %s; load average %s\n' "$words" "$dim" "$cpu" "$(nproc)" "$java_version" "$(cut -d' ' -f1-3 /proc/loadavg)"
awk -v a="$start" -v b="$ready" 'BEGIN { printf "start-up (reading the file, indexing) %.1f s\n", b - a }'
report "neighbors, k=10" "$work/neighbors.txt" "${used[neighbors]}"
report "neighbourhood map, 51 words, PCA" "$work/hood-pca.txt" "${used[hood-pca]}"
report "neighbourhood map, 51 words, t-SNE" "$work/hood-tsne.txt" "${used[hood-tsne]}"
report "map of 500 words, PCA" "$work/map-pca.txt" "${used[map-pca]}"
report "map of 500 words, t-SNE" "$work/map-tsne.txt" "${used[map-tsne]}"
