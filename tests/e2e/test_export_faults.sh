#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Exporting contact requests onto a bad "USB stick": write-protected, full, a symlink,
# missing. Each time the queue stays intact (3 requests), the staff screen says what is
# wrong, and no partial file is left behind; then an export to a good directory holds
# all three requests.
# Tests run as root, where chmod does not stop a write: the read-only and the full stick
# are tmpfs mounts inside a user + mount namespace (unshare -rm), or plain mounts as root.
#   test_export_faults.sh LOTSE SOURCE_DIR OUT_DIR
set -euo pipefail
lotse=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
# shellcheck source=contact/lib.sh
source "$src/tests/e2e/contact/lib.sh"
in_tmpfs="$src/tests/e2e/contact/in_tmpfs.sh"

data="$out/data"
now=2026-03-10T10:05

# How to mount: in a new user + mount namespace, else directly (root), else skip.
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

# ---- three requests --------------------------------------------------------------------
make_conf "$out/plain.conf" "$out/none"
topics=("Money and benefits" "Crisis and protection" "Something else")
for i in 0 1 2; do
  echo 'lang en'
  echo 'expect-screen home'
  echo 'tap "Find help"'
  echo 'tap "Contact me"'
  echo "tap \"${topics[i]}\""
  echo 'tap-id contact.how.visit'
  echo 'tap "No"'
  echo 'tap "Next"'
  [[ $i == 1 ]] && echo 'type "Li"'
  echo 'tap "Next"'
  echo 'tap "Yes, send"'
  echo 'expect-screen contact-done'
  echo "dump $out/done$i.json"
  echo 'tap "Done"'
  echo 'wait 2000'
done >"$out/requests.lotse"
echo 'expect-queue 3' >>"$out/requests.lotse"
kiosk "$out/plain.conf" "$data" "$now" "$out/requests.lotse" "$out/requests.log" ||
  { cat "$out/requests.log" >&2; fail "requests.lotse"; }
tickets=()
for i in 0 1 2; do tickets+=("$("${helper[@]}" elem "$out/done$i.json" done.code)"); done
echo "tickets: ${tickets[*]}"

# export_script NAME: log in, export, stay on the admin screen; $out/NAME.json is the
# screen after the export.
export_script() {
  {
    admin_login_lines
    echo 'expect-queue 3'
    echo 'tap "Export to USB stick"'
    echo "dump $out/$1.json"
  } >"$out/$1.lotse"
}
# failed NAME WORDS: after export NAME the queue is intact, nothing says "saved", the
# message names WORDS, and the log says the requests stay queued.
failed() {
  local name=$1 words=$2 msg
  msg=$("${helper[@]}" elem "$out/$name.json" admin.message) || fail "$name: no admin.message"
  echo "$name: $msg"
  [[ $msg == *"$words"* ]] || fail "$name: the message does not say '$words': $msg"
  [[ $msg != *"saved on"* ]] || fail "$name: the message says saved: $msg"
  [[ $("${helper[@]}" elem "$out/$name.json" admin.queue) == *"3 requests are waiting"* ]] ||
    fail "$name: the queue summary changed: $("${helper[@]}" elem "$out/$name.json" admin.queue)"
  grep -q "export failed, the requests stay queued" "$out/$name.log" ||
    fail "$name: no 'export failed' log line"
  grep -q "exported" "$out/$name.log" && fail "$name: the log says exported"
  [[ $("${helper[@]}" db "$data/lotse.db") == 3 ]] || fail "$name: the queue lost requests"
}
# run_export NAME [WRAP...]: run $out/NAME.lotse with $out/NAME.conf, expecting the queue
# to stay (the script ends with expect-queue 3).
run_export() {
  local name=$1
  shift
  echo 'expect-queue 3' >>"$out/$name.lotse"
  "$@" "$lotse" --headless --config "$out/$name.conf" --data "$data" --now "$now" \
    --script "$out/$name.lotse" --site "$src/assets/demo-site" --locales "$src/locales" \
    2>"$out/$name.log" || { cat "$out/$name.log" >&2; fail "$name.lotse"; }
}

# ---- a write-protected stick --------------------------------------------------------------
make_conf "$out/ro.conf" "$out/ro"
export_script ro
run_export ro "${wrap[@]}" "$in_tmpfs" ro "$out/ro" "$out/ro.listing"
failed ro "write-protected"
grep -q "Read-only file system" "$out/ro.log" || fail "ro: the log does not name EROFS"
[[ ! -s $out/ro.listing ]] || fail "ro: files left on the stick: $(cat "$out/ro.listing")"

# ---- a full stick ----------------------------------------------------------------------
make_conf "$out/full.conf" "$out/full"
export_script full
run_export full "${wrap[@]}" "$in_tmpfs" full "$out/full" "$out/full.listing"
failed full "full"
grep -q "No space left on device" "$out/full.log" || fail "full: the log does not name ENOSPC"
[[ $(cat "$out/full.listing") == filler ]] ||
  fail "full: a partial file is left on the stick: $(tr '\n' ' ' <"$out/full.listing")"

# ---- a symlink to a real directory is refused ------------------------------------------
mkdir -p "$out/real"
ln -s "$out/real" "$out/link"
make_conf "$out/link.conf" "$out/link"
export_script link
run_export link
failed link "No USB stick"
# (export_dir.c means to log "is a symlink" (ELOOP), but Linux answers O_DIRECTORY |
# O_NOFOLLOW on a symlink with ENOTDIR, so the log says "Not a directory".)
grep -qE "export to $out/link: (is a symlink|Not a directory)" "$out/link.log" ||
  fail "link: the log does not name the refused directory"
[[ -z $(ls -A "$out/real") ]] || fail "link: written through the symlink: $(ls -A "$out/real")"

# The same symlink written with a trailing slash ("Export-Dir: /media/stick/"): path
# resolution would follow the link before O_NOFOLLOW looks at it; it must be refused too.
make_conf "$out/slash.conf" "$out/link/"
export_script slash
echo 'expect-not "saved on"' >>"$out/slash.lotse"
kiosk "$out/slash.conf" "$data" "$now" "$out/slash.lotse" "$out/slash.log" ||
  { cat "$out/slash.log" >&2; fail "slash: the export script failed"; }
[[ -z $(ls -A "$out/real") ]] ||
  fail "slash: written through the symlink '$out/link/': $(ls -A "$out/real")"
failed slash "No USB stick"

# ---- no stick at all ----------------------------------------------------------------------
make_conf "$out/none.conf" "$out/none"
export_script none
run_export none
failed none "No USB stick"
[[ ! -e $out/none ]] || fail "none: the export directory was created"

# ---- a good stick: all three requests ----------------------------------------------------
mkdir -p "$out/good"
make_conf "$out/good.conf" "$out/good"
{
  admin_login_lines
  echo 'expect-queue 3'
  echo 'tap "Export to USB stick"'
  echo 'expect-queue 0'
  echo 'expect "3 requests saved"'
} >"$out/good.lotse"
kiosk "$out/good.conf" "$data" "$now" "$out/good.lotse" "$out/good.log" ||
  { cat "$out/good.log" >&2; fail "good.lotse"; }
files=("$out/good"/*)
[[ ${#files[@]} == 1 && -f ${files[0]} ]] || fail "good: not one export file: $(ls -A "$out/good")"
[[ $(stat -c %a "${files[0]}") == 600 ]] || fail "good: mode $(stat -c %a "${files[0]}")"
open_export "${files[0]}" --json >"$out/open.json" 2>"$out/open.err" ||
  { cat "$out/open.err" >&2; fail "lotse-admin open"; }
python3 - "$out/open.json" "${tickets[@]}" <<'EOF' || fail "good: the export does not hold the 3 requests"
import json, sys
reqs = json.load(open(sys.argv[1], encoding="utf-8"))
want = dict(zip(sys.argv[2:5], [("money", ""), ("crisis", "Li"), ("other", "")]))
assert len(reqs) == 3, reqs
assert sorted(r["ticket"] for r in reqs) == sorted(want), reqs
for r in reqs:
    assert (r["topic"], r["name"]) == want[r["ticket"]], r
    assert r["channel"] == "visit" and r["phone"] == "" and r["interpreter_lang"] == "", r
EOF
[[ $("${helper[@]}" db "$data/lotse.db") == 0 ]] || fail "good: the queue was not emptied"
echo "ok"
