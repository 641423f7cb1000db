#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Nothing a parent typed, and not her ticket code, stays behind once she leaves the private
# screens: neither on the screen nor in a cache of the renderer (text lines, QR payloads).
# The request confirmation's QR code carries the ticket; leaving the QR screen must forget
# that code too (it used to stay in the QR cache, which kept every encoding it made).
#   test_private_forgotten.sh LOTSE SOURCE_DIR OUT_DIR
set -euo pipefail
lotse=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out/stick"
# shellcheck source=contact/lib.sh
source "$src/tests/e2e/contact/lib.sh"
conf="$out/lotse.conf"
make_conf "$conf" "$out/stick"

cat >"$out/forget.lotse" <<'SCRIPT'
tap-id start
tap-id menu.contact
tap-id contact.topic.money
tap-id contact.how.phone
tap-id contact.next
tap-id contact.name.box
type "Zarah Quell"
tap-id contact.phone.box
type "017655501234"
tap-id contact.next
expect-screen contact-consent
expect "Zarah Quell"
tap-id contact.next
expect-screen contact-done
remember done.code
# The ticket's codes: a calendar entry and a text with the code.
tap-id done.qr
expect-screen qr
tap-id qr.ticket.choose
# Back out through Start: the QR screen, then the confirmation, are left.
tap-id nav.home
expect-screen home
expect-forgotten @done.code
expect-forgotten "Zarah Quell"
expect-forgotten "017655501234"
# The same through the emergency numbers from the QR screen, then Start.
tap-id start
tap-id menu.contact
tap-id contact.topic.health
tap-id contact.how.visit
tap-id contact.next
tap-id contact.name.box
type "Quinn Yara"
tap-id contact.next
tap-id contact.next
expect-screen contact-done
remember done.code
tap-id done.qr
tap-id emergency
expect-screen emergency
expect-forgotten @done.code
expect-forgotten "Quinn Yara"
tap-id nav.home
expect-forgotten @done.code
SCRIPT
if ! kiosk "$conf" "$out/data" 2026-03-10T08:55 "$out/forget.lotse" "$out/forget.log" \
  >"$out/forget.out"; then
  cat "$out/forget.out"
  tail -n 20 "$out/forget.log" >&2
  fail "something private stayed behind"
fi
echo "PASS: name, phone and ticket code forgotten after the private screens"
