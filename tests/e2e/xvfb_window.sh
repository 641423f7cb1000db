#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# The kiosk in a real X window (Xvfb): Escape and a window-manager close request are
# ignored in kiosk mode, a click works, no GL library is mapped with the default
# software renderer, nothing is redrawn while nothing changes, SIGTERM stops it; in
# --windowed mode Escape quits.
#   xvfb_window.sh LOTSE SOURCE_DIR OUT_DIR XCLOSE
set -euo pipefail
lotse=$1 src=$2 out=$3 xclose=$4
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL: $*" >&2; [[ -f "$out/lotse.log" ]] && cat "$out/lotse.log" >&2; exit 1; }

exec 3< <(Xvfb -displayfd 1 -screen 0 1280x800x24 -nolisten tcp 2>"$out/xvfb.log")
read -r -t 10 dnum <&3 || fail "Xvfb did not start"
export DISPLAY=":$dnum"
xvfb_pid=$(pgrep -n -f "Xvfb -displayfd") || true
pid=
cleanup() { [[ -n "$pid" ]] && kill "$pid" 2>/dev/null; [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null; true; }
trap cleanup EXIT
unset SDL_VIDEODRIVER

pixel() { # colour at x,y of the root window, as #RRGGBB
  import -window root -crop "1x1+$1+$2" -depth 8 txt:- | grep -o '#[0-9A-F]\{6\}' | head -n 1
}
start() {
  # --now starts the clock at a full minute, so the shown minute does not turn (and
  # legitimately redraw the clock) during the test; the greeting's round of languages
  # (a deliberate change every 8 s) is switched off for the same reason.
  "$lotse" --site "$src/assets/demo-site" --locales "$src/locales" --data "$out/data" \
    --size 1280x800 --now 2026-03-10T08:55 --greeting-rotation 0 "$@" 2>"$out/lotse.log" &
  pid=$!
  win=$(timeout 10 xdotool search --sync --onlyvisible --name '^Lotse$' | head -n 1) ||
    fail "no window"
  sleep 1
}

# Kiosk mode (full screen).
start
grep -E 'libGL|libEGL|libgallium|_dri\.so|libvulkan' "/proc/$pid/maps" &&
  fail "a GL/Vulkan library is loaded with the software renderer"
sleep 2 # idle: nothing may be redrawn
xdotool key --window "$win" Escape
xdotool key --window "$win" alt+F4
"$xclose" "$win"
sleep 1
kill -0 "$pid" 2>/dev/null || fail "the kiosk quit on Escape/close"
[[ $(pixel 640 10) != "#1F3A5F" ]] || fail "home screen shows a header?"
xdotool mousemove --sync 1036 494 click 1 # "Hilfe finden"
sleep 1
[[ $(pixel 640 10) == "#1F3A5F" ]] || fail "the click did not open the menu (got $(pixel 640 10))"
kill -TERM "$pid"
wait "$pid" || fail "SIGTERM: non-zero exit"
pid=
redraws=$(sed -n 's/.*stopped after \([0-9]*\) redraws.*/\1/p' "$out/lotse.log")
# The first frame, repaints for the window being mapped/exposed (one or two), the menu.
# Seconds of idling, Escape and the close request add none.
[[ -n "$redraws" && "$redraws" -le 4 ]] || fail "redraws while idle: $redraws"
echo "kiosk mode: $redraws redraws (first frame, expose, menu)"

# Development mode: Escape quits.
start --windowed
# The window may be gone before xdotool sends the key release: ignore its X error.
xdotool key --window "$win" Escape 2>/dev/null || true
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && fail "--windowed: Escape did not quit"
wait "$pid" || fail "--windowed: non-zero exit"
pid=
echo ok
