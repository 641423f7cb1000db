#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Install what is missing, build, and start the kiosk on the bundled demo site in a
# 1280x800 window (Escape or closing the window quits in this development mode), with
# the demo worker key and staff PIN 1234 (assets/demo-keys/demo.conf).
# Extra arguments go to lotse, e.g. `scripts/run.sh --now 2026-03-10T08:55`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
  echo "note: no DISPLAY/WAYLAND_DISPLAY set; SDL will try the console (KMSDRM)." >&2
fi
mkdir -p /tmp/lotse-export
exec ./build/lotse --windowed --site assets/demo-site --config assets/demo-keys/demo.conf "$@"
