#!/usr/bin/env bash
# Installs what Warden needs beyond the Swift toolchain, and only what is missing:
# Debian packages through apt (with sudo when not root) and pyzmq for the interop tests.
set -euo pipefail

packages=(libzmq3-dev libsqlite3-dev libcurl4-openssl-dev pkg-config python3)

if ! command -v swift >/dev/null 2>&1; then
  echo "setup: the Swift toolchain (6.2 or later) is not on PATH; install it first (swift.org)" >&2
  exit 1
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "setup: not root and no sudo; run as root or install sudo" >&2
    exit 1
  fi
  sudo=(sudo)
fi

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

apt_updated=no
apt_install() {
  if [ "$apt_updated" = no ]; then
    "${sudo[@]}" apt-get update -qq
    apt_updated=yes
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

missing=()
for package in "${packages[@]}"; do
  installed "$package" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  apt_install "${missing[@]}"
fi

# Python clients for the interop tests: module name, PyPI name, Debian package.
python_clients=("zmq pyzmq python3-zmq" "websockets websockets python3-websockets")
for entry in "${python_clients[@]}"; do
  read -r module pypi debian <<<"$entry"
  python3 -c "import $module" >/dev/null 2>&1 && continue
  echo "setup: installing $pypi for the interop tests"
  python3 -m pip install --quiet --disable-pip-version-check "$pypi" >/dev/null 2>&1 \
    || python3 -m pip install --quiet --disable-pip-version-check --user "$pypi" >/dev/null 2>&1 \
    || apt_install "$debian"
  python3 -c "import $module" || { echo "setup: $pypi could not be installed" >&2; exit 1; }
done
