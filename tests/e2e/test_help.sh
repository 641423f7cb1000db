#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# `lotse --help` lists every command-line option, configuration key and script command,
# and nothing the README does not document. The expected names come from README.md (the
# usage block of "Running it", the configuration keys of that section, the command table
# of "Automation interface"), not from the tables the help is printed from, and each
# README name is checked against the parser too: a key is not an "unknown setting", a
# command not an "unknown command". An unknown option, key or command is refused with a
# message that names it (file:line for files).
#   test_help.sh LOTSE SOURCE_DIR OUT_DIR
set -euo pipefail
lotse=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }
readme="$src/README.md"

# ---- the names README.md documents -------------------------------------------------------
# section TITLE: the lines of README.md from "## TITLE" to the next "## ".
section() { awk -v t="## $1" '$0 == t { on = 1; next } /^## / { on = 0 } on' "$readme"; }
mapfile -t doc_opts < <(section "Running it" | awk '/^```/ { n++; next } n == 1' |
  grep -oE -- '--[a-z-]+' | sort -u)
# Keys: the backticked names in the "Keys:" paragraph and the first column of the key
# tables ("| key | meaning |") of "Running it".
mapfile -t doc_keys < <(section "Running it" | awk '
  /^Keys:/ { para = 1 }
  para && /^$/ { para = 0 }
  para { print; next }
  /^\| key \| meaning \|/ { table = 1; next }
  table && !/^\|/ { table = 0 }
  table { split($0, c, "|"); print c[2] }' |
  grep -oE '`[A-Z][A-Za-z]*(-[A-Za-z]+)*`' | tr -d '`' | sort -u)
# Commands: the first word of each backticked item in the first column of the command
# table of "Automation interface" (but the comment, "# ...").
mapfile -t doc_cmds < <(section "Automation interface" | awk '
  /^\| command \| meaning \|/ { table = 1; next }
  table && !/^\|/ { table = 0 }
  table { split($0, c, "|"); print c[2] }' |
  grep -oE '`[^`]+`' | tr -d '`' | awk '{ print $1 }' | grep -v '^#' | grep -v '^-' | sort -u)
((${#doc_opts[@]} >= 15)) || fail "found only ${#doc_opts[@]} options in README.md: ${doc_opts[*]}"
((${#doc_keys[@]} >= 18)) || fail "found only ${#doc_keys[@]} keys in README.md: ${doc_keys[*]}"
((${#doc_cmds[@]} >= 21)) || fail "found only ${#doc_cmds[@]} commands in README.md: ${doc_cmds[*]}"
echo "README.md: ${#doc_opts[@]} options, ${#doc_keys[@]} keys, ${#doc_cmds[@]} commands"

# ---- what --help lists -------------------------------------------------------------------
"$lotse" --help >"$out/help.txt" 2>"$out/help.err" || fail "--help: exit $?"
[[ ! -s $out/help.err ]] || fail "--help wrote to stderr: $(cat "$out/help.err")"
"$lotse" -h >"$out/h.txt" || fail "-h: exit $?"
cmp -s "$out/help.txt" "$out/h.txt" || fail "-h differs from --help"
# The three parts of the help: options (before the first blank line), keys, commands.
part() { awk -v n="$1" '/^$/ { p++; next } p == n' "$out/help.txt"; }
mapfile -t help_opts < <(part 0 | grep -oE -- '^  --[a-z-]+' | sed 's/^ *//' | sort -u)
mapfile -t help_keys < <(part 1 | grep -oE '^  [A-Za-z-]+:' | sed 's/^ *//; s/:$//' | sort -u)
mapfile -t help_cmds < <(part 2 | grep -oE '^  [a-z][a-z-]*' | sed 's/^ *//' | sort -u)

# same WHAT: README.md's list ($out/doc-WHAT) equals --help's ($out/help-WHAT).
same() {
  local missing extra
  missing=$(comm -23 "$out/doc-$1" "$out/help-$1" | tr '\n' ' ')
  extra=$(comm -13 "$out/doc-$1" "$out/help-$1" | tr '\n' ' ')
  [[ -z $missing ]] || fail "--help does not list these $1 of README.md: $missing"
  [[ -z $extra ]] || fail "--help lists $1 that README.md does not document: $extra"
}
printf '%s\n' "${doc_opts[@]}" >"$out/doc-options"
printf '%s\n' "${help_opts[@]}" >"$out/help-options"
printf '%s\n' "${doc_keys[@]}" >"$out/doc-keys"
printf '%s\n' "${help_keys[@]}" >"$out/help-keys"
printf '%s\n' "${doc_cmds[@]}" >"$out/doc-commands"
printf '%s\n' "${help_cmds[@]}" >"$out/help-commands"
same options
same keys
same commands

# ---- the parsers know every documented name ----------------------------------------------
export LOTSE_NO_SYSTEM_CONFIG=1
cd "$out"
for key in "${doc_keys[@]}"; do
  # The key with a value (maybe bad), then an unknown key: the start is always refused.
  printf '%s: x\nZz-Unknown-Key: 1\n' "$key" >"$out/key.conf"
  rc=0
  "$lotse" --config "$out/key.conf" --headless 2>"$out/key.err" || rc=$?
  [[ $rc == 2 ]] || fail "$key: exit $rc, expected 2 (configuration refused)"
  ! grep -q "^$out/key.conf:1: $key: unknown setting" "$out/key.err" ||
    fail "README.md documents $key, the parser does not know it"
  grep -qF "$out/key.conf:2: Zz-Unknown-Key: unknown setting" "$out/key.err" ||
    { cat "$out/key.err" >&2; fail "no 'file:line: Key: unknown setting' for an unknown key"; }
done
# Keys are matched without regard to case.
printf 'idle-timeout: 5\n' >"$out/case.conf"
"$lotse" --config "$out/case.conf" --headless 2>"$out/case.err" && fail "idle-timeout: 5 accepted"
grep -qF "$out/case.conf:1: idle-timeout: '5' is not a number of seconds" "$out/case.err" ||
  { cat "$out/case.err" >&2; fail "a lower-case key is not parsed as its key"; }

run_script() { # SCRIPT LOG: the kiosk headless on the demo site; returns its exit status
  "$lotse" --headless --site "$src/assets/demo-site" --locales "$src/locales" \
    --data "$out/data" --now 2026-03-10T08:55 --script "$1" 2>"$2" >"$2.out"
}
for cmd in "${doc_cmds[@]}"; do
  # The command without arguments, on line 2: it runs (back, mem-mark) or is refused for
  # its arguments, never as unknown.
  printf '# %s\n%s\n' "$cmd" "$cmd" >"$out/cmd.lotse"
  rc=0
  run_script "$out/cmd.lotse" "$out/cmd.err" || rc=$?
  [[ $rc == 0 || $rc == 1 ]] || { cat "$out/cmd.err" >&2; fail "$cmd: exit $rc"; }
  ! grep -q "unknown command" "$out/cmd.err" ||
    fail "README.md documents '$cmd', the script parser does not know it: $(cat "$out/cmd.err")"
  if [[ $rc == 1 ]]; then
    grep -qF "$out/cmd.lotse:2: $cmd: missing argument" "$out/cmd.err" ||
      { cat "$out/cmd.err" >&2; fail "$cmd without arguments: no clear message"; }
  fi
done

# ---- unknown names are refused by name ---------------------------------------------------
printf 'lang en\nexpect-screen home\nfrobnicate 1 2\nback\n' >"$out/unknown.lotse"
rc=0
run_script "$out/unknown.lotse" "$out/unknown.err" || rc=$?
[[ $rc == 1 ]] || fail "an unknown command: exit $rc, expected 1"
grep -qF "$out/unknown.lotse:3: unknown command 'frobnicate'" "$out/unknown.err" ||
  { cat "$out/unknown.err" >&2; fail "an unknown command is not named with file:line"; }
printf 'wait 10 20\n' >"$out/many.lotse"
rc=0
run_script "$out/many.lotse" "$out/many.err" || rc=$?
[[ $rc == 1 ]] || fail "too many arguments: exit $rc, expected 1"
grep -qF "$out/many.lotse:1: wait: too many arguments (usage: wait MS)" "$out/many.err" ||
  { cat "$out/many.err" >&2; fail "too many arguments: no usage"; }

printf 'Site: %s\n\nFrobnicate: 1\n' "$src/assets/demo-site" >"$out/unknown.conf"
rc=0
"$lotse" --config "$out/unknown.conf" --headless 2>"$out/unknown-conf.err" || rc=$?
[[ $rc == 2 ]] || fail "an unknown key: exit $rc, expected 2"
grep -qF "$out/unknown.conf:3: Frobnicate: unknown setting" "$out/unknown-conf.err" ||
  { cat "$out/unknown-conf.err" >&2; fail "an unknown key is not named with file:line"; }

rc=0
"$lotse" --frobnicate >"$out/bad-option.out" 2>"$out/bad-option.err" || rc=$?
[[ $rc == 2 ]] || fail "an unknown option: exit $rc, expected 2"
grep -qF "lotse: unknown option '--frobnicate'" "$out/bad-option.err" ||
  fail "an unknown option is not named: $(cat "$out/bad-option.err")"
# The usage printed then is the options part of --help.
diff <(part 0) <(grep -v "unknown option" "$out/bad-option.err") >&2 ||
  fail "the usage on a bad option differs from the options of --help"
echo "ok: --help lists ${#doc_opts[@]} options, ${#doc_keys[@]} keys, ${#doc_cmds[@]} commands"
