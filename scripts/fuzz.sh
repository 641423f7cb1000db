#!/usr/bin/env bash
# Fuzz Lotse's parsers with libFuzzer (tests/fuzz/README.md).
#   scripts/fuzz.sh [MINUTES] [TARGET...]
# MINUTES per target (default 2); TARGETs default to all: site po rec export request phone
# keyfile. Builds every target with clang -fsanitize=fuzzer,address,undefined straight from
# the sources (src/core, src/crypto), then runs each for MINUTES minutes. The committed seed
# corpus (tests/fuzz/corpus/TARGET) is read, never written: new inputs go to a scratch
# corpus under /tmp. A crashing, leaking or hanging input is written to
# tests/fuzz/crashers/TARGET/ (the ctest replay then runs it on every build).
# Installs clang if it is missing (apt-get, as root or through sudo, like scripts/deps.sh);
# the other build dependencies come from scripts/deps.sh.
# Exit status: 0 nothing found, 1 an input crashed a target, 2 usage or build error.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
all_targets=(site po rec export request phone keyfile)

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
if ! pkg-config --exists libsodium; then
  echo "fuzz.sh: libsodium is missing: run scripts/deps.sh first" >&2
  exit 2
fi

# Build: the library sources once (with coverage instrumentation), then one binary each.
warnings=(-Wall -Wextra -Werror -Wshadow -Wmissing-prototypes -Wstrict-prototypes -Wundef -Wvla
          -Wformat=2 -Wno-format-nonliteral)
cflags=(-std=c17 -g -O1 -fno-omit-frame-pointer -fno-sanitize-recover=undefined
        -I"$root/src" -I"$root/src/core" -I"$root/tests/fuzz")
echo "fuzz.sh: building in $work/build"
mkdir -p "$work/build"
objs=()
for src in "$root"/src/core/*.c "$root"/src/crypto/*.c; do
  obj="$work/build/$(basename "$(dirname "$src")")_$(basename "$src" .c).o"
  clang "${cflags[@]}" "${warnings[@]}" -fsanitize=fuzzer-no-link,address,undefined \
    -c "$src" -o "$obj"
  objs+=("$obj")
done
for t in "${targets[@]}"; do
  extra=()
  if [[ $t == keyfile ]]; then
    extra=(-DLOTSE_FUZZ_NO_ARGON2) # 0.5 s and 256 MiB per run, all of it inside libsodium
  fi
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
  rc=0
  "$work/build/fuzz_$t" -max_total_time=$((minutes * 60)) -timeout=30 -print_final_stats=1 \
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
