#!/usr/bin/env bash
# Installs the Debian packages the tests drive: the openstack and glance CLIs (the emulator's
# compatibility tests) and Chromium (end-to-end tests). As root it installs what is missing;
# otherwise it says what to run.
set -euo pipefail

missing=()
command -v openstack >/dev/null 2>&1 || missing+=(python3-openstackclient)
command -v glance >/dev/null 2>&1 || missing+=(python3-glanceclient)
[ -x /usr/bin/chromium ] || missing+=(chromium)

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
