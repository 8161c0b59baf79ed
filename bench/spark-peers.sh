#!/usr/bin/env bash
# w2v's spark trainer against Spark MLlib's Word2Vec on the corpus of bench/peers.sh, in local[2]
# with two partitions, 1 and 5 epochs, and w2v's fast trainer (2 threads) beside them: wall time,
# training words/s, peak memory, WordSim-353 and analogy accuracy.
#
# Settings: dim 100, window 5, min-count 5 for every tool. w2v's trainers run with their defaults
# (skip-gram, negsampling with 5 negatives, sample 1e-3, lr 0.025); MLlib with its own (skip-gram,
# hierarchical softmax, no sub-sampling, lr 0.025), which it does not let a user change.
#
# Usage: bench/spark-peers.sh [CORPUS]
#   CORPUS defaults to the one bench/prepare-corpus.sh builds (out/bench/corpus.txt).
#   SPARK_PEERS_EPOCHS="1 5" (default), SPARK_PEERS_TOOLS="spark mllib fast" (default),
#   SPARK_PEERS_MASTER=local[2] and SPARK_PEERS_PARTITIONS=2 (defaults), SPARK_PEERS_WORK=DIR
#   (default out/bench/spark-peers) for runs kept apart, such as local[1] with 1 partition;
#   SPARK_PEERS_RESUME=1 keeps the runs an interrupted invocation finished.
# Installs time from Debian when it is missing (needs root). Fetches Spark and MLlib through Maven
# on first use. Everything it writes goes to out/bench/spark-peers/ (never committed).
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=${1:-out/bench/corpus.txt}
work=${SPARK_PEERS_WORK:-out/bench/spark-peers}
master=${SPARK_PEERS_MASTER:-local[2]}
partitions=${SPARK_PEERS_PARTITIONS:-2}
epochs_list=${SPARK_PEERS_EPOCHS:-"1 5"}
tools=${SPARK_PEERS_TOOLS:-"spark mllib fast"}
mkdir -p "$work"

fail() {
  echo "spark-peers: $*" >&2
  exit 1
}

if [[ ! -x /usr/bin/time ]]; then
  [[ $(id -u) -eq 0 ]] || fail "missing /usr/bin/time; install it (apt-get install time) or run as root"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi
if [[ $# -eq 0 ]]; then
  bench/prepare-corpus.sh "$corpus"
fi
[[ -s $corpus ]] || fail "corpus $corpus is missing or empty; run bench/prepare-corpus.sh"
tokens=$(wc -w <"$corpus")

# Build everything before the first timed run: w2v, the spark trainer with Spark's jars, MLlib's.
./w2v --version >/dev/null
./w2v train --trainer spark --help >/dev/null
if [[ ! -f trainer-spark/target/mllib-libs/.complete ]]; then
  echo "spark-peers: fetching Spark MLlib's jars (once) ..." >&2
  mvn -B -q -DskipTests -Dmaven.test.skip.exec=true -Pmllib package -pl trainer-spark -am >"$work/mllib-build.log" 2>&1 ||
    fail "building MLlib's class path failed; see $work/mllib-build.log"
  touch trainer-spark/target/mllib-libs/.complete
fi
# The first `train` after a build writes ./w2v's class-data-sharing archive at its exit; a short
# one here keeps that out of the measured runs.
# The spark trainer's own archive is written the same way, by its first `train`.
warmup=$(mktemp -d)
./w2v train --out "$warmup" >/dev/null 2>&1 || fail "w2v train failed on the bundled corpus"
./w2v train --trainer spark --out "$warmup/spark" --set epochs=1 --set spark-master="$master" \
  >/dev/null 2>&1 || fail "w2v train --trainer spark failed on the bundled corpus"
rm -rf "$warmup"
spark_java=(java -XX:MaxRAMPercentage=75 -Dlog4j2.configurationFile=trainer-spark/conf/log4j2.properties
  --add-exports=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED)

# Each run writes NAME.time (wall seconds, peak RSS in KB), NAME.log, NAME.vec and NAME.seconds
# (the training phase as the tool times it).
timed() {
  local name=$1
  shift
  /usr/bin/time -f '%e %M' -o "$work/$name.time" "$@" >"$work/$name.log" 2>&1 ||
    fail "$name failed; see $work/$name.log"
}

run_spark() {
  local e=$1 name="spark-$1"
  timed "$name" ./w2v train --trainer spark --corpus "$corpus" --out "$work/$name" \
    --set spark-master="$master" --set partitions="$partitions" --set epochs="$e"
  mv "$work/$name/vectors.txt" "$work/$name.vec"
  rm -rf "${work:?}/$name"
  perl -ne 'print "$1\n" if /\(training ([0-9.]+) s,/' "$work/$name.log" >"$work/$name.seconds"
}

run_fast() {
  local e=$1 name="fast-$1"
  timed "$name" ./w2v train --trainer fast --corpus "$corpus" --out "$work/$name" \
    --set threads=2 --set epochs="$e"
  mv "$work/$name/vectors.txt" "$work/$name.vec"
  rm -rf "${work:?}/$name"
  perl -ne 'print "$1\n" if /\(training ([0-9.]+) s,/' "$work/$name.log" >"$work/$name.seconds"
}

# Compiled rather than source-launched: Spark's executors must find the driver's lambdas by class
# name, which the source launcher's in-memory classes do not allow.
javac -nowarn -cp "trainer-spark/target/mllib-libs/*" -d "$work/classes" bench/MllibWord2Vec.java

run_mllib() {
  local e=$1 name="mllib-$1"
  timed "$name" "${spark_java[@]}" -cp "$work/classes:trainer-spark/target/mllib-libs/*" MllibWord2Vec \
    "$corpus" "$work/$name.vec" "$master" "$partitions" "$e"
  perl -ne 'print "$1\n" if /^fit ([0-9.]+) s/' "$work/$name.log" >"$work/$name.seconds"
}

# SPARK_PEERS_RESUME=1 keeps the runs already done (a shared machine's long benchmark, interrupted).
if [[ -z ${SPARK_PEERS_RESUME:-} ]]; then
  rm -f "$work"/*.log "$work"/*.vec "$work"/*.time "$work"/*.seconds "$work"/*.json
fi
for e in $epochs_list; do
  for tool in $tools; do
    if [[ -s $work/$tool-$e.seconds && -s $work/$tool-$e.vec ]]; then
      echo "spark-peers: $tool, $e epoch(s): kept from an earlier run" >&2
      continue
    fi
    echo "spark-peers: $tool, $e epoch(s) ..." >&2
    "run_$tool" "$e"
  done
done
for f in "$work"/*.vec; do
  ./w2v evaluate --vectors "$f" --json >"${f%.vec}.eval.json" 2>/dev/null || fail "evaluating $f failed"
done

/usr/bin/python3 - "$work" "$tokens" "$corpus" "$master" "$epochs_list" "$tools" "$partitions" <<'EOF'
import json, os, platform, sys

work, tokens, corpus, master = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
epochs_list = [int(e) for e in sys.argv[5].split()]
tools = sys.argv[6].split()
partitions = sys.argv[7]
names = {"spark": "w2v spark", "mllib": "MLlib Word2Vec", "fast": "w2v fast (2 threads)"}

def read(name):
    with open(os.path.join(work, name)) as f:
        return f.read().strip()

def run(tool, e):
    name = f"{tool}-{e}"
    wall, rss_kb = read(f"{name}.time").split()[-2:]
    seconds = float(read(f"{name}.seconds"))
    result = json.loads(read(f"{name}.eval.json"))
    return {
        "wall": float(wall), "rss": int(rss_kb) / 1024, "speed": tokens * e / seconds,
        "train": seconds,
        "analogy": result["analogies"]["result"]["total"]["accuracy"],
        "spearman": result["similarity"][0]["result"]["spearman"],
    }

cpu = "unknown CPU"
try:
    with open("/proc/cpuinfo") as f:
        cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
except (OSError, StopIteration):
    pass
print(f"corpus {corpus}: {tokens:,} tokens; {os.cpu_count()} x {cpu}; {platform.system()} {platform.release()}")
print(f"{master}, {partitions} partition(s); dim 100, window 5, min-count 5; w2v: negsampling k=5, sample 1e-3; MLlib: hierarchical softmax, no sub-sampling")
print()
print("| tool | epochs | wall time (s) | training (s) | training words/s | peak memory (MB) | WordSim-353 Spearman | analogy accuracy |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
results = {}
for e in epochs_list:
    for tool in tools:
        r = results[(tool, e)] = run(tool, e)
        print(f"| {names[tool]} | {e} | {r['wall']:.1f} | {r['train']:.1f} | {r['speed']:,.0f} | {r['rss']:.0f} | {r['spearman']:.4f} | {r['analogy']:.4f} |")
print()

def met(ok):
    return "met" if ok else "NOT met"

if ("spark", 1) in results and ("mllib", 1) in results:
    s, m = results[("spark", 1)], results[("mllib", 1)]
    print(f"- 1 epoch: w2v spark wall time / MLlib's = {s['wall'] / m['wall']:.2f} (target at most 0.25: {met(s['wall'] <= m['wall'] / 4)})")
if ("spark", 5) in results and ("mllib", 1) in results:
    s, m = results[("spark", 5)], results[("mllib", 1)]
    print(f"- w2v spark 5 epochs vs MLlib 1 epoch: Spearman {s['spearman'] - m['spearman']:+.4f}, analogy {s['analogy'] - m['analogy']:+.4f} (target above: {met(s['spearman'] > m['spearman'] and s['analogy'] > m['analogy'])})")
if ("spark", 5) in results and ("fast", 5) in results:
    s, f = results[("spark", 5)], results[("fast", 5)]
    ok = s["spearman"] >= f["spearman"] - 0.03 and s["analogy"] >= f["analogy"] - 0.03
    print(f"- w2v spark 5 epochs minus fast 5 epochs: Spearman {s['spearman'] - f['spearman']:+.4f}, analogy {s['analogy'] - f['analogy']:+.4f} (target within 0.03: {met(ok)})")
EOF
