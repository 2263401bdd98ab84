#!/usr/bin/env bash
# Start-up benchmark: how long the packaged platform takes from launch until /actuator/health
# reports UP, on the embedded PostgreSQL. Runs the jar RUNS times (default 5) on one data
# directory: the first run includes initdb and every migration, the rest are restarts.
# Prints each time and the median of the restarts. Build first: ./mvnw -q package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
PORT=${PORT:-18765}
JAR=$(ls target/commons-cloud-*.jar | grep -v plain | head -1)
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT
times=()
for i in $(seq 1 "$RUNS"); do
  start=$(date +%s%N)
  COMMONSCLOUD_ADMIN_PASSWORD=startup-benchmark-password java -jar "$JAR" --server.port="$PORT" \
    --commonscloud.database.embedded.data-dir="$DATA/postgres" > "$DATA/run-$i.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$PORT/actuator/health" | grep -q '"UP"'; do
    kill -0 "$pid" 2>/dev/null || { echo "the platform exited; see $DATA/run-$i.log"; exit 1; }
    sleep 0.1
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  echo "run $i: healthy after $ms ms$([ "$i" = 1 ] && echo ' (first start: initdb and migrations)')"
  [ "$i" -gt 1 ] && times+=("$ms")
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
if [ "${#times[@]}" -gt 0 ]; then
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}')
  echo "median restart to healthy: $median ms over $(( RUNS - 1 )) restarts, on $(nproc) cores"
fi
