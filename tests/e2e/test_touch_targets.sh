#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Touch targets: on every screen a parent or the staff can reach (home, menu, hours,
# topics, a topic, a service, emergency, every contact step including the interpreter
# choice after "Yes", the details with the number pad and every letter layout, consent,
# done, the QR screens, the PIN pad, the staff screen and the hours editor), in every
# language of locales/languages.txt, at the default 1280x800, every enabled tappable
# element is at least 48x48 px (the usual minimum for a finger). The walk taps what the
# screens offer (tests/e2e/touch_walk.py), so it does not depend on how a screen is laid
# out.
#   test_touch_targets.sh LOTSE SOURCE_DIR OUT_DIR
set -euo pipefail
lotse=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
# shellcheck source=contact/lib.sh
source "$src/tests/e2e/contact/lib.sh"
make_conf "$out/lotse.conf" "$out/stick"
python3 "$src/tests/e2e/touch_walk.py" "$lotse" "$src" "$out" "$out/lotse.conf" 48 ||
  fail "tappable elements smaller than 48x48 px (see above)"
echo "ok"
