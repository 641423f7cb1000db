#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Broken text in site content and in translations: invalid UTF-8 (stray bytes, overlong
# forms, surrogates, beyond U+10FFFF, cut sequences), NUL bytes, C0 and C1 controls,
# noncharacters, bidi controls left open or in addresses, empty values, 10 kB values with
# and without spaces. For each broken copy of the demo site (record files and the site's
# locales/ar.po) `lotse --check-site` fails with file:line; the acceptable ones pass, and
# the kiosk lays their service pages out inside the screen. The 10 kB texts are reported
# by --check-site as not fitting, and the kiosk still lays them out inside the screen
# (clipped, marked as overflow). Broken UI translations (--locales DIR) are reported by
# --translation-status and by the kiosk with file:line; the kiosk runs on. Never a crash
# or a sanitizer report (this test runs in the ASan build too).
#   test_bad_text.sh LOTSE SOURCE_DIR OUT_DIR
set -euo pipefail
lotse=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }

# ---- the broken copies ---------------------------------------------------------------------
cat >"$out/gen.py" <<'PY'
# gen.py SRC OUT: OUT/site-NAME/ (copies of the demo site), OUT/locales-NAME/ (copies of
# the UI locales) and OUT/manifest.tsv: NAME, site|ui, error|ok, the places the errors
# must name ("file:line", comma-separated; "-" for none).
import os, shutil, sys
src, out = sys.argv[1], sys.argv[2]
demo, ui = os.path.join(src, "assets/demo-site"), os.path.join(src, "locales")
rows = []
U = lambda s: s.encode("utf-8")

def find(lines, prefix, start=0):
    for i in range(start, len(lines)):
        if lines[i].startswith(prefix):
            return i
    sys.exit("gen.py: no line starting with %r" % prefix)

def variant(kind, name, base, edits, expect):
    d = os.path.join(out, kind + "-" + name)
    shutil.rmtree(d, ignore_errors=True)
    shutil.copytree(base, d)
    where = []
    for rel, edit in edits:
        path = os.path.join(d, rel)
        lines = open(path, "rb").read().split(b"\n")
        line = edit(lines)
        open(path, "wb").write(b"\n".join(lines))
        where.append("%s:%d" % (rel, line))
    rows.append((name, kind, expect, ",".join(where) if expect == "error" else "-"))

def field(key, value, record=None):
    """The field key of the record starting with `record` (its continuation lines too)
    becomes `key: value`; the error is expected on its line."""
    def edit(lines):
        i = find(lines, key.encode() + b":", find(lines, record) if record else 0)
        k = i + 1
        while k < len(lines) and lines[k][:1] in (b" ", b"\t"):
            k += 1
        lines[i:k] = [key.encode() + b":" + (b" " + value if value else b"")]
        return i + 1
    return edit

def svc(key, value):  # a field of the first service, "but" (services.txt:8)
    return ("services.txt", field(key, value, b"Service: but"))

def msgstr(msgid, literal, rel="locales/ar.po"):
    """The msgstr after msgid gets the one-line string literal."""
    def edit(lines):
        i = find(lines, b'msgid "' + msgid + b'"')
        j = find(lines, b"msgstr", i)
        k = j + 1
        while k < len(lines) and lines[k].startswith(b'"'):
            k += 1
        lines[j:k] = [b'msgstr "' + literal + b'"']
        return j + 1
    return (rel, edit)

def site(name, edits, expect="error"):
    variant("site", name, demo, edits, expect)

def uipo(name, lang, msgid, literal, expect="error"):
    variant("locales", name, ui, [msgstr(msgid, literal, lang + ".po")], expect)

long_words = U(" ".join(["Beratung"] * 1200))  # 10 kB with spaces
long_nospace = U("Antragsformular" * 690)        # 10 kB without a space
but = U("Bildung und Teilhabe (BuT)")
# Invalid in the record files: the line is refused as a whole.
site("invalid-utf8", [svc("Name", b"Bildung \xff\xfe Teilhabe")])
site("overlong-2", [svc("Name", b"Bildung \xc0\xaf Teilhabe")])
site("overlong-3", [svc("Name", b"Bildung \xe0\x80\xaf Teilhabe")])
site("overlong-nul", [svc("Name", b"Bildung \xc0\x80 Teilhabe")])
site("surrogate-high", [svc("Name", b"Bildung \xed\xa0\x80 Teilhabe")])
site("surrogate-low", [svc("Name", b"Bildung \xed\xbf\xbf Teilhabe")])
site("beyond-10ffff", [svc("Name", b"Bildung \xf4\x90\x80\x80")])
site("cut-sequence", [svc("Name", b"Bildung \xe2\x80")])
site("nul", [svc("Description", b"Geld\x00 f\xc3\xbcr das Mittagessen")])
site("c0-esc", [svc("Name", b"Bildung \x1b[31m Teilhabe")])
site("c0-cr", [svc("Hours", b"Mo\rDi")])
site("del", [svc("Name", b"Bildung \x7f")])
site("c1-nel", [svc("Name", U("Bildung \u0085 Teilhabe"))])
site("c1-csi", [svc("Description", U("Geld \u009b31m f\u00fcr alle"))])
site("noncharacter", [svc("Name", U("Bildung \ufffe"))])
site("line-separator", [svc("Name", U("Bildung\u2028Teilhabe"))])
site("bad-schedule", [("schedule.txt", field("Hours", b"anna\xc2"))])
# Bidi controls in odd places.
site("bidi-open", [svc("Name", U("\u202eBildung und Teilhabe"))])
site("bidi-stray-pdf", [svc("Name", U("Bildung und Teilhabe\u202c"))])
site("bidi-open-isolate", [svc("Costs", U("kosten\u2067los"))])
site("bidi-crossed", [svc("Address", U("\u202bRathausplatz \u2066 1\u202c\u2069"))])
site("bidi-phone", [svc("Phone", U("\u20660123 456 78-20\u2069"))])
site("bidi-web", [svc("Web", U("https://beispiel\u202egro.elpmaxe\u202c"))])
site("zwsp-web", [svc("Web", U("https://beispiel\u200bstadt.example.org"))])
site("bidi-id", [("site.txt", field("Kita", U("sonnenblume\u202e"), b"Kita: sonnenblume"))])
site("bidi-title", [("site.txt", field("Site", U("\u202eDemo-Kita")))])
# Empty values.
site("empty-name", [svc("Name", b"")])
site("empty-description", [svc("Description", b"")])
site("empty-title", [("site.txt", field("Site", b""))])
site("invisible-name", [svc("Name", U("\u200f\u200b\u00a0"))])
# The site's translations.
site("po-invalid-utf8", [msgstr(but, b"\xff\xfe")])
site("po-nul", [msgstr(but, b"abc\x00def")])
site("po-c1", [msgstr(but, U("abc\u0085"))])
site("po-escape-invalid", [msgstr(but, b"\\xff")])
site("po-escape-esc", [msgstr(but, b"abc\\x1b[31m")])
site("po-escape-cr", [msgstr(but, b"abc\\rdef")])
site("po-escape-bell", [msgstr(but, b"abc\\a")])
site("po-escape-c1", [msgstr(but, b"abc\\302\\205")])
site("po-escape-surrogate", [msgstr(but, b"abc\\355\\240\\200")])
site("po-escape-overlong", [msgstr(but, b"abc\\300\\257")])
site("po-escape-nul", [msgstr(but, b"abc\\0def")])
site("po-bidi-open", [msgstr(but, U("\u202eabc"))])
# 10 kB: parsed, then reported as not fitting (at the German source line: the check names
# the field the text comes from, in every language).
variant("site", "long", demo, [
    svc("Name", long_words),
    svc("Description", long_nospace),
    msgstr(U("Beratung zu Kinderzuschlag und Wohngeld"), long_words),
], "error")
kiz = find(open(os.path.join(out, "site-long/services.txt"), "rb").read().split(b"\n"),
           b"Name: Beratung zu Kinderzuschlag") + 1
rows[-1] = ("long", "site", "error", "services.txt:10,services.txt:11,services.txt:%d" % kiz)
# Acceptable: a 10 kB site title (never shown), balanced bidi controls, a long description
# that fits, empty optional values and an empty translation (the German text is shown).
site("fine", [
    ("site.txt", field("Site", long_words)),
    svc("Name", U("Bildung \u2067und\u2069 Teilhabe \u202bBuT\u202c\u200f")),
    svc("Description", U("Geld f\u00fcr das Mittagessen in der Kita, f\u00fcr Ausfl\u00fcge, "
                         "Schulsachen und den Sportverein. ") * 4 +
        U("Antragsformular/Einkommensnachweis/Wohngeldbescheid-Kopie.")),
    svc("Costs", b""),
    msgstr(U("Beratung zu Kinderzuschlag und Wohngeld"), b""),
], "ok")
# Broken UI translations.
uipo("ui-invalid-utf8", "ar", b"Find help", b"\xff\xfe")
uipo("ui-escape-esc", "ar", b"Find help", b"\\x1b[2J")
uipo("ui-c1", "de", b"Find help", U("Hilfe\u0085finden"))
uipo("ui-bidi-open", "ar", b"Find help", U("\u202eabc"))
uipo("ui-nul", "de", b"Find help", b"Hilfe\x00")
# Acceptable UI translations: too long (shrunk, then clipped), empty (English/German).
uipo("ui-long", "de", b"Find help", long_words, "ok")
uipo("ui-long-nospace", "ar", b"Find help", long_nospace, "ok")
uipo("ui-empty", "de", b"Find help", b"", "ok")
with open(os.path.join(out, "manifest.tsv"), "w") as f:
    for r in rows:
        f.write("\t".join(r) + "\n")
PY
python3 "$out/gen.py" "$src" "$out"

# Every element of every dump inside the screen; a text that did not fit is flagged.
cat >"$out/inside.py" <<'PY'
import json, sys
bad = []
for path in sys.argv[1:]:
    d = json.load(open(path, encoding="utf-8"))
    W, H = d["width"], d["height"]
    for e in d["elements"]:
        x, y, w, h = e["x"], e["y"], e["w"], e["h"]
        if x < 0 or y < 0 or w < 0 or h < 0 or x + w > W or y + h > H:
            bad.append("%s: %s outside the screen (%d,%d %dx%d)" % (path, e["id"], x, y, w, h))
        if e["role"] == "text" and e.get("text") and not e.get("lines"):
            bad.append("%s: %s has no lines" % (path, e["id"]))
        if e.get("overflow"):
            print("%s: %s overflows (%d lines at %d px, clipped)" % (
                path, e["id"], len(e.get("lines", [])), e.get("font_px", 0)))
if bad:
    sys.exit("\n".join(bad))
PY

# no_crash NAME RC LOG: exit code below 128 and no sanitizer report.
no_crash() {
  [[ $2 -lt 128 ]] || { cat "$3" >&2; fail "$1: killed by a signal (exit $2)"; }
  if grep -E "AddressSanitizer|LeakSanitizer|runtime error|Segmentation fault" "$3"; then
    fail "$1: sanitizer report"
  fi
}

# ---- --check-site on every site copy ---------------------------------------------------------
while IFS=$'\t' read -r name kind expect where; do
  [[ $kind == site ]] || continue
  rc=0
  "$lotse" --check-site "$out/site-$name" --locales "$src/locales" >"$out/$name.out" \
    2>"$out/$name.err" || rc=$?
  no_crash "$name" "$rc" "$out/$name.err"
  if [[ $expect == ok ]]; then
    [[ $rc == 0 ]] || { cat "$out/$name.err" >&2; fail "$name: --check-site exit $rc, expected 0"; }
    echo "$name: valid"
    continue
  fi
  [[ $rc == 1 ]] || { cat "$out/$name.err" >&2; fail "$name: --check-site exit $rc, expected 1"; }
  IFS=, read -r -a places <<<"$where"
  for place in "${places[@]}"; do
    grep -qE "(^|/)$place(:| \\()" "$out/$name.err" ||
      { cat "$out/$name.err" >&2; fail "$name: no error naming $place"; }
  done
  echo "$name: $(grep -m1 -E "(^|/)${places[0]}(:| \\()" "$out/$name.err" | cut -c1-160)"
done <"$out/manifest.tsv"

# ---- the kiosk lays out the long and the acceptable service pages --------------------------
cat >"$out/service.lotse" <<'S'
tap-id start
tap-id menu.help
tap-id topic.money
dump topic-de.json
tap-id service.but
expect-screen service
dump but-de.json
screenshot but-de.png
back
tap-id service.kinderzuschlag-wohngeld
dump kiz-de.json
lang ar
dump kiz-ar.json
screenshot kiz-ar.png
back
tap-id service.but
dump but-ar.json
screenshot but-ar.png
S
for name in long fine; do
  d="$out/kiosk-$name"
  mkdir -p "$d"
  rc=0
  (cd "$d" && "$lotse" --headless --data "$d/data" --locales "$src/locales" \
    --site "$out/site-$name" --now 2026-03-10T08:55 --script "$out/service.lotse" \
    2>"$d/log") || rc=$?
  no_crash "kiosk-$name" "$rc" "$d/log"
  [[ $rc == 0 ]] || { cat "$d/log" >&2; fail "kiosk-$name: exit $rc"; }
  grep -q "site content from $out/site-$name" "$d/log" ||
    { cat "$d/log" >&2; fail "kiosk-$name: the site content was not shown"; }
  python3 "$out/inside.py" "$d"/*.json | tee "$d/overflow.txt" || fail "kiosk-$name: layout"
done
for f in but-de but-ar kiz-ar; do
  grep -q "$f.json: service.name\|$f.json: service.description" "$out/kiosk-long/overflow.txt" ||
    fail "kiosk-long: the 10 kB text on $f is not flagged as overflowing"
done
[[ ! -s $out/kiosk-fine/overflow.txt ]] || fail "kiosk-fine: an acceptable text overflows"
python3 - "$out/kiosk-fine/but-de.json" <<'PY' || fail "kiosk-fine: the balanced bidi name"
import json, sys
els = {e["id"]: e for e in json.load(open(sys.argv[1], encoding="utf-8"))["elements"]}
name = els["service.name"]
assert name["text"] == "Bildung \u2067und\u2069 Teilhabe \u202bBuT\u202c\u200f", name
desc = els["service.description"]
assert len(desc["lines"]) > 3, desc
PY

# ---- broken UI translations: --translation-status and the kiosk ------------------------------
cat >"$out/tour.lotse" <<'S'
lang ar
expect-screen home
dump home-ar.json
tap-id start
dump menu-ar.json
lang de
dump menu-de.json
back
expect-screen home
dump home-de.json
screenshot home-de.png
S
while IFS=$'\t' read -r name kind expect where; do
  [[ $kind == locales ]] || continue
  dir="$out/locales-$name" d="$out/kiosk-$name"
  rc=0
  "$lotse" --translation-status --locales "$dir" >"$out/$name.status" 2>"$out/$name.err" || rc=$?
  no_crash "$name: --translation-status" "$rc" "$out/$name.err"
  if [[ $expect == error ]]; then
    [[ $rc == 1 ]] || { cat "$out/$name.err" >&2; fail "$name: --translation-status exit $rc"; }
    grep -q "$dir/$where: " "$out/$name.err" ||
      { cat "$out/$name.err" >&2; fail "$name: --translation-status does not name $where"; }
  else
    [[ $rc == 0 ]] || { cat "$out/$name.err" >&2; fail "$name: --translation-status exit $rc"; }
  fi
  mkdir -p "$d"
  rc=0
  (cd "$d" && "$lotse" --headless --data "$d/data" --locales "$dir" \
    --site "$src/assets/demo-site" --now 2026-03-10T08:55 --script "$out/tour.lotse" \
    2>"$d/log") || rc=$?
  no_crash "kiosk-$name" "$rc" "$d/log"
  [[ $rc == 0 ]] || { cat "$d/log" >&2; fail "kiosk-$name: exit $rc"; }
  if [[ $expect == error ]]; then
    grep -q "lotse: translations: $dir/$where: " "$d/log" ||
      { cat "$d/log" >&2; fail "kiosk-$name: the log does not name $where"; }
  elif grep -q "translations:" "$d/log"; then
    cat "$d/log" >&2
    fail "kiosk-$name: a translation error for an acceptable catalog"
  fi
  python3 "$out/inside.py" "$d"/*.json || fail "kiosk-$name: layout"
  echo "$name: ok"
done <"$out/manifest.tsv"
echo "ok"
