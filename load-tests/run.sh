#!/usr/bin/env bash
# Runs every load shape against Ensemble and the reference y-websocket server, one after the other on
# this machine, and writes load-tests/results/<date>.md (raw JSON lines beside it in results/raw/).
#
#   load-tests/run.sh            the full run (about 40 minutes on 2 cores)
#   load-tests/run.sh --quick    a smoke run: short windows, one saturation step, 10/100 idle rooms
#   load-tests/run.sh --bar      the bar's figures in about 25 minutes on a quiet 2-core machine: each latency
#                                shape 3 times (servers alternated, the bar takes the medians), 20 s windows,
#                                one saturation search (10 s steps from 8 edits/s), and the idle rooms read
#                                3 times per server (Ensemble with its AI model off, lazy and loaded)
#
# Settings (environment): WARMUP (s, default 5), DURATION (s per shape, default 30), SAT_DURATION
# (s per saturation step, default 15), SAT_RATES (edits/s per client, default 2,4,6,7,8,9,10,11,12,13,14,16,20,24,32),
# SHAPE_RUNS (runs of each latency shape, default 3), IDLE_COUNTS (default 100,1000), IDLE_RUNS (idle
# readings per server and model setting, default 3), IDLE_MODELS (Ensemble's AI model settings the idle rooms
# are read at, default off,lazy,eager: the `generation` setting), SHAPES (latency shapes, default
# "1x50@1 100x4@1 20x10@3": rooms x clients @ edits/s per client), PARTS (default "shapes saturation idle"), TARGETS (default "ensemble reference"), SERVER_JVM_OPTIONS (for
# Ensemble, after server/jvm.options), NICE (priority of the tool and both servers, e.g. -10 as root),
# TOOL_CPUS and SERVER_CPUS (taskset CPU lists, e.g. 2-7 and 0-1: on a machine with cores to spare, the
# clients get cores of their own instead of competing with the server they measure; default: any CPU).
# Every server binds 127.0.0.1 on a free port; every run is bounded in time and stops by itself.
set -uo pipefail
cd "$(dirname "$0")/.."

QUICK=0
PRESET=""
[ "${1:-}" = "--quick" ] && QUICK=1 && PRESET=" --quick"
if [ $QUICK = 1 ]; then
  : "${WARMUP:=2}" "${DURATION:=5}" "${SAT_DURATION:=5}" "${SAT_RATES:=3}" "${IDLE_COUNTS:=10,100}" "${IDLE_RUNS:=1}" "${SHAPE_RUNS:=1}"
fi
if [ "${1:-}" = "--bar" ]; then
  PRESET=" --bar"
  : "${WARMUP:=5}" "${DURATION:=20}" "${SAT_DURATION:=10}" "${SAT_RATES:=8,12,16,20,24,28,32}" "${SHAPE_RUNS:=3}" "${IDLE_RUNS:=3}"
fi
WARMUP=${WARMUP:-5}
DURATION=${DURATION:-30}
SAT_DURATION=${SAT_DURATION:-15}
SAT_RATES=${SAT_RATES:-2,4,6,7,8,9,10,11,12,13,14,16,20,24,32}
IDLE_COUNTS=${IDLE_COUNTS:-100,1000}
IDLE_RUNS=${IDLE_RUNS:-3}
SHAPE_RUNS=${SHAPE_RUNS:-3}
IDLE_MODELS=${IDLE_MODELS:-off,lazy,eager}
SHAPES=${SHAPES:-1x50@1 100x4@1 20x10@3}
PARTS=${PARTS:-shapes saturation idle}
TARGETS=${TARGETS:-ensemble reference}
SERVER_JVM_OPTIONS=${SERVER_JVM_OPTIONS:-}
TOOL_CPUS=${TOOL_CPUS:-}
SERVER_CPUS=${SERVER_CPUS:-}

for tool in java mvn node npm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "run.sh needs $tool on the PATH" >&2; exit 1; }
done

echo "building the server and the load tool..." >&2
mvn -q -B -Dstyle.color=never -pl server,load-tests -am -DskipTests package >&2 || exit 1
for dir in load-tests/reference-server load-tests/stock-clients; do
  if [ ! -f "$dir/node_modules/.installed-lock" ] || ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.installed-lock"; then
    echo "installing $dir (npm ci)..." >&2
    (cd "$dir" && npm ci --no-audit --no-fund >&2 && cp package-lock.json node_modules/.installed-lock) || exit 1
  fi
done

DATE=$(date +%F)
mkdir -p load-tests/results/raw
RAW=load-tests/results/raw/$DATE.jsonl
OUT=load-tests/results/$DATE.md
[ $QUICK = 1 ] && RAW=load-tests/target/quick.jsonl && OUT=load-tests/target/quick.md
: > "$RAW"
VERSION="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)"
JAR=load-tests/target/ensemble-load-tests-$VERSION.jar
# The tool's own collector is chosen to disturb what it measures least (it shares the 2 cores with the
# server). Latency shapes: Shenandoah, whose pauses stay under ~4 ms; under G1 the tool paused 20-90 ms
# every few seconds (its 200-400 documents grow with every edit), and those pauses were in every
# server's p99. Saturation and idle rooms: G1, because there the tool needs all the CPU it can get and
# Shenandoah's concurrent work took it (the reference's p99 at 20 x 10 @ 6/s went from 73 to 459 ms);
# with a 10 ms pause goal, since near saturation G1's default let the tool pause 100-120 ms every
# 1-1.5 s (its documents hold ~500 MB by then), which alone put p99 over 100 ms for either server.
TOOL=(java -XX:MaxGCPauseMillis=10 -Xms256m -Xmx2g -jar "$JAR")
TOOL_SHAPES=(java -XX:+UseShenandoahGC -Xms1g -Xmx2g -jar "$JAR")
# NICE (e.g. -10, as root): the tool and the servers it starts run at that priority.
[ -n "${NICE:-}" ] && TOOL=(nice -n "$NICE" "${TOOL[@]}") && TOOL_SHAPES=(nice -n "$NICE" "${TOOL_SHAPES[@]}")
[ -n "$TOOL_CPUS" ] && TOOL=(taskset -c "$TOOL_CPUS" "${TOOL[@]}") && TOOL_SHAPES=(taskset -c "$TOOL_CPUS" "${TOOL_SHAPES[@]}")
COMMON=(--json "$RAW" --work load-tests/target/work)
[ -n "$SERVER_JVM_OPTIONS" ] && COMMON+=(--server-jvm-options "$SERVER_JVM_OPTIONS")
[ -n "$SERVER_CPUS" ] && COMMON+=(--server-cpus "$SERVER_CPUS")
STATUS=0
START=$(date +%s)

# rooms clients edits/s per client
# The latency shapes run stock clients (yjs + y-websocket under Node, deflate offered, presence on), as
# browsers do. One window's p99 rests on a few stalls: each shape runs SHAPE_RUNS times, the bar takes
# the median.
[[ " $PARTS " == *" shapes "* ]] || SHAPE_RUNS=0
for _ in $(seq 1 "$SHAPE_RUNS"); do
  for shape in $SHAPES; do
    IFS='x@' read -r rooms clients rate <<<"$shape"
    for target in $TARGETS; do
      "${TOOL_SHAPES[@]}" shape --target "$target" --rooms "$rooms" --clients "$clients" --rate "$rate" \
        --warmup "$WARMUP" --duration "$DURATION" "${COMMON[@]}" || STATUS=1
    done
  done
done
[[ " $PARTS " == *" saturation "* ]] && for target in $TARGETS; do
  "${TOOL[@]}" saturate --target "$target" --rooms 20 --clients 10 --rates "$SAT_RATES" \
    --warmup "$WARMUP" --duration "$SAT_DURATION" "${COMMON[@]}" || STATUS=1
done
# One idle reading depends on when each server's collector last ran: runs repeat, the bar takes the median.
# The rooms are made once per server; each reading is a fresh process on them (Ensemble: each AI model
# setting in turn, round by round).
[[ " $PARTS " == *" idle "* ]] && for target in $TARGETS; do
  MODELS=()
  [ "$target" = ensemble ] && [ -n "$IDLE_MODELS" ] && MODELS=(--models "$IDLE_MODELS")
  "${TOOL[@]}" idle --target "$target" --counts "$IDLE_COUNTS" --runs "$IDLE_RUNS" "${MODELS[@]}" "${COMMON[@]}" || STATUS=1
done

TOOL_PLACE=", on the same cores as the servers"
[ -n "$TOOL_CPUS" ] && TOOL_PLACE=", on CPUs $TOOL_CPUS"
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
MEM=$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)
JAVA=$(java -version 2>&1 | head -1)
NOTES="Measured $DATE on $(nproc) cores ($CPU), $MEM, Linux $(uname -r); $JAVA; node $(node --version).
Run took $(( ($(date +%s) - START) / 60 )) min. Durations: ${WARMUP} s warm-up (not measured) then ${DURATION} s measured per shape,
${SAT_DURATION} s per saturation step; every shape and step runs on a fresh server process and a fresh data folder.
Ensemble: \`./ensemble start --port P --data-dir D\`${SERVER_JVM_OPTIONS:+ with JAVA_TOOL_OPTIONS=\"$SERVER_JVM_OPTIONS\"}
(embedded disk store: every update is written and journaled with an fsync before it is applied and broadcast).${NICE:+
Tool and servers ran at nice $NICE.}${SERVER_CPUS:+ The servers ran on CPUs $SERVER_CPUS.}
Reference: \`@y/websocket-server\` 0.1.1 with yjs 13.6.33 and y-leveldb 0.1.2 under node (\`YPERSISTENCE=D\`,
LevelDB writes without fsync, after the broadcast). Latency shapes: stock clients, the real yjs 13.6.33 + y-websocket 3.1.0
providers under node (ws 8.18.3, permessage-deflate offered, awareness echoed, the cursor moved on half the edits), started by
the Java tool. Saturation and idle rooms: the Java tool's own clients (an event loop per CPU it may use). All on the same
machine$TOOL_PLACE; the Java tool under G1 (10 ms pause goal) for saturation and idle rooms (see run.sh)."
COMMAND="load-tests/run.sh$PRESET"
"${TOOL[@]}" report --results "$RAW" --out "$OUT" --title "Load test results, $DATE" --command "$COMMAND" \
  --notes "$NOTES" || STATUS=1
cat "$OUT"
exit $STATUS
