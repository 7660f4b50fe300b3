# The few verbs a newcomer needs. `make` alone lists them.
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# A copy of the lock file as last installed: pip runs again only when it differs.
INSTALLED_LOCK := $(VENV)/.installed-requirements.lock
PYTEST_ARGS ?=
# Run a second time on SQLite by `make test` (the database backend that `make run` uses).
SQLITE_TESTS := tests/test_search_resilience.py tests/test_search.py tests/test_library.py \
  tests/test_public_endpoints_fuzz.py
BENCH_ARGS ?=
RUNSERVER_ADDR ?= 127.0.0.1:8000

# Search engine: like PostgreSQL, a private node is started for `make test` and
# `make services` by this script (subcommands start/url/stop/status) unless
# ELASTICSEARCH_URL is set. That node is OpenSearch 2 (Elasticsearch 8 is not on Maven
# Central), hence ELASTICSEARCH_BACKEND=opensearch2 with it; a server of your own is
# taken as Elasticsearch 8 unless you say ELASTICSEARCH_BACKEND=opensearch2.
ES_SCRIPT := scripts/elasticsearch.sh

.PHONY: help install run test lint services services-stop bench lock clean distclean

help: ## List the verbs
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)
	@echo "  Variables: PYTEST_ARGS='-k search -x', BENCH_ARGS, DATABASE_URL, ELASTICSEARCH_URL, REDIS_URL,"
	@echo "             ELASTICSEARCH_BACKEND (elasticsearch8, or opensearch2 for an OpenSearch node)"

$(BIN)/python:
	@PYTHON="$(or $(PYTHON),python3)" bash scripts/system-deps.sh python
	$(or $(PYTHON),python3) -m venv $(VENV)

install: $(BIN)/python ## Create .venv, install requirements.lock, compile translations
	@if cmp -s requirements.lock $(INSTALLED_LOCK); then \
	  echo "requirements.lock unchanged since the last install"; \
	else \
	  echo "Installing requirements.lock into $(VENV)"; \
	  $(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock; \
	  cp requirements.lock $(INSTALLED_LOCK); \
	fi
	@bash scripts/system-deps.sh gettext
	$(MANAGE) compilemessages --ignore=.venv --ignore=.cache --ignore=node_modules

run: export PUBLIC_URL ?= http://$(RUNSERVER_ADDR)
run: install ## Migrate, load the demo site, ensure an admin, serve on 127.0.0.1:8000 (SQLite)
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content
	@# Search: (re)index the pages, so that an older database gets the facets too.
	$(MANAGE) update_index -v0
	$(MANAGE) ensure_admin --url http://$(RUNSERVER_ADDR)/admin/
	$(MANAGE) runserver $(RUNSERVER_ADDR)

# Services this recipe starts are stopped on exit, pass or fail; ones already running
# (e.g. from `make services`) are left running. pytest's exit code is the recipe's.
test: install ## Run the whole suite on a real PostgreSQL (+ Elasticsearch, Redis, Chromium)
	@bash scripts/system-deps.sh gettext chromium
	@stop_pg=""; stop_es=""; stop_redis=""; \
	cleanup() { \
	  if [ -n "$$stop_redis" ]; then bash scripts/redis.sh stop || true; fi; \
	  if [ -n "$$stop_es" ]; then bash $(ES_SCRIPT) stop || true; fi; \
	  if [ -n "$$stop_pg" ]; then bash scripts/postgres.sh stop || true; fi; \
	}; \
	trap 'rc=$$?; cleanup; exit $$rc' EXIT; \
	if [ -z "$${DATABASE_URL:-}" ]; then \
	  bash scripts/postgres.sh status 2>/dev/null || stop_pg=1; \
	  bash scripts/postgres.sh start; \
	  DATABASE_URL="$$(bash scripts/postgres.sh url)"; \
	fi; \
	export DATABASE_URL; \
	if [ -z "$${ELASTICSEARCH_URL:-}" ]; then \
	  bash $(ES_SCRIPT) status >/dev/null 2>&1 || stop_es=1; \
	  bash $(ES_SCRIPT) start; \
	  ELASTICSEARCH_URL="$$(bash $(ES_SCRIPT) url)"; \
	  ELASTICSEARCH_BACKEND=opensearch2; \
	fi; \
	export ELASTICSEARCH_URL ELASTICSEARCH_BACKEND="$${ELASTICSEARCH_BACKEND:-elasticsearch8}"; \
	if [ -z "$${REDIS_URL:-}" ]; then \
	  bash scripts/redis.sh status 2>/dev/null || stop_redis=1; \
	  bash scripts/redis.sh start; \
	  REDIS_URL="$$(bash scripts/redis.sh url)"; \
	fi; \
	export REDIS_URL; \
	echo "DATABASE_URL=$$DATABASE_URL"; \
	echo "ELASTICSEARCH_URL=$$ELASTICSEARCH_URL ELASTICSEARCH_BACKEND=$$ELASTICSEARCH_BACKEND"; \
	echo "REDIS_URL=$$REDIS_URL"; \
	$(BIN)/pytest $(PYTEST_ARGS); \
	if [ -z "$(PYTEST_ARGS)" ]; then \
	  echo "The search and library tests again on SQLite, the database of make run"; \
	  sqlite_dir="$$(mktemp -d)"; \
	  HUB_TEST_SQLITE=1 DATABASE_URL="sqlite:///$$sqlite_dir/hub.sqlite3" \
	    $(BIN)/pytest -k "not engine" $(SQLITE_TESTS); \
	  rm -rf "$$sqlite_dir"; \
	fi

lint: install ## ruff, import layers, missing migrations, hadolint, lock files in agreement
	@# Every check runs, so one report shows all that fails.
	@status=0; \
	echo "ruff check"; $(BIN)/ruff check . || status=1; \
	echo "ruff format --check"; $(BIN)/ruff format --check . || status=1; \
	echo "lint-imports (the layers in pyproject.toml)"; $(BIN)/lint-imports || status=1; \
	echo "makemigrations --check"; \
	DATABASE_URL=sqlite://:memory: $(MANAGE) makemigrations --check --dry-run || status=1; \
	echo "hadolint Dockerfile"; $(BIN)/hadolint Dockerfile || status=1; \
	echo "requirements-prod.lock pins match requirements.lock"; \
	drift="$$(comm -23 <(grep -E '^[A-Za-z0-9]' requirements-prod.lock | sort) \
	                    <(grep -E '^[A-Za-z0-9]' requirements.lock | sort))"; \
	if [ -n "$$drift" ]; then \
	  echo "requirements-prod.lock disagrees with requirements.lock (run make lock):"; \
	  echo "$$drift"; status=1; \
	fi; \
	exit $$status

services: ## Start the private PostgreSQL, search node (OpenSearch) and Redis for development
	@bash scripts/postgres.sh start
	@if [ -z "$${ELASTICSEARCH_URL:-}" ]; then bash $(ES_SCRIPT) start; fi
	@if [ -z "$${REDIS_URL:-}" ]; then bash scripts/redis.sh start; fi
	@echo
	@echo "Use them in your shell (or put them in .env), then index the pages once:"
	@echo "  export DATABASE_URL=$$(bash scripts/postgres.sh url)"
	@if [ -z "$${ELASTICSEARCH_URL:-}" ]; then \
	  echo "  export ELASTICSEARCH_URL=$$(bash $(ES_SCRIPT) url) ELASTICSEARCH_BACKEND=opensearch2"; fi
	@if [ -z "$${REDIS_URL:-}" ]; then \
	  echo "  export REDIS_URL=$$(bash scripts/redis.sh url)"; fi
	@echo "  $(MANAGE) update_index"
	@echo "Stop them with: make services-stop"

services-stop: ## Stop the private PostgreSQL, search node and Redis
	@bash scripts/redis.sh stop
	@bash $(ES_SCRIPT) stop
	@bash scripts/postgres.sh stop

bench: install ## Run the benchmarks (bench/run_all.sh) and print their figures
	@if [ -f bench/run_all.sh ]; then \
	  bash bench/run_all.sh $(BENCH_ARGS); \
	else \
	  echo "bench/run_all.sh does not exist yet: no benchmarks to run"; \
	fi

# uv comes from PATH, or from a tool venv in .cache so that .venv holds only the lock.
UV ?= $(or $(shell command -v uv 2>/dev/null),.cache/uv/bin/uv)

lock: ## Recompile requirements.lock and requirements-prod.lock from pyproject.toml
	@if [ ! -x "$(UV)" ] && [ "$(UV)" = .cache/uv/bin/uv ]; then \
	  $(or $(PYTHON),python3) -m venv .cache/uv && .cache/uv/bin/pip install --quiet uv; fi
	$(UV) pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements.lock
	$(UV) pip compile pyproject.toml --python-version 3.11 -c requirements.lock \
	  -o requirements-prod.lock

clean: services-stop ## Stop services, delete the private database, caches and build output
	@pg_home="$$(readlink -f .cache/postgres 2>/dev/null || true)"; \
	if [ -n "$$pg_home" ] && [ "$$pg_home" != "$(CURDIR)/.cache/postgres" ]; then rm -rf "$$pg_home"; fi
	rm -rf .cache/postgres .cache/postgres.lock .cache/redis .cache/redis.lock staticfiles .pytest_cache .ruff_cache
	find . \( -path ./.venv -o -path ./.cache -o -path ./.git \) -prune \
	  -o -name __pycache__ -type d -prune -exec rm -rf {} +
	find . \( -path ./.venv -o -path ./.cache -o -path ./.git \) -prune \
	  -o -name '*.mo' -path '*/LC_MESSAGES/*' -exec rm -f {} +

distclean: clean ## clean, then delete .venv and every cache in .cache
	rm -rf $(VENV) .cache
