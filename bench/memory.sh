#!/usr/bin/env bash
# Flat memory check: `bench/memory.sh [TIMES]` runs `flashpoint code --threads 2` on the
# Reuters JSONL corpus once and then on it concatenated TIMES times (default 10, streamed
# through standard input, nothing materialised), and prints the peak RSS of both runs.
set -euo pipefail
cd "$(dirname "$0")/.."
times=${1:-10}
shared=../shared/data/reuters-21578
if [ ! -d "$shared" ]; then
  echo "skip: $shared not found (the benchmark needs ../shared)"; exit 0
fi
[ -x /usr/bin/time ] || { echo "skip: /usr/bin/time missing (apt-get install time)"; exit 0; }
corpus=target/bench/reuters.jsonl
mkdir -p target/bench
[ -s "$corpus" ] || python3 bench/reuters_to_jsonl.py "$shared" "$corpus"
cargo build --release -q -p flashpoint-cli
bin=target/release/flashpoint
/usr/bin/time -v "$bin" code "$corpus" -o /dev/null --threads 2 -q 2> target/bench/mem-1.txt
for i in $(seq "$times"); do cat "$corpus"; done |
  /usr/bin/time -v "$bin" code - -o /dev/null --threads 2 -q 2> target/bench/mem-n.txt
rss() { sed -n 's/.*Maximum resident set size (kbytes): //p' "$1"; }
echo "peak RSS 1x: $(( $(rss target/bench/mem-1.txt) / 1024 )) MB; ${times}x: $(( $(rss target/bench/mem-n.txt) / 1024 )) MB"
