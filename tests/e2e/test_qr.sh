#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# QR codes a phone can read: every code on every QR screen of the demo site (all 18
# service pages, the consultation hours, "Take it home", the request confirmation), in
# German, Arabic and Ukrainian, is cut out of a headless screenshot and decoded by zbarimg
# (a real decoder); the decoded text must equal the element's payload in the dump. The
# drawing is checked too: at 1280x800 at least 4 px per module, 200 px per code and a
# quiet zone of 4 modules. The calendar entry (across the spring DST change) gives the
# Berlin wall-clock time of the consultation hour; contact cards carry Arabic and
# Cyrillic names intact.
#   test_qr.sh LOTSE SOURCE_DIR OUT_DIR
set -euo pipefail
lotse=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v zbarimg >/dev/null || fail "zbarimg missing (zbar-tools)"
convert=/usr/bin/convert
[[ -x $convert ]] || fail "$convert missing (imagemagick)"

cat >"$out/test.conf" <<CONF
Worker-Key: $src/assets/demo-keys/worker.pk
CONF

# Friday 23 October 2026, 10:00 (summer time): the next consultation hour (Tuesday 27
# October, 9:00-12:00) lies after the change back to winter time on 25 October.
now=2026-10-23T10:00
n_shots=0
for code in de ar uk; do
  d="$out/$code"
  mkdir -p "$d"
  {
    echo "lang $code"
    # Every service page's codes: phone, website, map, contact card (what it has).
    python3 - "$src/assets/demo-site/services.txt" <<'PY'
import sys
services, cur = [], None
for line in open(sys.argv[1], encoding="utf-8"):
    key, _, value = line.partition(":")
    if key == "Service":
        cur = {"id": value.strip()}
        services.append(cur)
    elif cur is not None and key in ("Topic", "Phone", "Web", "Address", "Geo"):
        cur[key] = value.strip()
for i, sv in enumerate(services):
    if i:
        print("tap-id nav.home")
    print("tap-id start"); print("tap-id menu.help")
    print(f"tap-id topic.{sv['Topic']}"); print(f"tap-id service.{sv['id']}"); print("tap-id service.qr")
    items = [("Phone", "qr.tel"), ("Web", "qr.web"), ("Address", "qr.map"), ("Geo", "qr.map")]
    seen = []
    for key, item in items:
        if key in sv and item not in seen:
            seen.append(item)
    seen.append("qr.card")
    for item in seen:
        print(f"tap-id {item}.choose")
        print(f"screenshot service-{sv['id']}-qr.{item[3:]}.png")
        print(f"dump service-{sv['id']}-qr.{item[3:]}.json")
PY
    # The consultation hours: the next hour as a calendar entry, the worker's card.
    echo "tap-id nav.home"; echo "tap-id start"; echo "tap-id menu.hours"; echo "tap-id hours.qr"
    for item in qr.hour qr.worker; do
      echo "tap-id $item.choose"; echo "screenshot hours-$item.png"; echo "dump hours-$item.json"
    done
    # Take it home: the hour, the emergency numbers, the service seen this visit.
    echo "tap-id nav.home"; echo "tap-id start"; echo "tap-id menu.takehome"
    for item in qr.hour qr.emergency; do
      echo "tap-id $item.choose"; echo "screenshot home-$item.png"; echo "dump home-$item.json"
    done
    # The request confirmation: the next hour with the ticket code.
    echo "tap-id nav.home"; echo "tap-id start"; echo "tap-id menu.contact"
    echo "tap-id contact.topic.money"; echo "tap-id contact.how.visit"; echo "tap-id contact.next"
    echo "tap-id contact.next"; echo "tap-id contact.next"; echo "expect-screen contact-done"
    echo "dump done.json"; echo "tap-id done.qr"
    echo "screenshot ticket-qr.ticket.png"; echo "dump ticket-qr.ticket.json"
  } >"$d/script.lotse"
  (cd "$d" && "$lotse" --headless --data "$d/data" --locales "$src/locales" \
    --site "$src/assets/demo-site" --config "$out/test.conf" --now "$now" \
    --script script.lotse 2>"$d/log") || { cat "$d/log"; fail "script in $code"; }
  # One Python process per language checks every code (a crop each; zbarimg decodes
  # the crops in one call per code).
  count=$(python3 - "$convert" "$d"/*-qr.*.json <<'PY'
import json, subprocess, sys
convert, paths = sys.argv[1], sys.argv[2:]
for path in paths:
    png, crop = path[:-5] + ".png", path[:-5] + "-code.pgm"
    d = json.load(open(path, encoding="utf-8"))
    qrs = [e for e in d["elements"] if e["role"] == "qr"]
    if len(qrs) != 1:
        sys.exit(f"{path}: {len(qrs)} QR elements")
    e = qrs[0]
    if e["w"] < 200 or e["h"] < 200:
        sys.exit(f"{path}: the code's box is {e['w']}x{e['h']} px (< 200)")
    subprocess.run([convert, png, "-crop", f"{e['w']}x{e['h']}+{e['x']}+{e['y']}", "+repage",
                    "-colorspace", "gray", "-depth", "8", crop], check=True)
    # Module size from the top-left finder pattern (7 modules dark across), quiet zone
    # from the first dark pixel.
    raw = open(crop, "rb").read()
    parts = raw.split(maxsplit=4)
    w, h = int(parts[1]), int(parts[2])
    pix = parts[4]
    y0, x0 = next((y, x) for y in range(h) for x in range(w) if pix[y * w + x] < 128)
    run = 0
    while x0 + run < w and pix[y0 * w + x0 + run] < 128:
        run += 1
    px = run / 7
    if px < 4 or run % 7:
        sys.exit(f"{path}: {px:.2f} px per module (finder run {run})")
    if x0 < 4 * px or y0 < 4 * px:
        sys.exit(f"{path}: quiet zone {min(x0, y0) / px:.1f} modules")
    got = subprocess.run(["zbarimg", "--raw", "-q", crop], capture_output=True).stdout.decode()
    if got.endswith("\n"):
        got = got[:-1]
    if got != e["payload"]:
        sys.exit(f"{path}: zbarimg read {got[:80]!r}, the payload is {e['payload'][:80]!r}")
    print(f"{path.split('/')[-2]}/{path.split('/')[-1]}: {len(e['payload'])} bytes, "
          f"{px:.0f} px/module, decoded", file=sys.stderr)
print(len(paths))
PY
) || fail "QR codes in $code"
  n_shots=$((n_shots + count))
done
[[ $n_shots -ge 200 ]] || fail "only $n_shots codes checked"

# The calendar entry: 9:00-12:00 Berlin time on Tuesday 27 October (winter time), the
# ticket code from the confirmation in it, and the Arabic/Ukrainian cards' names intact.
python3 - "$out" <<'PY' || fail "payload contents"
import json, sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo
out = sys.argv[1]
def payload(code, name):
    d = json.load(open(f"{out}/{code}/{name}.json", encoding="utf-8"))
    return next(e["payload"] for e in d["elements"] if e["role"] == "qr")
def prop(text, key):
    for line in text.split("\r\n"):
        if line.startswith(key + ":"):
            return line[len(key) + 1:]
    sys.exit(f"no {key} in {text[:60]!r}")
berlin = ZoneInfo("Europe/Berlin")
for code in ("de", "ar", "uk"):
    ics = payload(code, "hours-qr.hour")
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and "BEGIN:VEVENT\r\n" in ics, ics[:60]
    start = datetime.strptime(prop(ics, "DTSTART"), "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
    end = datetime.strptime(prop(ics, "DTEND"), "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
    ls, le = start.astimezone(berlin), end.astimezone(berlin)
    if (ls.strftime("%Y-%m-%d %H:%M"), le.strftime("%H:%M")) != ("2026-10-27 09:00", "12:00"):
        sys.exit(f"{code}: calendar entry {ls} - {le}, expected 2026-10-27 09:00-12:00 Berlin")
    if prop(ics, "DTSTART") != "20261027T080000Z":  # CET, UTC+1, no longer CEST
        sys.exit(f"{code}: DTSTART {prop(ics, 'DTSTART')}")
    done = json.load(open(f"{out}/{code}/done.json", encoding="utf-8"))
    ticket = next(e["text"] for e in done["elements"] if e["id"] == "done.code")
    if ticket not in payload(code, "ticket-qr.ticket"):
        sys.exit(f"{code}: the ticket {ticket} is not in the confirmation's code")
    card = payload(code, "service-but-qr.card")
    for key in ("BEGIN", "VERSION", "FN", "N", "TEL;TYPE=WORK,VOICE", "ADR;TYPE=WORK", "URL"):
        prop(card, key)
# A web address the site translated: the page in her language.
for code in ("ar", "uk"):
    web = payload(code, "service-but-qr.web")
    if web != f"https://beispielstadt.example.org/but/{code}":
        sys.exit(f"{code}: website code {web!r}")
    if f"URL:https://beispielstadt.example.org/but/{code}" not in payload(code, "service-but-qr.card"):
        sys.exit(f"{code}: the card lacks the page in {code}")
if payload("de", "service-but-qr.web") != "https://beispielstadt.example.org/but":
    sys.exit("de: website code")
fn_ar = prop(payload("ar", "service-but-qr.card"), "FN")
fn_uk = prop(payload("uk", "service-but-qr.card"), "FN")
if not any("\u0600" <= c <= "\u06ff" for c in fn_ar):
    sys.exit(f"the Arabic card's name is not Arabic: {fn_ar!r}")
if not any("\u0400" <= c <= "\u04ff" for c in fn_uk):
    sys.exit(f"the Ukrainian card's name is not Cyrillic: {fn_uk!r}")
print("calendar 2026-10-27 09:00-12:00 Berlin (CET) in de, ar, uk; names:", fn_ar, "/", fn_uk)
PY
# The calendar entry follows the recurrence rules (tests/e2e/sites/rules): on Saturday
# 24 October 2026 the next hour is the every-second-week Monday 26 October, 9:00 winter
# time (not Monday 19 October's rhythm, nor the odd-week Wednesday). The code holds that
# one date, decoded by zbarimg, and no RRULE that a phone would repeat weekly.
r="$out/rules"
mkdir -p "$r"
printf '%s\n' "tap-id start" "tap-id menu.hours" "tap-id hours.qr" "tap-id qr.hour.choose" \
  "screenshot hour.png" "dump hour.json" >"$r/script.lotse"
(cd "$r" && "$lotse" --headless --data "$r/data" --locales "$src/locales" \
  --site "$src/tests/e2e/sites/rules" --now 2026-10-24T12:00 --script script.lotse 2>"$r/log") ||
  { cat "$r/log"; fail "rules site script"; }
python3 - "$convert" "$r" <<'PY' || fail "the rules site's calendar entry"
import json, subprocess, sys
convert, r = sys.argv[1], sys.argv[2]
d = json.load(open(f"{r}/hour.json", encoding="utf-8"))
e = next(e for e in d["elements"] if e["role"] == "qr")
subprocess.run([convert, f"{r}/hour.png", "-crop", f"{e['w']}x{e['h']}+{e['x']}+{e['y']}",
                "+repage", f"{r}/code.png"], check=True)
got = subprocess.run(["zbarimg", "--raw", "-q", f"{r}/code.png"], capture_output=True).stdout.decode()
ics = got[:-1] if got.endswith("\n") else got  # zbarimg adds one newline
if ics != e["payload"]:
    sys.exit(f"zbarimg read {ics[:60]!r}")
if "DTSTART:20261026T080000Z\r\n" not in ics or "DTEND:20261026T110000Z\r\n" not in ics:
    sys.exit(f"not Monday 26.10. 9:00-12:00 CET: {ics!r}")
if "RRULE" in ics:
    sys.exit("the entry repeats")
print("rules site: calendar entry Monday 2026-10-26 09:00-12:00 Berlin (CET)")
PY

# A payload too big for a readable code is an error of --check-site, not a tiny code:
# a service whose opening hours (which go into its contact card) run to 800 characters.
big="$out/big-site"
cp -r "$src/assets/demo-site" "$big"
line=$(grep -n -m1 '^Hours:' "$big/services.txt" | cut -d: -f1)
long=$(printf 'Montag bis Freitag 9 bis 12 Uhr und nach Vereinbarung %.0s' $(seq 15))
sed -i "${line}s/.*/Hours: $long/" "$big/services.txt"
if "$lotse" --locales "$src/locales" --check-site "$big" >"$out/big.out" 2>"$out/big.err"; then
  fail "an oversized QR payload was accepted"
fi
grep -q "QR code 'qr.card' on screen 'qr' in language de: [0-9]* bytes are too many" "$out/big.err" ||
  { head -5 "$out/big.err"; fail "no QR size error"; }
echo "qr: OK ($n_shots codes decoded)"
