#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# The German menu tile for a contact request speaks for the parent ("Ich möchte
# kontaktiert werden"), not to her: "Bitte melden Sie sich" read as the kiosk telling
# her to get in touch. The tile (enabled, with the demo worker key), the header of the
# contact step it opens, and the label fit their boxes; the old wording is nowhere on
# these screens. Easy German keeps its own first-person label.
#   test_menu_label_de.sh LOTSE SOURCE_DIR OUT_DIR
set -euo pipefail
lotse=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
# shellcheck source=contact/lib.sh
source "$src/tests/e2e/contact/lib.sh"

conf="$out/lotse.conf"
make_conf "$conf" "$out/stick"
label="Ich möchte kontaktiert werden"
cat >"$out/label.lotse" <<EOF
lang de
expect-screen home
tap-id start
expect-screen menu
dump $out/menu-de.json
expect "$label"
expect-not "Bitte melden Sie sich"
tap "$label"
expect-screen contact
dump $out/contact-de.json
expect-not "Bitte melden Sie sich"
tap-id nav.home
lang de-easy
tap-id start
expect-screen menu
dump $out/menu-de-easy.json
expect "Ich möchte ein Gespräch"
EOF
kiosk "$conf" "$out/data" 2026-03-10T08:55 "$out/label.lotse" "$out/label.log" ||
  { cat "$out/label.log" >&2; fail "label.lotse"; }

python3 - "$out" "$label" <<'EOF'
import json, sys
out, label = sys.argv[1], sys.argv[2]
def load(name):
    with open("%s/%s.json" % (out, name), encoding="utf-8") as f:
        return json.load(f)
menu = load("menu-de")
tile = next((e for e in menu["elements"] if e["id"] == "menu.contact"), None)
if tile is None:
    sys.exit("FAIL: no menu.contact on the German menu")
if tile.get("text") != label:
    sys.exit("FAIL: German menu.contact says %r, not %r" % (tile.get("text"), label))
if not tile.get("enabled"):
    sys.exit("FAIL: menu.contact is not enabled with the demo worker key")
for name in ("menu-de", "contact-de", "menu-de-easy"):
    for e in load(name)["elements"]:
        if e.get("overflow"):
            sys.exit("FAIL: %s: %s does not fit: %r" % (name, e["id"], e.get("text")))
        if "Bitte melden Sie sich" in (e.get("text") or ""):
            sys.exit("FAIL: %s: %s still says 'Bitte melden Sie sich'" % (name, e["id"]))
print("ok: German menu.contact is %r, fits, enabled" % label)
EOF
# The real fonts agree: nothing in the demo site's UI texts is reported as not fitting.
"$lotse" --headless --check-site "$src/assets/demo-site" --locales "$src/locales" \
  --now 2026-03-10T08:55 >"$out/check.log" 2>&1 || { cat "$out/check.log" >&2; fail "--check-site"; }
echo "ok"
