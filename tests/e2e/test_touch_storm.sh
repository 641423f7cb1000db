#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Touches through the kiosk's real SDL event path (script `finger-down/-up`, `storm`:
# SDL_PushEvent, then the loop's own handler): the multi-touch rules of README "Touch"
# one by one - one finger at a time, a second finger neither taps nor cancels, no tap
# aimed at a screen that has just gone, nothing outside the screen (a 5 s hold off the
# top-left corner is no admin hold), two quick taps are no 5 s hold, a lost finger-up
# does not block the kiosk - then storms of 50 taps a second (two fingers, taps queued
# while the screen changes, fingers sliding off the screen) on several screens and in
# Arabic. Afterwards the kiosk still answers a tap and still times out home.
#   test_touch_storm.sh LOTSE SOURCE_DIR OUT_DIR
set -euo pipefail
lotse=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
# shellcheck source=contact/lib.sh
source "$src/tests/e2e/contact/lib.sh"

conf="$out/lotse.conf"
make_conf "$conf" "$out/stick"

# "Hilfe finden" on the home screen, the menu's first entry, the top-left corner.
start="0.82 0.67" corner="0.02 0.02"
# alive: the kiosk times out home, answers a deliberate tap, and goes home again.
alive() {
  cat <<LINES
wait 100000
expect-screen home
finger-down 1 $start
finger-up 1 $start
expect-screen menu
wait 100000
expect-screen home
LINES
}

cat >"$out/touch.lotse" <<SCRIPT
# One finger: a tap.
wait 1000
finger-down 1 $start
finger-up 1 $start
expect-screen menu
# A tap right after the screen changed was aimed at the screen before: ignored.
finger-down 1 $start
finger-up 1 $start
expect-screen menu
back
wait 300
expect-screen home
# A second finger while one is down does not tap and cancels nothing.
finger-down 1 $start
finger-down 2 0.5 0.5
finger-up 2 0.5 0.5
expect-screen home
finger-up 1 $start
expect-screen menu
back
wait 300
# ... and lifting the second finger after the first is no tap either.
finger-down 1 $start
finger-down 2 $start
finger-up 1 $start
expect-screen menu
wait 300
finger-up 2 $start
expect-screen menu
back
wait 300
# Outside the screen: a 6 s hold off the top-left corner is no admin hold, taps beyond
# the width or below the screen do nothing.
finger-down 1 -10 -10
wait 6000
finger-up 1 -10 -10
expect-screen home
finger-down 1 -0.001 0.01
wait 6000
finger-up 1 -0.001 0.01
expect-screen home
finger-down 3 1.5 0.67
finger-up 3 1.5 0.67
finger-down 3 0.82 1.01
finger-up 3 0.82 1.01
expect-screen home
# A finger that slides off the screen before it lifts is no tap.
finger-down 1 $start
finger-move 1 0.99 0.67
finger-move 1 1.2 0.67
finger-up 1 1.2 0.67
expect-screen home
# Two quick taps in the corner are no 5 s hold ...
finger-down 1 $corner
wait 100
finger-up 1 $corner
wait 4800
finger-down 1 $corner
wait 200
finger-up 1 $corner
expect-screen home
# ... a real 5 s hold is, and a second finger meanwhile does not cancel it.
finger-down 1 $corner
wait 2500
finger-down 2 0.5 0.5
finger-up 2 0.5 0.5
wait 2600
finger-up 1 $corner
expect-screen admin-pin
wait 100000
expect-screen home
# A finger whose up is lost blocks nothing for long: 10 s later the next finger counts,
# and the same finger going down again starts over at once.
finger-down 7 0.5 0.9
wait 1000
finger-down 8 $start
finger-up 8 $start
expect-screen home
wait 9000
finger-down 8 $start
finger-up 8 $start
expect-screen menu
back
wait 300
finger-down 9 0.5 0.9
finger-down 9 $start
finger-up 9 $start
expect-screen menu
$(alive)
# Storms: 50 taps a second for 10 s on the home screen, the menu, the services, the
# contact keyboard and the PIN pad, and in Arabic.
storm 500 50 1
$(alive)
finger-down 1 $start
finger-up 1 $start
storm 500 50 2
$(alive)
lang en
tap "Find help"
tap "Help and advice"
storm 500 50 3
$(alive)
lang en
tap "Find help"
tap "Contact me"
tap "Something else"
tap-id contact.how.phone
tap "No"
tap "Next"
expect-screen contact-details
tap "(optional)"
storm 500 50 4
$(alive)
hold 10 10 5000
expect-screen admin-pin
storm 500 50 5
$(alive)
lang ar
storm 1000 50 6
$(alive)
storm 500 1000 7
$(alive)
SCRIPT
if ! kiosk "$conf" "$out/data" 2026-03-10T08:55 "$out/touch.lotse" "$out/touch.log" \
  >"$out/touch.out"; then
  cat "$out/touch.out" "$out/touch.log" >&2
  fail "touch.lotse"
fi
cat "$out/touch.out"
grep -q "storm: screens visited" "$out/touch.out" || fail "no storm report"
echo "ok: touches follow the rules; the kiosk survives the storms"
