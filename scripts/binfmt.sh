#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Make sure the kernel runs aarch64 programs through qemu-user (binfmt_misc), so the
# tests of the cross build can start the aarch64 binaries directly and mmdebstrap can run
# an arm64 root file system's maintainer scripts. Exit 0 when it works, 1 with the reason.
set -euo pipefail
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  sudo=(sudo)
fi
dir=/proc/sys/fs/binfmt_misc
if [[ ! -e $dir/register ]]; then
  "${sudo[@]}" mount -t binfmt_misc binfmt_misc "$dir" 2>/dev/null || true
fi
if [[ ! -e $dir/register ]]; then
  echo "binfmt.sh: binfmt_misc is not available (cannot mount $dir)" >&2
  exit 1
fi
if [[ ! -e $dir/qemu-aarch64 ]] || ! grep -qx enabled "$dir/qemu-aarch64"; then
  "${sudo[@]}" update-binfmts --enable qemu-aarch64 >/dev/null 2>&1 ||
    "${sudo[@]}" update-binfmts --import qemu-aarch64 >/dev/null 2>&1 || true
fi
if ! grep -qx enabled "$dir/qemu-aarch64" 2>/dev/null; then
  echo "binfmt.sh: qemu-aarch64 is not registered with binfmt_misc" >&2
  exit 1
fi
# The flag F (fix binary) lets namespaced tests (unshare) still find the interpreter.
echo "binfmt: aarch64 programs run through $(sed -n 's/^interpreter //p' "$dir/qemu-aarch64")"
