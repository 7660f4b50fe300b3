#!/usr/bin/env bash
# A private Redis for tests and development (the shared cache and rate limit), kept
# under .cache/redis/.
#
#   scripts/redis.sh start    start on the first free 127.0.0.1 port (reuses a running one)
#   scripts/redis.sh url      print the REDIS_URL of the running server
#   scripts/redis.sh status   exit 0 if the server runs, 3 if not
#   scripts/redis.sh stop     stop the server (no error if it is not running)
#
# Debian's redis-server (scripts/system-deps.sh installs it when run as root). It listens
# on 127.0.0.1 only, in protected mode, and keeps nothing on disk: a cache needs no
# persistence, and every test run uses keys of its own (hub/settings/test.py). Bounded
# as compose's `redis` (REDIS_MAXMEMORY, 256mb): when full, the least recently used
# key with a timeout makes room, never the generations, which have none (README, "Page
# cache"). A server already running keeps the settings it was started with.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HOME_DIR="$ROOT/.cache/redis"
PID_FILE="$HOME_DIR/redis.pid"
PORT_FILE="$HOME_DIR/port"
LOG_FILE="$HOME_DIR/redis.log"
FIRST_PORT=6390
LAST_PORT=6490

say() { echo "redis.sh: $*" >&2; }
die() {
    say "error: $*"
    exit 1
}

ensure_binary() {
    command -v redis-server >/dev/null 2>&1 && return 0
    bash "$ROOT/scripts/system-deps.sh" redis ||
        die "redis-server not found. Install it (Debian: sudo apt-get install redis-server), or
  point the project at an existing server: REDIS_URL=redis://HOST:PORT/0"
}

is_running() {
    local pid
    pid="$(cat "$PID_FILE" 2>/dev/null | tr -d '[:space:]')"
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null &&
        [ "$(cat "/proc/$pid/comm" 2>/dev/null || echo redis-server)" = "redis-server" ]
}

running_port() { cat "$PORT_FILE" 2>/dev/null | tr -d '[:space:]'; }

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
    local port
    for port in $(seq "$FIRST_PORT" "$LAST_PORT"); do
        if port_is_free "$port"; then
            echo "$port"
            return
        fi
    done
    die "no free local port between $FIRST_PORT and $LAST_PORT"
}

# PING over bash's /dev/tcp: no redis-cli needed.
answers() {
    local reply=""
    exec 3<>"/dev/tcp/127.0.0.1/$1" || return 1
    printf 'PING\r\n' >&3
    read -r -t 2 reply <&3 || true
    exec 3>&-
    [ "${reply%$'\r'}" = "+PONG" ]
}

redis_url() { echo "redis://127.0.0.1:$1/0"; }

cmd_start() {
    ensure_binary
    mkdir -p "$HOME_DIR"
    local port
    if is_running; then
        port="$(running_port)"
        say "reusing the server already running on 127.0.0.1:$port"
    else
        port="$(free_port)"
        say "starting $(redis-server --version | awk '{print $1, $2, $3}') on 127.0.0.1:$port (log: $LOG_FILE)"
        # No snapshot, no append-only file: the data is a disposable cache. fd 9 (the
        # lock below) is closed so that the long-lived server does not hold it.
        redis-server --port "$port" --bind 127.0.0.1 --protected-mode yes \
            --daemonize yes --pidfile "$PID_FILE" --logfile "$LOG_FILE" \
            --dir "$HOME_DIR" --save "" --appendonly no \
            --maxmemory "${REDIS_MAXMEMORY:-256mb}" --maxmemory-policy volatile-lru \
            >/dev/null 9>&- ||
            die "redis-server did not start; see $LOG_FILE"
        echo "$port" >"$PORT_FILE"
    fi
    local tries=0
    until answers "$port" 2>/dev/null; do
        tries=$((tries + 1))
        if [ "$tries" -gt 100 ]; then
            tail -n 20 "$LOG_FILE" >&2 || true
            die "Redis does not answer on 127.0.0.1:$port; see $LOG_FILE"
        fi
        sleep 0.1
    done
    say "ready: REDIS_URL=$(redis_url "$port")"
}

cmd_url() {
    is_running || die "the private Redis is not running; run: scripts/redis.sh start"
    redis_url "$(running_port)"
}

cmd_status() {
    if is_running; then
        say "running on 127.0.0.1:$(running_port)"
        return 0
    fi
    say "not running"
    return 3
}

cmd_stop() {
    if ! is_running; then
        say "not running"
        return 0
    fi
    local pid tries=0
    pid="$(cat "$PID_FILE")"
    kill "$pid"
    while kill -0 "$pid" 2>/dev/null; do
        tries=$((tries + 1))
        [ "$tries" -gt 100 ] && die "Redis (pid $pid) did not stop"
        sleep 0.1
    done
    rm -f "$PID_FILE"
    say "stopped"
}

# Serialise concurrent start/stop calls (two make targets at once) when flock exists.
lock() {
    mkdir -p "$ROOT/.cache"
    if command -v flock >/dev/null 2>&1; then
        exec 9>"$ROOT/.cache/redis.lock"
        flock 9
    fi
}

case "${1:-}" in
start)
    lock
    cmd_start
    ;;
stop)
    lock
    cmd_stop
    ;;
url) cmd_url ;;
status) cmd_status ;;
*)
    echo "usage: $0 start|stop|url|status" >&2
    exit 2
    ;;
esac
