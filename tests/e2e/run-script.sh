#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Run one end-to-end script against the real lotse binary, headless.
#   run-script.sh LOTSE SOURCE_DIR OUT_DIR SCRIPT
# A first line "#! ARGS" in the script gives extra lotse options (e.g. --now, --site);
# "@src" in them stands for the source tree. The default site is the demo site. The
# script runs in OUT_DIR/<name>, so relative screenshot/dump paths land there.
set -euo pipefail
lotse=$1 src=$2 out=$3 script=$4
name=$(basename "$script" .lotse)
dir="$out/$name"
rm -rf "$dir"
mkdir -p "$dir"
args=()
first=$(head -n 1 "$script")
if [[ "$first" == "#!"* ]]; then
  read -r -a args <<<"${first#\#!}"
  args=("${args[@]//@src/$src}")
fi
has_site=0
for a in "${args[@]}"; do [[ "$a" == --site ]] && has_site=1; done
((has_site)) || args+=(--site "$src/assets/demo-site")
cd "$dir"
exec "$lotse" --headless --data "$dir/data" --locales "$src/locales" "${args[@]}" --script "$script"
