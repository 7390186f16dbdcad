#!/usr/bin/env bash
# Runs the same bench load against two or more builds of chatshell, interleaved (each round in
# another order: A B C, C A B, B C A, ...), so that every build sees the same machine, and prints
# every run and the medians side by side: deliveries per second, latency percentiles, server cores
# and server CPU time per delivery (server CPU while sending / deliveries).
#
#   bench/compare-builds.sh [--rounds N] [NAME=]CHECKOUT... [-- bench options...]
#
# Each checkout is a chatshell source tree (a git worktree of another commit, for example); its own
# bin/chatshell builds it when needed and starts its own server, so each build is measured with the
# bench that came with it. The bench options default to the latency run of BENCHMARKS.md section 3
# (--sessions 1000 --rate 100 --duration 30s). Results go to bench-results/compare-<time>/ here.
#
# Example, the build that closed issue 4 against this one:
#   git worktree add ../issue4 5d7f05e
#   bench/compare-builds.sh --rounds 4 issue4=../issue4 today=.
set -euo pipefail

rounds=3
if [[ "${1:-}" == "--rounds" ]]; then
  rounds="$2"
  shift 2
fi
names=()
dirs=()
while (($# > 0)) && [[ "$1" != "--" ]]; do
  name="${1%%=*}"
  dir="${1#*=}"
  [[ "$1" == *=* ]] || name="$(basename "$(cd "$dir" && pwd)")"
  names+=("$name")
  dirs+=("$(cd "$dir" && pwd)")
  shift
done
[[ "${1:-}" == "--" ]] && shift
if ((${#dirs[@]} < 2)); then
  sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
options=("$@")
if ((${#options[@]} == 0)); then
  options=(--sessions 1000 --rate 100 --duration 30s)
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$here/bench-results/compare-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
for i in "${!dirs[@]}"; do
  echo "${names[$i]}: ${dirs[$i]} ($(git -C "${dirs[$i]}" rev-parse --short HEAD 2>/dev/null || echo '?'))"
done | tee "$out/builds.txt"
echo "bench options: ${options[*]}" | tee -a "$out/builds.txt"

# Build them all first, so that no build runs while another is measured.
for dir in "${dirs[@]}"; do
  "$dir/bin/chatshell" --version >/dev/null
done

count=${#dirs[@]}
for ((round = 1; round <= rounds; round++)); do
  for ((k = 0; k < count; k++)); do
    i=$(((k + (round - 1) * (count - 1)) % count)) # a different build goes first each round
    label="r$round-${names[$i]}"
    echo "round $round: ${names[$i]} ..." >&2
    "${dirs[$i]}/bin/chatshell" bench "${options[@]}" --against chatshell --results "$out" \
      --label "$label" >"$out/$label.txt" 2>&1 || echo "run $label failed; see $out/$label.txt" >&2
  done
done

# One line per run from its JSON (one field per line), then the medians.
field() { awk -F': ' -v key="\"$2\"" '$1 ~ key { gsub(/,$/, "", $2); print $2 }' "$1"; }
{
  printf '%-10s %5s %12s %8s %8s %8s %7s %9s\n' \
    build round deliveries/s p50_ms p99_ms p99.9_ms cores µs/deliv
  for ((round = 1; round <= rounds; round++)); do
    for name in "${names[@]}"; do
      json="$out/r$round-$name-chatshell.json"
      [[ -f "$json" ]] || continue
      rate="$(field "$json" deliveriesPerSecond)"
      cores="$(field "$json" serverCores)"
      printf '%-10s %5d %12.0f %8.2f %8.2f %8.2f %7.3f %9.2f\n' "$name" "$round" "$rate" \
        "$(field "$json" latencyP50Ms)" "$(field "$json" latencyP99Ms)" \
        "$(field "$json" latencyP99_9Ms)" "$cores" \
        "$(awk -v c="$cores" -v r="$rate" 'BEGIN { print (r > 0 ? c * 1e6 / r : 0) }')"
    done
  done
} | tee "$out/runs.txt"

median() {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}
echo
for name in "${names[@]}"; do
  column() { awk -v b="$name" -v c="$1" '$1 == b { print $c }' "$out/runs.txt" | median; }
  printf 'median %-10s p99 %8.2f ms   server %5.3f cores   %6.2f µs CPU per delivery\n' \
    "$name" "$(column 5)" "$(column 7)" "$(column 8)"
done | tee "$out/medians.txt"
echo "results: $out"
