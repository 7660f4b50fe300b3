#!/usr/bin/env bash
# Every benchmark in bench/, one after the other, each printing its own figures, at
# sizes that keep the whole run within about 15 minutes on 2 cores.
#
#   bash bench/run_all.sh [NAME ...]        make bench BENCH_ARGS="NAME ..."
#
# NAME is one of pages, uncached_render, registrations, search_corpus, search_load,
# search_relevance (default: all of them, in that order), or library_scale (100,000
# pages inserted on its first run, about 15 minutes on 2 cores: named only). Sizes
# come from the environment:
#   BENCH_REQUESTS       requests per kind of search (100)
#   BENCH_SECONDS        seconds of load per page type and measure in pages (5)
#   BENCH_RENDERS        renders repeated per page type and language in
#                        uncached_render (10), BENCH_RENDER_PROCESSES fresh processes
#                        for its first render (2)
#   BENCH_REGISTRATIONS  registrations posted, for BENCH_CAPACITY places (300, 200)
#   BENCH_SEARCH_PAGES   pages of the synthetic search corpus (2000)
# The scripts' own defaults are the sizes their targets speak of (e.g. 10,000 pages for
# bench/search_load.py): run a script directly for those.
#
# PostgreSQL: DATABASE_URL if it points at PostgreSQL, else the private cluster of
# scripts/postgres.sh with a database hub_bench (the demo content is loaded there).
# Search benchmarks: ELASTICSEARCH_URL (and ELASTICSEARCH_BACKEND) if set, else the
# local OpenSearch node of scripts/elasticsearch.sh. A service this script starts is
# stopped at the end; one that was already running is left running.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="$ROOT/.venv/bin/python"
[ -x "$PY" ] || PY="$(command -v python3)"

ALL=(pages uncached_render registrations search_corpus search_load search_relevance)
NAMED_ONLY=(library_scale)
REQUESTS="${BENCH_REQUESTS:-100}"
SECONDS_PER_LOAD="${BENCH_SECONDS:-5}"
RENDERS="${BENCH_RENDERS:-10}"
RENDER_PROCESSES="${BENCH_RENDER_PROCESSES:-2}"
REGISTRATIONS="${BENCH_REGISTRATIONS:-300}"
CAPACITY="${BENCH_CAPACITY:-200}"
SEARCH_PAGES="${BENCH_SEARCH_PAGES:-2000}"

usage() {
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//' >&2
    exit "${1:-0}"
}

case "${1:-}" in -h | --help) usage ;; esac
chosen=("$@")
[ ${#chosen[@]} -gt 0 ] || chosen=("${ALL[@]}")
for name in "${chosen[@]}"; do
    case " ${ALL[*]} ${NAMED_ONLY[*]} " in
    *" $name "*) ;;
    *)
        echo "run_all.sh: unknown benchmark '$name'" >&2
        usage 2
        ;;
    esac
done

# bench/pages.py loads the server with wrk, as issue 12's figures were taken; without
# it (no root, no apt-get) it falls back to its slower Python load generator.
if [[ " ${chosen[*]} " == *" pages "* ]]; then
    bash scripts/system-deps.sh wrk ||
        echo "run_all.sh: no wrk, bench/pages.py uses its Python load generator" >&2
fi

stop_pg=""
stop_es=""
cleanup() {
    if [ -n "$stop_es" ]; then bash scripts/elasticsearch.sh stop || true; fi
    if [ -n "$stop_pg" ]; then bash scripts/postgres.sh stop || true; fi
}
trap cleanup EXIT

if [[ "${DATABASE_URL:-}" != postgres* ]]; then
    bash scripts/postgres.sh status >/dev/null 2>&1 || stop_pg=1
    # Starts the cluster if need be and creates the database.
    DATABASE_URL="$("$PY" bench/serve.py database hub_bench)"
fi
export DATABASE_URL

if [[ " ${chosen[*]} " == *" search_"* ]] && [ -z "${ELASTICSEARCH_URL:-}" ]; then
    bash scripts/elasticsearch.sh status >/dev/null 2>&1 || stop_es=1
    bash scripts/elasticsearch.sh start
    ELASTICSEARCH_URL="$(bash scripts/elasticsearch.sh url)"
    ELASTICSEARCH_BACKEND=opensearch2
fi
export ELASTICSEARCH_URL="${ELASTICSEARCH_URL:-}"
export ELASTICSEARCH_BACKEND="${ELASTICSEARCH_BACKEND:-elasticsearch8}"

# The demo content, indexed in both backends (engine indexes of their own), for the
# judged queries of search_relevance.
# (Chained with &&: `set -e` does not apply inside the `if` that runs a benchmark.)
relevance() {
    export ELASTICSEARCH_INDEX_PREFIX=bench_relevance_
    "$PY" manage.py migrate --noinput -v0 &&
        "$PY" manage.py load_demo_content -v0 &&
        "$PY" manage.py update_index -v0 &&
        "$PY" bench/search_relevance.py --backend engine &&
        echo &&
        "$PY" bench/search_relevance.py --backend database
}

run() {
    case "$1" in
    pages) "$PY" bench/pages.py --seconds "$SECONDS_PER_LOAD" ;;
    # Detail pages without fragments (SQLite demo of its own): 12 queries, 12 ms.
    uncached_render)
        "$PY" bench/uncached_render.py --renders "$RENDERS" \
            --processes "$RENDER_PROCESSES"
        ;;
    registrations)
        "$PY" bench/registrations.py --registrations "$REGISTRATIONS" \
            --capacity "$CAPACITY"
        ;;
    search_corpus) "$PY" bench/search_corpus.py --pages "$SEARCH_PAGES" ;;
    search_load)
        "$PY" bench/search_load.py --pages "$SEARCH_PAGES" --requests "$REQUESTS"
        ;;
    search_relevance) (relevance) ;;
    library_scale) "$PY" bench/library_scale.py ;;
    esac
}

echo "Benchmarks: ${chosen[*]}"
echo "DATABASE_URL=$DATABASE_URL"
echo "ELASTICSEARCH_URL=$ELASTICSEARCH_URL ELASTICSEARCH_BACKEND=$ELASTICSEARCH_BACKEND"
failed=()
number=0
# Each benchmark's output, kept for the summary of targets at the end.
outputs="$(mktemp -d)"
trap 'rm -rf "$outputs"; cleanup' EXIT
for name in "${chosen[@]}"; do
    number=$((number + 1))
    echo
    echo "==> [$number/${#chosen[@]}] $name"
    started=$SECONDS
    if run "$name" 2>&1 | tee "$outputs/$name.log"; [ "${PIPESTATUS[0]}" -eq 0 ]; then
        echo "<== $name: done in $((SECONDS - started)) s"
    else
        echo "<== $name: FAILED after $((SECONDS - started)) s"
        failed+=("$name")
    fi
done

# Where each figure stands: every line that names a target, met or missed.
echo
echo "Targets, benchmark by benchmark:"
for name in "${chosen[@]}"; do
    named=$(grep -Ec '\b(met|ok|MISSED)\b' "$outputs/$name.log" || true)
    missed=$(grep -c 'MISSED' "$outputs/$name.log" || true)
    echo "  $name: $named line(s) weigh a figure against a target, $missed miss one"
    grep 'MISSED' "$outputs/$name.log" | sed 's/^/      /' || true
done

echo
if [ ${#failed[@]} -gt 0 ]; then
    echo "Failed: ${failed[*]}"
    exit 1
fi
echo "All ${#chosen[@]} benchmarks ran in $SECONDS s."
