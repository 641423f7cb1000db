#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# At rest, the greeting goes round every language of locales/languages.txt, in that
# order, again and again, so that a parent passing by sees her own - also the languages
# late in the list (Български, Shqip, Bosanski/Hrvatski/Srpski, Français, ትግርኛ,
# Soomaali). The idle timeout must not restart the round at German. Each language's
# greeting is its translation of "Welcome! Here you find help." in locales/CODE.po.
# Three runs of 20 minutes of the virtual clock, untouched after the start:
#   - the default period (no option, no configuration key), sampled every second;
#   - --greeting-rotation 8, sampled once in the middle of every period;
#   - "Greeting-Rotation: 7" in the configuration, sampled once in every period.
#   test_greeting_round.sh LOTSE SOURCE_DIR OUT_DIR
set -euo pipefail
lotse=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }
round=(python3 "$src/tests/e2e/greeting_round.py")
"${round[@]}" expected "$src/locales" >"$out/expected.txt"
[[ $(wc -l <"$out/expected.txt") == 18 ]] || fail "not 18 languages: $(cat "$out/expected.txt")"
minutes=20

# run NAME FIRST_MS STEP_MS CONFIG_LINE [LOTSE OPTION...]: sample the greeting at FIRST_MS
# and then every STEP_MS for $minutes minutes; the dumps are $out/NAME/NNNN.json.
run() {
  local name=$1 first=$2 step=$3 conf_line=$4
  shift 4
  local dir="$out/$name" n=$((minutes * 60000 / step)) i
  mkdir -p "$dir"
  printf '%s\n' "$conf_line" >"$dir/lotse.conf"
  {
    echo "expect-screen home"
    echo "wait $first"
    for ((i = 0; i < n; i++)); do
      printf 'dump %s/%04d.json\n' "$dir" "$i"
      echo "wait $step"
    done
    echo "expect-screen home"
  } >"$dir/run.lotse"
  "$lotse" --headless --config "$dir/lotse.conf" --site "$src/assets/demo-site" \
    --locales "$src/locales" --data "$dir/data" --now 2026-03-10T08:55 "$@" \
    --script "$dir/run.lotse" 2>"$dir/run.log" || { cat "$dir/run.log" >&2; fail "$name: the kiosk failed"; }
}

failed=0
# check NAME STRICT MIN_ROUNDS
check() {
  echo "== $1"
  "${round[@]}" check "$src/locales" "$2" "$3" "$out/$1"/[0-9]*.json || failed=1
}

run default 500 1000 "# the default Greeting-Rotation"
check default 0 2
run option8 4000 8000 "# --greeting-rotation 8" --greeting-rotation 8
check option8 0 8
run config7 3500 7000 "Greeting-Rotation: 7"
check config7 0 8

((failed == 0)) || fail "the greeting does not go round every language"
echo "ok"
