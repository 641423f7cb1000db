#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Install the Debian (bookworm) packages Lotse needs, only those that are missing.
#   scripts/deps.sh           build + run
#   scripts/deps.sh --test    build + run + tests (cmocka, gettext, python3, ...)
#   scripts/deps.sh --cross   the aarch64 cross build, its tests under qemu-user, the
#                             .deb and the root file system test (adds arm64 to dpkg)
# Runs apt-get as root, or through sudo when started as a normal user.
set -euo pipefail

packages=(build-essential cmake pkg-config libsdl2-dev libsdl2-ttf-dev libsqlite3-dev
          libpng-dev libqrencode-dev libsodium-dev libfribidi-dev libsystemd-dev
          fonts-noto-core fonts-dejavu-core)
cross=false
for arg in "$@"; do
  case "$arg" in
  --test)
    packages+=(libcmocka-dev gettext python3 xvfb xauth xdotool faketime imagemagick zbar-tools
               reuse tzdata file)
    ;;
  --cross)
    cross=true
    packages+=(libcmocka-dev gettext python3 xvfb xauth xdotool faketime imagemagick zbar-tools
               reuse tzdata crossbuild-essential-arm64 qemu-user-static binfmt-support dpkg-dev
               file lintian
               mmdebstrap arch-test mtools dosfstools e2fsprogs fdisk util-linux systemd
               libsdl2-dev:arm64 libsdl2-ttf-dev:arm64 libsqlite3-dev:arm64 libpng-dev:arm64
               libqrencode-dev:arm64 libsodium-dev:arm64 libfribidi-dev:arm64
               libsystemd-dev:arm64 libcmocka-dev:arm64 libx11-dev:arm64)
    ;;
  *)
    echo "deps.sh: unknown option $arg" >&2
    exit 2
    ;;
  esac
done

sudo=()
if [[ $(id -u) -ne 0 ]]; then
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive

updated=false
if $cross && ! dpkg --print-foreign-architectures | grep -qx arm64; then
  echo "Adding the arm64 architecture to dpkg (multiarch, for the cross build)"
  "${sudo[@]}" dpkg --add-architecture arm64
  "${sudo[@]}" apt-get update -q
  updated=true
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
if ! $updated; then
  "${sudo[@]}" apt-get update -q
fi
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
