#!/usr/bin/env bash
# Resident memory of the server once it has started and before any room is open, for each
# `generation` setting (off, lazy, eager): the median of N starts each (default 3), started as
# `./ensemble start` starts it (same JVM options and malloc settings), read from /proc 1 s after the
# first screen. Usage: scripts/startup-rss.sh [N]   (build first: ./ensemble start builds the jar)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)"
jar="server/target/ensemble-server-$version.jar"
[ -f "$jar" ] || { echo "no $jar: run ./ensemble start once (or mvn -pl server -am -DskipTests package)" >&2; exit 1; }

for mode in off lazy eager; do
  values=()
  for _ in $(seq "$runs"); do
    dir="$(mktemp -d /tmp/ensemble-rss-XXXXXX)"
    env MALLOC_MMAP_THRESHOLD_=4194304 MALLOC_TRIM_THRESHOLD_=33554432 ENSEMBLE_GENERATION="$mode" \
      java @server/jvm.options -jar "$jar" --port 0 --data-dir "$dir/data" >"$dir/out" 2>&1 &
    pid=$!
    for _ in $(seq 1200); do
      grep -q 'Ensemble is running' "$dir/out" && break
      kill -0 "$pid" 2>/dev/null || { cat "$dir/out" >&2; exit 1; }
      sleep 0.1
    done
    sleep 1
    values+=("$(awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")")
    kill "$pid"
    wait "$pid" || true
    rm -rf "$dir"
  done
  median="$(printf '%s\n' "${values[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
  echo "generation: $mode  RSS after start, before the first room: median $median MB (runs: ${values[*]} MB)"
done
