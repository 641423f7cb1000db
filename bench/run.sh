#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark the kiosk on the demo site against a browser kiosk (Chromium) showing the same
# home screen, and print one table of medians.
#   bench/run.sh [RUNS]      (default 5; builds build-bench/ in Release mode, installs
#                             Chromium, Xvfb and xdotool if missing; takes ~1 min per run)
# What is measured and how: bench/README.md. Chromium is a benchmark dependency only,
# never a test dependency.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
scripts/deps.sh --test
if [[ ! -x /usr/bin/chromium ]]; then
  echo "Installing: chromium (benchmark only)"
  sudo=()
  [[ $(id -u) -ne 0 ]] && sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q --no-install-recommends chromium ||
    echo "chromium could not be installed: its column will say n/a" >&2
fi
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DLOTSE_TESTS=OFF >/dev/null
cmake --build build-bench -j"$(nproc)" >/dev/null
exec python3 bench/compare.py --lotse build-bench/lotse --floor build-bench/lotse-floor --runs "$runs"
