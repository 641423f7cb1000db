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

# Recurrence rules: impossible rules and a worker at two Kitas at once are reported
# with file:line, each on the line where the mistake is.
rules="$out/rules"
cp -r "$src/assets/demo-site" "$rules"
base=$(wc -l <"$rules/schedule.txt")
cat >>"$rules/schedule.txt" <<'EOT'

Hours: anna
Kita: strolche
Every: 0 weeks
Starting: 2026-09-07
Monday: 13:00-14:00

Hours: anna
Kita: strolche
Weeks: odds
Tuesday: 13:00-14:00

Hours: anna
Kita: strolche
Monthly: fourth
Monday: 15:00-16:00
From: 2027-02-01
Until: 2027-02-21

Hours: anna
Kita: strolche
Every: 2 weeks
Starting: 2026-09-01
Weeks: odd
Friday: 15:00-16:00

Hours: anna
Kita: strolche
From: 2027-01-31
Until: 2026-08-01
Saturday: 10:00-11:00

Hours: anna
Kita: strolche
Monthly: second
Monday: 10:00-11:00
EOT
if check "$rules"; then fail "impossible rules accepted"; fi
cat "$out/stderr"
want() { grep -qF "schedule.txt:$((base + $1)): $2" "$out/stderr" || fail "no schedule.txt:$((base + $1)) '$2'"; }
want 4 "Every: '0 weeks' is not 'N weeks'"
want 10 "Weeks: 'odds' is not 'odd' or 'even'"
want 13 "Hours: this rule never gives a date between 2027-02-01 and 2027-02-21"
want 24 "Weeks: cannot be combined with 'Every'"
want 30 "Until: 2026-08-01 is before From: 2027-01-31"
# The second Monday of the month meets Anna's every-second-week Monday at the Regenbogen
# (9:00-12:00, every second week from 5 January 2026): first on 13 April.
want 36 "Monday: 10:00-11:00 overlaps 09:00-12:00"
grep -qF "of worker 'anna' on 2026-04-13, where both rules give hours" "$out/stderr" ||
  fail "the overlap does not name its date"

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
