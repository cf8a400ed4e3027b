#!/usr/bin/env bash
# Installs exactly the Debian 12 packages that ReactorDesk's build, app and tests need. Idempotent: installs
# only what is missing, uses sudo when not root.
set -euo pipefail
packages=(
  cmake ninja-build g++ ccache make pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-serialport-dev qt6-serialbus-dev libqt6sql6-sqlite qt6-svg-dev
  libsqlite3-dev zlib1g-dev
  libqcustomplot-dev libqcustomplot2.1-qt6 libcurl4-openssl-dev libeigen3-dev
  xvfb xauth socat imagemagick fonts-dejavu-core dpkg-dev file
  python3 python3-pandas python3-aiohttp python3-scipy sqlite3
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
