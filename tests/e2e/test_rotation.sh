#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Display rotation and touch mapping (Rotation:, Touch-Transform:; core/orient.h) in the
# real binary: the panel shows exactly the unturned picture, turned; the layout is the
# same as on an unturned panel of the turned size; a finger on the panel where a button
# shows presses that button (through SDL's real touch events), also with a touch panel
# that reports swapped/inverted axes; a bad value is refused with file:line.
#   test_rotation.sh LOTSE SOURCE_DIR OUT_DIR
set -euo pipefail
lotse=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
cd "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }

run() { # run NAME SIZE CONFIG-LINES... : the script NAME.lotse with a config of those lines
  local name=$1 size=$2
  shift 2
  printf '%s\n' "$@" >"$name.conf"
  "$lotse" --headless --size "$size" --config "$name.conf" --site "$src/assets/demo-site" \
    --locales "$src/locales" --data "$out/data-$name" --now 2026-03-10T08:55 \
    --greeting-rotation 0 --script "$name.lotse" 2>"$name.log" ||
    { cat "$name.log" >&2; fail "$name: the kiosk failed"; }
}

# The reference: unturned panels of both shapes.
printf 'dump ref-landscape.json\nscreenshot ref-landscape.png\n' >ref-landscape.lotse
run ref-landscape 800x480 "Rotation: 0"
printf 'dump ref-portrait.json\nscreenshot ref-portrait.png\n' >ref-portrait.lotse
run ref-portrait 480x800 "Rotation: 0"

same_picture() { # same_picture A B : pixel-identical
  local d
  d=$(/usr/bin/compare -metric AE "$1" "$2" null: 2>&1) || true
  [[ "$d" == 0 ]] || fail "$1 and $2 differ in $d pixels"
}
same_layout() { # the display lists are equal
  cmp -s "$1" "$2" || fail "the layout $1 differs from $2"
}

# A landscape panel (800x480) hung upside down and upright (both ways).
for r in 180 90 270; do
  printf 'dump r%s.json\nscreenshot r%s.png\n' "$r" "$r" >"r$r.lotse"
  run "r$r" 800x480 "Rotation: $r"
  [[ $(identify -format '%wx%h' "r$r.png") == 800x480 ]] || fail "r$r.png is not the panel's size"
  # Turning the panel's picture back gives the unturned picture of the layout's shape.
  if [[ $r == 180 ]]; then
    ref=ref-landscape
  else
    ref=ref-portrait
  fi
  /usr/bin/convert "r$r.png" -rotate "-$r" "r$r-back.png"
  same_picture "r$r-back.png" "$ref.png"
  same_layout "r$r.json" "$ref.json"
done
echo "ok: 90, 180 and 270 degrees show the unturned picture, turned"

# Where the "Hilfe finden" button is, normalised to the layout (from the reference dump).
button() { # button DUMP ID -> "a b": its centre, normalised
  python3 - "$1" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
e = next(e for e in d["elements"] if e.get("id") == sys.argv[2])
print((e["x"] + e["w"] / 2) / d["width"], (e["y"] + e["h"] / 2) / d["height"])
PY
}
id=start
read -r a b < <(button ref-portrait.json "$id")

# Turned 90 degrees clockwise, a logical point (a, b) shows at panel (1 - b, a).
u=$(python3 -c "print(1 - $b)") v=$a
printf 'finger-down 1 %s %s\nfinger-up 1 %s %s\nexpect-screen menu\n' "$u" "$v" "$u" "$v" >touch90.lotse
run touch90 800x480 "Rotation: 90"
# The same finger on an unturned portrait panel would be somewhere else entirely.
printf 'finger-down 1 %s %s\nfinger-up 1 %s %s\nexpect-screen home\n' "$u" "$v" "$u" "$v" >touch0.lotse
run touch0 480x800 "Rotation: 0"

# A touch panel that reports its axes swapped and x inverted: the panel says (b, 1 - a)
# for the logical point (a, b) of a landscape layout.
read -r a b < <(button ref-landscape.json "$id")
u=$b v=$(python3 -c "print(1 - $a)")
printf 'finger-down 7 %s %s\nfinger-up 7 %s %s\nexpect-screen menu\n' "$u" "$v" "$u" "$v" >swap.lotse
run swap 800x480 "Touch-Transform: swap-xy invert-x"
echo "ok: fingers land on the turned button, also with a swapped, inverted touch panel"

# Bad values: refused with the file and line.
printf 'Rotation: 0\nRotation: 45\n' >bad.conf
if "$lotse" --headless --config bad.conf --check-site "$src/assets/demo-site" \
  --locales "$src/locales" 2>bad.log; then
  fail "Rotation: 45 was accepted"
fi
grep -q 'bad.conf:2.*Rotation.*0, 90, 180 or 270' bad.log || { cat bad.log >&2; fail "no file:line for Rotation: 45"; }
printf 'Touch-Transform: swap-xy mirror\n' >bad2.conf
if "$lotse" --headless --config bad2.conf --check-site "$src/assets/demo-site" \
  --locales "$src/locales" 2>bad2.log; then
  fail "Touch-Transform: mirror was accepted"
fi
grep -q "bad2.conf:1.*mirror" bad2.log || { cat bad2.log >&2; fail "no file:line for mirror"; }
echo "ok: bad values are refused with file:line"
