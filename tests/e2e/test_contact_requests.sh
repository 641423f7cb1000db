#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Anonymous contact requests end to end: a parent sends three requests (a name with a
# non-ASCII letter and numbers typed on the pad, another name and an international
# number, one with neither). Nothing she typed, and no ticket code, is readable in the
# kiosk's database files (checked while the kiosk runs, WAL included, and after it
# ended) or in its log. The social worker then exports the queue; the export is a new
# 0600 file that lotse-admin opens to exactly these three requests, and the sealed boxes
# are gone from the device.
#   test_contact_requests.sh LOTSE SOURCE_DIR OUT_DIR
set -euo pipefail
lotse=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
# shellcheck source=contact/lib.sh
source "$src/tests/e2e/contact/lib.sh"

data="$out/data" exp="$out/stick"
mkdir -p "$exp"
conf="$out/lotse.conf"
make_conf "$conf" "$exp"
now=2026-03-10T08:55

name1="Amira Ö" phone1="01512345678"
name2="Şükrü" phone2="+905321234567"

# ---- run 1: three requests ------------------------------------------------------------
# The script ends with two dumps into FIFOs: between them the kiosk is blocked (its
# database still open, the WAL not yet checkpointed) while the test copies the files.
fifo1="$out/hold1.json" fifo2="$out/hold2.json"
mkfifo "$fifo1" "$fifo2"
cat >"$out/parent.lotse" <<EOF
lang en
expect-screen home
tap "Find help"
tap "Contact me"
expect-screen contact
tap "Money and benefits"
expect-screen contact-how
tap-id contact.how.phone
tap "No"
tap "Next"
expect-screen contact-details
# a call starts on the number pad
type "$phone1"
tap "(optional)"
type "$name1"
expect "$name1"
tap "Next"
expect-screen contact-consent
expect "$name1"
expect "$phone1"
expect-not "Interpreter"
tap "Yes, send"
expect-screen contact-done
dump $out/done1.json
tap "Done"
expect-screen home
expect-queue 1

# the second: a text message, an interpreter (English: the parent's language)
lang en
tap "Find help"
tap "Contact me"
tap "Health and development"
tap-id contact.how.sms
tap "Next"
type "$phone2"
tap "(optional)"
type "$name2"
tap "Next"
expect-screen contact-consent
expect "Interpreter: English"
expect "$name2"
tap "Yes, send"
expect-screen contact-done
dump $out/done2.json
tap "Done"
expect-screen home
expect-queue 2

# the third: a visit at the consultation hour, nothing typed
lang en
tap "Find help"
tap "Contact me"
tap "Something else"
tap-id contact.how.visit
tap "No"
tap "Next"
expect-screen contact-details
tap "Next"
expect-screen contact-consent
tap "Yes, send"
expect-screen contact-done
dump $out/done3.json
tap "Done"
expect-screen home
expect-queue 3
dump $fifo1
dump $fifo2
EOF

"$lotse" --headless --config "$conf" --data "$data" --now "$now" --script "$out/parent.lotse" \
  --site "$src/assets/demo-site" --locales "$src/locales" 2>"$out/run1.log" &
kpid=$!
# Never leave it blocked on a FIFO when the test fails half-way.
trap 'kill "$kpid" 2>/dev/null || true' EXIT
# read_fifo FIFO: read what the kiosk dumps into FIFO; fail if the kiosk ends first.
read_fifo() {
  cat "$1" >/dev/null &
  local cpid=$!
  while kill -0 "$cpid" 2>/dev/null; do
    if ! kill -0 "$kpid" 2>/dev/null; then
      kill "$cpid" 2>/dev/null || true
      wait "$kpid" || true
      cat "$out/run1.log" >&2
      fail "the kiosk ended before the end of parent.lotse"
    fi
    sleep 0.05
  done
  wait "$cpid" || true
}
read_fifo "$fifo1"
# The kiosk now waits to open hold2.json: copy its files as they are.
mkdir -p "$out/live"
cp "$data"/lotse.db* "$out/live/"
read_fifo "$fifo2"
rc=0
wait "$kpid" || rc=$?
trap - EXIT
[[ $rc == 0 ]] || { cat "$out/run1.log" >&2; fail "parent.lotse: exit $rc"; }
[[ -s $out/live/lotse.db-wal ]] ||
  fail "no WAL while the kiosk ran (the live copy would check nothing): $(ls "$out/live")"
[[ $(grep -c "request saved" "$out/run1.log") == 3 ]] || fail "not three 'request saved' lines"

ticket() {
  local t
  t=$("${helper[@]}" elem "$1" done.code) || fail "no ticket on $1"
  [[ $t =~ ^[0-9]{3}\ [0-9]{3}$ ]] || fail "ticket '$t' on $1 is not 'NNN NNN'"
  echo "$t"
}
t1=$(ticket "$out/done1.json") t2=$(ticket "$out/done2.json") t3=$(ticket "$out/done3.json")
echo "tickets: $t1 / $t2 / $t3"
[[ $t1 != "$t2" && $t2 != "$t3" && $t1 != "$t3" ]] || fail "two requests got the same ticket"

# Nothing typed and no ticket in any form: in the database files while the kiosk ran
# (WAL and shared memory included), after it ended, and in its log.
secrets=(--name "$name1" --name "$name2" --phone "$phone1" --phone "$phone2"
         --ticket "$t1" --ticket "$t2" --ticket "$t3"
         --source "$src/assets/demo-site" --source "$src/locales")
ls -l "$out/live" "$data"
"${helper[@]}" noleak "$out"/live/lotse.db* "${secrets[@]}" ||
  fail "plaintext in the database files while the kiosk ran"
"${helper[@]}" noleak "$data"/lotse.db* "${secrets[@]}" ||
  fail "plaintext in the database files after the kiosk ended"
"${helper[@]}" noleak "$out/run1.log" "${secrets[@]}" || fail "the log shows what was typed"

# The three sealed boxes, to look for after the export.
[[ $("${helper[@]}" blobs "$data/lotse.db" "$out/blobs.hex") == 3 ]] ||
  fail "not three rows in the request table"
[[ -z $(ls -A "$exp") ]] || fail "a file in the export directory before any export"

# ---- run 2: the social worker exports ---------------------------------------------------
{
  admin_login_lines
  echo 'expect "3 requests are waiting"'
  echo 'expect-queue 3'
  echo 'tap "Export to USB stick"'
  echo 'expect-queue 0'
  echo 'expect "saved"'
  echo "dump $out/exported.json"
  echo 'tap "Back to the kiosk"'
  echo 'expect-screen home'
} >"$out/export.lotse"
kiosk "$conf" "$data" 2026-03-10T12:30 "$out/export.lotse" "$out/run2.log" ||
  { cat "$out/run2.log" >&2; fail "export.lotse"; }
cat "$out/run2.log"

files=("$exp"/*)
[[ ${#files[@]} == 1 && -f ${files[0]} ]] || fail "not one export file: $(ls -A "$exp")"
file=${files[0]}
[[ $(stat -c %a "$file") == 600 ]] || fail "export file mode $(stat -c %a "$file"), not 600"
grep -qF "lotse: exported 3 requests to $file" "$out/run2.log" || fail "no 'exported 3' log line"
msg=$("${helper[@]}" elem "$out/exported.json" admin.message)
[[ $msg == *"3 requests saved"*"$(basename "$file")"* ]] || fail "admin.message: $msg"
"${helper[@]}" noleak "$file" "$out/run2.log" "${secrets[@]}" ||
  fail "plaintext in the export file or the admin's log"

open_export "$file" --json >"$out/open.json" 2>"$out/open.err" ||
  { cat "$out/open.err" >&2; fail "lotse-admin open"; }
python3 - "$out/open.json" "$t1" "$t2" "$t3" <<EOF || fail "the export does not hold the three requests"
import json, sys
reqs = json.load(open(sys.argv[1], encoding="utf-8"))
t1, t2, t3 = sys.argv[2:5]
want = {
    t1: dict(topic="money", channel="phone", interpreter_lang="", name="$name1", phone="$phone1"),
    t2: dict(topic="health", channel="sms", interpreter_lang="en", name="$name2", phone="$phone2"),
    t3: dict(topic="other", channel="visit", interpreter_lang="", name="", phone=""),
}
assert len(reqs) == 3, "%d requests: %r" % (len(reqs), reqs)
assert sorted(r["ticket"] for r in reqs) == sorted(want), [r["ticket"] for r in reqs]
for r in reqs:
    w = want[r["ticket"]]
    for k, v in w.items():
        assert r[k] == v, "ticket %s: %s is %r, expected %r" % (r["ticket"], k, r[k], v)
    assert r["day"] == "2026-03-10", r
print("export: 3 requests as typed")
EOF

# After the export the sealed boxes are gone from the device (secure_delete), and the
# queue is empty.
"${helper[@]}" noblobs "$out/blobs.hex" "$data"/lotse.db* ||
  fail "exported requests are still in the database files"
[[ $("${helper[@]}" db "$data/lotse.db") == 0 ]] || fail "requests left in the queue"
echo "ok"
