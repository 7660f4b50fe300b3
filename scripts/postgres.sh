#!/usr/bin/env bash
# A private PostgreSQL cluster for tests and development, kept under .cache/postgres/.
#
#   scripts/postgres.sh start    initdb if needed, start on a free 127.0.0.1 port (reuses a
#                                running cluster), create the database "hub"
#   scripts/postgres.sh url      print the DATABASE_URL of the running cluster
#   scripts/postgres.sh status   exit 0 if the cluster runs, 3 if not
#   scripts/postgres.sh stop     stop the cluster (no error if it is not running)
#
# The cluster trusts local connections only: it listens on 127.0.0.1 and on a unix
# socket inside .cache, never on another interface. Its data is disposable.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_LINK="$ROOT/.cache/postgres"
# Paths are resolved because the cluster owner may not be able to follow .cache/postgres
# when it links to /tmp (see prepare_home).
set_paths() {
    PG_HOME="$(readlink -f "$PG_LINK" 2>/dev/null || echo "$PG_LINK")"
    DATA_DIR="$PG_HOME/data"
    PORT_FILE="$PG_HOME/port"
    LOG_FILE="$PG_HOME/postgres.log"
}
set_paths
DB_NAME="hub"
DB_SUPERUSER="postgres"

say() { echo "postgres.sh: $*" >&2; }
die() {
    say "error: $*"
    exit 1
}

is_root() { [ "$(id -u)" -eq 0 ]; }

# --- binaries ---------------------------------------------------------------------

find_bindir() {
    local initdb_path candidate
    if initdb_path="$(command -v initdb 2>/dev/null)" && command -v pg_ctl >/dev/null 2>&1; then
        # Resolve symlinks so psql/createdb come from the same version as initdb.
        dirname "$(readlink -f "$initdb_path")"
        return 0
    fi
    candidate="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [ -n "$candidate" ] && [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then
        echo "$candidate"
        return 0
    fi
    return 1
}

install_postgresql() {
    if ! is_root; then
        die "initdb/pg_ctl not found (looked in PATH and /usr/lib/postgresql/*/bin).
  Install PostgreSQL (Debian: sudo apt-get install postgresql), or point the
  project at an existing server: DATABASE_URL=postgres://USER:PASSWORD@HOST:PORT/hub"
    fi
    command -v apt-get >/dev/null 2>&1 ||
        die "initdb/pg_ctl not found and apt-get is unavailable; install PostgreSQL or set DATABASE_URL."
    say "PostgreSQL binaries not found: installing the Debian package 'postgresql'"
    # The package would otherwise create and start a system-wide cluster on port 5432.
    mkdir -p /etc/postgresql-common/createcluster.d
    echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.d/hub-no-main-cluster.conf
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql
}

BINDIR=""
ensure_binaries() {
    if ! BINDIR="$(find_bindir)"; then
        install_postgresql
        BINDIR="$(find_bindir)" || die "PostgreSQL was installed but initdb/pg_ctl are still not found."
    fi
}

# --- who owns the cluster -----------------------------------------------------------

# PostgreSQL refuses to run as root, so root hands the cluster to a system user.
PG_OWNER=""
choose_owner() {
    if ! is_root; then
        PG_OWNER="$(id -un)"
        return
    fi
    if id postgres >/dev/null 2>&1; then
        PG_OWNER="postgres"
    else
        PG_OWNER="hub-postgres"
        if ! id "$PG_OWNER" >/dev/null 2>&1; then
            say "creating system user $PG_OWNER to own the cluster (PostgreSQL will not run as root)"
            useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$PG_OWNER"
        fi
    fi
}

# Run a command as the cluster owner, from / so that an unreadable cwd causes no warnings.
# fd 9 (the lock below) is closed so that the long-lived postmaster does not hold it.
as_owner() {
    if is_root; then
        (cd / && runuser -u "$PG_OWNER" -- "$@") 9>&-
    else
        "$@" 9>&-
    fi
}

# The owner must be able to reach .cache/postgres; a checkout under e.g. /root is not
# reachable by the postgres user, so the cluster then lives in a private /tmp folder
# that .cache/postgres links to.
prepare_home() {
    mkdir -p "$ROOT/.cache"
    # A link left dangling by a cleaned /tmp is replaced.
    if [ -L "$PG_LINK" ] && [ ! -e "$PG_LINK" ]; then
        rm -f "$PG_LINK"
    fi
    if is_root && [ ! -e "$PG_LINK" ]; then
        if ! runuser -u "$PG_OWNER" -- test -x "$ROOT/.cache"; then
            local outside
            outside="$(mktemp -d /tmp/hub-postgres.XXXXXX)"
            ln -s "$outside" "$PG_LINK"
            say "$ROOT is not readable by $PG_OWNER: the cluster lives in $outside"
        fi
    fi
    mkdir -p "$PG_LINK"
    set_paths
    if is_root; then
        chown "$PG_OWNER": "$PG_HOME"
        chmod 700 "$PG_HOME"
    fi
}

# Unix socket paths are limited to 107 bytes: a deep checkout falls back to /tmp.
socket_dir() {
    local dir="$PG_HOME/run"
    if [ "${#dir}" -gt 80 ]; then
        dir="/tmp/hub-postgres-$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)"
    fi
    echo "$dir"
}

# --- state --------------------------------------------------------------------------

# pg_ctl refuses to run as root even for "status", so look at the postmaster directly.
is_running() {
    local pid
    pid="$(sed -n 1p "$DATA_DIR/postmaster.pid" 2>/dev/null | tr -d '[:space:]')"
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null &&
        [ "$(cat "/proc/$pid/comm" 2>/dev/null || echo postgres)" = "postgres" ]
}

running_port() {
    # Line 4 of postmaster.pid is the port the server listens on.
    sed -n 4p "$DATA_DIR/postmaster.pid" 2>/dev/null | tr -d '[:space:]'
}

port_is_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

free_port() {
    local port
    if [ -f "$PORT_FILE" ]; then
        port="$(cat "$PORT_FILE")"
        if [ -n "$port" ] && port_is_free "$port"; then
            echo "$port"
            return
        fi
    fi
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
        return
    fi
    for port in $(seq 54320 54420); do
        if port_is_free "$port"; then
            echo "$port"
            return
        fi
    done
    die "no free local port found between 54320 and 54420"
}

database_url() {
    echo "postgres://$DB_SUPERUSER@127.0.0.1:$1/$DB_NAME"
}

# --- commands -----------------------------------------------------------------------

init_cluster() {
    local locale_args=(--no-locale --encoding=UTF8)
    # C.UTF-8 keeps sorting predictable while lower()/ILIKE still understand "É".
    if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then
        locale_args=(--locale=C.UTF-8 --encoding=UTF8)
    fi
    say "creating a new cluster in $DATA_DIR (owner $PG_OWNER)"
    as_owner "$BINDIR/initdb" -D "$DATA_DIR" -U "$DB_SUPERUSER" --auth=trust \
        "${locale_args[@]}" >"$PG_HOME/initdb.log" 2>&1 ||
        {
            cat "$PG_HOME/initdb.log" >&2
            die "initdb failed"
        }
}

cmd_start() {
    ensure_binaries
    choose_owner
    prepare_home

    local port sockdir
    if is_running; then
        port="$(running_port)"
        say "reusing the cluster already running on 127.0.0.1:$port"
    else
        [ -f "$DATA_DIR/PG_VERSION" ] || init_cluster
        port="$(free_port)"
        sockdir="$(socket_dir)"
        mkdir -p "$sockdir"
        is_root && chown "$PG_OWNER": "$sockdir"
        chmod 700 "$sockdir"
        say "starting PostgreSQL $("$BINDIR/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$port (log: $LOG_FILE)"
        # fsync/synchronous_commit off: the data is disposable and tests run much faster.
        # shared_buffers: PostgreSQL's 128 MB for the tests (each table dropped or
        # emptied scans the whole pool: the suite took 13 % longer with 1 GB); the
        # benchmarks start the cluster with compose.yaml's 1 GB (PG_SHARED_BUFFERS),
        # as 128 MB holds a fraction of a 50,000-page library and this machine's kernel
        # reclaims idle file pages: a query idle for minutes read its pages from disk
        # again (a CSV export of 2,000 rows: 7 s instead of 1).
        if ! as_owner "$BINDIR/pg_ctl" start -D "$DATA_DIR" -l "$LOG_FILE" -w -t 60 -o \
            "-p $port -k $sockdir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=${PG_SHARED_BUFFERS:-128MB}" \
            >/dev/null; then
            tail -n 30 "$LOG_FILE" >&2 || true
            die "PostgreSQL did not start; see $LOG_FILE"
        fi
    fi
    echo "$port" >"$PORT_FILE"

    local psql=("$BINDIR/psql" -X -q -h 127.0.0.1 -p "$port" -U "$DB_SUPERUSER")
    if [ "$("${psql[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != "1" ]; then
        "${psql[@]}" -d postgres -c "CREATE DATABASE $DB_NAME" >/dev/null
        say "created database $DB_NAME"
    fi
    say "ready: DATABASE_URL=$(database_url "$port")"
}

cmd_url() {
    is_running || die "the private cluster is not running; run: scripts/postgres.sh start"
    database_url "$(running_port)"
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
    BINDIR="$(find_bindir)" || die "pg_ctl not found, cannot stop the cluster in $DATA_DIR"
    PG_OWNER="$(stat -c %U "$DATA_DIR")"
    as_owner "$BINDIR/pg_ctl" stop -D "$DATA_DIR" -m fast -w -t 60 >/dev/null
    say "stopped"
}

# Serialise concurrent start/stop calls (two make targets at once) when flock exists.
lock() {
    mkdir -p "$ROOT/.cache"
    if command -v flock >/dev/null 2>&1; then
        exec 9>"$ROOT/.cache/postgres.lock"
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
