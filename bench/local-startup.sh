#!/usr/bin/env bash
# Start-up cost of local mode (not a test): in one run on this machine, times bare etcd from spawn to healthy,
# `local start ... etcd` and `local stop`, RUNS times each (interleaved, so that noise hits all alike), and prints
# medians, the ratios, and the median of each phase the CLI reports with NEON_OPERATOR_TIMING=1.
#   bench/local-startup.sh [RUNS]        (default 5; needs the jar built, etcd and curl on PATH)
# Only 127.0.0.1 and free ports are used; every etcd started here is stopped and the temporary directory removed.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cli="$root/bin/neon-operator"
runs="${1:-5}"
for tool in etcd curl ss; do
  command -v "$tool" >/dev/null || { echo "local-startup: $tool is not on PATH" >&2; exit 1; }
done
[ -f "$root/cli/target/neon-operator.jar" ] || { echo "local-startup: build the jar first: mvn -B -q -DskipTests package" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/local-startup.XXXXXX")"
bare_pid=""
cleanup() {
  if [ -n "$bare_pid" ]; then kill "$bare_pid" 2>/dev/null || true; wait "$bare_pid" 2>/dev/null || true; fi
  for dir in "$work"/local-*; do
    [ -d "$dir" ] && "$cli" local stop --dir "$dir" >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# two consecutive ports, below the ephemeral range, that nothing listens on
free_ports() {
  local port
  for _ in $(seq 200); do
    port=$((20000 + RANDOM % 12000))
    if [ -z "$(ss -Htln "( sport = :$port or sport = :$((port + 1)) )")" ]; then echo "$port"; return; fi
  done
  echo "local-startup: no free ports found" >&2; exit 1
}
now_ms() { local t=$EPOCHREALTIME; echo $(( ${t/./} / 1000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

# bare etcd with the arguments local mode gives it, polled every 10 ms
bare_etcd() {
  local port dir start
  port="$(free_ports)"; dir="$work/bare-$1"; mkdir -m 700 "$dir"
  start="$(now_ms)"
  etcd --name bench --data-dir "$dir/data" --listen-client-urls "http://127.0.0.1:$port" \
    --advertise-client-urls "http://127.0.0.1:$port" --listen-peer-urls "http://127.0.0.1:$((port + 1))" \
    --initial-advertise-peer-urls "http://127.0.0.1:$((port + 1))" --initial-cluster "bench=http://127.0.0.1:$((port + 1))" \
    --initial-cluster-state new --initial-cluster-token bench >"$dir/etcd.log" 2>&1 &
  bare_pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
    kill -0 "$bare_pid" 2>/dev/null || { echo "local-startup: bare etcd exited, see $dir/etcd.log" >&2; exit 1; }
    sleep 0.01
  done
  echo $(( $(now_ms) - start )) >>"$work/bare-start"
  start="$(now_ms)"
  kill "$bare_pid"; wait "$bare_pid" || true; bare_pid=""
  echo $(( $(now_ms) - start )) >>"$work/bare-stop"
}

local_etcd() {
  local port dir start
  port="$(free_ports)"; dir="$work/local-$1"
  sed "s/^  deletionPolicy: Retain$/&\n  local: {etcdClientPort: $port, etcdPeerPort: $((port + 1))}/" \
    "$root/examples/neoncluster-etcd.yaml" >"$work/cluster-$1.yaml"
  start="$(now_ms)"
  NEON_OPERATOR_TIMING=1 "$cli" local start -f "$work/cluster-$1.yaml" --dir "$dir" etcd >/dev/null 2>"$work/timing-start-$1"
  echo $(( $(now_ms) - start )) >>"$work/local-start"
  start="$(now_ms)"
  NEON_OPERATOR_TIMING=1 "$cli" local stop --dir "$dir" >/dev/null 2>"$work/timing-stop-$1"
  echo $(( $(now_ms) - start )) >>"$work/local-stop"
}

echo "local-startup: $runs runs each on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq "$runs"); do
  bare_etcd "$run"
  local_etcd "$run"
done

bare_start="$(median <"$work/bare-start")"; bare_stop="$(median <"$work/bare-stop")"
local_start="$(median <"$work/local-start")"; local_stop="$(median <"$work/local-stop")"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1fx", (b > 0 ? a / b : 0)}'; }
printf '%-34s %6s ms   (runs: %s)\n' "bare etcd, spawn to healthy" "$bare_start" "$(paste -sd' ' "$work/bare-start")"
printf '%-34s %6s ms   (runs: %s)   %s of bare etcd\n' "local start ... etcd" "$local_start" \
  "$(paste -sd' ' "$work/local-start")" "$(ratio "$local_start" "$bare_start")"
printf '%-34s %6s ms   (runs: %s)\n' "bare etcd, SIGTERM to exit" "$bare_stop" "$(paste -sd' ' "$work/bare-stop")"
printf '%-34s %6s ms   (runs: %s)   %s of bare etcd\n' "local stop" "$local_stop" \
  "$(paste -sd' ' "$work/local-stop")" "$(ratio "$local_stop" "$bare_stop")"

# each phase's median: "+N ms" is the time since the previous phase (the first, since the process started)
phases() {
  cat "$work"/timing-"$1"-* | sed -n 's/^neon-operator timing: \(.*[^ ]\) *at *[0-9]* ms (+\([0-9]*\) ms)$/\1\t\2/p' \
    | awk -F'\t' '!($1 in seen) {seen[$1]; order[++n] = $1} {print > "/dev/stderr"} END {for (i = 1; i <= n; i++) print order[i]}' 2>"$work/phases-$1" \
    | while IFS= read -r phase; do
        printf '  %-36s %6s ms\n' "$phase" "$(awk -F'\t' -v p="$phase" '$1 == p {print $2}' "$work/phases-$1" | median)"
      done
}
echo "where local start's time goes (median per phase; the rest until exit is the JVM shutting down):"
phases start
echo "where local stop's time goes:"
phases stop
