#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Every language on every kind of screen: the display list stays inside the screen, no
# text overflows its box, right-to-left languages mirror the layout, and screenshots of
# the home and a service page in Arabic, Ukrainian and Tigrinya (for the README).
# Missing glyphs are checked by --check-site over every screen (test_check_site).
#   test_languages.sh LOTSE SOURCE_DIR OUT_DIR
set -euo pipefail
lotse=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }

echo "Worker-Key: $src/assets/demo-keys/worker.pk" >"$out/test.conf"

codes=$(sed -n 's/^Language: *//p' "$src/locales/languages.txt")
for code in $codes; do
  d="$out/$code"
  mkdir -p "$d"
  cat >"$d/script.lotse" <<SCRIPT
lang $code
dump home.json
screenshot home.png
tap-id start
dump menu.json
tap-id menu.hours
dump hours.json
tap-id nav.back
tap-id menu.help
dump topics.json
tap-id topic.money
dump topic.json
tap-id service.but
dump service.json
screenshot service.png
tap-id emergency
dump emergency.json
tap-id nav.home
tap-id start
tap-id menu.contact
dump contact.json
tap-id contact.topic.money
tap-id contact.how.phone
dump contact-how.json
tap-id contact.next
dump contact-details.json
tap-id contact.name.box
dump contact-keyboard.json
SCRIPT
  (cd "$d" && "$lotse" --headless --data "$d/data" --locales "$src/locales" \
    --site "$src/assets/demo-site" --config "$out/test.conf" --now 2026-11-23T10:00 \
    --script script.lotse 2>"$d/log") || { cat "$d/log"; fail "script in $code"; }
done

python3 - "$out" $codes <<'PY'
import json, os, sys
out, codes = sys.argv[1], sys.argv[2:]
problems = []
screens = [f[:-5] for f in sorted(os.listdir(os.path.join(out, "de"))) if f.endswith(".json")]
def load(code, screen):
    with open(os.path.join(out, code, screen + ".json"), encoding="utf-8") as f:
        return json.load(f)
for code in codes:
    for screen in screens:
        d = load(code, screen)
        W, H = d["width"], d["height"]
        if d["lang"] != code:
            problems.append(f"{code}/{screen}: lang is {d['lang']}")
        for e in d["elements"]:
            x, y, w, h = e["x"], e["y"], e["w"], e["h"]
            if x < 0 or y < 0 or x + w > W or y + h > H:
                problems.append(f"{code}/{screen}: {e['id']} outside the screen")
            if e.get("overflow"):
                problems.append(f"{code}/{screen}: {e['id']} overflows: {e.get('text','')[:50]!r}")
            if e["role"] == "text" and e.get("text") and not e.get("lines"):
                problems.append(f"{code}/{screen}: {e['id']} has no lines")
        rtl = d["dir"] == "rtl"
        if rtl != (code in ("ar", "fa", "ps")):
            problems.append(f"{code}/{screen}: direction {d['dir']}")
        # Mirroring: the layout's boxes are those of German, flipped for RTL.
        ref = {e["id"]: e for e in load("de", screen)["elements"]}
        for e in d["elements"]:
            r = ref.get(e["id"])
            if not r or (r["w"], r["h"], r["y"]) != (e["w"], e["h"], e["y"]):
                continue
            want = W - r["x"] - r["w"] if rtl else r["x"]
            if e["id"].startswith(("key.", "pin.")):
                want = r["x"]  # keyboards and number pads keep their physical order
            if e["x"] != want:
                problems.append(f"{code}/{screen}: {e['id']} at x={e['x']}, expected {want}")
        back = [e for e in d["elements"] if e["id"] == "nav.back"]
        if back and rtl and not back[0]["x"] > W / 2:
            problems.append(f"{code}/{screen}: the back button is not on the right")
print(f"{len(codes)} languages x {len(screens)} screens checked")
for p in problems[:40]:
    print("PROBLEM:", p)
sys.exit(1 if problems else 0)
PY
for code in ar uk ti; do
  [[ -s "$out/$code/home.png" && -s "$out/$code/service.png" ]] || fail "no screenshots for $code"
done
echo "languages: OK"
