#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# lotse-admin end to end: keygen (files, modes, no overwrite), pin (a hash line), open an
# export sealed by the library (table, CSV, JSON, an Arabic name intact), and clear errors
# with exit 1 for a wrong passphrase, a wrong key, a truncated or damaged export; usage
# errors exit 2.
#   test_admin.sh LOTSE_ADMIN MAKE_EXPORT OUT_DIR
set -euo pipefail
admin=$1 make_export=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }
# run EXPECTED_STATUS ARGS...: run lotse-admin, stdout/stderr to $out/stdout, $out/stderr.
run() {
  local want=$1 rc=0
  shift
  "$admin" "$@" >"$out/stdout" 2>"$out/stderr" || rc=$?
  if [[ $rc != "$want" ]]; then
    cat "$out/stdout" "$out/stderr" >&2
    fail "lotse-admin $* exited $rc, expected $want"
  fi
}
has_err() { grep -qF -- "$1" "$out/stderr" || fail "stderr lacks '$1': $(cat "$out/stderr")"; }
has_out() { grep -qF -- "$1" "$out/stdout" || fail "stdout lacks '$1': $(cat "$out/stdout")"; }
mode() { stat -c %a "$1"; }

printf 'Sonnenblume am Fenster 7\n' >"$out/pass"
printf 'falsche Passphrase\n' >"$out/wrong-pass"

# keygen: two files with the right modes, even under a strict umask; never overwritten.
(umask 077 && run 0 keygen --out "$out/keys" --passphrase-file "$out/pass")
[[ -f $out/keys/worker.pk && -f $out/keys/worker.sk ]] || fail "key files missing"
[[ $(mode "$out/keys/worker.pk") == 644 ]] || fail "worker.pk mode $(mode "$out/keys/worker.pk")"
[[ $(mode "$out/keys/worker.sk") == 600 ]] || fail "worker.sk mode $(mode "$out/keys/worker.sk")"
grep -qE '^lotse-worker-pk v1 [A-Za-z0-9+/=]{44}$' "$out/keys/worker.pk" || fail "worker.pk format"
grep -qE '^lotse-worker-sk v1 [^ ]+ [^ ]+ [^ ]+$' "$out/keys/worker.sk" || fail "worker.sk format"
if grep -qF "Sonnenblume" "$out/keys/worker.sk"; then fail "passphrase in the key file"; fi
sk_before=$(sha256sum <"$out/keys/worker.sk")
run 1 keygen --out "$out/keys" --passphrase-file "$out/pass"
has_err "refusing to overwrite"
[[ $(sha256sum <"$out/keys/worker.sk") == "$sk_before" ]] || fail "worker.sk changed"
printf 'kurz\n' >"$out/short"
run 1 keygen --out "$out/short-keys" --passphrase-file "$out/short"
has_err "too short"
[[ ! -e $out/short-keys/worker.sk ]] || fail "key written despite a short passphrase"
run 0 keygen --out "$out/other-keys" --passphrase-file "$out/pass"

# pin: one configuration line with an Argon2id hash; a bad PIN is refused.
printf '482913\n' >"$out/pin"
run 0 pin --pin-file "$out/pin"
# shellcheck disable=SC2016 # the $ are literal
grep -qE '^Admin-PIN: \$argon2id\$v=19\$m=[0-9]+,t=[0-9]+,p=1\$' "$out/stdout" ||
  fail "no hash line: $(cat "$out/stdout")"
[[ $(wc -l <"$out/stdout") == 1 ]] || fail "more than the hash line on stdout"
if grep -qF 482913 "$out/stdout"; then fail "the PIN itself was printed"; fi
printf '12ab\n' >"$out/bad-pin"
run 1 pin --pin-file "$out/bad-pin"
has_err "4 to 8 digits"

# An export of three requests, sealed to worker.pk as the kiosk does.
"$make_export" "$out/keys/worker.pk" "$out/export.txt" || fail "make_export"
[[ $(head -n1 "$out/export.txt") == "lotse-export v1" ]] || fail "export header"
[[ $(wc -l <"$out/export.txt") == 5 ]] || fail "export has $(wc -l <"$out/export.txt") lines"
if grep -qF "481 207" "$out/export.txt"; then fail "plaintext in the export"; fi

open_args=(open "$out/export.txt" --key "$out/keys/worker.sk" --passphrase-file "$out/pass")
run 0 "${open_args[@]}"
for want in "Ticket" "481 207" "593 664" "720 318" "ليلى حسن" "+49 171 2345678" \
            'Anna "Anni", B.' "3 requests"; do
  has_out "$want"
done

run 0 "${open_args[@]}" --csv
python3 - "$out/stdout" <<'EOF' || fail "CSV"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
assert rows[0] == ["ticket", "day", "topic", "channel", "interpreter_lang", "name", "phone"], rows[0]
assert [r[0] for r in rows[1:]] == ["481 207", "593 664", "720 318"], rows
assert rows[1][5] == "ليلى حسن" and rows[1][4] == "ar", rows[1]
assert rows[2][5] == "" and rows[2][6] == "", rows[2]
assert rows[3][5] == 'Anna "Anni", B.', rows[3]
assert open(sys.argv[1], "rb").read().count(b"\r\n") == 4
EOF

run 0 "${open_args[@]}" --json
python3 - "$out/stdout" <<'EOF' || fail "JSON"
import json, sys
reqs = json.load(open(sys.argv[1], encoding="utf-8"))
assert [r["ticket"] for r in reqs] == ["481 207", "593 664", "720 318"], reqs
assert reqs[0]["name"] == "ليلى حسن" and reqs[0]["phone"] == "+49 171 2345678", reqs[0]
assert reqs[1]["name"] == "" and reqs[1]["channel"] == "visit", reqs[1]
assert reqs[2]["name"] == 'Anna "Anni", B.', reqs[2]
EOF

# Wrong passphrase, wrong key, a public key where the secret one belongs.
run 1 open "$out/export.txt" --key "$out/keys/worker.sk" --passphrase-file "$out/wrong-pass"
has_err "wrong passphrase or damaged key file"
[[ ! -s $out/stdout ]] || fail "output despite a wrong passphrase"
run 1 open "$out/export.txt" --key "$out/other-keys/worker.sk" --passphrase-file "$out/pass"
has_err "cannot be opened with this key"
has_err "no request could be opened"
if grep -qF "481 207" "$out/stdout"; then fail "a request opened with the wrong key"; fi
run 1 open "$out/export.txt" --key "$out/keys/worker.pk" --passphrase-file "$out/pass"
has_err "this is a worker public key file"

# Truncated and damaged exports: named, exit 1, nothing printed.
head -n 4 "$out/export.txt" >"$out/no-end.txt"
run 1 open "$out/no-end.txt" --key "$out/keys/worker.sk" --passphrase-file "$out/pass"
has_err "no-end.txt: truncated: no end line"
head -c 900 "$out/export.txt" >"$out/cut.txt"
run 1 open "$out/cut.txt" --key "$out/keys/worker.sk" --passphrase-file "$out/pass"
has_err "cut.txt: truncated: no end line"
# One letter of line 3 changed to another base64 letter: only the checksum can tell.
python3 - "$out/export.txt" "$out/flipped.txt" <<'EOF'
import sys
lines = open(sys.argv[1]).read().split("\n")
c = lines[2][10]
lines[2] = lines[2][:10] + ("B" if c == "A" else "A") + lines[2][11:]
open(sys.argv[2], "w").write("\n".join(lines))
EOF
run 1 open "$out/flipped.txt" --key "$out/keys/worker.sk" --passphrase-file "$out/pass"
has_err "flipped.txt:5: checksum mismatch"
sed '3s/^\(.\{10\}\)./\1!/' "$out/export.txt" >"$out/bad64.txt"
run 1 open "$out/bad64.txt" --key "$out/keys/worker.sk" --passphrase-file "$out/pass"
has_err "bad64.txt:3: not base64"
[[ ! -s $out/stdout ]] || fail "output from a damaged export"
run 1 open "$out/missing.txt" --key "$out/keys/worker.sk" --passphrase-file "$out/pass"
has_err "missing.txt: No such file or directory"

# Without a terminal and without --passphrase-file: a message, not a hang.
if command -v setsid >/dev/null; then
  rc=0
  setsid -w "$admin" open "$out/export.txt" --key "$out/keys/worker.sk" </dev/null \
    >"$out/stdout" 2>"$out/stderr" || rc=$?
  [[ $rc == 1 ]] || fail "no terminal: exit $rc"
  has_err "no terminal to ask on"
fi

# Usage errors exit 2.
run 2
run 2 frobnicate
has_err "unknown command 'frobnicate'"
run 2 keygen
run 2 open "$out/export.txt"
has_err "needs --key"
run 2 open "$out/export.txt" --key "$out/keys/worker.sk" --csv --json
run 2 open --key
run 0 --help
has_out "lotse-admin open EXPORT --key SKFILE"
echo "ok"
