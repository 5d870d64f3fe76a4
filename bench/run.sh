#!/usr/bin/env bash
# Throughput benchmark on Reuters-21578: `bench/run.sh [RUNS]`.
# Converts ../shared/data/reuters-21578 to JSONL (once), then runs `flashpoint code` with
# --threads 1 and --threads 2, RUNS times each (default 3), and prints the median
# sentences/s, articles/s, peak RSS (from /usr/bin/time -v) and the 2-thread scaling.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shared=../shared/data/reuters-21578
if [ ! -d "$shared" ]; then
  echo "skip: $shared not found (the benchmark needs ../shared)"; exit 0
fi
corpus=target/bench/reuters.jsonl
mkdir -p target/bench
[ -s "$corpus" ] || python3 bench/reuters_to_jsonl.py "$shared" "$corpus"
cargo build --release -q -p flashpoint-cli
bin=target/release/flashpoint
timer=/usr/bin/time
[ -x "$timer" ] || { echo "note: /usr/bin/time missing (apt-get install time); RSS not measured"; timer=""; }
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
declare -A med_sps
for t in 1 2; do
  sps=(); aps=(); rss=()
  for r in $(seq "$runs"); do
    stats=target/bench/stats-$t-$r.json
    if [ -n "$timer" ]; then
      $timer -v "$bin" code "$corpus" -o target/bench/out.jsonl --threads "$t" --stats "$stats" -q 2> target/bench/time.txt
      rss+=("$(sed -n 's/.*Maximum resident set size (kbytes): //p' target/bench/time.txt)")
    else
      "$bin" code "$corpus" -o target/bench/out.jsonl --threads "$t" --stats "$stats" -q 2>/dev/null
    fi
    read -r s a <<<"$(python3 -c "import json,sys; d=json.load(open('$stats')); print(d['sentences']/d['seconds'], d['articles']/d['seconds'])")"
    sps+=("$s"); aps+=("$a")
  done
  m=$(printf '%s\n' "${sps[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  ma=$(printf '%s\n' "${aps[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  mr=$(printf '%s\n' "${rss[@]:-0}" | sort -g | tail -1)
  med_sps[$t]=$m
  printf 'threads %s: median %.0f sentences/s, %.0f articles/s, peak RSS %s MB (runs: %s)\n' "$t" "$m" "$ma" "$((mr / 1024))" "$runs"
done
python3 -c "print('scaling 2 threads / 1 thread: %.2fx' % (${med_sps[2]} / ${med_sps[1]}))"
