#!/usr/bin/env bash
# Profiles Ensemble under one load shape: runs the shape with a JFR recording in the server
# (settings=profile), scrapes the server's /metrics in the middle of the measured window (store and
# apply latency percentiles, refusals), then prints the hottest frames: Java (jdk.ExecutionSample,
# top frame and top Ensemble frame) and native (jdk.NativeMethodSample), and the CPU per thread group.
#
#   load-tests/profile.sh --rooms 20 --clients 10 --rate 3 [--warmup 5 --duration 30]
#
# Output in load-tests/target/profile/: server.jfr, metrics.txt, report.txt. Run load-tests/run.sh (or
# `mvn -q -pl server,load-tests -am -DskipTests package`) once first to build.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=load-tests/target/profile
mkdir -p "$OUT"
rm -f "$OUT"/server.jfr "$OUT"/metrics*.txt
ARGS=("$@")
WARMUP=5 DURATION=30
for ((i = 0; i < ${#ARGS[@]}; i++)); do
  case "${ARGS[$i]}" in
    --warmup) WARMUP=${ARGS[$((i + 1))]} ;;
    --duration) DURATION=${ARGS[$((i + 1))]} ;;
  esac
done
VERSION="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)"
nice -n -10 java -jar "load-tests/target/ensemble-load-tests-$VERSION.jar" shape --target ensemble --warmup "$WARMUP" \
  --duration "$DURATION" --work load-tests/target/work "${ARGS[@]}" \
  --server-jvm-options "-XX:StartFlightRecording=filename=$PWD/$OUT/server.jfr,settings=profile,dumponexit=true" \
  > "$OUT/result.json" 2> "$OUT/tool.log" &
TOOL=$!
# Wait for the measured window (setup takes a few seconds), then scrape at its start and near its end.
for _ in $(seq 1 120); do
  grep -q "editing at" "$OUT/tool.log" 2>/dev/null && break
  sleep 1
done
scrape() {
  local pid port
  pid=$(pgrep -f "ensemble-server-$VERSION.jar --port" | head -1 || true)
  [ -n "$pid" ] || return 0
  port=$(tr '\0' ' ' < "/proc/$pid/cmdline" | grep -o -- '--port [0-9]*' | cut -d' ' -f2)
  curl -s "http://127.0.0.1:$port/metrics" | grep -E '^ensemble_(update|refused|messages)' > "$1" || true
}
sleep $((WARMUP + 1))
scrape "$OUT/metrics-start.txt"
sleep $((DURATION - 2))
scrape "$OUT/metrics.txt"
wait $TOOL || true
{
  grep -v '"kind"' "$OUT/tool.log" | tail -1
  echo; echo "== /metrics near the end of the window (percentiles decay over about 2 minutes: they include the setup)"
  cat "$OUT/metrics.txt"
  awk '/^ensemble_update_(store|apply)_seconds_(sum|count)/ {v[FILENAME, $1] = $2; k[$1] = 1}
    END { for (m in k) if (m ~ /_count$/) { base = substr(m, 1, length(m) - 6);
        dc = v[ARGV[2], base "_count"] - v[ARGV[1], base "_count"]; ds = v[ARGV[2], base "_sum"] - v[ARGV[1], base "_sum"];
        if (dc > 0) printf "%s: %d in the window, mean %.2f ms\n", base, dc, 1000 * ds / dc } }' \
    "$OUT/metrics-start.txt" "$OUT/metrics.txt"
  top() { # event, which frame: 1 = top frame, ensemble = first org.ensemble frame
    jfr print --events "$1" "$OUT/server.jfr" | awk -v which="$2" '
      /stackTrace = \[/ {inside = 1; first = ""; ens = ""; next}
      inside && /^[ \t]*\]/ {inside = 0; key = (which == "ensemble" ? (ens == "" ? "(no Ensemble frame)" : ens) : first); n[key]++; total++; next}
      inside { f = $1; sub(/\(.*/, "", f); if (first == "") first = f; if (ens == "" && f ~ /^org\.ensemble/) ens = f }
      END { for (k in n) printf "%6d %5.1f%%  %s\n", n[k], 100 * n[k] / total, k }' | sort -rn | head -"$3"
  }
  echo; echo "== Java samples, top frame";                top jdk.ExecutionSample 1 20
  echo; echo "== Java samples, first Ensemble frame";     top jdk.ExecutionSample ensemble 15
  echo; echo "== native samples, top frame";              top jdk.NativeMethodSample 1 10
  echo; echo "== CPU by thread (jdk.ThreadCPULoad, summed % of the machine over the samples)"
  jfr print --events jdk.ThreadCPULoad "$OUT/server.jfr" | awk '
    /user =/ {u = $3 + 0} /system =/ {s = $3 + 0}
    /eventThread/ {match($0, /"[^"]+"/); t = substr($0, RSTART + 1, RLENGTH - 2); gsub(/[0-9]+$/, "N", t); cpu[t] += u + s}
    END { for (k in cpu) if (cpu[k] >= 0.5) printf "%7.1f  %s\n", cpu[k], k }' | sort -rn | head -12
} | tee "$OUT/report.txt"
