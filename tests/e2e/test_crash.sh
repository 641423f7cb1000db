#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Power cut while parents send requests: the kiosk is killed with SIGKILL at random
# moments during 200 scripted submissions. After every kill the database opens
# (recovering the WAL), passes PRAGMA integrity_check, and holds at least every request
# whose confirmation was shown ("request saved" is logged after COMMIT, before the
# confirmation is drawn) and at most the ones attempted. At the end the whole queue is
# exported and every request in it opens with the worker's key.
#   test_crash.sh LOTSE SOURCE_DIR OUT_DIR
# LOTSE_CRASH_SUBMISSIONS (default 200) and LOTSE_CRASH_SEED (default: random, printed)
# reproduce a run.
set -euo pipefail
lotse=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
# shellcheck source=contact/lib.sh
source "$src/tests/e2e/contact/lib.sh"

total=${LOTSE_CRASH_SUBMISSIONS:-200}
seed=${LOTSE_CRASH_SEED:-$(( $(date +%s%N) % 32768 ))}
RANDOM=$seed
max_rounds=300
# Every round costs a start-up and a check. On a slow machine (ASan, both cores busy) the
# kills stop after this many seconds or kills, and the rest of the submissions run
# through in one last round, so the test stays well under a minute.
kill_budget_s=${LOTSE_CRASH_KILL_SECONDS:-30} max_kills=80
echo "submissions: $total, seed: $seed (LOTSE_CRASH_SEED=$seed repeats the kill delays)"

data="$out/data" conf="$out/lotse.conf"
make_conf "$conf" "$out/stick" "Request-Limit: 64"
now=2026-03-10T07:30
start=$SECONDS

topics=("Money and benefits" "Parenting and family" "Health and development"
        "Language and integration" "Crisis and protection"
        "Everyday matters: debt, housing" "Something else")
# script K FIRST: K submissions (numbered from FIRST, which varies topic and name) from
# the home screen, each confirmed; 130 s apart, so the flood guard never refuses.
script() {
  local k=$1 first=$2 i n
  for ((i = 0; i < k; i++)); do
    n=$((first + i))
    echo "# submission $n"
    echo 'lang en'
    echo 'expect-screen home'
    echo 'tap "Find help"'
    echo 'tap "Contact me"'
    echo "tap \"${topics[n % ${#topics[@]}]}\""
    echo 'tap-id contact.how.visit'
    echo 'tap "No"'
    echo 'tap "Next"'
    ((n % 3 == 1)) && echo 'type "Li"'
    echo 'tap "Next"'
    echo 'tap "Yes, send"'
    echo 'expect-screen contact-done'
    echo 'tap "Done"'
    echo 'wait 130000'
  done
}

# check WHEN: the database is sound and holds confirmed <= rows <= attempted.
check() {
  local rows
  # (killed before the database or its tables were made: 0 rows, checked below)
  rows=$("${helper[@]}" db --allow-missing "$data/lotse.db") || fail "$1: the database is damaged"
  ((rows >= confirmed)) || fail "$1: $rows requests stored, but $confirmed were confirmed"
  ((rows <= attempted)) || fail "$1: $rows requests stored, but only $attempted were sent"
  stored=$rows
}

confirmed=0 attempted=0 rounds=0 kills=0 stored=0
while ((confirmed < total)); do
  ((rounds < max_rounds)) || fail "$confirmed of $total confirmations after $rounds rounds"
  rounds=$((rounds + 1))
  left=$((total - confirmed))
  script "$left" "$confirmed" >"$out/round.lotse"
  log="$out/round-$rounds.log"
  # (not through the kiosk function: $! must be lotse itself, not a subshell). A
  # 640x400 screen draws each frame in a quarter of the time; the layout is the same,
  # scaled, and the taps are by text: twice the submissions per second under ASan.
  "$lotse" --headless --size 640x400 --config "$conf" --data "$data" --now "$now" \
    --script "$out/round.lotse" --site "$src/assets/demo-site" --locales "$src/locales" \
    2>"$log" &
  pid=$!
  ms=$((50 + RANDOM % 551))
  if ((SECONDS - start < kill_budget_s && kills < max_kills)); then
    sleep "$((ms / 1000)).$(printf %03d $((ms % 1000)))"
    kill -KILL "$pid" 2>/dev/null || true
  else
    echo "no more kills after $kills kills, $((SECONDS - start)) s: the last $left submissions run through"
    ms=0
  fi
  rc=0
  wait "$pid" 2>/dev/null || rc=$?
  saved=$(grep -c "request saved" "$log" || true)
  if grep -qE "refused|could not be|merged" "$log"; then
    cat "$log" >&2
    fail "round $rounds: a request was refused, merged or not saved"
  fi
  if [[ $rc == 137 ]]; then
    kills=$((kills + 1))
    # At most one more "Yes, send" than confirmations: the one in flight at the kill.
    attempted=$((attempted + (saved < left ? saved + 1 : saved)))
  elif [[ $rc == 0 ]]; then
    [[ $saved == "$left" ]] || fail "round $rounds ran through with $saved of $left saved"
    attempted=$((attempted + saved))
  else
    cat "$log" >&2
    fail "round $rounds: the kiosk exited with $rc (not killed; kill after ${ms} ms)"
  fi
  confirmed=$((confirmed + saved))
  check "round $rounds (killed after ${ms} ms, $saved saved)"
  [[ $rc == 0 ]] || rm -f "$log"
done
echo "$rounds rounds, $kills kills, $confirmed confirmations, $stored stored," \
     "$attempted attempted, $((SECONDS - start)) s"
((kills > 0)) || fail "the kiosk was never killed"

# The whole queue exports, and every request in it opens: nothing sealed was damaged.
mkdir -p "$out/stick"
{
  admin_login_lines
  echo "expect-queue $stored"
  echo 'tap "Export to USB stick"'
  echo 'expect-queue 0'
} >"$out/export.lotse"
kiosk "$conf" "$data" "$now" "$out/export.lotse" "$out/export.log" ||
  { cat "$out/export.log" >&2; fail "export.lotse"; }
grep -q "exported $stored requests" "$out/export.log" ||
  fail "not all $stored requests exported: $(grep export "$out/export.log")"
open_export "$out/stick"/lotse-export-*.txt --json >"$out/open.json" 2>"$out/open.err" ||
  { cat "$out/open.err" >&2; fail "lotse-admin open"; }
python3 - "$out/open.json" "$stored" <<'EOF' || fail "the export does not hold every stored request"
import json, sys
reqs = json.load(open(sys.argv[1], encoding="utf-8"))
assert len(reqs) == int(sys.argv[2]), "%d requests opened, %s stored" % (len(reqs), sys.argv[2])
for r in reqs:
    assert r["channel"] == "visit" and r["day"] == "2026-03-10" and r["name"] in ("", "Li"), r
EOF
echo "ok ($((SECONDS - start)) s)"
