#!/usr/bin/env bash
# Footprint benchmark: the resident memory of a node (its JVM and its embedded PostgreSQL
# together) idle and under load, and its start-up time, at the site's settings (ops/commonscloud:
# the `site` profile and its JVM options) and at the core's (`java -jar` with no options).
#   bench/footprint.sh            build first: ./mvnw -q package -DskipTests
# Each setting runs RUNS times (default 3) on a fresh data directory: a first start (initdb and
# every migration, not timed), then a restart timed until /actuator/health is UP, IDLE_SECONDS
# (default 20) idle, then LOAD_SECONDS (default 45) of BenchFootprintLoad (refresh grants, page
# views and password sign-ins, LOAD_WORKERS workers, default 4) while the memory is sampled every
# second. Prints each run and the medians.
#
# Resident memory is the sum of VmRSS over the java process, the postmaster and its children
# (which counts PostgreSQL's shared buffers once per process that touched them, so it over-counts);
# the sum of Pss (each shared page divided among its users) is printed beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
PORT=${PORT:-18766}
IDLE_SECONDS=${IDLE_SECONDS:-20}
LOAD_SECONDS=${LOAD_SECONDS:-45}
LOAD_WORKERS=${LOAD_WORKERS:-4}
SETTINGS=${SETTINGS:-site core}
JAR=$(ls target/commons-cloud-*.jar | grep -v plain | head -1)
WORK=$(mktemp -d -t commons-cloud-footprint.XXXXXX)
NODE=
stop_node() {
  if [ -n "$NODE" ]; then kill "$NODE" 2>/dev/null || true; wait "$NODE" 2>/dev/null || true; NODE=; fi
}
trap 'stop_node; [ -n "${KEEP_LOGS:-}" ] && echo "logs in $WORK" || rm -rf "$WORK"' EXIT

# the load driver uses the identity tests' HTTP helpers: compiled with -Pbench, as bench/run.sh does
./mvnw -q -B -Pbench -DskipTests test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
LOAD_CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

# the node's processes: the JVM, the postmaster and its children, all resident kB summed (field 2: Rss, 3: Pss)
memory_kb() {
  local data=$1 pids=$NODE postmaster
  postmaster=$(head -1 "$data/postgres/postmaster.pid" 2>/dev/null || true)
  [ -n "$postmaster" ] && pids="$pids $postmaster $(pgrep -P "$postmaster" | tr '\n' ' ')"
  for pid in $pids; do cat "/proc/$pid/smaps_rollup" 2>/dev/null || true; done \
    | awk '/^Rss:/ {rss += $2} /^Pss:/ {pss += $2} END {print rss + 0, pss + 0}'
}

start_node() {  # setting data log
  local setting=$1 data=$2 log=$3
  export COMMONSCLOUD_ADMIN_PASSWORD=steward-password-for-tests  # the load driver's steward (StewardCalls)
  if [ "$setting" = site ]; then
    COMMONSCLOUD_JAR="$JAR" COMMONSCLOUD_DATA="$data" ops/commonscloud --server.port="$PORT" >>"$log" 2>&1 &
  else
    java -Djava.io.tmpdir="$data/tmp" -jar "$JAR" --server.port="$PORT" \
      --commonscloud.database.embedded.data-dir="$data/postgres" >>"$log" 2>&1 &
  fi
  NODE=$!
  until curl -sf "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$NODE" 2>/dev/null || { echo "the node exited; see $log"; KEEP_LOGS=1; exit 1; }
    sleep 0.1
  done
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

echo "cores: $(nproc); memory: $(free -m | awk '/^Mem:/ {print $2}') MB; jar: $JAR; $(java -version 2>&1 | head -1)"
for setting in $SETTINGS; do
  : >"$WORK/$setting.results"
  for run in $(seq 1 "$RUNS"); do
    data="$WORK/$setting-$run"; log="$WORK/$setting-$run.log"
    mkdir -p "$data/tmp"
    start_node "$setting" "$data" "$log"; stop_node  # initdb and migrations
    begin=$(date +%s%N)
    start_node "$setting" "$data" "$log"
    startup_ms=$(( ($(date +%s%N) - begin) / 1000000 ))
    sleep "$IDLE_SECONDS"
    read -r idle_rss idle_pss < <(memory_kb "$data")
    java -Xmx256m -XX:+UseSerialGC -cp "$LOAD_CP" coop.commonscloud.identity.internal.BenchFootprintLoad \
      "http://127.0.0.1:$PORT" "$LOAD_SECONDS" "$LOAD_WORKERS" >"$WORK/$setting-$run.load" 2>&1 &
    load=$!
    max_rss=0; max_pss=0
    while kill -0 "$load" 2>/dev/null; do
      read -r rss pss < <(memory_kb "$data")
      [ "$rss" -gt "$max_rss" ] && max_rss=$rss
      [ "$pss" -gt "$max_pss" ] && max_pss=$pss
      sleep 1
    done
    wait "$load" || { echo "the load failed:"; cat "$WORK/$setting-$run.load"; KEEP_LOGS=1; exit 1; }
    stop_node
    printf '%s run %d: restart to healthy %5d ms; idle %4d MB (Pss %4d MB); under load, at most %4d MB (Pss %4d MB); %s\n' \
      "$setting" "$run" "$startup_ms" $((idle_rss / 1024)) $((idle_pss / 1024)) $((max_rss / 1024)) $((max_pss / 1024)) \
      "$(grep '^load:' "$WORK/$setting-$run.load")"
    echo "$startup_ms $idle_rss $idle_pss $max_rss $max_pss" >>"$WORK/$setting.results"
    rm -rf "$data"
  done
  printf '%s, median of %d: restart to healthy %d ms; idle %d MB (Pss %d MB); under load %d MB (Pss %d MB)\n' "$setting" "$RUNS" \
    "$(cut -d' ' -f1 "$WORK/$setting.results" | median)" \
    $(( $(cut -d' ' -f2 "$WORK/$setting.results" | median) / 1024 )) $(( $(cut -d' ' -f3 "$WORK/$setting.results" | median) / 1024 )) \
    $(( $(cut -d' ' -f4 "$WORK/$setting.results" | median) / 1024 )) $(( $(cut -d' ' -f5 "$WORK/$setting.results" | median) / 1024 ))
done
# Keycloak's figures (issue #20) came from another machine: none is installed on this one
echo "Keycloak: not measured in this run"
