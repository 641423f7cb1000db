#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# "Cancel this hour" cancels the hour its row shows, also when the hour listed above it
# ends between the frame the member of staff sees and her tap. The list of hours is
# computed when a frame is laid out, and again when the tap is carried out; if the first
# hour ended in between, the second row's index points at the third hour.
#   test_hour_cancel_race.sh LOTSE SOURCE_DIR OUT_DIR
#
# Not a --script test: headless, the kiosk's clock is virtual and moves only inside
# `wait`, `hold`, `clock-jump`, `storm` and `monkey`, and each of them lays out a new
# frame before the next command, so a tap in a script always meets a list laid out at
# that very instant. The real kiosk does not: it lays out a frame when it wakes (an
# event, a UI deadline, the turn of the minute) and handles the events it woke for
# against the frame on screen before laying out the next. So this test runs the real
# kiosk in an X window (Xvfb) under libfaketime (its wall clock starts at 11:59:40 on
# Tuesday 10 March 2026; the monotonic clock is real), opens the hours editor with the
# PIN by mouse (xdotool), and freezes the process (SIGSTOP) while the 9:00-12:00 hour
# ends at 12:00:00; the click on the second row's "Cancel this hour" waits in the X
# queue and is handled the moment the kiosk continues (SIGCONT), against the frame laid
# out at 11:59 - as when the kiosk was busy or the wall clock was set forward (NTP after
# boot) while the editor was open. The row showed Thursday 12.3. 14:00-16:00; that hour
# must be the one cancelled (the log and, in a second run on the same data, the editor
# itself say which).
set -euo pipefail
lotse=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
# shellcheck source=contact/lib.sh
source "$src/tests/e2e/contact/lib.sh"
# The schedule below is in real seconds: under an emulator (the aarch64 build run by
# qemu-user) the kiosk is several times slower and cannot keep it.
host_arch=$(uname -m)
case "$(file -bL "$lotse")" in
*x86-64*) lotse_arch=x86_64 ;;
*aarch64*) lotse_arch=aarch64 ;;
*) lotse_arch=unknown ;;
esac
if [[ $lotse_arch != "$host_arch" ]]; then
  echo "SKIP: $lotse is built for $lotse_arch and runs emulated on $host_arch; this test's" \
    "real-time schedule needs a native kiosk"
  exit 77
fi
# libfaketime itself, not the faketime wrapper: the signals must reach the kiosk.
libfaketime=
for f in /usr/lib/"$host_arch"-linux-gnu/faketime/libfaketime.so.1; do
  [[ -f $f ]] && libfaketime=$f
done
[[ -n $libfaketime ]] || fail "libfaketime is needed (the faketime package, scripts/deps.sh --test)"
command -v xdotool >/dev/null || fail "xdotool is needed (scripts/deps.sh --test)"
conf="$out/lotse.conf" data="$out/data"
make_conf "$conf" "$out/stick"

# ---- the layout at 11:59 (headless, same size): where the keys and rows are --------------
{
  admin_login_lines | sed 's/^tap "OK"$/dump PAD\ntap "OK"/' | sed "s|PAD|$out/pad.json|"
  echo "dump $out/admin.json"
  echo "tap-id admin.hours"
  echo "expect-screen admin-hours"
  echo "dump $out/hours-1159.json"
  echo "wait 60000"
  echo "dump $out/hours-1200.json"
} >"$out/ref.lotse"
kiosk "$conf" "$out/data-ref" 2026-03-10T11:59 "$out/ref.lotse" "$out/ref.log" ||
  { cat "$out/ref.log" >&2; fail "ref.lotse"; }
centre() { # centre DUMP ID -> "x y"
  python3 - "$1" "$2" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
e = next((e for e in d["elements"] if e["id"] == sys.argv[2]), None)
if e is None:
    sys.exit("no element %s on %s" % (sys.argv[2], d["screen"]))
print(e["x"] + e["w"] // 2, e["y"] + e["h"] // 2)
EOF
}
row0=$("${helper[@]}" elem "$out/hours-1159.json" hours.0)
row1=$("${helper[@]}" elem "$out/hours-1159.json" hours.1)
after0=$("${helper[@]}" elem "$out/hours-1200.json" hours.0)
[[ $row0 == *"10.3."*"9:00"*"12:00" && $row1 == *"12.3."*"14:00"*"16:00" ]] ||
  fail "the demo schedule changed: at 11:59 the rows are '$row0', '$row1'"
[[ $after0 == "$row1" ]] || fail "at 12:00 the first row should be '$row1', is '$after0'"
echo "at 11:59 the editor lists '$row0' and '$row1'; at 12:00 the first hour is gone"

# ---- the real kiosk in an X window ---------------------------------------------------------
xvfb_pid='' pid=''
cleanup() {
  [[ -n $pid ]] && { kill -CONT "$pid" 2>/dev/null; kill "$pid" 2>/dev/null; }
  [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null
  true
}
trap cleanup EXIT
Xvfb -displayfd 5 -screen 0 1280x800x24 -nolisten tcp 5>"$out/display" 2>"$out/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do [[ -s $out/display ]] && break; sleep 0.1; done
[[ -s $out/display ]] || fail "Xvfb did not start"
DISPLAY=":$(head -n 1 "$out/display")"
export DISPLAY
unset SDL_VIDEODRIVER
# libfaketime is preloaded; an ASan build must not insist on coming first.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
t0=$(date +%s.%N)
TZ=UTC FAKETIME="@2026-03-10 10:59:40" FAKETIME_DONT_FAKE_MONOTONIC=1 LD_PRELOAD="$libfaketime" \
  "$lotse" --config "$conf" --data "$data" --site "$src/assets/demo-site" \
  --locales "$src/locales" --size 1280x800 --greeting-rotation 0 2>"$out/lotse.log" &
pid=$!
# at FAKE_SECONDS_AFTER_11:59:40: sleep until then
sleep_until() { python3 -c "import time,sys; d=$t0+$1-time.time(); time.sleep(max(d,0)); sys.exit(0 if d>0 else 1)" ||
  fail "too slow: $2 after the planned moment (kiosk log: $(tail -n 3 "$out/lotse.log"))"; }
timeout 10 xdotool search --sync --onlyvisible --name '^Lotse$' >/dev/null || fail "no window"
sleep 0.5
click() { # click DUMP ID
  local xy
  xy=$(centre "$1" "$2") || fail "$2"
  # shellcheck disable=SC2086
  xdotool mousemove --sync $xy click 1
  sleep 0.25
}
xdotool mousemove --sync 10 10 mousedown 1
sleep 5.4
xdotool mouseup 1
sleep 0.4
for key in pin.1 pin.2 pin.3 pin.4 pin.ok; do click "$out/pad.json" "$key"; done
sleep 1
grep -q "staff access opened" "$out/lotse.log" || fail "the PIN did not open the staff screen: $(cat "$out/lotse.log")"
click "$out/admin.json" admin.hours
sleep 0.5
# 11:59:58.5: freeze the kiosk with the 11:59 frame on screen.
sleep_until 18.5 "freezing at 11:59:58.5"
kill -STOP "$pid"
# 12:00:00.8: the 9:00-12:00 hour is over; the click on the second row waits in the queue.
sleep_until 20.8 "clicking at 12:00:00.8"
read -r x y < <(centre "$out/hours-1159.json" hours.1.action)
xdotool mousemove "$x" "$y" click 1
sleep 0.3
kill -CONT "$pid"
sleep 1.5
kill -TERM "$pid"
wait "$pid" || fail "the kiosk did not stop cleanly: $(tail -n 5 "$out/lotse.log")"
pid=
grep "consultation hour" "$out/lotse.log" || true
cancelled=$(sed -n 's/.*consultation hour cancelled: [^ ]* \([0-9-]*\) \([0-9:]*\)-\([0-9:]*\).*/\1 \2-\3/p' "$out/lotse.log")
[[ -n $cancelled ]] || fail "no hour was cancelled (log: $(cat "$out/lotse.log"))"
[[ $(wc -l <<<"$cancelled") == 1 ]] || fail "more than one hour cancelled: $cancelled"

# ---- which hour the editor shows as cancelled (a second run on the same data) -------------
{
  admin_login_lines
  echo "tap-id admin.hours"
  echo "expect-screen admin-hours"
  echo "dump $out/hours-after.json"
} >"$out/after.lotse"
kiosk "$conf" "$data" 2026-03-10T12:01 "$out/after.lotse" "$out/after.log" ||
  { cat "$out/after.log" >&2; fail "after.lotse"; }
python3 - "$out/hours-after.json" "$row1" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
els = {e["id"]: e for e in d["elements"]}
rows = []
i = 0
while "hours.%d" % i in els:
    act = els.get("hours.%d.action" % i, {}).get("text", "")
    rows.append((els["hours.%d" % i]["text"], act))
    i += 1
for text, act in rows:
    print("  %-32s %s" % (text, act))
undone = [t for t, a in rows if a in ("Undo cancellation", "cancelled")]
if undone != [sys.argv[2]]:
    sys.exit("FAIL: the tapped row showed '%s', but the editor shows as cancelled: %s"
             % (sys.argv[2], ", ".join(undone) or "nothing"))
EOF
[[ $cancelled == "2026-03-12 14:00-16:00" ]] ||
  fail "the tapped row showed '$row1'; the hour cancelled was $cancelled"
echo "ok"
