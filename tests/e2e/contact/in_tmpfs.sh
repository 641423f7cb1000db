#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Run a command with a small tmpfs mounted on DIR, as a broken USB stick:
#   in_tmpfs.sh ro|full|probe DIR LISTING CMD...
#   ro     mounted read-only
#   full   16 kB, filled with a filler file until ENOSPC
#   probe  only check that mounting works (CMD is not run)
# After CMD, the names in DIR (ls -A) are written to LISTING and DIR is unmounted. Exits
# with CMD's status. Meant to run inside "unshare -rm" (the mount then vanishes with
# the namespace) or as root.
set -euo pipefail
mode=$1 dir=$2 listing=$3
shift 3
mkdir -p "$dir"
case $mode in
  ro) mount -t tmpfs -o size=16k,ro tmpfs "$dir" ;;
  full) mount -t tmpfs -o size=16k tmpfs "$dir" ;;
  probe) mount -t tmpfs -o size=16k tmpfs "$dir"
         touch "$dir/x"
         umount "$dir"
         exit 0 ;;
  *) echo "in_tmpfs.sh: unknown mode $mode" >&2; exit 2 ;;
esac
trap 'umount "$dir" 2>/dev/null || true' EXIT
if [[ $mode == ro ]]; then
  if touch "$dir/probe" 2>/dev/null; then echo "in_tmpfs.sh: $dir is writable" >&2; exit 2; fi
else
  # Fill it: dd stops with ENOSPC. Then it must really be full: not even one byte fits.
  dd if=/dev/zero of="$dir/filler" bs=1k 2>/dev/null || true
  sync
  if printf x >>"$dir/filler" 2>/dev/null; then
    echo "in_tmpfs.sh: $dir is not full" >&2
    exit 2
  fi
  echo "filled $dir: $(stat -c %s "$dir/filler") bytes" >&2
fi
rc=0
"$@" || rc=$?
ls -A "$dir" >"$listing"
exit "$rc"
