#!/usr/bin/env bash
# Installs the Debian packages the project needs outside the virtualenv, only when missing.
#
#   scripts/system-deps.sh                  everything below
#   scripts/system-deps.sh python           python3 with venv, to create .venv
#   scripts/system-deps.sh gettext          msgfmt, for `manage.py compilemessages`
#   scripts/system-deps.sh chromium         /usr/bin/chromium, for the Playwright tests
#   scripts/system-deps.sh redis            redis-server, the shared cache of tests (scripts/redis.sh)
#   scripts/system-deps.sh wrk              the HTTP load generator of bench/pages.py (make bench)
#
# Nothing is installed when everything is present. Installing needs root and apt-get;
# otherwise the script says which package to install and fails.
set -euo pipefail

say() { echo "system-deps: $*" >&2; }

# name -> how to tell it is present, and which Debian packages provide it.
is_present() {
    case "$1" in
    python) "${PYTHON:-python3}" -c "import ensurepip, venv" >/dev/null 2>&1 ;;
    gettext) command -v msgfmt >/dev/null 2>&1 ;;
    chromium) [ -x /usr/bin/chromium ] ;;
    redis) command -v redis-server >/dev/null 2>&1 ;;
    wrk) command -v wrk >/dev/null 2>&1 ;;
    *)
        say "unknown dependency '$1' (known: python gettext chromium redis wrk)"
        exit 2
        ;;
    esac
}

debian_packages() {
    case "$1" in
    python) echo "python3 python3-venv" ;;
    gettext) echo "gettext" ;;
    # Without a font package headless Chromium renders text as empty boxes in screenshots.
    chromium) echo "chromium fonts-liberation" ;;
    # scripts/redis.sh starts its own server on a free port; the package's service is unused.
    redis) echo "redis-server" ;;
    wrk) echo "wrk" ;;
    esac
}

wanted=("$@")
[ "${#wanted[@]}" -gt 0 ] || wanted=(python gettext chromium redis)

missing=()
for dep in "${wanted[@]}"; do
    if is_present "$dep"; then
        say "$dep: present"
    else
        missing+=("$dep")
    fi
done
[ "${#missing[@]}" -eq 0 ] && exit 0

packages=()
for dep in "${missing[@]}"; do
    read -r -a pkgs <<<"$(debian_packages "$dep")"
    packages+=("${pkgs[@]}")
done

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    say "missing: ${missing[*]}"
    say "install them with: sudo apt-get install ${packages[*]}"
    exit 1
fi

say "missing: ${missing[*]}; installing Debian packages: ${packages[*]}"
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${packages[@]}"

for dep in "${missing[@]}"; do
    is_present "$dep" || {
        say "$dep is still missing after installing ${packages[*]}"
        exit 1
    }
    say "$dep: installed"
done
