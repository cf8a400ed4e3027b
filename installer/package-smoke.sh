#!/usr/bin/env bash
# Builds the .deb, unpacks it into a scratch root (dpkg -x, no system change) and runs the packaged CLI from it.
# usage: installer/package-smoke.sh BUILD_DIR
set -euo pipefail
build=${1:?build directory}
cd "$build"
rm -f reactordesk_*.deb
cpack -G DEB >/dev/null
deb=$(ls reactordesk_*.deb | head -1)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg -x "$deb" "$root"
for f in usr/bin/reactordesk usr/bin/reactordesk-cli usr/bin/reactordesk-sim \
         usr/share/applications/reactordesk.desktop usr/share/icons/hicolor/scalable/apps/reactordesk.svg; do
  [ -e "$root/$f" ] || { echo "missing from $deb: /$f"; exit 1; }
done
version=$("$root/usr/bin/reactordesk-cli" --version)
echo "$version"
[[ "$version" == "reactordesk-cli "* ]]
deps=$(dpkg-deb -f "$deb" Depends)
for need in libqt6core6 libqt6sql6-sqlite libqcustomplot2.1-qt6; do
  grep -q "$need" <<<"$deps" || { echo "$deb does not depend on $need: $deps"; exit 1; }
done
echo "package smoke test passed: $deb"
