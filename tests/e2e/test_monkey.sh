#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# The monkey soak: random taps (on elements and anywhere, on and off the screen, two
# fingers), back, language switches across all 18 languages, waits up to the idle
# timeout, the 5 s admin hold and the PIN (the demo configuration: PIN 1234, the demo
# worker key, so the contact flow and the staff screens are reachable), all through the
# kiosk's real SDL event path. It passes when the kiosk neither crashes nor reports a
# sanitizer error (run in both builds; the ASan + UBSan one is the point) and the
# allocator's bytes in use, measured at rest after a warm-up and again at rest after the
# soak, grew by at most BOUND KiB. It writes only into OUT_DIR (data, export stick).
#
# CI runs LOTSE_MONKEY_STEPS steps (default 100000 under ASan + UBSan, which is the
# point; 10000 in the normal build) after a warm-up of
# 1500 steps, and allows 256 KiB of growth (LOTSE_MONKEY_BOUND_KIB). In use is measured
# with the renderer and the fonts destroyed (script `mem-mark`): their caches differ by
# megabytes from screen to screen, while anything they leaked stays counted. Measured
# so, 3000 steps changed it by -96 bytes; a 1000-byte leak per tap fails. The full soak:
#   LOTSE_MONKEY_STEPS=1000000 ctest -R e2e.test_monkey --output-on-failure
#   test_monkey.sh LOTSE SOURCE_DIR OUT_DIR
set -euo pipefail
lotse=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
# shellcheck source=contact/lib.sh
source "$src/tests/e2e/contact/lib.sh"

# About 5 ms of CPU a step in the normal build and 7 ms under ASan (mostly SDL's software
# renderer and FreeType drawing the new screen): 100 000 steps under ASan took 11.5 min
# of CPU (2026-11-21, 77 763 taps, +9 KB in use after the warm-up).
if ldd "$lotse" | grep -q libasan; then default_steps=100000; else default_steps=10000; fi
steps=${LOTSE_MONKEY_STEPS:-$default_steps}
warmup=${LOTSE_MONKEY_WARMUP:-1500}
bound_kib=${LOTSE_MONKEY_BOUND_KIB:-256}
mkdir -p "$out/stick"
conf="$out/lotse.conf"
make_conf "$conf" "$out/stick"

cat >"$out/monkey.lotse" <<SCRIPT
# warm-up: every screen and language once, fonts loaded, caches filled
monkey $warmup 1 1234
wait 100000
expect-screen home
mem-mark
monkey $steps 2 1234
wait 100000
expect-screen home
expect-mem-growth $bound_kib
SCRIPT
start=$SECONDS
if ! kiosk "$conf" "$out/data" 2026-03-10T08:55 "$out/monkey.lotse" "$out/monkey.log" \
  >"$out/monkey.out"; then
  cat "$out/monkey.out"
  tail -n 40 "$out/monkey.log" >&2
  fail "monkey.lotse"
fi
cat "$out/monkey.out"
if grep -E "runtime error|AddressSanitizer|LeakSanitizer" "$out/monkey.log" >&2; then
  fail "a sanitizer report"
fi
grep -q "^monkey: $steps steps" "$out/monkey.out" || fail "the monkey did not finish"
echo "requests saved: $(grep -c "request saved" "$out/monkey.log" || true)"
echo "export files: $(find "$out/stick" -type f | wc -l)"
echo "ok: $warmup + $steps monkey steps in $((SECONDS - start)) s"
