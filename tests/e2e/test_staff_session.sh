#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# The staff session ends when the staff area is left: whichever way a member of staff
# leaves the staff screens (the emergency strip, Start, "Back to the kiosk", the idle
# timeout), Back - the header's button and the hardware key - never brings the staff
# screen (Export, the hours editor) back for whoever stands at the kiosk next; only the
# PIN opens it again. Back from the emergency page opened on a staff screen leads to the
# start screen.
#   test_staff_session.sh LOTSE SOURCE_DIR OUT_DIR
# Each scenario is its own kiosk run (the PIN 1234 of the demo configuration, then the
# steps); after every step the display list is dumped, and every failing step of every
# scenario is reported. A step's expectation: "home" (exactly that screen), "!staff"
# (no staff screen: not admin, not admin-hours, no staff element), "*" (still inside the
# staff session: not checked) or any other screen name (exactly that screen).
set -euo pipefail
lotse=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
# shellcheck source=contact/lib.sh
source "$src/tests/e2e/contact/lib.sh"

conf="$out/lotse.conf"
make_conf "$conf" "$out/stick"
failed=0

# scenario NAME "CMD => EXPECT" ...
scenario() {
  local name=$1 i=0 step cmd
  shift
  local dir="$out/$name"
  mkdir -p "$dir"
  : >"$dir/expect"
  {
    admin_login_lines
    echo "dump $dir/login.json"
    for step in "$@"; do
      cmd=${step% => *}
      echo "$cmd"
      echo "dump $dir/$i.json"
      printf '%s\t%s\t%s\n' "$i" "${step##* => }" "$cmd" >>"$dir/expect"
      i=$((i + 1))
    done
  } >"$dir/run.lotse"
  if ! kiosk "$conf" "$out/data-$name" 2026-03-10T08:55 "$dir/run.lotse" "$dir/run.log"; then
    echo "FAIL: $name: the script stopped: $(tail -n 1 "$dir/run.log")" >&2
    failed=1
    return
  fi
  python3 - "$name" "$dir" <<'EOF' || failed=1
import json, sys
name, d = sys.argv[1], sys.argv[2]
STAFF = ("admin", "admin-hours")
STAFF_IDS = ("admin.", "hours.", "extra.")  # Export, the hours editor and its rows
login = json.load(open(d + "/login.json", encoding="utf-8"))
if login["screen"] != "admin":
    sys.exit("FAIL: %s: the PIN did not open the staff screen (%s)" % (name, login["screen"]))
seq, bad = [], []
for line in open(d + "/expect", encoding="utf-8"):
    i, want, cmd = line.rstrip("\n").split("\t")
    dump = json.load(open("%s/%s.json" % (d, i), encoding="utf-8"))
    screen = dump["screen"]
    seq.append("%s -> %s" % (cmd, screen))
    staff_ids = sorted(e["id"] for e in dump["elements"]
                       if e["id"].startswith(STAFF_IDS) and e.get("enabled"))
    if want == "*":
        continue
    if want == "!staff":
        if screen in STAFF or staff_ids:
            bad.append("step %s '%s': screen '%s' is a staff screen (%s) - no PIN was entered"
                       % (i, cmd, screen, ", ".join(staff_ids[:3])))
    elif screen != want:
        bad.append("step %s '%s': expected screen '%s', got '%s'%s" % (
            i, cmd, want, screen, " (a staff screen without the PIN)" if screen in STAFF else ""))
print("%s: PIN 1234 -> admin; %s" % (name, "; ".join(seq)))
for b in bad:
    print("FAIL: %s: %s" % (name, b), file=sys.stderr)
sys.exit(1 if bad else 0)
EOF
}

# The emergency strip on the staff screen, then the header's Back / the hardware key.
scenario emergency-navback \
  "tap-id emergency => emergency" \
  "tap-id nav.back => home" \
  "back => !staff" \
  "tap-id start => !staff" \
  "tap-id nav.back => !staff" \
  "back => !staff"
scenario emergency-backkey \
  "tap-id emergency => emergency" \
  "back => home" \
  "back => !staff" \
  "back => !staff"
# The hours editor, then the emergency strip, then back twice.
scenario hours-emergency-backkey \
  "tap-id admin.hours => admin-hours" \
  "tap-id emergency => emergency" \
  "back => home" \
  "back => !staff" \
  "back => !staff"
scenario hours-emergency-navback \
  "tap-id admin.hours => admin-hours" \
  "tap-id emergency => emergency" \
  "tap-id nav.back => home" \
  "back => !staff"
# Emergency, then Start, then back.
scenario emergency-start-back \
  "tap-id emergency => emergency" \
  "tap-id nav.home => home" \
  "back => !staff" \
  "tap-id start => !staff" \
  "back => !staff" \
  "back => !staff"
# Start (the header's home button) on the staff screen and on the hours editor.
scenario start-back \
  "tap-id nav.home => home" \
  "back => !staff" \
  "tap-id start => !staff" \
  "tap-id nav.back => !staff" \
  "back => !staff"
scenario hours-start-back \
  "tap-id admin.hours => admin-hours" \
  "tap-id nav.home => home" \
  "back => !staff" \
  "back => !staff"
# "Back to the kiosk", then a parent's way through the menu to the emergency page.
scenario leave-back \
  "tap-id admin.leave => home" \
  "back => !staff" \
  "tap-id start => !staff" \
  "tap-id emergency => emergency" \
  "back => !staff" \
  "back => !staff" \
  "back => !staff"
# Walked away: the idle timeout (90 s by default) on the staff screen and on the editor.
scenario idle-back \
  "wait 100000 => home" \
  "back => !staff" \
  "tap-id start => !staff" \
  "back => !staff" \
  "back => !staff"
scenario hours-idle-back \
  "tap-id admin.hours => admin-hours" \
  "wait 100000 => home" \
  "back => !staff" \
  "back => !staff"
scenario emergency-idle-back \
  "tap-id emergency => emergency" \
  "wait 100000 => home" \
  "back => !staff" \
  "back => !staff"
# After leaving by the emergency page, the way in is the PIN again, and it works.
scenario emergency-pin-again \
  "tap-id emergency => emergency" \
  "back => home" \
  "hold 10 10 5000 => admin-pin" \
  "back => !staff" \
  "hold 10 10 5000 => admin-pin" \
  "tap \"1\" => admin-pin" \
  "tap \"2\" => admin-pin" \
  "tap \"3\" => admin-pin" \
  "tap \"4\" => admin-pin" \
  "tap \"OK\" => admin"

((failed == 0)) || fail "a staff screen came back without the PIN (see above)"
echo "ok"
