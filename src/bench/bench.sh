#!/usr/bin/env bash
# Whole-process benchmark: Stepwise against its SymPy peers, side by side.
#
#   src/bench/bench.sh            # check: N=7 alternating runs of each kind
#   N=9 BATCH_N=3 src/bench/bench.sh
#   SKIP_BATCH=1 src/bench/bench.sh
#
# Runs A (Stepwise) and B (the peer) in turn, A B A B ..., so a machine that speeds up or
# slows down during the run moves both; prints the median wall time and peak memory (RSS of the
# largest process, /usr/bin/time -v) of each, and the median of the pairwise ratios A/B.
# check is timed three ways: a plain run (no server), a first run (the background server is
# started by the run itself) and a warm run (the server is up). A run served by the server
# counts the client's memory; the server's own peak is printed beside it.
# The batch (equiv --batch against src/bench/sympy_batch.py) runs when that script exists.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
N="${N:-7}"
BATCH_N="${BATCH_N:-3}"
PEER="${PEER:-$root/../shared/bench/sympy_bce.py}"
FILES=(derivations/bce-from-likelihood.yaml derivations/bce-from-kl.yaml)
work="$(mktemp -d)"
trap 'STEPWISE_DAEMON=stop ./stepwise >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

# one run: wall seconds and peak KiB into the named files' last lines
timed() { # $1: label; the rest: command
  local label="$1" start end
  shift
  start=$EPOCHREALTIME
  /usr/bin/time -v -o "$work/time" "$@" >"$work/out" 2>&1 || true
  end=$EPOCHREALTIME
  echo "$start $end" | awk '{printf "%.4f\n", $2 - $1}' >>"$work/$label.wall"
  sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time" >>"$work/$label.rss"
}

server_peak() { # the background server's peak RSS in KiB, or 0
  local address pid peak=""
  for address in "${XDG_RUNTIME_DIR:-/tmp}"/stepwise-"$UID"/*/address; do
    [ -f "$address" ] || continue
    pid="$(awk '{print $3}' "$address")"
    peak="$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)"
  done
  echo "${peak:-0}"
}

report() { # $1: title, $2: A's label, $3: B's label, $4: extra note
  python3 - "$work" "$@" <<'PY'
import statistics, sys
work, title, a, b, note = sys.argv[1:6]
read = lambda name: [float(x) for x in open(f"{work}/{name}").read().split()]
wa, wb = read(a + ".wall"), read(b + ".wall")
ra, rb = read(a + ".rss"), read(b + ".rss")
ratios = [x / y for x, y in zip(wa, wb)]
print(f"{title}  (n={len(wa)}, medians)")
print(f"  stepwise {statistics.median(wa):7.3f} s  {statistics.median(ra)/1024:6.0f} MiB{note}")
print(f"  peer     {statistics.median(wb):7.3f} s  {statistics.median(rb)/1024:6.0f} MiB")
print(f"  ratio stepwise/peer {statistics.median(ratios):.2f}  (pairwise; min {min(ratios):.2f}, max {max(ratios):.2f})")
PY
}

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); check: ${FILES[*]}"
STEPWISE_DAEMON=0 ./stepwise check "${FILES[@]}" >/dev/null 2>&1 || true # build and start-up cache, not timed
python3 "$PEER" >/dev/null 2>&1 || true

for ((i = 0; i < N; i++)); do
  timed plain env STEPWISE_DAEMON=0 ./stepwise check "${FILES[@]}"
  timed peer-plain python3 "$PEER"
done
report "check, plain run (no server)" plain peer-plain ""

for ((i = 0; i < N; i++)); do
  STEPWISE_DAEMON=stop ./stepwise >/dev/null 2>&1 || true
  timed first ./stepwise check "${FILES[@]}"
  timed peer-first python3 "$PEER"
done
report "check, first run (starts the server)" first peer-first ""

./stepwise check "${FILES[@]}" >/dev/null 2>&1 || true
for ((i = 0; i < N; i++)); do
  timed warm ./stepwise check "${FILES[@]}"
  timed peer-warm python3 "$PEER"
done
report "check, warm run (server up)" warm peer-warm " (client; the server's peak: $(($(server_peak) / 1024)) MiB)"

if [ -f src/bench/sympy_batch.py ] && [ "${SKIP_BATCH:-0}" != 1 ]; then
  corpus="${BATCH_CORPUS:-src/test/resources/equiv/batch-corpus.tsv}"
  if [ -f "$corpus" ]; then
    lines="$(grep -cv '^\s*\(#\|$\)' "$corpus" || true)"
    echo
    for ((i = 0; i < BATCH_N; i++)); do
      timed batch env STEPWISE_DAEMON=0 ./stepwise equiv --batch "$corpus" --timeout 5
      timed peer-batch python3 src/bench/sympy_batch.py "$corpus" --timeout 5
    done
    report "equiv --batch $corpus ($lines pairs, 5 s each)" batch peer-batch ""
  else
    echo "batch: $corpus not found (BATCH_CORPUS names another)"
  fi
fi
