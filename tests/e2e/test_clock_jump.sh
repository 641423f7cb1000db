#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# The wall clock jumps a year forward and a year back while the kiosk runs (the
# monotonic clock goes on; script `clock-jump`). The home screen's clock and next
# consultation hours follow the new wall clock (they equal those of a kiosk started at
# that time); the idle timeout still fires after 90 s of monotonic time across a jump;
# the request queue survives both jumps (counted by the wall clock, +1 year would have
# purged it); a request made while the clock is a year behind is filed under the day
# the kiosk counts, and all requests are purged after 61 days of monotonic time even
# though the wall clock then still says they are young. The jump is logged.
#   test_clock_jump.sh LOTSE SOURCE_DIR OUT_DIR
set -euo pipefail
lotse=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
# shellcheck source=contact/lib.sh
source "$src/tests/e2e/contact/lib.sh"

conf="$out/lotse.conf"
make_conf "$conf" "$out/stick"

# request TOPIC: script lines of an anonymous request (a visit, nothing typed), from home.
request() {
  cat <<LINES
lang en
tap "Find help"
tap "Contact me"
tap "$1"
tap-id contact.how.visit
tap "No"
tap "Next"
tap "Next"
expect-screen contact-consent
tap "Yes, send"
expect-screen contact-done
tap "Done"
expect-screen home
LINES
}

cat >"$out/jump.lotse" <<SCRIPT
# 2026-03-10 08:55: two requests
$(request "Money and benefits")
expect-queue 1
wait 61000
$(request "Something else")
expect-queue 2
# 08:58, back home in German after the idle timeout
wait 119000
expect-screen home
dump $out/at-2026-03-10T08:58.json
# a year forward: nothing is purged
clock-jump +365d
expect-queue 2
dump $out/at-2027-03-10T08:58.json
# the idle timeout spans a jump back: still 90 s of monotonic time
tap "Hilfe finden"
expect-screen menu
wait 45000
clock-jump -365d
wait 44000
expect-screen menu
wait 1000
expect-screen home
wait 30000
expect-queue 2
dump $out/at-2026-03-10T09:00.json
# a year back: nothing is kept longer; a request made now is filed under the kiosk's day
clock-jump -365d
expect-queue 2
dump $out/at-2025-03-10T09:00.json
$(request "Health and development")
expect-queue 3
# 59 days later the requests are young ...
wait 5097600000
expect-queue 3
# ... 61 days after they were made they are gone, though the wall clock says 2025-05
wait 172800000
expect-queue 0
SCRIPT
kiosk "$conf" "$out/data" 2026-03-10T08:55 "$out/jump.lotse" "$out/jump.log" ||
  { cat "$out/jump.log" >&2; fail "jump.lotse"; }
cat "$out/jump.log"

grep -q "the wall clock jumped" "$out/jump.log" || fail "the jump was not logged"
grep -q "deleted 3 requests not collected within 60 days" "$out/jump.log" ||
  fail "the purge after 61 days was not logged"

# Each dump's clock and next hours equal those of a kiosk started at that time.
for dump in "$out"/at-*.json; do
  when=$(basename "$dump" .json)
  when=${when#at-}
  printf 'dump %s\n' "$out/ref-$when.json" >"$out/ref.lotse"
  kiosk "$conf" "$out/ref-data" "$when" "$out/ref.lotse" "$out/ref.log" ||
    { cat "$out/ref.log" >&2; fail "reference at $when"; }
  python3 - "$dump" "$out/ref-$when.json" <<'PY' || fail "home at $when differs from a kiosk started then"
import json, sys
def texts(path):
    d = json.load(open(path))
    return {e["id"]: e.get("text") for e in d["elements"]
            if e["id"] == "clock" or e["id"].startswith("next.")}
got, want = texts(sys.argv[1]), texts(sys.argv[2])
print(sys.argv[1].rsplit("/", 1)[1], got.get("clock"), "|", got.get("next.0.when"))
if got != want or not got.get("clock"):
    print("got ", got, "\nwant", want, file=sys.stderr)
    sys.exit(1)
PY
done
echo "ok: the schedule follows the wall clock, retention the days the kiosk ran"
