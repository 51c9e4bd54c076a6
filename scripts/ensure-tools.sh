#!/usr/bin/env bash
# Makes sure what the tests drive is there: the openstack and glance CLIs (the emulator's
# compatibility tests), Chromium and its headless shell (end-to-end tests) and a running PostgreSQL (data-layer tests).
# As root it installs or starts what is missing; otherwise it says what to run.
set -euo pipefail

missing=()
command -v openstack >/dev/null 2>&1 || missing+=(python3-openstackclient)
command -v glance >/dev/null 2>&1 || missing+=(python3-glanceclient)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/lib/chromium/chromium-headless-shell ] || missing+=(chromium-headless-shell)

# The data-layer tests run against PostgreSQL too (127.0.0.1:5432, trust auth).
if command -v pg_isready >/dev/null 2>&1 && ! pg_isready -h 127.0.0.1 -q; then
  if [ "$(id -u)" -eq 0 ] && [ -d /etc/postgresql ]; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
  else
    echo "PostgreSQL is not answering on 127.0.0.1:5432; the data-layer tests need it." >&2
  fi
fi

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "The tests need these Debian packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "Installing ${missing[*]} (once per machine)…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
