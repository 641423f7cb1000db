#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# A FIFO (or another non-regular file) where the kiosk or lotse-admin reads a file must
# not block the start: opening a FIFO for reading waits for a writer that never comes.
# Every file is read by the one reader in src/platform/files.c, which refuses anything
# but a regular file with "PATH: not a regular file". Cases:
#   1. site.txt is a FIFO, a last good copy is saved: the kiosk starts with it.
#   2. The same without a saved copy: the kiosk starts on "out of order".
#   3. A translation of the site (locales/en.po in the site folder) is a FIFO: as 1.
#   4. Worker-Key names a FIFO: the configuration is refused (exit 2) with the file
#      named, as for any unreadable key file.
#   5. The configuration file itself is a FIFO: refused (exit 2), naming it.
#   6. lotse-admin open with a FIFO as the export or as the key: exit 1, naming it.
# Each run has a timeout, so a hang fails the test instead of blocking ctest.
#   test_fifo.sh LOTSE SOURCE_DIR OUT_DIR
set -euo pipefail
lotse=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
# shellcheck source=contact/lib.sh
source "$src/tests/e2e/contact/lib.sh"
limit=60 # seconds; a normal run takes about one (more under ASan)

# run LOG EXPECTED_RC CMD...: run CMD with the time limit, stderr to LOG.
run() {
  local log=$1 want=$2 rc=0
  shift 2
  timeout -k 5 "$limit" "$@" 2>"$log" >"$log.out" || rc=$?
  [[ $rc != 124 && $rc != 137 ]] || fail "$* hung (killed after ${limit} s)"
  if [[ $rc != "$want" ]]; then
    cat "$log" >&2
    fail "$*: exit $rc, expected $want"
  fi
}
has() { # LOG TEXT
  grep -qF -- "$2" "$1" || { cat "$1" >&2; fail "$1 does not say: $2"; }
}
kiosk_on() { # SITE DATA SCRIPT LOG [EXTRA OPTION...]
  run "$4" 0 "$lotse" --headless --site "$1" --data "$2" --locales "$src/locales" \
    --now 2026-03-10T08:55 --script "$3" "${@:5}"
}

cp -r "$src/assets/demo-site" "$out/site"
printf 'lang de\nexpect-screen home\n' >"$out/home.lotse"
printf 'expect-screen out-of-order\n' >"$out/ooo.lotse"

# 1. A last good copy first, then site.txt becomes a FIFO.
kiosk_on "$out/site" "$out/data" "$out/home.lotse" "$out/good.log"
mv "$out/site/site.txt" "$out/site.txt.real"
mkfifo "$out/site/site.txt"
kiosk_on "$out/site" "$out/data" "$out/home.lotse" "$out/fifo-site.log"
has "$out/fifo-site.log" "$out/site/site.txt: not a regular file"
has "$out/fifo-site.log" "showing the last good site content"

# 2. No saved copy: out of order, not a hang.
kiosk_on "$out/site" "$out/data-fresh" "$out/ooo.lotse" "$out/fifo-fresh.log"
has "$out/fifo-fresh.log" "$out/site/site.txt: not a regular file"
has "$out/fifo-fresh.log" "showing 'out of order'"
rm "$out/site/site.txt"
mv "$out/site.txt.real" "$out/site/site.txt"

# 3. A site translation is a FIFO.
po=$(find "$out/site/locales" -name '*.po' | sort | head -1)
[[ -n $po ]] || fail "the demo site has no locales/*.po"
mv "$po" "$out/po.real"
mkfifo "$po"
kiosk_on "$out/site" "$out/data" "$out/home.lotse" "$out/fifo-po.log"
has "$out/fifo-po.log" "$po: not a regular file"
has "$out/fifo-po.log" "showing the last good site content"
rm "$po"
mv "$out/po.real" "$po"

# 4. Worker-Key names a FIFO.
mkfifo "$out/worker.pk"
printf 'Worker-Key: %s\n' "$out/worker.pk" >"$out/key.conf"
run "$out/fifo-key.log" 2 "$lotse" --headless --config "$out/key.conf" --site "$out/site" \
  --data "$out/data" --locales "$src/locales" --script "$out/home.lotse"
has "$out/fifo-key.log" "$out/key.conf:1: Worker-Key: $out/worker.pk: not a regular file"

# 5. The configuration file is a FIFO.
mkfifo "$out/fifo.conf"
run "$out/fifo-conf.log" 2 "$lotse" --headless --config "$out/fifo.conf" --site "$out/site" \
  --data "$out/data" --locales "$src/locales" --script "$out/home.lotse"
has "$out/fifo-conf.log" "$out/fifo.conf: not a regular file"

# 6. lotse-admin: the export and the secret key.
mkfifo "$out/export.txt"
run "$out/admin-export.log" 1 "$admin" open "$out/export.txt" \
  --key "$src/assets/demo-keys/worker.sk" --passphrase-file "$pass_file"
has "$out/admin-export.log" "$out/export.txt: not a regular file"
make_export="$(dirname "$lotse")/tests/make_export" # tests/CMakeLists.txt builds it
[[ -x $make_export ]] || fail "no $make_export"
"$make_export" "$src/assets/demo-keys/worker.pk" "$out/good-export.txt" || fail "make_export"
run "$out/admin-key.log" 1 "$admin" open "$out/good-export.txt" --key "$out/worker.pk" \
  --passphrase-file "$pass_file"
has "$out/admin-key.log" "$out/worker.pk: not a regular file"
echo "ok: no FIFO blocked the kiosk or lotse-admin"
