#!/usr/bin/env bash
# Redis for the BullMQ scheduler tests (@mailbridge/scheduler-bullmq). Sourced by .ci/run:
# installs redis-server from Debian's packages when it is missing, starts a throwaway server on a
# free loopback port (no persistence: the tests own their data), exports MAILBRIDGE_REDIS_URL
# (turbo passes MAILBRIDGE_* to the test tasks) and stops the server when the sourcing shell exits.
# Run directly (`bash .ci/services/redis.sh -- CMD...`) it runs CMD with the server up.

mailbridge_redis_start() {
  if ! command -v redis-server >/dev/null 2>&1; then
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq redis-server >/dev/null
  fi
  # A free loopback port from the kernel (never assume 6379 is ours).
  local port
  port="$(node -e "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();})")"
  MAILBRIDGE_REDIS_DIR="$(mktemp -d)"
  redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no \
    --dir "$MAILBRIDGE_REDIS_DIR" --daemonize yes \
    --pidfile "$MAILBRIDGE_REDIS_DIR/redis.pid" --logfile "$MAILBRIDGE_REDIS_DIR/redis.log"
  local i
  for i in $(seq 1 50); do
    if redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG; then
      export MAILBRIDGE_REDIS_URL="redis://127.0.0.1:$port"
      echo "redis: $MAILBRIDGE_REDIS_URL" >&2
      return 0
    fi
    sleep 0.1
  done
  echo "redis: server did not answer on 127.0.0.1:$port" >&2
  cat "$MAILBRIDGE_REDIS_DIR/redis.log" >&2 || true
  return 1
}

mailbridge_redis_stop() {
  [ -n "${MAILBRIDGE_REDIS_DIR:-}" ] || return 0
  if [ -f "$MAILBRIDGE_REDIS_DIR/redis.pid" ]; then
    kill "$(cat "$MAILBRIDGE_REDIS_DIR/redis.pid")" 2>/dev/null || true
  fi
  rm -rf "$MAILBRIDGE_REDIS_DIR"
  MAILBRIDGE_REDIS_DIR=
}

mailbridge_redis_start || exit 1
# Chain onto whatever EXIT trap an earlier service registered instead of replacing it.
mailbridge_redis_previous_trap="$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT$/\1/")"
trap -- "mailbridge_redis_stop${mailbridge_redis_previous_trap:+; $mailbridge_redis_previous_trap}" EXIT

if [ "${BASH_SOURCE[0]}" = "$0" ] && [ "${1:-}" = "--" ]; then
  shift
  "$@"
fi
