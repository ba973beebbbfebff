#!/usr/bin/env bash
# Install what the tests need besides Python packages, when it is missing: Debian's `chromium` (browser and UI
# end-to-end tests), `postgresql` (the PostgreSQL Dagster instance test) and `redis-server` (the Celery broker of the
# distributed executor test). Used by `make test` and `.ci/run`.
# Without root (and without passwordless sudo) it says what to install and carries on: the tests needing a
# missing component then skip, and with CI=true a skipped real-component test fails the run (tests/conftest.py).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pg_ctl >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || need+=(redis-server)
[ ${#need[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "test-prereqs: install ${need[*]} (no apt-get here); the tests needing them will skip" >&2
  exit 0
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  else
    echo "test-prereqs: run 'sudo apt-get install -y ${need[*]}'; the tests needing them will skip" >&2
    exit 0
  fi
fi
echo "test-prereqs: installing ${need[*]} (apt-get)" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${need[@]}" >/dev/null
