#!/usr/bin/env bash
# Debian packages the test suite needs: Chromium for the browser tests, gettext for the
# catalogue check, GnuPG for the encrypted backups, Redis for the shared cache's tests,
# nginx with its cache-purge module for the tests of the shipped nginx configuration, and
# Java with Node.js and npm for the Nu HTML Checker (vnu.jar, installed by the tests with
# `npm ci` from home/tests/html_checker/). With `faults`, also PostgreSQL (make faults
# starts its own server). With `bench`, also wrk (Lighthouse uses the same Node.js).
# Installs only what is missing.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v xgettext >/dev/null 2>&1 || missing+=(gettext)
command -v gpg >/dev/null 2>&1 || missing+=(gnupg)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v nginx >/dev/null 2>&1 || missing+=(nginx-light)
[ -e /usr/lib/nginx/modules/ngx_http_cache_purge_module.so ] || missing+=(libnginx-mod-http-cache-purge)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ "${1:-}" = "faults" ] || [ "${1:-}" = "bench" ]; then
    ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
fi
if [ "${1:-}" = "bench" ]; then
    command -v wrk >/dev/null 2>&1 || missing+=(wrk)
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
