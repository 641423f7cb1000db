#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# The data disk runs full. The data directory is a small tmpfs in a private mount
# namespace (unshare -rm; plain mounts as root), filled with a filler file until not one
# more byte fits.
#   1. Full while the kiosk runs: a parent's request cannot be saved. She sees the kind
#      "could not be saved" screen, never a ticket; nothing is half-written (the queue
#      still holds exactly the earlier requests). Space is freed while the kiosk keeps
#      running: her next request is saved, without a restart.
#   2. Full at start: the kiosk still comes up on the home screen ("Contact me" off, with
#      a log line), the database is neither moved aside nor damaged; once there is space
#      again the next start takes requests.
#   3. Full at the very first start (no database yet): the same.
# Afterwards the database passes PRAGMA integrity_check, holds every earlier request, and
# an export of the queue opens with lotse-admin to exactly the saved requests.
#   test_disk_full.sh LOTSE SOURCE_DIR OUT_DIR
set -euo pipefail

# ---- inside the mount namespace: test_disk_full.sh --inner LOTSE SOURCE_DIR OUT_DIR ------
if [[ ${1:-} == --inner ]]; then
  shift
  lotse=$1 src=$2 out=$3
  # shellcheck source=contact/lib.sh
  source "$src/tests/e2e/contact/lib.sh"
  data="$out/data" conf="$out/lotse.conf"
  mkdir -p "$data"
  mount -t tmpfs -o size=4m,mode=0700 tmpfs "$data"
  trap 'umount "$data" 2>/dev/null || true' EXIT

  # fill: fill the data disk until not one byte fits; free: remove the filler.
  fill() {
    dd if=/dev/zero of="$data/filler" bs=4k 2>/dev/null || true
    dd if=/dev/zero of="$data/filler" bs=1 oflag=append conv=notrunc 2>/dev/null || true
    sync
    if printf x >>"$data/filler" 2>/dev/null; then fail "$data is not full"; fi
    echo "filled $data: $(df -k --output=avail "$data" | tail -1 | tr -d ' ') kB free"
  }
  free_space() { rm -f "$data/filler"; }
  # db_check WHAT N: integrity_check ok and exactly N queued requests (needs free space:
  # SQLite creates its -shm file to read a WAL database).
  db_check() {
    local rows
    rows=$("${helper[@]}" db "$data/lotse.db") || fail "$1: the database is damaged"
    [[ $rows == "$2" ]] || fail "$1: $rows requests queued, expected $2"
  }
  no_aside() {
    local aside
    aside=$(find "$data" -name 'lotse.db.damaged-*')
    [[ -z $aside ]] || fail "$1: the database was moved aside on a full disk: $aside"
  }

  # request_lines TOPIC NAME: script lines for one request at the next consultation hour.
  request_lines() {
    echo 'lang en'
    echo 'expect-screen home'
    echo 'tap-id start'
    echo 'tap-id menu.contact'
    echo "tap-id contact.topic.$1"
    echo 'tap-id contact.how.visit'
    echo 'tap "No"'
    echo 'tap-id contact.next'
    [[ -n $2 ]] && echo "type \"$2\""
    echo 'tap-id contact.next'
    echo 'expect-screen contact-consent'
    echo 'tap "Yes, send"'
  }

  # ---- three requests with room to spare ----
  topics=(money parenting crisis) names=("" "Li" "")
  for i in 0 1 2; do
    request_lines "${topics[i]}" "${names[i]}"
    echo 'expect-screen contact-done'
    echo "dump $out/early$i.json"
    echo 'tap-id done.ok'
    echo 'wait 61000'
  done >"$out/early.lotse"
  echo 'expect-queue 3' >>"$out/early.lotse"
  kiosk "$conf" "$data" 2026-03-10T10:05 "$out/early.lotse" "$out/early.log" ||
    { cat "$out/early.log" >&2; fail "early.lotse"; }
  db_check early 3

  # ---- 1. full while the kiosk runs ----
  # The script stops twice: between the dumps into hold1 and hold2 the test fills the
  # disk, between hold3 and hold4 it frees it. The kiosk is blocked meanwhile.
  holds=()
  for i in 1 2 3 4; do
    rm -f "$out/hold$i.json"
    mkfifo "$out/hold$i.json"
    holds+=("$out/hold$i.json")
  done
  {
    echo 'expect-screen home'
    echo 'expect-queue 3'
    echo "dump ${holds[0]}"
    echo "dump ${holds[1]}"
    echo '# the disk is full now'
    request_lines health "Amira"
    echo 'expect-screen contact-sorry'
    echo 'expect "could not be saved"'
    echo "dump $out/sorry.json"
    echo "screenshot $out/sorry.png"
    echo 'expect-queue 3'
    echo 'tap-id sorry.ok'
    echo 'expect-screen home'
    echo "dump ${holds[2]}"
    echo "dump ${holds[3]}"
    echo '# space again: the next request works, no restart'
    echo 'wait 5000'
    request_lines language "Amira"
    echo 'expect-screen contact-done'
    echo "dump $out/after.json"
    echo 'tap-id done.ok'
    echo 'expect-queue 4'
  } >"$out/full.lotse"
  kiosk "$conf" "$data" 2026-03-10T10:30 "$out/full.lotse" "$out/full.log" &
  kpid=$!
  trap 'kill "$kpid" 2>/dev/null || true; umount "$data" 2>/dev/null || true' EXIT
  # read_fifo FIFO: read what the kiosk dumps into FIFO; fail if the kiosk ends first.
  read_fifo() {
    cat "$1" >/dev/null &
    local cpid=$!
    while kill -0 "$cpid" 2>/dev/null; do
      if ! kill -0 "$kpid" 2>/dev/null; then
        kill "$cpid" 2>/dev/null || true
        wait "$kpid" || true
        cat "$out/full.log" >&2
        fail "the kiosk ended before the end of full.lotse"
      fi
      sleep 0.05
    done
    wait "$cpid" || true
  }
  read_fifo "${holds[0]}"
  fill # the kiosk waits to open hold2
  read_fifo "${holds[1]}"
  read_fifo "${holds[2]}"
  free_space # the kiosk waits to open hold4
  read_fifo "${holds[3]}"
  rc=0
  wait "$kpid" || rc=$?
  trap 'umount "$data" 2>/dev/null || true' EXIT
  cat "$out/full.log"
  [[ $rc == 0 ]] || fail "full.lotse: exit $rc"
  grep -q "request could not be saved: .*disk is full" "$out/full.log" ||
    fail "full: no 'could not be saved ... disk is full' log line"
  [[ $(grep -c "request saved" "$out/full.log") == 1 ]] ||
    fail "full: not exactly one 'request saved' (the one after freeing space)"
  "${helper[@]}" elem "$out/sorry.json" done.code >/dev/null 2>&1 &&
    fail "full: a ticket code on the failure screen"
  [[ $("${helper[@]}" elem "$out/sorry.json" sorry.text) == *"Kita staff"* ]] ||
    fail "full: the failure screen does not send her to the staff"
  db_check full 4
  no_aside full

  # ---- 2. full at start ----
  fill
  {
    echo 'expect-screen home'
    echo "screenshot $out/start-full.png"
    echo 'tap-id start'
    echo 'expect-screen menu'
    echo "dump $out/start-full-menu.json"
    echo 'back'
    echo 'expect-screen home'
  } >"$out/start-full.lotse"
  kiosk "$conf" "$data" 2026-03-10T11:00 "$out/start-full.lotse" "$out/start-full.log" ||
    { cat "$out/start-full.log" >&2; fail "start-full.lotse: the kiosk did not come up"; }
  cat "$out/start-full.log"
  grep -q "state database unavailable: .*No space left on device" "$out/start-full.log" ||
    fail "start-full: the log does not say the disk is full"
  grep -q '"Contact me" is switched off' "$out/start-full.log" ||
    fail "start-full: the log does not say 'Contact me' is off"
  "${helper[@]}" enabled "$out/start-full-menu.json" false menu.contact ||
    fail "start-full: 'Contact me' is on without a database"
  no_aside start-full
  free_space
  db_check start-full 4
  {
    request_lines other ""
    echo 'expect-screen contact-done'
    echo "dump $out/restart.json"
    echo 'tap-id done.ok'
    echo 'expect-queue 5'
  } >"$out/restart.lotse"
  kiosk "$conf" "$data" 2026-03-10T11:05 "$out/restart.lotse" "$out/restart.log" ||
    { cat "$out/restart.log" >&2; fail "restart.lotse: no request after space was freed"; }
  db_check restart 5

  # ---- the export of all five opens with lotse-admin ----
  mkdir -p "$out/stick"
  {
    admin_login_lines
    echo 'expect-queue 5'
    echo 'tap "Export to USB stick"'
    echo 'expect "5 requests saved"'
    echo 'expect-queue 0'
  } >"$out/export.lotse"
  kiosk "$conf" "$data" 2026-03-10T12:30 "$out/export.lotse" "$out/export.log" ||
    { cat "$out/export.log" >&2; fail "export.lotse"; }
  db_check export 0

  # ---- 3. the very first start on a full disk ----
  rm -rf "${data:?}"/*
  fill
  kiosk "$conf" "$data" 2026-03-10T11:00 "$out/start-full.lotse" "$out/fresh-full.log" ||
    { cat "$out/fresh-full.log" >&2; fail "fresh-full: the kiosk did not come up"; }
  grep -q "state database unavailable" "$out/fresh-full.log" ||
    fail "fresh-full: the log does not say the database is unavailable"
  no_aside fresh-full
  free_space
  request_lines other "" >"$out/fresh.lotse"
  printf 'expect-screen contact-done\ntap-id done.ok\nexpect-queue 1\n' >>"$out/fresh.lotse"
  kiosk "$conf" "$data" 2026-03-10T11:05 "$out/fresh.lotse" "$out/fresh.log" ||
    { cat "$out/fresh.log" >&2; fail "fresh: no request after space was freed"; }
  db_check fresh 1
  exit 0
fi

# ---- outside: set up, run the above in a mount namespace, check the export --------------
lotse=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
# shellcheck source=contact/lib.sh
source "$src/tests/e2e/contact/lib.sh"
in_tmpfs="$src/tests/e2e/contact/in_tmpfs.sh"

if unshare -rm bash "$in_tmpfs" probe "$out/probe" /dev/null true 2>"$out/probe.err"; then
  wrap=(unshare -rm bash)
elif [[ $(id -u) == 0 ]] && bash "$in_tmpfs" probe "$out/probe" /dev/null true 2>>"$out/probe.err"; then
  wrap=(bash)
else
  cat "$out/probe.err"
  echo "SKIP: cannot mount a tmpfs here (neither unshare -rm nor mount works)"
  exit 77 # ctest: SKIP_RETURN_CODE (tests/CMakeLists.txt), reported as skipped
fi
echo "mounting with: ${wrap[*]}"
make_conf "$out/lotse.conf" "$out/stick"
"${wrap[@]}" "$0" --inner "$lotse" "$src" "$out" || fail "see above"

files=("$out/stick"/*)
[[ ${#files[@]} == 1 && -f ${files[0]} ]] || fail "not one export file: $(ls -A "$out/stick")"
open_export "${files[0]}" --json >"$out/open.json" 2>"$out/open.err" ||
  { cat "$out/open.err" >&2; fail "lotse-admin open"; }
tickets=()
for f in early0 early1 early2 after restart; do
  tickets+=("$("${helper[@]}" elem "$out/$f.json" done.code)")
done
echo "tickets: ${tickets[*]}"
python3 - "$out/open.json" "${tickets[@]}" <<'EOF' || fail "the export does not hold the 5 saved requests"
import json, sys
reqs = json.load(open(sys.argv[1], encoding="utf-8"))
want = dict(zip(sys.argv[2:7], [("money", ""), ("parenting", "Li"), ("crisis", ""),
                                ("language", "Amira"), ("other", "")]))
assert len(reqs) == 5, reqs
assert sorted(r["ticket"] for r in reqs) == sorted(want), reqs
for r in reqs:
    assert (r["topic"], r["name"]) == want[r["ticket"]], r
EOF
echo "ok"
