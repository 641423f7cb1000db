#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Translations: every PO file (UI and demo site) passes `msgfmt --check`; every language
# of locales/languages.txt has its UI catalog, complete, with the placeholders of the
# original; `lotse --translation-status` reports it and fails on a broken placeholder.
#   test_translations.sh LOTSE SOURCE_DIR OUT_DIR
set -euo pipefail
lotse=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }

n=0
for po in "$src"/locales/*.po "$src"/assets/demo-site/locales/*.po; do
  msgfmt --check -o /dev/null "$po" 2>"$out/msgfmt.err" || { cat "$out/msgfmt.err"; fail "msgfmt --check $po"; }
  n=$((n + 1))
done
echo "msgfmt --check: $n files"

"$lotse" --locales "$src/locales" --translation-status >"$out/status" 2>"$out/status.err" ||
  { cat "$out/status.err"; fail "--translation-status failed"; }
cat "$out/status"
langs=$(grep -c '^Language:' "$src/locales/languages.txt")
rows=$(($(wc -l <"$out/status") - 1))
[[ "$rows" == "$langs" ]] || fail "$rows status rows for $langs languages"
# Columns: code name... translated/total fuzzy missing. Every language complete.
awk 'NR > 1 { split($(NF-2), a, "/"); if (a[1] != a[2] || $(NF-1) != 0 || $NF != 0) { print "incomplete: " $0; bad = 1 } }
     END { exit bad }' "$out/status" || fail "a language is not complete"

# Every demo-site language file belongs to a kiosk language, and every non-English
# language translates the demo content too.
for code in $(sed -n 's/^Language: *//p' "$src/locales/languages.txt"); do
  [[ "$code" == de ]] && continue
  [[ -f "$src/assets/demo-site/locales/$code.po" ]] || fail "demo site has no $code.po"
done

# A broken placeholder is found and named with file and line.
cp -r "$src/locales" "$out/locales"
sed -i 's/msgstr "Nächste Sprechstunde: {when}"/msgstr "Nächste Sprechstunde: {wann}"/' "$out/locales/de.po"
if "$lotse" --locales "$out/locales" --translation-status >/dev/null 2>"$out/broken.err"; then
  fail "a wrong placeholder was accepted"
fi
grep -q 'de.po:[0-9]*: the translation lacks the placeholder {when}' "$out/broken.err" ||
  fail "no file:line for the wrong placeholder: $(cat "$out/broken.err")"
echo "translations: OK"
