#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# A damaged state database: the kiosk still starts, moves the bad file aside (renamed, not
# deleted, with its WAL), starts a fresh queue that takes requests at once, says so on the
# staff screen and in the log. Cases: a file that is not a database at all, and a real
# database cut in half (a power cut on a card that lies about flushing).
#   test_db_damaged.sh LOTSE SOURCE_DIR OUT_DIR
set -euo pipefail
lotse=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }

{
  echo "Worker-Key: $src/assets/demo-keys/worker.pk"
  grep '^Admin-PIN:' "$src/assets/demo-keys/demo.conf" # the demo PIN, 1234
} >"$out/test.conf"
run() { # data script log
  "$lotse" --headless --data "$1" --locales "$src/locales" --site "$src/assets/demo-site" \
    --config "$out/test.conf" --now 2026-11-23T10:00 --script "$2" 2>"$3"
}
request='tap-id start
tap-id menu.contact
tap-id contact.topic.money
tap-id contact.how.visit
tap-id contact.next
tap-id contact.next
tap-id contact.next
expect-screen contact-done
tap-id done.ok'
# A minute apart: identical requests within a minute are merged by the flood guard.
cat >"$out/requests.lotse" <<S
$request
wait 61000
$request
wait 61000
$request
expect-queue 3
S
cat >"$out/recovered.lotse" <<S
expect-screen home
expect-queue 0
hold 10 10 5000
tap-id pin.1
tap-id pin.2
tap-id pin.3
tap-id pin.4
tap-id pin.ok
expect-screen admin
lang en
expect "The request database was damaged"
expect "lotse.db.damaged-1"
screenshot admin-notice.png
tap-id admin.leave
$request
expect-queue 1
S

# 1. Not a database at all.
d1="$out/garbage"
mkdir -p "$d1"
head -c 20000 /dev/urandom >"$d1/lotse.db"
cp "$d1/lotse.db" "$out/garbage.orig"
(cd "$out" && run "$d1" "$out/recovered.lotse" "$out/garbage.log") ||
  { cat "$out/garbage.log"; fail "garbage: the kiosk did not recover"; }
grep -q "state database was damaged: moved aside to $d1/lotse.db.damaged-1" "$out/garbage.log" ||
  fail "garbage: not logged"
cmp -s "$d1/lotse.db.damaged-1" "$out/garbage.orig" || fail "garbage: the bad file was not kept as it was"

# 2. A real database with three requests, cut in half.
d2="$out/truncated"
run "$d2" "$out/requests.lotse" "$out/requests.log" || { cat "$out/requests.log"; fail "requests"; }
python3 - "$d2/lotse.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything into the main file first
db.close()
PY
size=$(stat -c %s "$d2/lotse.db")
truncate -s $((size / 2)) "$d2/lotse.db"
(cd "$out" && run "$d2" "$out/recovered.lotse" "$out/truncated.log") ||
  { cat "$out/truncated.log"; fail "truncated: the kiosk did not recover"; }
grep -q "moved aside to $d2/lotse.db.damaged-1" "$out/truncated.log" || fail "truncated: not logged"
[[ $(stat -c %s "$d2/lotse.db.damaged-1") == $((size / 2)) ]] || fail "truncated: the bad file changed"
python3 - "$d2/lotse.db" <<'PY' || fail "the fresh database"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
assert db.execute("SELECT count(*) FROM request").fetchone()[0] == 1
PY

# 3. A healthy database is left alone.
printf 'expect-screen home\nexpect-queue 1\n' >"$out/healthy.lotse"
(cd "$out" && run "$d2" "$out/healthy.lotse" "$out/healthy.log") || { cat "$out/healthy.log"; fail "healthy"; }
grep -q "damaged" "$out/healthy.log" && fail "a healthy database was called damaged"
[[ ! -e "$d2/lotse.db.damaged-2" ]] || fail "a healthy database was moved aside"
echo "damaged database: OK"
