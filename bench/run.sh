#!/usr/bin/env bash
# Identity benchmark: load over loopback against the provider at the default Argon2 parameters.
# The provider (and the embedded PostgreSQL it starts) is pinned to one core, the load driver to
# another, so every rate is per core of the provider. Not part of ./mvnw verify.
#   bench/run.sh [seconds-per-phase=20] [workers=4]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_PHASE="${1:-20}"
WORKERS="${2:-4}"
PORT="${BENCH_PORT:-18089}"
ARGON2_PORT="${BENCH_ARGON2_PORT:-18090}"
PROVIDER_CPU="${BENCH_PROVIDER_CPU:-1}"
DRIVER_CPU="${BENCH_DRIVER_CPU:-0}"
# a young generation that holds a few Argon2 hashes (19 MiB each) and survivors that hold one: see docs/identity.md
export BENCH_JVM_OPTS="${BENCH_JVM_OPTS:--Xms256m -Xmx256m -Xmn128m -XX:SurvivorRatio=3 -XX:+UseSerialGC}"
JVM_OPTS="$BENCH_JVM_OPTS"

# -Pbench adds bench/src (the driver, the provider and the Argon2 loop) to the test sources
./mvnw -q -B -Pbench -DskipTests test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
# the provider gets only its two bench classes, not the tests' Spring configurations
rm -rf target/bench-classes && mkdir -p target/bench-classes/coop/commonscloud/identity/internal
cp target/test-classes/coop/commonscloud/identity/internal/{BenchProvider,BenchArgon2Loop,LoginPageStub}*.class \
  target/bench-classes/coop/commonscloud/identity/internal/
PROVIDER_CP="target/bench-classes:target/classes:$(cat target/bench-classpath.txt)"
LOG="$(mktemp -t commons-cloud-bench.XXXXXX.log)"
DATA="$(mktemp -d -t commons-cloud-bench-data.XXXXXX)"

taskset -c "$PROVIDER_CPU" java $JVM_OPTS ${BENCH_PROVIDER_OPTS:-} -cp "$PROVIDER_CP" \
  -Dbench.argon2.port="$ARGON2_PORT" -Dcommonscloud.database.embedded.data-dir="$DATA/postgres" -Dcommonscloud.database.embedded.synchronous-commit=${BENCH_SYNCHRONOUS_COMMIT:-off} -Dcommonscloud.admin-password=steward-password-for-tests \
  coop.commonscloud.identity.internal.BenchProvider \
  --server.port="$PORT" --logging.level.root=WARN --spring.main.banner-mode=off >"$LOG" 2>&1 &
PROVIDER=$!
trap 'kill "$PROVIDER" 2>/dev/null || true; wait "$PROVIDER" 2>/dev/null || true; rm -rf "$DATA"' EXIT

for _ in $(seq 1 "${BENCH_START_SECONDS:-120}"); do  # a loaded machine may need longer
  if curl -fsS "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; then break; fi
  sleep 1
done
curl -fsS "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { echo "provider did not start; see $LOG"; exit 1; }

POSTMASTER="$(head -1 "$DATA/postgres/postmaster.pid")"
echo "cores on this machine: $(nproc); provider pinned to CPU $PROVIDER_CPU, driver to CPU $DRIVER_CPU"
taskset -c "$DRIVER_CPU" java $JVM_OPTS ${BENCH_DRIVER_OPTS:-} -cp "$CP" coop.commonscloud.identity.internal.BenchDriver \
  "http://127.0.0.1:$PORT" "$SECONDS_PER_PHASE" "$WORKERS" "$PROVIDER" "$POSTMASTER" "$PROVIDER_CPU" "$ARGON2_PORT"
