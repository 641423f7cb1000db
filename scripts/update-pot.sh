#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Extract the UI strings into locales/lotse.pot and merge them into every locales/*.po
# (GNU gettext's xgettext and msgmerge). Run after changing a user-visible string.
set -euo pipefail
cd "$(dirname "$0")/.."
xgettext --language=C --from-code=UTF-8 --keyword= --keyword=N_ --keyword=NC_:1c,2 \
  --keyword=T:2 --keyword=i18n_ui:3 --keyword=i18n_ui_n:3,4 --keyword=i18n_ui_ctx:3c,4 \
  --add-comments=TRANSLATORS: --package-name=lotse \
  --msgid-bugs-address=translations@lotse.invalid --sort-by-file \
  -o locales/lotse.pot $(find src/core -name "*.c" | sort)
sed -i '/^"POT-Creation-Date:/d' locales/lotse.pot
for po in locales/*.po; do
  msgmerge --quiet --update --backup=none --no-fuzzy-matching "$po" locales/lotse.pot
done
