#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Fuzz Lotse's parsers with libFuzzer (tests/fuzz/README.md).
#   scripts/fuzz.sh [MINUTES] [TARGET...]
# MINUTES per target (default 2); TARGETs default to all: site po rec export request phone
# keyfile config script stick_open stick_export. Builds every target with clang
# -fsanitize=fuzzer,address,undefined straight from the sources (src/core, src/crypto; for
# config and script also src/app without main.c, src/render, src/store, src/platform; for
# stick_export src/platform), then runs each for MINUTES minutes, one after the other. The committed seed
# corpus (tests/fuzz/corpus/TARGET) is read, never written: new inputs go to a scratch
# corpus under /tmp. A crashing, leaking or hanging input is written to
# tests/fuzz/crashers/TARGET/ (the ctest replay then runs it on every build).
# Installs clang if it is missing (apt-get, as root or through sudo, like scripts/deps.sh);
# the other build dependencies come from scripts/deps.sh.
# Exit status: 0 nothing found, 1 an input crashed a target, 2 usage or build error.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
all_targets=(site po rec export request phone keyfile config script stick_open stick_export)

minutes=${1:-2}
if [[ ! $minutes =~ ^[0-9]+$ ]] || ((minutes < 1)); then
  echo "usage: scripts/fuzz.sh [MINUTES] [TARGET...]   (targets: ${all_targets[*]})" >&2
  exit 2
fi
shift || true
targets=("$@")
if ((${#targets[@]} == 0)); then
  targets=("${all_targets[@]}")
fi
for t in "${targets[@]}"; do
  if [[ ! -f $root/tests/fuzz/fuzz_$t.c ]]; then
    echo "fuzz.sh: unknown target '$t' (targets: ${all_targets[*]})" >&2
    exit 2
  fi
done

work=${FUZZ_WORK_DIR:-$(mktemp -d /tmp/lotse-fuzz.XXXXXX)}
mkdir -p "$work"

# clang with its libFuzzer runtime (Debian: libclang-rt-dev, only recommended by clang).
libfuzzer_works() {
  command -v clang >/dev/null 2>&1 || return 1
  printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return d && n; }\n' \
    >"$work/probe.c"
  clang -fsanitize=fuzzer,address,undefined "$work/probe.c" -o "$work/probe" >/dev/null 2>&1
}
if ! libfuzzer_works; then
  echo "fuzz.sh: installing clang and its libFuzzer runtime"
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q --no-install-recommends clang libclang-rt-dev
  if ! libfuzzer_works; then
    echo "fuzz.sh: clang cannot build a libFuzzer program" >&2
    exit 2
  fi
fi
app_pkgs=(sdl2 SDL2_ttf sqlite3 libpng libqrencode fribidi libsodium libsystemd)
if ! pkg-config --exists "${app_pkgs[@]}"; then
  echo "fuzz.sh: libraries are missing: run scripts/deps.sh first" >&2
  exit 2
fi

# Build: the library sources once (with coverage instrumentation), then one binary each.
warnings=(-Wall -Wextra -Werror -Wshadow -Wmissing-prototypes -Wstrict-prototypes -Wundef -Wvla
          -Wformat=2 -Wno-format-nonliteral)
cflags=(-std=c17 -g -O1 -fno-omit-frame-pointer -fno-sanitize-recover=undefined
        -I"$root/src/core" -I"$root/src/crypto" -I"$root/src/store" -I"$root/src/render"
        -I"$root/src/platform" -I"$root/src/app" -I"$root/tests/fuzz")
read -r -a app_cflags <<<"$(pkg-config --cflags "${app_pkgs[@]}")"
read -r -a app_libs <<<"$(pkg-config --libs "${app_pkgs[@]}")"
echo "fuzz.sh: building in $work/build"
mkdir -p "$work/build"
# compile DIR...: an object for every .c file in src/DIR (src/app: without main.c), listed
# in the array objs_DIR.
compile() {
  local dir src obj
  for dir in "$@"; do
    declare -ga "objs_$dir=()"
    while IFS= read -r src; do
      [[ $src == */src/app/main.c ]] && continue
      obj="$work/build/${dir}_$(basename "$src" .c).o"
      clang "${cflags[@]}" "${app_cflags[@]}" "${warnings[@]}" \
        -fsanitize=fuzzer-no-link,address,undefined -c "$src" -o "$obj"
      eval "objs_$dir+=(\"\$obj\")"
    done < <(find "$root/src/$dir" -name '*.c' | sort)
  done
}
compile core crypto
if [[ " ${targets[*]} " == *" config "* || " ${targets[*]} " == *" script "* ]]; then
  compile app render store platform
elif [[ " ${targets[*]} " == *" stick_export "* ]]; then
  compile platform
fi
for t in "${targets[@]}"; do
  extra=()
  objs=("${objs_core[@]}" "${objs_crypto[@]}")
  case $t in
  keyfile) extra=(-DLOTSE_FUZZ_NO_ARGON2) ;; # 0.5 s and 256 MiB per run, inside libsodium
  config | script)
    extra=(-DLOTSE_SOURCE_DIR="\"$root\"" "${app_cflags[@]}")
    objs=("${objs_app[@]}" "${objs_render[@]}" "${objs_store[@]}" "${objs_platform[@]}"
          "${objs[@]}" "${app_libs[@]}")
    ;;
  stick_export) objs+=("${objs_platform[@]}" "${app_libs[@]}") ;;
  esac
  clang "${cflags[@]}" "${warnings[@]}" "${extra[@]}" -fsanitize=fuzzer,address,undefined \
    "$root/tests/fuzz/fuzz_$t.c" "${objs[@]}" -lsodium -lm -o "$work/build/fuzz_$t"
done

# Run.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
found=0
summary=()
for t in "${targets[@]}"; do
  scratch="$work/corpus/$t"
  crashers="$root/tests/fuzz/crashers/$t"
  mkdir -p "$scratch" "$crashers"
  dict=()
  if [[ -f $root/tests/fuzz/dict/$t.dict ]]; then
    dict=(-dict="$root/tests/fuzz/dict/$t.dict")
  fi
  log="$work/$t.log"
  echo "fuzz.sh: $t for $minutes min (log: $log)"
  env=()
  if [[ $t == script ]]; then # the real kiosk, headless: SDL's allocations look like leaks
    env=(SDL_VIDEODRIVER=offscreen "ASAN_OPTIONS=$ASAN_OPTIONS:detect_leaks=0")
  fi
  rc=0
  env "${env[@]}" "$work/build/fuzz_$t" -max_total_time=$((minutes * 60)) -timeout=30 -print_final_stats=1 \
    "${dict[@]}" -artifact_prefix="$crashers/" "$scratch" "$root/tests/fuzz/corpus/$t" \
    >"$log" 2>&1 || rc=$?
  stats=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  new=$(find "$scratch" -type f | wc -l)
  if ((rc != 0)); then
    found=1
    summary+=("$t: FOUND a problem (exit $rc), see $log and $crashers/")
    grep -E 'ERROR: |runtime error|invariant broken|Test unit written' "$log" | head -n 5 || true
  else
    summary+=("$t: ok, ${execs:-?} runs, ${speed:-?} exec/s, ${new} new inputs; ${stats}")
  fi
  rmdir "$crashers" 2>/dev/null || true # leave no empty directory in the tree
done
rmdir "$root/tests/fuzz/crashers" 2>/dev/null || true

echo
printf '%s\n' "${summary[@]}"
if ((found)); then
  echo "fuzz.sh: add each crasher to tests/fuzz/crashers/TARGET/ (see tests/fuzz/README.md)"
fi
exit "$found"
