#!/usr/bin/env bash
# Core high availability, shown on one machine: etcd (the witness, holding Patroni's leader lock)
# and two Patroni-managed PostgreSQL servers in synchronous mode, all on loopback, with the
# platform connected through a multi-host JDBC URL. Commits a write through the platform's API,
# kills the leader (its Patroni and its postmaster, with SIGKILL, as if the machine died), and
# measures how long until the platform commits writes again; then checks that the earlier write
# survived. Everything runs in a temporary directory and is removed at the end.
#
#   ops/patroni/run-failover.sh [--install]
#
# Needs Debian's patroni, etcd-server and postgresql packages (with --install, as root, it installs
# them), java 17, curl, and the packaged platform (built with ./mvnw -q package -DskipTests when
# target/ has no jar). Ports: FAILOVER_BASE_PORT (default 25400) up to +6. FAILOVER_TTL (default 10)
# is Patroni's leader-lock time to live in seconds, the main part of the recovery time.
set -euo pipefail
cd "$(dirname "$0")/../.."
HERE=ops/patroni

BASE=${FAILOVER_BASE_PORT:-25400}
ETCD_PORT=$BASE
ETCD_PEER_PORT=$((BASE + 1))
PG_PORTS=($((BASE + 2)) $((BASE + 3)))
REST_PORTS=($((BASE + 4)) $((BASE + 5)))
APP_PORT=$((BASE + 6))
TTL=${FAILOVER_TTL:-10}
ADMIN_PASSWORD=failover-demo-steward-password
PACKAGES="patroni etcd-server postgresql"

say() { printf '%s  %s\n' "$(date -u +%H:%M:%S)" "$*"; }
fail() { say "FAILED: $*"; exit 1; }

# --- what this needs
BIN_DIR=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if ! command -v patroni >/dev/null || ! command -v etcd >/dev/null || [ -z "$BIN_DIR" ]; then
  if [ "${1:-}" = "--install" ] && [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $PACKAGES
    BIN_DIR=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  else
    echo "Needs Debian's $PACKAGES. Install them with:"
    echo "  sudo apt-get install -y --no-install-recommends $PACKAGES"
    echo "or run this script as root with --install."
    exit 2
  fi
fi
for tool in curl java setpriv; do
  command -v "$tool" >/dev/null || { echo "Needs $tool on the PATH"; exit 2; }
done
JAR=$(ls target/commons-cloud-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [ -z "$JAR" ]; then
  say "building the platform (./mvnw -q -B package -DskipTests)"
  ./mvnw -q -B package -DskipTests
  JAR=$(ls target/commons-cloud-*.jar | grep -v plain | head -1)
fi
JAR=$(realpath "$JAR")

# PostgreSQL refuses to run as root: as root, the cluster runs as the postgres user
DIR=$(mktemp -d -t commons-cloud-ha.XXXXXX)
chmod 755 "$DIR"
AS_OWNER=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || fail "as root this needs the postgres user (from the postgresql package)"
  chown postgres: "$DIR"
  AS_OWNER=(setpriv --reuid=postgres --regid=postgres --init-groups)
fi

PIDS=()
cleanup() {
  set +e
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for _ in $(seq 1 50); do
    alive=0
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.2
  done
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null; done
  for node in pg1 pg2; do
    if [ -f "$DIR/$node/postmaster.pid" ]; then kill -9 "$(head -1 "$DIR/$node/postmaster.pid")" 2>/dev/null; fi
  done
  if [ "${KEEP_LOGS:-}" = 1 ]; then say "logs kept in $DIR"; else rm -rf "$DIR"; fi
}
trap cleanup EXIT

wait_for() { # seconds, description, command...
  local seconds=$1 what=$2
  shift 2
  for _ in $(seq 1 $((seconds * 5))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  fail "$what did not happen within $seconds s (logs: KEEP_LOGS=1 keeps $DIR)"
}

# --- the witness: a one-member etcd holding the leader lock
say "starting etcd (the witness) on 127.0.0.1:$ETCD_PORT"
"${AS_OWNER[@]}" env HOME="$DIR" etcd --name witness --data-dir "$DIR/etcd" \
  --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
  --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
  --initial-cluster "witness=http://127.0.0.1:$ETCD_PEER_PORT" --initial-cluster-state new >"$DIR/etcd.log" 2>&1 &
PIDS+=($!)
wait_for 30 "etcd health" curl -sf "http://127.0.0.1:$ETCD_PORT/health"

# --- two PostgreSQL nodes under Patroni
SUPERUSER_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
PATRONI_PIDS=()
for i in 0 1; do
  name="pg$((i + 1))"
  sed -e "s|@NAME@|$name|g" -e "s|@DIR@|$DIR|g" -e "s|@BIN_DIR@|$BIN_DIR|g" \
    -e "s|@PG_PORT@|${PG_PORTS[$i]}|g" -e "s|@REST_PORT@|${REST_PORTS[$i]}|g" -e "s|@ETCD_PORT@|$ETCD_PORT|g" \
    -e "s|@TTL@|$TTL|g" -e "s|@SUPERUSER_PASSWORD@|$SUPERUSER_PASSWORD|g" \
    -e "s|@REPLICATION_PASSWORD@|$(head -c 18 /dev/urandom | base64 | tr -d '/+=')|g" \
    -e "s|@REWIND_PASSWORD@|$(head -c 18 /dev/urandom | base64 | tr -d '/+=')|g" \
    "$HERE/patroni.yml.in" >"$DIR/$name.yml"
  chmod 600 "$DIR/$name.yml"
  [ "$(id -u)" = 0 ] && chown postgres: "$DIR/$name.yml"
  say "starting Patroni node $name: PostgreSQL on 127.0.0.1:${PG_PORTS[$i]}, REST API on 127.0.0.1:${REST_PORTS[$i]}"
  # setpriv executes Patroni itself (no forking wrapper), so this pid is Patroni's
  "${AS_OWNER[@]}" env HOME="$DIR" patroni "$DIR/$name.yml" >"$DIR/$name.log" 2>&1 &
  PATRONI_PIDS+=($!)
  PIDS+=($!)
  [ "$i" = 0 ] && wait_for 90 "a leader" curl -sf "http://127.0.0.1:${REST_PORTS[0]}/primary"
done

role_of() { # index -> primary | sync | other
  if curl -sf "http://127.0.0.1:${REST_PORTS[$1]}/primary" >/dev/null 2>&1; then echo primary
  elif curl -sf "http://127.0.0.1:${REST_PORTS[$1]}/sync" >/dev/null 2>&1; then echo sync
  else echo other; fi
}
cluster_ready() {
  local a b
  a=$(role_of 0) b=$(role_of 1)
  [ "$a $b" = "primary sync" ] || [ "$a $b" = "sync primary" ]
}
wait_for 120 "a leader with a synchronous standby" cluster_ready
LEADER=0
[ "$(role_of 1)" = primary ] && LEADER=1
STANDBY=$((1 - LEADER))
say "leader pg$((LEADER + 1)), synchronous standby pg$((STANDBY + 1))"

PSQL=("$BIN_DIR/psql" -h 127.0.0.1 -p "${PG_PORTS[$LEADER]}" -U postgres -v ON_ERROR_STOP=1 -qAt)
PGPASSWORD=$SUPERUSER_PASSWORD "${PSQL[@]}" -c "create database commonscloud" >/dev/null
say "synchronous_standby_names on the leader: $(PGPASSWORD=$SUPERUSER_PASSWORD "${PSQL[@]}" -c 'show synchronous_standby_names')"

# --- the platform, connected through the cluster
URL="jdbc:postgresql://127.0.0.1:${PG_PORTS[0]},127.0.0.1:${PG_PORTS[1]}/commonscloud?targetServerType=primary&hostRecheckSeconds=1&connectTimeout=3"
say "starting the platform on 127.0.0.1:$APP_PORT with SPRING_DATASOURCE_URL=$URL"
mkdir -p "$DIR/app"
(cd "$DIR/app" && exec env SPRING_DATASOURCE_URL="$URL" SPRING_DATASOURCE_USERNAME=postgres \
  SPRING_DATASOURCE_PASSWORD="$SUPERUSER_PASSWORD" SPRING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT=3000 \
  COMMONSCLOUD_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  COMMONSCLOUD_IDENTITY_KEY_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)" \
  java -Xmx384m -jar "$JAR" --server.address=127.0.0.1 --server.port="$APP_PORT" >"$DIR/app.log" 2>&1) &
PIDS+=($!)
wait_for 240 "platform healthy" sh -c "curl -sf http://127.0.0.1:$APP_PORT/actuator/health | grep -q UP"

API="http://127.0.0.1:$APP_PORT/api"
put_region() { # slug -> HTTP status
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 -u "admin:$ADMIN_PASSWORD" -X PUT \
    -H 'Content-Type: application/json' -d "{\"name\":\"Failover check $1\"}" "$API/regions/$1" || true
}
BEFORE="ha-before-$(date +%s)"
status=$(put_region "$BEFORE")
[ "$status" = 201 ] || fail "the write before the kill answered $status"
say "committed a write through the platform: region $BEFORE (HTTP $status)"

# --- kill the leader as if its machine died
LEADER_POSTMASTER=$(head -1 "$DIR/pg$((LEADER + 1))/postmaster.pid")
say "killing the leader pg$((LEADER + 1)): Patroni (pid ${PATRONI_PIDS[$LEADER]}) and its postmaster (pid $LEADER_POSTMASTER), SIGKILL"
kill -9 "${PATRONI_PIDS[$LEADER]}" "$LEADER_POSTMASTER"
start=$(date +%s%N)
promoted=""
n=0
while true; do
  now=$(date +%s%N)
  [ $(( (now - start) / 1000000000 )) -lt 120 ] || fail "the platform did not commit a write within 120 s of the kill"
  if [ -z "$promoted" ] && curl -sf "http://127.0.0.1:${REST_PORTS[$STANDBY]}/primary" >/dev/null 2>&1; then
    promoted=$now
    say "pg$((STANDBY + 1)) is the new primary after $(( (promoted - start) / 1000000 )) ms"
  fi
  n=$((n + 1))
  status=$(put_region "ha-probe-$n-$(date +%s)")
  if [ "$status" = 201 ]; then break; fi
  sleep 0.2
done
recovered=$(date +%s%N)
RECOVERY_MS=$(( (recovered - start) / 1000000 ))
say "the platform committed a write again $RECOVERY_MS ms after the kill ($n attempts)"

status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -u "admin:$ADMIN_PASSWORD" "$API/regions/$BEFORE")
[ "$status" = 200 ] || fail "the region written before the kill is not there after failover (HTTP $status)"
say "the write committed before the kill is present after failover: GET /api/regions/$BEFORE answers 200"
echo
echo "time to recover (kill of the leader -> platform commits writes again): $RECOVERY_MS ms"
echo "  of which the leader lock expiring and pg$((STANDBY + 1)) promoting: $(( (${promoted:-$recovered} - start) / 1000000 )) ms (ttl $TTL s)"
