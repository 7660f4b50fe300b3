# Production image: gunicorn serving hub.wsgi, static files by WhiteNoise.
# Build: docker build -t hub .   Run: see compose.yaml (SECRET_KEY and DATABASE_URL required).

# --- build: dependencies, compiled translations, collected static files ------------
FROM python:3.11-slim-bookworm AS build

ENV PYTHONDONTWRITEBYTECODE=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PATH=/opt/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=hub.settings.production

# gettext (msgfmt) is needed by compilemessages only, so it stays in this stage.
# Not version-pinned (DL3008): Debian stable keeps only the newest build of a package,
# so a pin breaks the build at the next point release; the bookworm tag fixes the release.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*

# requirements-prod.lock: the runtime pins of requirements.lock, without dev tools.
COPY requirements-prod.lock /tmp/requirements-prod.lock
RUN python -m venv /opt/venv \
    && pip install --no-cache-dir -r /tmp/requirements-prod.lock

WORKDIR /app
COPY . .
# Production settings refuse to load without SECRET_KEY: a throwaway one, for this step only.
RUN SECRET_KEY=build-only-not-a-secret python manage.py compilemessages \
    && SECRET_KEY=build-only-not-a-secret python manage.py collectstatic --noinput

# --- runtime -----------------------------------------------------------------------
FROM python:3.11-slim-bookworm

# Gunicorn reads its worker count from WEB_CONCURRENCY (and extra flags from
# GUNICORN_CMD_ARGS), so both are set at `docker run` / compose time.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=hub.settings.production \
    WEB_CONCURRENCY=3 \
    MEDIA_ROOT=/app/media

RUN groupadd --system --gid 10001 hub \
    && useradd --system --no-log-init --uid 10001 --gid hub --home-dir /app --no-create-home --shell /usr/sbin/nologin hub

COPY --from=build /opt/venv /opt/venv
# Code and static files stay root-owned (read-only to the app); only media is writable.
COPY --from=build /app /app
WORKDIR /app
RUN mkdir -p /app/media && chown 10001:10001 /app/media
VOLUME ["/app/media"]

USER 10001:10001
EXPOSE 8000

# X-Forwarded-Proto: https so that SECURE_SSL_REDIRECT never answers the probe with a redirect.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request as u; r = u.Request('http://127.0.0.1:8000/healthz/', headers={'X-Forwarded-Proto': 'https'}); sys.exit(0 if u.urlopen(r, timeout=4).status == 200 else 1)"]

# The access log never holds a manage link's token (hub/logs.py redacts it).
CMD ["gunicorn", "hub.wsgi:application", "--bind", "0.0.0.0:8000", "--access-logfile", "-", "--logger-class", "hub.logs.GunicornLogger"]
