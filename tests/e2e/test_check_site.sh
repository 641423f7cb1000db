#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# --check-site and start-up with bad content: file:line errors, the last good content
# kept, and "out of order" when there never was good content.
#   test_check_site.sh LOTSE SOURCE_DIR OUT_DIR
set -euo pipefail
lotse=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }
check() { "$lotse" --locales "$src/locales" --check-site "$1" >"$out/stdout" 2>"$out/stderr"; }

# The demo site is valid, including every text fitting its box in every language.
check "$src/assets/demo-site" || { cat "$out/stderr"; fail "demo site is not valid"; }
grep -q "valid: 4 Kitas" "$out/stdout" || fail "no summary: $(cat "$out/stdout")"

# Broken copies: each mistake is reported with file, line and field.
bad="$out/bad"
cp -r "$src/assets/demo-site" "$bad"
line_of() { grep -n -m1 -- "$2" "$bad/$1" | cut -d: -f1; }
l1=$(line_of schedule.txt '^Tuesday:')
sed -i "${l1}s/.*/Tuesday: 09:00-25:00/" "$bad/schedule.txt"
l2=$(line_of services.txt '^Costs:')
sed -i "${l2}s/^Costs:/Kosten:/" "$bad/services.txt"
l3=$(line_of site.txt '^Worker:')
sed -i "$((l3 + 1))s/^Name:.*/Nmae: Frau Tippfehler/" "$bad/site.txt"
if check "$bad"; then fail "broken site accepted"; fi
cat "$out/stderr"
grep -q "schedule.txt:$l1: Tuesday:" "$out/stderr" || fail "no schedule.txt:$l1 error"
grep -q "services.txt:$l2: Kosten:" "$out/stderr" || fail "no services.txt:$l2 error"
grep -q "site.txt:$((l3 + 1)): Nmae:" "$out/stderr" || fail "no site.txt:$((l3 + 1)) error"

# A description too long for the service page is reported, not cut.
long="$out/long"
cp -r "$src/assets/demo-site" "$long"
l4=$(grep -n -m1 '^Description:' "$long/services.txt" | cut -d: -f1)
words=$(printf 'Sehr langer Text, der nicht passt. %.0s' $(seq 1 60))
sed -i "${l4}s/.*/Description: $words/" "$long/services.txt"
if check "$long"; then fail "overlong description accepted"; fi
grep -q "services.txt:$l4 (Description): text does not fit" "$out/stderr" ||
  { cat "$out/stderr"; fail "no fit error for services.txt:$l4"; }

# A character no font can draw (a private-use code point) is reported with file and line
# for every language, never drawn as a box.
glyph="$out/glyph"
cp -r "$src/assets/demo-site" "$glyph"
l5=$(grep -n -m1 '^Name:' "$glyph/services.txt" | cut -d: -f1)
sed -i "${l5}s/\$/ \xee\x80\x80/" "$glyph/services.txt"
if check "$glyph"; then fail "a character without a font was accepted"; fi
grep -q "services.txt:$l5 (Name): 1 character without a font (first U+E000) on screen 'service' in language ti" \
  "$out/stderr" || { head -5 "$out/stderr"; fail "no missing-glyph error for services.txt:$l5"; }

# A missing file is named.
rm "$long/schedule.txt"
if check "$long"; then fail "site without schedule.txt accepted"; fi
grep -q "schedule.txt" "$out/stderr" || fail "missing file not named"

# Start-up: a good start saves the content; a broken update then keeps showing it.
script="$out/home.lotse"
printf 'expect-screen home\nexpect "Anna Beispiel"\n' >"$script"
run() { "$lotse" --headless --now 2026-03-10T08:55 --locales "$src/locales" \
          --data "$out/data" --site "$1" --script "$2" 2>"$out/run.log"; }
run "$src/assets/demo-site" "$script" || { cat "$out/run.log"; fail "good start"; }
run "$bad" "$script" || { cat "$out/run.log"; fail "last good content not shown"; }
grep -q "schedule.txt:$l1: Tuesday:" "$out/run.log" || fail "start-up did not log the error"
grep -q "last good site content" "$out/run.log" || fail "fallback not logged"

# Never any good content: a friendly out-of-order screen, no crash.
printf 'expect-screen out-of-order\nexpect "außer Betrieb"\nexpect "Out of order"\nscreenshot %s/ooo.png\ntap 640 400\nexpect-screen out-of-order\n' "$out" >"$script"
rm -rf "$out/data"
run "$bad" "$script" || { cat "$out/run.log"; fail "out-of-order screen"; }
echo "ok"
