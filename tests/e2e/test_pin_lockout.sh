#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# The staff PIN pad: three wrong PINs lock it ("Too many wrong PINs", every key
# disabled); the lock is kept in the database, so a new kiosk process a few seconds
# later still refuses even the right PIN; 31 seconds after the lock the right PIN opens
# the staff screen, and a success resets the count. Wrong PINs are logged without their
# digits.
#   test_pin_lockout.sh LOTSE SOURCE_DIR OUT_DIR
set -euo pipefail
lotse=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
# shellcheck source=contact/lib.sh
source "$src/tests/e2e/contact/lib.sh"

data="$out/data" conf="$out/lotse.conf"
make_conf "$conf" "$out/stick"
wrong=(9876 2580 0000)
# run NAME NOW: run $out/NAME.lotse; its log is $out/NAME.log.
run() {
  kiosk "$conf" "$data" "$2" "$out/$1.lotse" "$out/$1.log" ||
    { cat "$out/$1.log" >&2; fail "$1.lotse"; }
}
# keys_enabled DUMP WANT: every digit key and delete are enabled (true) or not (false;
# then OK too: OK is also disabled on an open pad while no digit is typed).
keys_enabled() {
  local ids=(pin.0 pin.1 pin.2 pin.3 pin.4 pin.5 pin.6 pin.7 pin.8 pin.9 pin.delete)
  [[ $2 == false ]] && ids+=(pin.ok)
  "${helper[@]}" enabled "$1" "$2" "${ids[@]}" || fail "$1: keys not as expected"
}

# ---- 1: three wrong PINs at 09:55:55 lock the pad until 09:56:25 --------------------------
{
  echo 'lang en'
  echo 'wait 50000'
  echo 'hold 10 10 5000'
  echo 'expect-screen admin-pin'
  echo "dump $out/pad.json"
  pin_lines "${wrong[0]}"
  echo 'expect-screen admin-pin'
  echo 'expect "The PIN is not correct."'
  pin_lines "${wrong[1]}"
  echo 'expect "The PIN is not correct."'
  pin_lines "${wrong[2]}"
  echo 'expect-screen admin-pin'
  echo 'expect "Too many wrong PINs"'
  echo "dump $out/locked1.json"
  echo '# taps on the locked pad do nothing'
  pin_lines 1234
  echo 'expect-screen admin-pin'
  echo 'expect-not "●"'
  echo "dump $out/locked1b.json"
} >"$out/wrong.lotse"
run wrong 2026-03-10T09:55
keys_enabled "$out/pad.json" true
keys_enabled "$out/locked1.json" false
keys_enabled "$out/locked1b.json" false
msg=$("${helper[@]}" elem "$out/locked1.json" pin.message)
[[ $msg == *"Too many wrong PINs"* ]] || fail "pin.message: $msg"
grep -q "staff access opened" "$out/wrong.log" && fail "the locked pad opened"

# Logged: three wrong attempts, counted, never the digits.
[[ $(grep -c "wrong admin PIN" "$out/wrong.log") == 3 ]] || fail "not three 'wrong admin PIN' lines"
bad=$(grep "wrong admin PIN" "$out/wrong.log" |
  grep -vE '^lotse: wrong admin PIN \([0-9] failed attempts? in a row(, pad locked)?\)$' || true)
[[ -z $bad ]] || fail "unexpected wrong-PIN log line: $bad"
grep -q "3 failed attempts in a row, pad locked" "$out/wrong.log" || fail "the lock is not logged"
# (lines naming the source tree are left out: its path may hold any digits)
grep -vF -- "$src" "$out/wrong.log" >"$out/wrong.log.filtered" || true
for p in "${wrong[@]}" 1234; do
  # the digits in a row, also with one separator between them ("9 8 7 6", "9-8-7-6")
  pattern=""
  for ((i = 0; i < ${#p}; i++)); do pattern+="${p:i:1}[^0-9]?"; done
  if grep -qE -- "$pattern" "$out/wrong.log.filtered"; then
    fail "the log shows the PIN $p: $(grep -E -- "$pattern" "$out/wrong.log.filtered")"
  fi
done

# ---- 2: a new process at 09:56:05 (10 s after the lock): still locked -------------------
{
  echo 'lang en'
  echo 'hold 10 10 5000'
  echo 'expect-screen admin-pin'
  echo 'expect "Too many wrong PINs"'
  echo "dump $out/locked2.json"
  pin_lines 1234
  echo 'expect-screen admin-pin'
  echo 'expect-not "Site visit"'
  echo "dump $out/locked2b.json"
} >"$out/still.lotse"
run still 2026-03-10T09:56
keys_enabled "$out/locked2.json" false
keys_enabled "$out/locked2b.json" false
grep -q "staff access opened" "$out/still.log" && fail "the right PIN opened a locked pad"
grep -q "wrong admin PIN" "$out/still.log" && fail "taps on the locked pad counted as attempts"

# The right PIN tapped by coordinates (from the dump) does not get through either.
{
  echo 'lang en'
  echo 'hold 10 10 5000'
  python3 - "$out/locked2.json" <<'EOF'
import json, sys
els = {e["id"]: e for e in json.load(open(sys.argv[1]))["elements"]}
for key in ["pin.1", "pin.2", "pin.3", "pin.4", "pin.ok"]:
    e = els[key]
    print("tap %d %d" % (e["x"] + e["w"] // 2, e["y"] + e["h"] // 2))
EOF
  echo 'expect-screen admin-pin'
  echo 'expect "Too many wrong PINs"'
} >"$out/still-xy.lotse"
run still-xy 2026-03-10T09:56
grep -q "staff access opened" "$out/still-xy.log" && fail "the right PIN (by coordinates) opened a locked pad"

# ---- 3: a new process at 09:56:26 (31 s after the lock): the right PIN opens ----------------
{
  echo 'lang en'
  echo 'wait 21000'
  echo 'hold 10 10 5000'
  echo 'expect-screen admin-pin'
  echo 'expect-not "Too many wrong PINs"'
  echo "dump $out/open.json"
  pin_lines 1234
  echo 'expect-screen admin'
  echo 'expect "Site visit"'
  echo 'tap "Back to the kiosk"'
  echo 'expect-screen home'
} >"$out/open.lotse"
run open 2026-03-10T09:56
keys_enabled "$out/open.json" true
grep -q "staff access opened" "$out/open.log" || fail "no 'staff access opened' log line"

# ---- 4: the success reset the count: one wrong PIN is one failed attempt, no lock --------
{
  echo 'lang en'
  echo 'hold 10 10 5000'
  pin_lines "${wrong[0]}"
  echo 'expect "The PIN is not correct."'
  echo 'expect-not "Too many wrong PINs"'
  echo "dump $out/after.json"
} >"$out/after.lotse"
run after 2026-03-10T09:58
keys_enabled "$out/after.json" true
grep -q "wrong admin PIN (1 failed attempt in a row)" "$out/after.log" ||
  fail "the count did not restart: $(grep "wrong admin PIN" "$out/after.log")"
echo "ok"
