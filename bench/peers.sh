#!/usr/bin/env bash
# w2v's fast trainer side by side with gensim, word2vec C, fastText and Spark MLlib on one real
# English corpus:
# skip-gram and CBOW, one thread and every thread, several seeds, one table of speed, memory and
# quality, and the verdict on each target of issue #14.
#
# Settings are word2vec C's for every tool: dim 100, window 5, 5 negatives, sample 1e-4,
# min-count 5, 5 epochs, lr 0.025 for skip-gram and 0.05 for CBOW, decaying linearly. fastText
# runs with -minn 0 -maxn 0 (whole words only, as word2vec); gensim's CBOW averages the context
# (cbow_mean=1), as word2vec C's does.
#
# Usage: bench/peers.sh [CORPUS]
#   CORPUS defaults to the one bench/prepare-corpus.sh builds (out/bench/corpus.txt).
#   PEERS_SEEDS=3        runs per tool, model and thread count, with seeds 1..N (default 3); every
#                        row gives the median speed and the mean (and spread) of the quality.
#   PEERS_THREADS="1 2"  thread counts (default: 1 and every processor).
#   PEERS_MODELS="skipgram cbow"                 models (default both).
#   PEERS_TOOLS="w2v gensim word2vec-c fasttext mllib" tools (default all five).
#   PEERS_SIMLEX=FILE    SimLex-999 (word pairs, tab-separated, '#' comments) as a third quality
#                        column; none of our registries ships it, so bring your own copy.
#   PEERS_PLUGINS="FILE ..." files sourced before the runs. Each may define more tools: a
#                        function run_TOOL MODEL THREADS SEED NAME that trains, writes
#                        $work/NAME.vec (word2vec text or binary) through `timed NAME ...`, and
#                        $work/NAME.seconds (its training seconds) or $work/NAME.speed (training
#                        words/s); then add TOOL to PEERS_TOOLS.
# Spark MLlib's Word2Vec (3.5.6, bench/MllibWord2Vec.java) runs in local[THREADS] with THREADS
# partitions. It has skip-gram with hierarchical softmax only: no negative sampling, no
# sub-sampling, no CBOW (its CBOW rows say so); dim, window, min-count, epochs, lr and seed are
# the table's. bench/spark-peers.sh sets it beside our Spark trainer.
# Installs python3-gensim, fasttext and time from Debian when they are missing (needs root).
# word2vec C is fetched with `npm pack word2vec@1.1.5` (its src/word2vec.c) and built with gcc
# -O3 -march=native; the copy gets one local change, a seed from $W2VC_SEED (stock behaviour
# without it), because C has no seed option. Nothing of it is committed.
# Everything it writes goes to out/bench/ (never committed).
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=${1:-out/bench/corpus.txt}
work=out/bench/peers
mkdir -p "$work"

fail() {
  echo "peers: $*" >&2
  exit 1
}

seeds=${PEERS_SEEDS:-3}
threads_list=${PEERS_THREADS:-"1 $(nproc)"}
[[ $threads_list == "1 1" ]] && threads_list=1
models=${PEERS_MODELS:-"skipgram cbow"}
tools=${PEERS_TOOLS:-"w2v gensim word2vec-c fasttext mllib"}
simlex=${PEERS_SIMLEX:-}
[[ -z $simlex || -s $simlex ]] || fail "PEERS_SIMLEX=$simlex is not a readable file"
epochs=5

for plugin in ${PEERS_PLUGINS:-}; do
  # shellcheck source=/dev/null
  source "$plugin"
done

# --- the peers -------------------------------------------------------------------------------
missing=()
/usr/bin/python3 -c "import gensim" >/dev/null 2>&1 || missing+=(python3-gensim)
command -v fasttext >/dev/null 2>&1 || missing+=(fasttext)
[[ -x /usr/bin/time ]] || missing+=(time)
if [[ " $tools " == *" word2vec-c "* ]]; then
  command -v gcc >/dev/null 2>&1 || missing+=(gcc)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
fi
if ((${#missing[@]})); then
  [[ $(id -u) -eq 0 ]] || fail "missing ${missing[*]}; install them (apt-get install ${missing[*]}) or run as root"
  echo "peers: installing ${missing[*]} from Debian" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

w2vc=out/bench/word2vec-c
build_word2vec_c() {
  [[ -x $w2vc/word2vec ]] && return
  echo "peers: fetching and building word2vec C (npm package word2vec@1.1.5)" >&2
  rm -rf "$w2vc" && mkdir -p "$w2vc"
  (cd "$w2vc" && npm pack --silent word2vec@1.1.5 >/dev/null && tar xzf word2vec-1.1.5.tgz) ||
    fail "cannot fetch word2vec@1.1.5 with npm"
  local src=$w2vc/package/src/word2vec.c
  # The seed: the initialisation's generator starts at $W2VC_SEED, thread i's at
  # i + 1000003 * $W2VC_SEED; unset, both are stock (1 and i).
  perl -pi -e '
    s/unsigned long long next_random = 1;/unsigned long long next_random = getenv("W2VC_SEED") ? strtoull(getenv("W2VC_SEED"), 0, 10) : 1;/;
    s/unsigned long long next_random = \(long long\)id;/unsigned long long next_random = (long long)id + 1000003ULL * (getenv("W2VC_SEED") ? strtoull(getenv("W2VC_SEED"), 0, 10) : 0);/;
  ' "$src"
  [[ $(grep -c W2VC_SEED "$src") -eq 2 ]] || fail "word2vec.c is not the 1.1.5 source this script patches"
  gcc -O3 -march=native "$src" -o "$w2vc/word2vec" -lm -pthread || fail "building word2vec C failed"
}

# --- the corpus and w2v ----------------------------------------------------------------------
if [[ $# -eq 0 ]]; then
  bench/prepare-corpus.sh "$corpus"
fi
[[ -s $corpus ]] || fail "corpus $corpus is missing or empty; run bench/prepare-corpus.sh"
tokens=$(wc -w <"$corpus")
./w2v --version >/dev/null # builds the jar now, so that no run below pays for the build
# The first `train` after a build writes ./w2v's class-data-sharing archive at its exit, which
# costs that run time and memory; a short one here keeps it out of the measured runs.
warmup=$(mktemp -d)
./w2v train --out "$warmup" >/dev/null 2>&1 || fail "w2v train failed on the bundled corpus"
rm -rf "$warmup"
[[ " $tools " == *" word2vec-c "* ]] && build_word2vec_c
if [[ " $tools " == *" mllib "* ]]; then
  if [[ ! -f trainer-spark/target/mllib-libs/.complete ]]; then
    echo "peers: fetching Spark MLlib's jars (once) ..." >&2
    mvn -B -q -DskipTests -Dmaven.test.skip.exec=true -Pmllib package -pl trainer-spark -am \
      >"$work/mllib-build.log" 2>&1 || fail "building MLlib's class path failed; see $work/mllib-build.log"
    touch trainer-spark/target/mllib-libs/.complete
  fi
  # Compiled rather than source-launched: Spark's executors find the driver's lambdas by class name.
  javac -nowarn -cp "trainer-spark/target/mllib-libs/*" -d "$work/classes" bench/MllibWord2Vec.java
fi

# word2vec C's learning rates, for every tool.
lr_of() { [[ $1 == cbow ]] && echo 0.05 || echo 0.025; }

# Each run writes NAME.time (wall seconds, peak RSS in KB), NAME.log and NAME.vec; the training
# speed comes from each tool's own account of its training phase.
timed() {
  local name=$1
  shift
  /usr/bin/time -f '%e %M' -o "$work/$name.time" "$@" >"$work/$name.log" 2>&1 ||
    fail "$name failed; see $work/$name.log"
}

run_w2v() {
  local model=$1 t=$2 seed=$3 name=$4
  timed "$name" ./w2v train --trainer fast --corpus "$corpus" --out "$work/$name" \
    --set model="$model" --set dim=100 --set window=5 --set negsampling.k=5 --set sample=1e-4 \
    --set min-count=5 --set epochs=$epochs --set lr="$(lr_of "$model")" --set threads="$t" \
    --set seed="$seed"
  mv "$work/$name/vectors.txt" "$work/$name.vec"
  rm -rf "${work:?}/$name"
  # "... in 61.2 s (training 57.3 s, 471234 words/s); ..."
  perl -ne 'print "$1\n" if /\(training ([0-9.]+) s,/' "$work/$name.log" >"$work/$name.seconds"
}

run_gensim() {
  local model=$1 t=$2 seed=$3 name=$4
  timed "$name" /usr/bin/python3 bench/gensim_train.py "$corpus" "$work/$name.vec" "$t" "$seed" "$model"
  perl -ne 'print "$1\n" if /training ([0-9.]+) s/' "$work/$name.log" >"$work/$name.seconds"
}

run_word2vec-c() {
  local model=$1 t=$2 seed=$3 name=$4
  timed "$name" env W2VC_SEED="$seed" "$w2vc/word2vec" -train "$corpus" -output "$work/$name.vec" \
    -cbow "$([[ $model == cbow ]] && echo 1 || echo 0)" -size 100 -window 5 -negative 5 -hs 0 \
    -sample 1e-4 -min-count 5 -iter $epochs -alpha "$(lr_of "$model")" -threads "$t" -debug 2
  # Its progress line's last "Words/thread/sec: 123.45k", times the threads.
  tr '\r' '\n' <"$work/$name.log" |
    perl -ne '$w = $1 if m{Words/thread/sec:\s*([0-9.]+)k}; END { printf "%.0f\n", $w * 1000 * '"$t"' if $w }' \
      >"$work/$name.speed"
}

run_fasttext() {
  local model=$1 t=$2 seed=$3 name=$4
  timed "$name" fasttext "$model" -input "$corpus" -output "$work/$name" \
    -dim 100 -ws 5 -neg 5 -t 1e-4 -minCount 5 -epoch $epochs -lr "$(lr_of "$model")" -minn 0 -maxn 0 \
    -thread "$t" -seed "$seed" -verbose 2
  # fastText reports words/sec/thread over its training loop; its total is that times threads.
  tr '\r' '\n' <"$work/$name.log" |
    perl -ne '$w = $1 if m{words/sec/thread:\s*([0-9]+)}; END { print $w * '"$t"', "\n" if $w }' \
      >"$work/$name.speed"
  rm -f "$work/$name.bin"
}

run_mllib() {
  local model=$1 t=$2 seed=$3 name=$4
  if [[ $model != skipgram ]]; then
    echo "MLlib's Word2Vec has skip-gram only" >"$work/$name.unsupported"
    return
  fi
  timed "$name" java -XX:MaxRAMPercentage=75 -Dlog4j2.configurationFile=trainer-spark/conf/log4j2.properties \
    --add-exports=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
    --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED \
    --add-opens=java.base/java.lang=ALL-UNNAMED \
    -cp "$work/classes:trainer-spark/target/mllib-libs/*" MllibWord2Vec \
    "$corpus" "$work/$name.vec" "local[$t]" "$t" $epochs "$seed" "$(lr_of "$model")"
  perl -ne 'print "$1\n" if /^fit ([0-9.]+) s/' "$work/$name.log" >"$work/$name.seconds"
}

# Hogwild threads share the matrices, so a multi-threaded run's speed depends on how fast a cache
# line moves between cores; on a VM that changes with the host's placement of the virtual CPUs
# (bench/README.md). Each multi-threaded run gets the figure measured just before and just after.
probed() {
  local tool=$1 model=$2 t=$3 seed=$4 name="$1-$2-$3-$4"
  if ((t > 1)); then probe >"$work/$name.latency"; fi
  "run_$tool" "$model" "$t" "$seed" "$name"
  if ((t > 1)); then probe >>"$work/$name.latency"; fi
}

# The round trip in ns; nothing if the probe cannot run, which only costs the table its brackets.
probe() {
  java bench/CoreLatency.java 2>/dev/null | awk '/^round trip/ {print $3}' || true
}

rm -f "$work"/*.log "$work"/*.vec "$work"/*.time "$work"/*.seconds "$work"/*.speed "$work"/*.json \
  "$work"/*.latency "$work"/*.unsupported
started=$(date -u +%Y-%m-%dT%H:%MZ)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for seed in $(seq "$seeds"); do
  for t in $threads_list; do
    for model in $models; do
      for tool in $tools; do
        echo "peers: seed $seed of $seeds, $t thread(s), $model: $tool ..." >&2
        probed "$tool" "$model" "$t" "$seed"
      done
    done
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

vocabulary=$(perl -ne 'print "$1\n" if /([0-9]+) words in the vocabulary/' "$(ls "$work"/w2v-*-1.log | head -1)" 2>/dev/null || echo 0)

# --- quality and the table -------------------------------------------------------------------
evaluate=(--analogies data/questions-words.txt --similarity data/wordsim353.tsv)
[[ -n $simlex ]] && evaluate+=(--similarity "$simlex")
for f in "$work"/*.vec; do
  ./w2v evaluate --vectors "$f" --json "${evaluate[@]}" >"${f%.vec}.eval.json" 2>/dev/null ||
    fail "evaluating $f failed"
done

/usr/bin/python3 - "$work" "$tokens" "$epochs" "$vocabulary" "$threads_list" "$corpus" "$seeds" \
  "$models" "$tools" "${simlex:+simlex}" "$started" "$load_before" "$load_after" <<'EOF'
import json, os, platform, statistics, sys

(work, tokens, epochs, vocabulary, threads_list, corpus, seeds, models, tools, simlex, started,
 load_before, load_after) = sys.argv[1:14]
tokens, epochs, vocabulary, seeds = int(tokens), int(epochs), int(vocabulary), int(seeds)
threads_list = [int(t) for t in threads_list.split()]
models, tools, simlex = models.split(), tools.split(), bool(simlex)

def read(name):
    with open(os.path.join(work, name)) as f:
        return f.read().strip()

def latency(name):
    if not os.path.exists(os.path.join(work, f"{name}.latency")):
        return []
    return [int(x) for x in read(f"{name}.latency").split()]

def supported(tool, model, t):
    return not os.path.exists(os.path.join(work, f"{tool}-{model}-{t}-1.unsupported"))

def run(tool, model, t, seed):
    name = f"{tool}-{model}-{t}-{seed}"
    wall, rss_kb = read(f"{name}.time").split()[-2:]
    if os.path.exists(os.path.join(work, f"{name}.speed")):
        speed = float(read(f"{name}.speed"))
    else:
        speed = tokens * epochs / float(read(f"{name}.seconds"))
    result = json.loads(read(f"{name}.eval.json"))
    similarity = [s["result"]["spearman"] for s in result["similarity"]]
    return dict(wall=float(wall), rss=int(rss_kb) / 1024, speed=speed,
                wordsim=similarity[0], simlex=similarity[1] if simlex else None,
                analogy=result["analogies"]["result"]["total"]["accuracy"], latency=latency(name))

def median(xs):
    return statistics.median(xs)

def mean_sd(xs):
    m = statistics.mean(xs)
    return f"{m:.4f} ± {statistics.stdev(xs):.4f}" if len(xs) > 1 else f"{m:.4f}"

runs = {(tool, model, t): [run(tool, model, t, s) for s in range(1, seeds + 1)]
        for tool in tools for model in models for t in threads_list if supported(tool, model, t)}

def row(tool, model, t):
    rs = runs[(tool, model, t)]
    r = dict(wall=median([x["wall"] for x in rs]), speed=median([x["speed"] for x in rs]),
             rss=max(x["rss"] for x in rs))
    for q in ("wordsim", "simlex", "analogy"):
        r[q] = statistics.mean([x[q] for x in rs]) if rs[0][q] is not None else None
    return r

cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
print(f"corpus {corpus}: {tokens:,} tokens, {vocabulary:,} words at min-count 5; "
      f"{os.cpu_count()} x {cpu}; {platform.system()} {platform.release()}")
print(f"started {started}; load average {load_before} before, {load_after} after")
print("dim 100, window 5, negative 5, sample 1e-4, min-count 5, 5 epochs, lr 0.025 skip-gram / 0.05 CBOW")
print(f"each row: {seeds} run(s), seeds 1..{seeds}: median wall time and speed, largest memory, "
      "mean ± standard deviation of the quality")
print()
quality_heads = ["WordSim-353"] + (["SimLex-999"] if simlex else []) + ["analogy"]
print("| tool | model | threads | wall time (s) | training words/s | per thread | peak memory (MB) | "
      + " | ".join(quality_heads) + " |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: | " + " | ".join("---:" for _ in quality_heads) + " |")
for model in models:
    for t in threads_list:
        for tool in tools:
            if (tool, model, t) not in runs:
                why = read(f"{tool}-{model}-{t}-1.unsupported")
                print(f"| {tool} | {model} | {t} | {why} | | | | " + " | ".join("" for _ in quality_heads) + " |")
                continue
            rs = runs[(tool, model, t)]
            r = row(tool, model, t)
            quality = [mean_sd([x["wordsim"] for x in rs])]
            if simlex:
                quality.append(mean_sd([x["simlex"] for x in rs]))
            quality.append(mean_sd([x["analogy"] for x in rs]))
            print(f"| {tool} | {model} | {t} | {r['wall']:.1f} | {r['speed']:,.0f} | {r['speed'] / t:,.0f} | "
                  f"{r['rss']:.0f} | " + " | ".join(quality) + " |")
print()
for (tool, model, t), rs in runs.items():
    print(f"- {tool}, {model}, {t} thread(s), words/s of every run: "
          + ", ".join(f"{x['speed']:,.0f}" + (f" ({'/'.join(map(str, x['latency']))} ns)" if x["latency"] else "")
                      for x in rs))
if len(threads_list) > 1:
    print("  (in brackets: a cache line's round trip between two cores just before/after the run)")
print()

def verdict(ok):
    return "met" if ok else "NOT met"

one = threads_list[0]
if "w2v" in tools:
    for model in models:
        w = row("w2v", model, one)
        for peer, target in (("gensim", 2.5), ("word2vec-c", 5.0), ("fasttext", None), ("mllib", None)):
            if peer not in tools or (peer, model, one) not in runs:
                continue
            p = row(peer, model, one)
            wall_ratio = p["wall"] / w["wall"]
            speed_ratio = w["speed"] / p["speed"]
            goal = (f" (target {target}x for skip-gram: {verdict(wall_ratio >= target)})"
                    if target and model == "skipgram" else "")
            print(f"- {model}, 1 thread: {peer}'s wall time / w2v's = {wall_ratio:.2f}x{goal}; "
                  f"training words/s w2v / {peer} = {speed_ratio:.2f}x")
    if len(threads_list) > 1:
        many = threads_list[-1]
        for model in models:
            base = row("w2v", model, one)["speed"]
            scaling = row("w2v", model, many)["speed"] / base
            target = 1.9 if many == 2 else 0.95 * many
            print(f"- {model}: w2v {many} threads / 1 thread = {scaling:.2f}x over all runs")
            # Runs whose cores shared a cache before and after (round trip under 150 ns), apart: the
            # other placement is the host's doing and costs every Hogwild trainer.
            rs = runs[("w2v", model, many)]
            near = [x["speed"] for x in rs if x["latency"] and max(x["latency"]) < 150]
            far = [x["speed"] for x in rs if x["latency"] and min(x["latency"]) >= 150]
            if near:
                print(f"  - median of the {len(near)} run(s) on cores sharing a cache: "
                      f"{median(near) / base:.2f}x (target {target:.1f}x: {verdict(median(near) / base >= target)})")
            if far:
                print(f"  - median of the {len(far)} run(s) on cores not sharing a cache: {median(far) / base:.2f}x")
    if "gensim" in tools:
        for model in models:
            for t in threads_list:
                w, g = row("w2v", model, t), row("gensim", model, t)
                parts, ok = [], True
                for q, label in (("wordsim", "WordSim-353"), ("simlex", "SimLex-999"), ("analogy", "analogy")):
                    if w[q] is None:
                        continue
                    d = w[q] - g[q]
                    ok &= d >= -0.005
                    parts.append(f"{label} {d:+.4f}")
                print(f"- quality, {model}, {t} thread(s), w2v minus gensim (means over seeds): "
                      + ", ".join(parts) + f" (parity: none below -0.005: {verdict(ok)})")
    limit = (1.5 * 2 * vocabulary * 100 * 4 + 200e6) / 2**20
    peak = max(x["rss"] for (tool, _, _), rs in runs.items() if tool == "w2v" for x in rs)
    print(f"- w2v peak memory {peak:.0f} MB; limit 1.5 x (2 x V x d x 4 bytes) + 200 MB = {limit:.0f} MB "
          f"({verdict(peak <= limit)})")
EOF
