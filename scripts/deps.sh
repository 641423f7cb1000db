#!/usr/bin/env bash
# Install the Debian (bookworm) packages Lotse needs, only those that are missing.
#   scripts/deps.sh           build + run
#   scripts/deps.sh --test    build + run + tests (cmocka, gettext, python3, ...)
# Runs apt-get as root, or through sudo when started as a normal user.
set -euo pipefail

packages=(build-essential cmake pkg-config libsdl2-dev libsdl2-ttf-dev libsqlite3-dev
          libpng-dev libqrencode-dev libsodium-dev libfribidi-dev fonts-noto-core fonts-dejavu-core)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(libcmocka-dev gettext python3 xvfb xauth xdotool imagemagick zbar-tools)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "Installing: ${missing[*]}"
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
