#!/usr/bin/env bash
# Installs the Debian 12 packages EdgeLab needs, only those missing.
# fonts-noto-cjk: the console in Japanese (without a CJK font the text is empty boxes);
# libqt6sql6-sqlite: the console's purge journal and run replays (Qt SQL's SQLite driver);
# prometheus: promtool and a real server for test_prometheus_scrape;
# xauth: xvfb-run (screenshots, the console benchmark); qt6-translations-l10n: Qt's own dialogs translated.
set -euo pipefail
PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config
  qt6-base-dev qt6-charts-dev qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools libqt6sql6-sqlite
  libqt6opengl6-dev libxkbcommon-dev libvulkan-dev libgl-dev
  libboost1.81-dev libboost-json1.81-dev liblua5.4-dev libsqlite3-dev libssl-dev
  xvfb xauth curl prometheus
  fonts-noto-cjk qt6-translations-l10n
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "installing: ${missing[*]}"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
