# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by the contact-request end-to-end tests. Source it after setting
#   lotse (the binary), src (the source tree), out (this test's output directory).
# Provides: fail, admin (lotse-admin), helper (python3 helper.py), make_conf, kiosk,
# pass_file, open_export, pin_lines, admin_login_lines.
# shellcheck shell=bash
# shellcheck disable=SC2154,SC2034 # lotse/src/out come from, helper is used by, the test
: "${lotse:?}" "${src:?}" "${out:?}"

fail() { echo "FAIL: $*" >&2; exit 1; }
admin="$(dirname "$lotse")/lotse-admin"
[[ -x $admin ]] || fail "no lotse-admin next to $lotse"
helper=(python3 "$src/tests/e2e/contact/helper.py")
command -v python3 >/dev/null || fail "python3 is needed"

# make_conf FILE EXPORT_DIR [EXTRA LINE...]: a configuration with the demo worker key,
# the demo PIN (1234) and the given export directory.
make_conf() {
  local file=$1 dir=$2
  shift 2
  {
    echo "# written by $(basename "$0")"
    echo "Worker-Key: $src/assets/demo-keys/worker.pk"
    grep '^Admin-PIN:' "$src/assets/demo-keys/demo.conf"
    echo "Export-Dir: $dir"
    local l
    for l in "$@"; do echo "$l"; done
  } >"$file"
}

# kiosk CONF DATA NOW SCRIPT LOG: run the kiosk headless on the demo site; stderr to LOG.
# Returns the kiosk's exit status.
kiosk() {
  "$lotse" --headless --config "$1" --data "$2" --now "$3" --script "$4" \
    --site "$src/assets/demo-site" --locales "$src/locales" 2>"$5"
}

# A passphrase file for the demo secret key.
pass_file="$out/passphrase"
printf 'demo-passphrase\n' >"$pass_file"

# open_export FILE [--json|--csv]: lotse-admin open with the demo key; stdout is the
# listing.
open_export() {
  "$admin" open "$1" --key "$src/assets/demo-keys/worker.sk" --passphrase-file "$pass_file" "${@:2}"
}

# pin_lines DIGITS: script lines that type DIGITS on the admin PIN pad and press OK.
pin_lines() {
  local pin=$1 i
  for ((i = 0; i < ${#pin}; i++)); do echo "tap \"${pin:i:1}\""; done
  echo 'tap "OK"'
}

# The script lines of the staff access with PIN 1234, from the home screen.
admin_login_lines() {
  echo 'lang en'
  echo 'expect-screen home'
  echo '# a long press on the top-left corner of the home screen'
  echo 'hold 10 10 5000'
  echo 'expect-screen admin-pin'
  pin_lines 1234
  echo 'expect-screen admin'
}
