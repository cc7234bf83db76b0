#!/usr/bin/env bash
# Debian packages the test suite needs: Chromium for the browser tests, gettext for
# the catalogue check, GnuPG for the encrypted backups and Redis for the shared cache's
# tests. With `faults`, also what `make faults` needs: PostgreSQL, and nginx with its
# cache-purge module (the two-server case). With `bench`, what `make bench` needs: the
# same, wrk, and Node.js with npm for Lighthouse. Installs only what is missing.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v xgettext >/dev/null 2>&1 || missing+=(gettext)
command -v gpg >/dev/null 2>&1 || missing+=(gnupg)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ "${1:-}" = "faults" ] || [ "${1:-}" = "bench" ]; then
    command -v nginx >/dev/null 2>&1 || missing+=(nginx-light)
    [ -e /usr/lib/nginx/modules/ngx_http_cache_purge_module.so ] || missing+=(libnginx-mod-http-cache-purge)
    ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
fi
if [ "${1:-}" = "bench" ]; then
    command -v wrk >/dev/null 2>&1 || missing+=(wrk)
    command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "The tests need these Debian packages: ${missing[*]}" >&2
    echo "Install them with: sudo apt-get install ${missing[*]}" >&2
    exit 1
fi
echo "Installing ${missing[*]} from Debian's packages..." >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
