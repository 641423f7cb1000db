#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Install what is missing, build, and run the whole test suite three times:
#   1. a normal build,
#   2. an AddressSanitizer + UndefinedBehaviorSanitizer build,
#   3. the device build: cross-compiled for aarch64 (Raspberry Pi), its tests run under
#      qemu-user, its Debian package built, and an arm64 root file system made from it
#      with firmware/'s recipe and checked (tests/rootfs).
# Exit code 0 only if all pass.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh --test --cross
jobs=$(nproc)

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure -j"$jobs")

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DLOTSE_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
(cd build-asan && ctest --output-on-failure -j"$jobs")

scripts/binfmt.sh
cmake -S . -B build-arm64 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_TOOLCHAIN_FILE=cmake/aarch64-linux-gnu.cmake >/dev/null
cmake --build build-arm64 -j"$jobs"
(cd build-arm64 && cpack -G DEB >/dev/null && ls -l lotse_*_arm64.deb)
(cd build-arm64 && ctest --output-on-failure -j"$jobs")
