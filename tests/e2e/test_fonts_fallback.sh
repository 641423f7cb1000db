#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# A font file missing or damaged: the kiosk falls back (the regular font to DejaVu Sans,
# an Arabic-script letter to the next font of its chain) and never crashes, and one log
# line names the file and why. Each bad file is missing, empty, garbage, truncated, or
# whole but with garbage glyph outlines; it is the configured regular font (Font-Regular),
# the bold font (Font-Bold), the default regular font or the Arabic font (both through
# LOTSE_FONT_DIR, which moves the system font directories). Each run goes through the
# home screen and the menu in German and Arabic, takes screenshots and exits 0; the
# regular-weight texts are really drawn (their boxes hold dark pixels: a font that opens
# but draws nothing would leave them empty). Without any usable font the kiosk and
# --check-site stop with a clear error: exit 1, no crash, no sanitizer report.
#   test_fonts_fallback.sh LOTSE SOURCE_DIR OUT_DIR
set -euo pipefail
lotse=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }

noto=/usr/share/fonts/truetype/noto dejavu=/usr/share/fonts/truetype/dejavu
fonts=("$noto/NotoSans-Regular.ttf" "$noto/NotoSans-Bold.ttf"
       "$noto/NotoSansArabic-Regular.ttf" "$noto/NotoSansArabic-Bold.ttf"
       "$noto/NotoSansEthiopic-Regular.ttf" "$noto/NotoSansEthiopic-Bold.ttf"
       "$dejavu/DejaVuSans.ttf" "$dejavu/DejaVuSans-Bold.ttf")
for f in "${fonts[@]}"; do [[ -f $f ]] || fail "system font $f is missing (scripts/deps.sh)"; done

# good_dir DIR: a font directory with every default font (links to the system files).
good_dir() {
  mkdir -p "$1"
  local f
  for f in "${fonts[@]}"; do ln -sf "$f" "$1/"; done
}
# bad_font KIND FILE ORIGINAL: make FILE a bad copy of ORIGINAL.
bad_font() {
  local kind=$1 file=$2 orig=$3
  rm -f "$file"
  case $kind in
    missing) ;;
    empty) : >"$file" ;;
    garbage) python3 -c 'import random, sys
random.seed(7)
sys.stdout.buffer.write(bytes(random.getrandbits(8) for _ in range(60000)))' >"$file" ;;
    truncated) head -c $(($(stat -L -c %s "$orig") / 2)) "$orig" >"$file" ;;
    damaged) # whole, but the glyph outlines ('glyf') are random bytes
      python3 - "$orig" "$file" <<'PY' ;;
import random, struct, sys
d = bytearray(open(sys.argv[1], "rb").read())
random.seed(7)
for i in range(struct.unpack(">H", d[4:6])[0]):
    tag, _, off, length = struct.unpack(">4sIII", d[12 + 16 * i:28 + 16 * i])
    if tag == b"glyf":
        d[off:off + length] = bytes(random.getrandbits(8) for _ in range(length))
open(sys.argv[2], "wb").write(d)
PY
    *) fail "bad_font: unknown kind $kind" ;;
  esac
}

cat >"$out/tour.lotse" <<'S'
expect-screen home
dump home-de.json
screenshot home-de.png
tap-id start
expect-screen menu
screenshot menu-de.png
lang ar
expect-screen menu
dump menu-ar.json
screenshot menu-ar.png
back
expect-screen home
dump home-ar.json
screenshot home-ar.png
S

# Dark pixels in the box of a text element (from the dump) of a screenshot: the text is
# drawn. Standard library only (PNG: 8-bit RGB or RGBA, not interlaced).
cat >"$out/ink.py" <<'PY'
import json, struct, sys, zlib

def read_png(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and ctype in (2, 6) and interlace == 0, (depth, ctype)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    bpp = 3 if ctype == 2 else 4
    raw, stride = zlib.decompress(idat), w * bpp
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return w, h, bpp, rows

png, dump = sys.argv[1], sys.argv[2]
w, h, bpp, rows = read_png(png)
els = {e["id"]: e for e in json.load(open(dump, encoding="utf-8"))["elements"]}
bad = []
for eid in sys.argv[3:]:
    e = els.get(eid)
    if not e:
        bad.append(eid + " missing")
        continue
    dark = 0
    for y in range(e["y"], min(e["y"] + e["h"], h)):
        row = rows[y]
        for x in range(e["x"], min(e["x"] + e["w"], w)):
            r, g, b = row[x * bpp:x * bpp + 3]
            dark += r + g + b < 3 * 140
    if dark < 40:
        bad.append("%s: %d dark pixels (its text is not drawn)" % (eid, dark))
if bad:
    sys.exit("%s: %s" % (png, "; ".join(bad)))
PY

# run NAME LOG_PATTERN [ENV=VALUE...] -- [LOTSE ARGS...]: the tour in $out/NAME with
# $out/NAME.conf; exit 0, no crash, LOG_PATTERN (grep -E; "" for none) in the log and no
# other font complaint, the regular texts drawn in German and Arabic.
run() {
  local name=$1 pattern=$2 d="$out/$1"
  shift 2
  local envs=()
  while [[ $1 != -- ]]; do envs+=("$1"); shift; done
  shift
  mkdir -p "$d"
  [[ -f $out/$name.conf ]] || : >"$out/$name.conf"
  local rc=0
  (cd "$d" && env "${envs[@]}" "$lotse" --headless --config "$out/$name.conf" --data "$d/data" \
    --locales "$src/locales" --site "$src/assets/demo-site" --now 2026-03-10T08:55 \
    --script "$out/tour.lotse" "$@" 2>"$d/log") || rc=$?
  [[ $rc == 0 ]] || { cat "$d/log" >&2; fail "$name: exit $rc"; }
  if grep -E "AddressSanitizer|runtime error|Segmentation" "$d/log"; then fail "$name: sanitizer"; fi
  if [[ -n $pattern ]]; then
    grep -E "$pattern" "$d/log" || { cat "$d/log" >&2; fail "$name: no log line /$pattern/"; }
    [[ $(grep -c "not usable" "$d/log") == 1 ]] || { cat "$d/log" >&2; fail "$name: not one font log line"; }
  elif grep "not usable\|synthetic bold" "$d/log"; then
    fail "$name: a font complaint with good fonts"
  fi
  python3 "$out/ink.py" "$d/home-de.png" "$d/home-de.json" kita next.lead next.0.name ||
    fail "$name: German text not drawn"
  python3 "$out/ink.py" "$d/home-ar.png" "$d/home-ar.json" kita next.lead next.0.name ||
    fail "$name: Arabic text not drawn"
  echo "$name: ok"
}

good="$out/fonts-good"
good_dir "$good"
run good "" "LOTSE_FONT_DIR=$good" --

for kind in missing empty garbage truncated damaged; do
  # The configured regular font: DejaVu Sans instead.
  bad_font $kind "$out/regular-$kind.ttf" "$noto/NotoSans-Regular.ttf"
  echo "Font-Regular: $out/regular-$kind.ttf" >"$out/regular-$kind.conf"
  run "regular-$kind" "regular font not usable \\($out/regular-$kind.ttf: .*\\); using $dejavu/DejaVuSans.ttf" --
  # The Arabic font: Arabic letters from the next font that has them.
  dir="$out/fonts-arabic-$kind"
  good_dir "$dir"
  bad_font $kind "$dir/NotoSansArabic-Regular.ttf" "$noto/NotoSansArabic-Regular.ttf"
  run "arabic-$kind" "font $dir/NotoSansArabic-Regular.ttf not usable \\(.+\\); falling back" \
    "LOTSE_FONT_DIR=$dir" --
done

# The default regular font damaged: DejaVu Sans from the same directory.
dir="$out/fonts-noto-truncated"
good_dir "$dir"
bad_font truncated "$dir/NotoSans-Regular.ttf" "$noto/NotoSans-Regular.ttf"
run noto-truncated "regular font not usable \\($dir/NotoSans-Regular.ttf: truncated.*\\); using $dir/DejaVuSans.ttf" \
  "LOTSE_FONT_DIR=$dir" --

# The bold font garbage: DejaVu Sans Bold.
bad_font garbage "$out/bold-garbage.ttf" "$noto/NotoSans-Bold.ttf"
echo "Font-Bold: $out/bold-garbage.ttf" >"$out/bold-garbage.conf"
run bold-garbage "bold font not usable \\($out/bold-garbage.ttf: .*\\); using $dejavu/DejaVuSans-Bold.ttf" --

# A damaged Arabic bold font and a missing Ethiopic font together (Tigrinya on the home
# screen has no font then: drawn as boxes, still no crash).
dir="$out/fonts-mixed"
good_dir "$dir"
bad_font truncated "$dir/NotoSansArabic-Bold.ttf" "$noto/NotoSansArabic-Bold.ttf"
rm -f "$dir/NotoSansEthiopic-Regular.ttf" "$dir/NotoSansEthiopic-Bold.ttf"
d="$out/mixed"
mkdir -p "$d"
(cd "$d" && LOTSE_FONT_DIR=$dir "$lotse" --headless --data "$d/data" --locales "$src/locales" \
  --site "$src/assets/demo-site" --now 2026-03-10T08:55 --script "$out/tour.lotse" 2>"$d/log") ||
  { cat "$d/log" >&2; fail "mixed: exit $?"; }
for f in NotoSansArabic-Bold NotoSansEthiopic-Regular NotoSansEthiopic-Bold; do
  grep -q "font $dir/$f.ttf not usable" "$d/log" || { cat "$d/log" >&2; fail "mixed: $f not logged"; }
done
echo "mixed: ok"

# No usable font at all: a clear error, exit 1, no crash.
mkdir -p "$out/fonts-none"
bad_font garbage "$out/fonts-none/DejaVuSans.ttf" "$dejavu/DejaVuSans.ttf"
d="$out/none"
mkdir -p "$d"
rc=0
(cd "$d" && LOTSE_FONT_DIR="$out/fonts-none" "$lotse" --headless --data "$d/data" \
  --locales "$src/locales" --site "$src/assets/demo-site" --script "$out/tour.lotse" \
  2>"$d/log") || rc=$?
cat "$d/log"
[[ $rc == 1 ]] || fail "none: exit $rc, expected 1"
grep -q "cannot load the regular font: $out/fonts-none/NotoSans-Regular.ttf: No such file or directory; $out/fonts-none/DejaVuSans.ttf: not a TrueType or OpenType font" "$d/log" ||
  fail "none: no clear error naming the files"
if grep -E "AddressSanitizer|runtime error|Segmentation" "$d/log"; then fail "none: sanitizer"; fi
rc=0
LOTSE_FONT_DIR="$out/fonts-none" "$lotse" --check-site "$src/assets/demo-site" \
  --locales "$src/locales" >"$d/check.out" 2>"$d/check.log" || rc=$?
cat "$d/check.log"
[[ $rc == 1 ]] || fail "none: --check-site exit $rc, expected 1"
grep -q "fonts: cannot load the regular font" "$d/check.log" || fail "none: --check-site does not say why"
if grep -E "AddressSanitizer|runtime error|Segmentation" "$d/check.log"; then fail "none: sanitizer"; fi
echo "ok"
